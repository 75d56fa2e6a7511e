"""The explainer's key numbers and sections are edited in plain forms: named columns, no syntax."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.conftest import DRAFTER
from tests.ui.helpers import commit_text, open_row, open_tab, type_into


def _row_of(explainer, kind: str) -> int:
    return next(n for n, s in enumerate(explainer.piece.sections) if s.get("type") == kind)


def test_key_numbers_are_edited_in_named_columns(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, "老旧小区")
    open_tab(qtbot, window, 2)
    explainer = window.package_page.explainer
    row = _row_of(explainer, "figures")
    explainer.sections.setCurrentRow(row)
    form = explainer.section_form
    table = form.table
    assert table.isVisible() and not form.lines.isVisible()
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["数值", "单位", "说明"]
    assert "|" not in form.help.text()
    before = len(explainer.piece.sections[row]["items"])

    qtbot.mouseClick(form.add_row, Qt.MouseButton.LeftButton)  # opens the first cell of a new row
    for column, words in enumerate(("300", "万元", "市级奖补资金")):
        qtbot.waitUntil(lambda c=column: isinstance(QApplication.focusWidget(), QLineEdit)
                        and table.currentColumn() == c)
        editor = QApplication.focusWidget()
        commit_text(editor, words)
        qtbot.keyClick(editor, Qt.Key.Key_Tab if column < 2 else Qt.Key.Key_Return)  # Tab: on to the next cell
    qtbot.waitUntil(lambda: bool(window.controller.package.pieces.explainer.sections[row]["items"][-1].get("label")))
    assert len(window.controller.package.pieces.explainer.sections[row]["items"]) == before + 1
    added = window.controller.package.pieces.explainer.sections[row]["items"][-1]
    assert added == {"value": "300", "unit": "万元", "label": "市级奖补资金"}


def test_a_section_heading_commits_as_the_user_types_and_undoes_by_keyboard(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, "老旧小区")
    open_tab(qtbot, window, 2)
    explainer = window.package_page.explainer
    explainer.sections.setCurrentRow(0)
    heading = explainer.section_form.heading
    before = heading.text()
    type_into(qtbot, heading, "（修订）")
    qtbot.waitUntil(lambda: window.controller.package.pieces.explainer.sections[0]["heading"] == before + "（修订）")
    assert heading.hasFocus() and heading.text() == before + "（修订）"  # the cursor stayed where it was
    qtbot.keyClick(heading, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.package.pieces.explainer.sections[0]["heading"] == before
    assert heading.text() == before
