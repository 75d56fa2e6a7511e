"""The text equivalent of the explainer image (GB/T 37668-2019): alt text and transcript.

Both come from the same content and wording as the image: the transcript holds every
word and number the image shows, in reading order, with chart data as a table.
"""

from __future__ import annotations

import re

from studio.domain.explainer import wording
from studio.domain.explainer.model import (
    AUDIENCE,
    CHART,
    CHART_KINDS,
    CONTACT,
    FIGURES,
    POINTS,
    QA,
    STEPS,
    TIMELINE,
    Section,
    format_number,
    parse_sections,
    pie_percentages,
    present_items,
)
from studio.domain.metadata import Metadata
from studio.domain.pieces import ExplainerPiece

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MARKER_START = re.compile(r"^(\s*)([#>+=-])")
_NUMBERED_START = re.compile(r"^(\s*\d+)([.)])")


def md(text: str) -> str:
    """Text as literal Markdown: no accidental emphasis, links, lists or headings, also
    where it starts a list item's content (where "1. " would open a nested list)."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text.replace("\n", " "))
    text = _MARKER_START.sub(r"\1\\\2", text)
    return _NUMBERED_START.sub(r"\1\\\2", text)


def figure_text(value: str, unit: str) -> str:
    return f"{value}{unit}"


def _chart_lines(s: Section) -> list[str]:
    lines: list[str] = []
    if s.caption:
        lines += [md(s.caption), ""]
    rows = [(r.label, r.value) for r in s.rows if r.value is not None]
    header = [wording.ITEM_COLUMN, wording.VALUE_COLUMN]
    shares = pie_percentages([value for _, value in rows]) if s.chart == "pie" else []
    if shares:
        header.append(wording.SHARE_COLUMN)
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    for i, (label, value) in enumerate(rows):
        cells = [md(label), format_number(value)] + ([shares[i]] if shares else [])
        lines.append("| " + " | ".join(cells) + " |")
    if s.source:
        lines += ["", md(wording.SOURCE_LABEL + s.source)]
    return lines


def _section_lines(s: Section) -> list[str]:
    if s.kind == POINTS:
        return [f"- {md(i)}" for i in present_items(s)]
    if s.kind == STEPS:
        return [f"{n}. {md(i)}" for n, i in enumerate(present_items(s), 1)]
    if s.kind == FIGURES:
        return [f"- **{md(figure_text(f.value, f.unit))}**：{md(f.label)}" for f in s.figures]
    if s.kind == CHART:
        return _chart_lines(s)
    if s.kind == TIMELINE:
        return [f"- **{md(t.date)}**：{md(t.text)}" for t in s.timeline]
    if s.kind == AUDIENCE:
        return [f"- **{md(a.who)}**" + (f"：{md(a.conditions)}" if a.conditions else "") for a in s.audience]
    if s.kind == QA:
        return [f"**{wording.QUESTION_MARK}：**{md(s.question)}", "",
                f"**{wording.ANSWER_MARK}：**{md(s.answer)}"]
    if s.kind == CONTACT:
        out = []
        if s.org:
            out.append(f"{wording.CONTACT_ORG_LABEL}：{md(s.org)}")
        if s.phone:
            out.append(f"{wording.CONTACT_PHONE_LABEL}：{md(s.phone)}")
        return ["  \n".join(out)] if out else []
    return []


def transcript_markdown(piece: ExplainerPiece, meta: Metadata) -> str:
    """The full text of the image as Markdown, in the order the image reads."""
    head = wording.header(piece, meta)
    lines = [f"# {md(head.full_title)}", ""]
    for text in (head.subtitle, head.policy_line):
        if text:
            lines += [md(text), ""]
    for index, section in enumerate(parse_sections(piece.sections)):
        if not section.known:
            continue
        lines += [f"## {wording.section_number(index)}、{md(section.heading)}", ""]
        body = _section_lines(section)
        if body:
            lines += body + [""]
    lines += ["---", ""]
    lines.append("  \n".join(md(t) for t in wording.footer_lines(meta)))
    return "\n".join(lines).rstrip() + "\n"


def _figure_summary(sections: list[Section]) -> str:
    figures = [f for s in sections if s.kind == FIGURES for f in s.figures if f.value and f.label]
    if not figures:
        return ""
    shown = "；".join(f"{f.label}{figure_text(f.value, f.unit)}" for f in figures[:4])
    more = "等" if len(figures) > 4 else ""
    return f"核心数字包括：{shown}{more}。"


def alt_text(piece: ExplainerPiece, meta: Metadata) -> str:
    """A one-paragraph summary of the image for its alt attribute."""
    sections = [s for s in parse_sections(piece.sections) if s.known]
    title = piece.title.strip() or meta.title.strip()
    parts = [f"政策图解长图：{title}。"]
    if piece.subtitle.strip():
        parts.append(f"{piece.subtitle.strip().rstrip('。')}。")
    source = "，".join(p for p in (meta.organ.strip(), meta.doc_number.strip()) if p)
    if source:
        parts.append(f"解读的文件：{source}。")
    headings = "、".join(s.heading for s in sections if s.heading)
    if headings:
        parts.append(f"图解分{len(sections)}个部分：{headings}。")
    parts.append(_figure_summary(sections))
    charts = [CHART_KINDS.get(s.chart, "图表") for s in sections if s.kind == CHART]
    if charts:
        parts.append(f"含{'、'.join(charts)}，数据见文字版表格。")
    parts.append("全部文字内容见图解文字版。")
    return "".join(p for p in parts if p)
