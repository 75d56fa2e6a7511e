"""Showing the words a finding is about: selected, scrolled into view and marked until the next edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from studio.domain.findings import Span

MARK = QColor("#ffe08a")


def select_span(editor: QPlainTextEdit, span: Span) -> None:
    length = len(editor.toPlainText())
    start, end = max(0, min(span.start, length)), max(0, min(span.end, length))
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.centerCursor()
    mark = QTextEdit.ExtraSelection()
    fmt = QTextCharFormat()
    fmt.setBackground(MARK)
    mark.format = fmt
    mark.cursor = QTextCursor(cursor)
    editor.setExtraSelections([mark])
    editor.textChanged.connect(lambda: editor.setExtraSelections([]), Qt.ConnectionType.SingleShotConnection)
    editor.setFocus(Qt.FocusReason.OtherFocusReason)
