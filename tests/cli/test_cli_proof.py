"""From the command line: outside changes refused and recorded, export refusing what is not proven."""

from __future__ import annotations

import json
from pathlib import Path

from tests import factories as f
from tests.cli.test_cli import PUBLISHER, files, fill, new_package, run  # noqa: F401  (fixtures)


def _release(cli, folder: Path) -> None:
    for user, action in ((f.DRAFTER, "submit"), (f.REVIEWER1, "review"), (f.REVIEWER2, "review"),
                         (f.SIGNER, "sign"), (PUBLISHER, "release")):
        assert cli(action, folder, "--user", user)[0] == 0


def test_outside_edit_is_refused_then_recorded_with_a_reason(run, tmp_path, files):  # noqa: F811
    folder = new_package(run, tmp_path / "lib")
    fill(run, folder, files)
    path = folder / "package.json"
    data = json.loads(path.read_text("utf-8"))
    data["package"]["1"]["metadata"]["topic"] = "手工改的主题"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, _, err = run("set", folder, "topic=x", "--user", f.DRAFTER)
    assert code == 1 and "工作室之外被改动" in err and "studio adopt" in err
    assert run("verify", folder)[0] == 1
    code, _, err = run("adopt", folder, "--reason", "核实为处内同事所改", "--user", f.DRAFTER)
    assert code == 0 and "元数据" in err
    code, out, _ = run("verify", tmp_path / "lib")
    assert code == 0 and "签名有效" in out


def test_library_export_lists_the_refused_and_exits_non_zero(run, tmp_path, files):  # noqa: F811
    library = tmp_path / "lib"
    good = new_package(run, library)
    fill(run, good, files)
    _release(run, good)
    bad = new_package(run, library)
    fill(run, bad, files)
    _release(run, bad)
    data = json.loads((bad / "package.json").read_text("utf-8"))
    data["releases"]["1"]["package"]["pieces"]["policy"]["body"] += "篡改"
    (bad / "package.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out, err = run("export", library, "--out", tmp_path / "site")
    assert code == 1 and "拒绝导出" in err and bad.name in err and "已导出发布包：1个文件包" in err
    assert (tmp_path / "site" / "manifest.json").is_file()


def test_release_has_no_date_option(run, tmp_path, files):  # noqa: F811
    folder = new_package(run, tmp_path / "lib")
    code, _, err = run("release", folder, "--today", "2026-01-02", "--user", PUBLISHER)
    assert code == 2 and "--today" in err


def test_library_verify_names_an_unreadable_package_and_goes_on(run, tmp_path, files):  # noqa: F811
    """One broken package.json does not hide what the rest of the library says."""
    library = tmp_path / "lib"
    broken = new_package(run, library)
    tampered = new_package(run, library)
    fill(run, tampered, files)
    (broken / "package.json").write_text("{不是 JSON", "utf-8")
    data = json.loads((tampered / "package.json").read_text("utf-8"))
    data["package"]["1"]["metadata"]["topic"] = "手工改的主题"
    (tampered / "package.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out, err = run("verify", library)
    assert code == 1 and "Traceback" not in err
    assert f"{broken.name}：" in out and "无法读取" in out and "从备份恢复" in out  # named, with what to do
    assert f"{tampered.name}：审计记录校验失败" in out  # and the next package is still checked


def test_a_roster_cut_back_is_reported_then_accepted_from_the_command_line(run, tmp_path):  # noqa: F811
    library = tmp_path / "lib"
    new_package(run, library)  # its drafter founded the roster and administers it
    chain = library / "library-chain.json"
    older = chain.read_bytes()
    assert run("member", "update", library, f.REVIEWER1, "--member-office", "新处室", "--user", f.DRAFTER)[0] == 0
    assert run("verify", library)[0] == 0  # this machine has seen the longer roster
    chain.write_bytes(older)
    code, out, err = run("verify", library)
    assert code == 1 and "被改写或截断" in out and "Traceback" not in err
    code, _, err = run("library", "accept-roster", library)
    assert code == 0 and "本机已接受" in err
    assert run("verify", library)[0] == 0


def test_a_roster_change_refuses_on_an_unreadable_package_until_the_admin_skips_it(run, tmp_path, monkeypatch):  # noqa: F811
    from studio.store import package_heads

    monkeypatch.setattr(package_heads.time, "sleep", lambda _: None)
    library = tmp_path / "lib"
    broken = new_package(run, library)
    (broken / "package.json").write_text("{半截", "utf-8")
    code, _, err = run("member", "remove", library, f.REVIEWER2, "--user", f.DRAFTER)
    assert code == 1 and broken.name in err and "--skip-unreadable" in err and "Traceback" not in err
    assert "王复审" in run("member", "list", library)[1]
    code, _, err = run("member", "remove", library, f.REVIEWER2, "--skip-unreadable", "--user", f.DRAFTER)
    assert code == 0 and "已移除成员" in err
    code, _, err = run("settings", library, "distinct_reviewers=false", "--user", f.DRAFTER)
    assert code == 1 and broken.name in err


def test_a_reviewer_reviews_from_the_command_line_while_the_drafter_has_the_package_open(run, tmp_path, files):  # noqa: F811
    from studio.service import members
    from studio.service.editor import PackageEditor
    from tests.members import PASSPHRASE

    library = tmp_path / "lib"
    folder = new_package(run, library)
    fill(run, folder, files)
    assert run("submit", folder, "--user", f.DRAFTER)[0] == 0
    window = PackageEditor(folder, members.sign_in(library, f.DRAFTER, PASSPHRASE))  # left open, only viewed
    try:
        code, _, err = run("review", folder, "--user", f.REVIEWER1)
        assert code == 0, err
    finally:
        window.close()
    code, out, _ = run("verify", folder)
    assert code == 0 and "签名有效" in out


def test_a_package_cut_back_to_an_older_copy_is_named_and_a_confirmed_restore_accepted(run, tmp_path, files):  # noqa: F811
    library = tmp_path / "lib"
    folder = new_package(run, library)
    fill(run, folder, files)
    assert run("submit", folder, "--user", f.DRAFTER)[0] == 0
    older = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.endswith(".lock")}
    assert run("return", folder, "--comment", "数字有误，请核对。", "--user", f.REVIEWER1)[0] == 0
    for name, data in older.items():  # the copy from before the return put back over the package
        (folder / name).write_bytes(data)
    code, out, _ = run("verify", library)
    assert code == 1 and "被删除（回滚）" in out and "accept-history" in out
    code, _, err = run("library", "accept-history", library)
    assert code == 0 and "接受1个文件包" in err
    assert run("verify", library)[0] == 0
