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
    assert items[0].question == "毕业5年内、35周岁以下的高校毕业生，在本市就业的，能否申请？"  # no space in Chinese
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
    ("标题\n" + "一段不属于任何问答的说明文字\n" * 8 + "问：问题？\n答：回答。", "第9行", "无法识别"),
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


def test_press_interview_with_named_askers_and_answerers():
    parsed = parse_faq_text(
        "生态环境部举行例行新闻发布会答记者问\n"
        "2024年3月28日 来源：生态环境部\n"
        "澎湃新闻：近期各地陆续开展大气污染防治攻坚行动，请问生态环境部在推动重点区域空气质量改善方面有哪些具体考虑和部署？\n"
        "邱启文：谢谢你的提问。今年我们将突出重点区域。\n"
        "一是深化协同治理。\n"
        "中国日报：请问今年的监测网络建设有何安排？\n"
        "邱启文：我们将继续完善监测网络。\n")
    assert parsed.title == "生态环境部举行例行新闻发布会答记者问"
    assert [i.question for i in parsed.items] == [
        "近期各地陆续开展大气污染防治攻坚行动，请问生态环境部在推动重点区域空气质量改善方面有哪些具体考虑和部署？",
        "请问今年的监测网络建设有何安排？"]
    assert parsed.items[0].answer == "谢谢你的提问。今年我们将突出重点区域。\n一是深化协同治理。"
    assert any("第2行" in n for n in parsed.notes) and any("邱启文" in n for n in parsed.notes)


def test_reporter_and_answer_labels_after_a_dateline_and_byline():
    parsed = parse_faq_text("市人社局负责人就《若干措施》答记者问\n新华社北京3月5日电\n记者 王明\n"
                            "记者：《若干措施》出台的背景是什么，主要解决高校毕业生就业创业中的哪些难点问题？\n"
                            "答：为落实就业优先战略。\n记者：补贴标准是多少？\n答：每人每月500元。")
    assert parsed.title == "市人社局负责人就《若干措施》答记者问"
    assert parsed.items[0].question.startswith("《若干措施》出台的背景是什么") and len(parsed.items) == 2
    assert len([n for n in parsed.notes if "第一个问题之前" in n]) == 2


def test_numbered_questions_keep_their_bracketed_sub_points():
    items = parse_faq_text("1. 哪些人可以申请？\n以下人员可以申请：\n（1）应届毕业生；\n（2）哪些往届生可以？\n"
                           "毕业两年内的往届生。\n2. 补贴多少？\n每人500元。").items
    assert [i.question for i in items] == ["哪些人可以申请？", "补贴多少？"]
    assert "（2）哪些往届生可以？" in items[0].answer
