"""公文 heading levels typed as in Word are headings in the preview and the exported table of contents."""

from __future__ import annotations

from studio.domain import edits
from studio.domain.gongwen_headings import heading_level
from studio.render.export.exporter import ExportOptions, export_package
from studio.render.markdown import render_markdown
from studio.service import operations
from tests.members import member

INTERPRETATION = """一、出台背景
为激发夜间消费活力，制定本措施。

二、主要内容
（一）适用范围
本措施适用于全市夜间经济集聚区。
1.申请条件
（1）依法登记的经营主体
一、对符合条件的经营主体给予一次性补贴。

三、政策亮点
## 四、实施时间
自2026年12月1日起施行。
"""


def test_levels_are_recognised_and_sentences_are_not():
    assert heading_level("一、出台背景") == 1
    assert heading_level("（二）主要措施") == 2
    assert heading_level("1. 申请条件") == 3
    assert heading_level("（3）材料清单") == 4
    assert heading_level("一、对符合条件的经营主体给予一次性补贴。") is None
    assert heading_level("2026年12月1日起施行") is None
    assert heading_level("本措施自发布之日起施行") is None


def test_plain_headings_render_as_headings_at_their_levels():
    body = render_markdown(INTERPRETATION)
    assert [(h.level, h.text) for h in body.headings] == [
        (2, "一、出台背景"), (2, "二、主要内容"), (3, "（一）适用范围"), (4, "1.申请条件"), (5, "（1）依法登记的经营主体"),
        (2, "三、政策亮点"), (2, "四、实施时间")]
    assert "<p>一、对符合条件的经营主体给予一次性补贴。</p>" in body.html
    assert "<ol" not in body.html


def test_a_run_of_numbered_lines_stays_a_list():
    body = render_markdown("办理流程\n\n1. 登录平台\n2. 在线提交材料\n3. 审核通过后按月发放\n")
    assert body.headings == () and "<ol>" in body.html


def test_a_heading_typed_as_yi_appears_in_the_exported_table_of_contents(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    actor = member(library, "周敏", "就业促进处")
    folder = operations.create_package(library, actor, {"title": "明湖市促进夜间经济发展的若干措施",
                                                        "organ": "明湖市人民政府办公室", "kind": "规范性文件",
                                                        "disclosure": "主动公开"})
    operations.edit(folder, actor, lambda p: edits.set_policy_body(p, "为促进夜间经济发展，制定本措施。"))
    operations.edit(folder, actor, lambda p: edits.set_text_piece(p, "interpretation", INTERPRETATION, "政策解读"))
    report = export_package(folder, tmp_path / "site", ExportOptions(preview=True))
    page = next(report.out_dir.rglob("interpretation.html")).read_text("utf-8")
    toc = page[page.index("本页目录"):]
    toc = toc[:toc.index("</nav>")] if "</nav>" in toc else toc[:3000]
    assert "一、出台背景" in toc and "二、主要内容" in toc and "四、实施时间" in toc
    assert toc.index("一、出台背景") < toc.index("二、主要内容")
    assert '<ol class="own-numbers">' in toc  # listed as 一、二、…, not “1. 一、” (numbered twice)
