"""What changed in a text, at the level a Chinese reader compares: characters, grouped into runs.

Chinese has no spaces between words, so a word-level diff of whitespace-split text would mark
whole paragraphs; comparing characters (difflib, no junk heuristics) marks “500元” → “600元”
as one changed character, and the runs read as the words that changed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum


class Op(StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Run:
    op: Op
    text: str


def diff_runs(old: str, new: str) -> list[Run]:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    runs: list[Run] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(Run(Op.SAME, old[i1:i2]))
            continue
        if i2 > i1:
            runs.append(Run(Op.REMOVED, old[i1:i2]))
        if j2 > j1:
            runs.append(Run(Op.ADDED, new[j1:j2]))
    return runs


def changed(runs: list[Run]) -> int:
    """Characters added or removed."""
    return sum(len(r.text) for r in runs if r.op is not Op.SAME)
