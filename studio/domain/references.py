"""How a companion names its policy (关联文件), and whether that name fits the policy.

An interpretation may cite the policy by 发文字号, by full title, by the title of the
document a notice issues (印发《…》的通知), or by an abbreviation such as 《若干措施》.
"""

from __future__ import annotations

import re

from studio.domain.metadata import Metadata
from studio.domain.script import simplified

_DOC_NUMBER_LIKE = re.compile(r"[\u4e00-\u9fff]+[〔\[【(（［]\d{4}[〕\]】)）］]\d+号")
_CITATION = re.compile(r"《([^《》]{2,120})》")
_DRAFT_MARKERS = ("征求意见稿", "送审稿", "草案", "讨论稿")
_PUNCT = re.compile(r"[\s《》〈〉“”\"'（）()，,。、：:；;]")
# Minimum length of an abbreviation that may stand for the title (若干措施, 实施方案).
_MIN_ABBREVIATION = 4


def normalise(text: str) -> str:
    """For comparing names: no punctuation or spaces, traditional characters as simplified."""
    return _PUNCT.sub("", simplified(text or ""))


def citations(text: str) -> list[str]:
    """Titles cited in 《》, in order of appearance."""
    return _CITATION.findall(text or "")


def default_ref(meta: Metadata) -> str:
    """The reference the studio writes for a companion created inside the package."""
    if meta.doc_number.strip():
        return meta.doc_number.strip()
    return f"《{meta.title.strip()}》" if meta.title.strip() else ""


def cites_draft(ref: str) -> bool:
    return any(m in ref for m in _DRAFT_MARKERS)


def issued_titles(title: str) -> list[str]:
    """The title itself and the documents it issues (关于印发《X》的通知 → X)."""
    return [normalise(title)] + [normalise(t) for t in citations(title)]


def match(ref: str, meta: Metadata) -> str:
    """How a companion's 关联文件 names this policy: "exact", "abbreviation" or "" (not at all)."""
    ref = (ref or "").strip()
    if not ref or cites_draft(ref):
        return ""
    number = meta.doc_number.strip()
    cited_number = _DOC_NUMBER_LIKE.search(ref)
    if cited_number:
        return "exact" if number and normalise(cited_number.group(0)) == normalise(number) else ""
    target = normalise(ref)
    if not target:
        return ""
    titles = [t for t in issued_titles(meta.title) if t]
    if target in titles:
        return "exact"
    # 《关于…的通知》 cited without the issuing organ, or an abbreviation like 《若干措施》.
    if len(target) >= _MIN_ABBREVIATION and any(target in t for t in titles):
        return "abbreviation"
    return ""


def refers_to(ref: str, meta: Metadata) -> bool:
    return bool(match(ref, meta))


def names_policy(text: str, meta: Metadata) -> bool:
    """Whether a text names the policy by 发文字号 or by a 《title》 that fits it."""
    text = simplified(text)
    number = meta.doc_number.strip()
    if number and normalise(number) in normalise(text):
        return True
    return any(match(f"《{t}》", meta) for t in citations(text))
