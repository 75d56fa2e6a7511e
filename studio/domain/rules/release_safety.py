"""Release safety: nothing classified, no personal numbers, no links into someone's
computer in any piece meant for the website. Each of these blocks release."""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.findings import Finding, blocking
from studio.domain.metadata import PUBLIC_DISCLOSURE
from studio.domain.piece_texts import TEXT_PIECES, Paragraph, metadata_paragraphs, package_paragraphs
from studio.domain.pieces import POLICY
from studio.domain.rules.context import RuleContext
from studio.domain.sensitive import mask, may_hold_sensitive, scan

# The one field where a phone number is meant to be published (解读联系方式); it is
# scanned for everything else (an ID number, a marking, a local path).
CONTACT_FIELD = "interpreter_contact"
HEAD_PARAGRAPHS = 5
SHOWN = 3


def _for_website(ctx: RuleContext) -> bool:
    return ctx.meta.disclosure.strip() in ("", PUBLIC_DISCLOSURE)


def _listing(items: list[str]) -> str:
    return "；".join(items[:SHOWN]) + (f"（共{len(items)}处）" if len(items) > SHOWN else "")


def _first(items: list[tuple[Paragraph, str]]) -> Paragraph:
    return items[0][0]


def check(ctx: RuleContext) -> Iterator[Finding]:
    meta = ctx.meta.to_dict()
    raw = list(meta.values()) + [ctx.pieces.get(k).plain_text() for k in TEXT_PIECES]
    raw += [f"{item.url}\n{item.file}" for item in ctx.pieces.others.items]
    if not may_hold_sensitive("\n".join(raw)):
        return  # nothing that could be a marking, a personal number or a local path
    paragraphs = list(metadata_paragraphs(ctx.package))
    paragraphs += package_paragraphs(ctx.package)
    marks: list[tuple[Paragraph, str]] = []
    ids: list[tuple[Paragraph, str]] = []
    mobiles: list[tuple[Paragraph, str]] = []
    links: list[tuple[Paragraph, str]] = []
    policy_seen = 0
    for para in paragraphs:
        if para.piece == POLICY:
            policy_seen += 1
        hits = scan(para.text, head=para.piece == POLICY and policy_seen <= HEAD_PARAGRAPHS,
                    phones_allowed=para.field == CONTACT_FIELD)
        marks += [(para, m) for m in hits.markings]
        ids += [(para, n) for n in hits.id_numbers]
        mobiles += [(para, n) for n in hits.mobile_numbers]
        links += [(para, link) for link in hits.local_links]

    if marks and _for_website(ctx):
        p = _first(marks)
        yield blocking("CONFIDENTIAL_MARKING", p.piece, p.field,
                       f"拟在网站公开的材料中有密级或保密标注：{_listing([f'{q.place}“{m}”' for q, m in marks])}。"
                       "涉密或内部材料不得公开发布。请确认文件已解密或不属于内部资料，并删除标注；"
                       "如确属涉密或内部资料，请将公开属性改为“不予公开”。")
    if ids:
        p = _first(ids)
        yield blocking("ID_NUMBER_EXPOSED", p.piece, p.field,
                       f"材料中有居民身份证号码：{_listing([f'{q.place}“{mask(n)}”' for q, n in ids])}。"
                       "公开的材料不得包含个人身份证号码，请删除或隐去。")
    if mobiles:
        p = _first(mobiles)
        yield blocking("MOBILE_NUMBER_EXPOSED", p.piece, p.field,
                       f"材料中有手机号码：{_listing([f'{q.place}“{mask(n)}”' for q, n in mobiles])}。"
                       "个人手机号码不应出现在公开的正文中。咨询电话请填在“联系方式”一项，并尽量使用办公电话。")
    if links:
        p = _first(links)
        places = _listing([f"{q.place}“{link[:60]}”" for q, link in links])
        yield blocking("LOCAL_FILE_LINK", p.piece, p.field,
                       f"材料中有指向本机文件的链接或路径：{places}。"
                       "公众无法打开这些地址，且会暴露内部文件位置。请改为网站上的公开地址，或删除链接。")
