"""An interpretation must not be a mere excerpt or compression of the policy
(文件要点摘抄、文件压缩, 国办发〔2016〕80号): the share of its words copied from the
policy, measured, against the library's threshold."""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.findings import Finding, warning
from studio.domain.overlap import overlap
from studio.domain.pieces import INTERPRETATION
from studio.domain.rules.context import RuleContext

# Below this many characters a ratio says little (a short note that quotes one sentence).
MIN_LENGTH = 100


def check(ctx: RuleContext) -> Iterator[Finding]:
    interpretation, policy = ctx.pieces.interpretation, ctx.pieces.policy
    if interpretation.is_empty() or policy.is_empty():
        return
    measured = overlap(interpretation.body, policy.body)
    limit = ctx.settings.copy_overlap_percent
    if measured.total < MIN_LENGTH or measured.ratio * 100 <= limit:
        return
    worst = "、".join(f"第{n}段（{share:.0%}）" for n, share in measured.paragraphs[:3])
    yield warning("INTERPRETATION_COPIED", INTERPRETATION, "body",
                  f"政策解读有{measured.ratio:.0%}的文字与政策文件原文逐字相同（上限为{limit}%），"
                  f"像是文件要点摘抄或文件压缩。重合最多的段落：{worst}。"
                  "请用通俗的话讲清为什么出台、主要内容是什么意思、对谁有影响、怎么办理，而不是重复原文。")
