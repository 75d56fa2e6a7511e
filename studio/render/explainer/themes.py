"""Explainer themes: colour sets kept as data files in assets/explainer/themes/.

The renderer draws text only through the roles listed in TEXT_ROLES, so checking every
role of every theme file for contrast checks every text the image can show. A theme is
named by its file name (red, blue, high-contrast) or by its Chinese name (政务红 …).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from studio.domain.errors import InvalidInput
from studio.paths import assets_dir

DEFAULT_THEME = "red"
MIN_TEXT_CONTRAST = 4.5  # GB/T 37668-2019, WCAG 2 level AA
MIN_GRAPHIC_CONTRAST = 3.0  # bars, wedges, arrows against the card

# role -> (text colour, background colour): every text the renderer draws.
TEXT_ROLES: dict[str, tuple[str, str]] = {
    "kicker": ("header_kicker", "header_bg"),
    "kicker_deco": ("header_kicker", "header_deco"),
    "title": ("header_title", "header_bg"),
    "title_deco": ("header_title", "header_deco"),
    "subtitle": ("header_subtitle", "header_bg"),
    "subtitle_deco": ("header_subtitle", "header_deco"),
    "policy_line": ("pill_text", "pill_bg"),
    "heading": ("heading_text", "heading_bg"),
    "badge": ("badge_text", "badge_bg"),
    "body": ("text", "card_bg"),
    "muted": ("muted", "card_bg"),
    "strong": ("strong", "card_bg"),
    "tile_body": ("tile_text", "tile_bg"),
    "tile_strong": ("tile_strong", "tile_bg"),
    "tile_muted": ("tile_muted", "tile_bg"),
    "step_number": ("step_text", "step_bg"),
    "qa_body": ("qa_text", "qa_bg"),
    "qa_mark": ("qa_mark_text", "qa_mark_bg"),
    "chart": ("chart_text", "card_bg"),
    "footer": ("footer_text", "footer_bg"),
}
# Shapes that carry meaning (bars, step arrows, timeline dots) against what they sit on.
GRAPHIC_ROLES: dict[str, tuple[str, str]] = {
    "arrow": ("arrow", "card_bg"),
    "timeline_dot": ("strong", "card_bg"),
    "tile_accent": ("tile_strong", "tile_bg"),
}
COLOR_KEYS = tuple(sorted({k for pair in (*TEXT_ROLES.values(), *GRAPHIC_ROLES.values()) for k in pair}
                          | {"page_bg", "card_border", "card_shadow", "chart_grid", "rule", "pill_border"}))


def themes_dir() -> Path:
    return assets_dir() / "explainer" / "themes"


def _rgb(value: str) -> tuple[int, int, int]:
    h = value.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def relative_luminance(color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever reads better on `background` (always at least 4.5:1)."""
    return "#000000" if contrast_ratio("#000000", background) >= contrast_ratio("#FFFFFF", background) else "#FFFFFF"


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    colors: dict[str, str]
    chart_colors: tuple[str, ...]
    source: str  # the file's text, so a changed theme file gives new cache names

    def __getitem__(self, key: str) -> str:
        return self.colors[key]

    def rgb(self, key: str) -> tuple[int, int, int]:
        return _rgb(self.colors[key])

    def role(self, role: str) -> tuple[int, int, int]:
        """The text colour of a role in TEXT_ROLES."""
        return self.rgb(TEXT_ROLES[role][0])


def _parse(path: Path) -> Theme:
    text = path.read_text("utf-8")
    try:
        data = json.loads(text)
    except ValueError as e:
        raise InvalidInput(f"图解主题文件“{path.name}”不是有效的 JSON：{e}。") from None
    colors = data.get("colors", {})
    missing = [k for k in COLOR_KEYS if k not in colors]
    if missing:
        raise InvalidInput(f"图解主题文件“{path.name}”缺少颜色：{'、'.join(missing)}。请补全后重试。")
    bad = [k for k, v in colors.items() if not (isinstance(v, str) and len(v) == 7 and v.startswith("#"))]
    if bad:
        raise InvalidInput(f"图解主题文件“{path.name}”中的颜色 {'、'.join(bad)} 不是 #RRGGBB 形式。")
    chart = tuple(data.get("chart_colors", ()))
    if not chart:
        raise InvalidInput(f"图解主题文件“{path.name}”缺少图表配色（chart_colors）。")
    return Theme(path.stem, str(data.get("name", path.stem)), dict(colors), chart, text)


@lru_cache(maxsize=16)
def _load_all(folder: str) -> tuple[Theme, ...]:
    themes = [_parse(p) for p in sorted(Path(folder).glob("*.json"))]
    return tuple(sorted(themes, key=lambda t: t.id != DEFAULT_THEME))  # the default first


def available_themes() -> tuple[Theme, ...]:
    return _load_all(str(themes_dir()))


def theme_choices() -> str:
    return "、".join(f"{t.name}（{t.id}）" for t in available_themes())


def load_theme(name: str | None = None) -> Theme:
    """A theme by file name or Chinese name; the default (政务红) when `name` is empty."""
    wanted = (name or "").strip() or DEFAULT_THEME
    for theme in available_themes():
        if wanted in (theme.id, theme.name):
            return theme
    raise InvalidInput(f"没有名为“{wanted}”的图解主题。可用的主题：{theme_choices()}。")
