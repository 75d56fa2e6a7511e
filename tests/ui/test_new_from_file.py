"""A new package from a file in the window: the button and a file dropped on the library,
read off the window's thread, opening on the metadata page where detected values wait
beside their fields to be adopted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from studio.ui import file_dialogs
from studio.ui.package_page import TABS
from tests.ui.conftest import DRAFTER
from tests.ui.helpers import click_action


def policy_file(folder: Path) -> Path:
    """A 公文 whose 版头 and 落款 name the organ differently: the organ is offered, not filled."""
    path = folder / "路卫发〔2011〕76号.txt"
    path.write_text("路桥区卫生局文件\n路卫发〔2011〕76号\n关于同意张某同志辞职的批复\n区中医院：\n"
                    "经研究，同意张某同志辞职。\n路桥区卫生局办公室\n2011年3月10日\n"
                    "抄送：区人力社保局。\n路桥区卫生局办公室　　2011年3月10日印发\n", "utf-8")
    return path


def _wait_opened(qtbot, window, title: str) -> None:
    qtbot.waitUntil(lambda: window.controller is not None and window.controller.package.metadata.title == title,
                    timeout=20000)


def test_new_from_a_file_opens_on_the_metadata_page_with_values_to_adopt(qtbot, open_window, tmp_path, monkeypatch,
                                                                         messages):
    window = open_window(DRAFTER)
    source = policy_file(tmp_path)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(source))
    click_action(qtbot, window, "new_from_file")
    _wait_opened(qtbot, window, "关于同意张某同志辞职的批复")
    page = window.package_page
    meta = window.controller.package.metadata
    assert meta.doc_number == "路卫发〔2011〕76号" and meta.copied_to == "区人力社保局"
    assert meta.organ == ""  # 版头 and 落款 differ: offered, not filled
    assert TABS[page.tabs.currentIndex()] == "metadata"
    assert page.detected.isVisible() and source.name in page.detected.summary.text()
    offer = page.detected.offers["organ"]
    assert offer.isVisible() and "请核对" in offer.text.text() and "路桥区卫生局" in offer.text.text()
    assert not page.detected.adopt_all.isEnabled()  # the only empty value needs checking: one by one
    qtbot.mouseClick(offer.button, Qt.MouseButton.LeftButton)
    assert window.controller.package.metadata.organ == "路桥区卫生局"
    assert not offer.isVisible()
    assert page.metadata.value("organ") == "路桥区卫生局"
    # The new package's history names the file, as `studio new --from` does.
    events = window.controller.editor.events
    assert any(e.get("action") == "import" and e.get("comment") == source.name for e in events), events


def test_a_file_dropped_on_the_library_becomes_a_package(qtbot, open_window, tmp_path, messages):
    window = open_window(DRAFTER)
    source = policy_file(tmp_path)
    target = window.library_page.table.viewport()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(source))])
    for kind in (QDropEvent.Type.DragEnter, QDropEvent.Type.Drop):
        event = (QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier, kind))
        if kind == QDropEvent.Type.DragEnter:
            from PySide6.QtCore import QPoint
            from PySide6.QtGui import QDragEnterEvent

            event = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                    Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target, event)
        assert event.isAccepted()
    _wait_opened(qtbot, window, "关于同意张某同志辞职的批复")


def test_adopt_all_fills_only_empty_fields(qtbot, open_window, tmp_path, monkeypatch, messages):
    window = open_window(DRAFTER)
    source = tmp_path / "policy.txt"
    source.write_text("明湖市人民政府文件\n明政发〔2024〕3号\n明湖市人民政府关于做好防汛工作的通知\n各区县：\n"
                      "现通知如下。\n明湖市人民政府\n2024年3月4日\n", "utf-8")
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(source))
    click_action(qtbot, window, "new_from_file")
    _wait_opened(qtbot, window, "明湖市人民政府关于做好防汛工作的通知")
    page = window.package_page
    from studio.ingest.metadata_proposals import Proposal

    # What a later import offers: one value for an empty field, one differing from a filled one.
    page.detected.show_proposals([Proposal("index_number", "113305/2024-001", "", "网页信息栏"),
                                  Proposal("organ", "明湖市政府", "明湖市人民政府", "标题")], "page.html")
    button = page.findChild(QPushButton, "adopt_all")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    meta = window.controller.package.metadata
    assert meta.index_number == "113305/2024-001" and meta.organ == "明湖市人民政府"
    assert page.detected.offers["organ"].isVisible()  # still offered for the user to decide


def test_importing_into_an_open_package_offers_values_and_the_save_names_the_file(qtbot, open_window, tmp_path,
                                                                                  monkeypatch, messages):
    window = open_window(DRAFTER)
    first = policy_file(tmp_path)
    chosen = [first]
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(chosen[0]))  # 从文件新建 and 导入
    click_action(qtbot, window, "new_from_file")
    _wait_opened(qtbot, window, "关于同意张某同志辞职的批复")
    revised = tmp_path / "修订稿.txt"
    revised.write_text("路桥区卫生局文件\n路卫发〔2011〕77号\n关于同意张某同志辞职的批复\n区中医院：\n"
                       "经研究，同意张某同志辞职。\n路桥区卫生局\n2011年3月12日\n", "utf-8")
    chosen[0] = revised
    window.package_page.tabs.setCurrentIndex(TABS.index("policy"))
    window.import_file()
    qtbot.waitUntil(lambda: "路卫发〔2011〕77号" in window.package_page.detected.offers["doc_number"].text.text(),
                    timeout=20000)
    assert window.controller.package.metadata.doc_number == "路卫发〔2011〕76号"  # offered, never imposed
    click_action(qtbot, window, "save")
    assert window.controller.editor.events[-1]["action"] == "import"
    assert window.controller.editor.events[-1]["comment"] == revised.name
