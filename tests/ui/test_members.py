"""Members in the window: signing in, switching member with a package open, 待我处理, the roster."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTableWidget

from studio.domain.states import State
from studio.service.locks import lock_status
from tests.ui.conftest import DRAFTER, REVIEWER2
from tests.ui.helpers import open_row, press_ok, when_dialog

OLD_ESTATES = "老旧小区"


def _sign_in_as(qtbot, window, name: str, passphrase: str = "demo") -> None:
    def answer(dialog):
        index = dialog.name.findData(name)
        dialog.name.setCurrentIndex(index)
        qtbot.keyClicks(dialog.passphrase, passphrase)
        press_ok(qtbot, dialog)
    when_dialog(qtbot, answer)
    window.actions["user"].trigger()


def test_switching_member_keeps_the_package_open_and_acts_as_the_new_member(qtbot, open_window):
    window = open_window(DRAFTER)
    assert "周敏" in window.user_label.text()
    open_row(qtbot, window, OLD_ESTATES)
    controller = window.controller
    _sign_in_as(qtbot, window, REVIEWER2[0])
    qtbot.waitUntil(lambda: window.member is not None and window.member.name == REVIEWER2[0])
    assert window.controller is controller and "陈立新" in window.user_label.text()
    # Under review the package is open here without an edit lock: no one else is kept from it.
    assert lock_status(controller.editor.folder) is None
    assert window.actions["review"].isEnabled()  # 复审 waits on 陈立新: 初审 was done by 林晓

    when_dialog(qtbot, lambda dialog: press_ok(qtbot, dialog))
    window.run_transition("review")
    assert window.controller.package.state is State.REVIEW2
    events = window.controller.editor.events
    assert events[-1]["user"] == "陈立新" and events[-1]["level"] == 2
    assert window.history.tree.topLevelItem(window.history.tree.topLevelItemCount() - 1).text(3) == "复审通过"


def test_a_wrong_passphrase_is_told_in_chinese_and_nothing_changes(qtbot, open_window):
    window = open_window(DRAFTER)
    seen = []

    def answer(dialog):
        dialog.name.setCurrentIndex(dialog.name.findData("林晓"))
        qtbot.keyClicks(dialog.passphrase, "wrong")
        press_ok(qtbot, dialog)
        seen.append(dialog.error.text())
        dialog.reject()
    when_dialog(qtbot, answer)
    window.actions["user"].trigger()
    assert "口令不正确" in seen[0] and window.member.name == "周敏"


def test_waiting_for_me_lists_what_my_roles_may_do(qtbot, open_window):
    window = open_window(REVIEWER2)
    texts = [window.work.list.item(i).text() for i in range(window.work.list.count())]
    assert any("待复审" in t and OLD_ESTATES in t for t in texts)
    drafter = open_window(DRAFTER)
    assert all(OLD_ESTATES not in drafter.work.list.item(i).text() for i in range(drafter.work.list.count()))


def test_the_admin_sees_the_roster_dialog(qtbot, open_window, messages):
    window = open_window(("示例管理员", "市政务公开办"))
    rows = []

    def answer(dialog):
        table = dialog.findChild(QTableWidget)
        rows.extend(table.item(r, 0).text() for r in range(table.rowCount()))
        dialog.accept()
    when_dialog(qtbot, answer)
    window.actions["roster"].trigger()
    assert {"示例管理员", "周敏", "林晓", "陈立新", "王建国", "刘洋"} <= set(rows)
    QApplication.processEvents()


def test_a_member_who_is_not_admin_only_reads_the_roster(qtbot, open_window, messages):
    window = open_window(DRAFTER)
    window.actions["roster"].trigger()
    assert any("只有管理员" in text for _, text in messages)
    assert window.member.name == "周敏"


def test_removing_a_member_past_an_unreadable_package_asks_first_and_records_it(qtbot, open_window, messages,
                                                                                monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from studio.store import package_heads
    from studio.store.library_chain import read_chain

    monkeypatch.setattr(package_heads.time, "sleep", lambda _: None)
    window = open_window(("示例管理员", "市政务公开办"))
    root = window.library_root
    broken = sorted(p for p in root.iterdir() if (p / "package.json").is_file())[0]
    (broken / "package.json").write_text("{半截", "utf-8")
    before = len(read_chain(root).events)

    def answer(dialog):
        table = dialog.findChild(QTableWidget)
        row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "刘洋")
        rect = table.visualItemRect(table.item(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        remove = next(b for b in dialog.findChildren(QPushButton) if b.text() == "移除成员")
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
        dialog.accept()
    when_dialog(qtbot, answer)
    window.actions["roster"].trigger()
    asked = [text for kind, text in messages if kind == "question" and broken.name in text]
    assert asked and "无法读取" in asked[0]
    chain = read_chain(root)
    assert len(chain.events) == before + 1 and chain.events[-1]["unread"] == [broken.name]
    assert chain.roster().get("刘洋") is None
