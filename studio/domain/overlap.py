"""How much of one text is copied word for word from another (文件要点摘抄).

Both texts are reduced to their characters without spaces, punctuation or Markdown;
a character of the interpretation counts as copied when it lies inside a run of at
least RUN characters that also occurs in the policy. Short shared phrases (names of
measures, the policy's title) do not reach that length often enough to matter; copied
sentences do.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

RUN = 12
_DROP = re.compile(r"[\s\W_]+", re.UNICODE)
_MARKDOWN = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|^#{1,6}\s|\*\*", re.M)


def letters(text: str) -> str:
    """Characters that carry words: no spaces, punctuation or Markdown marks."""
    text = _MARKDOWN.sub(lambda m: m.group(1) or "", unicodedata.normalize("NFKC", text))
    return _DROP.sub("", text)


@dataclass(frozen=True)
class Overlap:
    ratio: float  # share of the text's characters copied from the source
    copied: int
    total: int
    # (paragraph number, share copied) for paragraphs, most copied first
    paragraphs: tuple[tuple[int, float], ...] = ()


def _covered(text: str, found) -> list[bool]:
    covered = [False] * len(text)
    for i in range(len(text) - RUN + 1):
        if found(text[i:i + RUN]):
            for k in range(i, i + RUN):
                covered[k] = True
    return covered


def overlap(text: str, source: str) -> Overlap:
    src = letters(source)
    paragraphs = [letters(line) for line in text.splitlines()]
    if sum(map(len, paragraphs)) * 4 < len(src):
        found = src.__contains__  # a short text against a long policy: search the policy directly
    else:
        found = {src[i:i + RUN] for i in range(len(src) - RUN + 1)}.__contains__
    copied = total = 0
    shares: list[tuple[int, float]] = []
    n = 0
    for para in paragraphs:
        if not para:
            continue
        n += 1
        c = sum(_covered(para, found))
        copied += c
        total += len(para)
        if c:
            shares.append((n, c / len(para)))
    shares.sort(key=lambda s: -s[1])
    return Overlap(copied / total if total else 0.0, copied, total, tuple(shares))
