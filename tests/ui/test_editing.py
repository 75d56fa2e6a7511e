"""Undo and redo of text, metadata and FAQ rows; the read-only banner; crash recovery."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from studio.store.lock import PackageLock
from studio.store.recovery import RecoveryStore
from tests.ui.conftest import DRAFTER
from tests.ui.helpers import (
    CHILD_WINDOW,
    child_types_then_waits,
    click_action,
    commit_text,
    crash_after_typing,
    leave_field,
    open_row,
    open_tab,
    package_with,
    type_into,
    when_dialog,
)

NIGHT = "夜间经济"


def test_undo_redo_text_metadata_and_faq_rows(qtbot, open_window, library, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    page, controller = window.package_page, window.controller
    original = controller.package.pieces.policy.body

    open_tab(qtbot, window, 0)
    type_into(qtbot, page.policy.text, "新增一段。")
    page.policy.commit()
    assert controller.package.pieces.policy.body.endswith("新增一段。")

    open_tab(qtbot, window, 5)
    field = page.metadata.fields["doc_number"]
    type_into(qtbot, field, "明政办规〔2026〕9号")
    leave_field(qtbot, field)
    assert controller.package.metadata.doc_number == "明政办规〔2026〕9号"

    open_tab(qtbot, window, 3)
    for question in ("第一个问题？", "第二个问题？"):
        qtbot.mouseClick(page.faq.buttons["add"], Qt.MouseButton.LeftButton)  # opens the new cell for typing
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                        and page.faq.table.isAncestorOf(QApplication.focusWidget()))
        editor = QApplication.focusWidget()
        qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        commit_text(editor, question)
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits the cell on its next turn of the event loop
        qtbot.waitUntil(lambda q=question: controller.package.pieces.faq.items[-1].question == q)
    assert [i.question for i in controller.package.pieces.faq.items] == ["第一个问题？", "第二个问题？"]
    page.faq.table.setCurrentIndex(page.faq.model.index(1, 0))
    qtbot.mouseClick(page.faq.buttons["up"], Qt.MouseButton.LeftButton)
    assert [i.question for i in controller.package.pieces.faq.items] == ["第二个问题？", "第一个问题？"]

    click_action(qtbot, window, "undo")  # the move
    assert [i.question for i in controller.package.pieces.faq.items] == ["第一个问题？", "第二个问题？"]
    for remaining in (2, 1, 1, 0):  # second question typed, second row added, first typed, first added
        click_action(qtbot, window, "undo")
        assert len(controller.package.pieces.faq.items) == remaining
    assert page.faq.model.rowCount() == 0
    click_action(qtbot, window, "undo")
    assert controller.package.metadata.doc_number == ""
    assert field.text() == ""
    click_action(qtbot, window, "undo")
    assert controller.package.pieces.policy.body == original
    assert page.policy.text.toPlainText() == original

    click_action(qtbot, window, "redo")
    assert controller.package.pieces.policy.body.endswith("新增一段。")
    click_action(qtbot, window, "redo")
    assert controller.package.metadata.doc_number == "明政办规〔2026〕9号"
    click_action(qtbot, window, "redo")
    assert len(controller.package.pieces.faq.items) == 1
    assert page.faq.model.rowCount() == 1


def test_invalid_metadata_is_shown_at_the_field(qtbot, open_window, library, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 5)
    form = window.package_page.metadata
    type_into(qtbot, form.fields["consultation_start"], "下周一")
    leave_field(qtbot, form.fields["consultation_start"])
    assert "不是有效日期" in form.notes["consultation_start"].text()
    assert window.controller.package.metadata.consultation_start == ""


HOLD_LOCK = """
import sys, time
from studio.store.lock import PackageLock
PackageLock(sys.argv[1]).acquire("王五", "法规处")
print("locked", flush=True)
time.sleep(60)
"""


def test_read_only_banner_names_the_holder(qtbot, open_window, library, messages):
    window = open_window(DRAFTER)
    folder = next(p for p in library.iterdir() if p.is_dir() and NIGHT in (p / "package.json").read_text("utf-8"))
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(folder)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        open_row(qtbot, window, NIGHT)
        banner = window.package_page.banner
        assert banner.isVisible() and "王五（法规处）" in banner.text() and "只读" in banner.text()
        assert window.package_page.policy.text.isReadOnly()
        assert not window.actions["save"].isEnabled()
        assert "王五" in window.actions["submit"].toolTip()
    finally:
        holder.kill()
        holder.wait()


TYPE_AND_WAIT = child_types_then_waits("widget = window.package_page.policy.text\n", "崩溃前输入的文字。")


def test_unsaved_work_is_offered_back_after_a_crash(qtbot, open_window, library, messages):
    window = open_window(DRAFTER)  # also writes the user settings the child reads
    folder = package_with(library, NIGHT)
    before = (folder / "package.json").read_bytes()
    crash_after_typing(TYPE_AND_WAIT, library, folder)
    assert (folder / "package.json").read_bytes() == before  # nothing saved, nothing lost
    assert PackageLock(folder).is_stale()

    open_row(qtbot, window, NIGHT)  # the stale lock and the recovery are both answered “yes”
    assert any(kind == "question" and "锁" in text for kind, text in messages)
    assert any(kind == "question" and "未保存的修改" in text for kind, text in messages)
    assert not window.controller.editor.read_only
    assert "崩溃前输入的文字。" in window.package_page.policy.text.toPlainText()
    assert window.controller.editor.dirty
    click_action(qtbot, window, "save")
    package_id = window.controller.editor.saved.id
    assert not RecoveryStore(package_id).path.exists()
    data = json.loads((folder / "package.json").read_text("utf-8"))
    assert "崩溃前输入的文字。" in data["package"]["1"]["pieces"]["policy"]["body"]


TYPE_THEN_RUN = CHILD_WINDOW + """
from PySide6.QtGui import QInputMethodEvent
from studio.ui.session_end import end_on_terminate
widget = window.package_page.policy.text
widget.setFocus()
event = QInputMethodEvent()
event.setCommitString("注销前输入的文字。")
QApplication.sendEvent(widget, event)
end_on_terminate(app, window)
from PySide6.QtCore import QTimer
QTimer.singleShot(0, lambda: print("running", flush=True))
sys.exit(app.exec())
"""


def test_the_session_ending_keeps_unsaved_work_for_recovery_and_lets_the_lock_go(qtbot, open_window, library,
                                                                                 messages):
    """Logout or shutdown sends SIGTERM: nobody is there to answer “save?”, and no stale lock is left."""
    window = open_window(DRAFTER)  # also writes the user settings the child reads
    folder = package_with(library, NIGHT)
    child = subprocess.Popen([sys.executable, "-c", TYPE_THEN_RUN, str(library), str(folder)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "running"
        assert PackageLock(folder).path.exists()
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=20) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert not PackageLock(folder).path.exists()
    open_row(qtbot, window, NIGHT)  # the unsaved work is offered back (answered “yes”)
    assert not any(kind == "question" and "锁" in text for kind, text in messages)
    assert "注销前输入的文字。" in window.package_page.policy.text.toPlainText()


def test_closing_with_unsaved_changes_asks(qtbot, open_window, library, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 0)
    type_into(qtbot, window.package_page.policy.text, "未保存。")
    click_action(qtbot, window, "library")
    assert any(kind == "ask" and "尚未保存" in text for kind, text in messages)
    assert window.controller is None


def test_new_package_dialog_requires_a_title(qtbot, open_window, library, messages):
    window = open_window(DRAFTER)
    seen = []

    def try_empty(dialog):
        from tests.ui.helpers import press_ok

        press_ok(qtbot, dialog)
        seen.append(dialog.error.text())
        dialog.reject()

    when_dialog(qtbot, try_empty)
    click_action(qtbot, window, "new")
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["请填写标题。"] and window.controller is None
    time.sleep(0)
    assert Path(library).is_dir()


def test_import_a_word_file_into_the_open_package(qtbot, open_window, library, messages, monkeypatch, tmp_path):
    import docx

    from studio.ui import file_dialogs

    document = docx.Document()
    document.add_heading("《明湖市人民政府办公室关于促进夜间经济高质量发展的若干措施》政策解读", level=1)
    document.add_heading("一、出台背景和依据", level=2)
    document.add_paragraph("为激发夜间消费活力，制定《明湖市人民政府办公室关于促进夜间经济高质量发展的若干措施》。")
    path = tmp_path / "解读.docx"
    document.save(path)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(path))

    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    qtbot.waitUntil(lambda: "INTERPRETATION_MISSING" in {f.code for f in window.controller.findings})
    open_tab(qtbot, window, 1)
    window.actions["import"].trigger()  # read off the window's thread
    qtbot.waitUntil(lambda: "为激发夜间消费活力" in window.package_page.interpretation.text.toPlainText())
    qtbot.waitUntil(lambda: "INTERPRETATION_MISSING" not in {f.code for f in window.controller.findings})
    click_action(qtbot, window, "undo")
    assert window.controller.package.pieces.interpretation.body == ""


def test_a_date_typed_as_sites_show_it_is_normalised_on_entry(qtbot, open_window, library, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 5)
    field = window.package_page.metadata.fields["date_written"]
    type_into(qtbot, field, "2026年11月04日")
    leave_field(qtbot, field)
    assert window.controller.package.metadata.date_written == "2026年11月4日"
    qtbot.waitUntil(lambda: field.text() == "2026年11月4日")
    window.controller.recheck()
    assert "DATE_WRITTEN_FORMAT" not in {f.code for f in window.controller.findings}


def test_a_new_faq_row_left_as_it_was_added_blocks_release(qtbot, open_window, library, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 3)
    page = window.package_page
    qtbot.mouseClick(page.faq.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # the user leaves the new row as it is
    qtbot.waitUntil(lambda: len(window.controller.package.pieces.faq.items) == 1)
    window.controller.recheck()
    found = {f.code: f for f in window.controller.findings}
    # The row holds no made-up words: it is empty, and an empty question blocks release.
    assert window.controller.package.pieces.faq.items[0].question == ""
    incomplete = found["FAQ_ITEM_INCOMPLETE"]
    assert incomplete.severity.value == "blocking" and "第1条问答缺少问题" in incomplete.message
    assert any("第1条问答缺少问题" in item.text() for item in window.checklist.items())
