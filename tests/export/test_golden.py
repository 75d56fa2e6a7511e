"""Golden files: the exported pages of one package, byte for byte.

Regenerate after an intended change with STUDIO_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studio.render.export import media
from studio.render.export.exporter import export_package
from tests.export.conftest import SITE_OPTIONS, bundle_files

GOLDEN = Path(__file__).parent / "golden" / "tenant"
UPDATE = os.environ.get("STUDIO_UPDATE_GOLDEN") == "1"


def _fixed_render(piece, meta):
    """A stand-in for the explainer renderer, so these files test the pages, not the drawing."""
    data, w, h = media.clean_image(_PNG, "PNG")
    return [media.MediaFile("explainer-1.png", data, w, h)], ""


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 300), (163, 25, 31)).save(out, "PNG")
    return out.getvalue()


_PNG = _png()


@pytest.fixture(scope="module")
def tenant_bundle(library, tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setattr(media, "_render", _fixed_render)
    try:
        out = tmp_path_factory.mktemp("golden") / "bundle"
        export_package(library.folders["tenant"], out, SITE_OPTIONS)
    finally:
        mp.undo()
    return {path: data for path, data in bundle_files(out).items()
            if not path.startswith("assets/") and not path.endswith(".png")}


def test_package_pages_match_golden_files(tenant_bundle):
    if UPDATE:
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for path, data in tenant_bundle.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(tenant_bundle) == sorted(expected), "exported files differ from the golden set"
    for path, data in tenant_bundle.items():
        assert data.decode("utf-8") == expected[path].decode("utf-8"), f"{path} differs from its golden file"


def test_golden_set_covers_every_page_type(tenant_bundle):
    pages = {Path(p).name for p in tenant_bundle if p.startswith("policies/")}
    assert {"index.html", "interpretation.html", "explainer.html", "faq.html", "consultation.html",
            "metadata.json"} <= pages
