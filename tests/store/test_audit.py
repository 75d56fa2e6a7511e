"""The audit trail: every change recorded, and any tampering found and located."""

from __future__ import annotations

import json

import pytest

from studio.cli.main import main
from studio.domain import edits
from studio.service import operations
from studio.store.package_file import PackageFile
from tests.members import member


@pytest.fixture
def folder(tmp_path):
    folder = operations.create_package(tmp_path / "lib", member(tmp_path / "lib", "张三"), {"title": "测试办法", "kind": "其他"})
    operations.edit(folder, member(tmp_path / "lib", "张三"), lambda p: edits.set_policy_body(p, "第一条 测试。\n"))
    operations.edit(folder, member(tmp_path / "lib", "张三"), lambda p: edits.set_metadata(p, {"organ": "明湖市人民政府"}))
    return folder


def test_every_change_is_an_event_with_who_what_and_hash(folder):
    events = operations.history(folder)
    assert [e["action"] for e in events] == ["create", "edit", "edit"]
    assert events[1]["piece"] == "policy" and events[1]["user"] == "张三"
    assert events[2]["fields"] == ["organ"]
    assert all(len(e["content_hash"]) == 64 for e in events)
    assert operations.verify(folder) == []


def test_changing_any_single_byte_of_the_trail_is_detected(folder):
    path = PackageFile(folder).path
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    start = text.index('"audit"')
    end = text.index('"package"')
    positions = [i for i in range(start, end) if text[i].isalnum()]
    for index in positions[:: max(1, len(positions) // 60)]:
        tampered = text[:index] + ("x" if text[index] != "x" else "y") + text[index + 1:]
        path.write_text(tampered, "utf-8")
        try:
            problems = operations.verify(folder)
        except Exception:  # the byte broke the JSON itself: the file is refused, never trusted
            problems = ["unreadable"]
        assert problems, f"tampering at {index} went unnoticed"
    path.write_bytes(raw)
    assert operations.verify(folder) == []


def test_verify_names_the_altered_event(folder, capsys):
    path = PackageFile(folder).path
    data = json.loads(path.read_text("utf-8"))
    data["audit"]["2"]["user"] = "李四"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert main(["verify", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "第2条" in out and "被改动" in out


def test_deleted_event_breaks_the_chain(folder):
    path = PackageFile(folder).path
    data = json.loads(path.read_text("utf-8"))
    del data["audit"]["2"]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    messages = " ".join(p.message for p in operations.verify(folder))
    assert "不连续" in messages or "链接断开" in messages


def test_content_changed_outside_the_studio_is_detected(folder):
    path = PackageFile(folder).path
    data = json.loads(path.read_text("utf-8"))
    data["package"]["1"]["metadata"]["title"] = "偷偷改过的标题"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    messages = " ".join(p.message for p in operations.verify(folder))
    assert "元数据的内容与最后一条审计记录不一致" in messages
