"""The `studio` command end to end: a new package through review to release."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.cli.main import main
from studio.store.user_settings import UserSettings
from tests import factories as f
from tests.members import PASSPHRASE, add_profile_members

PUBLISHER = "刘发布"


@pytest.fixture
def run(capsys, monkeypatch):
    monkeypatch.setenv("STUDIO_PASSPHRASE", PASSPHRASE)
    UserSettings(name=f.DRAFTER).save()  # commands without --user act as the drafter

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main([str(a) for a in args])
        except SystemExit as e:  # argparse's own exits: --help, usage errors
            code = e.code
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    paths = {
        "policy": tmp_path / "policy.md",
        "interpretation": tmp_path / "interpretation.txt",
        "faq": tmp_path / "faq.md",
        "consultation": tmp_path / "consultation.md",
        "explainer": tmp_path / "explainer.json",
    }
    paths["policy"].write_text(f.POLICY_BODY, "utf-8")
    paths["interpretation"].write_bytes(f.INTERPRETATION_BODY.encode("gb18030"))  # offices still save GBK
    paths["faq"].write_text("# 问答\n\n问：补贴多少？\n答：每人每月500元。\n\n问：发多久？\n答：最长24个月。\n", "utf-8")
    paths["consultation"].write_text(f.CONSULTATION_BODY, "utf-8")
    paths["explainer"].write_text(json.dumps(f.EXPLAINER, ensure_ascii=False), "utf-8")
    return paths


def new_package(run, library: Path) -> Path:
    meta = f.META
    code, out, _ = run("new", library, "--title", meta["title"], "--doc-number", meta["doc_number"],
                       "--organ", meta["organ"], "--date-written", "2026-03-05", "--kind", "规范性文件",
                       "--disclosure", "主动公开", "--user", f.DRAFTER)
    assert code == 0
    folder = Path(out.strip())
    assert (folder / "package.json").is_file()
    add_profile_members(library, f.DRAFTER, f.REVIEWER1, f.REVIEWER2, f.SIGNER, PUBLISHER)
    return folder


def fill(run, folder: Path, files: dict[str, Path]) -> None:
    pairs = [f"{k}={f.META[k]}" for k in ("index_number", "topic", "interpreter_org", "interpreter_person",
                                          "interpreter_contact", "consultation_start", "consultation_end",
                                          "consultation_feedback", "affects_business")]
    assert run("set", folder, *pairs, "--user", f.DRAFTER)[0] == 0
    for piece, path in files.items():
        code, _, err = run("import", folder, "--piece", piece, path, "--user", f.DRAFTER)
        assert code == 0, err


def test_full_workflow_from_the_command_line(run, tmp_path, files):
    folder = new_package(run, tmp_path / "lib")
    assert run("import", folder, "--piece", "policy", files["policy"], "--user", f.DRAFTER)[0] == 0

    code, _, err = run("submit", folder, "--user", f.DRAFTER)
    assert code == 1 and "缺少政策解读" in err

    fill(run, folder, files)
    assert run("submit", folder, "--user", f.DRAFTER)[0] == 0
    code, _, err = run("review", folder, "--user", f.DRAFTER)
    assert code == 1 and "起草人" in err
    assert run("review", folder, "--user", f.REVIEWER1, "--comment", "保密审查通过")[0] == 0
    assert run("review", folder, "--user", f.REVIEWER2)[0] == 0
    assert run("sign", folder, "--user", f.SIGNER)[0] == 0

    code, out, _ = run("check", folder, "--json", "--today", "2026-03-10")
    result = json.loads(out)
    assert code == 0 and result["releasable"] is True and result["state"] == "signed"

    assert run("release", folder, "--user", "刘发布")[0] == 0
    code, out, _ = run("show", folder, "--json")
    info = json.loads(out)
    assert info["state"] == "released" and info["released_versions"] == [1]
    assert all(p["signed_off_current"] for p in info["pieces"].values())
    assert set(info["metadata"]) >= {"title", "doc_number", "organ", "date_written", "date_published",
                                     "index_number", "topic", "subject_words", "kind", "disclosure",
                                     "disclosure_reason", "validity", "interpreter_org", "interpreter_person",
                                     "interpreter_contact", "consultation_start", "consultation_end",
                                     "consultation_feedback", "exempt", "exempt_reason"}
    assert info["metadata"]["date_written"] == "2026年3月5日"

    code, out, _ = run("log", folder)
    assert code == 0 and "提交审核" in out and "审签" in out and "发布" in out
    code, out, _ = run("verify", folder)
    assert code == 0 and "完整" in out

    code, _, err = run("set", folder, "topic=其他", "--user", f.DRAFTER)
    assert code == 1 and "新版本" in err
    assert run("amend", folder, "--user", f.DRAFTER)[0] == 0
    info = json.loads(run("show", folder, "--json")[1])
    assert info["state"] == "draft" and info["version"] == 2 and info["released_versions"] == [1]


def test_edit_after_signoff_voids_it_and_says_so(run, tmp_path, files):
    folder = new_package(run, tmp_path / "lib")
    fill(run, folder, files)
    for user, action in ((f.DRAFTER, "submit"), (f.REVIEWER1, "review"), (f.REVIEWER2, "review"), (f.SIGNER, "sign")):
        assert run(action, folder, "--user", user)[0] == 0
    code, _, err = run("set", folder, "subject_words=住房 补贴", "--user", f.DRAFTER)
    assert code == 0 and "审签已作废" in err and "退回草稿" in err
    info = json.loads(run("show", folder, "--json")[1])
    assert info["state"] == "draft" and info["signoff"] is None
    assert "void" in [e["action"] for e in json.loads(run("log", folder, "--json")[1])]


def test_check_library_json_and_exit_codes(run, tmp_path, files):
    library = tmp_path / "lib"
    folder = new_package(run, library)
    code, out, _ = run("check", library, "--json")
    data = json.loads(out)
    assert code == 1 and isinstance(data, list) and data[0]["package"] == str(folder)
    assert {"code", "severity", "piece", "field", "message", "basis"} == set(data[0]["findings"][0])
    assert data[0]["findings"][0]["basis"].startswith("按《国家》")
    assert run("check", tmp_path / "nowhere")[0] == 2
    assert run("check", folder, "--today", "2026/03/10")[0] == 2


def test_bad_input_exits_2_with_a_chinese_message(run, tmp_path, files):
    folder = new_package(run, tmp_path / "lib")
    code, _, err = run("set", folder, "kind=通知")
    assert code == 2 and "只能是" in err
    code, _, err = run("set", folder, "no-equals-sign")
    assert code == 2 and "键=值" in err
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04")
    code, _, err = run("import", folder, "--piece", "policy", bad)
    assert code == 2 and "无法打开 Word 文件" in err
    pdf = tmp_path / "policy.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    code, _, err = run("import", folder, "--piece", "policy", pdf)
    assert code == 2 and "无法读取 PDF 文件" in err


def test_failed_import_changes_nothing(run, tmp_path):
    folder = new_package(run, tmp_path / "lib")
    before = (folder / "package.json").read_bytes()
    faq = tmp_path / "faq.txt"
    faq.write_text("问：第一个问题？\n答：回答。\n问：没有回答的问题？\n", "utf-8")
    code, _, err = run("import", folder, "--piece", "faq", faq)
    assert code == 2 and "没有回答" in err
    undecodable = tmp_path / "x.txt"
    undecodable.write_bytes(bytes(range(128, 256)) * 4)
    assert run("import", folder, "--piece", "policy", undecodable)[0] == 2
    assert (folder / "package.json").read_bytes() == before


def test_exempt_package_workflow(run, tmp_path, files):
    folder = new_package(run, tmp_path / "lib")
    run("import", folder, "--piece", "policy", files["policy"], "--user", f.DRAFTER)
    assert run("set", folder, "kind=其他", "exempt=表彰决定", "exempt_reason=仅公布表彰对象", "--user", f.DRAFTER)[0] == 0
    assert run("submit", folder, "--user", f.DRAFTER)[0] == 0


def test_return_requires_comment_and_records_it(run, tmp_path, files):
    folder = new_package(run, tmp_path / "lib")
    fill(run, folder, files)
    run("submit", folder, "--user", f.DRAFTER)
    assert run("return", folder, "--user", f.REVIEWER1)[0] == 2  # --comment is required
    assert run("return", folder, "--user", f.REVIEWER1, "--comment", "补贴标准需核实")[0] == 0
    events = json.loads(run("log", folder, "--json")[1])
    assert events[-1]["action"] == "return" and events[-1]["comment"] == "补贴标准需核实"


def test_link_repairs_a_linkage_gap(run, tmp_path, files):
    folder = new_package(run, tmp_path / "lib")
    fill(run, folder, files)
    assert run("unlink", folder, "--piece", "faq")[0] == 0
    codes = {x["code"] for x in json.loads(run("check", folder, "--json")[1])["findings"]}
    assert "LINK_FORWARD_MISSING" in codes
    assert run("link", folder, "--piece", "faq")[0] == 0
    codes = {x["code"] for x in json.loads(run("check", folder, "--json")[1])["findings"]}
    assert "LINK_FORWARD_MISSING" not in codes


def test_settings_and_holidays_are_editable(run, tmp_path, files):
    library = tmp_path / "lib"
    new_package(run, library)
    assert run("settings", library, "release_limit_workdays=5", "source=本局公开规定", "holidays+=2027-01-01")[0] == 0
    saved = json.loads((library / "library.json").read_text("utf-8"))
    assert saved["own_profile"]["parameters"]["release_limit_workdays"] == {"value": 5, "source": "本局公开规定"}
    assert "2027-01-01" in saved["holidays"]
    assert "成文后发布时限（工作日）：20 → 5（依据：本局公开规定）" in saved["history"][-1]["changes"]
    assert run("settings", library, "holidays+=明天")[0] == 2
    assert run("settings", library, "profile=上海")[0] == 2
    assert run("settings", library, "rule.NOT_SIGNED=关闭")[0] == 2  # sign-off cannot be weakened
    code, _, err = run("settings", library, "rule.FAQ_MISSING=严重")
    assert code == 2 and "可选：阻止发布、警告、提示、关闭" in err
    code, _, err = run("settings", library, "consultation_required_kinds+=通知")
    assert code == 2 and "不是有效的须公开征求意见的文件类型" in err
    code, _, err = run("settings", library, "release_limit_workdays=二十")
    assert code == 2 and "须为整数" in err


def test_profile_is_chosen_on_the_command_line_and_findings_name_it(run, tmp_path, files):
    library = tmp_path / "lib"
    folder = new_package(run, library)
    fill(run, folder, files)
    assert run("set", folder, "interpreter_person=", "--user", f.DRAFTER)[0] == 0
    findings = {x["code"]: x for x in json.loads(run("check", folder, "--json")[1])["findings"]}
    assert findings["INTERPRETER_PERSON_MISSING"]["severity"] == "warning"
    code, out, err = run("settings", library, "profile=成都")
    assert code == 0 and "规则方案：《成都》" in out and "解读人" in err
    findings = {x["code"]: x for x in json.loads(run("check", folder, "--json")[1])["findings"]}
    assert findings["INTERPRETER_PERSON_MISSING"]["severity"] == "blocking"
    assert "按《成都》规则" in findings["INTERPRETER_PERSON_MISSING"]["basis"]
    assert "成都实践" in findings["INTERPRETER_PERSON_MISSING"]["basis"]


def test_whoami_sets_the_default_user(run, tmp_path):
    assert run("whoami", "--name", "周敏", "--office", "就业促进处")[0] == 0
    code, out, _ = run("new", tmp_path / "lib", "--title", "测试")
    events = json.loads(run("log", out.strip(), "--json")[1])
    assert events[0]["user"] == "周敏" and events[0]["office"] == "就业促进处"


def test_help_is_in_chinese(run):
    code, out, _ = run("--help")
    assert code == 0 and "用法：" in out and "检查文件包" in out
    code, out, _ = run("check", "--help")
    assert "退出码" in out and "选项" in out


def test_settings_history_is_listed_and_checked(run, tmp_path, files):
    library = tmp_path / "lib"
    new_package(run, library)
    code, _, err = run("settings", library, "profile=贵州", "--user", f.REVIEWER1)
    assert code == 1 and "不是本文件库的管理员" in err  # only an administrator changes the rules
    assert run("settings", library, "profile=贵州", "--user", f.DRAFTER)[0] == 0  # the founder administers
    code, out, _ = run("settings", library, "--history")
    assert code == 0 and f.DRAFTER in out and "规则方案：《国家》→《贵州》" in out
    saved = json.loads((library / "library.json").read_text("utf-8"))
    saved["profile"] = "成都"  # edited by hand, outside the studio
    (library / "library.json").write_text(json.dumps(saved, ensure_ascii=False), "utf-8")
    code, out, _ = run("settings", library, "--history")
    assert code == 1 and "在最后一条修改记录之后被改动过" in out
