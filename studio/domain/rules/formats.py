"""GB/T 9704 forms of 发文字号 and 成文日期, and the dates that feed computations."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from studio.domain.dates import GBT_DATE, gbt_date, parse_date, split_date
from studio.domain.doc_number import lint_doc_number
from studio.domain.findings import Finding, blocking, warning
from studio.domain.metadata import ISO_DATE_KEYS, label
from studio.domain.rules.context import RuleContext


def date_written_problem(text: str) -> str:
    """Why a 成文日期 is not in GB/T 9704 form ("" when it is)."""
    value = text.strip()
    m = GBT_DATE.match(value)
    parts = split_date(value)
    if m and parse_date(value):
        return ""
    if parts is None:
        return f"成文日期“{value}”无法识别。应写作“2024年3月4日”的形式（只写年月日，不写时间）。"
    try:
        correct = gbt_date(date(*parts))
    except ValueError:
        return f"成文日期“{value}”是不存在的日期，请核对。"
    if "〇" in value or "○" in value or "二" in value or "一" in value:
        why = "应使用阿拉伯数字"
    elif "-" in value or "/" in value or "." in value:
        why = "应写作“年月日”"
    else:
        why = "年份写全称，月、日不编虚位（不加“0”）"
    return f"成文日期“{value}”不符合 GB/T 9704 格式：{why}。应写作“{correct}”。"


def check(ctx: RuleContext) -> Iterator[Finding]:
    meta = ctx.meta
    if meta.doc_number.strip():
        problem = lint_doc_number(meta.doc_number, max_year=ctx.today.year + 1)
        if problem:
            fix = (f"参考写法：“{problem.suggestion}”。" if problem.suggestion
                   else "正确形式为“机关代字〔年份〕序号号”，如“国办发〔2017〕47号”。")
            yield blocking("DOC_NUMBER_FORMAT", "metadata", "doc_number",
                           f"发文字号“{meta.doc_number.strip()}”不规范：{'；'.join(problem.problems)}。{fix}")
    if meta.date_written.strip():
        problem_text = date_written_problem(meta.date_written)
        if problem_text:
            yield blocking("DATE_WRITTEN_FORMAT", "metadata", "date_written", problem_text)
        elif ctx.date_written and ctx.date_written > ctx.today:
            yield warning("DATE_WRITTEN_FUTURE", "metadata", "date_written",
                          f"成文日期“{meta.date_written}”晚于今天，请核对。")
    for key in ISO_DATE_KEYS:
        value = getattr(meta, key).strip()
        if value and parse_date(value) is None:
            yield blocking("DATE_INVALID", "metadata", key,
                           f"“{label(key)}”的值“{value}”不是有效日期，请写作“2024-03-04”或“2024年3月4日”。")
    published = parse_date(meta.date_published)
    if published and ctx.date_written and published < ctx.date_written:
        yield blocking("DATE_ORDER", "metadata", "date_published",
                       f"发布日期（{published.isoformat()}）早于成文日期（{meta.date_written}），请核对两项日期。")
