"""The heading levels of a 公文 (GB/T 9704): 一、 / （一） / 1. / （1）, recognised in plain text.

A drafter from Word writes “一、出台背景” on a line of its own, not “## 一、出台背景”. Such a
line is a heading when it is short and does not end as a sentence does; “一、对符合条件的……
给予补贴。” stays a paragraph (an enumerated clause).
"""

from __future__ import annotations

import re

# (level, pattern): level 1 is the highest heading inside a piece.
LEVELS = (
    (1, re.compile(r"^[一二三四五六七八九十百]+、\S")),
    (2, re.compile(r"^[（(][一二三四五六七八九十百]+[）)]\S")),
    (3, re.compile(r"^\d{1,2}[.．、]\s*\S")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]\S")),
)
NUMERIC = (3, 4)  # “1.” and “（1）” also number list items; a run of them is a list
MAX_HEADING_CHARS = 40
SENTENCE_END = tuple("。；;：:？?！!，,")
_FENCE = re.compile(r"^\s*(```|~~~)")
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")


def heading_level(line: str) -> int | None:
    """1–4 for a 公文 heading line, None for anything else."""
    text = line.strip()
    if not text or len(text) > MAX_HEADING_CHARS or text.endswith(SENTENCE_END):
        return None
    for level, pattern in LEVELS:
        if pattern.match(text):
            return level
    return None


def mark_headings(text: str, top: int = 2) -> str:
    """Markdown with each 公文 heading line written as a Markdown heading (一、 → ## when `top` is 2).

    Lines already marked with # and lines inside code fences are left as they are.
    """
    out: list[str] = []
    fenced = False
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        level = None if fenced or _MARKDOWN_HEADING.match(line) else heading_level(line)
        if level in NUMERIC and _in_a_run(lines, n, level):
            level = None  # “1. …” lines one after another are a numbered list, not headings
        if level is not None:
            out.append("#" * min(6, top + level - 1) + " " + _escape_list_marker(line.strip()))
        else:
            out.append(line)
    return "\n".join(out)


def _in_a_run(lines: list[str], n: int, level: int) -> bool:
    """Whether the line next to `n` (before or after, no blank between) is numbered the same way."""
    pattern = dict(LEVELS)[level]
    neighbours = [lines[i].strip() for i in (n - 1, n + 1) if 0 <= i < len(lines)]
    return any(pattern.match(text) for text in neighbours if text)


def _escape_list_marker(text: str) -> str:
    """“1. 申请条件” inside a heading must stay words, not start a list."""
    return re.sub(r"^(\d{1,2})\.", r"\1\\.", text)


_DIGITS = "零一二三四五六七八九"


def chinese_count(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers stay below 100)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def next_heading_prefix(text_before: str, level: int) -> str:
    """The number the next heading of `level` takes, counted since the last heading above it.

    一、 then 二、; （一） restarts under each 一、; 1. under each （一）; （1） under each 1.
    """
    count = 0
    for line in text_before.split("\n"):
        found = heading_level(line.lstrip("# ").strip()) if line.strip() else None
        if found is None:
            continue
        if found < level:
            count = 0
        elif found == level:
            count += 1
    n = count + 1
    return {1: f"{chinese_count(n)}、", 2: f"（{chinese_count(n)}）", 3: f"{n}.", 4: f"（{n}）"}[level]


_NUMBER = re.compile(r"^([一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]{1,3}[）)]|\d{1,2}[.．、])\s*")


def strip_heading_number(line: str) -> str:
    """The heading's words without its 公文 number (renumbering a line keeps its words)."""
    return _NUMBER.sub("", line.strip(), count=1)
