"""公文 heading lines (一、 / （一） / 1. / （1）) give the explainer its sections exactly as Markdown
headings do: in a drafted text imported as the explainer, and in a heading typed with its number."""

from __future__ import annotations

import pytest

from studio.domain.errors import InvalidInput
from studio.domain.explainer.model import parse_section
from studio.domain.explainer.outline import outline
from studio.domain.explainer.transcript import transcript_markdown
from studio.domain.pieces import ExplainerPiece
from studio.service import importing
from tests import factories as f
from tests.explainer.drafts import word_draft

GONGWEN = """一图读懂住房补贴

一、出台背景
为了保障新就业大学生的住房。

二、补贴标准
（一）租房补贴
每人每月500元。
1. 本科每人每月500元；
2. 硕士每人每月800元。

三、申请流程
网上申请，五个工作日内审核。
"""

MARKDOWN = """# 一图读懂住房补贴

## 出台背景
为了保障新就业大学生的住房。

## 补贴标准
### 租房补贴
每人每月500元。
- 本科每人每月500元；
- 硕士每人每月800元。

## 申请流程
网上申请，五个工作日内审核。
"""


def test_gongwen_headings_make_the_same_sections_as_markdown_headings():
    typed, marked = outline(GONGWEN), outline(MARKDOWN)
    assert typed.title == marked.title == "一图读懂住房补贴"
    assert [s["heading"] for s in typed.sections] == ["出台背景", "补贴标准", "申请流程"]
    assert typed.sections == marked.sections
    assert typed.sections[1]["items"] == ["租房补贴", "每人每月500元。", "本科每人每月500元；", "硕士每人每月800元。"]


def test_an_enumerated_clause_is_a_point_not_a_section():
    found = outline("一、出台背景\n一、对符合条件的毕业生给予补贴，具体标准见附件。\n二、补贴标准\n每人每月500元。")
    assert [s["heading"] for s in found.sections] == ["出台背景", "补贴标准"]
    assert found.sections[0]["items"] == ["一、对符合条件的毕业生给予补贴，具体标准见附件。"]


def test_a_heading_typed_with_its_number_is_not_numbered_twice():
    for typed in ("一、补贴标准", "（二）补贴标准", "3. 补贴标准", "（4）补贴标准"):
        assert parse_section({"type": "points", "heading": typed, "items": ["每人每月500元。"]}).heading == "补贴标准"
    assert parse_section({"type": "points", "heading": "10.5万户受益"}).heading == "10.5万户受益"
    package = f.draft()
    explainer = package.pieces.explainer.to_dict() | {
        "title": "一图读懂", "sections": [{"type": "points", "heading": "一、补贴标准", "items": ["每人每月500元。"]}]}
    text = transcript_markdown(ExplainerPiece.from_dict(explainer), package.metadata)
    assert "## 一、补贴标准" in text and "一、一、" not in text


def test_a_word_draft_with_gongwen_headings_imports_as_explainer_sections(tmp_path):
    path = word_draft(GONGWEN, tmp_path / "图解文字稿.docx")
    prepared = importing.prepare(path, "explainer")
    assert prepared.explainer is not None
    assert prepared.explainer["title"] == "一图读懂住房补贴"
    assert [s["heading"] for s in prepared.explainer["sections"]] == ["出台背景", "补贴标准", "申请流程"]
    outcome, _, _ = importing.change(f.draft(), prepared)
    sections = outcome.package.pieces.explainer.sections
    assert [s["type"] for s in sections] == ["points"] * 3 and sections[2]["items"] == ["网上申请，五个工作日内审核。"]


def test_a_text_without_headings_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "没有小标题.txt"
    path.write_text("为了保障住房，每人每月500元。\n网上申请。\n", "utf-8")
    with pytest.raises(InvalidInput, match="没有找到小标题.*一、出台背景"):
        importing.prepare(path, "explainer")
