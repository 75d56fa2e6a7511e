"""A package changed outside the studio: say what changed and offer to record it with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from studio.domain.errors import StudioError
from studio.service.editor import PackageEditor


def offer_to_record(parent: QWidget, editor: PackageEditor) -> bool:
    """True when the outside change was recorded as the member's edit."""
    found = editor.outside_changes
    if not found or editor.read_only:
        return False
    text = ("这个文件包在工作室之外被改动过，与最后一条审计记录不一致：\n" + "\n".join(f"· {x}" for x in found)
            + "\n\n在登记或恢复之前，不能保存或进行审核操作。是否把这些改动登记为你本人的修改？"
              "（须说明理由；已有的审核、审签将作废）")
    if QMessageBox.question(parent, "登记外部改动", text) != QMessageBox.StandardButton.Yes:
        return False
    reason, ok = QInputDialog.getText(parent, "登记外部改动", "为什么保留这些改动（记入审计记录）：")
    if not ok:
        return False
    try:
        editor.adopt_outside_change(reason)
    except StudioError as e:
        QMessageBox.warning(parent, "未能登记", e.message)
        return False
    return True
