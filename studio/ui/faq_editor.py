"""The FAQ as an editable table: add, remove, reorder, import from text."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.domain.pieces import FaqItem
from studio.domain.placeholders import NEW_FAQ_ANSWER, NEW_FAQ_QUESTION
from studio.ui.metadata_form import LongTextField

HEADERS = ("问题", "回答")

# The invisible root: the parent of every row of a flat model.
ROOT_INDEX = QModelIndex()


class FaqModel(QAbstractTableModel):
    edited = Signal(list)  # the whole list after a cell edit

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.items: list[FaqItem] = []
        self.read_only = False

    def set_items(self, items: list[FaqItem]) -> None:
        if len(items) == len(self.items):  # same rows: keep the view's editors and selection
            self.items = list(items)
            if items:
                self.dataChanged.emit(self.index(0, 0), self.index(len(items) - 1, 1))
            return
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return HEADERS[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return item.question if index.column() == 0 else item.answer
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        base = super().flags(index)
        return base if self.read_only else base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: QModelIndex | QPersistentModelIndex, value,  # noqa: N802
                role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        old = self.items[index.row()]
        new = FaqItem(str(value), old.answer) if index.column() == 0 else FaqItem(old.question, str(value))
        if new == old:
            return False
        # Shown at once; the package follows through `edited` (and puts it back if it refuses).
        self.items[index.row()] = new
        self.dataChanged.emit(index, index)
        self.edited.emit(list(self.items))
        return True


class FaqEditor(QWidget):
    changed = Signal(list)
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = FaqModel(self)
        self.model.edited.connect(self.changed)
        layout = QVBoxLayout(self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("问答标题")
        self.title_edit.setAccessibleName("问答标题")
        layout.addWidget(self.title_edit)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableView(splitter)
        self.table.setModel(self.model)
        self.table.setAccessibleName("问答列表")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)  # one line a row; the full text is edited below
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        detail = QWidget(splitter)
        form = QFormLayout(detail)
        self.question = QLineEdit(detail)
        self.question.setAccessibleName("所选问题")
        self.answer = LongTextField(detail)
        self.answer.setFixedHeight(120)
        self.answer.setAccessibleName("所选回答")
        form.addRow("问题", self.question)
        form.addRow("回答", self.answer)
        splitter.setSizes([320, 160])
        layout.addWidget(splitter)
        self.question.editingFinished.connect(lambda: self._edit_selected(0, self.question.text()))
        self.answer.left.connect(lambda: self._edit_selected(1, self.answer.toPlainText()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("add", "添加问答"), ("remove", "删除"), ("up", "上移"), ("down", "下移"),
                          ("import", "从文本导入…")):
            b = QPushButton(text, self)
            b.setObjectName(f"faq_{key}")
            buttons.addWidget(b)
            self.buttons[key] = b
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.buttons["add"].clicked.connect(self.add_row)
        self.buttons["remove"].clicked.connect(self.remove_row)
        self.buttons["up"].clicked.connect(lambda: self.move_row(-1))
        self.buttons["down"].clicked.connect(lambda: self.move_row(1))
        self.buttons["import"].clicked.connect(self.import_requested)

    def _show_selected(self) -> None:
        row = self.current_row()
        item = self.model.items[row] if 0 <= row < len(self.model.items) else FaqItem("", "")
        if self.question.text() != item.question:
            self.question.setText(item.question)
        if self.answer.toPlainText() != item.answer:
            self.answer.setPlainText(item.answer)

    def _edit_selected(self, column: int, text: str) -> None:
        row = self.current_row()
        if 0 <= row < len(self.model.items):
            self.model.setData(self.model.index(row, column), text)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def add_row(self) -> None:
        items = self.model.items + [FaqItem(NEW_FAQ_QUESTION, NEW_FAQ_ANSWER)]
        self.changed.emit(items)
        self.table.setCurrentIndex(self.model.index(len(items) - 1, 0))
        self.table.edit(self.table.currentIndex())

    def remove_row(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        items = self.model.items[:row] + self.model.items[row + 1:]
        self.changed.emit(items)
        if items:
            self.table.setCurrentIndex(self.model.index(min(row, len(items) - 1), 0))

    def move_row(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        if row < 0 or not 0 <= target < len(self.model.items):
            return
        items = list(self.model.items)
        items[row], items[target] = items[target], items[row]
        self.changed.emit(items)
        self.table.setCurrentIndex(self.model.index(target, 0))

    def show_items(self, items: list[FaqItem], title: str) -> None:
        row = self.current_row()
        if list(items) != self.model.items:
            self.model.set_items(items)
            if 0 <= row < len(items):
                self.table.setCurrentIndex(self.model.index(row, 0))
        if self.current_row() < 0 and items:
            self.table.setCurrentIndex(self.model.index(0, 0))
        if self.title_edit.text() != title:
            self.title_edit.setText(title)
        self._show_selected()

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        self.title_edit.setReadOnly(read_only)
        self.question.setReadOnly(read_only)
        self.answer.setReadOnly(read_only)
        for b in self.buttons.values():
            b.setEnabled(not read_only)
