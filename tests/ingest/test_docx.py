"""Word files: what a drafter's .docx becomes in the package."""

from __future__ import annotations

import subprocess
import sys

import docx
import pytest

from studio.domain.errors import InvalidInput
from studio.ingest.docx_file import read_docx
from studio.ingest.docx_numbering import chinese_counting, format_number
from studio.ingest.reader import read_document
from tests.ingest import word_files


def test_headings_bold_and_escaping(tmp_path):
    d = docx.Document()
    d.add_heading("《明湖市青年人才租房补贴办法》政策解读", 1)
    d.add_heading("一、出台背景", 2)
    p = d.add_paragraph("补贴标准为")
    p.add_run("每人每月500元").bold = True
    p.add_run("，*不含*税。")
    d.add_paragraph("# 不是标题")
    path = tmp_path / "x.docx"
    d.save(path)
    doc = read_docx(path)
    blocks = doc.markdown.strip().split("\n\n")
    assert blocks[0] == "# 《明湖市青年人才租房补贴办法》政策解读"
    assert blocks[1] == "## 一、出台背景"
    assert blocks[2] == "补贴标准为**每人每月500元**，\\*不含\\*税。"
    assert blocks[3] == "\\# 不是标题"
    assert doc.lines[:3] == ("《明湖市青年人才租房补贴办法》政策解读", "一、出台背景", "补贴标准为每人每月500元，*不含*税。")


def test_bold_next_to_punctuation_keeps_the_marks_outside(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("推行")
    p.add_run("“双随机、一公开”").bold = True
    p.add_run("监管。")
    path = tmp_path / "x.docx"
    d.save(path)
    assert read_docx(path).markdown.strip() == "推行“**双随机、一公开**”监管。"


def test_numbered_and_bulleted_lists_show_their_numbers(tmp_path):
    d = docx.Document()
    d.add_paragraph("第一项", style="List Number")
    d.add_paragraph("第二项", style="List Number")
    d.add_paragraph("要点甲", style="List Bullet")
    path = tmp_path / "x.docx"
    d.save(path)
    md = read_docx(path).markdown
    assert "1\\. 第一项" in md and "2\\. 第二项" in md and "- 要点甲" in md


def test_word_chinese_numbering_is_counted(tmp_path):
    d = docx.Document()
    for text in ("总体要求", "指导思想", "基本原则", "主要措施", "扩大就业"):
        d.add_paragraph(text)
    path = tmp_path / "x.docx"
    d.save(path)
    word_files.add_chinese_numbering(path, ["0:总体要求", "1:指导思想", "1:基本原则", "0:主要措施", "1:扩大就业"])
    lines = read_docx(path).lines
    assert lines == ("一、总体要求", "（一）指导思想", "（二）基本原则", "二、主要措施", "（一）扩大就业")


@pytest.mark.parametrize("n, fmt, shown", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (21, "chineseCountingThousand", "二十一"),
    (105, "chineseCounting", "一百零五"), (3, "decimalEnclosedCircle", "③"), (4, "upperRoman", "IV"),
    (28, "lowerLetter", "bb"), (7, "decimalFullWidth", "７"), (2, "ideographTraditional", "乙"),
])
def test_number_formats(n, fmt, shown):
    assert format_number(n, fmt) == shown


def test_chinese_counting_up_to_hundreds():
    assert [chinese_counting(n) for n in (11, 20, 99, 110, 300)] == ["十一", "二十", "九十九", "一百一十", "三百"]


def test_tables_become_pipe_tables_with_merged_cells(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 2).text = "补贴项目", "标准", "期限"
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "租房补贴", "500元|月", "24个月"
    t.cell(2, 0).merge(t.cell(2, 2)).text = "详见实施细则"
    path = tmp_path / "x.docx"
    d.save(path)
    doc = read_docx(path)
    rows = doc.markdown.strip().splitlines()
    assert rows[0] == "| 补贴项目 | 标准 | 期限 |"
    assert rows[1] == "|---|---|---|"
    assert rows[2] == "| 租房补贴 | 500元\\|月 | 24个月 |"
    assert rows[3].startswith("| 详见实施细则 |") and rows[3].count("|") == 4
    assert "租房补贴" in doc.lines and "500元|月" in doc.lines


