"""Text placed on pages (PDF, OFD) put back into reading order and paragraphs.

Pieces of text that share a line are grouped by how much their heights overlap, so a
table cell whose value wraps stays with its label's row; within a row, pieces that
stack in one column (a cell's wrapped text) are read top to bottom before the next
column. Lines that repeat at the top or bottom of the pages (running heads, footers)
and page numbers are dropped; a line that runs to the right margin continues in the
next one unless that one starts a new, indented paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from studio.ingest.markdown_out import escape_block_start, escape_inline

_PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?$|"
                          r"^\d+\s*/\s*\d+$|^[-—–－\s]*[一二三四五六七八九十]+[-—–－\s]*$")
_MIN_OVERLAP = 0.5
_CHINESE = re.compile(r"[\u4e00-\u9fff]+")
_PARAGRAPH_END = "。！？!?；;：:"


@dataclass(frozen=True)
class TextPiece:
    """A run of text with its box on the page (any unit, y growing downwards)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1e-6)


@dataclass(frozen=True)
class PageLine:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


def _overlap(a: tuple[float, float], b: TextPiece) -> float:
    common = min(a[1], b.bottom) - max(a[0], b.top)
    return common / max(min(a[1] - a[0], b.height), 1e-6)


def _rows(pieces: list[TextPiece]) -> list[list[TextPiece]]:
    rows: list[tuple[list[TextPiece], list[float]]] = []
    for piece in sorted(pieces, key=lambda p: (p.top, p.x0)):
        # Compared with the row's first piece, not the whole row, so that rows do not chain.
        if rows and _overlap((rows[-1][1][0], rows[-1][1][1]), piece) >= _MIN_OVERLAP:
            rows[-1][0].append(piece)
        else:
            rows.append(([piece], [piece.top, piece.bottom]))
    return [group for group, _ in rows]


def _segments(row: list[TextPiece]) -> list[list[TextPiece]]:
    """Runs of pieces close enough to read as one phrase; a wide gap starts a new one."""
    out: list[list[TextPiece]] = []
    right = 0.0
    for piece in sorted(row, key=lambda p: (p.x0, p.top)):
        # Digits' boxes are shorter than the characters around them ("〔2015〕 38号"): the gap is
        # measured against the larger of the two neighbours.
        size = max(piece.size or piece.height, (out[-1][-1].size or out[-1][-1].height) if out else 0.0)
        if out and piece.x0 <= right + 1.0 * size:
            out[-1].append(piece)
            right = max(right, piece.x1)
        else:
            out.append([piece])
            right = piece.x1
    return out


def _segment_text(segment: list[TextPiece]) -> str:
    # Pieces stacked in the segment (a cell's wrapped text) are read row by row.
    lines = _rows(segment) if len(segment) > 1 else [segment]
    text = ""
    for line in lines:
        right = None
        for piece in sorted(line, key=lambda p: p.x0):
            size = piece.size or piece.height
            gap = piece.x0 - right if right is not None else 0.0
            latin = text and piece.text and text[-1].isascii() and text[-1].isalnum() and piece.text[0].isascii() \
                and piece.text[0].isalnum()
            # Chinese runs on without spaces; a space the eye sees (over a character wide) is kept;
            # Latin words keep the space between them, digits set one by one ("2 0 2 2") none.
            digits = text and piece.text and text[-1].isdigit() and piece.text[0].isdigit()
            if text and ((latin and gap > (0.5 if digits else 0.2) * size) or gap > 1.2 * size):
                text += " "
            text += piece.text
            right = piece.x1 if right is None else max(right, piece.x1)
    return text.strip()


