"""Names of the explainer's kinds of section and chart, and the empty section a new one starts from."""

from __future__ import annotations

SECTION_TYPES = {
    "points": "要点",
    "figures": "关键数字",
    "chart": "图表",
    "steps": "办事流程",
    "timeline": "时间节点",
    "audience": "适用对象",
    "qa": "问答",
    "contact": "咨询方式",
}
CHARTS = {"bar": "柱状图", "barh": "条形图", "pie": "饼图", "line": "折线图"}


def chart_number(text: str) -> float | int | str:
    """A chart value as typed: a number when it reads as one, else the words (validation names the row)."""
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return text
    return int(value) if value.is_integer() else value


def new_section(kind: str) -> dict:
    """A section of `kind` with its name as heading and nothing in it yet."""
    section: dict = {"type": kind, "heading": SECTION_TYPES[kind]}
    if kind in ("points", "steps", "figures", "timeline", "audience"):
        section["items"] = []
    elif kind == "chart":
        section.update(chart="bar", data=[], caption="", source="")
    elif kind == "qa":
        section.update(question="", answer="")
    elif kind == "contact":
        section.update(org="", phone="")
    return section
