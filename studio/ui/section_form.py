"""One explainer section as a plain form: a heading, then a table with named columns (数值、单位、说明…)
or a few lines, never a syntax to learn. Every change is handed over as the user types."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.ui.focus_frame import FocusFrame
from studio.ui.section_text import CHARTS, chart_number
from studio.ui.typing_commit import TypingCommit
from studio.ui.wheel_guard import guard

# Kinds edited as a table: the stored key and the column heading of each column.
TABLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "figures": (("value", "数值"), ("unit", "单位"), ("label", "说明")),
    "chart": (("name", "名称"), ("value", "数值")),
    "timeline": (("date", "时间"), ("text", "事项")),
    "audience": (("who", "对象"), ("conditions", "条件")),
}
LINE_KINDS = {"points": "每行一条要点", "steps": "每行一个步骤，按办理顺序"}
PAIR_KINDS = {"qa": ("问题", "回答"), "contact": ("解读机构", "咨询电话")}
HELP = {
    "figures": "每行一个关键数字，如 数值 1500、单位 元、说明 一次性求职创业补贴。",
    "chart": "每行一项数据：名称和数值（数值只填数字）。",
    "timeline": "每行一个时间节点，如 2026年12月1日｜开始施行。",
    "audience": "每行一类对象及其条件。",
}


def _same(a: dict, b: dict) -> bool:
    """Equal as stored (the package keeps lists as tuples)."""
    return json.dumps(a, sort_keys=True, ensure_ascii=False) == json.dumps(b, sort_keys=True, ensure_ascii=False)


def _cell_text(item: QTableWidgetItem | None) -> str:
    return item.text().strip() if item is not None else ""


class SectionForm(QWidget):
    edited = Signal(dict)  # the whole section as it now reads

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = ""
        self._section: dict = {}
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        form = self._form = QFormLayout()
        self.heading = QLineEdit(self)
        self.heading.setAccessibleName("小标题")
        self.chart = QComboBox(self)
        guard(self.chart)
        for key, name in CHARTS.items():
            self.chart.addItem(name, key)
        self.caption = QLineEdit(self)
        self.source = QLineEdit(self)
        form.addRow("小标题", self.heading)
        self._chart_rows = [("图表类型", self.chart), ("图表说明", self.caption), ("数据来源", self.source)]
        for label, widget in self._chart_rows:
            form.addRow(label, widget)
        layout.addLayout(form)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        layout.addWidget(self.help)

        self.table = QTableWidget(0, 0, self)
        self.table.setAccessibleName("图解内容表格")
        self.table.setMinimumHeight(140)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self._triggers = self.table.editTriggers()
        layout.addWidget(self.table)
        rows = QHBoxLayout()
        self.add_row = QPushButton("添加一行", self)
        self.remove_row = QPushButton("删除所选行", self)
        rows.addWidget(self.add_row)
        rows.addWidget(self.remove_row)
        rows.addStretch(1)
        layout.addLayout(rows)
        self.lines = QPlainTextEdit(self)
        self.lines.setAccessibleName("图解内容")
        self.lines.setTabChangesFocus(True)
        self.lines.setMinimumHeight(120)
        layout.addWidget(self.lines)
        self.first = QLineEdit(self)
        self.second = QPlainTextEdit(self)
        self.second.setTabChangesFocus(True)
        self.second.setMinimumHeight(90)
        FocusFrame(self.lines), FocusFrame(self.second)  # a text box shows no focus of its own
        self.first_label, self.second_label = QLabel(self), QLabel(self)
        for w in (self.first_label, self.first, self.second_label, self.second):
            layout.addWidget(w)

        for field in (self.heading, self.caption, self.source, self.lines, self.first, self.second):
            typed = TypingCommit(field, lambda _: self._emit())
            if isinstance(field, QLineEdit):
                field.editingFinished.connect(typed.left)
        self.chart.activated.connect(lambda _: self._emit())
        self.table.itemChanged.connect(lambda _: self._emit())
        self.add_row.clicked.connect(self._add_row)
        self.remove_row.clicked.connect(self._remove_row)
        self.show_section(None)

    # -- showing -------------------------------------------------------
    def show_section(self, section: dict | None) -> None:
        if section is not None and _same(section, self._section) and section.get("type") == self.kind:
            return  # what the form already shows (the user's own edit coming back): keep the cursor
        self._loading = True
        self._section = dict(section or {})
        self.kind = kind = self._section.get("type", "")
        self.heading.setText(self._section.get("heading", ""))
        is_chart = kind == "chart"
        for _, widget in self._chart_rows:
            widget.setVisible(is_chart)
            label = self._form.labelForField(widget)
            if label is not None:
                label.setVisible(is_chart)
        if is_chart:
            self.chart.setCurrentIndex(max(0, self.chart.findData(self._section.get("chart", "bar"))))
            self.caption.setText(self._section.get("caption", ""))
            self.source.setText(self._section.get("source", ""))
        self._show_table(kind)
        is_lines, is_pair = kind in LINE_KINDS, kind in PAIR_KINDS
        self.lines.setVisible(is_lines)
        if is_lines:
            self.lines.setPlainText("\n".join(str(i) for i in self._section.get("items", [])))
            self.lines.setPlaceholderText(LINE_KINDS[kind])
        for w in (self.first_label, self.first, self.second_label, self.second):
            w.setVisible(is_pair)
        if is_pair:
            first_key, second_key = ("question", "answer") if kind == "qa" else ("org", "phone")
            self.first_label.setText(PAIR_KINDS[kind][0])
            self.second_label.setText(PAIR_KINDS[kind][1])
            self.first.setText(str(self._section.get(first_key, "")))
            self.second.setPlainText(str(self._section.get(second_key, "")))
        self.heading.setEnabled(bool(kind))
        self.help.setText(HELP.get(kind, LINE_KINDS.get(kind, "")) if kind else
                          "选择上方列表中的一部分进行编辑，或添加新的部分。")
        self._loading = False

    def _show_table(self, kind: str) -> None:
        columns = TABLE_COLUMNS.get(kind)
        for w in (self.table, self.add_row, self.remove_row):
            w.setVisible(columns is not None)
        if columns is None:
            return
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels([title for _, title in columns])
        rows = self._table_rows(kind)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        for c in range(len(columns)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c == len(columns) - 1
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.blockSignals(False)

    def _table_rows(self, kind: str) -> list[list[str]]:
        if kind == "chart":
            return [[str(row[0]), str(row[1])] for row in self._section.get("data", []) if len(row) >= 2]
        keys = [key for key, _ in TABLE_COLUMNS[kind]]
        return [[str(item.get(k, "")) for k in keys] for item in self._section.get("items", [])]

    # -- editing -------------------------------------------------------
    def value(self) -> dict:
        """The section as the form now reads; keys the form does not show are kept."""
        section = dict(self._section)
        kind = self.kind
        section["heading"] = self.heading.text().strip()
        if kind in TABLE_COLUMNS:
            keys = [key for key, _ in TABLE_COLUMNS[kind]]
            rows = []
            for r in range(self.table.rowCount()):
                cells = [_cell_text(self.table.item(r, c)) for c in range(len(keys))]
                if any(cells):
                    rows.append(cells)
            if kind == "chart":
                section["data"] = [[name, chart_number(value)] for name, value in rows]
                section.update(chart=self.chart.currentData(), caption=self.caption.text().strip(),
                               source=self.source.text().strip())
            else:
                section["items"] = [dict(zip(keys, cells)) for cells in rows]
        elif kind in LINE_KINDS:
            section["items"] = [line.strip() for line in self.lines.toPlainText().splitlines() if line.strip()]
        elif kind == "qa":
            section.update(question=self.first.text().strip(), answer=self.second.toPlainText().strip())
        elif kind == "contact":
            section.update(org=self.first.text().strip(), phone=self.second.toPlainText().strip())
        return section

    def _emit(self) -> None:
        if self._loading or not self.kind:
            return
        section = self.value()
        if section != self._section:
            self._section = section
            self.edited.emit(section)

    def _add_row(self) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)  # an empty row is not stored until something is typed in it
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0) or self._new_item(row, 0))

    def _new_item(self, row: int, column: int) -> QTableWidgetItem:
        self.table.blockSignals(True)
        item = QTableWidgetItem("")
        self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        return item

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._emit()

    def set_read_only(self, read_only: bool) -> None:
        for line in (self.heading, self.caption, self.source, self.first):
            line.setReadOnly(read_only)
        for text in (self.lines, self.second):
            text.setReadOnly(read_only)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only else self._triggers)
        for control in (self.chart, self.add_row, self.remove_row):
            control.setEnabled(not read_only)

    def visible_inputs(self) -> list[QWidget]:
        return [w for w in (self.heading, self.chart, self.caption, self.source, self.table, self.lines,
                            self.first, self.second) if w.isVisible()]

    def focus_first(self) -> None:
        self.heading.setFocus(Qt.FocusReason.OtherFocusReason)
