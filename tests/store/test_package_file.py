"""The package file: atomic saves, readable JSON, schema versions, changes on disk."""

from __future__ import annotations

import json

import pytest

from studio.domain.package import Package
from studio.store import migrations
from studio.store.package_file import ChangedOnDisk, PackageFile, PackageFileError
from tests import factories as f


def saved(tmp_path, package: Package | None = None) -> PackageFile:
    pf = PackageFile(tmp_path / "pkg")
    pf.save((package or f.draft()).to_dict(), [{"seq": 1, "action": "create"}])
    return pf


def test_round_trip(tmp_path):
    package = f.signed()
    pf = saved(tmp_path, package)
    stored = pf.load()
    assert Package.from_dict(stored.data) == package
    assert stored.events == [{"seq": 1, "action": "create"}]
    assert (tmp_path / "pkg" / "media").is_dir()


def test_file_is_pretty_sorted_and_unescaped(tmp_path):
    pf = saved(tmp_path)
    text = pf.path.read_text("utf-8")
    assert "明湖市" in text and "\\u" not in text
    assert text.startswith("{\n  ")
    data = json.loads(text)
    assert list(data) == sorted(data)


def test_no_temp_files_left_behind(tmp_path):
    pf = saved(tmp_path)
    pf.save(f.draft().to_dict(), [])
    assert sorted(p.name for p in pf.folder.iterdir()) == ["media", "package.json"]


def test_events_keep_their_order_past_nine(tmp_path):
    pf = PackageFile(tmp_path / "pkg")
    pf.save(f.draft().to_dict(), [{"seq": n} for n in range(1, 13)])
    assert [e["seq"] for e in pf.load().events] == list(range(1, 13))


def test_refuses_to_overwrite_a_file_changed_on_disk(tmp_path):
    pf = saved(tmp_path)
    digest = pf.load().digest
    other = PackageFile(pf.folder)
    other.save(f.draft(title="别人改的标题").to_dict(), [])
    with pytest.raises(ChangedOnDisk, match="已被其他人或程序修改"):
        pf.save(f.draft().to_dict(), [], expect_digest=digest)
    assert Package.from_dict(pf.load().data).metadata.title == "别人改的标题"


def test_damaged_file_gives_a_clear_message(tmp_path):
    pf = saved(tmp_path)
    pf.path.write_text(pf.path.read_text("utf-8")[:-40], "utf-8")
    with pytest.raises(PackageFileError, match="已损坏"):
        pf.load()


def test_missing_file(tmp_path):
    with pytest.raises(PackageFileError, match="不是文件包"):
        PackageFile(tmp_path).load()


def test_newer_schema_is_refused(tmp_path):
    pf = saved(tmp_path)
    data = json.loads(pf.path.read_text("utf-8"))
    data["schema"]["1"]["version"] = migrations.CURRENT_SCHEMA + 1
    pf.path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    before = pf.path.read_bytes()
    with pytest.raises(PackageFileError, match="更新版本"):
        pf.load(migrate_on_disk=True)
    assert pf.path.read_bytes() == before


def test_older_schema_is_migrated_after_a_backup(tmp_path, monkeypatch):
    pf = saved(tmp_path)
    original = pf.path.read_bytes()
    current = migrations.CURRENT_SCHEMA

    def rename_topic(raw):
        pkg = raw["package"]["1"]
        pkg["metadata"]["topic"] = "迁移后：" + pkg["metadata"]["topic"]
        return raw

    monkeypatch.setattr(migrations, "CURRENT_SCHEMA", current + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, current, rename_topic)
    stored = pf.load(migrate_on_disk=True)
    assert stored.migrated_from == current
    assert stored.backup.read_bytes() == original
    assert stored.data["metadata"]["topic"].startswith("迁移后：")
    on_disk = json.loads(pf.path.read_text("utf-8"))
    assert on_disk["schema"]["1"]["version"] == current + 1


def test_read_only_open_migrates_in_memory_only(tmp_path, monkeypatch):
    pf = saved(tmp_path)
    original = pf.path.read_bytes()
    monkeypatch.setattr(migrations, "CURRENT_SCHEMA", migrations.CURRENT_SCHEMA + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, migrations.CURRENT_SCHEMA - 1, lambda raw: raw)
    assert pf.load().migrated_from is not None
    assert pf.path.read_bytes() == original


def test_saved_files_are_readable_by_colleagues(tmp_path):
    pf = saved(tmp_path)
    assert pf.path.stat().st_mode & 0o044 == 0o044  # group and others can read, as with any new file
    pf.path.chmod(0o640)
    pf.save(f.draft().to_dict(), [])
    assert pf.path.stat().st_mode & 0o777 == 0o640  # an office's own permissions are kept
