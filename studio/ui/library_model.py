"""The library as a table model keyed by package id, filled by a background scan.

The scan reads packages off the window's thread, so the package reader and the rules are
loaded there, not on the window's start-up path.
"""

from __future__ import annotations

import bisect
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from studio.domain.moments import readable_moment

if TYPE_CHECKING:
    from studio.service.library_summary import PackageSummary

COLUMNS = ("标题", "发文字号", "状态", "关联完整度", "更新时间")
TITLE, NUMBER, STATE, COMPLETENESS, UPDATED = range(len(COLUMNS))
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole.value  # compared as a plain int: data() is called very often
_GAP = QColor("#b3261e")
_OK = QColor("#1b6e3a")

# The invisible root: the parent of every row of a flat model.
ROOT_INDEX = QModelIndex()


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ids: list[str] = []
        self._rows: dict[str, PackageSummary] = {}
        # Each row's texts, made once: the view asks for them many times (sizing columns to contents).
        self._cells: dict[str, tuple[str, ...]] = {}

    # -- filling -------------------------------------------------------
    def clear(self) -> None:
        self.beginResetModel()
        self._ids, self._rows, self._cells = [], {}, {}
        self.endResetModel()

    def _keep(self, s: PackageSummary) -> None:
        self._rows[s.id] = s
        self._cells[s.id] = (s.title or "（未命名）", s.doc_number or "—", s.state.label, s.completeness_label,
                             readable_moment(s.updated_at, compact=True))

    def add(self, summaries: list[PackageSummary]) -> None:
        """Rows known already are updated in place; new ones take their folder's place, so a
        package read after the listing was shown slots in rather than trailing at the end."""
        new = [s for s in summaries if s.id not in self._rows]
        for s in summaries:
            if s.id in self._rows:
                self.update(s)
        if not new:
            return
        last = self._rows[self._ids[-1]].folder.name if self._ids else ""
        if all(s.folder.name > last for s in new) and new == sorted(new, key=lambda s: s.folder.name):
            self._insert(len(self._ids), new)  # the usual case: a scan appending in folder order
            return
        for s in new:
            names = [self._rows[i].folder.name for i in self._ids]
            self._insert(bisect.bisect(names, s.folder.name), [s])

    def _insert(self, at: int, summaries: list[PackageSummary]) -> None:
        self.beginInsertRows(QModelIndex(), at, at + len(summaries) - 1)
        self._ids[at:at] = [s.id for s in summaries]
        for s in summaries:
            self._keep(s)
        self.endInsertRows()

    def update(self, summary: PackageSummary) -> None:
        if summary.id not in self._rows:
            self.add([summary])
            return
        self._keep(summary)
        row = self._ids.index(summary.id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def summary(self, row: int) -> PackageSummary:
        return self._rows[self._ids[row]]

    def row_of(self, package_id: str) -> int:
        return self._ids.index(package_id)

    # -- model ---------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # noqa: N802
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        if role == _DISPLAY:
            return self._cells[self._ids[index.row()]][index.column()]
        s = self._rows[self._ids[index.row()]]
        col = index.column()
        if role == SUMMARY_ROLE:
            return s
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COMPLETENESS and not s.complete:
                return "\n".join(f.message for f in s.findings if f.severity.value == "blocking")[:1200]
            if col == STATE and s.late:
                return next((f.message for f in s.findings if f.code.startswith("RELEASE_")), "")
            return s.title if col == TITLE else None
        if role == Qt.ItemDataRole.ForegroundRole and col == COMPLETENESS and s.checked:
            return QBrush(_OK if s.complete else _GAP)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COMPLETENESS:
            return "材料和关联齐全" if s.complete else f"缺少{s.gaps}项材料或关联"
        return None


class LibraryFilter(QSortFilterProxyModel):
    """Search over title and 发文字号, and filters by state and completeness."""

    ALL = "全部"

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._text = ""
        self._state = ""
        self._completeness = ""
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip()
        self.endFilterChange()

    def set_state(self, state_value: str) -> None:
        self.beginFilterChange()
        self._state = state_value
        self.endFilterChange()

    def set_completeness(self, which: str) -> None:
        self.beginFilterChange()
        self._completeness = which
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        source = self.sourceModel()
        assert isinstance(source, LibraryModel)  # the library page filters nothing else
        s = source.summary(row)
        if self._text and self._text not in s.title and self._text not in s.doc_number:
            return False
        if self._state and s.state.value != self._state:
            return False
        if self._completeness == "complete" and not s.complete:
            return False
        if self._completeness == "gaps" and (s.complete or not s.checked):
            return False
        if self._completeness == "late" and not s.late:
            return False
        return True


FIRST_PAINT_MS = 60


class LibraryScanner(QThread):
    """Reads every package off the UI thread: first the rows as they are, then with the rules' verdicts."""

    batch = Signal(list)
    listed = Signal()  # every readable package has been sent as a row (before the rules run)
    failed = Signal(str, str)

    BATCH = 40

    def __init__(self, root: Path, today: date, parent: QObject | None = None):
        super().__init__(parent)
        self.root = root
        self.today = today

    def run(self) -> None:
        from studio.service.library_access import library_settings, package_folders_of
        from studio.service.library_listing import Listing, package_stamps
        from studio.service.library_summary import quick_summary, summarize

        try:
            folders = package_folders_of(self.root)
            stamps = package_stamps(self.root)  # before reading: a package changed meanwhile is read again
        except Exception as e:  # shown to the user; the window stays usable
            self.failed.emit(str(self.root), getattr(e, "message", str(e)))
            self.listed.emit()
            return
        rows = self._pass(folders, quick_summary)
        self.listed.emit()
        if not self.isInterruptionRequested():
            Listing(self.root).keep(rows, stamps)  # the next start lists these before reading anything
        readable = [row.folder for row in rows]
        # Let the window draw the rows before the rules load and run (they take the interpreter's lock).
        self.msleep(FIRST_PAINT_MS)
        try:
            settings = library_settings(self.root)
        except Exception as e:  # the rows stay listed; their completeness is left unchecked
            self.failed.emit(str(self.root), getattr(e, "message", str(e)))
            return
        from studio.service.check_cache import CheckCache

        cache = CheckCache(self.root)  # the same content verdicts `studio check` keeps
        self._pass(readable, lambda folder: summarize(folder, self.today, settings, cache), report=False)
        try:
            cache.save(set(cache.entries))  # pruning deleted packages is left to `studio check`
        except OSError:
            pass  # an unwritable cache folder only costs time next start

    def _pass(self, folders: list[Path], read, report: bool = True) -> list[PackageSummary]:
        rows: list[PackageSummary] = []
        done: list[PackageSummary] = []
        for folder in folders:
            if self.isInterruptionRequested():
                return done
            try:
                rows.append(read(folder))
                done.append(rows[-1])
            except Exception as e:
                if report:
                    self.failed.emit(str(folder), getattr(e, "message", str(e)))
            if len(rows) >= self.BATCH:
                self.batch.emit(rows)
                rows = []
        if rows:
            self.batch.emit(rows)
        return done
