"""An administrator's roster or settings change from the window: past an unreadable package only
when the administrator says so, and what the change found to tell shown afterwards."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from studio.domain.errors import ActionRefused
from studio.service.library_chain_events import ChangeOptions, UnreadablePackages

T = TypeVar("T")


def run_change(parent: QWidget, title: str, change: Callable[[ChangeOptions], T]) -> T:
    """`change` with the options it runs under; StudioError goes to the caller as ever."""
    options = ChangeOptions()
    try:
        result = change(options)
    except UnreadablePackages as e:
        folders = "、".join(e.folders)
        answer = QMessageBox.question(
            parent, title, f"{e.message}\n\n是否跳过文件包 {folders}，现在就变更？（跳过会签名记录在本次变更中）")
        if answer != QMessageBox.StandardButton.Yes:
            raise ActionRefused("本次变更未保存。") from None
        options = ChangeOptions(skip_unreadable=True)
        result = change(options)
    if options.notes:
        QMessageBox.information(parent, title, "\n\n".join(options.notes))
    return result
