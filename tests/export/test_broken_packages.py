"""A package.json of the wrong shape is refused in Chinese; a library goes on past its worst package."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from studio.cli.main import main
from studio.domain.errors import EXIT_BROKEN_PACKAGES
from studio.render.export.exporter import export_library
from studio.store.package_file import PackageFile, PackageFileError
from tests.export import content as c
from tests.export.conftest import SITE_OPTIONS
from tests.members import PASSPHRASE, keys_in_profile


def _raw(folder: Path) -> dict:
    return json.loads((folder / "package.json").read_text("utf-8"))


def _write(folder: Path, raw: dict) -> None:
    (folder / "package.json").write_text(json.dumps(raw, ensure_ascii=False), "utf-8")


@pytest.fixture
def drafter_at_the_terminal(monkeypatch):
    """The library's drafter runs the commands, signed in with their own key and passphrase."""
    monkeypatch.setenv("STUDIO_PASSPHRASE", PASSPHRASE)
    return c.DRAFTER


def _library_copy(library, tmp_path, key: str) -> Path:
    """A copy of the whole library (its roster and chain too), the drafter's key in this profile."""
    root = tmp_path / "lib"
    shutil.copytree(library.root, root)
    keys_in_profile(root, c.DRAFTER)
    return root / library.folders[key].name


def _first(raw: dict, table: str) -> dict:
    return raw[table][sorted(raw[table], key=int)[0]]


def _set_pkg(key, value):
    def change(raw):
        row = _first(raw, "package")
        if value is _DELETE:
            row.pop(key)
        else:
            row[key] = value
    return change


_DELETE = object()


def _pieces(change):
    def apply(raw):
        change(_first(raw, "package")["pieces"])
    return apply


WRONG_SHAPES = {
    "schema is text": lambda raw: raw["schema"].update({"1": {"version": "abc"}}),
    "missing id": _set_pkg("id", _DELETE),
    "unknown state": _set_pkg("state", "published-ish"),
    "reviews of the wrong shape": _set_pkg("reviews", [{"who": 1}]),
    "reviews as text": _set_pkg("reviews", "张三"),
    "audit table as a list": lambda raw: raw.update({"audit": [1, 2]}),
    "non-numeric audit key": lambda raw: raw["audit"].update({"x": {"seq": 9}}),
    "body is a number": _pieces(lambda p: p["policy"].update({"body": 42})),
    "releases row without package": lambda raw: raw.update({"releases": {"1": {"version": 1}}}),
    "sections as a string": _pieces(lambda p: p["explainer"].update({"sections": "abc"})),
    "metadata as a list": _set_pkg("metadata", ["标题"]),
    "faq items as numbers": _pieces(lambda p: p["faq"].update({"items": [1, 2]})),
    "version as text": _set_pkg("version", "二"),
    "audit comment as a number": lambda raw: _first(raw, "audit").update({"comment": 5}),
    "audit seq as an object": lambda raw: _first(raw, "audit").update({"seq": {"n": 1}}),
    "package row is a number": lambda raw: raw["package"].update({"1": 7}),
    "whole file is a list": lambda raw: (raw.clear(), raw.update({"package": {"1": {"id": []}}})),
}


@pytest.mark.parametrize("name", sorted(WRONG_SHAPES))
def test_wrong_shapes_are_refused_in_chinese_by_every_command(library, tmp_path, capsys, name, drafter_at_the_terminal):
    folder = _library_copy(library, tmp_path, "tenant")
    raw = _raw(folder)
    WRONG_SHAPES[name](raw)
    _write(folder, raw)
    before = (folder / "package.json").read_bytes()
    with pytest.raises(PackageFileError):
        PackageFile(folder).load()
    for argv in (["check", folder], ["show", folder], ["log", folder], ["verify", folder],
                 ["export", folder, "--out", tmp_path / "site"],
                 ["set", folder, "title=新标题", "--user", drafter_at_the_terminal]):
        code = main([str(a) for a in argv])
        err = capsys.readouterr().err
        assert code == 2, (argv, err)
        assert "格式不对" in err and "Traceback" not in err
    assert (folder / "package.json").read_bytes() == before
    assert not (folder / ".studio.lock").exists()
    assert not (tmp_path / "site").exists()


def _broken_library(library, tmp_path) -> tuple[Path, dict[str, Path]]:
    root = tmp_path / "library"
    shutil.copytree(library.root, root)
    folders = {k: root / v.name for k, v in library.folders.items()}
    (folders["draft"] / "package.json").write_text('{"package": {"1": {"id": ', "utf-8")  # cut off
    raw = _raw(folders["repealed"])
    raw["releases"] = {"1": {"version": 1}}
    _write(folders["repealed"], raw)
    (folders["exempt"] / "media").mkdir(exist_ok=True)
    (folders["exempt"] / "media" / "gone.png").symlink_to(tmp_path / "nowhere.png")
    return root, folders


def test_library_check_reports_a_damaged_package_and_goes_on(library, tmp_path, capsys):
    root, folders = _broken_library(library, tmp_path)
    code = main(["check", str(root)])
    out = capsys.readouterr().out
    assert code == EXIT_BROKEN_PACKAGES
    assert f"{folders['draft'].name}  无法读取" in out and "已损坏" in out
    assert "缺少文件包内容" in out  # the bad releases row, named
    assert "明湖市青年人才租房补贴办法" in out  # the rest of the library was checked
    assert "个无法读取" in out


def test_library_export_goes_on_past_broken_packages(library, tmp_path, capsys):
    root, folders = _broken_library(library, tmp_path)
    report = export_library(root, tmp_path / "site", SITE_OPTIONS)
    broken = {s.folder.name: s.reason for s in report.skipped if s.broken}
    assert set(broken) == {folders["draft"].name, folders["repealed"].name}
    assert all(f"“{name}”" in reason for name, reason in broken.items())
    assert "已损坏" in broken[folders["draft"].name] and "缺少文件包内容" in broken[folders["repealed"].name]
    assert report.packages == 2  # tenant and media still published
    code = main(["export", str(root), "--out", str(tmp_path / "site2")])
    err = capsys.readouterr().err
    assert code == EXIT_BROKEN_PACKAGES and "无法读取，已跳过" in err and folders["draft"].name in err
    assert (tmp_path / "site2" / "index.html").is_file()


@pytest.mark.parametrize("damage", [lambda e: e.pop("hash"), lambda e: e.update({"hash": ""})])
def test_no_event_is_chained_after_a_damaged_last_event(library, tmp_path, capsys, damage, drafter_at_the_terminal):
    """Found by fuzzing: a last audit event without its hash made every change end in a KeyError."""
    folder = _library_copy(library, tmp_path, "draft")
    raw = _raw(folder)
    damage(raw["audit"][max(raw["audit"], key=int)])
    _write(folder, raw)
    before = (folder / "package.json").read_bytes()
    code = main(["set", str(folder), "title=新标题", "--user", drafter_at_the_terminal])
    err = capsys.readouterr().err
    assert code == 1 and "审计记录已损坏" in err and "Traceback" not in err
    assert (folder / "package.json").read_bytes() == before and not (folder / ".studio.lock").exists()
