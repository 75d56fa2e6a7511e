"""版头 and 版记 leave the text and become metadata, so pages show them once."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from studio.service import importing
from tests import factories as f
from tests.members import member


def full_gongwen(path: Path) -> Path:
    d = docx.Document()
    for line in ("000123", "机密★1年", "特急", "明湖市人民政府文件", "明政发〔2024〕3号　　签发人：张明",
                 "明湖市人民政府关于支持高校毕业生", "就业创业的若干措施", "各区县人民政府，市政府各部门：",
                 "为做好高校毕业生就业创业工作，现提出以下措施。", "附件：1．补贴申请表", "2．申领流程图",
                 "明湖市人民政府", "2024年3月4日", "（此件公开发布）",
                 "抄送：市委办公室，市人大常委会办公室。", "明湖市人民政府办公室　　2024年3月5日印发"):
        d.add_paragraph(line)
    d.save(path)
    return path


def test_head_and_record_become_metadata_and_leave_the_text(tmp_path):
    folder, results = importing.create_from_file(tmp_path / "lib", member(tmp_path / "lib", f.DRAFTER),
                                                 full_gongwen(tmp_path / "g.docx"), {})
    stored = json.loads((folder / "package.json").read_text("utf-8"))["package"]["1"]
    meta = stored["metadata"]
    assert meta["copy_number"] == "000123"
    assert meta["secrecy"] == "机密★1年"
    assert meta["urgency"] == "特急"
    assert meta["signer"] == "张明"
    assert meta["doc_number"] == "明政发〔2024〕3号"
    assert meta["addressees"] == "各区县人民政府，市政府各部门"
    assert meta["attachments"] == "补贴申请表\n申领流程图"
    assert meta["copied_to"] == "市委办公室，市人大常委会办公室"
    assert meta["printed_by"] == "明湖市人民政府办公室" and meta["printed_on"] == "2024年3月5日"
    body = stored["pieces"]["policy"]["body"]
    for gone in ("000123", "机密", "特急", "明湖市人民政府文件", "明政发", "签发人", "就业创业的若干措施",
                 "抄送", "印发"):
        assert gone not in body
    for kept in ("各区县人民政府，市政府各部门：", "现提出以下措施。", "补贴申请表", "2024年3月4日", "此件公开发布"):
        assert kept in body
    assert any("已从正文移到元数据" in n for n in results[0].prepared.notes)


def test_a_body_line_equal_to_the_number_further_down_stays(tmp_path):
    d = docx.Document()
    for line in ("明政发〔2024〕3号", "关于做好防汛工作的通知", "各区县：", "现通知如下。", "明政发〔2024〕3号",
                 "明湖市人民政府", "2024年3月4日"):
        d.add_paragraph(line)
    d.save(tmp_path / "p.docx")
    folder, _ = importing.create_from_file(tmp_path / "lib", member(tmp_path / "lib", f.DRAFTER), tmp_path / "p.docx", {})
    body = json.loads((folder / "package.json").read_text("utf-8"))["package"]["1"]["pieces"]["policy"]["body"]
    assert body.count("明政发〔2024〕3号") == 1 and body.startswith("各区县：")


def test_the_policy_page_shows_the_record_once_and_no_handling_marks(tmp_path):
    from studio.domain import edits
    from studio.render.export.exporter import ExportOptions, export_package
    from studio.service import operations

    folder, _ = importing.create_from_file(tmp_path / "lib", member(tmp_path / "lib", f.DRAFTER), full_gongwen(tmp_path / "g.docx"), {})
    with operations.open_for_edit(folder, member(tmp_path / "lib", f.DRAFTER)) as session:
        outcome = edits.set_metadata(session.package, {"disclosure": "主动公开"})
        session.apply_edit(outcome, "set", "disclosure")
    out = tmp_path / "site"
    export_package(folder, out, ExportOptions(preview=True))
    pages = {p.relative_to(out).as_posix(): p.read_text("utf-8") for p in out.rglob("*") if p.suffix in (".html", ".json")}
    policy = next(text for path, text in pages.items() if path.endswith("/index.html") and "policies/" in path)
    assert policy.count("抄送：市委办公室，市人大常委会办公室") == 1
    assert policy.count("明湖市人民政府办公室　2024年3月5日印发") == 1
    assert policy.count("明政发〔2024〕3号") >= 1 and "就业创业的若干措施</p>" not in policy
    for mark in ("000123", "机密★1年", "张明"):
        assert not [path for path, text in pages.items() if mark in text], mark
