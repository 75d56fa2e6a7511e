"""Charts with matplotlib (Agg), drawn in pixel coordinates to the card's width.

matplotlib is imported inside `chart_image` only: importing it costs about half a second,
which the studio's start-up must not pay. The charts carry no axes or tick numbers: each
bar, point and wedge is labelled with its value, so every number in the chart is a data
value that the transcript's table also lists.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PIL import Image

from studio.domain.explainer.model import Section, format_number, pie_percentages
from studio.render.explainer.fonts import CjkFont
from studio.render.explainer.linebreak import wrap
from studio.render.explainer.themes import Theme, text_on
from studio.render.explainer.typeset import Style, Typesetter

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

DPI = 100
PIE_LABEL_MIN_SHARE = Decimal("0.05")  # smaller wedges are labelled in the legend only


@dataclass(frozen=True)
class ChartSpec:
    section: Section
    theme: Theme
    font: CjkFont
    width: int  # px
    scale: float

    def px(self, v: float) -> int:
        return max(1, round(v * self.scale))


class _Pen:
    """Text on a matplotlib axes in px units, with the studio's CJK font."""

    def __init__(self, spec: ChartSpec, ax, font_properties, patheffects):
        self.spec, self.ax = spec, ax
        self._fp = font_properties
        self._pe = patheffects
        self.setter = Typesetter(spec.font)

    def props(self, size_px: int, bold: bool):
        face = self.spec.font.bold if bold and self.spec.font.bold else self.spec.font.regular
        from matplotlib.font_manager import FontPath

        return self._fp(fname=FontPath(face.path, face.index), size=size_px * 72 / DPI)

    def text(self, x: float, y: float, s: str, size_px: int, color: str, bold: bool = False,
             ha: str = "center", va: str = "top") -> None:
        effects = []
        if bold and not self.spec.font.bold:
            effects = [self._pe.withStroke(linewidth=size_px / 30 * 72 / DPI * 2, foreground=color)]
        self.ax.text(x, y, s, fontproperties=self.props(size_px, bold), color=color, ha=ha, va=va,
                     linespacing=1.3, path_effects=effects)

    def wrap(self, s: str, size_px: int, width: float) -> list[str]:
        style = Style(size_px)
        # 4% slack: matplotlib's hinting may set a line a little wider than Pillow measures it.
        return wrap(s, width * 0.96, lambda t: self.setter.measure(t, style))

    def width(self, s: str, size_px: int, bold: bool = False) -> float:
        return self.setter.measure(s, Style(size_px, bold))


def _rows(section: Section) -> tuple[list[str], list[Decimal]]:
    rows = [(r.label, r.value) for r in section.rows if r.value is not None]
    return [label for label, _ in rows], [value for _, value in rows]


def _bar_patch(x: float, y: float, w: float, h: float, radius: float, color: str):
    from matplotlib.patches import FancyBboxPatch

    if w < 0:
        x, w = x + w, -w
    if h < 0:
        y, h = y + h, -h
    r = max(0.0, min(radius, w / 2, h / 2))
    return FancyBboxPatch((x, y), w, h, boxstyle=f"round,pad=0,rounding_size={r}", linewidth=0,
                          facecolor=color, edgecolor="none")


def _draw_barh(spec: ChartSpec, pen: _Pen, ax) -> int:
    """Horizontal bars: the label above each bar, the value at the bar's end."""
    labels, values = _rows(spec.section)
    size, bar_h, gap = spec.px(27), spec.px(34), spec.px(30)
    label_lh = round(size * 1.3)
    shown = [format_number(v) for v in values]
    room = max(pen.width(s, size, True) for s in shown) + spec.px(14)
    lo, hi = min(Decimal(0), min(values)), max(Decimal(0), max(values))
    span = float(hi - lo) or 1.0
    left_room = room if lo < 0 else 0
    track = spec.width - room - left_room
    zero = left_room + float(-lo) / span * track
    color, ink = spec.theme.chart_colors[0], spec.theme["chart_text"]
    y = spec.px(6)
    for label, value, text in zip(labels, values, shown):
        lines = pen.wrap(label, size, spec.width)
        pen.text(0, y, "\n".join(lines), size, ink, ha="left")
        y += label_lh * len(lines) + spec.px(8)
        ax.add_patch(_bar_patch(left_room, y, track, bar_h, bar_h / 2, spec.theme["tile_bg"]))
        w = float(value) / span * track
        ax.add_patch(_bar_patch(zero, y, w if w else 1, bar_h, bar_h / 2, color))
        end = zero + w
        pen.text(end + (spec.px(10) if value >= 0 else -spec.px(10)), y + bar_h / 2, text, size, ink, True,
                 ha="left" if value >= 0 else "right", va="center")
        y += bar_h + gap
    return y - gap + spec.px(6)


def _category_frame(spec: ChartSpec, pen: _Pen, labels: list[str]) -> tuple[float, list[list[str]], int]:
    slot = spec.width / len(labels)
    size = spec.px(26)
    wrapped = [pen.wrap(label, size, slot - spec.px(10)) for label in labels]
    label_h = max(len(w) for w in wrapped) * round(size * 1.3)
    return slot, wrapped, label_h


