"""What changed in a text, at the level a Chinese reader compares: words, not characters or lines.

Chinese has no spaces between words, so splitting on whitespace would mark whole paragraphs and
comparing characters marks half words (工作 → 工程 read as 作 → 程). The text is split into words
by a dictionary segmenter (jieba, through rjieba, without guessing unknown words, so every word
of two or more characters is a dictionary word and the same text always splits the same way).
Numbers (with their decimal point, thousands separators and percent sign), Latin words and
whitespace are cut out first and kept whole, so a change never cuts a figure in half
(“500元” → “600元” reads as 500 → 600). The words are compared, and two edits separated only by
one short unchanged word are merged into one replaced phrase, because that is how a reader sees
a rewritten clause.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from enum import StrEnum

# Kept whole and never given to the segmenter: a number with its separators and percent sign,
# a Latin word, a stretch of whitespace.
_WHOLE = re.compile(r"[0-9０-９]+(?:[.,．，][0-9０-９]+)*[%％]?|[A-Za-zＡ-Ｚａ-ｚ]+|\s+")
# An unchanged word of at most this many characters between two edits is folded into them.
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
    """The words of `text`, in order; joined they are exactly `text`."""
    out: list[str] = []
    at = 0
    for whole in _WHOLE.finditer(text):
        out += _words(text[at:whole.start()])
        out.append(whole.group())
        at = whole.end()
    out += _words(text[at:])
    return out


def _words(han: str) -> list[str]:
    """Dictionary words of a stretch with no digits, Latin letters or whitespace."""
    if not han:
        return []
    # Loaded here, not at import: the dictionary takes ~0.2 s and only a diff needs it.
    from rjieba import cut

    try:
        return list(cut(han, False))
    except UnicodeError:  # a lone surrogate cannot cross into the segmenter: compare it by character
        return list(han)


@dataclass
class _Edit:
    removed: str = ""
    added: str = ""


@dataclass
class _Same:
    words: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.words)

    def bridges(self) -> bool:
        """One short word, not punctuation: reads as part of the phrase rewritten around it."""
        return (len(self.words) == 1 and len(self.words[0]) <= _BRIDGE
                and not _PUNCTUATION.search(self.words[0]))


def diff_runs(old: str, new: str) -> list[Run]:
    """Runs of the old and new text: SAME, or REMOVED then ADDED where a phrase was replaced."""
    a, b = tokens(old), tokens(new)
    groups: list[_Edit | _Same] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            groups.append(_Same(a[i1:i2]))
        else:
            groups.append(_Edit("".join(a[i1:i2]), "".join(b[j1:j2])))
    return _as_runs(_bridge_short_gaps(groups))


def _bridge_short_gaps(groups: list[_Edit | _Same]) -> list[_Edit | _Same]:
    """Fold one short unchanged word between two edits into one removed and one added phrase."""
    merged: list[_Edit | _Same] = []
    i = 0
    while i < len(groups):
        group, before = groups[i], merged[-1] if merged else None
        after = groups[i + 1] if i + 1 < len(groups) else None
        if isinstance(group, _Same) and isinstance(before, _Edit) and isinstance(after, _Edit) and group.bridges():
            before.removed += group.text + after.removed
            before.added += group.text + after.added
            i += 2
            continue
        merged.append(group)
        i += 1
    return merged


def _as_runs(groups: list[_Edit | _Same]) -> list[Run]:
    out: list[Run] = []
    for group in groups:
        if isinstance(group, _Same):
            out.append(Run(Op.SAME, group.text))
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
