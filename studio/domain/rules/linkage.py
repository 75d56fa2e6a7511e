"""双关联: the policy links to every companion and every companion links back."""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.findings import Finding, blocking, warning
from studio.domain.pieces import INTERPRETATION, OTHERS, POLICY, OthersPiece, PolicyPiece, piece_label
from studio.domain.references import cites_draft, names_policy, refers_to
from studio.domain.rules.context import RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    pieces, meta = ctx.pieces, ctx.meta
    present = pieces.present_companions()
    related = set(pieces.policy.related)
    policy_name = meta.doc_number.strip() or f"《{meta.title.strip()}》"

    for key in present:
        name = piece_label(key)
        if key not in related:
            yield blocking("LINK_FORWARD_MISSING", POLICY, "related",
                           f"政策文件页面的“相关解读”中没有链接到{name}，公众从原文找不到它。请将{name}关联到政策文件。")
        if key == OTHERS:
            continue
        piece = pieces.get(key)
        assert not isinstance(piece, (PolicyPiece, OthersPiece))  # every other companion names its policy
        ref = piece.policy_ref.strip()
        if not ref:
            yield blocking("LINK_BACK_MISSING", key, "policy_ref",
                           f"{name}没有注明关联文件，发布后无法链接回政策原文。请将{name}关联到{policy_name}。")
        elif cites_draft(ref):
            yield blocking("LINK_BACK_MISMATCH", key, "policy_ref",
                           f"{name}关联的是“{ref}”，这是征求意见稿或送审稿，不是正式文件{policy_name}。"
                           f"请按正式文件修改{name}中的文件名称，并重新关联。")
        elif not refers_to(ref, meta):
            yield blocking("LINK_BACK_MISMATCH", key, "policy_ref",
                           f"{name}关联的是“{ref}”，与本文件{policy_name}不符，链接会指向别的文件。请核对后重新关联。")

    interpretation = pieces.interpretation
    if not interpretation.is_empty() and not names_policy(interpretation.body, meta):
        yield warning("LINK_NOT_NAMED", INTERPRETATION, "body",
                      f"政策解读正文没有提到所解读的文件（标题或发文字号），读者无法确认解读的是哪份文件。"
                      f"请在开头写明{policy_name}。")

    for key in sorted(related - set(present)):
        yield blocking("LINK_TARGET_MISSING", POLICY, "related",
                       f"政策文件页面链接到{piece_label(key)}，但文件包中没有该材料，链接将指向空页面。请补充材料或取消该链接。")

    for n, item in enumerate(pieces.others.items, 1):
        ref = item.policy_ref.strip()
        if not ref:
            yield warning("LINK_BACK_UNCONFIRMED", OTHERS, f"items[{n - 1}]",
                          f"其他解读形式“{item.title}”未注明关联文件。外部页面须链接回政策原文，请核实并填写关联文件。")
        elif cites_draft(ref) or not refers_to(ref, meta):
            yield blocking("LINK_BACK_MISMATCH", OTHERS, f"items[{n - 1}]",
                           f"其他解读形式“{item.title}”关联的是“{ref}”，与本文件{policy_name}不符。请核对。")
