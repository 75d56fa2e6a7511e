"""Actions on the open package's texts: find and replace, what changed since the last step, comments on paragraphs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from studio.domain.errors import StudioError

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow


def install_review_actions(window: MainWindow) -> None:
    window.actions["changes"].triggered.connect(lambda: show_changes(window))
    window.actions["find"].triggered.connect(lambda: open_find(window, False))
    window.actions["replace"].triggered.connect(lambda: open_find(window, True))
    window.actions["comment"].triggered.connect(lambda: add_paragraph_comment(window))
    window.checklist.resolve.connect(lambda comment_id: resolve(window, comment_id))


def open_find(window: MainWindow, replacing: bool) -> None:
    if window.controller is not None:
        window.package_page.find_bar.undo_stack = window.controller.undo
        window.package_page.find_bar.open(replacing and not window.controller.editor.read_only)


def show_changes(window: MainWindow) -> None:
    from studio.ui.changes_dialog import ChangesDialog

    if window.controller is not None:
        window.package_page.commit_pending()
        editor = window.controller.editor
        ChangesDialog(editor.review_bases(), window.controller.package, window).exec()


def add_paragraph_comment(window: MainWindow) -> None:
    from studio.ui.dialogs import CommentDialog
    from studio.ui.numbered_text import NumberedTextEdit
    from studio.ui.package_page import TABS

    c = window.controller
    if c is None:
        return
    page = window.package_page
    box = page.current_text()
    if not isinstance(box, NumberedTextEdit):
        QMessageBox.information(window, "段落意见", "请先在政策文件、政策解读或征求意见公告中，把光标放在要提意见的段落。")
        return
    paragraph = box.paragraph_number(box.textCursor().blockNumber())
    if paragraph is None:
        QMessageBox.information(window, "段落意见", "光标所在的是空行。请把光标放在要提意见的段落中。")
        return
    piece = TABS[page.tabs.currentIndex()]
    # The review comment dialog: Tab leaves the text box for the buttons, an empty comment is refused.
    from studio.domain.pieces import piece_label

    # Named with its piece: the same 第2段 is in the policy and in its interpretation.
    dialog = CommentDialog("段落意见", f"对{piece_label(piece)}第{paragraph}段的意见：", True, window)
    dialog.setObjectName("paragraphCommentDialog")
    if dialog.exec() != CommentDialog.DialogCode.Accepted:
        return
    try:
        c.editor.add_comment(piece, paragraph, dialog.comment())
    except StudioError as e:
        QMessageBox.warning(window, "段落意见", e.message)
        return
    c.recheck()


def resolve(window: MainWindow, comment_id: int) -> None:
    if window.controller is None:
        return
    try:
        window.controller.editor.resolve_comment(comment_id)
    except StudioError as e:
        QMessageBox.warning(window, "段落意见", e.message)
        return
    window.controller.recheck()
