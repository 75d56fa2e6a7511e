"""Undo, redo and save by keyboard in every editor and field; fields commit as the user types; wheels need focus."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import DRAFTER
from tests.ui.helpers import child_types_then_waits, crash_after_typing, open_row, open_tab, package_with, type_into

NIGHT = "夜间经济"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_ctrl_z_in_the_interpretation_editor_restores_the_text(qtbot, open_window, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    page, controller = window.package_page, window.controller
    open_tab(qtbot, window, 1)
    editor = page.interpretation.text
    before = editor.toPlainText()
    type_into(qtbot, editor, "第一段补充。")
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == before
    assert controller.package.pieces.interpretation.body == before
    assert editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL_SHIFT)
    assert editor.toPlainText().endswith("第一段补充。")
    assert controller.package.pieces.interpretation.body.endswith("第一段补充。")
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    assert not controller.editor.dirty
    assert "第一段补充。" in (controller.editor.folder / "package.json").read_text("utf-8")


def test_ctrl_z_in_a_metadata_field_undoes_on_the_package_history(qtbot, open_window, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    controller = window.controller
    open_tab(qtbot, window, 1)
    type_into(qtbot, window.package_page.interpretation.text, "解读补充。")
    open_tab(qtbot, window, 5)
    field = window.package_page.metadata.fields["interpreter_person"]
    before = field.text()
    type_into(qtbot, field, "张三")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)  # the field's words go first, then the editor's
    assert field.text() == before and controller.package.metadata.interpreter_person == before
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert not controller.package.pieces.interpretation.body.endswith("解读补充。")
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL_SHIFT)
    assert field.text() == before + "张三"


def test_ctrl_s_saves_a_multi_line_field_while_the_cursor_is_in_it(qtbot, open_window, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 5)
    field = window.package_page.metadata.fields["no_consultation_reason"]
    type_into(qtbot, field, "涉及紧急事项。")
    assert window.actions["save"].isEnabled()  # offered at once, before the field commits
    qtbot.waitUntil(lambda: window.controller.package.metadata.no_consultation_reason == "涉及紧急事项。")
    type_into(qtbot, field, "另附说明。")
    qtbot.keyClick(field, Qt.Key.Key_S, CTRL)
    assert field.hasFocus()
    data = (window.controller.editor.folder / "package.json").read_text("utf-8")
    assert "涉及紧急事项。另附说明。" in data


def _wheel(widget, down: bool = True) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120 if down else 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_a_wheel_over_an_unfocused_combo_changes_nothing(qtbot, open_window, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 5)
    form = window.package_page.metadata
    meta = window.controller.package.metadata
    for key in ("disclosure", "validity"):
        combo = form.fields[key]
        assert not combo.hasFocus()
        for down in (True, False, True):
            _wheel(combo, down)
        assert combo.currentText() == getattr(meta, key)
    assert window.controller.package.metadata == meta
    assert not window.controller.undo.canUndo()
    bar = form.verticalScrollBar()
    combo = form.fields["validity"]
    form.ensureWidgetVisible(combo)
    at = bar.value()
    _wheel(combo, down=True)  # the form scrolls instead
    assert bar.maximum() == 0 or bar.value() != at


def test_explainer_combos_ignore_a_passing_wheel(qtbot, open_window, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 2)
    explainer = window.package_page.explainer
    before = window.controller.package.pieces.explainer
    for combo in (explainer.theme, explainer.width_box):
        _wheel(combo)
    assert window.controller.package.pieces.explainer == before


TYPE_IN_FIELD_AND_WAIT = child_types_then_waits(
    'widget = window.package_page.metadata.fields["no_consultation_reason"]\nwindow.package_page.tabs.setCurrentIndex(5)\n',
    "崩溃前填写的理由。", kept_when='path.exists() and "崩溃前填写的理由" in path.read_text("utf-8")')


def test_a_crash_after_typing_in_a_multi_line_field_offers_the_text_back(qtbot, open_window, library, messages):
    window = open_window(DRAFTER)
    folder = package_with(library, NIGHT)
    crash_after_typing(TYPE_IN_FIELD_AND_WAIT, library, folder)
    open_row(qtbot, window, NIGHT)
    assert any(kind == "question" and "未保存的修改" in text for kind, text in messages)
    assert window.package_page.metadata.fields["no_consultation_reason"].toPlainText() == "崩溃前填写的理由。"
    window.actions["save"].trigger()
    data = json.loads((folder / "package.json").read_text("utf-8"))
    assert data["package"]["1"]["metadata"]["no_consultation_reason"] == "崩溃前填写的理由。"


def _cursor_in_view(editor) -> bool:
    return editor.viewport().rect().contains(editor.cursorRect())


def test_undo_and_redo_bring_the_changed_place_into_view(qtbot, open_window, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, "老旧小区")  # a long interpretation: its end is far below the first screen
    open_tab(qtbot, window, 1)
    editor = window.package_page.interpretation.text
    before = editor.toPlainText()
    type_into(qtbot, editor, "文末补充的一句。")
    qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)  # back to the top: the end is out of view
    assert editor.verticalScrollBar().value() == 0 and editor.verticalScrollBar().maximum() > 0
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == before
    assert editor.textCursor().position() == len(before)  # where the words were taken away
    assert _cursor_in_view(editor) and editor.verticalScrollBar().value() > 0
    qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL_SHIFT)
    assert editor.toPlainText().endswith("文末补充的一句。")
    assert editor.textCursor().position() == len(editor.toPlainText())  # just after the restored words
    assert _cursor_in_view(editor) and editor.hasFocus()


def test_undo_in_another_tab_switches_to_the_piece_that_changed(qtbot, open_window, messages):
    window = open_window(DRAFTER)
    open_row(qtbot, window, "老旧小区")
    page = window.package_page
    open_tab(qtbot, window, 1)
    type_into(qtbot, page.interpretation.text, "文末补充的一句。")
    open_tab(qtbot, window, 0)
    policy = page.policy.text
    qtbot.mouseClick(policy.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(policy, Qt.Key.Key_Z, CTRL)
    editor = page.interpretation.text
    assert page.tabs.currentWidget() is page.interpretation and editor.hasFocus()
    assert not editor.toPlainText().endswith("文末补充的一句。") and _cursor_in_view(editor)
