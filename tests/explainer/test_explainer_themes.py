"""Every theme file: every text on its background at least 4.5:1, shapes at least 3:1."""

from __future__ import annotations

import json

import pytest

from studio.domain.errors import InvalidInput
from studio.render.explainer import themes
from studio.render.explainer.themes import (
    GRAPHIC_ROLES,
    MIN_GRAPHIC_CONTRAST,
    MIN_TEXT_CONTRAST,
    TEXT_ROLES,
    available_themes,
    contrast_ratio,
    load_theme,
    text_on,
)

THEMES = available_themes()


def test_the_three_themes_exist():
    assert {t.name for t in THEMES} >= {"政务红", "政务蓝", "高对比度"}
    assert THEMES[0].id == themes.DEFAULT_THEME


def test_contrast_formula_matches_wcag():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#777777") == contrast_ratio("#777777", "#FFFFFF")


@pytest.mark.parametrize("theme", THEMES, ids=[t.id for t in THEMES])
def test_every_text_role_reads_at_4_5_to_1(theme):
    failing = {role: round(contrast_ratio(theme[fg], theme[bg]), 2)
               for role, (fg, bg) in TEXT_ROLES.items()
               if contrast_ratio(theme[fg], theme[bg]) < MIN_TEXT_CONTRAST}
    assert not failing, f"{theme.name}: {failing}"


@pytest.mark.parametrize("theme", THEMES, ids=[t.id for t in THEMES])
def test_shapes_and_chart_colours_stand_out_at_3_to_1(theme):
    for role, (fg, bg) in GRAPHIC_ROLES.items():
        assert contrast_ratio(theme[fg], theme[bg]) >= MIN_GRAPHIC_CONTRAST, (theme.name, role)
    for color in theme.chart_colors:
        assert contrast_ratio(color, theme["card_bg"]) >= MIN_GRAPHIC_CONTRAST, (theme.name, color)


@pytest.mark.parametrize("theme", THEMES, ids=[t.id for t in THEMES])
def test_shares_written_on_wedges_read_at_4_5_to_1(theme):
    for color in theme.chart_colors:
        assert contrast_ratio(text_on(color), color) >= MIN_TEXT_CONTRAST


def test_text_on_always_reaches_4_5():
    for value in range(0, 256, 5):
        grey = f"#{value:02X}{value:02X}{value:02X}"
        assert contrast_ratio(text_on(grey), grey) >= MIN_TEXT_CONTRAST


def test_a_theme_is_found_by_file_name_or_chinese_name():
    assert load_theme("政务蓝").id == "blue"
    assert load_theme("high-contrast").name == "高对比度"
    assert load_theme("").id == themes.DEFAULT_THEME and load_theme(None).name == "政务红"


def test_an_unknown_theme_names_the_choices():
    with pytest.raises(InvalidInput) as e:
        load_theme("紫色")
    assert "没有名为“紫色”的图解主题" in e.value.message and "政务红（red）" in e.value.message


def test_a_theme_file_missing_a_colour_is_refused(tmp_path, monkeypatch):
    data = json.loads((themes.themes_dir() / "red.json").read_text("utf-8"))
    del data["colors"]["footer_text"]
    (tmp_path / "broken.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    monkeypatch.setattr(themes, "themes_dir", lambda: tmp_path)
    with pytest.raises(InvalidInput) as e:
        load_theme("broken")
    assert "缺少颜色：footer_text" in e.value.message
