"""Pictures of every tab and dialog, at a laptop's 1280×720 and a desktop's 1920×1080, for people to look at
(build/screenshots, or $STUDIO_SCREENSHOTS).

Each picture is also checked for what a person would notice first: that it is not blank, that the
window's Chinese text was drawn with a CJK font, and that the window kept the size it was given.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tests.ui.conftest import REVIEWER2
from tests.ui.helpers import open_row, open_tab, when_dialog

OUT = Path(os.environ.get("STUDIO_SCREENSHOTS", Path(__file__).resolve().parents[2] / "build" / "screenshots"))
TABS = ("policy", "interpretation", "explainer", "faq", "consultation", "metadata")
SIZES = {"1280x720": (1280, 720), "1920x1080": (1920, 1080)}


def save(widget: QWidget, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    image = widget.grab().toImage()
    assert image.width() > 200 and image.height() > 100
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 5, f"{name} looks blank"
    assert image.save(str(path))
    return path


def picture_of_next_dialog(qtbot, name: str, shots: list[Path], prepare=None) -> None:
    def act(dialog: QDialog) -> None:
        try:
            if prepare is not None:
                prepare(dialog)
            qtbot.wait(30)
            shots.append(save(dialog, name))
        finally:  # a failed check must not leave a modal dialog waiting forever
            dialog.reject()

    when_dialog(qtbot, act)


@pytest.mark.parametrize("size", SIZES)
def test_screenshots_of_every_tab_and_dialog(qtbot, open_window, library, messages, size):
    width, height = SIZES[size]
    window = open_window(REVIEWER2)
    window.resize(width, height)
    family = QFontInfo(QApplication.font()).family()
    assert any(word in family for word in ("CJK", "YaHei", "PingFang", "Hei", "Han")), family
    save(window, f"{size}-01-library")
    open_row(qtbot, window, "老旧小区")
    for n, name in enumerate(TABS):
        open_tab(qtbot, window, n)
        if name == "explainer":
            window.package_page.explainer.render_preview()
            window.package_page.explainer.wait_for_preview()
            qtbot.waitUntil(lambda: window.package_page.explainer.image.pixmap() is not None
                            and not window.package_page.explainer.image.pixmap().isNull(), timeout=30000)
        qtbot.wait(30)
        assert (window.width(), window.height()) == (width, height), name
        save(window, f"{size}-{n + 2:02d}-tab-{name}")
        if name == "explainer":  # the section form below the list, scrolled into view
            explainer = window.package_page.explainer
            explainer.sections.setCurrentRow(0)
            explainer.form_scroll.ensureWidgetVisible(explainer.section_form.add_row)
            qtbot.wait(30)
            assert not explainer.form_scroll.horizontalScrollBar().isVisible()
            save(window, f"{size}-{n + 2:02d}b-explainer-section-form")
            explainer.form_scroll.verticalScrollBar().setValue(0)
    open_tab(qtbot, window, 1)
    window.package_page.interpretation.style_box.setCurrentIndex(1)
    qtbot.wait(30)
    save(window, f"{size}-08-gongwen-preview")
    save(window.checklist, f"{size}-09-checklist")
    save(window.history, f"{size}-10-history")

    shots: list[Path] = []
    picture_of_next_dialog(qtbot, f"{size}-11-return-dialog", shots)
    window.actions["return"].trigger()
    qtbot.waitUntil(lambda: len(shots) == 1)
    picture_of_next_dialog(qtbot, f"{size}-12-export-dialog", shots)
    window.actions["export"].trigger()
    qtbot.waitUntil(lambda: len(shots) == 2)
    picture_of_next_dialog(qtbot, f"{size}-13-import-file-dialog", shots)
    window.import_file()  # the dialog a drafter sees (for 复审 the import action is rightly grey)
    qtbot.waitUntil(lambda: len(shots) == 3)
    picture_of_next_dialog(qtbot, f"{size}-14-user-dialog", shots)
    window.actions["user"].trigger()
    qtbot.waitUntil(lambda: len(shots) == 4)
    window.actions["library"].trigger()
    picture_of_next_dialog(qtbot, f"{size}-15-new-package-dialog", shots)
    window.actions["new"].trigger()
    qtbot.waitUntil(lambda: len(shots) == 5)
    assert len(list(OUT.glob(f"{size}-*.png"))) >= 15


def save_over(window: QWidget, dialog: QDialog, name: str) -> Path:
    """The dialog as it opens over the window, on a screen the window's size."""
    from PySide6.QtGui import QPainter

    save(dialog, name)  # checks the dialog itself is drawn
    picture = window.grab()
    top = dialog.grab()
    assert top.width() <= picture.width() and top.height() <= picture.height(), "the dialog is larger than the screen"
    painter = QPainter(picture)
    painter.drawPixmap((picture.width() - top.width()) // 2, (picture.height() - top.height()) // 2, top)
    painter.end()
    path = OUT / f"{name}.png"
    assert picture.save(str(path))
    return path


def edit_at(qtbot, text, words: str, replaced: int, new: str) -> None:
    """Put the cursor on `words` with the arrow keys, select `replaced` characters there and type `new`."""
    from PySide6.QtCore import Qt

    from tests.ui.helpers import commit_text

    qtbot.keyClick(text, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(text.toPlainText().index(words)):
        qtbot.keyClick(text, Qt.Key.Key_Right)
    for _ in range(replaced):
        qtbot.keyClick(text, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    commit_text(text, new)


@pytest.mark.parametrize("size", SIZES)
def test_screenshots_of_the_changes_dialog_side_by_side_and_inline(qtbot, open_window, size):
    from PySide6.QtCore import Qt

    from tests.ui.conftest import DRAFTER

    width, height = SIZES[size]
    window = open_window(DRAFTER)
    window.resize(width, height)
    open_row(qtbot, window, "老旧小区")
    open_tab(qtbot, window, 1)
    text = window.package_page.interpretation.text
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton)
    edit_at(qtbot, text, "读如下", 1, "释")  # a character inside a word: 解读 → 解释
    edit_at(qtbot, text, "120个", 3, "150")  # a figure
    edit_at(qtbot, text, "重大民生工程", 2, "重要")  # a word
    shots: list[Path] = []

    def both_views(dialog: QDialog) -> None:
        try:
            qtbot.wait(30)
            shots.append(save_over(window, dialog, f"{size}-16-changes-side-by-side"))
            dialog.view.setCurrentIndex(1)  # 行内标记
            qtbot.wait(30)
            shots.append(save_over(window, dialog, f"{size}-17-changes-inline"))
        finally:
            dialog.reject()

    when_dialog(qtbot, both_views)
    qtbot.keyClick(text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(shots) == 2)


@pytest.mark.parametrize("size", SIZES)
def test_screenshots_of_the_changes_dialog_bases(qtbot, open_window, library, size):
    """A reviewer on an amended release (every basis offered, since the release chosen), and 复审 on a
    package with no release and no review of their own (the missing bases named)."""
    from PySide6.QtCore import Qt

    from studio.domain import edits
    from studio.service import members, operations
    from studio.service.demo_roster import DEMO_PASSPHRASE
    from tests.ui.conftest import DRAFTER, REVIEWER1
    from tests.ui.helpers import package_with

    folder = package_with(library, "高校毕业生就业创业若干措施")
    drafter = members.sign_in(library, DRAFTER[0], DEMO_PASSPHRASE)
    operations.transition(folder, drafter, "amend")
    operations.edit(folder, drafter, lambda p: edits.set_text_piece(
        p, "interpretation", p.pieces.interpretation.body.replace("高校毕业生", "高校应届毕业生", 1)))
    width, height = SIZES[size]
    shots: list[Path] = []
    for who, words, name, pick in ((REVIEWER1, "高校毕业生", "18-changes-since-release", Qt.Key.Key_End),
                                   (REVIEWER2, "老旧小区", "19-changes-bases-missing", None)):
        window = open_window(who)
        window.resize(width, height)
        open_row(qtbot, window, words)

        def shoot(dialog: QDialog, window=window, name=name, pick=pick) -> None:
            try:
                if pick is not None:
                    dialog.baseline.setFocus()
                    qtbot.keyClick(dialog.baseline, pick)
                qtbot.wait(30)
                shots.append(save_over(window, dialog, f"{size}-{name}"))
            finally:
                dialog.reject()

        taken = len(shots)
        when_dialog(qtbot, shoot)
        open_tab(qtbot, window, 1)
        text = window.package_page.interpretation.text
        qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton)
        qtbot.keyClick(text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda n=taken: len(shots) > n)
        window.close()
    assert len(shots) == 2
