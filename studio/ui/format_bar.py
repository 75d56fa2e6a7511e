"""A formatting toolbar for a text editor: 公文 heading levels, bold, lists and tables, without Markdown to learn.

Headings are numbered as a 公文 numbers them (一、 二、 …, （一） under each, 1. under that); the text
stays plain and reads the same in Word, the preview and the published page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolBar, QWidget

from studio.domain.gongwen_headings import next_heading_prefix, strip_heading_number

TABLE = "|  |  |\n| --- | --- |\n|  |  |\n"


class FormatBar(QToolBar):
    def __init__(self, editor: QPlainTextEdit, commit: Callable[[], None], parent: QWidget | None = None):
        """`commit` hands the text over; called around each change so it is one undo step of its own."""
        super().__init__("格式", parent)
        self.editor = editor
        self._commit = commit
        self.actions_by_key: dict[str, QAction] = {}
        for key, text, shortcut, tip, run in (
            ("h1", "一级标题 一、", "Ctrl+1", "把当前行设为一级标题（一、二、……自动编号）", lambda: self.heading(1)),
            ("h2", "二级标题（一）", "Ctrl+2", "把当前行设为二级标题（（一）（二）……）", lambda: self.heading(2)),
            ("h3", "三级标题 1.", "Ctrl+3", "把当前行设为三级标题（1. 2. ……）", lambda: self.heading(3)),
            ("bold", "加粗", "Ctrl+B", "加粗所选文字", self.bold),
            ("list", "列表", "Ctrl+Shift+L", "把所选各行设为列表", self.bullet_list),
            ("table", "表格", None, "插入一个两列表格", self.table),
        ):
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(action.shortcutContext().WidgetWithChildrenShortcut)
            action.setToolTip(f"{tip}（{shortcut}）" if shortcut else tip)
            action.triggered.connect(lambda _=False, r=run: self._step(r))
            self.addAction(action)
            editor.addAction(action)  # the keys work while the cursor is in the text
            self.actions_by_key[key] = action

    def _step(self, run: Callable[[], None]) -> None:
        if self.editor.isReadOnly():
            return
        self._commit()
        run()
        self._commit()

    def _line(self) -> QTextCursor:
        cursor = self.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def heading(self, level: int) -> None:
        cursor = self._line()
        line = strip_heading_number(cursor.selectedText().lstrip("# ").strip())
        before = self.editor.toPlainText()[:cursor.selectionStart()]
        cursor.insertText(next_heading_prefix(before, level) + line)
        self.editor.setTextCursor(cursor)

    def bold(self) -> None:
        cursor = self.editor.textCursor()
        text = cursor.selectedText()
        cursor.insertText(f"**{text}**")
        if not text:  # the cursor goes between the marks, ready to type
            cursor.movePosition(QTextCursor.MoveOperation.Left, n=2)
        self.editor.setTextCursor(cursor)

    def bullet_list(self) -> None:
        cursor = self.editor.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.setPosition(start)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        lines = cursor.selectedText().split("\u2029")
        cursor.insertText("\n".join(line if line.startswith("- ") else f"- {line}" for line in lines))
        self.editor.setTextCursor(cursor)

    def table(self) -> None:
        cursor = self.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertText(("\n\n" if cursor.block().text() else "") + TABLE)
        self.editor.setTextCursor(cursor)
