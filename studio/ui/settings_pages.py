"""The pages of the library settings window: rules, parameters, holiday calendar.

Each page shows the library's current choices and says what it would store: only where
the library departs from the chosen profile does it keep a choice of its own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.domain.findings import SEVERITY_LABELS
from studio.domain.profiles import LIST_CHOICES, Choice, Profile
from studio.domain.rule_catalogue import RULES
from studio.domain.settings import PARAMETER_KEYS, SETTING_LABELS, RuleSettings

SEVERITY_CHOICES = tuple(SEVERITY_LABELS.values())  # 阻止发布 警告 提示 关闭


class RulesPage(QWidget):
    """One row per adjustable rule: how the profile treats it, and the library's own choice."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        note = QLabel("“方案默认”即按所选规则方案处理；改为其他处理方式的，作为本库调整记入设置，并注明依据。", self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.rules = [r for r in RULES if r.adjustable]
        self.table = QTableWidget(len(self.rules), 3, self)
        self.table.setHorizontalHeaderLabels(["规则", "处理方式", "依据"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAccessibleName("各项规则的处理方式")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.combos: dict[str, QComboBox] = {}
        for row, entry in enumerate(self.rules):
            name = QTableWidgetItem(f"{entry.name}\n{entry.group}·{entry.code}")
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, name)
            combo = QComboBox(self.table)
            combo.setObjectName(f"severity_{entry.code}")
            combo.setAccessibleName(f"{entry.name}的处理方式")
            combo.addItems(["方案默认", *SEVERITY_CHOICES])
            self.table.setCellWidget(row, 1, combo)
            self.combos[entry.code] = combo
            source = QTableWidgetItem("")
            source.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 2, source)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)

    def show_choices(self, base: Profile, own: dict[str, Choice]) -> None:
        for row, entry in enumerate(self.rules):
            combo = self.combos[entry.code]
            default = base.severity(entry.code) or "内置"
            combo.setItemText(0, f"方案默认（{default}）")
            mine = own.get(entry.code)
            combo.setCurrentIndex(SEVERITY_CHOICES.index(mine.value) + 1 if mine else 0)
            choice = mine or base.rules.get(entry.code)
            cell = self.table.item(row, 2)
            if cell is not None:
                cell.setText(choice.source if choice else "")

    def own_choices(self, base: Profile, own: dict[str, Choice], source: str) -> dict[str, Choice]:
        """The rules set differently from `base`; an unchanged own choice keeps its source."""
        out: dict[str, Choice] = {}
        for code, combo in self.combos.items():
            if combo.currentIndex() == 0:
                continue
            value = SEVERITY_CHOICES[combo.currentIndex() - 1]
            if value == base.severity(code):
                continue
            kept = own.get(code)
            out[code] = kept if kept and kept.value == value else Choice(value, source)
        return out


