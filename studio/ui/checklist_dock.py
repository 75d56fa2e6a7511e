"""The pre-release checklist: what still blocks release and why, grouped by piece.

The dock is part of the first screen; the findings' domain loads when there are findings to show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from studio.domain.findings import Finding

_GROUP_LABELS = {"package": "文件包", "metadata": "元数据"}
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class ChecklistDock(QDockWidget):
    navigate = Signal(object)  # the Finding: its piece, field and (when known) the words
    resolve = Signal(int)  # a reviewer's paragraph comment the user marks as dealt with

    def __init__(self, parent: QWidget | None = None):
        super().__init__("发布前检查", parent)
        self.setObjectName("checklistDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.summary = QLabel(body)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("checklistSummary")
        layout.addWidget(self.summary)
        # A list view wraps long Chinese messages to the dock's width (a tree view would clip them).
        self.list = QListWidget(body)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setAccessibleName("发布前检查结果")
        self.list.itemActivated.connect(self._activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.resolve_action = QAction("标记该审核意见为已处理", self.list)
        # From the keyboard too: Enter goes to the paragraph, Ctrl+Enter marks the comment dealt with.
        self.resolve_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.resolve_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.resolve_action.triggered.connect(self._resolve_current)
        self.list.addAction(self.resolve_action)
        layout.addWidget(self.list)
        self.setWidget(body)
        self.setMinimumWidth(280)
        self.show_nothing()

    def show_nothing(self) -> None:
        """No package chosen: say what the pane is for instead of showing a blank."""
        self.list.clear()
        self.summary.setText("选择一个文件包，这里会列出它发布前还需处理的问题。")

    def show_findings(self, findings: list[Finding]) -> None:
        from PySide6.QtWidgets import QStyle  # costly to load: only once there are findings

        from studio.domain.findings import Severity, is_releasable
        from studio.domain.pieces import PIECE_KEYS, piece_label

        order = ("package", "metadata") + PIECE_KEYS
        self.list.clear()
        if not findings:
            self.summary.setText("✔ 未发现问题：全部发布前检查均已通过。")
            return
        blocking = sum(f.severity is Severity.BLOCKING for f in findings)
        warnings = sum(f.severity is Severity.WARNING for f in findings)
        if is_releasable(findings):
            self.summary.setText(f"✔ 没有阻止发布的问题（{warnings}项警告）。")
        else:
            self.summary.setText(f"✖ {blocking}项问题阻止发布，{warnings}项警告。双击条目可定位到相应材料。")
        icons = {Severity.BLOCKING: QStyle.StandardPixmap.SP_MessageBoxCritical,
                 Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
                 Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation}
        style = self.style()
        bold = QFont(self.list.font())
        bold.setBold(True)
        current = None
        for f in sorted(findings, key=lambda f: (order.index(f.piece) if f.piece in order else 99,
                                                  f.severity.rank)):
            if f.piece != current:
                current = f.piece
                count = sum(1 for x in findings if x.piece == f.piece)
                header = QListWidgetItem(f"{_GROUP_LABELS.get(f.piece) or piece_label(f.piece)}（{count}）")
                header.setFont(bold)
                # Not enabled, so Up and Down step over it: Enter on a group's name did nothing, and
                # the keyboard stopped there between two findings. Painted in the list's own text colour.
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                header.setForeground(self.list.palette().text())
                self.list.addItem(header)
            item = QListWidgetItem(style.standardIcon(icons[f.severity]), f"【{f.severity.label}】{f.display_message()}")
            item.setToolTip(f"{f.code}")
            item.setData(FINDING_ROLE, f)
            self.list.addItem(item)

    def take_keyboard(self) -> None:
        """From anywhere (F8): the findings shown, the keyboard on the first open review comment or else the
        first finding; Enter then goes to its words."""
        from studio.service.paragraph_comments import CODE as COMMENT_CODE  # here: the dock is built at start

        self.show()
        self.raise_()
        current = self.list.currentItem()
        items = self.items()
        if (current is None or current.data(FINDING_ROLE) is None) and items:
            # A reviewer's open comment first: it is what a returned package waits for, and it sorts
            # under its piece, below the package's and the metadata's findings (off screen at 720 px).
            first = next((i for i in items if i.data(FINDING_ROLE).code == COMMENT_CODE), items[0])
            self.list.setCurrentItem(first)
            self.list.scrollToItem(first)
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)  # after: focus alone makes the top row current

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count()) if self.list.item(i).data(FINDING_ROLE)]

    def _resolve_current(self) -> None:
        item = self.list.currentItem()
        finding = item.data(FINDING_ROLE) if item is not None else None
        if finding is not None and finding.field.startswith("comment["):
            self.resolve.emit(int(finding.field[8:-1]))

    def _activated(self, item: QListWidgetItem) -> None:
        finding = item.data(FINDING_ROLE)  # group headings carry none
        if finding is not None:
            self.navigate.emit(finding)
