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

The segmenter keeps compounds whole (工程建设 is one dictionary word), so a word changed inside a
compound would mark the whole compound (工作建设 → 工程建设). Where a replaced pair shares its
first or last characters, the shared part is cut back to the boundaries of a finer cut (the
dictionary words a compound is made of, as jieba's search mode finds them), so only 工作 → 工程
is marked and 建设 stays unmarked.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from enum import StrEnum
from types import ModuleType

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


def _segmenter() -> ModuleType:
    # Loaded here, not at import: the dictionary takes ~0.2 s and only a diff needs it.
    import rjieba

    return rjieba


def _words(han: str) -> list[str]:
    """Dictionary words of a stretch with no digits, Latin letters or whitespace."""
    if not han:
        return []
    try:
        return list(_segmenter().cut(han, False))
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
            groups += _narrowed(a[i1:i2], b[j1:j2])
    return _as_runs(_bridge_short_gaps(groups))


def shared_ends(old: str, new: str) -> tuple[int, int]:
    """How many characters `old` and `new` share at their start, and then at their end."""
    limit = min(len(old), len(new))
    prefix = next((n for n in range(limit) if old[n] != new[n]), limit)
    suffix = next((n for n in range(limit - prefix) if old[-1 - n] != new[-1 - n]), limit - prefix)
    return prefix, suffix


def _narrowed(old: list[str], new: list[str]) -> list[_Edit | _Same]:
    """A replaced stretch, its shared start and end left unmarked where a finer cut has a word boundary."""
    removed, added = "".join(old), "".join(new)
    if not removed or not added:
        return [_Edit(removed, added)]
    prefix, suffix = shared_ends(removed, added)
    old_cuts, new_cuts = _fine_boundaries(old), _fine_boundaries(new)
    head = max(n for n in range(prefix + 1) if n in old_cuts and n in new_cuts)
    tail = max(n for n in range(suffix + 1)
               if len(removed) - n in old_cuts and len(added) - n in new_cuts)
    out: list[_Edit | _Same] = []
    if head:
        out.append(_Same([removed[:head]]))
    out.append(_Edit(removed[head:len(removed) - tail], added[head:len(added) - tail]))
    if tail:
        out.append(_Same([removed[len(removed) - tail:]]))
    return out


def _fine_boundaries(words: list[str]) -> set[int]:
    """Offsets in the joined words where a word of the finer cut starts or ends."""
    cuts, at = {0}, 0
    for word in words:
        if len(word) > 2 and not _WHOLE.fullmatch(word):
            cuts |= {at + n for n in _inner_boundaries(word)}
        at += len(word)
        cuts.add(at)
    return cuts


def _inner_boundaries(word: str) -> set[int]:
    """Where the dictionary words a compound is made of meet (中华人民共和国: 2 and 4), counting only
    boundaries on a path of whole sub-words from its start to its end."""
    try:
        spans = [(s, e) for _, s, e in _segmenter().tokenize(word, "search", False)]
    except UnicodeError:
        return set()
    spans.append((0, len(word)))
    ahead = {0}
    for s, e in sorted(spans):
        if s in ahead:
            ahead.add(e)
    behind = {len(word)}
    for s, e in sorted(spans, key=lambda span: -span[1]):
        if e in behind:
            behind.add(s)
    return ahead & behind


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
            if out and out[-1].op is Op.SAME:  # a narrowed edit's unchanged end meets the next unchanged words
                out[-1] = Run(Op.SAME, out[-1].text + group.text)
            elif group.text:
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
