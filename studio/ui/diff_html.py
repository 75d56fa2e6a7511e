"""The changes of a piece as rich text: inline, or old and new paragraphs side by side.

Removed words are struck through in red on the old side, added words underlined in green on
the new side; unchanged paragraphs are greyed so that the changed ones stand out.
"""

from __future__ import annotations

import re
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
        text = escape(run.text).replace("\n", "<br>")
        parts.append(f'<span style="{_STYLE[run.op]}">{text}</span>' if run.op in _STYLE else text)
    return "".join(parts)


def runs_html(runs: list[Run]) -> str:
    first = next((i for i, r in enumerate(runs) if r.op is not Op.SAME), None)
    if first is None:
        return "<p style='line-height:160%'>" + _spans(runs) + "</p>"
    # The anchor goes at the start of the paragraph holding the first change, so that scrolling to
    # it shows the changed words with the words that lead up to them.
    head = runs[:first]
    lead = head.pop().text if head else ""
    cut = lead.rfind("\n") + 1
    before = _spans(head + [Run(Op.SAME, lead[:cut])])
    after = f'<a name="{FIRST_CHANGE}"></a>' + _spans([Run(Op.SAME, lead[cut:])] + runs[first:])
    return "<p style='line-height:160%'>" + before + after + "</p>"


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
