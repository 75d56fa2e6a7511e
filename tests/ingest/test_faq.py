"""FAQ text in the forms offices use, and the line where reading stops."""

from __future__ import annotations

import docx
import pytest

from studio.domain.errors import InvalidInput
from studio.ingest.faq_text import parse_faq_text
from studio.service.importing import prepare

PAIRS = [("补贴标准是多少？", "每人每月500元。"), ("最长发放多久？", "最长24个月。")]


@pytest.mark.parametrize("text", [
    "# 政策问答\n\n问：补贴标准是多少？\n答：每人每月500元。\n\n问：最长发放多久？\n答：最长24个月。\n",
    "政策问答\n问：补贴标准是多少？答：每人每月500元。\n问：最长发放多久？ 答：最长24个月。",
    "政策问答\n\n**问1：补贴标准是多少？**\n\n答：每人每月500元。\n\n**问2：最长发放多久？**\n\n答：最长24个月。",
    "政策问答\n\n## 问：补贴标准是多少？\n\n每人每月500元。\n\n## 问：最长发放多久？\n\n最长24个月。",
    "政策问答\n\n问\n补贴标准是多少？\n答\n每人每月500元。\n问\n最长发放多久？\n答\n最长24个月。",
    "政策问答\n\n1. 补贴标准是多少？\n\n每人每月500元。\n\n2、最长发放多久？\n\n最长24个月。",
    "政策问答\n\n一、补贴标准是多少？\n每人每月500元。\n二、最长发放多久？\n最长24个月。",
    "政策问答\n\n一、补贴标准是多少\n每人每月500元。\n二、最长发放多久\n最长24个月。",
], ids=["labelled", "inline", "bold-numbered", "heading", "bare-labels", "numbered", "cn-headings", "cn-no-mark"])
def test_forms(text):
    parsed = parse_faq_text(text)
    assert parsed.title == "政策问答"
    assert [(i.question.rstrip("？"), i.answer) for i in parsed.items] == [(q.rstrip("？"), a) for q, a in PAIRS]


def test_english_labels():
    parsed = parse_faq_text("Q: 补贴标准是多少？\nA: 每人每月500元。\nQ: 最长发放多久？\nA: 最长24个月。")
    title, items = parsed.title, parsed.items
    assert title == "" and [(i.question, i.answer) for i in items] == PAIRS


def test_multi_paragraph_answers_and_wrapped_questions():
    text = ("问：毕业5年内、35周岁以下的高校毕业生，\n在本市就业的，能否申请？\n答：可以申请。\n\n需连续缴纳社保满3个月。\n"
            "问：在哪里申请？\n答：登录“明湖就业”平台。")
    items = parse_faq_text(text).items
    assert items[0].question == "毕业5年内、35周岁以下的高校毕业生， 在本市就业的，能否申请？"
    assert items[0].answer == "可以申请。\n\n需连续缴纳社保满3个月。"


def test_numbered_answers_inside_cn_headings_stay_in_the_answer():
    items = parse_faq_text("一、需要哪些材料？\n1. 身份证\n2. 毕业证\n二、多久办结？\n20个工作日。").items
    assert items[0].answer == "1. 身份证\n2. 毕业证"


def test_group_headings_above_labelled_questions_are_noted_not_imported():
    parsed = parse_faq_text("一、申请条件\n问：谁能申请？\n答：毕业生。\n二、补贴标准\n问：多少？\n答：500元。")
    assert [i.question for i in parsed.items] == ["谁能申请？", "多少？"]
    assert len(parsed.notes) == 2 and "第4行" in parsed.notes[1]


@pytest.mark.parametrize("text, line, words", [
    ("问：第一个问题？\n答：回答。\n问：没有回答的问题？\n", "第3行", "没有回答"),
    ("问：第一个？\n\n问：第二个？\n答：有回答。", "第1行", "第3行已是下一个问题"),
    ("答：没有问题的回答\n", "第1行", "没有对应的“问”"),
    ("标题\n一段不属于任何问答的说明文字\n问：问题？\n答：回答。", "第2行", "无法识别"),
    ("问：\n答：只有回答", "第1行", "没有问题内容"),
])
def test_failures_name_the_line(text, line, words):
    with pytest.raises(InvalidInput) as e:
        parse_faq_text(text)
    assert line in e.value.message and words in e.value.message


def test_text_without_any_question_is_refused():
    with pytest.raises(InvalidInput, match="没有找到任何问答"):
        parse_faq_text("这里只有一段说明。\n\n没有问题，也没有回答。")


def test_faq_written_in_word(tmp_path):
    d = docx.Document()
    d.add_heading("政策问答", 1)
    d.add_paragraph().add_run("1. 补贴标准是多少？").bold = True
    d.add_paragraph("每人每月500元。")
    d.add_paragraph().add_run("2. 最长发放多久？").bold = True
    d.add_paragraph("最长24个月。")
    path = tmp_path / "faq.docx"
    d.save(path)
    prepared = prepare(path, "faq")
    assert prepared.faq_title == "政策问答"
    assert [(i.question, i.answer) for i in prepared.faq_items] == PAIRS
