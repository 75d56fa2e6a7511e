"""The fixed words of an explainer: header, section numbers, labels, footer.

The image and its transcript both take their words from here, so the transcript says
exactly what the image shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.domain.metadata import Metadata
from studio.domain.pieces import ExplainerPiece

# Title openings that the header sets large on a line of their own.
KICKERS = ("一图读懂", "一图看懂", "一图了解", "一图速览", "图解")

CONTACT_ORG_LABEL = "咨询单位"
CONTACT_PHONE_LABEL = "咨询电话"
QUESTION_MARK = "问"
ANSWER_MARK = "答"
SOURCE_LABEL = "数据来源："
VALUE_COLUMN = "数值"
SHARE_COLUMN = "占比"
ITEM_COLUMN = "项目"
DISCLAIMER = "本图解为政策解读材料，具体内容以政策文件原文为准。"

_DIGITS = "零一二三四五六七八九"


def chinese_ordinal(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十 (sections never reach 100)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def section_number(index: int) -> str:
    """The number shown in a section's badge, from a 0-based index."""
    return chinese_ordinal(index + 1)


@dataclass(frozen=True)
class Header:
    kicker: str  # "一图读懂" set large, or ""
    title: str  # the rest of the title
    subtitle: str
    policy_line: str  # 发文机关 and 发文字号 of the policy explained

    @property
    def full_title(self) -> str:
        return self.kicker + self.title


def split_kicker(title: str) -> tuple[str, str]:
    for kicker in KICKERS:
        rest = title[len(kicker):].strip()
        if title.startswith(kicker) and rest:
            return kicker, rest
    return "", title


def header(piece: ExplainerPiece, meta: Metadata) -> Header:
    kicker, title = split_kicker(piece.title.strip())
    parts = [p.strip() for p in (meta.organ, meta.doc_number) if p.strip()]
    return Header(kicker, title, piece.subtitle.strip(), "　".join(parts))


def footer_lines(meta: Metadata) -> list[str]:
    """发文机关 and the source document, then the reminder that the document prevails."""
    lines: list[str] = []
    if meta.organ.strip():
        lines.append(f"发文机关：{meta.organ.strip()}")
    if meta.title.strip():
        lines.append(f"文件名称：{meta.title.strip()}")
    number = meta.doc_number.strip()
    written = meta.date_written.strip()
    if number and written:
        lines.append(f"发文字号：{number}　成文日期：{written}")
    elif number:
        lines.append(f"发文字号：{number}")
    elif written:
        lines.append(f"成文日期：{written}")
    if meta.interpreter_org.strip():
        lines.append(f"解读机构：{meta.interpreter_org.strip()}")
    lines.append(DISCLAIMER)
    return lines


def split_lead(item: str, max_lead: int = 16) -> tuple[str, str]:
    """"基础类：供水、排水…" -> ("基础类", "供水、排水…"); the lead is set in bold.

    Only a short lead before the first full-width colon counts, so an ordinary sentence
    with a colon late in it stays whole.
    """
    lead, sep, rest = item.partition("：")
    if sep and 2 <= len(lead) <= max_lead and rest.strip():
        return lead.strip(), rest.strip()
    return "", item
