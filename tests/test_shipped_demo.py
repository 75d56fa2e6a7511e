"""Using the studio never changes the shipped demo library: work goes to the user's copy."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from studio.domain.errors import ActionRefused
from studio.paths import DEMO_NAME, bundled_demo_dir, demo_library_dir, user_data_dir
from studio.service import members, operations
from studio.service.actor import Actor
from studio.service.demo_roster import DEMO_PASSPHRASE
from studio.store.user_settings import UserSettings
from studio.ui.app import choose_library
from tests.demo.library_shape import library_shape


def demo_member(root) -> Actor:
    """A newcomer signing in as a demo member with the shipped demo key."""
    return members.sign_in(root, "周敏", DEMO_PASSPHRASE)


def _tree_bytes(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_demo_is_opened_as_a_copy_in_the_users_data_folder():
    before = _tree_bytes(bundled_demo_dir())
    copy = demo_library_dir()
    assert copy == user_data_dir() / DEMO_NAME and copy != bundled_demo_dir()
    assert library_shape(copy) == library_shape(bundled_demo_dir())
    folder = operations.create_package(copy, demo_member(copy), {"title": "明湖市人民政府关于测试的通知"})
    assert folder.parent == copy
    assert _tree_bytes(bundled_demo_dir()) == before


def test_the_window_asked_for_the_shipped_demo_opens_the_copy():
    user = UserSettings.load()
    assert choose_library(str(bundled_demo_dir()), user) == demo_library_dir()
    user.recent_libraries = [str(bundled_demo_dir())]
    assert choose_library(None, user) == demo_library_dir()


def test_changing_the_shipped_demo_is_refused_with_where_to_work_instead():
    before = _tree_bytes(bundled_demo_dir())
    package = next(p for p in bundled_demo_dir().iterdir() if (p / "package.json").is_file())
    with pytest.raises(ActionRefused) as refused:
        operations.create_package(bundled_demo_dir(), demo_member(bundled_demo_dir()), {"title": "明湖市人民政府关于测试的通知"})
    assert "示例文件库原件" in refused.value.message and DEMO_NAME in refused.value.message
    with pytest.raises(ActionRefused):
        operations.edit(package, demo_member(bundled_demo_dir()), lambda p: (_ for _ in ()).throw(AssertionError("never applied")))
    result = subprocess.run([sys.executable, "-m", "studio", "set", str(package), "topic=测试"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "示例文件库原件" in result.stderr and "Traceback" not in result.stderr
    result = subprocess.run([sys.executable, "-m", "studio", "settings", str(bundled_demo_dir()),
                             "release_limit_workdays=5"], capture_output=True, text=True)
    assert result.returncode == 1 and "示例文件库原件" in result.stderr
    assert _tree_bytes(bundled_demo_dir()) == before


def test_a_copy_made_elsewhere_is_an_ordinary_library(tmp_path):
    root = tmp_path / "lib"
    shutil.copytree(bundled_demo_dir(), root)
    operations.create_package(root, demo_member(root), {"title": "明湖市人民政府关于测试的通知"})
    assert len(list(root.iterdir())) == len(list(bundled_demo_dir().iterdir())) + 1


def test_export_is_proposed_outside_any_library_and_the_studios_own_folder(tmp_path, monkeypatch):
    from studio.paths import app_root, default_export_dir

    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "docs"))
    library = tmp_path / "处室文件库"
    assert default_export_dir(library) == (tmp_path / "docs" / "处室文件库-网站发布包").resolve()
    for where in (library, app_root()):  # documents inside a library or the checkout: never there
        monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(where))
        proposed = default_export_dir(library)
        assert not proposed.resolve().is_relative_to(library.resolve())
        assert not proposed.resolve().is_relative_to(app_root().resolve())
    assert not default_export_dir(demo_library_dir()).resolve().is_relative_to(app_root().resolve())
