"""What changed in a text, at the level a Chinese reader compares: words, not bytes or lines.

Chinese has no spaces between words, so splitting on whitespace would mark whole paragraphs.
The studio does not bundle a dictionary segmenter (jieba's dictionary alone is ~20 MB and
takes most of a second to load) because a reviewer's diff needs something narrower: a change
must never cut a number, a Latin word or a date figure in half (“500元” → “600元” reads as
500 → 600, not 5 → 6), and scattered one-character edits a character or two apart read as the
one phrase that was rewritten. So the text is split into tokens (numbers with their decimal
point and percent sign, Latin words, single Han characters, single punctuation marks), the
tokens are compared, and edits separated by a short stretch of unchanged Han characters are
merged into one replaced phrase.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

# A number keeps its digits, separators and percent sign together; a Latin word its letters.
_TOKEN = re.compile(r"[0-9０-９]+(?:[.,．，][0-9０-９]+)*[%％]?|[A-Za-zＡ-Ｚａ-ｚ]+|\s+|.", re.S)
# Unchanged stretches up to this many characters between two edits are folded into them.
_BRIDGE = 2
_PUNCTUATION = re.compile(r"[\s\W]")


class Op(StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Run:
    op: Op
    text: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def diff_runs(old: str, new: str) -> list[Run]:
    """Runs of the old and new text: SAME, or REMOVED then ADDED where a phrase was replaced."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    runs: list[Run] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(Run(Op.SAME, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Run(Op.REMOVED, "".join(a[i1:i2])))
        if j2 > j1:
            runs.append(Run(Op.ADDED, "".join(b[j1:j2])))
    return _bridge_short_gaps(runs)


@dataclass
class _Edit:
    removed: str = ""
    added: str = ""


def _bridge_short_gaps(runs: list[Run]) -> list[Run]:
    """Fold a short unchanged stretch between two edits into one removed and one added phrase."""
    groups: list[_Edit | str] = []  # an edit, or unchanged text
    for run in runs:
        if run.op is Op.SAME:
            groups.append(run.text)
            continue
        if not groups or isinstance(groups[-1], str):
            groups.append(_Edit())
        edit = groups[-1]
        assert isinstance(edit, _Edit)
        if run.op is Op.REMOVED:
            edit.removed += run.text
        else:
            edit.added += run.text
    merged: list[_Edit | str] = []
    i = 0
    while i < len(groups):
        group, before = groups[i], merged[-1] if merged else None
        after = groups[i + 1] if i + 1 < len(groups) else None
        if (isinstance(group, str) and isinstance(before, _Edit) and isinstance(after, _Edit)
                and len(group) <= _BRIDGE and not _PUNCTUATION.search(group)):
            before.removed += group + after.removed
            before.added += group + after.added
            i += 2
            continue
        merged.append(group)
        i += 1
    out: list[Run] = []
    for group in merged:
        if isinstance(group, str):
            out.append(Run(Op.SAME, group))
            continue
        if group.removed:
            out.append(Run(Op.REMOVED, group.removed))
        if group.added:
            out.append(Run(Op.ADDED, group.added))
    return out


def changed(runs: list[Run]) -> int:
    """Characters added or removed."""
    return sum(len(r.text) for r in runs if r.op is not Op.SAME)


def old_side(runs: list[Run]) -> list[Run]:
    """The runs the old text is made of (unchanged and removed)."""
    return [r for r in runs if r.op is not Op.ADDED]


def new_side(runs: list[Run]) -> list[Run]:
    """The runs the new text is made of (unchanged and added)."""
    return [r for r in runs if r.op is not Op.REMOVED]
