"""Numbers in the explainer must agree with the policy and its interpretation.

Every number shown in key figures, charts and timelines has to appear in the policy
document or the interpretation (as 30万元 or 300000元, in full- or half-width digits). A
number found in neither is likely a typo or an unsourced claim: a warning names the
section and the numbers.
"""

from __future__ import annotations

from studio.domain.explainer.model import CHART, FIGURES, TIMELINE, Section, format_number, parse_sections
from studio.domain.explainer.numbers import Shown, Tokens, corpus_tokens, magnitude_of, matches, shown_numbers
from studio.domain.explainer.validation import section_name
from studio.domain.findings import Finding, warning
from studio.domain.metadata import Metadata
from studio.domain.pieces import EXPLAINER, ExplainerPiece

CAPTION_UNIT_MARKERS = ("单位：", "单位:")


def _caption_magnitude(caption: str) -> str:
    for marker in CAPTION_UNIT_MARKERS:
        if marker in caption:
            return magnitude_of(caption.split(marker, 1)[1])
    return ""


def section_numbers(section: Section) -> list[Shown]:
    """The numbers a figures, chart or timeline section shows."""
    shown: list[Shown] = []
    if section.kind == FIGURES:
        for f in section.figures:
            shown += shown_numbers(f.value, magnitude_of(f.unit))
            shown += shown_numbers(f.unit)
            shown += shown_numbers(f.label)
    elif section.kind == CHART:
        magnitude = _caption_magnitude(section.caption)
        for row in section.rows:
            shown += shown_numbers(row.label)
            if row.value is not None:
                shown += shown_numbers(format_number(row.value), magnitude)
    elif section.kind == TIMELINE:
        for item in section.timeline:
            shown += shown_numbers(item.date)
            shown += shown_numbers(item.text)
    return shown


def policy_texts(policy_body: str, interpretation_body: str, meta: Metadata) -> list[str]:
    """What the numbers may be found in: the two texts and the policy's own metadata."""
    return [policy_body, interpretation_body, meta.title, meta.doc_number, meta.date_written]


def unmatched_numbers(section: Section, corpus: Tokens) -> list[str]:
    seen: list[str] = []
    for s in section_numbers(section):
        if not matches(s, corpus) and s.text not in seen:
            seen.append(s.text)
    return seen


def check_numbers(piece: ExplainerPiece, texts: list[str]) -> list[Finding]:
    """A warning for each section showing numbers that none of `texts` contains."""
    if not any(t.strip() for t in texts):
        return []  # nothing to compare with yet; the missing policy is reported elsewhere
    corpus = corpus_tokens(texts)
    findings: list[Finding] = []
    for index, section in enumerate(parse_sections(piece.sections)):
        missing = unmatched_numbers(section, corpus)
        if missing:
            listed = "、".join(f"“{m}”" for m in missing)
            findings.append(warning(
                "EXPLAINER_NUMBER_UNMATCHED", EXPLAINER, f"sections[{index}]",
                f"{section_name(index, section)}中的数字{listed}在政策文件和政策解读中都没有找到。"
                "请核对数字是否准确；如数字无误，请在政策解读中写明其依据。"))
    return findings
