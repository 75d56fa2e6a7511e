"""Find and replace (Ctrl+F, Ctrl+H) in the open piece or across the package's texts.

Replacing in every piece is one undo step: the user sees one “全部替换” in the history and one
Ctrl+Z puts every piece back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from studio.ui.wheel_guard import guard

THIS_PIECE, ALL_PIECES = "piece", "all"


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, editors: Callable[[], list[tuple[str, QPlainTextEdit, Callable[[], None]]]],
                 current: Callable[[], QPlainTextEdit | None], show_editor: Callable[[QPlainTextEdit], None],
                 parent: QWidget | None = None):
        """`editors()`: (name, text box, commit) of every searchable text; `current()`: the one on screen."""
        super().__init__(parent)
        self._editors, self._current, self._show = editors, current, show_editor
        self.undo_stack: QUndoStack | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText("查找内容")
        self.find_edit.setAccessibleName("查找内容")
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText("替换为")
        self.replace_edit.setAccessibleName("替换为")
        self.scope = QComboBox(self)
        guard(self.scope)
        self.scope.addItem("当前材料", THIS_PIECE)
        self.scope.addItem("全部材料", ALL_PIECES)
        self.next_button = QPushButton("查找下一个", self)
        self.replace_button = QPushButton("替换", self)
        self.replace_all_button = QPushButton("全部替换", self)
        self.close_button = QPushButton("关闭", self)
        self.result = QLabel(self)
        for w in (QLabel("查找", self), self.find_edit, QLabel("替换为", self), self.replace_edit, self.scope, self.next_button,
                  self.replace_button, self.replace_all_button, self.result, self.close_button):
            layout.addWidget(w)
        layout.setStretch(1, 2)
        layout.setStretch(3, 2)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textChanged.connect(lambda _: self._count())
        self.scope.currentIndexChanged.connect(lambda _: self._count())
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    def open(self, replacing: bool) -> None:
        editor = self._current()
        if editor is not None and editor.textCursor().hasSelection():
            self.find_edit.setText(editor.textCursor().selectedText())
        for w in (self.replace_edit, self.replace_button, self.replace_all_button):
            w.setVisible(replacing)
        self.show()
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()
        self._count()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def _targets(self) -> list[tuple[str, QPlainTextEdit, Callable[[], None]]]:
        every = self._editors()
        if self.scope.currentData() == ALL_PIECES:
            return every
        current = self._current()
        return [e for e in every if e[1] is current]

    def _count(self) -> None:
        words = self.find_edit.text()
        if not words:
            self.result.setText("")
            return
        found = [(name, box.toPlainText().count(words)) for name, box, _ in self._targets()]
        total = sum(n for _, n in found)
        where = "、".join(f"{name}{n}处" for name, n in found if n) if self.scope.currentData() == ALL_PIECES else ""
        self.result.setText(f"共{total}处" + (f"（{where}）" if where else "") if total else "未找到")

    def find_next(self) -> bool:
        words = self.find_edit.text()
        targets = self._targets()
        if not words or not targets:
            return False
        current = self._current()
        start = next((i for i, (_, box, _) in enumerate(targets) if box is current), 0)
        order = targets[start:] + targets[:start] + targets[start:start + 1]
        for n, (_, box, _) in enumerate(order):
            cursor = box.textCursor()
            if n:  # another piece (or back to the first): search from its beginning
                cursor.movePosition(QTextCursor.MoveOperation.Start)
            found = box.document().find(words, cursor)
            if not found.isNull():
                box.setTextCursor(found)
                self._show(box)
                box.centerCursor()
                return True
        self.result.setText("未找到")
        return False

    def replace_one(self) -> None:
        box = self._current()
        if box is None or box.isReadOnly():
            return
        if box.textCursor().selectedText() == self.find_edit.text() and self.find_edit.text():
            box.textCursor().insertText(self.replace_edit.text())
        self.find_next()
        self._count()

    def replace_all(self) -> None:
        words, new = self.find_edit.text(), self.replace_edit.text()
        if not words:
            return
        changed = [(box, commit) for _, box, commit in self._targets()
                   if not box.isReadOnly() and words in box.toPlainText()]
        if not changed:
            self.result.setText("未找到")
            return
        total = sum(box.toPlainText().count(words) for box, _ in changed)
        if self.undo_stack is not None:
            self.undo_stack.beginMacro(f"全部替换“{words}”")
        try:
            for box, commit in changed:
                cursor = box.textCursor()
                cursor.select(QTextCursor.SelectionType.Document)
                cursor.insertText(box.toPlainText().replace(words, new))
                commit()
        finally:
            if self.undo_stack is not None:
                self.undo_stack.endMacro()
        self.result.setText(f"已替换{total}处")
