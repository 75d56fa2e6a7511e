"""文件库设置 in the window: profile, a rule's severity, a parameter, the calendar and the site,
changed with the keyboard and the mouse, saved through the settings service and recorded."""

from __future__ import annotations

import json

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QDialogButtonBox, QTabWidget

from tests.ui.conftest import PUBLISHER
from tests.ui.helpers import open_row, type_into, when_dialog
from tests.ui.test_screenshots import save


def open_tab_named(qtbot, tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def choose(qtbot, combo, text: str) -> None:
    """Pick an entry with the keyboard, as a user tabbing through the form does."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != text:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text} is not offered"


def clear(qtbot, line_edit) -> None:
    qtbot.mouseClick(line_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(line_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    assert line_edit.text() == ""


def set_spin(qtbot, spin, value: int) -> None:
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Tab)


def pick_date(qtbot, edit, day: QDate) -> None:
    """Type the date section by section (year, month, day), each section selected as a click on it does."""
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    for section, part in ((QDateTimeEdit.Section.YearSection, f"{day.year()}"),
                          (QDateTimeEdit.Section.MonthSection, f"{day.month():02d}"),
                          (QDateTimeEdit.Section.DaySection, f"{day.day():02d}")):
        edit.setSelectedSection(section)
        qtbot.keyClicks(edit, part)
    assert edit.date() == day


def guarded(seen: dict, act):
    """Run `act` on the dialog; a failure closes the dialog so the test reports it instead of hanging."""
    def run(dialog):
        try:
            act(dialog)
        except BaseException as e:  # re-raised by the test after the dialog closed
            seen["error"] = e
            dialog.reject()
    return run


def test_settings_window_changes_profile_rules_calendar_and_site(qtbot, open_window, library, messages):
    window = open_window(PUBLISHER)
    seen: dict = {}

    def edit(dialog):
        dialog.resize(1280, 720)
        tabs = dialog.tabs
        assert dialog.profile.currentText() == "贵州"  # the demo library follows 贵州
        choose(qtbot, dialog.profile, "成都")
        type_into(qtbot, dialog.own_name, "明湖市规则")
        type_into(qtbot, dialog.source, "明湖市政府信息公开工作规定第十条")
        save(dialog, "20-settings-profile")

        open_tab_named(qtbot, tabs, "规则处理方式")
        combo = dialog.rules.combos["FAQ_MISSING"]
        dialog.rules.table.scrollToItem(dialog.rules.table.item(dialog.rules.rules.index(
            next(r for r in dialog.rules.rules if r.code == "FAQ_MISSING")), 0))
        choose(qtbot, combo, "警告")
        save(dialog, "21-settings-rules")

        open_tab_named(qtbot, tabs, "规则参数")
        set_spin(qtbot, dialog.parameters.widgets["release_limit_workdays"], 5)
        assert "本次调整的依据" in dialog.parameters.sources["release_limit_workdays"].text()
        save(dialog, "22-settings-parameters")

        open_tab_named(qtbot, tabs, "节假日")
        holidays = dialog.calendar.holidays
        pick_date(qtbot, holidays.picker, QDate(2027, 1, 1))
        qtbot.mouseClick(holidays.add, Qt.MouseButton.LeftButton)
        assert "2027-01-01" in holidays.dates()
        save(dialog, "23-settings-calendar")

        open_tab_named(qtbot, tabs, "网站")
        assert dialog.site_url.text() == "https://www.minghu.gov.cn/zcwjk"  # the demo library's site
        clear(qtbot, dialog.site_url)
        type_into(qtbot, dialog.site_url, "minghu.gov.cn")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen["refused"] = dialog.error.text()  # not an address: the dialog says so and stays open
        clear(qtbot, dialog.site_url)
        type_into(qtbot, dialog.site_url, "https://www.minghu.gov.cn/zcwj")
        save(dialog, "24-settings-site")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen["saved"] = dialog.saved

    when_dialog(qtbot, guarded(seen, edit))
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "saved" in seen or "error" in seen, timeout=20000)
    if "error" in seen:
        raise seen["error"]
    assert "https://" in seen["refused"]

    saved = json.loads((library / "library.json").read_text("utf-8"))
    assert saved["profile"] == "成都" and saved["own_profile"]["name"] == "明湖市规则"
    own = saved["own_profile"]
    assert own["rules"]["FAQ_MISSING"] == {"severity": "警告", "source": "明湖市政府信息公开工作规定第十条"}
    assert own["parameters"]["release_limit_workdays"]["value"] == 5
    assert "2027-01-01" in saved["holidays"] and saved["site"]["base_url"] == "https://www.minghu.gov.cn/zcwj"
    event = saved["history"][-1]
    assert event["user"] == PUBLISHER[0] and event["changes"] == seen["saved"]
    assert "规则方案：《贵州》→《明湖市规则》" in event["changes"]

    # The library is checked again under the new rules, which every finding names.
    qtbot.waitUntil(lambda: window.scanner.isFinished() and window.library_page.model.rowCount() > 0)
    open_row(qtbot, window, "老旧小区")
    findings = {f.code: f for f in window.controller.findings}
    assert findings["RELEASE_OVERDUE"].basis.startswith("按《明湖市规则》规则：明湖市政府信息公开工作规定")
    assert all(f.basis.startswith("按《明湖市规则》") for f in findings.values())
    window.resize(1280, 720)
    save(window, "26-checklist-under-library-profile")


def test_settings_history_lists_the_demo_library_choice(qtbot, open_window, messages):
    window = open_window(PUBLISHER)
    seen = {}

    def look(dialog):
        dialog.resize(1280, 720)
        open_tab_named(qtbot, dialog.tabs, "修改记录")
        seen["history"] = dialog.history.item(0).text()
        save(dialog, "25-settings-history")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    when_dialog(qtbot, guarded(seen, look))
    window.actions["settings"].trigger()
    qtbot.waitUntil(lambda: "history" in seen or "error" in seen)
    if "error" in seen:
        raise seen["error"]
    assert "刘洋" in seen["history"] and "规则方案：《国家》→《贵州》" in seen["history"]
    assert QApplication.activeModalWidget() is None
