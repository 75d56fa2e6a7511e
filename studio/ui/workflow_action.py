"""A workflow step from the window: explained when refused, confirmed with what it covers, then done
through the package's controller (and so the service)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from studio.domain.errors import StudioError

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow


def run_transition(window: MainWindow, action: str) -> None:
    c = window.controller
    if c is None:
        return
    window.package_page.commit_pending()
    from studio.service.sign_summary import what_is_signed
    from studio.ui.dialogs import ask_for_action
    from studio.ui.member_actions import action_title

    title = action_title(c.editor.saved, action)
    why = c.editor.refusal(action)
    if why:
        QMessageBox.warning(window, title, why)
        return
    comment = ask_for_action(window, action, title, what_is_signed(c.editor.folder, c.editor.saved))
    if comment is None:
        return
    try:
        notices = c.transition(action, comment)
    except StudioError as e:
        QMessageBox.warning(window, title, e.message)
        return
    window.statusBar().showMessage(f"{title}：完成。" + "".join(notices), 10000)
    window.work.refresh(window.library_root, window.member)
