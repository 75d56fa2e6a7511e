"""A finding leads to the words: a double-click selects and marks them in the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import DRAFTER
from tests.ui.helpers import double_click, open_row, open_tab, type_into


def _double_click_finding(qtbot, window, code: str) -> None:
    qtbot.waitUntil(lambda: any(i.data(Qt.ItemDataRole.UserRole + 1).code == code for i in window.checklist.items()))
    item = next(i for i in window.checklist.items() if i.data(Qt.ItemDataRole.UserRole + 1).code == code)
    view = window.checklist.list
    view.scrollToItem(item)
    double_click(qtbot, view, view.visualItemRect(item))


def _with_mismatched_figure(qtbot, open_window):
    """The interpretation given a subsidy figure the policy does not have, and checked."""
    window = open_window(DRAFTER)
    open_row(qtbot, window, "老旧小区")
    open_tab(qtbot, window, 1)
    editor = window.package_page.interpretation.text
    type_into(qtbot, editor, "\n市级财政按照每户1.5万元的标准给予补助。")
    window.package_page.commit_pending()
    window.controller.recheck()
    return window, editor


def test_a_double_click_on_a_figure_finding_selects_the_figure(qtbot, open_window):
    window, editor = _with_mismatched_figure(qtbot, open_window)
    open_tab(qtbot, window, 0)  # the user is elsewhere when they double-click
    _double_click_finding(qtbot, window, "NUMBER_MISMATCH")
    assert window.package_page.tabs.currentIndex() == 1
    assert editor.hasFocus()
    assert editor.textCursor().selectedText() == "1.5万元"
    assert editor.extraSelections() and editor.extraSelections()[0].cursor.selectedText() == "1.5万元"


def test_a_double_click_on_a_draft_link_back_selects_the_draft_name(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, "老旧小区")  # its interpretation still names the 征求意见稿
    _double_click_finding(qtbot, window, "LINK_BACK_MISMATCH")
    editor = window.package_page.interpretation.text
    assert window.package_page.tabs.currentIndex() == 1 and editor.hasFocus()
    assert editor.textCursor().selectedText() == "征求意见稿"


def test_the_margin_numbers_paragraphs_as_the_findings_cite_them(qtbot, open_window):
    window, editor = _with_mismatched_figure(qtbot, open_window)
    finding = next(f for f in window.controller.findings if f.code == "NUMBER_MISMATCH")
    cited = int(finding.message.split("政策解读第")[1].split("段")[0])
    block = editor.document().findBlock(finding.span.start).blockNumber()
    assert editor.paragraph_number(block) == cited
    assert editor.margin.isVisible() and editor.margin.width() >= 20
    assert editor.paragraph_number(1) is None or editor.document().findBlockByNumber(1).text().strip()
    image = editor.margin.grab().toImage()
    assert len({image.pixel(x, y) for x in range(image.width()) for y in range(0, image.height(), 2)}) > 2
