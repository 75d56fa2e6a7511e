"""Private keys in the OS keyring where one is usable; the passphrase-sealed file where none is."""

from __future__ import annotations

import keyring
import pytest
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.backends import fail

from studio.domain.errors import ActionRefused
from studio.domain.roles import Role
from studio.service import members, operations
from studio.service.proof import verify_package
from studio.store import os_keyring
from studio.store.key_store import key_file
from studio.store.library_chain import read_chain
from tests.members import enrol


class MemoryKeyring(KeyringBackend):
    """An OS keyring kept in memory, as a desktop's would keep it; set explicitly by the fixture."""

    @properties.classproperty
    def priority(cls) -> float:
        # Raising keeps keyring's own discovery from ever choosing this class for other tests.
        raise RuntimeError("only set explicitly")

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def os_keys():
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


@pytest.fixture
def no_os_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_a_new_key_goes_to_the_os_keyring_and_signs_without_a_passphrase(tmp_path, os_keys):
    root = tmp_path / "lib"
    admin = enrol(root, "管理员")["管理员"]
    public = members.new_key(root, "王起草", "")
    members.add_member(root, admin, "王起草", "", [Role.DRAFT], public)
    library_id = read_chain(root).library_id
    assert not key_file(library_id, "王起草").exists()  # no file: the keyring holds it
    assert [k for k in os_keys.entries if k[0] == os_keyring.SERVICE]
    assert members.key_kept_by_os(root, "王起草")
    drafter = members.sign_in(root, "王起草", "")
    folder = operations.create_package(root, drafter, {"title": "关于钥匙串的通知"})
    assert verify_package(folder).problems == []


def test_a_key_in_the_keyring_that_the_roster_does_not_know_is_not_used(tmp_path, os_keys):
    root = tmp_path / "lib"
    admin = enrol(root, "管理员")["管理员"]
    members.add_member(root, admin, "王起草", "", [Role.DRAFT], members.new_key(root, "王起草", ""))
    members.new_key(root, "王起草", "")  # a newer key, not yet registered by an administrator
    assert not members.key_kept_by_os(root, "王起草")
    with pytest.raises(ActionRefused, match="找不到|不一致"):
        members.sign_in(root, "王起草", "")


def test_without_a_usable_keyring_the_key_is_a_passphrase_sealed_file(tmp_path, no_os_keyring):
    root = tmp_path / "lib"
    admin = enrol(root, "管理员")["管理员"]
    assert not members.keys_in_os_keyring()
    members.add_member(root, admin, "王起草", "", [Role.DRAFT], members.new_key(root, "王起草", "口令1234"))
    assert key_file(read_chain(root).library_id, "王起草").exists()
    assert not members.key_kept_by_os(root, "王起草")
    with pytest.raises(ActionRefused, match="口令不正确"):
        members.sign_in(root, "王起草", "错误口令")
    assert members.sign_in(root, "王起草", "口令1234").name == "王起草"


def test_an_administrator_maps_a_member_to_an_os_login_as_a_signed_roster_change(tmp_path, monkeypatch):
    root = tmp_path / "lib"
    actors = enrol(root, "管理员", "王起草", "李审核")
    monkeypatch.setattr(members.getpass, "getuser", lambda: "wangqc")
    assert members.member_of_os_login(root) == ""
    members.update_member(root, actors["管理员"], "王起草", os_account="WangQC")
    assert members.member_of_os_login(root) == "王起草"  # logins compare as names do (case, width)
    assert read_chain(root).events[-1]["os_account"] == "WangQC" and "sig" in read_chain(root).events[-1]
    with pytest.raises(ActionRefused, match="已对应成员“王起草”"):
        members.update_member(root, actors["管理员"], "李审核", os_account="wangqc")
    with pytest.raises(ActionRefused, match="不是本文件库的管理员"):
        members.update_member(root, actors["李审核"], "李审核", os_account="lish")
    members.update_member(root, actors["管理员"], "王起草", os_account="")
    assert members.member_of_os_login(root) == ""
