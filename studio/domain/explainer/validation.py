"""Checks of the explainer's content before it is drawn.

Blocking: what cannot be drawn at all (empty section, chart without numbers, negative
shares in a pie). Warning: what draws but badly (text too long for its box, a crowded
chart, a chart without its source).
"""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.explainer import limits
from studio.domain.explainer.limits import Limit, shown_length, text_width
from studio.domain.explainer.model import (
    AUDIENCE,
    CHART,
    CHART_KINDS,
    CONTACT,
    FIGURES,
    POINTS,
    QA,
    SECTION_TYPES,
    STEPS,
    TIMELINE,
    Section,
    parse_section,
)
from studio.domain.findings import Finding, blocking, warning
from studio.domain.pieces import EXPLAINER, ExplainerPiece

WIDTHS = (1080, 750)


def section_name(index: int, section: Section) -> str:
    """How messages name a section: 第3部分“主要补贴标准”."""
    return f"第{index + 1}部分“{section.heading}”" if section.heading else f"第{index + 1}部分"


def _too_long(code_field: str, where: str, what: str, text: str, limit: Limit) -> Iterator[Finding]:
    if text and text_width(text) > limit.limit:
        yield warning("EXPLAINER_LABEL_TOO_LONG", EXPLAINER, code_field,
                      f"{where}的{what}“{text}”过长（约{shown_length(text)}字），超出{limit.box}的容量"
                      f"（不超过{int(limit.limit)}字，英文字母和数字按半字计）。"
                      "请精简表述，详细内容可写在文字解读中。")


def _empty(field: str, where: str, hint: str) -> Finding:
    return blocking("EXPLAINER_SECTION_EMPTY", EXPLAINER, field, f"{where}没有内容。{hint}")


def _check_list(field: str, where: str, s: Section, what: str) -> Iterator[Finding]:
    if not any(s.items):
        yield _empty(field, where, f"请至少填写一条{what}，或删除这一部分。")


def _check_figures(field: str, where: str, s: Section) -> Iterator[Finding]:
    if not s.figures:
        yield _empty(field, where, "请至少填写一个数字（数值、单位和说明），或删除这一部分。")
    for n, f in enumerate(s.figures, 1):
        if not f.value or not f.label:
            missing = "数值" if not f.value else "说明"
            yield blocking("EXPLAINER_ITEM_INCOMPLETE", EXPLAINER, field,
                           f"{where}第{n}个数字缺少{missing}。请补全或删除该项。")
        yield from _too_long(field, f"{where}第{n}个数字", "数值", f.value, limits.FIGURE_VALUE)
        yield from _too_long(field, f"{where}第{n}个数字", "单位", f.unit, limits.FIGURE_UNIT)
        yield from _too_long(field, f"{where}第{n}个数字", "说明", f.label, limits.FIGURE_LABEL)


def _check_chart(field: str, where: str, s: Section) -> Iterator[Finding]:
    if s.chart not in CHART_KINDS:
        kinds = "、".join(f"{v}（{k}）" for k, v in CHART_KINDS.items())
        yield blocking("EXPLAINER_CHART_TYPE_UNKNOWN", EXPLAINER, field,
                       f"{where}的图表类型“{s.chart or '未填写'}”无法识别。请选用：{kinds}。")
        return
    kind = CHART_KINDS[s.chart]
    if not s.rows:
        yield blocking("EXPLAINER_CHART_NO_DATA", EXPLAINER, field,
                       f"{where}是{kind}，但没有数据。请在数据表中至少填写一行“标签、数值”。")
        return
    for n, row in enumerate(s.rows, 1):
        if row.value is None:
            yield blocking("EXPLAINER_CHART_BAD_VALUE", EXPLAINER, field,
                           f"{where}数据表第{n}行的数值“{'' if row.raw is None else row.raw}”不是数字。"
                           "请填写阿拉伯数字（如 1500 或 2.6），单位写在图表说明中。")
        if not row.label:
            yield blocking("EXPLAINER_CHART_NO_LABEL", EXPLAINER, field,
                           f"{where}数据表第{n}行缺少标签。请写明这一行数值表示什么。")
        yield from _too_long(field, f"{where}数据表第{n}行", "标签", row.label, limits.CHART_LABEL[s.chart])
    values = [r.value for r in s.rows if r.value is not None]
    if s.chart == "pie" and values:
        negative = [n for n, r in enumerate(s.rows, 1) if r.value is not None and r.value < 0]
        if negative:
            rows = "、".join(f"第{n}行" for n in negative)
            yield blocking("EXPLAINER_PIE_NEGATIVE", EXPLAINER, field,
                           f"{where}是饼图，但{rows}的数值为负数。饼图只能表示各部分占总体的比例，"
                           "请改正数值，或改用柱状图、条形图表示增减。")
        elif sum(values) == 0:
            yield blocking("EXPLAINER_PIE_ZERO", EXPLAINER, field,
                           f"{where}是饼图，但各项数值之和为零，无法计算占比。请填写实际数值。")
    if len(s.rows) > limits.CHART_MAX_ROWS[s.chart]:
        yield warning("EXPLAINER_CHART_CROWDED", EXPLAINER, field,
                      f"{where}的{kind}有{len(s.rows)}项数据，超过{limits.CHART_MAX_ROWS[s.chart]}项会挤得看不清。"
                      "请合并次要项（如“其他”），或拆成两张图表。")
    yield from _too_long(field, where, "图表说明", s.caption, limits.CHART_CAPTION)
    if not s.source:
        yield warning("EXPLAINER_CHART_NO_SOURCE", EXPLAINER, field,
                      f"{where}的图表没有注明数据来源。请填写来源（如政策文件的具体条款）。")


