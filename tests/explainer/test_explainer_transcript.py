"""Alt text and transcript: every word and number of the image, in reading order."""

from __future__ import annotations

import re

import pytest

from studio.domain.explainer import (
    alt_text,
    check_numbers,
    policy_texts,
    transcript_markdown,
)
from studio.domain.explainer.transcript import md
from studio.domain.explainer.wording import (
    chinese_ordinal,
    footer_lines,
    split_kicker,
    split_lead,
)
from studio.domain.metadata import Metadata
from tests.demo.sources import WITH_EXPLAINER, demo_package
from tests.explainer.content import META, SECTIONS, piece, with_section


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_every_word_and_number_of_the_content_is_in_the_transcript():
    p = piece()
    text = unescape(transcript_markdown(p, META))
    for word in p.plain_text().splitlines():
        if word in ("bar", "barh", "pie", "line"):  # the chart kind is drawn, not written
            continue
        assert word in text, f"“{word}” missing from the transcript"


def test_sections_come_in_reading_order():
    text = transcript_markdown(piece(), META)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [f"## {n}、{s['heading']}" for n, s in zip(
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"], SECTIONS.values())]


def test_header_sections_and_footer():
    text = transcript_markdown(piece("points", "qa", "contact"), META)
    lines = text.splitlines()
    assert lines[0] == "# 一图读懂《明湖市青年人才租房补贴办法》"
    assert "每人每月500元，最长24个月" in lines
    assert "明湖市人民政府办公室　明政办规〔2026〕2号" in lines
    assert "## 一、政策要点" in lines and "## 二、热点问答" in lines and "## 三、咨询方式" in lines
    assert "**问：**已经领取过购房补贴还能申请吗？" in lines
    assert "咨询电话：0599\\-87000000" not in text and "咨询电话：0599-87000000" in text
    assert text.rstrip().endswith("本图解为政策解读材料，具体内容以政策文件原文为准。")
    for line in footer_lines(META):
        assert md(line) in text


def test_chart_data_as_a_table_with_shares_for_a_pie():
    text = transcript_markdown(with_section(SECTIONS["chart_pie"]), META)
    assert "单位：万元" in text
    assert "| 项目 | 数值 | 占比 |" in text
    assert "| 市级财政 | 8000 | 66.7% |" in text and "| 区县财政 | 4000 | 33.3% |" in text
    assert "数据来源：办法第四条" in text


def test_bar_chart_table_has_no_share_column():
    text = transcript_markdown(with_section(SECTIONS["chart_bar"]), META)
    assert "| 项目 | 数值 |" in text and "占比" not in text
    assert "| 2026年（计划） | 5000 |" in text


def test_lists_steps_timeline_audience():
    text = transcript_markdown(piece("figures", "steps", "timeline", "audience"), META)
    assert "- **500元/月**：租房补贴标准（每人）" in text
    assert "1. 在线申请：登录“明湖人才”平台提交材料" in text and "3. 发放：按月打卡发放" in text
    assert "- **2026年4月1日**：《办法》正式施行" in text
    assert "- **应届高校毕业生**：毕业5年内、35周岁以下，在本市就业并缴纳社会保险" in text
    assert "- **技工院校毕业生**\n" in text


def test_markdown_in_content_stays_literal():
    section = {"type": "points", "heading": "# 不是标题", "items": ["1. 不是列表", "*不是强调* [不是链接](x) a|b"]}
    text = transcript_markdown(with_section(section), META)
    assert "## 一、\\# 不是标题" in text
    assert "- 1\\. 不是列表" in text  # "- 1. …" would open a list inside the list item
    assert "\\*不是强调\\* \\[不是链接\\](x) a\\|b" in text


def test_alt_text_is_one_paragraph_summary():
    alt = alt_text(piece(), META)
    assert "\n" not in alt
    assert alt.startswith("政策图解长图：一图读懂《明湖市青年人才租房补贴办法》。")
    assert "明湖市人民政府办公室，明政办规〔2026〕2号" in alt
    assert "图解分11个部分：政策要点、核心数字" in alt
    assert "租房补贴标准（每人）500元/月" in alt
    assert "柱状图" in alt and "饼图" in alt and "见图解文字版" in alt


def test_alt_text_without_metadata_or_figures():
    alt = alt_text(with_section(SECTIONS["points"]), Metadata())
    assert "解读的文件" not in alt and "核心数字" not in alt
    assert "图解分1个部分：政策要点。" in alt


def test_wording_helpers():
    assert [chinese_ordinal(n) for n in (1, 9, 10, 11, 20, 23)] == ["一", "九", "十", "十一", "二十", "二十三"]
    assert split_kicker("一图读懂《办法》") == ("一图读懂", "《办法》")
    assert split_kicker("一图读懂") == ("", "一图读懂")
    assert split_lead("基础类：供水、排水") == ("基础类", "供水、排水")
    assert split_lead("申请人应当于每年3月31日前提交以下材料：身份证") == ("", "申请人应当于每年3月31日前提交以下材料：身份证")


@pytest.mark.parametrize("name", WITH_EXPLAINER)
def test_demo_numbers_agree_with_their_policy(name):
    demo = demo_package(name)
    p, meta = demo.explainer(), demo.metadata()
    policy, interpretation = demo.text("policy"), demo.text("interpretation")
    assert check_numbers(p, policy_texts(policy, interpretation, meta)) == []
    table_rows = [line for line in transcript_markdown(p, meta).splitlines() if line.startswith("| ")]
    assert len(table_rows) == 1 + sum(len(s.get("data", [])) for s in p.sections)
