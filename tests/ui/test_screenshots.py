"""Pictures of the main states for people to look at (build/screenshots, or $STUDIO_SCREENSHOTS).

Each picture is also checked for what a person would notice first: that it is not blank
and that the window's Chinese text was drawn with a CJK font.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import REVIEWER2
from tests.ui.helpers import open_row, open_tab, when_dialog

OUT = Path(os.environ.get("STUDIO_SCREENSHOTS", Path(__file__).resolve().parents[2] / "build" / "screenshots"))
TABS = ("policy", "interpretation", "explainer", "faq", "consultation", "metadata")


def save(widget, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    image = widget.grab().toImage()
    assert image.width() > 200 and image.height() > 100
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 5, f"{name} looks blank"
    assert image.save(str(path))
    return path


def test_screenshots_of_the_main_states(qtbot, open_window, library, messages):
    window = open_window(REVIEWER2)
    window.resize(1500, 950)
    family = QFontInfo(QApplication.font()).family()
    assert any(word in family for word in ("CJK", "YaHei", "PingFang", "Hei", "Han")), family
    save(window, "01-library")
    open_row(qtbot, window, "老旧小区")
    for n, name in enumerate(TABS):
        open_tab(qtbot, window, n)
        if name == "explainer":
            window.package_page.explainer.render_preview()
            window.package_page.explainer.wait_for_preview()
            qtbot.waitUntil(lambda: window.package_page.explainer.image.pixmap() is not None
                            and not window.package_page.explainer.image.pixmap().isNull(), timeout=30000)
        save(window, f"{n + 2:02d}-tab-{name}")
    save(window.checklist, "08-checklist")
    save(window.history, "09-history")
    shots = []

    def picture_then_close(dialog) -> None:
        try:
            shots.append(save(dialog, "10-return-dialog"))
        finally:  # a failed check must not leave a modal dialog waiting forever
            dialog.reject()

    when_dialog(qtbot, picture_then_close)
    window.actions["return"].trigger()
    qtbot.waitUntil(lambda: bool(shots))
    assert len(list(OUT.glob("*.png"))) >= 10
