"""Writing imported content as the Markdown a package stores: inline text, bold,
links, images and tables, escaped so the words show as written."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)])(?=\s))")
_WHITESPACE = re.compile(r"[ \t\u00a0\u2002\u2003\u3000]+")
# Edges of a bold span that CommonMark would not let "**" touch next to a letter.
_EDGE_PUNCT = "“”‘’\"'《》〈〉（）()【】〔〕「」『』，。、；：！？,.;:!?…—·"


def clean_space(text: str) -> str:
    """Tabs, non-breaking and full-width spaces to one space; ends trimmed."""
    return _WHITESPACE.sub(" ", text).strip()


def escape_inline(text: str) -> str:
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def escape_block_start(text: str) -> str:
    """Keep a paragraph that starts with "#", ">" or "-" a paragraph."""
    def escape(m: re.Match) -> str:
        if m.group(2):
            return m.group(1) + "\\" + m.group(2)
        return m.group(1) + m.group(3) + "\\" + m.group(4)

    return _LINE_START_SPECIAL.sub(escape, text, count=1)


@dataclass
class Span:
    text: str
    bold: bool = False
    link: str = ""
    # What the span reads as in plain text, when that is not its unescaped text (images).
    plain: str | None = None


def _bold(text: str) -> str:
    """`**text**`, with spaces and edge punctuation moved outside the markers."""
    core = text.strip()
    lead = text[:len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    start, end = 0, len(core)
    while start < end and core[start] in _EDGE_PUNCT:
        start += 1
    while end > start and core[end - 1] in _EDGE_PUNCT:
        end -= 1
    if start == end:
        return text
    return f"{lead}{core[:start]}**{core[start:end]}**{core[end:]}{trail}"


def render_spans(spans: list[Span]) -> str:
    """Inline Markdown for a run of spans (already escaped text), neighbours merged."""
    merged: list[Span] = []
    for s in spans:
        if not s.text:
            continue
        if merged and merged[-1].bold == s.bold and merged[-1].link == s.link and s.plain is None \
                and merged[-1].plain is None:
            merged[-1].text += s.text
        else:
            merged.append(Span(s.text, s.bold, s.link))
    out: list[str] = []
    for s in merged:
        text = _bold(s.text) if s.bold and s.text.strip() else s.text
        if s.link and text.strip():
            text = f"[{text}](<{s.link}>)" if " " in s.link else f"[{text}]({s.link})"
        out.append(text)
    return "".join(out)


def _cell(text: str) -> str:
    return clean_space(text.replace("\n", " ")).replace("|", "\\|") or " "


def table_markdown(rows: list[list[str]]) -> str:
    """A pipe table; the first row is the header, short rows are padded."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    padded = [[_cell(c) for c in r] + [" "] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(padded[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in padded[1:]]
    return "\n".join(lines)


def normalise_text(text: str) -> str:
    """NFC, and the zero-width and soft-hyphen characters Word and web pages leave behind."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)
