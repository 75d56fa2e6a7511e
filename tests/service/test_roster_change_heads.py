"""A roster change records every package's chain head: no false alarm for what a real office does
(folders sharing an id, a package unreadable for a moment), and a removed member's late
signature citing the old roster still fails verify."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from studio.domain import edits
from studio.domain.roles import Role
from studio.domain.signing import new_key_pair, signature_record
from studio.service import members, operations
from studio.service.actor import Actor
from studio.service.library_chain_events import ChangeOptions, UnreadablePackages
from studio.service.proof import verify_package
from studio.store import package_heads
from studio.store.audit import event_hash, make_event
from studio.store.library_chain import read_chain
from studio.store.recorded_heads import recorded_heads
from tests import factories as f
from tests.members import enrol

ADMIN = "管理员"


@pytest.fixture
def lib(tmp_path):
    root = tmp_path / "lib"
    return root, enrol(root, ADMIN, f.DRAFTER, f.REVIEWER1, f.REVIEWER2, f.SIGNER)


def _submitted(root: Path, actors: dict[str, Actor]) -> Path:
    d = f.draft()
    folder = operations.create_package(root, actors[f.DRAFTER], {"title": f.META["title"]})
    operations.edit(folder, actors[f.DRAFTER], lambda p: edits.finish_edit(
        p, d.evolve(id=p.id, created_by=p.created_by, created_at=p.created_at)))
    operations.transition(folder, actors[f.DRAFTER], "submit")
    return folder


def _problems(folder: Path) -> str:
    return " ".join(p.message for p in verify_package(folder).problems)


def _late_event(folder: Path, actor: Actor, **changes) -> None:
    """Another program appends an event signed with `actor`'s genuine key, citing the roster the
    package's last event cited."""
    path = folder / "package.json"
    data = json.loads(path.read_text("utf-8"))
    last = data["audit"][max(data["audit"], key=int)]
    event = make_event(last, **{k: v for k, v in last.items() if k not in ("seq", "prev", "hash", "sig")})
    event.update(user=actor.name, member=actor.id, **changes)
    event["hash"] = event_hash(event)
    assert actor.key is not None
    event["sig"] = signature_record(actor.key, actor.id, event["hash"])
    data["audit"][str(int(max(data["audit"], key=int)) + 1)] = event
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


# -- 1. two folders holding one package id ------------------------------------------------------

def test_two_folders_sharing_an_id_keep_their_old_events_after_a_roster_change(lib):
    root, actors = lib
    original = _submitted(root, actors)
    copy = root / (original.name + "-副本")
    shutil.copytree(original, copy)  # a user copied the folder by hand: the same package id twice
    operations.transition(original, actors[f.REVIEWER1], "review")
    operations.transition(copy, actors[f.REVIEWER1], "review", comment="副本上的初审")
    members.remove_member(root, actors[ADMIN], f.REVIEWER1)
    # Each copy's 初审 sits at the same seq with a different hash: both were recorded.
    assert _problems(original) == "" and _problems(copy) == ""


def test_a_removed_members_late_event_in_a_copied_folder_still_fails(lib):
    root, actors = lib
    original = _submitted(root, actors)
    copy = root / (original.name + "-副本")
    shutil.copytree(original, copy)
    members.remove_member(root, actors[ADMIN], f.REVIEWER1)
    _late_event(copy, actors[f.REVIEWER1], action="review", level=1)
    assert "之后" in _problems(copy) and "补签" in _problems(copy)
    assert _problems(original) == ""


def test_a_folder_copied_after_the_change_is_covered_by_its_originals_head(lib):
    root, actors = lib
    original = _submitted(root, actors)
    operations.transition(original, actors[f.REVIEWER1], "review")
    members.remove_member(root, actors[ADMIN], f.REVIEWER1)
    copy = root / (original.name + "-副本")
    shutil.copytree(original, copy)
    assert _problems(copy) == ""
    _late_event(copy, actors[f.REVIEWER1], action="review", level=2)
    assert "补签" in _problems(copy)


