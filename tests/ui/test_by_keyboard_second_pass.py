"""What a second keyboard-only walk in a real X window met: the reviewer's and the openness office's day."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from studio.domain.text_count import word_count
from studio.ui.checklist_dock import FINDING_ROLE
from tests.ui.conftest import REVIEWER2
from tests.ui.helpers import open_row, press_ok, when_dialog

OLD_ESTATES = "老旧小区"
OLD_ESTATES_DRAFTER = "何静"


def keys_to(qtbot, k: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard is nowhere"
    qtbot.keyClick(widget, k, modifiers)


def test_tab_leaves_the_library_list_and_reaches_waiting_for_me_where_enter_opens_it(qtbot, open_window):
    # Tab walked the list's cells for ever: 待我处理 and the checklist were out of the keyboard's reach.
    window = open_window(REVIEWER2)
    page = window.library_page
    page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    passed = []
    for _ in range(12):
        widget = QApplication.focusWidget()
        passed.append(widget)
        if widget is window.work.list:
            break
        keys_to(qtbot, Qt.Key.Key_Tab)
    assert window.work.list.hasFocus(), [w.accessibleName() for w in passed if w is not None]
    assert page.table in passed and window.checklist.list in passed  # on the way, not stuck in the table
    keys_to(qtbot, Qt.Key.Key_Down)
    keys_to(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller is not None)
    assert OLD_ESTATES in window.controller.editor.working.metadata.title


def test_a_package_opened_by_keyboard_shows_the_word_count_of_the_text_the_keyboard_is_in(qtbot, open_window):
    # Opened from 待我处理 with Enter, the keyboard was in the policy text but the status bar said 字数：0.
    window = open_window(REVIEWER2)
    label = window.findChild(QLabel, "wordCount")
    window.work.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
    keys_to(qtbot, Qt.Key.Key_Down)
    keys_to(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller is not None)
    policy = window.package_page.policy.text
    qtbot.waitUntil(lambda: policy.hasFocus())
    expected = word_count(policy.toPlainText())
    assert expected > 1000
    qtbot.waitUntil(lambda: label.isVisible() and label.text() == f"字数：{expected:,}")


def test_switching_to_the_drafter_lifts_the_reviewers_read_only_note_and_opens_the_text(qtbot, open_window):
    # 复审 returned the package, then Ctrl+Shift+K to its drafter: the banner still said
    # "陈立新没有“起草”角色……内容只能阅读" and the text stayed read-only until the package was reopened.
    window = open_window(REVIEWER2)
    open_row(qtbot, window, OLD_ESTATES)
    page = window.package_page
    assert "陈立新没有“起草”角色" in page.banner.text() and page.policy.text.isReadOnly()

    def answer(dialog):
        dialog.name.setCurrentIndex(dialog.name.findData(OLD_ESTATES_DRAFTER))
        qtbot.keyClicks(dialog.passphrase, "demo")
        press_ok(qtbot, dialog)
    when_dialog(qtbot, answer)
    page.policy.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
    keys_to(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.member is not None and window.member.name == OLD_ESTATES_DRAFTER)
    assert "起草”角色" not in page.banner.text()
    assert not page.policy.text.isReadOnly()
    assert not page.faq.question.isReadOnly()


def test_up_and_down_in_the_checklist_step_from_finding_to_finding_over_the_group_names(qtbot, open_window):
    # Up from the first 政策解读 finding stopped on the name "政策解读（1）", where Enter did nothing.
    window = open_window(REVIEWER2)
    open_row(qtbot, window, OLD_ESTATES)
    checklist = window.checklist
    keys_to(qtbot, Qt.Key.Key_F8)
    assert checklist.list.hasFocus()
    findings = len(checklist.items())
    assert findings >= 3 and checklist.list.count() > findings  # groups between them
    seen = [checklist.list.currentItem()]
    for _ in range(findings - 1):
        keys_to(qtbot, Qt.Key.Key_Down)
        seen.append(checklist.list.currentItem())
    for _ in range(findings - 1):
        keys_to(qtbot, Qt.Key.Key_Up)
        seen.append(checklist.list.currentItem())
    assert all(item.data(FINDING_ROLE) is not None for item in seen), [i.text() for i in seen]
    assert len({id(item) for item in seen}) == findings