def test_images_go_to_media_with_their_alt_text(tmp_path):
    d = docx.Document()
    d.add_paragraph("申领流程如下图：")
    word_files.add_picture(d, "red", alt="租房补贴申领流程图")
    word_files.add_picture(d, "blue")
    word_files.add_picture(d, "red", alt="同一张图再次出现")
    path = tmp_path / "x.docx"
    d.save(path)
    doc = read_docx(path)
    assert len(doc.media) == 2  # the same picture twice is stored once
    red, blue = doc.media
    assert red.name.endswith(".png") and red.data.startswith(b"\x89PNG")
    assert f"![租房补贴申领流程图](media/{red.name})" in doc.markdown
    assert f"![图2](media/{blue.name})" in doc.markdown
    assert any("替代文字" in n for n in doc.notes)
    assert all("media/" not in line for line in doc.lines)


def test_footnotes_become_text_at_the_end(tmp_path):
    d = docx.Document()
    d.add_paragraph("本办法所称高校毕业生，指全日制毕业生。")
    d.add_paragraph("其他内容。")
    path = tmp_path / "x.docx"
    d.save(path)
    word_files.add_footnote(path, "全日制毕业生", "含毕业学年内的在校生。")
    doc = read_docx(path)
    assert "全日制毕业生。\\[注1\\]" in doc.markdown
    assert doc.markdown.rstrip().endswith("\\[注1\\] 含毕业学年内的在校生。")
    assert "[注1] 含毕业学年内的在校生。" in doc.lines
    assert any("脚注" in n for n in doc.notes)


def test_tracked_deletions_are_left_out(tmp_path):
    d = docx.Document()
    d.add_paragraph("补贴标准为每人每月500元。")
    path = tmp_path / "x.docx"
    d.save(path)
    word_files.add_tracked_deletion(path, "500元", "（原为300元）")
    doc = read_docx(path)
    assert "300元" not in doc.markdown and "500元" in doc.markdown


def test_hyperlinks_are_kept(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("详见")
    part = d.part
    rid = part.relate_to("https://www.gov.cn/zhengce/", "http://schemas.openxmlformats.org/officeDocument/2006/"
                         "relationships/hyperlink", is_external=True)
    link = p._p.makeelement(f"{{{word_files.W_NS}}}hyperlink")
    link.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", rid)
    run = p.add_run("中国政府网")._r
    link.append(run)
    p._p.append(link)
    path = tmp_path / "x.docx"
    d.save(path)
    assert "[中国政府网](https://www.gov.cn/zhengce/)" in read_docx(path).markdown


def test_a_damaged_or_old_word_file_is_refused_clearly(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InvalidInput, match="无法打开 Word 文件"):
        read_document(broken)
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InvalidInput, match="另存为 .docx"):
        read_document(old)
    empty = tmp_path / "empty.docx"
    docx.Document().save(empty)
    with pytest.raises(InvalidInput, match="没有文字内容"):
        read_document(empty)


def test_a_gongwen_in_word_keeps_its_layout_as_lines(tmp_path):
    doc = read_docx(word_files.gongwen(tmp_path / "g.docx"))
    assert doc.lines[:4] == ("明湖市人民政府文件", "明政发〔2024〕3号", "明湖市人民政府关于支持高校毕业生", "就业创业的若干措施")
    assert doc.lines[-3:] == ("明湖市人民政府", "二〇二四年三月四日", "（此件公开发布）")


def test_python_docx_is_loaded_only_for_word_files():
    code = ("import sys\nimport studio.cli.main, studio.service.importing, studio.ingest.reader\n"
            "print('docx' in sys.modules, 'lxml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["False", "False"]