def test_a_change_records_each_copys_head_and_still_reads_the_older_single_head_record(lib):
    root, actors = lib
    original = _submitted(root, actors)
    copy = root / (original.name + "-副本")
    shutil.copytree(original, copy)
    operations.transition(copy, actors[f.REVIEWER1], "review")
    members.remove_member(root, actors[ADMIN], f.REVIEWER2)
    last = read_chain(root).events[-1]
    assert len(last["packages"]) == 1 and len(last["more_heads"]) == 1  # the old field as before, plus the copy
    old_style = dict(last)
    old_style.pop("more_heads")
    assert recorded_heads(old_style) == {k: [v] for k, v in last["packages"].items()}


# -- 2. a package unreadable at the moment of the change ----------------------------------------

def test_a_package_unreadable_for_a_moment_is_read_again_and_recorded(lib, monkeypatch):
    root, actors = lib
    folder = _submitted(root, actors)
    operations.transition(folder, actors[f.REVIEWER1], "review")
    good = (folder / "package.json").read_bytes()
    (folder / "package.json").write_bytes(good[: len(good) // 2])  # another machine is half-way through saving
    monkeypatch.setattr(package_heads.time, "sleep", lambda _: (folder / "package.json").write_bytes(good))
    members.remove_member(root, actors[ADMIN], f.REVIEWER1)
    assert _problems(folder) == ""


def test_a_package_still_unreadable_refuses_the_change_naming_it_and_changes_nothing(lib, monkeypatch):
    root, actors = lib
    folder = _submitted(root, actors)
    monkeypatch.setattr(package_heads.time, "sleep", lambda _: None)
    (folder / "package.json").write_text("{损坏", "utf-8")
    before = read_chain(root).events
    with pytest.raises(UnreadablePackages) as refused:
        members.remove_member(root, actors[ADMIN], f.REVIEWER1)
    assert folder.name in refused.value.message and "--skip-unreadable" in refused.value.message
    assert read_chain(root).events == before


def test_skipping_an_unreadable_package_is_signed_and_its_provable_events_still_verify(lib, monkeypatch):
    root, actors = lib
    folder = _submitted(root, actors)
    operations.transition(folder, actors[f.REVIEWER1], "review")
    good = (folder / "package.json").read_bytes()
    monkeypatch.setattr(package_heads.time, "sleep", lambda _: None)
    (folder / "package.json").write_text("{损坏", "utf-8")
    members.remove_member(root, actors[ADMIN], f.REVIEWER2, ChangeOptions(skip_unreadable=True))
    assert read_chain(root).events[-1]["unread"] == [folder.name]  # recorded in the signed event
    (folder / "package.json").write_bytes(good)  # restored from backup
    # The drafter's events and REVIEWER1's 初审 rest on members the change took nothing from.
    assert _problems(folder) == ""


def test_skipping_cannot_hide_a_removed_members_late_signature(lib, monkeypatch):
    """The attacker's side: a member about to be removed makes their package unreadable at the
    change, then writes their 初审 citing the old roster. Verify names it, with what to do."""
    root, actors = lib
    folder = _submitted(root, actors)
    good = (folder / "package.json").read_bytes()
    monkeypatch.setattr(package_heads.time, "sleep", lambda _: None)
    (folder / "package.json").write_text("{损坏", "utf-8")
    members.remove_member(root, actors[ADMIN], f.REVIEWER1, ChangeOptions(skip_unreadable=True))
    (folder / "package.json").write_bytes(good)
    _late_event(folder, actors[f.REVIEWER1], action="review", level=1)
    problems = _problems(folder)
    assert "无法读取（管理员确认跳过）" in problems and "重新办理" in problems


# -- the rule beyond the recorded head: only what the change bears on is refused ----------------

def test_a_late_event_by_a_member_the_change_left_alone_verifies(lib):
    root, actors = lib
    folder = _submitted(root, actors)
    members.add_member(root, actors[ADMIN], "新成员", "", [Role.DRAFT], new_key_pair().public_hex)
    _late_event(folder, actors[f.REVIEWER1], action="review", level=1)
    assert _problems(folder) == ""


def test_a_late_event_by_a_member_who_lost_the_role_fails(lib):
    root, actors = lib
    folder = _submitted(root, actors)
    members.update_member(root, actors[ADMIN], f.REVIEWER1, roles=[Role.DRAFT])
    _late_event(folder, actors[f.REVIEWER1], action="review", level=1)
    assert "补签" in _problems(folder)


def test_a_late_event_signed_with_a_replaced_key_fails(lib):
    root, actors = lib
    folder = _submitted(root, actors)
    members.register_key(root, actors[ADMIN], f.REVIEWER1, new_key_pair().public_hex)  # the old key was lost
    _late_event(folder, actors[f.REVIEWER1], action="review", level=1)
    assert "补签" in _problems(folder)


def test_a_replaced_recorded_event_still_fails(lib):
    root, actors = lib
    folder = _submitted(root, actors)
    operations.transition(folder, actors[f.REVIEWER1], "review")
    members.add_member(root, actors[ADMIN], "新成员", "", [Role.DRAFT], new_key_pair().public_hex)
    path = folder / "package.json"
    data = json.loads(path.read_text("utf-8"))
    key = max(data["audit"], key=int)
    event = data["audit"][key]
    event["comment"] = "改写后的意见"
    event["hash"] = event_hash(event)
    event["sig"] = signature_record(actors[f.REVIEWER1].key, actors[f.REVIEWER1].id, event["hash"])
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert "记录被替换" in _problems(folder)


# -- 4. the heads read again only where a package file changed ----------------------------------

def test_a_change_records_the_head_on_disk_after_the_package_moved_since_the_last_change(lib):
    root, actors = lib
    folder = _submitted(root, actors)
    members.add_member(root, actors[ADMIN], "甲", "", [Role.DRAFT], new_key_pair().public_hex)  # heads kept
    operations.transition(folder, actors[f.REVIEWER1], "review")
    members.remove_member(root, actors[ADMIN], f.REVIEWER1)
    recorded = next(iter(read_chain(root).events[-1]["packages"].values()))
    assert recorded == {"seq": len(operations.history(folder)), "hash": operations.history(folder)[-1]["hash"]}
    assert _problems(folder) == ""


# -- the chain records only the packages that moved since the change before ----------------------

def _head(folder: Path) -> dict:
    history = operations.history(folder)
    return {"seq": len(history), "hash": history[-1]["hash"]}


def test_a_change_records_only_the_packages_that_moved_since_the_change_before(lib):
    root, actors = lib
    still, moved = _submitted(root, actors), _submitted(root, actors)
    members.add_member(root, actors[ADMIN], "甲", "", [Role.DRAFT], new_key_pair().public_hex)
    assert len(read_chain(root).events[-1]["packages"]) == 2
    operations.transition(moved, actors[f.REVIEWER1], "review")
    members.add_member(root, actors[ADMIN], "乙", "", [Role.DRAFT], new_key_pair().public_hex)
    assert list(read_chain(root).events[-1]["packages"].values()) == [_head(moved)]
    members.add_member(root, actors[ADMIN], "丙", "", [Role.DRAFT], new_key_pair().public_hex)
    assert read_chain(root).events[-1]["packages"] == {}  # nothing moved: the chain does not grow by every package
    assert _problems(still) == "" and _problems(moved) == ""


def test_a_package_that_stood_still_is_covered_by_the_head_in_force_and_still_protected(lib):
    root, actors = lib
    folder = _submitted(root, actors)
    members.add_member(root, actors[ADMIN], "甲", "", [Role.DRAFT], new_key_pair().public_hex)
    members.remove_member(root, actors[ADMIN], f.REVIEWER1)
    assert read_chain(root).events[-1]["packages"] == {}  # it stood still since 甲 was added
    assert _problems(folder) == ""
    _late_event(folder, actors[f.REVIEWER1], action="review", level=1)
    assert "补签" in _problems(folder)
