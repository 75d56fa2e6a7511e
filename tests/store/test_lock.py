"""The edit lock: a second opener is read-only and told who holds the package."""

from __future__ import annotations

import json
import os
import socket

import pytest

from studio.domain.errors import ActionRefused
from studio.service import operations
from studio.service.session import Actor, PackageSession
from studio.store.lock import PackageLock, PackageLocked
from tests.members import member


@pytest.fixture
def folder(tmp_path):
    return operations.create_package(tmp_path / "lib", member(tmp_path / "lib", "张三", "法规处"), {"title": "测试办法"})


def test_second_opener_gets_read_only_with_the_holders_name(folder):
    with PackageSession(folder, Actor("张三", "法规处")) as first:
        assert not first.read_only
        second = PackageSession(folder, Actor("李四"))
        assert second.read_only
        assert "张三（法规处）" in second.locked_by.message
        with pytest.raises(ActionRefused, match="张三"):
            second.require_editable()
    assert not PackageLock(folder).is_locked()


def test_command_line_edit_is_refused_while_someone_holds_the_lock(folder):
    with PackageSession(folder, Actor("张三")):
        with pytest.raises(ActionRefused, match="正由张三"):
            operations.open_for_edit(folder, Actor("李四"))


def test_lock_of_a_dead_process_is_stale_and_can_be_broken(folder):
    lock = PackageLock(folder)
    lock.path.write_text(json.dumps({"user": "王五", "office": "", "host": socket.gethostname(),
                                     "pid": 2 ** 22 + 12345, "since": "2026-01-01T09:00:00"}), "utf-8")
    with pytest.raises(PackageLocked) as e:
        PackageLock(folder).acquire("李四")
    assert e.value.stale and "已经退出" in e.value.message
    assert lock.break_lock().user == "王五"
    PackageLock(folder).acquire("李四")


def test_lock_on_another_machine_is_never_called_stale(folder):
    lock = PackageLock(folder)
    lock.path.write_text(json.dumps({"user": "王五", "office": "", "host": "other-pc",
                                     "pid": 1, "since": "2026-01-01T09:00:00"}), "utf-8")
    assert not lock.is_stale()


def test_live_lock_names_this_process(folder):
    lock = PackageLock(folder)
    lock.acquire("张三", "法规处")
    holder = lock.holder()
    assert holder.pid == os.getpid() and holder.user == "张三"
    lock.release()
    assert lock.holder() is None


def test_a_member_switch_makes_the_lock_name_the_new_member(folder):
    with PackageSession(folder, Actor("张三", "法规处")) as first:
        first.switch_actor(Actor("李四", "办公室"))
        assert first.lock.held
        second = PackageSession(folder, Actor("王五"))
        assert second.read_only
        assert "李四（办公室）" in second.locked_by.message and "张三" not in second.locked_by.message
    assert not PackageLock(folder).is_locked()  # closing releases the renamed lock
    assert not [p for p in folder.iterdir() if p.name.startswith(".studio.lock.")]  # no temp file left


def test_a_read_only_session_switching_member_leaves_the_holders_lock_alone(folder):
    with PackageSession(folder, Actor("张三", "法规处")):
        reader = PackageSession(folder, Actor("李四"))
        reader.switch_actor(Actor("王五"))
        assert "张三" in PackageLock(folder).holder().describe()
