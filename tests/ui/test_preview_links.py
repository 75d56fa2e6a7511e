"""A web address typed in a text is a link in the preview; clicking it opens the browser, the preview stays."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from tests.ui.conftest import DRAFTER
from tests.ui.helpers import open_row, open_tab, type_into

NIGHT = "夜间经济"
ADDRESS = "https://www.gov.cn/zhengce/content/202611/content_7001.htm"


def test_a_typed_address_is_a_link_in_the_preview_and_opens_in_the_browser(qtbot, open_window, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    window = open_window(DRAFTER)
    open_row(qtbot, window, NIGHT)
    open_tab(qtbot, window, 1)
    editor = window.package_page.interpretation
    type_into(qtbot, editor.text, f"\n原文见{ADDRESS}。本地草稿 file:///C:/草稿/解读.docx 不公开。")
    preview = editor.preview
    qtbot.waitUntil(lambda: f'href="{ADDRESS}"' in preview.toHtml())
    assert f"原文见{ADDRESS}。" in preview.toPlainText()  # the words read as typed
    assert 'href="file:' not in preview.toHtml()

    found = preview.document().find(ADDRESS)
    assert not found.isNull()
    shown = preview.toPlainText()
    preview.verticalScrollBar().setValue(preview.verticalScrollBar().maximum())
    qtbot.wait(20)
    spot = preview.cursorRect(found).center()
    spot.setX(spot.x() - 20)  # inside the link's words
    qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.waitUntil(lambda: opened == [QUrl(ADDRESS).toString()])
    assert preview.toPlainText() == shown  # the preview did not try to load the page itself
