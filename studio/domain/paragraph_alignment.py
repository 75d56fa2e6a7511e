"""Two versions of a text side by side: paragraphs paired, the changed words marked in each.

Unchanged paragraphs pair with themselves. Where a stretch of paragraphs changed, each old
paragraph pairs with the new one most like it (in order, so rows never cross); a paragraph
with no counterpart stands alone on its side, as an added or removed paragraph.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from studio.domain.text_diff import Op, Run, diff_runs, new_side, old_side

# Paragraphs less alike than this are a removal and an addition, not one edited paragraph.
_ALIKE = 0.35
# Beyond this many candidate pairs in one changed stretch, pair them in order instead.
_MAX_PAIRINGS = 2500


@dataclass(frozen=True)
class Row:
    old_no: int | None  # 1-based paragraph number in the old text; None: the paragraph is new
    new_no: int | None  # in the new text; None: the paragraph was removed
    old: list[Run]  # unchanged and removed runs
    new: list[Run]  # unchanged and added runs

    @property
    def changed(self) -> bool:
        return any(r.op is not Op.SAME for r in self.old + self.new)


def paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def side_by_side(old: str, new: str) -> list[Row]:
    a, b = paragraphs(old), paragraphs(new)
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [Row(i + 1, j + 1, [Run(Op.SAME, a[i])], [Run(Op.SAME, b[j])])
                     for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
            continue
        rows += _changed_stretch(a, b, i1, i2, j1, j2)
    return rows


def _changed_stretch(a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int) -> list[Row]:
    pairs = _pair(a[i1:i2], b[j1:j2])
    rows: list[Row] = []
    i, j = 0, 0
    for pi, pj in pairs + [(i2 - i1, j2 - j1)]:
        rows += [Row(i1 + k + 1, None, [Run(Op.REMOVED, a[i1 + k])], []) for k in range(i, pi)]
        rows += [Row(None, j1 + k + 1, [], [Run(Op.ADDED, b[j1 + k])]) for k in range(j, pj)]
        if pi < i2 - i1 and pj < j2 - j1:
            runs = diff_runs(a[i1 + pi], b[j1 + pj])
            rows.append(Row(i1 + pi + 1, j1 + pj + 1, old_side(runs), new_side(runs)))
        i, j = pi + 1, pj + 1
    return rows


def _pair(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """Index pairs (old, new), increasing in both, that are most alike in total."""
    if len(old) * len(new) > _MAX_PAIRINGS:
        return [(k, k) for k in range(min(len(old), len(new)))]
    like = [[_likeness(o, n) for n in new] for o in old]
    # best[i][j]: the best total pairing old[i:] with new[j:]
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            take = like[i][j] + best[i + 1][j + 1] if like[i][j] >= _ALIKE else 0.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < len(old) and j < len(new):
        if like[i][j] >= _ALIKE and best[i][j] == like[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _likeness(old: str, new: str) -> float:
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio()
