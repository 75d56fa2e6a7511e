"""A window that fits a laptop: usable at 1280×720, never growing, restored on screen, docks as big as wanted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.conftest import DRAFTER, set_user
from tests.ui.helpers import open_row, open_tab

NIGHT = "夜间经济"


def test_every_tab_fits_1280_by_720_without_growing_the_window(qtbot, open_window):
    window = open_window(DRAFTER)
    window.resize(1280, 720)
    open_row(qtbot, window, "老旧小区")
    for n in range(window.package_page.tabs.count()):
        open_tab(qtbot, window, n)
        qtbot.wait(20)
        assert (window.width(), window.height()) == (1280, 720), window.package_page.tabs.tabText(n)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 720, (window.package_page.tabs.tabText(n), hint)


def test_the_explainer_section_form_is_not_crushed_at_720(qtbot, open_window):
    window = open_window(DRAFTER)
    window.resize(1280, 720)
    open_row(qtbot, window, "老旧小区")
    open_tab(qtbot, window, 2)
    explainer = window.package_page.explainer
    explainer.sections.setCurrentRow(0)
    qtbot.wait(20)
    form = explainer.section_form
    assert form.height() >= form.minimumSizeHint().height()  # it scrolls rather than squeezes
    boxes = [w.geometry() for w in form.visible_inputs()]
    assert boxes and all(box.height() >= 20 for box in boxes)
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_the_history_dock_is_as_tall_as_the_user_makes_it(qtbot, open_window):
    window = open_window(DRAFTER)
    window.resize(1280, 720)
    open_row(qtbot, window, NIGHT)
    window.resizeDocks([window.history], [260], Qt.Orientation.Vertical)
    qtbot.wait(20)
    assert window.history.height() >= 250 and window.history.tree.height() >= 180  # eight rows and more
    window.controller.history_changed.emit()  # new rows do not shrink it back
    qtbot.wait(20)
    assert window.history.height() >= 250
    window.resize(1920, 1080)
    window.resizeDocks([window.history], [600], Qt.Orientation.Vertical)
    qtbot.wait(20)
    assert window.history.height() >= 580 and window.history.tree.height() >= 500
    window.history.toggleViewAction().trigger()  # and can be hidden
    assert not window.history.isVisible()


def test_the_window_is_restored_on_screen(qtbot, open_window, library):
    window = open_window(DRAFTER)
    window.resize(900, 600)
    window.move(6000, 4000)  # left on a monitor that is gone
    window.close()
    from studio.ui.main_window import MainWindow

    again = MainWindow(library, set_user(*DRAFTER))
    qtbot.addWidget(again)
    again.show()
    screen = QApplication.primaryScreen().availableGeometry()
    inner = again.geometry()
    assert screen.contains(inner.topLeft()) and inner.bottom() <= screen.bottom()
    assert inner.width() <= max(screen.width(), again.minimumSizeHint().width())
    again.close()


def test_the_waiting_list_reads_titles_in_lines_not_in_columns_at_1280(qtbot, open_window):
    """At 1280×720 the 待我处理 dock is wide enough for a title to read a line at a time."""
    window = open_window(DRAFTER)
    window.resize(1280, 720)
    open_row(qtbot, window, NIGHT)
    qtbot.wait(20)
    if not window.work.isVisible():
        window.work.toggleViewAction().trigger()
        qtbot.wait(20)
    assert window.work.width() >= 180
    editor = window.package_page.tabs.currentWidget()
    assert editor.width() >= 600  # the editors keep the room they need


def test_a_window_fitted_to_a_laptop_keeps_its_title_bar_and_status_bar_on_screen():
    """At 1280×720 under a window manager the window was sized to the screen before it had a frame;
    the title bar then pushed the status bar 25 px below the screen's edge."""
    from PySide6.QtCore import QRect, QSize

    from studio.ui.window_settings import fitted

    area = QRect(0, 0, 1280, 720)
    framed = QRect(0, 0, 1282, 745)  # 1 px sides, a 20 px title bar and a 5 px handle around 1280×720
    size, position = fitted(framed, QSize(1280, 720), area)
    assert size == QSize(1278, 695)
    assert QRect(position, size + (framed.size() - QSize(1280, 720))) == area
    # Not framed yet (before the first show): only the screen bounds it, and it is fitted again once framed.
    assert fitted(QRect(6000, 4000, 900, 600), QSize(900, 600), area) == (QSize(900, 600), QRect(380, 120, 0, 0).topLeft())


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_explainer_section_form_shows_every_button_whole_with_no_sideways_scrollbar(qtbot, open_window, size):
    """At 1280×720 the form was a narrow column with a sideways scrollbar and 下移 half hidden."""
    window = open_window(DRAFTER)
    window.resize(*size)
    open_row(qtbot, window, "老旧小区")
    open_tab(qtbot, window, 2)
    explainer = window.package_page.explainer
    scroll = explainer.form_scroll
    kinds = set()
    for row in range(explainer.sections.count()):
        explainer.sections.setCurrentRow(row)
        qtbot.wait(20)
        kinds.add(explainer.section_form.kind)
        assert not scroll.horizontalScrollBar().isVisible(), explainer.sections.item(row).text()
        assert scroll.widget().width() <= scroll.viewport().width()
        view = scroll.viewport().rect()
        buttons = [b for b in scroll.widget().findChildren(QPushButton) if b.isVisible()]
        assert {"上移", "下移", "删除", "添加"} <= {b.text() for b in buttons}
        for button in buttons:
            scroll.ensureWidgetVisible(button)  # the column scrolls up and down, never sideways
            qtbot.wait(5)
            box = QRect(button.mapTo(scroll.viewport(), QPoint(0, 0)), button.size())
            assert view.contains(box), (button.text(), box, view)
            assert button.width() >= button.sizeHint().width()  # its words are not cut
        wide_enough = explainer.section_form.heading.fontMetrics().horizontalAdvance("一" * 16)
        assert explainer.section_form.heading.width() >= wide_enough  # a typical heading reads whole
        assert explainer.title.width() >= wide_enough
    assert {"figures", "chart", "points", "contact"} <= kinds  # a table, a chart, lines and a pair of fields