def _value_frame(spec: ChartSpec, values: list[Decimal], top: int, plot_h: int) -> tuple[float, float]:
    """The y of zero and the px per unit, with the plot between `top` and `top + plot_h`."""
    lo, hi = min(Decimal(0), min(values)), max(Decimal(0), max(values))
    span = float(hi - lo) or 1.0
    per_unit = plot_h / span
    return top + float(hi) * per_unit, per_unit


def _draw_columns(spec: ChartSpec, pen: _Pen, ax, line: bool) -> int:
    """Vertical bars, or a line through points: values above, category labels below."""
    labels, values = _rows(spec.section)
    size = spec.px(26)
    value_h = round(size * 1.6)
    plot_h = spec.px(360)
    slot, wrapped, label_h = _category_frame(spec, pen, labels)
    top = value_h
    zero_y, per_unit = _value_frame(spec, values, top, plot_h)
    below = value_h if min(values) < 0 else 0
    base = top + plot_h + below
    color, ink, grid = spec.theme.chart_colors[0], spec.theme["chart_text"], spec.theme["chart_grid"]
    xs = [slot * (i + 0.5) for i in range(len(values))]
    ys = [zero_y - float(v) * per_unit for v in values]
    if line:
        ax.fill_between(xs, ys, [zero_y] * len(xs), color=color, alpha=0.10, linewidth=0)
        ax.plot(xs, ys, color=color, linewidth=spec.px(5) * 72 / DPI, solid_capstyle="round",
                solid_joinstyle="round")
        ax.scatter(xs, ys, s=(spec.px(20) * 72 / DPI) ** 2, color=spec.theme["card_bg"], edgecolors=color,
                   linewidths=spec.px(5) * 72 / DPI, zorder=3)
    else:
        bar_w = min(slot * 0.56, spec.px(120))
        for x, y in zip(xs, ys):
            ax.add_patch(_bar_patch(x - bar_w / 2, zero_y, bar_w, (y - zero_y) or -1, spec.px(8), color))
    ax.plot([0, spec.width], [zero_y, zero_y], color=grid, linewidth=spec.px(3) * 72 / DPI, zorder=0)
    for x, y, v in zip(xs, ys, values):
        offset = spec.px(16 if line else 8)
        if v >= 0:
            pen.text(x, y - offset, format_number(v), size, ink, True, va="bottom")
        else:
            pen.text(x, y + offset, format_number(v), size, ink, True, va="top")
    for x, lines in zip(xs, wrapped):
        pen.text(x, base + spec.px(14), "\n".join(lines), size, ink)
    return base + spec.px(14) + label_h + spec.px(6)


def _draw_pie(spec: ChartSpec, pen: _Pen, ax) -> int:
    """A ring: each wedge's share written on it when there is room; the legend is drawn apart."""
    _, values = _rows(spec.section)
    d = min(spec.width, spec.px(560))
    cx, cy, r = spec.width / 2, d / 2, d / 2 - spec.px(4)
    ring = 0.42
    from matplotlib.patches import Wedge

    total = sum(values, Decimal(0))
    shares = pie_percentages(values)
    # y grows downwards here, so angles run clockwise on the image: -90 is twelve o'clock.
    angle = -90.0
    for i, (v, share) in enumerate(zip(values, shares)):
        sweep = float(v / total) * 360 if total else 0
        color = spec.theme.chart_colors[i % len(spec.theme.chart_colors)]
        if sweep > 0:
            ax.add_patch(Wedge((cx, cy), r, angle, angle + sweep, width=r * ring, facecolor=color,
                               edgecolor=spec.theme["card_bg"], linewidth=spec.px(4) * 72 / DPI))
        if total and v / total >= PIE_LABEL_MIN_SHARE:
            mid = math.radians(angle + sweep / 2)
            rr = r * (1 - ring / 2)
            pen.text(cx + rr * math.cos(mid), cy + rr * math.sin(mid), share, spec.px(25), text_on(color),
                     True, va="center_baseline")
        angle += sweep
    return d


def chart_image(section: Section, theme: Theme, font: CjkFont, width: int, scale: float) -> Image.Image:
    """The chart of `section` as an RGB image `width` px wide, on the card's background."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import patheffects
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    spec = ChartSpec(section, theme, font, width, scale)
    draw = {"barh": _draw_barh, "pie": _draw_pie}.get(
        section.chart, lambda s, p, a: _draw_columns(s, p, a, line=section.chart == "line"))

    # Lay out on a tall scratch figure, then size the real one to what was drawn: the
    # height depends on how labels wrap, known only while drawing.
    def build(height: int):
        fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor=theme["card_bg"])
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_xlim(0, width)
        ax.set_ylim(height, 0)
        pen = _Pen(spec, ax, FontProperties, patheffects)
        return fig, draw(spec, pen, ax)

    rc: dict[RcKeyType, Any] = {"text.antialiased": True, "lines.antialiased": True, "patch.antialiased": True,
          "text.hinting": "force_autohint", "axes.unicode_minus": False,
          "path.simplify": False}
    with matplotlib.rc_context(rc):
        _, height = build(spec.px(4000))
        fig, _ = build(height)
        fig.canvas.draw()
        rgba = fig.canvas.buffer_rgba()
        image = Image.frombuffer("RGBA", (int(rgba.shape[1]), int(rgba.shape[0])), bytes(rgba), "raw", "RGBA", 0, 1)
    return image.convert("RGB")
