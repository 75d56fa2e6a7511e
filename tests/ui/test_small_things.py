"""The small things a careful user notices: counts, empty panes, Chinese dialogs, readable times, honest buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QMessageBox

from studio.domain.moments import readable_moment
from studio.domain.pieces import FaqItem
from tests.ui.conftest import DRAFTER
from tests.ui.helpers import commit_text, open_row, open_tab, when_dialog

NIGHT = "夜间经济"
GRADUATES = "高校毕业生"
ASK = QMessageBox.question  # Qt's own, before a fixture answers questions for the tests


def test_the_status_line_counts_the_rows_that_show_complete(qtbot, open_window):
    window = open_window(DRAFTER)
    page = window.library_page
    qtbot.waitUntil(lambda: all(page.model.summary(r).checked for r in range(page.model.rowCount())),
                    timeout=20000)
    shown = sum(1 for r in range(page.model.rowCount())
                if page.model.index(r, 3).data() == "齐全")
    assert shown > 0
    assert f"材料和关联齐全 {shown} 个" in page.count.text()


def test_search_and_filters_narrow_the_library_list(qtbot, open_window):
    window = open_window(DRAFTER)
    page = window.library_page
    qtbot.waitUntil(lambda: all(page.model.summary(r).checked for r in range(page.model.rowCount())),
                    timeout=20000)
    total = page.proxy.rowCount()
    assert total > 1
    page.search.setFocus()
    commit_text(page.search, "老旧小区")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    assert "老旧小区" in page.proxy.index(0, 0).data()
    # The status line speaks of the row shown, not of the whole library.
    shown_complete = int(page.proxy.index(0, 3).data() == "齐全")
    assert f"显示 1 个；显示的 1 个中材料和关联齐全 {shown_complete} 个" in page.count.text()
    page.search.clear()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == total)
    complete = sum(1 for r in range(page.model.rowCount()) if page.model.index(r, 3).data() == "齐全")
    page.completeness.setFocus()
    qtbot.keyClick(page.completeness, Qt.Key.Key_Down)  # 全部 → 材料和关联齐全
    qtbot.waitUntil(lambda: page.proxy.rowCount() == complete)
    assert all(page.proxy.index(r, 3).data() == "齐全" for r in range(page.proxy.rowCount()))


def test_an_empty_findings_pane_says_so(qtbot, open_window):
    window = open_window(DRAFTER)
    assert not window.library_page.table.currentIndex().isValid()
    assert "选择一个文件包" in window.checklist.summary.text()
    open_row(qtbot, window, NIGHT)
    window.controller.findings_changed.emit([])
    assert "未发现问题" in window.checklist.summary.text()
    assert window.checklist.summary.isVisible()


def test_file_dialogs_speak_chinese(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    seen: list[str] = []

    def look(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    when_dialog(qtbot, look)
    window.actions["import"].trigger()
    qtbot.waitUntil(lambda: bool(seen))
    words = " ".join(seen)
    assert "查找范围" in words and "文件类型" in words
    assert "Look in" not in words and "Files of type" not in words


def test_times_are_local_and_readable():
    text = readable_moment("2026-11-26T11:30:07+00:00")
    assert "T" not in text and "+00:00" not in text and "2026年11月26日" in text


def test_the_history_dock_shows_readable_times(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    tree = window.history.tree
    assert tree.topLevelItemCount() > 0
    assert all("T" not in tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount()))
    assert "年" in tree.topLevelItem(0).text(1)


def test_the_export_dialog_shows_its_whole_result_and_says_close(qtbot, open_window, tmp_path):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)  # a draft: the window user is told how to preview it, in window words
    seen = {}

    def export(dialog):
        dialog.one.setChecked(True)
        dialog.out.setText(str(tmp_path / "site"))
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.worker is not None and not dialog.worker.isRunning(), timeout=60000)
        qtbot.wait(50)
        seen["status"] = dialog.status.text()
        seen["clipped"] = dialog.status.height() < dialog.status.heightForWidth(dialog.status.width())
        seen["visible"] = dialog.status.visibleRegion().boundingRect().height() >= dialog.status.height() - 1
        dialog.all.setChecked(True)
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
        seen["button"] = dialog.cancel.text()
        seen["clipped_after"] = dialog.status.height() < dialog.status.heightForWidth(dialog.status.width())
        dialog.accept()

    when_dialog(qtbot, export)
    window.actions["export"].trigger()
    qtbot.waitUntil(lambda: "button" in seen, timeout=90000)
    assert "尚未发布" in seen["status"] and "--preview" not in seen["status"] and "预览稿" in seen["status"]
    assert not seen["clipped"] and seen["visible"]
    assert seen["button"] == "关闭" and not seen["clipped_after"]


def test_adding_a_question_inserts_no_made_up_words(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 3)
    faq = window.package_page.faq
    before = list(window.controller.package.pieces.faq.items)
    qtbot.mouseClick(faq.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and faq.table.isAncestorOf(QApplication.focusWidget()))
    editor = QApplication.focusWidget()
    assert editor.text() == "" and editor.placeholderText()
    assert list(window.controller.package.pieces.faq.items) == before + [FaqItem("", "")]  # empty, no made-up words
    assert faq.model.index(len(before), 0).data(Qt.ItemDataRole.EditRole) == ""
    commit_text(editor, "夜间消费券怎么领？")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller.package.pieces.faq.items[-1].question != "")
    added = window.controller.package.pieces.faq.items[-1]
    assert added.question == "夜间消费券怎么领？" and added.answer == ""
    assert "新问题" not in str(window.controller.package.pieces.faq.items)


def test_the_first_run_dialog_leaves_the_name_empty_and_says_what_it_is_for(qtbot, monkeypatch):
    from studio.store.user_settings import UserSettings
    from studio.ui import app

    app.create_application()
    seen = {}

    def look(dialog) -> None:
        seen["name"] = dialog.name.text()
        seen["words"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    when_dialog(qtbot, look)
    user = UserSettings.load()
    user.name = ""
    assert not app.ensure_user(user)
    assert seen["name"] == ""
    assert "审计记录" in seen["words"] and "真实姓名" in seen["words"]


def test_a_yes_no_question_names_its_buttons_in_chinese(qtbot, open_window, monkeypatch):
    """The 修订 question showed two blank buttons: the studio's own word list answered every other Qt text with nothing."""
    window = open_window(DRAFTER)
    monkeypatch.setattr(QMessageBox, "question", ASK)
    open_row(qtbot, window, GRADUATES)
    seen: list[str] = []

    def look(dialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.extend(button.text() for button in dialog.buttons())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # answered 否: nothing changes

    when_dialog(qtbot, look)
    qtbot.keyClick(window.package_page.tabs.currentWidget(), Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert sorted(text.replace("&", "") for text in seen) == sorted(["是(Y)", "否(N)"]), seen
    assert window.controller.package.state.name == "RELEASED"
