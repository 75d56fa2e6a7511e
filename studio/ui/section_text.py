"""Explainer sections as plain lines a drafter can type: one item per line, parts split by “|”."""

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
# How each kind of section is typed in the form's text box.
LINE_HELP = {
    "points": "每行一条要点",
    "steps": "每行一个步骤",
    "figures": "每行一个数字：数值|单位|说明，如 1500|元|一次性求职创业补贴",
    "chart": "每行一项数据：名称|数值，如 本科|500",
    "timeline": "每行一个时间节点：时间|事项，如 2026年12月1日|开始施行",
    "audience": "每行一类对象：对象|条件",
    "qa": "第一行为问题，其余为回答",
    "contact": "第一行为解读机构，第二行为咨询电话",
}


def _split(line: str, parts: int) -> list[str]:
    pieces = [p.strip() for p in line.replace("｜", "|").split("|")]
    return (pieces + [""] * parts)[:parts]


def section_to_lines(section: dict) -> str:
    kind = section.get("type", "")
    if kind in ("points", "steps"):
        return "\n".join(str(i) for i in section.get("items", []))
    if kind == "figures":
        return "\n".join(f"{i.get('value', '')}|{i.get('unit', '')}|{i.get('label', '')}" for i in section.get("items", []))
    if kind == "chart":
        return "\n".join(f"{row[0]}|{row[1]}" for row in section.get("data", []) if len(row) >= 2)
    if kind == "timeline":
        return "\n".join(f"{i.get('date', '')}|{i.get('text', '')}" for i in section.get("items", []))
    if kind == "audience":
        return "\n".join(f"{i.get('who', '')}|{i.get('conditions', '')}" for i in section.get("items", []))
    if kind == "qa":
        return f"{section.get('question', '')}\n{section.get('answer', '')}".strip("\n")
    if kind == "contact":
        return f"{section.get('org', '')}\n{section.get('phone', '')}".strip("\n")
    return ""


def _number(text: str) -> float | int | str:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return text  # left as typed; validation names the row
    return int(value) if value.is_integer() else value


def lines_to_section(kind: str, heading: str, text: str, extra: dict | None = None) -> dict:
    """The stored section for what the form shows; `extra` keeps chart type, caption, source."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    section: dict = {"type": kind, "heading": heading.strip()}
    if kind in ("points", "steps"):
        section["items"] = lines
    elif kind == "figures":
        section["items"] = [dict(zip(("value", "unit", "label"), _split(line, 3))) for line in lines]
    elif kind == "chart":
        section["chart"] = (extra or {}).get("chart", "bar")
        section["data"] = [[name, _number(value)] for name, value in (_split(line, 2) for line in lines)]
        for key in ("caption", "source"):
            section[key] = (extra or {}).get(key, "")
    elif kind == "timeline":
        section["items"] = [dict(zip(("date", "text"), _split(line, 2))) for line in lines]
    elif kind == "audience":
        section["items"] = [dict(zip(("who", "conditions"), _split(line, 2))) for line in lines]
    elif kind == "qa":
        section["question"] = lines[0] if lines else ""
        section["answer"] = "\n".join(lines[1:])
    elif kind == "contact":
        section["org"] = lines[0] if lines else ""
        section["phone"] = lines[1] if len(lines) > 1 else ""
    return section
