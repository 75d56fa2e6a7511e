"""The changes of a piece as rich text: inline, or old and new paragraphs side by side.

Removed words are struck through in red on the old side, added words underlined in green on
the new side; unchanged paragraphs are greyed so that the changed ones stand out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from studio.domain.paragraph_alignment import Row
from studio.domain.text_diff import Op, Run
from studio.service.review_changes import PieceChange

REMOVED_STYLE = "color:#b3261e; text-decoration: line-through; background:#fdecea;"
ADDED_STYLE = "color:#1b6e3a; text-decoration: underline; background:#e6f4ea;"
_STYLE = {Op.REMOVED: REMOVED_STYLE, Op.ADDED: ADDED_STYLE}
_UNCHANGED = "#6b6b6b"
_NUMBER = "color:#8a8a8a; font-size:small;"


def _spans(runs: list[Run]) -> str:
    parts = []
    for run in runs:
        if not run.text:
            continue
        text = escape(run.text).replace("\n", "<br>")
        parts.append(f'<span style="{_STYLE[run.op]}">{text}</span>' if run.op in _STYLE else text)
    return "".join(parts)


@dataclass
class _Line:
    runs: list[Run] = field(default_factory=list)
    new_line: int = 0  # which line of the new text it shows (0: a paragraph only the old text had)
    goes_on: bool = False  # the rest of a new line after a paragraph taken away: shown only if it has words


def _display_lines(runs: list[Run]) -> list[_Line]:
    """The runs cut into the lines shown: one per line of the new text, and a line of its own for each
    paragraph taken away whole (a removed run that starts at a line break)."""
    lines = [_Line(new_line=1)]
    current = 1
    for i, run in enumerate(runs):
        if run.op is Op.REMOVED:
            after = next((r.text for r in runs[i + 1:] if r.op is not Op.REMOVED), "")
            if run.text.startswith("\n") and run.text.strip() and (not after or after.startswith("\n")):
                lines.append(_Line([Run(run.op, run.text[1:])]))
                lines.append(_Line(new_line=current, goes_on=True))  # the new text's line goes on
            elif run.text.endswith("\n") and run.text.strip() and not any(r.text for r in lines[-1].runs):
                lines.insert(len(lines) - 1, _Line([Run(run.op, run.text[:-1])]))  # before the line it led
            else:
                lines[-1].runs.append(run)
            continue
        first, *rest = run.text.split("\n")
        lines[-1].runs.append(Run(run.op, first))
        for part in rest:
            current += 1
            lines.append(_Line([Run(run.op, part)], current))
    return [line for line in lines if not line.goes_on or any(r.text for r in line.runs)]


def runs_html(runs: list[Run], place: Callable[[int], str] | None = None) -> str:
    """The whole piece inline. Each changed paragraph is led by its name from `place` (its number among
    the new text's non-empty lines → 标题, 第3段), as the margin and the side-by-side view name it."""
    lines = _display_lines(runs)
    numbers: dict[int, int] = {}  # new text's line → its number among the non-empty ones
    for line in lines:
        if line.new_line and line.new_line not in numbers and any(
                r.text.strip() for r in line.runs if r.op is not Op.REMOVED):
            numbers[line.new_line] = len(numbers) + 1
    out: list[str] = []
    anchored = False
    for line in lines:
        lead = ""
        if any(r.op is not Op.SAME and r.text for r in line.runs):
            # The anchor starts the paragraph holding the first change, so that scrolling to it shows
            # the changed words with the words that lead up to them.
            lead = "" if anchored else f'<a name="{FIRST_CHANGE}"></a>'
            anchored = True
            name = "删去的段落" if not line.new_line else place(numbers[line.new_line]) if (
                place is not None and line.new_line in numbers) else ""
            if name:
                lead += f'<span style="{_NUMBER}">〔{escape(name)}〕</span>'
        out.append(lead + _spans(line.runs))
    return "<p style='line-height:160%'>" + "<br>".join(out) + "</p>"


def _cell(place: str, runs: list[Run], changed: bool, absent: str, anchor: str = "") -> str:
    number = f'<td width="7%" style="{_NUMBER}">{anchor}{escape(place)}</td>'
    if not runs:
        body = f'<td width="43%" style="color:{_UNCHANGED}; background:#f4f4f4;">{absent}</td>'
    elif changed:
        body = f'<td width="43%">{_spans(runs)}</td>'
    else:
        body = f'<td width="43%" style="color:{_UNCHANGED};">{_spans(runs)}</td>'
    return number + body


FIRST_CHANGE = "first-change"  # the anchor the dialog scrolls to
# Unchanged paragraphs shown around each changed one; the rest fold into one line.
CONTEXT = 1


_NUMBERED = re.compile(r"第(\d+)段")


def _span_of(places: list[str]) -> str:
    """The unchanged paragraphs folded away, named as the margin names them: 标题、第1–5段."""
    parts: list[str] = []
    run: list[int] = []

    def close() -> None:
        if run:
            parts.append(f"第{run[0]}段" if len(run) == 1 else f"第{run[0]}–{run[-1]}段")
            run.clear()

    for place in dict.fromkeys(places):  # a place spread over several lines is named once
        number = _NUMBERED.fullmatch(place)
        if number and (not run or int(number.group(1)) == run[-1] + 1):
            run.append(int(number.group(1)))
            continue
        close()
        if number:
            run.append(int(number.group(1)))
        else:
            parts.append(place)
    close()
    return "、".join(parts) if len(parts) <= 3 else f"{parts[0]}至{parts[-1]}"


def _folded(change: PieceChange, rows: list[Row]) -> str:
    where = _span_of([change.new_place(r.new_no) for r in rows if r.new_no is not None])
    return (f'<tr><td colspan="4" align="center" style="color:{_UNCHANGED}; background:#f4f4f4;">'
            f"……{escape(where)}未改动……</td></tr>")


def side_by_side_html(change: PieceChange, old_caption: str, new_caption: str) -> str:
    """Old | new, paragraph by paragraph, each named as the editor's margin and the findings name it
    (标题, 第3段); long unchanged stretches fold into one line."""
    rows = change.rows
    head = (f'<tr><th colspan="2" align="left">{escape(old_caption)}</th>'
            f'<th colspan="2" align="left">{escape(new_caption)}</th></tr>')
    changed = [i for i, r in enumerate(rows) if r.changed]
    near = {j for i in changed for j in range(i - CONTEXT, i + CONTEXT + 1)}
    parts: list[str] = []
    hidden: list[Row] = []
    for i, r in enumerate(rows):
        if i not in near:
            hidden.append(r)
            continue
        if hidden:
            parts.append(_folded(change, hidden))
            hidden = []
        anchor = f'<a name="{FIRST_CHANGE}"></a>' if changed and i == changed[0] else ""
        old_place = change.old_place(r.old_no) if r.old_no else ""
        new_place = change.new_place(r.new_no) if r.new_no else ""
        parts.append("<tr>" + _cell(old_place, r.old, r.changed, "（新增段落）", anchor)
                     + _cell(new_place, r.new, r.changed, "（已删除）") + "</tr>")
    if hidden:
        parts.append(_folded(change, hidden))
    body = "".join(parts)
    return ('<table width="100%" cellspacing="0" cellpadding="6" border="1" '
            'style="border-collapse:collapse; border-color:#d0d0d0; line-height:150%;">'
            + head + body + "</table>")
