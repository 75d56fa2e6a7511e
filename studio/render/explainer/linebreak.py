"""Chinese line breaking (禁则): where a line of mixed Chinese and Latin text may end.

A line never starts with closing punctuation (，。、；：？！）》」 …) and never ends with
an opening one (《（「“ …). Latin words and numbers such as 0599-87261530 or 2.6 stay
whole unless a single one is wider than the line. A lone character is not left on the
last line when the line before can give it company.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Marks that may not begin a line: they close, separate or trail what comes before.
NO_LINE_START = frozenset(
    "，。、；：？！）》」』】〕〗〉］｝’”…‥—～·・％‰℃°"
    ",.;:?!)]}%"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー"
)
# Marks that may not end a line: they open what comes after.
NO_LINE_END = frozenset("（《「『【〔〖〈［｛‘“([{")
SPACES = frozenset(" \u3000\t")

_LATIN = re.compile(r"[A-Za-z0-9]+(?:[.,:/\-_@+'][A-Za-z0-9]+)*")
# A number keeps its magnitude and one measure word: "2.6万户", "120个", "2026年" never split.
_NUMBER_WITH_UNIT = re.compile(
    r"[0-9]+(?:[.,][0-9]+)*[万亿千百]*[元个年月日号户人条项次天岁台家名所座套间辆里米吨亩倍成分秒时周批类位级]?")


@dataclass(frozen=True)
class Cluster:
    text: str
    space: bool = False


def _unit_length(number: str) -> int:
    return len(number) - len(number.rstrip("万亿千百元个年月日号户人条项次天岁台家名所座套间辆里米吨亩倍成分秒时周批类位级"))


def atoms(text: str) -> list[str]:
    """Latin words and numbers whole; every other character on its own."""
    out: list[str] = []
    i = 0
    while i < len(text):
        m = _NUMBER_WITH_UNIT.match(text, i)
        latin = _LATIN.match(text, i)  # never None when `m` is not: both start at a digit
        if not m or (latin and latin.end() > m.end() - _unit_length(m.group(0))):
            m = latin
        if m:
            out.append(m.group(0))
            i = m.end()
        else:
            out.append(text[i])
            i += 1
    return out


def clusters(text: str) -> list[Cluster]:
    """Atoms glued so that every boundary between clusters is a legal line break."""
    out: list[Cluster] = []
    opening = ""
    for atom in atoms(text):
        if atom in SPACES:
            if opening:
                opening += atom  # an opening mark holds on to what follows, space or not
            else:
                out.append(Cluster(atom, space=True))
        elif atom[0] in NO_LINE_START and not opening and any(not c.space for c in out):
            # Glued to what precedes it, across spaces: "甲 、" is no place to break either.
            spaces = ""
            while out[-1].space:
                spaces = out.pop().text + spaces
            out[-1] = Cluster(out[-1].text + spaces + atom)
        elif atom in NO_LINE_END or (opening and atom[0] in NO_LINE_START):
            opening += atom
        else:
            out.append(Cluster(opening + atom))
            opening = ""
    if opening:
        if out and not out[-1].space:
            out[-1] = Cluster(out[-1].text + opening)
        else:
            out.append(Cluster(opening))
    return out


def _legal_cut(text: str, k: int) -> bool:
    before, after = text[:k].rstrip(" \u3000\t"), text[k:].lstrip(" \u3000\t")
    return bool(before and after) and after[0] not in NO_LINE_START and before[-1] not in NO_LINE_END


def _split_wide(text: str, max_width: float, measure: Callable[[str], float]) -> list[str]:
    """A cluster wider than a line, cut between characters where the rules allow (a long
    Latin run); marks glued to it hang past the line end rather than start the next."""
    pieces: list[str] = []
    start = 0
    for k in range(1, len(text)):
        if _legal_cut(text, k) and measure(text[start:k + 1]) > max_width:
            pieces.append(text[start:k])
            start = k
    pieces.append(text[start:])
    return pieces


def _fill(items: list[Cluster], max_width: float, measure: Callable[[str], float]) -> list[list[str]]:
    lines: list[list[str]] = []
    line: list[str] = []
    width = 0.0
    gap = ""
    for c in items:
        if c.space:
            gap = c.text if line else ""
            continue
        w = measure(c.text)
        extra = measure(gap) if gap else 0.0
        if line and width + extra + w > max_width:
            lines.append(line)
            line, width = [], 0.0
            extra, gap = 0.0, ""
        if w > max_width and not line:
            *full, rest = _split_wide(c.text, max_width, measure)
            lines.extend([p] for p in full)
            line, width, gap = [rest], measure(rest), ""
            continue
        if gap:
            line.append(gap)
        line.append(c.text)
        width += extra + w
        gap = ""
    if line:
        lines.append(line)
    return lines


def _avoid_orphan(lines: list[list[str]], max_width: float, measure: Callable[[str], float]) -> None:
    """Move one cluster down when the last line would hold a single character."""
    if len(lines) < 2 or len(lines[-1]) != 1 or len(lines[-2]) < 3:
        return
    last, before = lines[-1], lines[-2]
    if len(last[0].rstrip("".join(NO_LINE_START))) > 1:
        return
    moved = before[-1]
    if moved in SPACES or measure(moved + last[0]) > max_width:
        return
    lines[-2] = before[:-1]
    while lines[-2] and lines[-2][-1] in SPACES:
        lines[-2].pop()
    lines[-1] = [moved] + last


# Breaks next to these read naturally: after a pause or a closing mark, before an opening one.
_PAUSE_AFTER = frozenset("，、；：。！？）》」』”")
_OPEN_BEFORE = frozenset("（《「『“")


def _phrase_split(text: str, max_width: float, measure: Callable[[str], float],
                  worst: float) -> list[str] | None:
    """Two lines split at a punctuation mark, if one keeps both lines within `worst`."""
    items = clusters(text)
    best: tuple[float, list[str]] | None = None
    for i in range(1, len(items)):
        before, after = items[i - 1].text, items[i].text
        if not (before[-1] in _PAUSE_AFTER or after[0] in _OPEN_BEFORE or items[i - 1].space):
            continue
        left = "".join(c.text for c in items[:i]).rstrip(" \u3000\t")
        right = "".join(c.text for c in items[i:]).lstrip(" \u3000\t")
        longest = max(measure(left), measure(right))
        if longest <= min(max_width, worst) and (best is None or longest < best[0]):
            best = (longest, [left, right])
    return best[1] if best else None


def wrap_balanced(text: str, max_width: float, measure: Callable[[str], float]) -> list[str]:
    """Like `wrap`, but with lines of even length: for centred titles and labels, where a
    full first line and a short last one look lopsided. Two lines split at a comma or
    before 《 when that is nearly as even."""
    lines = wrap(text, max_width, measure)
    if len(lines) < 2 or "\n" in text:
        return lines
    lo, hi = max_width / len(lines), max_width
    best = lines
    for _ in range(12):
        mid = (lo + hi) / 2
        trial = wrap(text, mid, measure)
        if len(trial) <= len(lines):
            best, hi = trial, mid
        else:
            lo = mid
    if len(best) == 2:
        even = max(measure(line) for line in best)
        phrased = _phrase_split(text, max_width, measure, even * 1.3)
        if phrased:
            return phrased
    return best


def wrap(text: str, max_width: float, measure: Callable[[str], float]) -> list[str]:
    """`text` broken into lines no wider than `max_width` as measured by `measure`.

    Explicit line breaks are kept. A line is wider than `max_width` only when it holds a
    single character that is itself wider.
    """
    cache: dict[str, float] = {}

    def width(s: str) -> float:
        if s not in cache:
            cache[s] = measure(s)
        return cache[s]

    out: list[str] = []
    for paragraph in text.split("\n"):
        items = clusters(paragraph.strip(" \u3000\t"))
        if not items:
            out.append("")
            continue
        lines = _fill(items, max_width, width)
        _avoid_orphan(lines, max_width, width)
        # A long run cut at a space leaves the space at a line's edge: drop it.
        out.extend(t for t in ("".join(line).strip(" \u3000\t") for line in lines) if t)
    return out
