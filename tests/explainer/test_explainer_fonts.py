"""CJK font discovery, the Chinese message when there is none, and the missing-glyph test."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from studio.domain.errors import ActionRefused
from studio.domain.explainer import transcript_markdown
from studio.render.explainer import fonts, render
from studio.render.explainer.fonts import (
    CjkFontMissing,
    check_coverage,
    find_cjk_font,
    missing_characters,
)
from tests.demo.sources import WITH_EXPLAINER, demo_package
from tests.explainer.content import META, piece, with_section

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture(autouse=True)
def _fresh_discovery():
    fonts._discover.cache_clear()
    yield
    fonts._discover.cache_clear()


def explainer_texts() -> list[str]:
    """Every text the tests and the demo packages put in an explainer image."""
    texts = [transcript_markdown(piece(), META)]
    for name in WITH_EXPLAINER:
        demo = demo_package(name)
        texts.append(transcript_markdown(demo.explainer(), demo.metadata()))
    return texts


def drawn_characters() -> list[str]:
    chars = dict.fromkeys("".join(explainer_texts()))
    return [c for c in chars if not c.isspace() and c.isprintable()]


def test_the_simplified_chinese_face_is_found():
    if not NOTO.is_file():
        pytest.skip("Noto Sans CJK is not installed here")
    font = find_cjk_font()
    assert (font.regular.path, font.regular.index, font.family) == (str(NOTO), 2, "Noto Sans CJK SC")
    assert font.bold is not None and font.bold.style == "Bold" and font.bold.family == "Noto Sans CJK SC"


@pytest.mark.parametrize("face", ["regular", "bold"])
def test_no_character_of_the_explainer_falls_back_to_the_missing_glyph_box(face):
    """Each character drawn with the font must have its own glyph: checked in the font's
    character map, and by drawing it and comparing with the font's .notdef box."""
    font = find_cjk_font()
    chosen = font.regular if face == "regular" else font.bold
    if chosen is None:
        pytest.skip("the font has no bold face; bold is drawn from the regular one")
    chars = drawn_characters()
    assert len(chars) > 300  # the check covers a real vocabulary, not a handful of characters
    cmap = TTFont(chosen.path, fontNumber=chosen.index, lazy=True).getBestCmap()
    unmapped = [c for c in chars if ord(c) not in cmap]
    assert unmapped == [], f"characters without a glyph in {chosen.family}: {unmapped}"
    assert missing_characters(chosen, "".join(chars)) == []


def test_the_drawing_check_spots_what_the_cmap_lacks():
    font = find_cjk_font()
    cmap = TTFont(font.regular.path, fontNumber=font.regular.index, lazy=True).getBestCmap()
    candidates = ["\U0001F600", "\U00020000", "\u2E80", "\U000F0000"]
    lacking = [c for c in candidates if ord(c) not in cmap]
    assert lacking, "every candidate is in the font: choose rarer characters"
    assert missing_characters(font.regular, "政策" + "".join(lacking)) == lacking


def test_text_the_font_cannot_draw_is_refused_in_chinese():
    font = find_cjk_font()
    with pytest.raises(ActionRefused) as e:
        check_coverage(font, "补贴\U0001F600标准")
    assert "缺少以下字符的字形：“\U0001F600”（U+1F600）" in e.value.message
    assert "画出来会是方框" in e.value.message and "STUDIO_CJK_FONT" in e.value.message


def test_render_refuses_an_explainer_with_a_character_the_font_lacks(tmp_path):
    section = {"type": "points", "heading": "要点", "items": ["补贴标准\U0001F600"]}
    with pytest.raises(ActionRefused):
        render(with_section(section), META, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_no_cjk_font_anywhere_stops_with_install_instructions(monkeypatch, tmp_path):
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts, "_KNOWN_FILES", ())
    monkeypatch.setattr(fonts, "_fontconfig_files", lambda: [])
    with pytest.raises(CjkFontMissing) as e:
        find_cjk_font()
    message = e.value.message
    assert message.startswith("没有找到可以显示中文的字体，无法生成图解")
    assert "sudo apt install fonts-noto-cjk" in message and "微软雅黑" in message and "苹方" in message
    assert "STUDIO_CJK_FONT" in message
    with pytest.raises(CjkFontMissing):
        render(piece("points"), META, tmp_path / "out")
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_fontconfig_is_asked_when_no_known_file_exists(monkeypatch):
    if not NOTO.is_file():
        pytest.skip("Noto Sans CJK is not installed here")
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts, "_KNOWN_FILES", ())
    monkeypatch.setattr(fonts, "_fontconfig_files", lambda: [str(DEJAVU), str(NOTO)])
    assert find_cjk_font().family == "Noto Sans CJK SC"


def test_the_environment_variable_names_the_font(monkeypatch):
    if not NOTO.is_file():
        pytest.skip("Noto Sans CJK is not installed here")
    monkeypatch.setenv(fonts.ENV_VAR, str(NOTO))
    assert find_cjk_font().regular.index == 2  # the SC face of the collection
    monkeypatch.setenv(fonts.ENV_VAR, f"{NOTO}#0")
    assert find_cjk_font().family == "Noto Sans CJK JP"  # a face chosen by number is taken as is


def test_a_missing_configured_font_is_reported(monkeypatch):
    monkeypatch.setenv(fonts.ENV_VAR, "/nowhere/font.ttf")
    with pytest.raises(CjkFontMissing) as e:
        find_cjk_font()
    assert "环境变量 STUDIO_CJK_FONT 指定的字体文件“/nowhere/font.ttf”不存在" in e.value.message


def test_a_configured_font_without_chinese_is_reported(monkeypatch):
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans is not installed here")
    monkeypatch.setenv(fonts.ENV_VAR, str(DEJAVU))
    with pytest.raises(CjkFontMissing) as e:
        find_cjk_font()
    assert "不能显示中文" in e.value.message
