"""Rendering to files: every section type, deterministic bytes, no metadata, slices, cache names."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from studio.domain.errors import ActionRefused, InvalidInput
from studio.render.explainer import prepare, render, render_page, render_section
from studio.render.explainer.encode import encode, slice_bounds
from tests.explainer.content import META, SECTIONS, piece, with_section

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def full_page():
    return render_page(prepare(piece(), META, width=1080, theme="red"))


def png_chunks(data: bytes) -> list[bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = [], 8
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        chunks.append(data[pos + 4:pos + 8])
        pos += 12 + length
    return chunks


def jpeg_markers(data: bytes) -> list[int]:
    markers, pos = [], 2
    while pos < len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: image data follows
            break
        pos += 2 + struct.unpack(">H", data[pos + 2:pos + 4])[0]
    return markers


def webp_chunks(data: bytes) -> list[bytes]:
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    chunks, pos = [], 12
    while pos < len(data):
        fourcc, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        chunks.append(fourcc)
        pos += 8 + size + (size & 1)
    return chunks


@pytest.mark.parametrize("key", list(SECTIONS))
@pytest.mark.parametrize("width", [1080, 750])
def test_every_section_type_renders_at_both_widths(key, width):
    page = render_page(prepare(piece(key), META, width=width))
    image = page.image
    assert image.width == width and image.mode == "RGB"
    assert 800 < image.height < 4000
    # The section's card is there: the page is not a blank between header and footer.
    middle = image.crop((0, image.height // 3, width, image.height * 2 // 3))
    assert len(middle.getcolors(1 << 16) or range(1 << 16)) > 20


def test_the_whole_explainer_grows_with_its_content(full_page):
    short = render_page(prepare(piece("points"), META, width=1080)).image
    assert full_page.image.height > short.height * 4


def test_rendering_twice_gives_identical_bytes(tmp_path):
    first = render(piece(), META, tmp_path / "a", formats=("png", "jpg", "webp"), reuse=False)
    second = render(piece(), META, tmp_path / "b", formats=("png", "jpg", "webp"), reuse=False)
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_png_carries_no_metadata(full_page):
    data = encode(full_page.image, "png")
    assert set(png_chunks(data)) == {b"IHDR", b"IDAT", b"IEND"}


def test_jpeg_carries_no_exif_or_comment(full_page):
    data = encode(full_page.image, "jpg")
    markers = jpeg_markers(data)
    assert 0xE1 not in markers and 0xFE not in markers and 0xE2 not in markers  # EXIF/XMP, comment, ICC
    assert not Image.open(io.BytesIO(data)).getexif()


def test_webp_carries_no_exif_xmp_or_icc(full_page):
    data = encode(full_page.image, "webp")
    assert not {b"EXIF", b"XMP ", b"ICCP"} & set(webp_chunks(data))


def test_metadata_on_the_source_image_does_not_leak(full_page):
    image = full_page.image.copy()
    image.info.update({"dpi": (300, 300), "comment": b"secret", "exif": b"Exif\x00\x00secret"})
    for fmt in ("png", "jpg", "webp"):
        assert b"secret" not in encode(image, fmt)


def test_files_are_named_by_content_width_and_theme(tmp_path):
    [png, jpg] = render(piece("qa"), META, tmp_path, width=750, theme="政务蓝")
    assert png.name.startswith("explainer-750-blue-") and png.suffix == ".png" and jpg.suffix == ".jpg"
    [other, _] = render(piece("contact"), META, tmp_path, width=750, theme="blue")
    assert other.name != png.name
    assert Image.open(png).size[0] == 750


def test_an_unchanged_explainer_is_not_drawn_again(tmp_path):
    paths = render(piece("qa"), META, tmp_path)
    stamps = [p.stat().st_mtime_ns for p in paths]
    os.utime(paths[0], ns=(1, 1))
    again = render(piece("qa"), META, tmp_path)
    assert again == paths and paths[0].stat().st_mtime_ns == 1 and paths[1].stat().st_mtime_ns == stamps[1]


def test_prune_keeps_only_the_current_render_of_a_width_and_theme(tmp_path):
    old = render(piece("qa"), META, tmp_path, prune=True)
    other_width = render(piece("qa"), META, tmp_path, width=750, prune=True)
    keep = tmp_path / "notes.png"
    keep.write_bytes(b"not ours")
    new = render(piece("contact"), META, tmp_path, prune=True)
    names = {p.name for p in tmp_path.iterdir()}
    assert not {p.name for p in old} & names
    assert {p.name for p in new + other_width} <= names and "notes.png" in names


def test_slices_cut_between_sections_within_the_height(tmp_path, full_page):
    paths = render(piece(), META, tmp_path, formats=("png",), slice_height=2000)
    assert [p.name.rsplit("-", 1)[1] for p in paths] == [f"{i}of{len(paths)}.png" for i in range(1, len(paths) + 1)]
    heights = [Image.open(p).height for p in paths]
    assert sum(heights) == full_page.image.height and max(heights) <= 2000
    cuts = [sum(heights[:i]) for i in range(1, len(heights))]
    assert set(cuts) <= set(full_page.breaks)
    # Stacked again, the slices are the page.
    stacked = Image.new("RGB", full_page.image.size)
    y = 0
    for p in paths:
        part = Image.open(p)
        stacked.paste(part, (0, y))
        y += part.height
    assert stacked.tobytes() == full_page.image.tobytes()


def test_slice_bounds_prefer_section_breaks_then_any_then_a_hard_cut():
    assert slice_bounds(1000, 600, [100, 500], preferred=[450]) == [(0, 450), (450, 1000)]
    assert slice_bounds(1000, 600, [100, 500], preferred=[]) == [(0, 500), (500, 1000)]
    assert slice_bounds(1000, 600, [50]) == [(0, 600), (600, 1000)]
    with pytest.raises(InvalidInput):
        slice_bounds(1000, 100, [])


def test_content_that_cannot_be_drawn_is_refused_with_the_reasons(tmp_path):
    bad = with_section({"type": "chart", "heading": "构成", "chart": "pie", "data": [["甲", -1], ["乙", 2]]})
    with pytest.raises(ActionRefused) as e:
        render(bad, META, tmp_path)
    assert e.value.message.startswith("图解内容有以下问题，无法生成图片：")
    assert "负数" in e.value.message
    assert list(tmp_path.iterdir()) == []


def test_an_empty_explainer_and_a_bad_width_are_refused(tmp_path):
    with pytest.raises(ActionRefused) as e:
        render(piece(sections=[]), META, tmp_path)
    assert "还没有内容" in e.value.message
    with pytest.raises(InvalidInput) as e:
        render(piece("qa"), META, tmp_path, width=800)
    assert "1080（通用长图）或 750（手机端）" in e.value.message
    with pytest.raises(InvalidInput) as e:
        render(piece("qa"), META, tmp_path, formats=("gif",))
    assert "不支持的图片格式“gif”" in e.value.message


def test_the_stored_width_and_theme_are_the_defaults(tmp_path):
    [png] = render(piece("qa", width=750, theme="高对比度"), META, tmp_path, formats=("png",))
    assert png.name.startswith("explainer-750-high-contrast-")


def test_overlong_text_wraps_or_shrinks_inside_the_card():
    long_text = "毕业学年内低保家庭零就业家庭脱贫家庭残疾以及获得国家助学贷款的高校毕业生" * 2
    sections = [
        {"type": "figures", "heading": "核心数字超长的小标题也要完整显示出来不被截断", "items": [
            {"value": "123456789012", "unit": "元/人·月", "label": long_text}, {"value": "1", "unit": "", "label": "短"}]},
        {"type": "chart", "heading": "图", "chart": "barh", "source": long_text,
         "data": [[long_text, 123456789], ["短", 1]]},
        {"type": "contact", "heading": "咨询", "org": long_text, "phone": "0599-87000000转1234567"},
    ]
    prepared = prepare(piece(sections=sections), META, width=750)
    margin = round(40 * 750 / 1080)
    page_bg = prepared.theme.rgb("page_bg")
    for index in range(len(sections)):
        image = render_section(prepared, index)
        # The strips beside the card keep the page colour: no text spills past the card.
        for box in ((0, 0, margin, image.height), (image.width - margin, 0, image.width, image.height)):
            assert image.crop(box).getcolors() == [(margin * image.height, page_bg)], sections[index]["type"]


@pytest.mark.parametrize("module", ["studio.domain", "studio.domain.explainer", "studio.domain.rules",
                                    "studio.render.explainer", "studio.cli.main"])
def test_matplotlib_loads_only_when_a_chart_is_drawn(module):
    code = f"import sys, {module}; print(sorted(m for m in ('matplotlib', 'PIL', 'PySide6') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    loaded = eval(out)  # noqa: S307 - our own printed list
    assert "matplotlib" not in loaded and "PySide6" not in loaded
    if module.startswith("studio.domain") or module == "studio.cli.main":
        assert "PIL" not in loaded
