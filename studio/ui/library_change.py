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
        answer = QMessageBox.question(parent, title, (
            f"文件包此刻无法读取：{e.listed}。\n\n"
            "修改成员名单或规则设置须记下每个文件包的状态。可以先选“否”，稍后重试，或先从备份恢复该文件包。\n\n"
            "如果现在跳过：跳过会签名记录在本次修改中；该文件包里由本次修改涉及的成员（被移除、改变角色或更换密钥）"
            "按旧名单签名的记录将无法证明，studio verify 会逐条指出。\n\n是否跳过并现在修改？"))
        if answer != QMessageBox.StandardButton.Yes:
            raise ActionRefused("本次变更未保存。") from None
        options = ChangeOptions(skip_unreadable=True)
        result = change(options)
    if options.notes:
        QMessageBox.information(parent, title, "\n\n".join(options.notes))
    return result
