"""Each attack an insider with write access to the library folder tried, refused or caught."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from studio.domain import edits
from studio.domain.errors import ActionRefused
from studio.domain.hashing import content_hash
from studio.domain.roles import Role
from studio.render.export.exporter import export_library, export_package
from studio.render.export.source import ExportRefused
from studio.service import clock, library_settings, members, operations, roster_anchor
from studio.service.library_proof import verify_library
from studio.service.proof import verify_package
from studio.store.audit import event_hash
from studio.store.key_store import key_file
from studio.store.library_chain import read_chain
from tests import factories as f
from tests.members import enrol

PUBLISHER = "刘发布"
DAY = datetime(2026, 3, 10, 10, 0, tzinfo=timezone(timedelta(hours=8)))


@pytest.fixture
def lib(tmp_path):
    root = tmp_path / "lib"
    actors = enrol(root, "管理员", f.DRAFTER, f.REVIEWER1, f.REVIEWER2, f.SIGNER, PUBLISHER)
    return root, actors


def _drafted(root, actors) -> Path:
    d = f.draft()
    folder = operations.create_package(root, actors[f.DRAFTER], {"title": f.META["title"]})
    operations.edit(folder, actors[f.DRAFTER], lambda p: edits.finish_edit(
        p, d.evolve(id=p.id, created_by=p.created_by, created_at=p.created_at)),
        media=[("x.jpg", b"\xff\xd8original-picture")])
    return folder


def _released(root, actors) -> Path:
    folder = _drafted(root, actors)
    with clock.use(lambda: DAY):
        for who, action in ((f.DRAFTER, "submit"), (f.REVIEWER1, "review"), (f.REVIEWER2, "review"),
                            (f.SIGNER, "sign"), (PUBLISHER, "release")):
            operations.transition(folder, actors[who], action)
    return folder


def _raw(folder: Path) -> dict:
    return json.loads((folder / "package.json").read_text("utf-8"))


def _write(folder: Path, data: dict) -> None:
    (folder / "package.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def _messages(folder: Path) -> str:
    return " ".join(p.message for p in verify_package(folder).problems)


def test_a_released_package_verifies_and_exports(lib, tmp_path):
    folder = _released(*lib)
    assert verify_package(folder).problems == []
    with clock.use(lambda: DAY):
        report = export_package(folder, tmp_path / "site")
    assert report.packages == 1


def test_published_snapshot_changed_by_hand_fails_verify_and_export(lib, tmp_path):
    folder = _released(*lib)
    data = _raw(folder)
    data["releases"]["1"]["package"]["pieces"]["policy"]["body"] += "\n偷偷加上的一句。"
    _write(folder, data)
    assert "第1版的发布内容" in _messages(folder)
    with clock.use(lambda: DAY), pytest.raises(ExportRefused, match="未通过审计校验"):
        export_package(folder, tmp_path / "site")
    assert not (tmp_path / "site").exists()


def test_forged_release_row_on_a_draft_with_secrets_is_caught(lib, tmp_path):
    root, actors = lib
    folder = _drafted(root, actors)
    operations.edit(folder, actors[f.DRAFTER], lambda p: edits.set_policy_body(
        p, "机密★1年\n\n申请人身份证号 110101199003071234。\n"))
    data = _raw(folder)
    snapshot = dict(data["package"]["1"], state="released")
    data["releases"] = {"1": {"version": 1, "released_at": "2026-03-10T10:00:00+08:00",
                              "hashes": {}, "package": snapshot}}
    _write(folder, data)
    assert "没有对应的发布记录" in _messages(folder)
    with clock.use(lambda: DAY), pytest.raises(ExportRefused):
        export_package(folder, tmp_path / "site")


def test_hand_set_signed_state_is_refused_by_release_and_fails_verify(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    data = _raw(folder)
    pkg = data["package"]["1"]
    pkg.update(state="signed", submitted_by=f.DRAFTER,
               reviews=[{"level": 1, "user": "甲", "at": "x"}, {"level": 2, "user": "乙", "at": "x"}])
    from studio.domain.package import Package

    pkg["signoff"] = {"user": "丙", "at": "x", "hashes": Package.from_dict(pkg).part_hashes()}
    _write(folder, data)
    with pytest.raises(ActionRefused, match="工作室之外被改动"):
        operations.transition(folder, actors[PUBLISHER], "release")
    assert "不一致" in _messages(folder)


def test_consistent_rewrite_of_the_whole_chain_fails_on_signatures(lib):
    folder = _released(*lib)
    data = _raw(folder)
    data["package"]["1"]["pieces"]["policy"]["body"] += "\n改写。"
    from studio.domain.package import Package

    package = Package.from_dict(data["package"]["1"])
    prev = "0" * 64
    for key in sorted(data["audit"], key=int):
        event = data["audit"][key]
        event["prev"] = prev
        event["package_hash"] = package.package_hash()
        event["parts"] = package.part_hashes()
        event["hash"] = event_hash(event)
        prev = event["hash"]
    _write(folder, data)
    text = _messages(folder)
    assert "签名无效" in text and "链接断开" not in text


def test_outside_edit_is_not_absorbed_by_the_next_save(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    data = _raw(folder)
    data["package"]["1"]["pieces"]["interpretation"]["body"] = "外部改写的解读。"
    _write(folder, data)
    with pytest.raises(ActionRefused, match="政策解读的内容与最后一条审计记录不一致"):
        operations.edit(folder, actors[f.DRAFTER], lambda p: edits.set_metadata(p, {"topic": "其他"}))
    assert verify_package(folder).problems  # still caught: nothing was swallowed
    found = operations.adopt_outside_change(folder, actors[f.DRAFTER], "核对后确认为解读处的修改")
    assert found and verify_package(folder).problems == []
    log = operations.history(folder)
    assert log[-1]["action"] == "adopt" and "核对后确认" in log[-1]["comment"]


def test_replaced_media_after_release_fails_verify_and_export(lib, tmp_path):
    folder = _released(*lib)
    (folder / "media" / "x.jpg").write_bytes(b"\xff\xd8another-picture")
    assert "media/x.jpg 的内容已被替换" in _messages(folder)
    info = __import__("studio.service.package_info", fromlist=["x"]).package_info(folder)
    assert info["outside_changes"]
    with clock.use(lambda: DAY), pytest.raises(ExportRefused, match="x.jpg"):
        export_package(folder, tmp_path / "site")


@pytest.mark.parametrize("alias", ["Alice", "ALICE", "ａｌｉｃｅ", "alice\u200b", " a l i c e "])
def test_separation_of_duties_compares_members_not_spellings(tmp_path, alias):
    root = tmp_path / "lib"
    actors = enrol(root, "管理员", "alice", "bob")
    with pytest.raises(ActionRefused, match="视为同一姓名"):
        members.add_member(root, actors["管理员"], alias, "", [], actors["alice"].key.public_hex)


def test_names_with_inner_spaces_are_one_member(tmp_path):
    root = tmp_path / "lib"
    actors = enrol(root, "管理员", "周敏")
    with pytest.raises(ActionRefused, match="视为同一姓名"):
        members.add_member(root, actors["管理员"], "周 敏", "", [], actors["周敏"].key.public_hex)


def test_reviewer_with_invisible_character_cannot_review_twice(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    operations.transition(folder, actors[f.DRAFTER], "submit")
    operations.transition(folder, actors[f.REVIEWER1], "review")
    disguised = actors[f.REVIEWER1].__class__(f.REVIEWER1 + "\u200b", "", actors[f.REVIEWER1].key)
    with pytest.raises(ActionRefused, match="复审须由另一人"):
        operations.transition(folder, disguised, "review")


def test_settings_edited_by_hand_fail_verify_and_relaxing_needs_an_admin(lib):
    root, actors = lib
    (root / "library.json").write_text(json.dumps({"format": 2, "profile": "贵州"}), "utf-8")
    assert any("library.json" in p.message for p in verify_library(root))
    (root / "library.json").unlink()
    relaxed = library_settings.read_settings(root).config.with_parameter(
        "forbid_drafter_review", False, "处室人手不足，经批准")
    with pytest.raises(ActionRefused, match="不是本文件库的管理员"):
        library_settings.change_settings(root, relaxed, actors[f.DRAFTER])
    library_settings.change_settings(root, relaxed, actors["管理员"])
    assert verify_library(root) == []
    event = read_chain(root).events[-1]
    assert event["action"] == "settings" and event["sig"]["member"] == "管理员"


def test_a_member_without_the_role_is_refused(tmp_path):
    root = tmp_path / "lib"
    actors = enrol(root, "管理员", "起草人", roles=(Role.DRAFT,))
    folder = _drafted(root, {f.DRAFTER: actors["起草人"]})
    operations.transition(folder, actors["起草人"], "submit")
    with pytest.raises(ActionRefused, match="初审"):
        operations.transition(folder, actors["起草人"], "review")


def test_a_removed_members_old_events_still_verify(lib):
    root, actors = lib
    folder = _released(root, actors)
    members.remove_member(root, actors["管理员"], f.REVIEWER1)
    assert verify_package(folder).problems == []
    with pytest.raises(ActionRefused, match="不是本文件库的成员"):
        operations.transition(folder, actors[f.REVIEWER1], "amend")


def test_lost_key_gives_a_chinese_message_and_an_admin_registers_a_new_one(tmp_path):
    from tests.members import PASSPHRASE, add_profile_members

    root = tmp_path / "lib"
    members.init_library(root, "管理员", "", PASSPHRASE)
    add_profile_members(root, "管理员", "李初审")
    chain = read_chain(root)
    key_file(chain.library_id, "李初审").unlink()
    with pytest.raises(ActionRefused, match="找不到成员“李初审”的签名密钥") as lost:
        members.sign_in(root, "李初审", PASSPHRASE)
    assert "studio key new" in lost.value.message and "studio member key" in lost.value.message
    public = members.new_key(root, "李初审", PASSPHRASE)
    admin = members.sign_in(root, "管理员", PASSPHRASE)
    members.register_key(root, admin, "李初审", public)
    assert members.sign_in(root, "李初审", PASSPHRASE).key.public_hex == public
    assert verify_library(root) == []


def test_demo_keys_are_refused_outside_a_demo_library(lib):
    root, actors = lib
    with pytest.raises(ActionRefused, match="示例密钥"):
        members.add_member(root, actors["管理员"], "示例人员", "", [Role.DRAFT], actors[f.DRAFTER].key.public_hex,
                           demo=True)


def test_release_takes_its_date_from_the_clock_not_the_command_line(lib):
    from studio.cli.main import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["release", "x", "--today", "2026-01-02"])
    folder = _released(*lib)
    assert _raw(folder)["package"]["1"]["metadata"]["date_published"] == "2026-03-10"


def test_library_export_writes_the_rest_and_lists_the_refused(lib, tmp_path):
    root, actors = lib
    good = _released(root, actors)
    bad = _released(root, actors)
    (bad / "media" / "x.jpg").write_bytes(b"changed")
    (good / "media" / "x.jpg").write_bytes(b"\xff\xd8original-picture")
    with clock.use(lambda: DAY):
        report = export_library(root, tmp_path / "site")
    assert report.packages == 1 and [s.folder for s in report.refused] == [bad]


def test_signatures_interoperate_with_an_independent_sm2(lib):
    from gmssl.sm2 import CryptSM2

    root, actors = lib
    folder = _drafted(root, actors)
    event = operations.history(folder)[-1]
    key = actors[f.DRAFTER].key
    crypt = CryptSM2(private_key="", public_key="")
    crypt.public_key = key.public_hex[2:]
    assert crypt.verify_with_sm3(event["sig"]["value"], event["hash"].encode("ascii"))
    assert content_hash({}) != event["hash"]


def test_a_drafter_review_signed_with_a_genuine_key_outside_the_workflow_fails_verify(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    operations.transition(folder, actors[f.DRAFTER], "submit")
    # Another program writes a 初审 by the drafter, signed with the drafter's real key.
    data = _raw(folder)
    last = data["audit"][max(data["audit"], key=int)]
    from studio.domain.signing import signature_record
    from studio.store.audit import make_event

    event = make_event(last, **{k: v for k, v in last.items() if k not in ("seq", "prev", "hash", "sig")})
    event.update(action="review", level=1)
    event["hash"] = event_hash(event)
    event["sig"] = signature_record(actors[f.DRAFTER].key, actors[f.DRAFTER].id, event["hash"])
    data["audit"][str(int(max(data["audit"], key=int)) + 1)] = event
    _write(folder, data)
    assert "起草人" in _messages(folder)


def test_a_removed_member_cannot_sign_citing_the_roster_from_before_their_removal(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    operations.transition(folder, actors[f.DRAFTER], "submit")
    members.remove_member(root, actors["管理员"], f.REVIEWER1)
    # The removed reviewer still holds their key: another program writes their 初审, citing the
    # roster version the submit cited (when they were still a member), signed with their real key.
    data = _raw(folder)
    last = data["audit"][max(data["audit"], key=int)]
    from studio.domain.signing import signature_record
    from studio.store.audit import make_event

    event = make_event(last, **{k: v for k, v in last.items() if k not in ("seq", "prev", "hash", "sig")})
    event.update(action="review", level=1, user=f.REVIEWER1, member=actors[f.REVIEWER1].id)
    event["hash"] = event_hash(event)
    event["sig"] = signature_record(actors[f.REVIEWER1].key, actors[f.REVIEWER1].id, event["hash"])
    data["audit"][str(int(max(data["audit"], key=int)) + 1)] = event
    _write(folder, data)
    assert "成员名单" in _messages(folder) and "之后" in _messages(folder)


def test_events_recorded_before_a_roster_change_still_verify_after_it(lib):
    root, actors = lib
    folder = _released(root, actors)
    from studio.domain.signing import new_key_pair

    members.add_member(root, actors["管理员"], "新成员", "", [Role.DRAFT], new_key_pair().public_hex)
    members.remove_member(root, actors["管理员"], f.REVIEWER2)
    assert verify_package(folder).problems == []
    operations.transition(folder, actors[f.DRAFTER], "amend")  # a new event after the changes cites the new roster
    assert verify_package(folder).problems == []


def _comment(root, actors) -> Path:
    from studio.service.paragraph_comments import add_comment
    from studio.service.session import PackageSession

    folder = _drafted(root, actors)
    operations.transition(folder, actors[f.DRAFTER], "submit")
    with PackageSession(folder, actors[f.REVIEWER1]) as session:
        add_comment(session, "policy", 2, "第二段的补贴标准请写明依据。")
    return folder


def test_a_reviewers_comment_is_a_signed_event_and_verifies(lib):
    root, actors = lib
    folder = _comment(root, actors)
    last = operations.history(folder)[-1]
    assert last["action"] == "comment" and last["user"] == f.REVIEWER1 and "sig" in last
    assert verify_package(folder).problems == []


@pytest.mark.parametrize("edit", ["rewrite", "delete"])
def test_a_comment_rewritten_or_deleted_by_hand_fails_verify_and_blocks_the_next_save(lib, edit):
    root, actors = lib
    folder = _comment(root, actors)
    path = folder / "comments.json"
    if edit == "rewrite":
        rows = json.loads(path.read_text("utf-8"))
        rows[0]["text"] = "同意。"
        path.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    else:
        path.unlink()
    assert "审核意见" in _messages(folder)
    with pytest.raises(ActionRefused, match="审核意见"):
        operations.transition(folder, actors[f.REVIEWER1], "review")


def test_texts_kept_at_submission_edited_by_hand_fail_verify(lib):
    root, actors = lib
    folder = _drafted(root, actors)
    operations.transition(folder, actors[f.DRAFTER], "submit")
    path = folder / "checkpoints.json"
    rows = json.loads(path.read_text("utf-8"))
    assert rows and operations.history(folder)[-1]["side"]["checkpoints.json"]
    rows[0]["texts"]["policy"] = "另一份文本"
    path.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    assert "提交、审核时留存的文本" in _messages(folder)


def test_a_comment_on_a_released_package_verifies_and_is_never_exported(lib, tmp_path):
    from studio.service.paragraph_comments import add_comment
    from studio.service.session import PackageSession

    root, actors = lib
    folder = _released(root, actors)
    with PackageSession(folder, actors[f.REVIEWER1]) as session:
        add_comment(session, "policy", 1, "内部意见：标题再斟酌")
    assert verify_package(folder).problems == []
    export_package(folder, tmp_path / "site")
    bundle = " ".join(p.read_text("utf-8", errors="ignore") for p in (tmp_path / "site").rglob("*") if p.is_file())
    assert "标题再斟酌" not in bundle


def test_export_proves_and_publishes_one_reading_of_each_package(lib, tmp_path, monkeypatch):
    from studio.store.package_file import PackageFile

    root, actors = lib
    folder = _released(root, actors)
    reads: list[str] = []
    load = PackageFile.load
    monkeypatch.setattr(PackageFile, "load", lambda self, *a, **k: reads.append(self.folder.name) or load(self, *a, **k))
    report = export_library(root, tmp_path / "site")
    assert report.packages == 1 and not report.refused
    assert reads == [folder.name]  # the file proven is the file rendered: nothing read in between


def test_a_roster_replaced_as_a_whole_is_caught_where_the_library_was_seen_before(tmp_path):
    """The insider builds a consistent library of their own (new roster, their own keys for every
    name, every package signed) and puts it in the shared folder's place: every signature inside
    holds, so only what this machine remembers of the roster can tell."""
    names = ("管理员", f.DRAFTER, f.REVIEWER1, f.REVIEWER2, f.SIGNER, PUBLISHER)
    real = tmp_path / "lib"
    _released(real, enrol(real, *names))
    assert verify_library(real) == []  # this machine has now seen the real roster
    forged = tmp_path / "forged"
    forged_folder = _released(forged, enrol(forged, *names))
    shutil.rmtree(real)
    shutil.copytree(forged, real)
    problems = verify_library(real)
    assert any("不是同一份" in p.message and "accept-roster" in p.message for p in problems)
    assert not verify_package(real / forged_folder.name).ok
    with pytest.raises(ExportRefused, match="不是同一份"):
        export_library(real, tmp_path / "site")
    assert not (tmp_path / "site").exists()


def test_a_roster_cut_back_to_an_older_copy_is_caught_and_can_be_accepted(lib):
    root, actors = lib
    older = (root / "library-chain.json").read_bytes()
    members.update_member(root, actors["管理员"], f.DRAFTER, office="新处室")
    assert verify_library(root) == []  # the longer roster is what this machine saw last
    (root / "library-chain.json").write_bytes(older)  # a backup restored over it, or history cut
    assert any("被改写或截断" in p.message for p in verify_library(root))
    roster_anchor.accept_roster(root)  # after the people responsible confirm the restore
    assert verify_library(root) == []


def test_a_roster_that_grows_as_the_studio_writes_it_stays_trusted(lib):
    root, actors = lib
    assert verify_library(root) == []
    members.update_member(root, actors["管理员"], f.DRAFTER, office="新处室")
    members.update_member(root, actors["管理员"], f.REVIEWER1, office="另一处室")
    assert verify_library(root) == []
