"""Documents that obviously need no interpretation (seeds/003: 表彰决定、人事任免、批复 and
the like), recognised by their title or their opening words. Only a suggestion: whether
a document is exempt is the drafter's proposal and the signer's decision."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TITLE_RULES = (
    # 表扬 (通报表扬) is praise of the same kind as 表彰, issued as a 通报.
    ("表彰决定", re.compile(r"(?:表彰|表扬).*(?:决定|通报|通知)(?:[（(][^）)]*[）)])?$")),
    ("奖励决定", re.compile(r"(?:给予|授予|奖励).*(?:奖励|嘉奖|记功|称号).*(?:决定|通报)$|奖励的决定$")),
    ("人事任免", re.compile(r"(?:任免|任命|免去|免职|聘任|职务)[^，。]*(?:通知|决定)$")),
    ("组成人员调整", re.compile(r"调整.{0,60}(?:组成人员|成员|组成)|(?:领导小组|委员会|工作组|联席会议).{0,10}"
                          r"(?:组成人员|成员)(?:调整|名单)")),
    ("批复", re.compile(r"(?:批复|的复函)$")),
)
_BODY_RULES = (
    ("表彰决定", re.compile(r"决定(?:对|授予|给予).{0,60}(?:予以表彰|予以表扬|通报表扬|称号)")),
    ("人事任免", re.compile(r"决定任命|(?:现将|决定).{0,20}任免|免去.{0,30}职务")),
    ("组成人员调整", re.compile(r"组成人员(?:进行)?(?:相应)?调整|调整后的(?:组成人员)?名单")),
    ("批复", re.compile(r"《关于.{2,80}的请示》.{0,60}收悉.{0,200}(?:同意|批复如下)")),
)
BODY_WINDOW = 400


@dataclass(frozen=True)
class ExemptHint:
    category: str  # one of metadata.EXEMPT_CATEGORIES
    evidence: str  # the words that show it


def exempt_hint(title: str, body: str) -> ExemptHint | None:
    compact_title = re.sub(r"\s+", "", title or "")
    for category, pattern in _TITLE_RULES:
        m = pattern.search(compact_title)
        if m:
            return ExemptHint(category, f"标题“{compact_title}”")
    opening = re.sub(r"\s+", "", body or "")[:BODY_WINDOW]
    for category, pattern in _BODY_RULES:
        m = pattern.search(opening)
        if m:
            return ExemptHint(category, f"正文“{m.group(0)[:30]}”")
    return None
