"""What a user with only a keyboard met in a real X window, walking the three roles through a package."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFocusFrame, QWidget

from studio.domain.states import State
from studio.ui.checklist_dock import FINDING_ROLE
from tests.ui.conftest import DRAFTER
from tests.ui.helpers import activate, commit_text, open_row, when_dialog

GRADUATES = "高校毕业生"
CTRL = Qt.KeyboardModifier.ControlModifier


def keys_to(qtbot, k: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press wherever the keyboard is, as a user's keyboard would deliver it."""
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard is nowhere"
    qtbot.keyClick(widget, k, modifiers)


def open_by_keys(qtbot, window) -> None:
    """Type the title's words in the library search, Tab to the list, Down, Enter."""
    page = window.library_page
    page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    commit_text(page.search, GRADUATES)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    for _ in range(6):
        if page.table.hasFocus():
            break
        keys_to(qtbot, Qt.Key.Key_Tab)
    keys_to(qtbot, Qt.Key.Key_Down)
    keys_to(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller is not None)


def in_package_page(window) -> QWidget | None:
    widget = QApplication.focusWidget()
    return widget if widget is not None and window.package_page.isAncestorOf(widget) and widget.isVisible() else None


def test_an_opened_package_has_the_keyboard_in_its_first_text(qtbot, open_window):
    """Opened by Enter, the package showed no focus anywhere and Ctrl+PageDown did nothing."""
    window = open_window(DRAFTER)
    open_by_keys(qtbot, window)
    assert in_package_page(window) is window.package_page.policy.text
    keys_to(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert window.package_page.tabs.currentIndex() == 1


def test_ctrl_page_down_walks_the_pieces_with_the_keyboard_inside_each(qtbot, open_window):
    window = open_window(DRAFTER)
    open_by_keys(qtbot, window)
    page = window.package_page
    keys_to(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert page.tabs.currentIndex() == 1 and in_package_page(window) is page.interpretation.text
    for _ in range(4):
        keys_to(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert page.tabs.currentWidget() is page.metadata
    assert in_package_page(window) is page.metadata.fields["title"]
    keys_to(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert in_package_page(window) is page.consultation.text
    keys_to(qtbot, Qt.Key.Key_Tab, CTRL)
    assert page.tabs.currentWidget() is page.metadata


def test_tabbing_into_a_multi_line_field_shows_where_the_keyboard_is(qtbot, open_window):
    """Tabbed into 征求意见期限缩短的理由, nothing on screen said the keyboard was there."""
    window = open_window(DRAFTER)
    open_by_keys(qtbot, window)
    page = window.package_page
    for _ in range(5):
        keys_to(qtbot, Qt.Key.Key_PageDown, CTRL)
    form = page.metadata
    before, field = form.fields["consultation_feedback"], form.fields["short_period_reason"]
    before.setFocus(Qt.FocusReason.TabFocusReason)
    keys_to(qtbot, Qt.Key.Key_Tab)
    keys_to(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is field
    frames = [f for f in form.findChildren(QFocusFrame) if f.isVisible()]
    assert [f.widget() for f in frames] == [field]
    keys_to(qtbot, Qt.Key.Key_Tab)
    assert field not in [f.widget() for f in form.findChildren(QFocusFrame) if f.isVisible()]


def test_ctrl_enter_confirms_a_comment_dialog(qtbot, open_window):
    """Typed a note in 提交审核 and pressed Ctrl+Enter: nothing happened; Enter only starts a new line."""
    window = open_window(DRAFTER)
    open_by_keys(qtbot, window)
    keys_to(qtbot, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)  # 修订, answered yes
    qtbot.waitUntil(lambda: window.controller.package.state is State.DRAFT)
    note = "新版本请审核。"

    def write_and_confirm(dialog) -> None:
        activate(qtbot, dialog)
        keys_to(qtbot, Qt.Key.Key_Return)  # a new line, not a confirmation
        assert dialog.isVisible()
        commit_text(QApplication.focusWidget(), note)
        keys_to(qtbot, Qt.Key.Key_Return, CTRL)

    when_dialog(qtbot, write_and_confirm)
    keys_to(qtbot, Qt.Key.Key_U, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.controller.package.state is State.SUBMITTED)
    assert window.controller.editor.events[-1]["comment"] == note


def test_an_empty_return_comment_puts_the_keyboard_back_in_the_box(qtbot, open_window):
    """Confirming 退回修改 with no comment said so, but left the keyboard on 确定: Shift+Tab to write it."""
    from studio.ui.dialogs import CommentDialog

    window = open_window(DRAFTER)
    dialog = CommentDialog("退回修改", "退回意见（必填）：", True, window)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    keys_to(qtbot, Qt.Key.Key_Tab)
    keys_to(qtbot, Qt.Key.Key_Space)  # 确定 with nothing written
    assert dialog.isVisible() and dialog.error.text()
    assert QApplication.focusWidget() is dialog.text
    commit_text(dialog.text, "补贴标准与原文不一致。")
    keys_to(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.comment() == "补贴标准与原文不一致。"


def test_a_wrong_passphrase_is_retyped_over_without_leaving_the_field(qtbot, open_window, library):
    """After 口令不正确 the keyboard was on 登录: Shift+Tab back, and the wrong passphrase still there."""
    from studio.ui.member_ui import SignInDialog

    window = open_window(DRAFTER)
    dialog = SignInDialog(library, DRAFTER[0], window)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.passphrase
    qtbot.keyClicks(dialog.passphrase, "oops")
    keys_to(qtbot, Qt.Key.Key_Tab)  # to 登录
    keys_to(qtbot, Qt.Key.Key_Space)
    assert dialog.isVisible() and "口令不正确" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.passphrase
    for letter in (Qt.Key.Key_D, Qt.Key.Key_E, Qt.Key.Key_M, Qt.Key.Key_O):  # replaces the selected wrong one
        keys_to(qtbot, letter)
    keys_to(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    assert dialog.actor.name == DRAFTER[0]


def test_f8_takes_the_keyboard_from_the_text_to_the_findings_and_enter_back_to_the_words(qtbot, open_window):
    """In the editor, with no mouse, there was no way to the 发布前检查 list and the reviewer's comments in it."""
    window = open_window(DRAFTER)
    open_row(qtbot, window, "夜间经济")
    checklist = window.checklist
    qtbot.waitUntil(lambda: bool(checklist.items()))
    window.package_page.focus("interpretation", "")
    keys_to(qtbot, Qt.Key.Key_F8)
    assert QApplication.focusWidget() is checklist.list
    assert checklist.list.currentItem() is checklist.items()[0]
    def finding():
        return checklist.list.currentItem().data(FINDING_ROLE)  # None on a group heading

    while finding() is None or finding().piece != "metadata" or finding().field not in window.package_page.metadata.fields:
        keys_to(qtbot, Qt.Key.Key_Down)  # to one that leads to a field
    field = finding().field
    keys_to(qtbot, Qt.Key.Key_Return)
    assert in_package_page(window) is window.package_page.metadata.fields[field]


def test_no_window_shortcut_shares_its_keys_with_another(qtbot, open_window):
    """Ctrl+Shift+L was both 切换成员 and the format bar's 列表: in the text Qt found it ambiguous and did neither."""
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    window = open_window(DRAFTER)
    open_by_keys(qtbot, window)
    window_wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    keys: dict[str, list[tuple[str, bool]]] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            keys.setdefault(sequence.toString(), []).append((action.text(), action.shortcutContext() in window_wide))
    for shortcut in window.findChildren(QShortcut):
        keys.setdefault(QKeySequence(shortcut.key()).toString(), []).append(("", shortcut.context() in window_wide))
    clashes = {k: users for k, users in keys.items() if len(users) > 1 and any(wide for _, wide in users)}
    assert not clashes


def test_ctrl_shift_l_in_the_text_makes_a_list_and_the_member_switch_has_its_own_key(qtbot, open_window):
    window = open_window(DRAFTER)
    open_by_keys(qtbot, window)
    keys_to(qtbot, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)  # 修订, answered yes
    qtbot.waitUntil(lambda: window.controller.package.state is State.DRAFT)
    keys_to(qtbot, Qt.Key.Key_PageDown, CTRL)
    text = window.package_page.interpretation.text
    keys_to(qtbot, Qt.Key.Key_End, CTRL)
    keys_to(qtbot, Qt.Key.Key_Return)
    commit_text(text, "网上申请")
    keys_to(qtbot, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert text.toPlainText().splitlines()[-1].lstrip().startswith(("-", "*", "·", "1."))
    asked = []
    window.switch_member = lambda: asked.append(True)  # the sign-in dialog itself is tested elsewhere
    window.actions["user"].triggered.disconnect()
    window.actions["user"].triggered.connect(window.switch_member)
    keys_to(qtbot, Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert asked


def test_work_undone_back_to_the_saved_text_is_not_offered_after_a_crash(qtbot, open_window, messages):
    """Typed, then Ctrl+Z back to the saved text, then the studio was killed: on reopening it offered the
    undone words back as 未保存的修改."""
    window = open_window(DRAFTER)
    open_row(qtbot, window, "夜间经济")
    page, editor = window.package_page, window.controller.editor
    page.focus("interpretation", "")
    keys_to(qtbot, Qt.Key.Key_End, CTRL)
    commit_text(page.interpretation.text, "撤销前的一句话。")
    qtbot.waitUntil(lambda: editor.dirty)
    editor.keep_for_recovery()  # as the window's timer does every few seconds
    assert editor.recovery.path.exists()
    while editor.dirty:
        keys_to(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not editor.recovery.path.exists(), timeout=15000)  # the next timer tick
    assert editor.recovered() is None


def test_the_recovery_question_names_what_was_left_unsaved(qtbot, open_window, messages):
    """After a crash the question said only “未保存的修改”, not which piece or field they were in."""
    from studio.ui.package_prompts import offer_recovery

    window = open_window(DRAFTER)
    open_row(qtbot, window, "夜间经济")
    page, editor = window.package_page, window.controller.editor
    page.focus("interpretation", "")
    keys_to(qtbot, Qt.Key.Key_End, CTRL)
    commit_text(page.interpretation.text, "崩溃前的一句话。")
    qtbot.waitUntil(lambda: editor.dirty)
    editor.keep_for_recovery()
    offer_recovery(window, editor)  # as when the package is opened again after the crash
    asked = [text for kind, text in messages if kind == "question"]
    assert asked and "修改涉及：政策解读。" in asked[-1]


def test_typing_is_in_crash_recovery_as_soon_as_it_is_committed(qtbot, open_window, messages):
    """Killed a second after typing in 未征求意见的理由: nothing was offered back (the copy was kept every 2 s)."""
    import json

    window = open_window(DRAFTER)
    open_row(qtbot, window, "夜间经济")
    page, editor = window.package_page, window.controller.editor
    window.controller._keep.stop()  # only the commit itself may keep it
    field = page.metadata.fields["no_consultation_reason"]
    page.focus("metadata", "no_consultation_reason")
    commit_text(field, "属于内部管理事项。")
    qtbot.waitUntil(lambda: editor.working.metadata.no_consultation_reason == "属于内部管理事项。")
    kept = json.loads(editor.recovery.path.read_text("utf-8"))
    assert kept["package"]["metadata"]["no_consultation_reason"] == "属于内部管理事项。"