def _wrapped_tail(row: list[TextPiece], above: list[int], lines: list[PageLine]) -> int | None:
    """The line of the row above that a one- or two-character row continues: a table cell's
    text wrapped under its own start ("府办专督〔2020〕24" / "号")."""
    if len(row) != 1 or len(row[0].text.strip()) > 2:
        return None
    piece = row[0]
    size = piece.size or piece.height
    for i in above:
        line = lines[i]
        below = piece.top - line.bottom + 0.5 * size
        if abs(line.x0 - piece.x0) <= 0.5 * size and 0 <= below <= 1.5 * size:
            return i
        # A right-aligned line (a 落款 set in a narrow block) wrapped its last character:
        # "中国银保监会江苏监管" / "局", both ending at the same right edge, a line apart.
        # Only Chinese on both sides: right-aligned figures in a table column must stay apart.
        if abs(line.x1 - piece.x1) <= 0.5 * size and 0 <= below <= 2.5 * size and line.x0 < piece.x0 \
                and _CHINESE.fullmatch(piece.text.strip()) and _CHINESE.match(line.text.strip()[-1:]):
            return i
    return None


def page_lines(pieces: list[TextPiece]) -> list[PageLine]:
    lines: list[PageLine] = []
    recent: list[list[int]] = []  # the lines of the last two rows (a label row may sit between)
    for row in _rows([p for p in pieces if p.text.strip()]):
        tail = _wrapped_tail(row, [i for r in recent for i in r], lines)
        if tail is not None:
            old = lines[tail]
            lines[tail] = PageLine(old.text + row[0].text.strip(), old.x0, old.top, old.x1, row[0].bottom, old.size)
            continue
        above: list[int] = []
        recent = (recent + [above])[-2:]
        for segment in _segments(row):
            text = _segment_text(segment)
            if text:
                sizes = [p.size for p in segment if p.size]
                above.append(len(lines))
                lines.append(PageLine(text, min(p.x0 for p in segment), min(p.top for p in segment),
                                      max(p.x1 for p in segment), max(p.bottom for p in segment),
                                      max(sizes) if sizes else segment[0].height))
    return lines


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def without_running_lines(pages: list[list[PageLine]]) -> list[list[PageLine]]:
    """Page numbers, and lines repeated at the top or bottom of most pages, removed."""
    edge: Counter[str] = Counter()
    for lines in pages:
        for line in lines[:2] + lines[-2:]:
            edge[_key(line.text)] += 1
    repeated = {k for k, n in edge.items() if len(pages) >= 3 and n >= max(3, len(pages) // 2)}
    out: list[list[PageLine]] = []
    for lines in pages:
        kept = []
        for i, line in enumerate(lines):
            at_edge = i < 2 or i >= len(lines) - 2
            if at_edge and (_PAGE_NUMBER.match(line.text.strip()) or _key(line.text) in repeated):
                continue
            kept.append(line)
        out.append(kept)
    return out


def paragraphs(pages: list[list[PageLine]]) -> list[str]:
    """Lines joined into paragraphs where the text wraps at the right margin."""
    all_lines = [line for lines in pages for line in lines]
    if not all_lines:
        return []
    left = min(line.x0 for line in all_lines)
    right = max(line.x1 for line in all_lines)
    out: list[str] = []
    previous: PageLine | None = None
    for line in all_lines:
        size = line.size or (line.bottom - line.top)
        wraps = (previous is not None and previous.x1 >= right - 1.5 * size and line.x0 <= left + 0.8 * size
                 and previous.x0 <= left + 3 * size  # a full line of text, not a cell at the right edge
                 and abs((previous.size or size) - size) <= 0.15 * size and out)
        if wraps and not (out[-1].endswith(tuple(_PARAGRAPH_END)) and line.x0 > left + 0.3 * size):
            out[-1] += line.text
        else:
            out.append(line.text)
        previous = line
    return out


def paragraphs_markdown(items: list[str]) -> str:
    return "\n\n".join(escape_block_start(escape_inline(p)) for p in items) + "\n"


def prominent_head(lines: list[PageLine]) -> list[str]:
    """Lines at the top of the first page set much larger than the text (the 发文机关标志 is
    printed in large red type above everything else)."""
    sizes = sorted(line.size for line in lines if line.size > 0)
    if len(sizes) < 3:
        return []
    body = sizes[len(sizes) // 2]
    out = []
    for line in lines[:3]:
        if line.size >= 1.6 * body:
            out.append(line.text)
        else:
            break
    return out
