"""The desk as the three roles use it, by keyboard, at a laptop's and a desktop's size.

A drafter writes a new version (types, Ctrl+Z, Ctrl+Shift+Z, Ctrl+S, submits); 初审 passes it; 复审
comments a paragraph and returns it; the drafter's next words survive a crash (the child process
is killed) and are offered back, the drafter resolves the comment and submits again; 初审 sees the
change since the last review side by side and inline; 复审 passes; the signer reads what is signed
in the 审签 dialog and signs. Undo, redo, save and every workflow step go through real key events.
Pictures of the diff dialog (both views), the comment flow and the 审签 dialog go to build/screenshots.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QWidget

from studio.domain.states import State
from studio.service.paragraph_comments import CODE as COMMENT
from tests.ui.conftest import DRAFTER, REVIEWER1, REVIEWER2, SIGNER
from tests.ui.helpers import (
    activate,
    child_types_then_waits,
    commit_text,
    crash_after_typing,
    open_tab,
    package_with,
    when_dialog,
)
from tests.ui.test_screenshots import SIZES, save

GRADUATES = "高校毕业生"
ADDED = "为方便毕业生申请，补贴申请全程网上办理。"
AFTER_CRASH = "申请入口为“明湖人才”平台。"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

# The drafter, in a child process, adds words to the last paragraph of the interpretation and is
# killed once crash recovery holds them.
TYPE_AFTER_RETURN = child_types_then_waits(
    "from PySide6.QtGui import QTextCursor\nwindow.package_page.tabs.setCurrentIndex(1)\n"
    "widget = window.package_page.interpretation.text\nwidget.moveCursor(QTextCursor.MoveOperation.End)\n",
    AFTER_CRASH, kept_when=f'path.exists() and "{AFTER_CRASH}" in path.read_text("utf-8")')


def when(qtbot, act) -> None:
    """Answer the next dialog with `act`; a failed check closes the dialog and fails the test after."""
    def guarded(dialog: QDialog) -> None:
        try:
            act(dialog)
        except BaseException as e:  # reported by `key` once the dialog is closed
            FAILED.append(e)
            dialog.reject()

    when_dialog(qtbot, guarded)


FAILED: list[BaseException] = []


def key(qtbot, widget: QWidget, k: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the user is; a closed dialog hands the keyboard back to its window."""
    activate(qtbot, widget.window())
    qtbot.keyClick(widget, k, modifiers)
    if FAILED:
        raise FAILED.pop()


