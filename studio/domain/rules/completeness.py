"""Every required piece present and non-empty (同步起草)."""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.findings import Finding, blocking, info
from studio.domain.pieces import EXPLAINER, FAQ, INTERPRETATION, OTHERS, POLICY
from studio.domain.rules.context import RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    pieces, meta = ctx.pieces, ctx.meta
    if pieces.policy.is_empty():
        yield blocking("POLICY_MISSING", POLICY, "body",
                       "政策文件正文为空。请导入或录入政策文件正文。")
    if ctx.exempt:
        if pieces.present(INTERPRETATION):
            yield info("EXEMPT_WITH_INTERPRETATION", INTERPRETATION, "body",
                       "文件已标记免于解读，但仍附有解读材料；解读将随文件一并发布。")
    else:
        if not pieces.present(INTERPRETATION):
            yield blocking("INTERPRETATION_MISSING", INTERPRETATION, "body",
                           "缺少政策解读。按“谁起草、谁解读”和三同步要求，解读材料须与政策文件同步起草、同步报审；"
                           "如属表彰决定、人事任免、批复等无需解读的文件，请填写免于解读类别和理由。")
        if meta.kind in ctx.settings.explainer_required_kinds and not pieces.present(EXPLAINER):
            yield blocking("EXPLAINER_MISSING", EXPLAINER, "sections",
                           f"{meta.kind}须配套政策图解，当前没有图解内容。请在“政策图解”中添加图解内容。")
        if not pieces.present(FAQ):
            yield info("FAQ_MISSING", FAQ, "items",
                       "没有政策问答。建议编写简明问答，方便群众理解政策。")
    for n, item in enumerate(pieces.faq.items, 1):
        if not item.question.strip() or not item.answer.strip():
            missing = "问题" if not item.question.strip() else "回答"
            yield blocking("FAQ_ITEM_INCOMPLETE", FAQ, f"items[{n - 1}]",
                           f"第{n}条问答缺少{missing}。请补全或删除该条。")
    for n, other in enumerate(pieces.others.items, 1):
        if not other.title.strip():
            yield blocking("OTHER_FORM_INCOMPLETE", OTHERS, f"items[{n - 1}]",
                           f"第{n}项其他解读形式（{other.form or '未注明形式'}）缺少标题。")
        if not other.url.strip() and not other.file.strip():
            yield blocking("OTHER_FORM_TARGET_MISSING", OTHERS, f"items[{n - 1}]",
                           f"第{n}项其他解读形式“{other.title}”既没有链接地址也没有文件，发布后无处可链。请补充链接或文件。")
