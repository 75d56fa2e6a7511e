"""Output that cannot be forged: one history line per event, no bidi overrides in what is
published, and no reason for non-disclosure in a public bundle."""

from __future__ import annotations

import json
import shutil

from studio.cli.main import main
from studio.domain import edits
from studio.render.export.exporter import export_library
from studio.service import operations
from studio.service.session import Actor
from tests.export import content as c
from tests.export.conftest import SITE_OPTIONS, bundle_files
from tests.members import PASSPHRASE, keys_in_profile, member

FORGED = "同意\n第100条（2026-03-10T09:00:00+08:00 刘发布 发布）  [deadbeef00]"


def test_a_newline_in_a_comment_or_file_name_cannot_forge_a_log_line(library, tmp_path, capsys, monkeypatch):
    root = tmp_path / "library"
    shutil.copytree(library.root, root)
    folder = root / library.folders["draft"].name
    operations.transition(folder, member(root, c.DRAFTER), "submit", comment=FORGED + "\r\x1b[2K")
    operations.transition(folder, member(root, c.REVIEWER1), "return", comment="请补充征求意见公告")
    keys_in_profile(root, c.DRAFTER)  # the drafter imports from the command line
    monkeypatch.setenv("STUDIO_PASSPHRASE", PASSPHRASE)
    page = tmp_path / "政策\n第101条（伪造） 发布.md"
    page.write_text("# 标题\n\n正文。\n", "utf-8")
    assert main(["import", str(folder), "--piece", "consultation", str(page), "--user", c.DRAFTER]) == 0
    capsys.readouterr()
    assert main(["log", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(operations.history(folder))
    assert not any(line.startswith(("第100条", "第101条")) for line in lines)
    assert any("\\n第100条" in line and "\\r\\u001b[2K" in line for line in lines)
    assert any("\\n第101条" in line for line in lines)


def test_the_window_history_shows_line_breaks_escaped(qtbot):
    from studio.ui.history_dock import HistoryDock

    dock = HistoryDock()
    qtbot.addWidget(dock)
    dock.show_events([{"seq": 1, "at": "2026-03-10T09:00:00", "user": "甲\n乙", "action": "submit",
                       "comment": FORGED}], [])
    item = dock.tree.topLevelItem(0)
    assert "\n" not in item.text(5) and "\\n第100条" in item.text(5)
    assert item.text(2) == "甲\\n乙"


def test_bidi_overrides_are_removed_from_titles_and_names_on_entry(library, tmp_path):
    root = tmp_path / "library"
    shutil.copytree(library.root, root)
    folder = root / library.folders["tenant"].name
    spoof = "\u202e"
    package = operations.load(folder)
    after = edits.set_metadata(package, {"title": f"关于{spoof}exe.jpg的通知", "organ": "明湖市\u2066人民政府"}).package
    assert spoof not in after.metadata.title and "\u2066" not in after.metadata.organ
    after = edits.set_text_piece(after, "interpretation", "正文", f"解读{spoof}标题").package
    assert spoof not in after.pieces.interpretation.title
    assert Actor(f"张{spoof}三", f"办公室{spoof}").name == "张三"
    # A title stored before this rule existed still leaves nothing reordering in the bundle.
    raw = json.loads((folder / "package.json").read_text("utf-8"))
    release = raw["releases"][sorted(raw["releases"], key=int)[-1]]
    release["package"]["metadata"]["title"] = f"明湖市{spoof}青年人才租房补贴办法"
    (folder / "package.json").write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
    export_library(root, tmp_path / "site", SITE_OPTIONS)
    for path, data in bundle_files(tmp_path / "site").items():
        assert spoof.encode() not in data, path


def test_disclosure_reason_is_not_published_for_a_public_package(library, tmp_path):
    root = tmp_path / "library"
    shutil.copytree(library.root, root)
    folder = root / library.folders["tenant"].name
    reason = "曾拟不予公开：涉及内部研究讨论，经领导批示后改为主动公开"
    raw = json.loads((folder / "package.json").read_text("utf-8"))
    release = raw["releases"][sorted(raw["releases"], key=int)[-1]]
    release["package"]["metadata"]["disclosure_reason"] = reason
    (folder / "package.json").write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
    export_library(root, tmp_path / "site", SITE_OPTIONS)
    files = bundle_files(tmp_path / "site")
    assert not any(reason.encode() in data for data in files.values())
    assert not any(b"disclosure_reason" in data for path, data in files.items() if path.endswith(".json"))
