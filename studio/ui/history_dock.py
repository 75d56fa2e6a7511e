"""The audit trail of the open package, with the result of verifying its chain.

The dock is part of the first screen but stays empty until a package is open; what it needs
to describe events loads then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from studio.service.proof import ChainProblem


class HistoryDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__("审计记录", parent)
        self.setObjectName("historyDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.status = QLabel(body)
        self.status.setObjectName("historyStatus")
        self.status.setWordWrap(True)  # a long verdict wraps; it must never widen the window past the screen
        layout.addWidget(self.status)
        self.tree = QTreeWidget(body)
        self.tree.setHeaderLabels(["序号", "时间", "操作人", "操作", "内容", "意见或说明"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName("审计记录")
        self.tree.header().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.tree)
        self.setWidget(body)

    def show_events(self, events: list[dict], problems: list[ChainProblem]) -> None:
        from studio.domain.metadata import LABELS
        from studio.domain.moments import readable_moment
        from studio.domain.pieces import PIECE_KEYS, piece_label
        from studio.domain.plain_text import one_line
        from studio.service.package_info import event_action_label

        self.tree.clear()
        for e in events:
            piece = e.get("piece", "")
            what = piece_label(piece) if piece in PIECE_KEYS else ("元数据" if piece == "metadata" else "")
            if e.get("fields") and piece == "metadata":
                what += "：" + "、".join(LABELS.get(f, f) for f in e["fields"])
            who = e.get("user", "") + (f"（{e['office']}）" if e.get("office") else "")
            cells = [str(e.get("seq", "")), readable_moment(e.get("at", "")), who,
                     event_action_label(e), what, e.get("comment", "")]
            QTreeWidgetItem(self.tree, [one_line(c) for c in cells])
        for col in range(5):
            self.tree.resizeColumnToContents(col)
        if problems:
            self.status.setText("✖ 审计记录校验失败：" + "；".join(p.message for p in problems))
            self.status.setStyleSheet("color: #b3261e;")
        else:
            self.status.setText(f"✔ 审计记录完整：{len(events)}条记录首尾相连、签名有效，内容和图片与记录一致。")
            self.status.setStyleSheet("color: #1b6e3a;")
        if events:
            self.tree.scrollToBottom()
