"""征求意见: required for the kinds the profile names (行政法规, 规章, 规范性文件, 重大行政决策),
with a long enough period and, for those kinds, feedback on the comments adopted."""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.dates import parse_date
from studio.domain.findings import Finding, blocking, info, warning
from studio.domain.pieces import CONSULTATION
from studio.domain.rules.context import RuleContext


def _minimum(ctx: RuleContext) -> tuple[int, bool, str]:
    """(length, counted in working days?, why) for this package's kind."""
    s, kind = ctx.settings, ctx.meta.kind
    if kind == "规范性文件":
        if ctx.meta.affects_business.strip() == "否":
            return s.consultation_min_workdays_normative, True, "行政规范性文件"
        return s.consultation_min_days_business, False, "与市场主体生产经营活动密切相关的规范性文件"
    return s.consultation_min_days_major, False, kind


def check(ctx: RuleContext) -> Iterator[Finding]:
    meta, pieces = ctx.meta, ctx.pieces
    required = meta.kind in ctx.settings.consultation_required_kinds
    present = pieces.present(CONSULTATION)
    if not present:
        if required and not meta.no_consultation_reason.strip():
            yield blocking("CONSULTATION_MISSING", CONSULTATION, "body",
                           f"{meta.kind}须向社会公开征求意见，但文件包中没有征求意见公告。"
                           "请导入征求意见公告；如依法未公开征求意见，请填写“未征求意见的理由”。")
        return

    start, end = parse_date(meta.consultation_start), parse_date(meta.consultation_end)
    if not meta.consultation_start.strip() or not meta.consultation_end.strip():
        yield blocking("CONSULTATION_PERIOD_MISSING", "metadata", "consultation_start",
                       "征求意见公告未注明征求意见的起止日期。请填写征求意见开始日期和截止日期。")
    elif start and end and end < start:
        yield blocking("CONSULTATION_PERIOD_INVALID", "metadata", "consultation_end",
                       f"征求意见截止日期（{end.isoformat()}）早于开始日期（{start.isoformat()}）。")
    elif start and end and required:
        yield from _period_length(ctx, start, end)
    if start and end and ctx.date_written and end >= ctx.date_written:
        yield warning("CONSULTATION_AFTER_WRITTEN", "metadata", "consultation_end",
                      f"征求意见截止日期（{end.isoformat()}）不早于成文日期（{meta.date_written}），"
                      "意见可能未能在定稿前研究采纳，请核对。")
    if not meta.consultation_feedback.strip():
        # Feedback on adopted comments is owed where the kind had to be put out for comment;
        # a notice attached to any other kind is shown for reference and the feedback suggested.
        if required:
            yield blocking("CONSULTATION_FEEDBACK_MISSING", "metadata", "consultation_feedback",
                           f"未填写意见采纳情况。{meta.kind}公开征求意见结束后应公开意见收集和采纳情况，请填写“意见采纳情况”。")
        else:
            yield info("CONSULTATION_FEEDBACK_SUGGESTED", "metadata", "consultation_feedback",
                       f"文件包附有征求意见公告，但未填写意见采纳情况。{meta.kind or '该类'}文件不要求征求意见，"
                       "如公开过意见采纳情况，建议一并填写。")
    if required and meta.kind == "规范性文件" and not meta.affects_business.strip():
        yield info("AFFECTS_BUSINESS_UNSET", "metadata", "affects_business",
                   "未注明是否与市场主体生产经营活动密切相关，征求意见期限按不少于30日检查；"
                   "如不相关，请将该项设为“否”，按不少于7个工作日检查。")


def _period_length(ctx: RuleContext, start, end) -> Iterator[Finding]:
    minimum, workdays, why = _minimum(ctx)
    if workdays:
        actual = ctx.calendar.workdays_between(start, end)
        unit = "个工作日"
    else:
        actual = (end - start).days + 1
        unit = "日"
    if actual >= minimum:
        return
    text = (f"征求意见期为{start.isoformat()}至{end.isoformat()}，共{actual}{unit}，"
            f"少于{why}不少于{minimum}{unit}的要求。")
    reason = ctx.meta.short_period_reason.strip()
    if reason:
        yield warning("CONSULTATION_PERIOD_SHORT", "metadata", "consultation_end",
                      f"{text}已说明缩短理由：“{reason}”，请确认该理由已在征求意见公告中载明。")
    else:
        yield blocking("CONSULTATION_PERIOD_SHORT", "metadata", "consultation_end",
                       f"{text}如因情况紧急等原因缩短期限，须在公告中说明理由，并填写“征求意见期限缩短的理由”。")
