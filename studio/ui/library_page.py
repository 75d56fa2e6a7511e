"""The library page: every package with its state and completeness, searchable and filterable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.domain.states import State
from studio.ui import label_styles
from studio.ui.library_model import SUMMARY_ROLE, TITLE, LibraryFilter, LibraryModel


class LibraryTable(QTableView):
    """The package list. Says once per listing when it has been painted with the library listed,
    so work that can wait (signing in, keyboard and drop handling) starts after the user sees it."""

    listing_painted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # Rows are chosen, never edited cell by cell: Tab leaves the list (to the docks) instead of
        # walking its cells for ever, which kept the keyboard from ever reaching 待我处理 or the checklist.
        self.setTabKeyNavigation(False)
        self._listed = False
        self._announced = False

    def expect_listing(self) -> None:
        self._listed = self._announced = False

    def mark_listed(self) -> None:
        self._listed = True
        # Repaint even if no row came (an empty library). update() on the view repaints its viewport
        # too; asking for viewport() itself would make the binding resolve its type (tens of ms).
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._listed and not self._announced:
            self._announced = True
            QTimer.singleShot(0, self.listing_painted.emit)  # once this paint has reached the screen


class LibraryPage(QWidget):
    open_package = Signal(Path)
    selected = Signal(object)  # the PackageSummary of the current row, or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet(label_styles.HEADING)
        layout.addWidget(self.heading)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("搜索标题或发文字号")
        self.search.setAccessibleName("搜索文件包")
        self.state = QComboBox(self)
        self.state.setAccessibleName("按状态筛选")
        self.state.addItem("全部状态", "")
        for s in State:
            self.state.addItem(s.label, s.value)
        self.completeness = QComboBox(self)
        self.completeness.setAccessibleName("按关联完整度筛选")
        for text, key in (("全部", ""), ("材料和关联齐全", "complete"), ("有缺口", "gaps"), ("逾期", "late")):
            self.completeness.addItem(text, key)
        bar.addWidget(QLabel("搜索", self))
        bar.addWidget(self.search, 1)
        bar.addWidget(QLabel("状态", self))
        bar.addWidget(self.state)
        bar.addWidget(QLabel("完整度", self))
        bar.addWidget(self.completeness)
        layout.addLayout(bar)
        self.table = LibraryTable(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("文件包列表")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.count = QLabel(self)
        layout.addWidget(self.count)

        self.search.textChanged.connect(self._filter_changed)
        self.state.currentIndexChanged.connect(self._filter_changed)
        self.completeness.currentIndexChanged.connect(self._filter_changed)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(
            lambda index, _: self.selected.emit(index.data(SUMMARY_ROLE) if index.isValid() else None))
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.model.dataChanged.connect(self._update_count)  # a row's full check arrives after its row

    def add_typing_aids(self) -> None:
        """The search box's clear button, once the page is on screen: under X11 its icon costs a
        theme lookup of tens of milliseconds, and it shows only after typing."""
        self.search.setClearButtonEnabled(True)

    def _filter_changed(self) -> None:
        self.proxy.set_text(self.search.text())
        self.proxy.set_state(self.state.currentData())
        self.proxy.set_completeness(self.completeness.currentData())
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        # Counted over the rows the user sees: a search showing one row with gaps said "齐全 2 个".
        summaries = [self.model.summary(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in range(shown)]
        complete = sum(1 for s in summaries if s.complete)
        if any(not s.checked for s in summaries):  # rows are listed before the rules have run
            verdict = "正在检查材料和关联是否齐全。"
        elif shown < total:
            verdict = f"显示的 {shown} 个中材料和关联齐全 {complete} 个。"
        else:
            verdict = f"材料和关联齐全 {complete} 个。"
        self.count.setText(f"共 {total} 个文件包，显示 {shown} 个；{verdict}双击或按回车打开。")

    def selected_folder(self) -> Path | None:
        """The package of the current row: what 当前文件包 means in the export dialog on this page."""
        summary = self.table.currentIndex().data(SUMMARY_ROLE) if self.table.currentIndex().isValid() else None
        return summary.folder if summary is not None else None

    def _activated(self, index: QModelIndex) -> None:
        summary = index.data(SUMMARY_ROLE)
        if summary is not None:
            self.open_package.emit(summary.folder)

    def set_library(self, root: Path) -> None:
        self.heading.setText(f"<b>文件库</b>　{root}")
        self.model.clear()
        self.table.expect_listing()

    def select(self, package_id: str) -> None:
        try:
            row = self.model.row_of(package_id)
        except ValueError:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
