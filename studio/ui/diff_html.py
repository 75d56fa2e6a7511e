"""The changes of a piece as rich text: inline, or old and new paragraphs side by side.

Removed words are struck through in red on the old side, added words underlined in green on
the new side; unchanged paragraphs are greyed so that the changed ones stand out.
"""

from __future__ import annotations

from html import escape

from studio.domain.paragraph_alignment import Row
from studio.domain.text_diff import Op, Run

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
    return "<p style='line-height:160%'>" + _spans(runs) + "</p>"


def _cell(no: int | None, runs: list[Run], changed: bool, absent: str) -> str:
    number = f'<td width="7%" style="{_NUMBER}">第{no}段</td>' if no else '<td width="7%"></td>'
    if not runs:
        body = f'<td width="43%" style="color:{_UNCHANGED}; background:#f4f4f4;">{absent}</td>'
    elif changed:
        body = f'<td width="43%">{_spans(runs)}</td>'
    else:
        body = f'<td width="43%" style="color:{_UNCHANGED};">{_spans(runs)}</td>'
    return number + body


def side_by_side_html(rows: list[Row], old_caption: str, new_caption: str) -> str:
    head = (f'<tr><th colspan="2" align="left">{escape(old_caption)}</th>'
            f'<th colspan="2" align="left">{escape(new_caption)}</th></tr>')
    body = "".join(
        "<tr>" + _cell(r.old_no, r.old, r.changed, "（新增段落）")
        + _cell(r.new_no, r.new, r.changed, "（已删除）") + "</tr>"
        for r in rows)
    return ('<table width="100%" cellspacing="0" cellpadding="6" border="1" '
            'style="border-collapse:collapse; border-color:#d0d0d0; line-height:150%;">'
            + head + body + "</table>")