def accept_by_keys(qtbot, dialog: QDialog, words: str = "") -> None:
    """Type `words` into the dialog's text box, Tab to OK and press Space: no mouse."""
    activate(qtbot, dialog)
    if words:
        box = dialog.findChild(QPlainTextEdit)
        box.setFocus(Qt.FocusReason.TabFocusReason)
        commit_text(box, words)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    for _ in range(8):
        if dialog.focusWidget() is ok:
            break
        key(qtbot, dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is ok, dialog.focusWidget()
    key(qtbot, ok, Qt.Key.Key_Space)


def open_by_keys(qtbot, open_window, user, size):
    """Sign in as `user`, type the title's words in the library search, Tab to the list, Down, Enter."""
    window = open_window(user)
    window.resize(*SIZES[size])
    page = window.library_page
    page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    commit_text(page.search, GRADUATES)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    for _ in range(6):  # past the filters to the list
        key(qtbot, QWidget.focusWidget(page) or page.search, Qt.Key.Key_Tab)
        if page.table.hasFocus():
            break
    assert page.table.hasFocus()
    key(qtbot, page.table, Qt.Key.Key_Down)
    key(qtbot, page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller is not None)
    return window


def step(qtbot, window, shortcut: Qt.Key, state: State, words: str = "", prepare=None) -> None:
    """A workflow step by its shortcut (Ctrl+Shift+letter), its dialog answered by keys."""
    def answer(dialog: QDialog) -> None:
        if prepare is not None:
            prepare(dialog)
        accept_by_keys(qtbot, dialog, words)

    when(qtbot, answer)
    key(qtbot, window.package_page.tabs.currentWidget(), shortcut, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.controller.package.state is state or bool(FAILED))
    if FAILED:
        raise FAILED.pop()


def interpretation(qtbot, window):
    open_tab(qtbot, window, 1)
    text = window.package_page.interpretation.text
    text.setFocus(Qt.FocusReason.TabFocusReason)
    key(qtbot, text, Qt.Key.Key_End, CTRL)
    return text


def fits(dialog: QDialog, size: str) -> None:
    width, height = SIZES[size]
    assert dialog.width() <= width and dialog.height() <= height - 40, (dialog.size(), size)


@pytest.mark.parametrize("size", SIZES)
def test_three_roles_write_review_and_sign_by_keyboard(qtbot, open_window, library, messages, size):
    FAILED.clear()
    # The drafter opens a new version and writes; undo, redo and save by keys.
    window = open_by_keys(qtbot, open_window, DRAFTER, size)
    key(qtbot, window.library_page.table, Qt.Key.Key_N, CTRL_SHIFT)  # 修订（新版本）, confirmed yes
    qtbot.waitUntil(lambda: window.controller.package.state is State.DRAFT)
    text = interpretation(qtbot, window)
    before = text.toPlainText()
    key(qtbot, text, Qt.Key.Key_Return)
    commit_text(text, ADDED)
    qtbot.waitUntil(lambda: window.controller.package.pieces.interpretation.body.endswith(ADDED))
    key(qtbot, text, Qt.Key.Key_Z, CTRL)
    assert ADDED not in text.toPlainText()
    key(qtbot, text, Qt.Key.Key_Z, CTRL)
    assert text.toPlainText() == before
    key(qtbot, text, Qt.Key.Key_Z, CTRL_SHIFT)
    key(qtbot, text, Qt.Key.Key_Z, CTRL_SHIFT)
    assert text.toPlainText().endswith("\n" + ADDED)
    key(qtbot, text, Qt.Key.Key_S, CTRL)
    assert not window.controller.editor.dirty
    assert ADDED in (window.controller.editor.folder / "package.json").read_text("utf-8")
    step(qtbot, window, Qt.Key.Key_U, State.SUBMITTED, "新版本补充了网上办理的说明。")
    window.close()

    # 初审 passes.
    window = open_by_keys(qtbot, open_window, REVIEWER1, size)
    step(qtbot, window, Qt.Key.Key_R, State.REVIEW1)
    window.close()

    # 复审 comments the new paragraph and returns the package.
    window = open_by_keys(qtbot, open_window, REVIEWER2, size)
    text = interpretation(qtbot, window)
    last = window.package_page.interpretation.text.paragraph_number(text.textCursor().blockNumber())

    def comment(dialog: QDialog) -> None:
        activate(qtbot, dialog)
        assert f"对政策解读第{last}段的意见：" in [label.text() for label in dialog.findChildren(QLabel)]
        accept_by_keys(qtbot, dialog)  # an empty comment is refused
        assert "请填写意见" in dialog.error.text() and dialog.isVisible()
        commit_text(dialog.text, "请写明申请入口。")
        save(dialog, f"{size}-30-paragraph-comment-dialog")
        accept_by_keys(qtbot, dialog)

    when(qtbot, comment)
    key(qtbot, text, Qt.Key.Key_M, CTRL_SHIFT)
    qtbot.waitUntil(lambda: any(f.code == COMMENT for f in window.controller.findings))
    found = [i for i in window.checklist.items() if COMMENT in i.toolTip()]
    assert len(found) == 1 and f"第{last}段" in found[0].text() and "陈立新" in found[0].text()
    save(window, f"{size}-31-comment-in-checklist")
    step(qtbot, window, Qt.Key.Key_B, State.RETURNED, "请按段落意见补充申请入口。")
    window.close()

    # The drafter types, the studio is killed, and the words are offered back.
    window = open_window(DRAFTER)  # also the user the child signs in as
    folder = package_with(library, GRADUATES)
    crash_after_typing(TYPE_AFTER_RETURN, library, folder)
    window.close()
    window = open_by_keys(qtbot, open_window, DRAFTER, size)  # the stale lock and the recovery: “yes”
    assert any(kind == "question" and "未保存的修改" in text for kind, text in messages)
    text = window.package_page.interpretation.text
    assert text.toPlainText().endswith(ADDED + AFTER_CRASH)

    # The comment leads to its paragraph (Enter) and is marked dealt with (Ctrl+Enter); save, submit.
    view = window.checklist.list
    view.setFocus(Qt.FocusReason.ShortcutFocusReason)
    item = next(i for i in window.checklist.items() if COMMENT in i.toolTip())
    while view.currentItem() is not item:
        key(qtbot, view, Qt.Key.Key_Down)
    save(window, f"{size}-32-comment-shown-to-the-drafter")
    key(qtbot, view, Qt.Key.Key_Return)
    assert window.package_page.tabs.currentIndex() == 1
    assert text.textCursor().selectedText() == ADDED + AFTER_CRASH
    view.setFocus(Qt.FocusReason.ShortcutFocusReason)
    key(qtbot, view, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not any(f.code == COMMENT for f in window.controller.findings))
    key(qtbot, text, Qt.Key.Key_S, CTRL)
    assert not window.controller.editor.dirty
    step(qtbot, window, Qt.Key.Key_U, State.SUBMITTED)
    window.close()

    # 初审 sees what changed since their own last review, side by side and inline, then passes.
    window = open_by_keys(qtbot, open_window, REVIEWER1, size)
    seen: dict[str, str] = {}

    def look(dialog: QDialog) -> None:
        activate(qtbot, dialog)
        fits(dialog, size)
        # Just resubmitted, so nothing changed since the submission: the first basis with changes is
        # this reviewer's own last review, chosen without a key.
        seen["basis"] = dialog.baseline.currentText()
        seen["bases"] = [dialog.baseline.itemText(i) for i in range(dialog.baseline.count())]
        seen["pieces"] = dialog.pieces.currentItem().text()
        seen["side"] = dialog.text.toPlainText()
        assert dialog.text.horizontalScrollBar().maximum() == 0  # long paragraphs wrap, nothing cut off
        save(dialog, f"{size}-20-changes-side-by-side")
        key(qtbot, dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
        key(qtbot, dialog.focusWidget(), Qt.Key.Key_Down)  # 行内标记
        qtbot.wait(30)
        seen["inline"] = dialog.text.toPlainText()
        save(dialog, f"{size}-21-changes-inline")
        key(qtbot, dialog, Qt.Key.Key_Escape)

    when(qtbot, look)
    key(qtbot, window.package_page.tabs.currentWidget(), Qt.Key.Key_D, CTRL_SHIFT)
    qtbot.waitUntil(lambda: "inline" in seen)
    assert seen["basis"] == "自我上次审核以来" and "自上次提交审核以来（无改动）" in seen["bases"]
    assert seen["pieces"].startswith("政策解读：改动") and "林晓" not in seen["pieces"]
    assert seen["side"].count(ADDED) == 2 and AFTER_CRASH in seen["side"]  # the paragraph then and now
    assert f"第{last}段" in seen["side"]
    assert seen["inline"].count(ADDED) == 1 and AFTER_CRASH in seen["inline"]
    step(qtbot, window, Qt.Key.Key_R, State.REVIEW1)
    window.close()

    window = open_by_keys(qtbot, open_window, REVIEWER2, size)
    step(qtbot, window, Qt.Key.Key_R, State.REVIEW2)
    window.close()

    # The signer reads what the signature covers and signs.
    window = open_by_keys(qtbot, open_window, SIGNER, size)
    covered: list[str] = []

    def read_and_sign(dialog: QDialog) -> None:
        fits(dialog, size)
        covered.append(dialog.covers.text())
        save(dialog, f"{size}-22-sign-dialog")

    step(qtbot, window, Qt.Key.Key_G, State.SIGNED, prepare=read_and_sign)
    hashes = window.controller.editor.saved.part_hashes()
    assert "本次审签以下内容" in covered[0] and hashes["interpretation"][:12] in covered[0]
    # Signed: what is left before release is the publisher's, and the checklist says so.
    qtbot.waitUntil(lambda: not any("NOT_SIGNED" in i.toolTip() for i in window.checklist.items()))
    save(window, f"{size}-23-signed")
