"""A drafted 图解 text gives each section the kind a drafter plainly wrote: steps, milestones, key
numbers, who is covered, where to ask. Anything less certain stays 要点, with every word kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.domain.explainer import validate
from studio.domain.explainer.outline import outline
from studio.domain.explainer.section_kinds import typed_section
from studio.domain.findings import Severity
from studio.domain.pieces import ExplainerPiece
from studio.service import importing
from tests import factories as f
from tests.corpus_location import CORPUS, requires_corpus
from tests.explainer.drafts import word_draft

DRAFT = """一图读懂高校毕业生住房补贴

一、出台背景
为了留住新就业的高校毕业生，市政府出台本办法。

二、核心数字
500元 本科毕业生每人每月租房补贴
800元 硕士毕业生每人每月租房补贴
24个月 最长补贴期限

三、补贴对象
本科毕业生：毕业5年内、在本市就业且无自有住房
硕士研究生：毕业5年内、在本市就业

四、申请流程
第一步：登录“明湖人才”网上办事大厅提交申请
第二步：所在单位5个工作日内审核
第三步：人社部门复核后按月发放

五、时间节点
2026年3月1日起 开始受理申请
2026年12月31日前 完成首批补贴发放

六、咨询方式
明湖市人力资源和社会保障局
咨询电话：0411-12345678
"""


def test_a_drafted_explainer_text_gives_each_section_its_kind():
    found = outline(DRAFT)
    assert [s["type"] for s in found.sections] == ["points", "figures", "audience", "steps", "timeline", "contact"]
    figures, audience, steps, timeline, contact = found.sections[1:]
    assert figures["items"][0] == {"value": "500", "unit": "元", "label": "本科毕业生每人每月租房补贴"}
    assert figures["items"][2] == {"value": "24", "unit": "个月", "label": "最长补贴期限"}
    assert audience["items"][1] == {"who": "硕士研究生", "conditions": "毕业5年内、在本市就业"}
    assert steps["items"] == ["登录“明湖人才”网上办事大厅提交申请", "所在单位5个工作日内审核", "人社部门复核后按月发放"]
    assert timeline["items"][0] == {"date": "2026年3月1日起", "text": "开始受理申请"}
    assert contact["org"] == "明湖市人力资源和社会保障局" and contact["phone"] == "0411-12345678"


def test_the_typed_sections_pass_the_explainers_own_checks():
    found = outline(DRAFT)
    package = f.draft()
    piece = ExplainerPiece.from_dict(package.pieces.explainer.to_dict() | {"title": found.title,
                                                                            "sections": found.sections})
    blocking = [x for x in validate(piece) if x.severity is Severity.BLOCKING]
    assert blocking == []


@pytest.mark.parametrize(("heading", "items"), [
    ("申请流程", ["网上申请，五个工作日内审核。"]),  # one paragraph is not a list of steps
    ("补贴标准", ["租房补贴：每人每月500元", "生活补贴：一次性发放3000元"]),  # numbers inside sentences
    ("咨询方式", ["市人社局 0411-12345678", "各区人社局 0411-87654321"]),  # several offices
    ("补贴对象", ["在本市就业的高校毕业生。"]),  # no “who：conditions”
    ("工作要求", ["2026年起，各区要建立台账", "各部门要加强协作"]),  # not every paragraph is dated
    ("申请时间", ["申请时间：2026年3月"]),  # a year is a date, not a figure
])
def test_a_section_that_does_not_plainly_have_a_kinds_shape_stays_points_with_every_word(heading, items):
    section = typed_section(heading, list(items))
    assert section == {"type": "points", "heading": heading, "items": list(items)}


def test_a_word_draft_imports_with_its_section_kinds_and_says_so(tmp_path):
    path = word_draft(DRAFT, tmp_path / "图解文字稿.docx")
    prepared = importing.prepare(path, "explainer")
    assert prepared.explainer is not None
    assert [s["type"] for s in prepared.explainer["sections"]][1:] == [
        "figures", "audience", "steps", "timeline", "contact"]
    assert any("核心数字 1" in n and "办事流程 1" in n and "要点 1" in n for n in prepared.notes)


@requires_corpus
def test_real_policies_and_interpretations_read_as_an_explainer_draft_are_never_given_a_kind_by_accident():
    texts = sorted(Path(CORPUS).glob("s*/*.md"))
    assert texts
    for path in texts:
        for section in outline(path.read_text("utf-8")).sections:
            assert section["type"] == "points", (path.name, section["heading"])
