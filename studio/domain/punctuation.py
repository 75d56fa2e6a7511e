"""Punctuation of Chinese text (GB/T 15834): paired marks, half-width marks inside
Chinese sentences, and 《》 nested in 《》 where the inner pair should be 〈〉."""

from __future__ import annotations

import re
from dataclasses import dataclass

PAIRS = {"《": "》", "〈": "〉", "“": "”", "‘": "’", "（": "）", "(": ")", "【": "】", "〔": "〕"}
CLOSERS = {v: k for k, v in PAIRS.items()}
_HAN = r"\u4e00-\u9fff"
_CJK_TEXT = re.compile(rf"[{_HAN}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’《》〈〉]")
_HAN_CHAR = re.compile(rf"[{_HAN}]")
# Markdown syntax, links and addresses whose ASCII marks are not prose. An address is
# made of ASCII only and does not end in a sentence mark: in “（网址：http://…），通过…”
# the full-width text after it is prose again.
_URL_CHAR = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]"
_URL_END = r"[A-Za-z0-9\-_~/#\[\]@$&'*+=%]"
_NOT_PROSE = re.compile(rf"!?\[[^\]]*\]\([^)]*\)|<https?://[^>]*>|https?://{_URL_CHAR}*{_URL_END}"
                        r"|[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|`[^`]*`")
_MARKDOWN_LEAD = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+\\?[.)]\s+|\|)")


@dataclass(frozen=True)
class PairProblem:
    kind: str  # "unclosed", "unopened", "mismatch"
    mark: str
    other: str = ""
    excerpt: str = ""

    def describe(self) -> str:
        if self.kind == "unclosed":
            return f"“{self.mark}”没有对应的“{PAIRS[self.mark]}”（{self.excerpt}）"
        if self.kind == "unopened":
            return f"“{self.mark}”前面没有对应的“{CLOSERS[self.mark]}”（{self.excerpt}）"
        return f"“{self.other}”与“{self.mark}”不配对（{self.excerpt}）"


_PAIR_MARK = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")


def excerpt(text: str, at: int, width: int = 8) -> str:
    start, end = max(0, at - width), min(len(text), at + width + 1)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def prose(text: str) -> str:
    """The text with links, addresses and Markdown markers blanked (same length)."""
    blanked = _NOT_PROSE.sub(lambda m: " " * len(m.group(0)), text)
    return _MARKDOWN_LEAD.sub(lambda m: " " * len(m.group(0)), blanked)


def pair_problems(text: str) -> tuple[list[PairProblem], list[int]]:
    """Unpaired or mismatched marks, and where a 《 opens inside another 《."""
    if not _PAIR_MARK.search(text):
        return [], []
    text = prose(text)
    problems: list[PairProblem] = []
    nested: list[int] = []
    stack: list[tuple[str, int]] = []
    for m in _PAIR_MARK.finditer(text):  # only the marks, not every character
        i, c = m.start(), m.group(0)
        if c in PAIRS:
            if c == "《" and any(m == "《" for m, _ in stack):
                nested.append(i)
            stack.append((c, i))
        elif c in CLOSERS:
            if stack and stack[-1][0] == CLOSERS[c]:
                stack.pop()
            elif any(m == CLOSERS[c] for m, _ in stack):
                opened, at = stack.pop()
                while stack and stack[-1][0] != CLOSERS[c]:
                    stack.pop()
                if stack:
                    stack.pop()
                problems.append(PairProblem("mismatch", c, opened, excerpt(text, at)))
            elif stack and (stack[-1][0], c) in (("（", ")"), ("(", "）")):
                stack.pop()
                problems.append(PairProblem("mismatch", c, "（" if c == ")" else "(", excerpt(text, i)))
            else:
                problems.append(PairProblem("unopened", c, excerpt=excerpt(text, i)))
    for mark, at in stack:
        problems.append(PairProblem("unclosed", mark, excerpt=excerpt(text, at)))
    return problems, nested


def continues_quote(paragraph: str, problems: list[PairProblem]) -> bool:
    """A quotation running over several paragraphs opens “ on each and closes only at the end."""
    return bool(problems) and all(p.kind == "unclosed" and p.mark == "“" for p in problems) \
        and paragraph.lstrip().startswith("“")


def nested_fix(text: str, at: int) -> tuple[str, str]:
    """(the outer 《…》 as written, as it should be written with 〈〉 inside)."""
    start = text.rfind("《", 0, at)
    depth, end = 0, len(text)
    for i in range(start, len(text)):
        if text[i] == "《":
            depth += 1
        elif text[i] == "》":
            depth -= 1
            if depth == 0:
                end = i + 1
                break
    written = text[start:end]
    inner = written[1:-1] if written.endswith("》") else written[1:]
    fixed = "《" + inner.replace("《", "〈").replace("》", "〉") + ("》" if written.endswith("》") else "")
    return written, fixed


_HALF_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。", '"': "“”"}


_HALF_MARK = re.compile("[" + re.escape("".join(_HALF_WIDTH)) + "]")


def half_width_marks(text: str) -> list[tuple[int, str]]:
    """(position, mark) of ASCII punctuation used inside Chinese sentences."""
    if not _HALF_MARK.search(text):
        return []
    text = prose(text)
    found: list[tuple[int, str]] = []
    n = len(text)
    for m in _HALF_MARK.finditer(text):
        i, c = m.start(), m.group(0)
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < n else ""
        if before.isdigit() and after.isdigit():
            continue  # 1,000  3.5  16:40
        if c in ",;:?!":
            hit = bool(_CJK_TEXT.match(before))
        elif c == "(":
            hit = bool(_HAN_CHAR.match(after) or _HAN_CHAR.match(before))
        elif c == ")":
            hit = bool(_HAN_CHAR.match(before) or _HAN_CHAR.match(after))
        elif c == ".":
            hit = bool(_HAN_CHAR.match(before)) and (not after or bool(_HAN_CHAR.match(after)))
        else:  # '"'
            hit = bool(_HAN_CHAR.match(before) or _HAN_CHAR.match(after))
        if hit:
            found.append((i, c))
    return found


def full_width_of(mark: str) -> str:
    return _HALF_WIDTH.get(mark, mark)
