"""Every way the clumsiest user or an attacker broke the command line gets a Chinese message,
leaves the data untouched and leaves no lock behind."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.cli.main import main
from studio.store import atomic_file
from studio.store.lock import LOCK_NAME, PackageLock, PackageLocked
from tests import factories as f
from tests.cli.test_cli import new_package
from tests.members import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(capsys, monkeypatch):
    monkeypatch.setenv("STUDIO_PASSPHRASE", PASSPHRASE)  # members sign in from the command line (and its subprocesses)

    def run(*args) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return run


@pytest.fixture
def package(run, tmp_path) -> Path:
    return new_package(run, tmp_path / "library")


def _untouched(folder: Path, before: bytes) -> None:
    assert (folder / "package.json").read_bytes() == before
    assert not (folder / LOCK_NAME).exists()
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_invalid_utf8_arguments_are_refused_and_leave_no_lock(package, tmp_path):
    before = (package / "package.json").read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    for argv in ([b"set", bytes(package), "title=新".encode() + b"\xff", b"--user", f.DRAFTER.encode()],
                 [b"set", bytes(package), b"title=x", b"--user", b"\xc3\x28\xff"],
                 [b"check", bytes(package) + b"\xfe"]):
        proc = subprocess.run([sys.executable.encode(), b"-m", b"studio", *argv], env=env,
                              capture_output=True, timeout=60)
        err = proc.stderr.decode("utf-8", "replace")
        assert proc.returncode == 2, err
        assert "UTF-8" in err and "Traceback" not in err
    _untouched(package, before)
    code, _, err = run_main("set", package, "title=x", "--user", "\udcff")
    assert code == 2 and "无法识别的字符" in err
    _untouched(package, before)


def run_main(*args):
    import io
    from contextlib import redirect_stderr, redirect_stdout

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def test_a_name_that_cannot_be_written_leaves_no_half_written_lock(package):
    with pytest.raises(UnicodeEncodeError):
        PackageLock(package).acquire("\udcff")
    assert not (package / LOCK_NAME).exists()


def test_html_nested_ten_thousand_deep_is_refused(run, package, tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 10000 + "正文" + "</div>" * 10000 + "</body></html>", "utf-8")
    before = (package / "package.json").read_bytes()
    code, _, err = run("import", package, "--piece", "policy", page, "--user", f.DRAFTER)
    assert code == 2 and "嵌套" in err
    _untouched(package, before)


def test_permission_denied_on_a_package_is_told_in_chinese(run, package, monkeypatch):
    from studio.store import atomic_storage

    def denied(self):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(atomic_storage.Path, "read_bytes", denied)
    for argv in (("check", package), ("show", package), ("set", package, "title=x", "--user", f.DRAFTER)):
        code, _, err = run(*argv)
        assert code != 0 and "没有权限" in err, (argv, err)
    assert not (package / LOCK_NAME).exists()


def test_permission_denied_on_a_library_is_told_in_chinese(run, package, monkeypatch):
    library = package.parent
    real = os.scandir

    def scandir(path="."):
        if Path(path) == library:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, _, err = run("check", library)
    assert code != 0 and "没有权限" in err and str(library) in err


def test_permission_denied_on_an_export_target_is_told_in_chinese(run, package, tmp_path, monkeypatch):
    import tempfile

    def denied(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "site"))

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    code, _, err = run("export", package, "--out", tmp_path / "site", "--preview")
    assert code != 0 and "没有权限" in err


def test_a_full_disk_is_told_in_chinese_and_the_package_is_untouched(run, package, monkeypatch):
    before = (package / "package.json").read_bytes()
    real = atomic_file.os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "fsync", full)
    code, _, err = run("set", package, "title=磁盘满时的新标题", "--user", f.DRAFTER)
    monkeypatch.setattr(atomic_file.os, "fsync", real)
    assert code != 0 and "磁盘空间已满" in err
    _untouched(package, before)


@pytest.mark.parametrize("command", [("check",), ("new", "--title", "标题", "--user", f.DRAFTER), ("settings",),
                                     ("export", "--out", "SITE"), ("gui",)])
def test_a_library_path_that_is_a_file(run, tmp_path, command, monkeypatch):
    monkeypatch.setattr("studio.ui.app.run", lambda library=None: (_ for _ in ()).throw(AssertionError("window")),
                        raising=False)
    not_a_library = tmp_path / "文件库.txt"
    not_a_library.write_text("我的笔记", "utf-8")
    args = [command[0], not_a_library, *(str(tmp_path / "site") if a == "SITE" else a for a in command[1:])]
    if command[0] == "gui":
        from studio.cli.main import _window_only  # the window checks its library itself
        assert _window_only([str(a) for a in args]) is not None
        return
    code, _, err = run(*args)
    assert code != 0 and err.startswith("错误：") and "文件库.txt" in err, err
    assert not_a_library.read_text("utf-8") == "我的笔记"


def test_a_read_only_package_file_is_refused_not_overwritten(run, package):
    path = package / "package.json"
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        code, _, err = run("set", package, "title=新标题", "--user", f.DRAFTER)
        assert code == 1 and "只读" in err
        _untouched(package, before)
        assert path.stat().st_mode & 0o777 == 0o444
    finally:
        path.chmod(0o644)


def test_a_lock_being_written_is_not_called_unreadable(package):
    (package / LOCK_NAME).write_bytes(b"")  # the other opener has created it, not yet written it
    with pytest.raises(PackageLocked) as caught:
        PackageLock(package).acquire("李四")
    assert "无法读取" not in caught.value.message and "刚刚被他人打开" in caught.value.message
