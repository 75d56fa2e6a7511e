"""In the window: a package put back to an older copy after this machine saw later events is named in
the audit line, and no step can be taken on it."""

from __future__ import annotations

from studio.domain.states import State
from tests.ui.conftest import REVIEWER2
from tests.ui.helpers import click_action, open_row, press_ok, type_into, when_dialog

WORDS = "老旧小区"


def test_a_return_cut_off_by_restoring_an_older_copy_is_shown_and_blocks_the_next_step(
        qtbot, open_window, library, messages):
    window = open_window(REVIEWER2)
    open_row(qtbot, window, WORDS)
    folder = window.controller.editor.folder
    older = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.endswith(".lock")}

    def comment(dialog):
        type_into(qtbot, dialog.text, "解读仍引用征求意见稿标题，请按正式文件修改。")
        press_ok(qtbot, dialog)

    when_dialog(qtbot, comment)
    click_action(qtbot, window, "return")
    qtbot.waitUntil(lambda: window.controller.package.state is State.RETURNED)
    window.close()
    for name, data in older.items():  # someone puts the copy from before the return back
        (folder / name).write_bytes(data)

    window = open_window(REVIEWER2, library)
    open_row(qtbot, window, WORDS)
    qtbot.waitUntil(lambda: "回滚" in window.history.status.text())
    assert window.controller.package.state is State.REVIEW1  # as the older copy says
    window.resize(1280, 720)  # the long verdict wraps: the window still fits a laptop screen
    qtbot.wait(300)  # the layout has taken the verdict's text into account
    assert window.width() <= 1280
    messages.clear()
    when_dialog(qtbot, lambda dialog: press_ok(qtbot, dialog))
    click_action(qtbot, window, "review")
    qtbot.waitUntil(lambda: any("回滚" in text for _, text in messages))
    assert window.controller.package.state is State.REVIEW1
