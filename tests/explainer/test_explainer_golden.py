"""Golden images: each section type, and whole pages in each theme, compared pixel by pixel.

The goldens are stored at half size (small files, and a one-pixel anti-aliasing shift in
another FreeType build stays within the tolerance). After a deliberate change of the
drawing, regenerate them with STUDIO_UPDATE_GOLDEN=1 and look at every changed file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from studio.render.explainer import prepare, render_page, render_section
from studio.render.explainer.fonts import find_cjk_font
from tests.explainer.content import META, SECTIONS, piece

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("STUDIO_UPDATE_GOLDEN") == "1"
# A pixel differs when a channel moves by more than this; few may differ, none by much on average.
PIXEL_TOLERANCE = 40
MAX_DIFFERING_SHARE = 0.005
MAX_MEAN_DIFFERENCE = 2.0

PAGES = {
    "page-contact-750-red": (("contact",), 750, "red"),
    "page-figures-1080-blue": (("figures",), 1080, "blue"),
    "page-qa-750-high-contrast": (("qa",), 750, "high-contrast"),
}


@pytest.fixture(scope="module", autouse=True)
def _golden_font():
    if find_cjk_font().family != "Noto Sans CJK SC":
        pytest.skip("the goldens were drawn with Noto Sans CJK SC, which this machine lacks")


def half(image: Image.Image) -> Image.Image:
    return image.reduce(2)


def compare(name: str, image: Image.Image, tmp_path: Path) -> None:
    path = GOLDEN / f"{name}.png"
    actual = half(image)
    if UPDATE:
        actual.save(path, optimize=True)
        pytest.skip(f"golden {path.name} written")
    assert path.is_file(), f"no golden {path.name}: run with STUDIO_UPDATE_GOLDEN=1 to create it"
    expected = Image.open(path).convert("RGB")
    out = tmp_path / f"{name}-actual.png"
    if expected.size != actual.size:
        actual.save(out)
        raise AssertionError(f"{name}: size {actual.size} differs from the golden {expected.size} (see {out})")
    diff = ImageChops.difference(expected, actual).convert("L")
    histogram = diff.histogram()
    pixels = actual.width * actual.height
    differing = sum(histogram[PIXEL_TOLERANCE + 1:]) / pixels
    mean = sum(i * n for i, n in enumerate(histogram)) / pixels
    if differing > MAX_DIFFERING_SHARE or mean > MAX_MEAN_DIFFERENCE:
        actual.save(out)
        raise AssertionError(f"{name}: {differing:.2%} of pixels differ, mean difference {mean:.2f} (see {out})")


@pytest.mark.parametrize("key", list(SECTIONS))
def test_each_section_type_matches_its_golden(key, tmp_path):
    prepared = prepare(piece(key), META, width=750, theme="red")
    compare(f"section-{key}-750-red", render_section(prepared, 0), tmp_path)


@pytest.mark.parametrize("name", list(PAGES))
def test_whole_pages_match_their_goldens(name, tmp_path):
    keys, width, theme = PAGES[name]
    prepared = prepare(piece(*keys), META, width=width, theme=theme)
    compare(name, render_page(prepared).image, tmp_path)


def test_the_comparison_notices_a_change(tmp_path):
    prepared = prepare(piece("qa"), META, width=750, theme="red")
    image = render_section(prepared, 0)
    changed = piece("qa", sections=[dict(SECTIONS["qa"], answer="可以。租房补贴与购房补贴可以同时享受。")])
    other = render_section(prepare(changed, META, width=750, theme="red"), 0)
    if UPDATE:
        pytest.skip("goldens being written")
    compare("section-qa-750-red", image, tmp_path)
    with pytest.raises(AssertionError):
        compare("section-qa-750-red", other, tmp_path)
