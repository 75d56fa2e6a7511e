"""Typed views of the stored explainer sections.

The package stores sections as plain dicts (see `ExplainerPiece`). Parsing here never
fails: missing or malformed fields become empty values, so the renderer, the transcript
and the validation all read the same content the same way, and validation is the one
place that complains.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from studio.domain.gongwen_headings import strip_heading_number

POINTS = "points"
FIGURES = "figures"
CHART = "chart"
STEPS = "steps"
TIMELINE = "timeline"
AUDIENCE = "audience"
QA = "qa"
CONTACT = "contact"

SECTION_TYPES: dict[str, str] = {
    POINTS: "要点",
    FIGURES: "核心数字",
    CHART: "图表",
    STEPS: "办事流程",
    TIMELINE: "时间节点",
    AUDIENCE: "适用对象",
    QA: "问答",
    CONTACT: "咨询方式",
}

CHART_KINDS: dict[str, str] = {
    "bar": "柱状图",
    "barh": "条形图",
    "pie": "饼图",
    "line": "折线图",
}


_FIGURE_START = re.compile(r"^\d{1,2}[.．]\d")


def section_heading(text: str) -> str:
    """A heading as the section shows it: without a typed 公文 number, since the section's badge
    numbers it (“一、出台背景” reads 出台背景, not 一、一、出台背景). Other marks stay literal."""
    words = text.strip()
    if _FIGURE_START.match(words):  # “10.5万户” is a figure, not “10.” and a heading
        return words
    return strip_heading_number(words) or words


def _text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list, tuple)):
        return ""
    return str(value).strip()


@dataclass(frozen=True)
class Figure:
    value: str
    unit: str
    label: str


@dataclass(frozen=True)
class ChartRow:
    label: str
    value: Decimal | None  # None when the stored value is not a number
    raw: Any


@dataclass(frozen=True)
class TimelineItem:
    date: str
    text: str


@dataclass(frozen=True)
class AudienceItem:
    who: str
    conditions: str


@dataclass(frozen=True)
class Section:
    """One section of any type; fields a type does not use stay empty."""

    kind: str
    heading: str
    items: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    chart: str = ""
    rows: tuple[ChartRow, ...] = ()
    caption: str = ""
    source: str = ""
    timeline: tuple[TimelineItem, ...] = ()
    audience: tuple[AudienceItem, ...] = ()
    question: str = ""
    answer: str = ""
    org: str = ""
    phone: str = ""

    @property
    def known(self) -> bool:
        return self.kind in SECTION_TYPES

    @property
    def type_label(self) -> str:
        return SECTION_TYPES.get(self.kind, self.kind)


def parse_number(value: Any) -> Decimal | None:
    """A chart value as a number: ints, floats, or text such as "1,500" or "１５００"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return Decimal(repr(value))
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).replace(",", "").strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


def format_number(value: Decimal) -> str:
    """1000.0 -> "1000", 2.50 -> "2.5": the plain form Chinese documents write."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _rows(data: Any) -> tuple[ChartRow, ...]:
    rows: list[ChartRow] = []
    if not isinstance(data, (list, tuple)):
        return ()
    for row in data:
        if isinstance(row, (list, tuple)) and len(row) >= 2:
            rows.append(ChartRow(_text(row[0]), parse_number(row[1]), row[1]))
        elif isinstance(row, dict):
            raw = row.get("value")
            rows.append(ChartRow(_text(row.get("label")), parse_number(raw), raw))
        else:
            rows.append(ChartRow("", None, row))
    return tuple(rows)


def _list(value: Any) -> list:
    return list(value) if isinstance(value, (list, tuple)) else []


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def parse_section(data: Any) -> Section:
    d = _dict(data)
    kind = _text(d.get("type"))
    heading = section_heading(_text(d.get("heading")))
    items = _list(d.get("items"))
    if kind in (POINTS, STEPS):
        return Section(kind, heading, items=tuple(_text(i) for i in items))
    if kind == FIGURES:
        figures = tuple(Figure(_text(_dict(i).get("value")), _text(_dict(i).get("unit")),
                               _text(_dict(i).get("label"))) for i in items)
        return Section(kind, heading, figures=figures)
    if kind == CHART:
        return Section(kind, heading, chart=_text(d.get("chart")), rows=_rows(d.get("data")),
                       caption=_text(d.get("caption")), source=_text(d.get("source")))
    if kind == TIMELINE:
        return Section(kind, heading, timeline=tuple(
            TimelineItem(_text(_dict(i).get("date")), _text(_dict(i).get("text"))) for i in items))
    if kind == AUDIENCE:
        return Section(kind, heading, audience=tuple(
            AudienceItem(_text(_dict(i).get("who")), _text(_dict(i).get("conditions"))) for i in items))
    if kind == QA:
        return Section(kind, heading, question=_text(d.get("question")), answer=_text(d.get("answer")))
    if kind == CONTACT:
        return Section(kind, heading, org=_text(d.get("org")), phone=_text(d.get("phone")))
    return Section(kind, heading)


def parse_sections(sections: tuple[dict, ...] | list[dict]) -> list[Section]:
    return [parse_section(s) for s in sections]


def present_items(section: Section) -> tuple[str, ...]:
    """List items with blank entries dropped: what the image shows."""
    return tuple(i for i in section.items if i)


def pie_percentages(values: list[Decimal]) -> list[str]:
    """Shares to one decimal place that add up to exactly 100% (largest remainder)."""
    total = sum(values, Decimal(0))
    if total <= 0:
        return ["" for _ in values]
    tenths = [v * 1000 / total for v in values]
    floors = [int(t) for t in tenths]
    short = 1000 - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (-(tenths[i] - floors[i]), i))
    for i in order[:short]:
        floors[i] += 1
    return [format_number(Decimal(f) / 10) + "%" for f in floors]