class ParametersPage(QWidget):
    """Time limits, consultation minimums, required pieces per kind, copy threshold, reviewers."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.widgets: dict[str, QWidget] = {}
        self.sources: dict[str, QLabel] = {}
        self._showing = False
        for key in PARAMETER_KEYS:
            default = getattr(RuleSettings(), key)
            widget: QWidget
            if isinstance(default, bool):
                widget = QCheckBox(SETTING_LABELS[key], self)
            elif isinstance(default, int):
                widget = QSpinBox(self)
                widget.setRange(0, 999)
            else:
                widget = self._checklist(LIST_CHOICES[key])
            widget.setObjectName(f"param_{key}")
            widget.setAccessibleName(SETTING_LABELS[key])
            source = QLabel(self)
            source.setWordWrap(True)
            source.setStyleSheet("color: #555;")
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            column.addWidget(source)
            self.form.addRow("" if isinstance(default, bool) else SETTING_LABELS[key], box)
            self.widgets[key], self.sources[key] = widget, source
            self._watch(key, widget)

    def _watch(self, key: str, widget: QWidget) -> None:
        """A value the user changes will be stored with the basis typed on the first page."""
        def changed(*_: object) -> None:
            if not self._showing:
                self.sources[key].setText("依据：保存时记为“本次调整的依据”")
        if isinstance(widget, QCheckBox):
            widget.toggled.connect(changed)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(changed)
        elif isinstance(widget, QListWidget):
            widget.itemChanged.connect(changed)

    def _checklist(self, choices: tuple[str, ...]) -> QListWidget:
        widget = QListWidget(self)
        widget.setFlow(QListWidget.Flow.LeftToRight)
        widget.setWrapping(True)
        widget.setFixedHeight(34)
        for choice in choices:
            item = QListWidgetItem(choice, widget)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        return widget

    def show_values(self, profile: Profile) -> None:
        self._showing = True
        try:
            self._show_values(profile)
        finally:
            self._showing = False

    def _show_values(self, profile: Profile) -> None:
        for key, widget in self.widgets.items():
            value = profile.parameter(key)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            elif isinstance(widget, QListWidget):
                for i in range(widget.count()):
                    item = widget.item(i)
                    item.setCheckState(Qt.CheckState.Checked if item.text() in value else Qt.CheckState.Unchecked)
            choice = profile.parameters.get(key)
            self.sources[key].setText(f"依据：{choice.source}" if choice and choice.source else "依据：工作室内置")

    def value(self, key: str) -> Any:
        widget = self.widgets[key]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QSpinBox):
            return widget.value()
        assert isinstance(widget, QListWidget)
        return [widget.item(i).text() for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def own_choices(self, base: Profile, own: dict[str, Choice], source: str) -> dict[str, Choice]:
        out: dict[str, Choice] = {}
        for key in self.widgets:
            value = self.value(key)
            if value == base.parameter(key) or (isinstance(value, list) and value == list(base.parameter(key))):
                continue
            kept = own.get(key)
            out[key] = kept if kept and kept.value == value else Choice(value, source)
        return out


class DateList(QWidget):
    """A list of dates with a date picker to add one and a button to remove the selected."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(title, self))
        self.list = QListWidget(self)
        self.list.setObjectName(f"{name}_list")
        self.list.setAccessibleName(title)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.picker = QDateEdit(self)
        self.picker.setObjectName(f"{name}_picker")
        self.picker.setDisplayFormat("yyyy-MM-dd")
        self.picker.setCalendarPopup(True)
        self.picker.setDate(QDate.currentDate())
        self.add = QPushButton("添加", self)
        self.add.setObjectName(f"{name}_add")
        self.remove = QPushButton("删除选中", self)
        self.remove.setObjectName(f"{name}_remove")
        for w in (self.picker, self.add, self.remove):
            row.addWidget(w)
        layout.addLayout(row)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)

    def set_dates(self, dates: tuple[str, ...]) -> None:
        self.list.clear()
        self.list.addItems(sorted(dates))

    def dates(self) -> tuple[str, ...]:
        return tuple(sorted(self.list.item(i).text() for i in range(self.list.count())))

    def _add(self) -> None:
        day = self.picker.date().toString("yyyy-MM-dd")
        if day not in self.dates():
            self.set_dates(self.dates() + (day,))
        self.list.setCurrentRow(self.dates().index(day))

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))


class CalendarPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QGridLayout(self)
        note = QLabel("工作日按周一至周五计算，去掉法定节假日，加上调休上班日。每年底国务院办公厅公布次年安排后，请在此补充。", self)
        note.setWordWrap(True)
        layout.addWidget(note, 0, 0, 1, 2)
        self.holidays = DateList("法定节假日", "holidays", self)
        self.workdays = DateList("调休上班日（周末上班）", "extra_workdays", self)
        layout.addWidget(self.holidays, 1, 0)
        layout.addWidget(self.workdays, 1, 1)
