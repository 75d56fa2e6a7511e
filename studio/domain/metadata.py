"""Metadata of a package: the 政策文件库 fields, interpreter and consultation details.

The key names are the same everywhere: command line, JSON output, storage.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

# 行政法规 are issued as 国务院令 (e.g. 国务院令第752号).
KINDS = ("行政法规", "规章", "规范性文件", "重大行政决策", "其他")
DISCLOSURES = ("主动公开", "依申请公开", "不予公开")
VALIDITIES = ("现行有效", "已修订", "已废止", "失效")
PUBLIC_DISCLOSURE = "主动公开"
# Categories of documents that obviously need no interpretation (seeds/003).
EXEMPT_CATEGORIES = ("表彰决定", "奖励决定", "人事任免", "组成人员调整", "批复", "其他")
YES_NO = ("是", "否")

# key -> Chinese label, in the order forms and tables show them.
LABELS: dict[str, str] = {
    "title": "标题",
    "doc_number": "发文字号",
    "organ": "发文机关",
    "date_written": "成文日期",
    "date_published": "发布日期",
    "index_number": "索引号",
    "topic": "主题分类",
    "subject_words": "主题词",
    "kind": "文件类型",
    "disclosure": "公开属性",
    "disclosure_reason": "不公开理由及依据",
    "validity": "有效性",
    "interpreter_org": "解读机构",
    "interpreter_person": "解读人",
    "interpreter_contact": "联系方式",
    "consultation_start": "征求意见开始日期",
    "consultation_end": "征求意见截止日期",
    "consultation_feedback": "意见采纳情况",
    "no_consultation_reason": "未征求意见的理由",
    "short_period_reason": "征求意见期限缩短的理由",
    "affects_business": "与市场主体生产经营活动密切相关",
    "exempt": "免于解读类别",
    "exempt_reason": "免于解读理由",
    "copy_number": "份号",
    "secrecy": "密级和保密期限",
    "urgency": "紧急程度",
    "signer": "签发人",
    "addressees": "主送机关",
    "copied_to": "抄送机关",
    "printed_by": "印发机关",
    "printed_on": "印发日期",
    "attachments": "附件",
}
# The 版头 and 版记 of a 公文 (GB/T 9704-2012) and its 附件 list: taken out of the text on import
# so that pages show them once. Left out of the sign-off hash while empty, so that packages
# signed before these fields existed stay signed.
LAYOUT_KEYS = ("copy_number", "secrecy", "urgency", "signer", "addressees", "copied_to", "printed_by",
               "printed_on", "attachments")
# Handling marks of the paper original (份号, 密级, 紧急程度, 签发人): kept for the office, never published.
HANDLING_KEYS = ("copy_number", "secrecy", "urgency", "signer")
# Never published either: the reason for not disclosing explains a non-public designation, and a
# non-public package is never exported; whatever an office once typed there stays inside.
UNPUBLISHED_KEYS = HANDLING_KEYS + ("disclosure_reason",)

CHOICES: dict[str, tuple[str, ...]] = {
    "kind": KINDS,
    "disclosure": DISCLOSURES,
    "validity": VALIDITIES,
    "affects_business": YES_NO,
}
# Calendar dates that feed computations; stored as ISO dates.
ISO_DATE_KEYS = ("date_published", "consultation_start", "consultation_end")
# Set by the release operation, never by hand, and not covered by sign-off.
RELEASE_MANAGED_KEYS = ("date_published",)


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    doc_number: str = ""
    organ: str = ""
    date_written: str = ""
    date_published: str = ""
    index_number: str = ""
    topic: str = ""
    subject_words: str = ""
    kind: str = ""
    disclosure: str = ""
    disclosure_reason: str = ""
    validity: str = "现行有效"
    interpreter_org: str = ""
    interpreter_person: str = ""
    interpreter_contact: str = ""
    consultation_start: str = ""
    consultation_end: str = ""
    consultation_feedback: str = ""
    no_consultation_reason: str = ""
    short_period_reason: str = ""
    affects_business: str = ""
    exempt: str = ""
    exempt_reason: str = ""
    copy_number: str = ""
    secrecy: str = ""
    urgency: str = ""
    signer: str = ""
    addressees: str = ""
    copied_to: str = ""
    printed_by: str = ""
    printed_on: str = ""
    attachments: str = ""  # one per line

    def to_dict(self) -> dict[str, str]:
        # 版头/版记 fields are stored only when they hold a value: packages saved before they
        # existed read and write the same bytes.
        return {k: getattr(self, k) for k in METADATA_KEYS if k not in LAYOUT_KEYS or getattr(self, k)}

    @classmethod
    def from_dict(cls, data: dict) -> Metadata:
        return cls(**{k: str(v) for k, v in data.items() if k in _KNOWN and v is not None})

    def with_values(self, **values: str) -> Metadata:
        return replace(self, **values)

    @property
    def is_exempt(self) -> bool:
        return bool(self.exempt.strip() or self.exempt_reason.strip())


METADATA_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Metadata))
_KNOWN = frozenset(METADATA_KEYS)
assert set(METADATA_KEYS) == set(LABELS), "every metadata key needs a label"


def published_values(metadata: Metadata) -> dict[str, str]:
    """What an exported bundle states: no handling marks, and 版头/版记 fields only when they hold a value."""
    return {k: getattr(metadata, k) for k in METADATA_KEYS
            if k not in UNPUBLISHED_KEYS and (k not in LAYOUT_KEYS or getattr(metadata, k))}


PUBLISHED_LABELS = {k: v for k, v in LABELS.items() if k not in UNPUBLISHED_KEYS}


def label(key: str) -> str:
    return LABELS.get(key, key)
