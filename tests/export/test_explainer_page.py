"""The explainer page: the long image with alt text and the full transcript below it, or the
transcript with a clear note when no image could be drawn."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from PIL import Image

from studio.domain.errors import InvalidInput
from studio.render.export.exporter import export_package
from tests.export.conftest import SITE_OPTIONS
from tests.export.html_scan import scan_file


def _explainer_page(out):
    return next(out.glob("policies/*/explainer.html"))


def test_rendered_long_image_with_alt_text_and_transcript(site):
    tenant = next(p for p in json.loads((site.root / "metadata.json").read_text("utf-8"))["packages"]
                  if p["metadata"]["doc_number"] == "明政办规〔2026〕2号")
    page = site.root / tenant["pages"]["explainer"]
    html = page.read_text("utf-8")
    found = scan_file(page)
    images = [s for s in found.sources if s.startswith("media/")]
    assert images, "the explainer page shows no image"
    for src in images:
        data = (page.parent / src).read_bytes()
        with Image.open(io.BytesIO(data)) as img:
            assert img.width >= 600 and img.height > img.width
    assert 'alt="' in html and 'alt=""' not in html
    transcript = html[html.index('id="transcript-heading"'):]
    for words in ("补贴标准", "500", "800", "1200", "怎么申请", "登录明湖就业服务平台"):
        assert words in transcript
    assert "没有生成" not in html and "未能生成" not in html


def test_explainer_without_a_font_shows_the_transcript_and_says_so(library, tmp_path, monkeypatch):
    import studio.render.explainer as renderer

    def no_font(*args, **kwargs):
        raise InvalidInput("系统中没有可用的中文字体，无法绘制图解。请安装中文字体后重试。")

    monkeypatch.setattr(renderer, "render", no_font)
    report = export_package(library.folders["tenant"], tmp_path / "out", SITE_OPTIONS)
    page = _explainer_page(tmp_path / "out")
    html = page.read_text("utf-8")
    assert "图解图片未能生成：系统中没有可用的中文字体" in html
    assert not [s for s in scan_file(page).sources if s.startswith("media/")]
    assert "登录明湖就业服务平台" in html[html.index('id="transcript-heading"'):]
    assert report.warnings and "没有可用的中文字体" in report.warnings[0]


def test_a_drawing_error_does_not_stop_the_export(library, tmp_path, monkeypatch):
    import studio.render.explainer as renderer

    monkeypatch.setattr(renderer, "render", lambda *a, **k: 1 / 0)
    report = export_package(library.folders["tenant"], tmp_path / "out", SITE_OPTIONS)
    assert "图解图片绘制出错（ZeroDivisionError）" in _explainer_page(tmp_path / "out").read_text("utf-8")
    assert report.packages == 1 and len(report.warnings) == 1


@pytest.mark.parametrize("module", ["studio.render", "studio.render.export.exporter", "studio.cli.commands_export"])
def test_export_code_does_not_load_qt(module):
    code = f"import sys, {module}; sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
