"""Extracted metadata offered to the user: filled only where nothing was typed, never
overwriting a value the user gave; a differing value is shown as a proposal."""

from __future__ import annotations

from dataclasses import dataclass

from studio.domain.dates import parse_date
from studio.domain.metadata import LAYOUT_KEYS, RELEASE_MANAGED_KEYS, Metadata, label
from studio.ingest.gongwen_metadata import ExtractedMetadata

# Keys an imported file may propose, in the order they are shown.
POLICY_KEYS = ("title", "doc_number", "organ", "date_written", "kind", "disclosure", "index_number", "topic",
               "subject_words") + LAYOUT_KEYS
INTERPRETER_KEYS = ("interpreter_org", "interpreter_person", "interpreter_contact")
PROPOSABLE = POLICY_KEYS + INTERPRETER_KEYS


@dataclass(frozen=True)
class Proposal:
    key: str
    value: str
    current: str
    where: str
    # The reader is not sure of the value: it is shown for checking and never taken without a request.
    unsure: bool = False

    @property
    def fills_empty(self) -> bool:
        return not self.current.strip()

    def describe(self) -> str:
        """One line for the user, with the command that adopts the value."""
        now = "当前为空" if self.fills_empty else f"当前为“{self.current}”，未修改"
        origin = f"，见{self.where}" if self.where else ""
        check = "请核对；" if self.unsure else ""
        return f"建议：{self.key}={self.value}（{label(self.key)}{origin}；{check}{now}，可用 studio set 采纳）"


def _same(key: str, a: str, b: str) -> bool:
    if key == "date_written":
        da, db = parse_date(a), parse_date(b)
        if da and db:
            return da == db and a.strip() == b.strip()
    return "".join(a.split()) == "".join(b.split())


def proposals(current: Metadata, extracted: ExtractedMetadata, keys: tuple[str, ...] = PROPOSABLE) -> list[Proposal]:
    """Values the file states that the package does not already hold."""
    out: list[Proposal] = []
    for key in keys:
        value = extracted.values.get(key, "").strip()
        if not value or key in RELEASE_MANAGED_KEYS:
            continue
        have = getattr(current, key)
        if _same(key, have, value):
            continue
        out.append(Proposal(key, value, have, extracted.found_at.get(key, ""), key in extracted.unsure))
    return out


def accepted_values(items: list[Proposal]) -> dict[str, str]:
    """What `--accept-metadata` writes: only the keys that are still empty, and only values the reader is sure of."""
    return {p.key: p.value for p in items if p.fills_empty and not p.unsure}