def _check_timeline(field: str, where: str, s: Section) -> Iterator[Finding]:
    if not s.timeline:
        yield _empty(field, where, "请至少填写一个时间节点（日期和事项），或删除这一部分。")
    for n, item in enumerate(s.timeline, 1):
        if not item.date or not item.text:
            missing = "日期" if not item.date else "事项"
            yield blocking("EXPLAINER_ITEM_INCOMPLETE", EXPLAINER, field,
                           f"{where}第{n}个时间节点缺少{missing}。请补全或删除该项。")
        yield from _too_long(field, f"{where}第{n}个时间节点", "日期", item.date, limits.TIMELINE_DATE)


def _check_audience(field: str, where: str, s: Section) -> Iterator[Finding]:
    if not s.audience:
        yield _empty(field, where, "请至少填写一类适用对象及其条件，或删除这一部分。")
    for n, item in enumerate(s.audience, 1):
        if not item.who:
            yield blocking("EXPLAINER_ITEM_INCOMPLETE", EXPLAINER, field,
                           f"{where}第{n}项缺少适用对象名称。请补全或删除该项。")
        yield from _too_long(field, f"{where}第{n}项", "适用对象名称", item.who, limits.AUDIENCE_WHO)


def _check_qa(field: str, where: str, s: Section) -> Iterator[Finding]:
    if not s.question and not s.answer:
        yield _empty(field, where, "请填写问题和回答，或删除这一部分。")
    elif not s.question or not s.answer:
        missing = "问题" if not s.question else "回答"
        yield blocking("EXPLAINER_ITEM_INCOMPLETE", EXPLAINER, field,
                       f"{where}缺少{missing}。请补全问答。")


def _check_contact(field: str, where: str, s: Section) -> Iterator[Finding]:
    if not s.org and not s.phone:
        yield _empty(field, where, "请填写咨询单位和咨询电话，或删除这一部分。")
    yield from _too_long(field, where, "咨询单位", s.org, limits.CONTACT_ORG)
    yield from _too_long(field, where, "咨询电话", s.phone, limits.CONTACT_PHONE)


_SECTION_CHECKS = {
    POINTS: lambda f, w, s: _check_list(f, w, s, "要点"),
    STEPS: lambda f, w, s: _check_list(f, w, s, "办理步骤"),
    FIGURES: _check_figures,
    CHART: _check_chart,
    TIMELINE: _check_timeline,
    AUDIENCE: _check_audience,
    QA: _check_qa,
    CONTACT: _check_contact,
}


def _check_section(index: int, data: dict) -> Iterator[Finding]:
    s = parse_section(data)
    field = f"sections[{index}]"
    where = section_name(index, s)
    if not s.known:
        kinds = "、".join(f"{v}（{k}）" for k, v in SECTION_TYPES.items())
        yield blocking("EXPLAINER_SECTION_TYPE_UNKNOWN", EXPLAINER, field,
                       f"{where}的类型“{s.kind or '未填写'}”无法识别。可用的类型：{kinds}。")
        return
    if not s.heading:
        yield blocking("EXPLAINER_HEADING_MISSING", EXPLAINER, field,
                       f"第{index + 1}部分（{s.type_label}）缺少小标题。请填写一个简短的小标题。")
    yield from _too_long(field, where, "小标题", s.heading, limits.HEADING)
    yield from _SECTION_CHECKS[s.kind](field, where, s)


def validate(piece: ExplainerPiece) -> list[Finding]:
    """Everything wrong with the explainer's content, in section order."""
    findings: list[Finding] = []
    if not piece.sections:
        return findings
    if not piece.title.strip():
        findings.append(blocking("EXPLAINER_TITLE_MISSING", EXPLAINER, "title",
                                 "政策图解缺少标题。请填写标题，如“一图读懂《……》”。"))
    findings.extend(_too_long("title", "政策图解", "标题", piece.title.strip(), limits.TITLE))
    findings.extend(_too_long("subtitle", "政策图解", "副标题", piece.subtitle.strip(), limits.SUBTITLE))
    if piece.width not in WIDTHS:
        findings.append(blocking("EXPLAINER_WIDTH_UNSUPPORTED", EXPLAINER, "width",
                                 f"图解宽度 {piece.width} 像素不受支持。请选用 1080（通用长图）或 750（手机端）。"))
    for index, data in enumerate(piece.sections):
        findings.extend(_check_section(index, data))
    return findings
