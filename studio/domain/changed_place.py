"""Where one edit changed a package, so that undo and redo can take the user to it.

Compares the package before and after an undo or redo step and names the first place that
differs: a text piece's title or body (with the offset where the change ends in the new text,
so the cursor lands just after the restored words), a question of the FAQ, a section of the
explainer, or a metadata field.
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.domain.metadata import METADATA_KEYS
from studio.domain.package import Package
from studio.domain.pieces import CONSULTATION, EXPLAINER, FAQ, INTERPRETATION, PIECE_KEYS, POLICY
from studio.domain.text_diff import shared_ends

METADATA = "metadata"


@dataclass(frozen=True)
class ChangedPlace:
    piece: str  # a piece key, or "metadata"
    field: str  # "body", "title", "items[2]", "sections[0]", a metadata key; "" for the piece as a whole
    at: int = 0  # for a body: the offset in the new text where the change ends


def changed_place(before: Package, after: Package) -> ChangedPlace | None:
    """The first place where `after` differs from `before`; None if only links or nothing changed."""
    for key in PIECE_KEYS:
        old, new = before.pieces.get(key), after.pieces.get(key)
        if old == new:
            continue
        if key == POLICY and before.pieces.policy.body != after.pieces.policy.body:
            return ChangedPlace(key, "body", change_end(before.pieces.policy.body, after.pieces.policy.body))
        if key in (INTERPRETATION, CONSULTATION):
            then, now = before.pieces.text_piece(key), after.pieces.text_piece(key)
            if then.title != now.title:
                return ChangedPlace(key, "title")
            if then.body != now.body:
                return ChangedPlace(key, "body", change_end(then.body, now.body))
        elif key == FAQ:
            return ChangedPlace(FAQ, _first_differing("items", before.pieces.faq.items, after.pieces.faq.items))
        elif key == EXPLAINER:
            return ChangedPlace(EXPLAINER, _first_differing("sections", before.pieces.explainer.sections,
                                                            after.pieces.explainer.sections))
    field = next((k for k in METADATA_KEYS if getattr(before.metadata, k) != getattr(after.metadata, k)), None)
    return ChangedPlace(METADATA, field) if field is not None else None


def change_end(old: str, new: str) -> int:
    """The offset in `new` just after the part that differs from `old` (where its shared ending starts)."""
    return len(new) - shared_ends(old, new)[1]


def _first_differing(name: str, old: tuple, new: tuple) -> str:
    """items[i] / sections[i] for the first entry that differs; "" when only the title or count did."""
    index = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), None)
    if index is None and len(old) != len(new):
        index = min(len(old), len(new)) if len(new) > len(old) else len(new) - 1
    return f"{name}[{index}]" if index is not None and index >= 0 else ""
