"""待我处理: what waits on the signed-in member; a double-click opens the package."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from studio.domain.errors import StudioError

if TYPE_CHECKING:
    from studio.service.actor import Actor


class WorkDock(QDockWidget):
    open_package = Signal(Path)
    MIN_WIDTH = 180  # a title reads as a line or two, not four characters a line


    def __init__(self, parent: QWidget | None = None):
        super().__init__("待我处理", parent)
        self.setObjectName("workDock")
        self.setMinimumWidth(self.MIN_WIDTH)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.list = QListWidget(body)
        self.list.setAccessibleName("待我处理")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda item: self.open_package.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.list)
        self.setWidget(body)

    def refresh(self, root: Path, actor: Actor | None) -> None:
        self.list.clear()
        if actor is None:
            self.status.setText("尚未登录。请从“文件 → 切换成员…”登录后查看待你处理的文件包。")
            return
        from studio.service.my_work import waiting_for  # reads every package: only for a signed-in member

        try:
            items = waiting_for(root, actor)
        except StudioError as e:
            self.status.setText(e.message)
            return
        self.status.setText(f"{actor.name}：{len(items)}个文件包等待你处理。" if items else f"{actor.name}：暂无待处理的文件包。")
        for item in items:
            row = QListWidgetItem(f"【{item.what}】{item.title}", self.list)
            row.setData(Qt.ItemDataRole.UserRole, item.folder)
            row.setToolTip(str(item.folder))
