"""Writing 公文 structure without Markdown: heading lines, a formatting toolbar, a 公文 preview, scrolling together."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import DRAFTER
from tests.ui.helpers import open_row, open_tab, type_into

NIGHT = "夜间经济"
CTRL = Qt.KeyboardModifier.ControlModifier


def _preview_headings(editor) -> list[tuple[int, str]]:
    doc = editor.preview.document()
    block, found = doc.begin(), []
    while block.isValid():
        if block.blockFormat().headingLevel():
            found.append((block.blockFormat().headingLevel(), block.text()))
        block = block.next()
    return found


def test_a_line_typed_as_yi_is_a_heading_in_the_preview(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 1)
    editor = window.package_page.interpretation
    type_into(qtbot, editor.text, "一、出台背景\n为激发夜间消费活力，制定本措施。\n二、主要内容\n本措施共十条。")
    qtbot.waitUntil(lambda: (2, "二、主要内容") in _preview_headings(editor))
    assert (2, "一、出台背景") in _preview_headings(editor)


def test_the_toolbar_numbers_headings_as_a_gongwen_does(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 1)
    editor = window.package_page.interpretation
    text = editor.text
    text.selectAll()
    type_into(qtbot, text, "一、出台背景\n正文。\n主要内容", at_end=False)
    qtbot.keyClick(text, Qt.Key.Key_1, CTRL)
    assert text.toPlainText().splitlines()[-1] == "二、主要内容"
    type_into(qtbot, text, "\n适用范围")
    qtbot.keyClick(text, Qt.Key.Key_2, CTRL)
    type_into(qtbot, text, "\n申请条件")
    qtbot.keyClick(text, Qt.Key.Key_3, CTRL)
    assert text.toPlainText().splitlines()[-2:] == ["（一）适用范围", "1.申请条件"]
    cursor = text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    qtbot.keyClick(text, Qt.Key.Key_B, CTRL)
    assert text.toPlainText().splitlines()[-1] == "**1.申请条件**"
    qtbot.keyClick(text, Qt.Key.Key_Z, CTRL)  # the toolbar's change is one undo step like any typing
    assert text.toPlainText().splitlines()[-1] == "1.申请条件"


def test_the_gongwen_preview_style_uses_gbt_9704_faces_and_sizes(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 0)
    editor = window.package_page.policy
    box = editor.style_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.keyClick(box.view(), Qt.Key.Key_Down)
    qtbot.keyClick(box.view(), Qt.Key.Key_Return)
    assert box.currentText() == "公文样式"
    css = editor.preview.document().defaultStyleSheet()
    assert "FangSong" in css and "16pt" in css and "22pt" in css
    html = editor.preview.document().toHtml()
    assert "FangSong" in html and "font-size:16pt" in html


def test_the_preview_follows_the_editors_scroll(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 0)
    editor = window.package_page.policy
    qtbot.waitUntil(lambda: editor.preview.verticalScrollBar().maximum() > 0)
    bar = editor.text.verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.mouseClick(editor.text.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor.text, Qt.Key.Key_End, CTRL)
    preview = editor.preview.verticalScrollBar()
    assert preview.value() >= preview.maximum() * 0.9
    qtbot.keyClick(editor.text, Qt.Key.Key_Home, CTRL)
    assert preview.value() <= preview.maximum() * 0.1
