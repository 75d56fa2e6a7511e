"""Numbers in figures, charts and timelines must be found in the policy or its interpretation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from studio.domain import edits
from studio.domain.explainer import check_numbers, policy_texts
from studio.domain.explainer.numbers import (
    chinese_numeral,
    corpus_tokens,
    shown_numbers,
)
from studio.domain.findings import Severity
from studio.domain.rules import check_package
from tests import factories
from tests.explainer.content import (
    INTERPRETATION,
    META,
    POLICY,
    SECTIONS,
    piece,
    with_section,
)

TEXTS = policy_texts(POLICY, INTERPRETATION, META)


def figures(*items: tuple[str, str, str]) -> dict:
    return {"type": "figures", "heading": "核心数字",
            "items": [{"value": v, "unit": u, "label": label} for v, u, label in items]}


def test_numbers_that_appear_in_the_policy_pass():
    assert check_numbers(piece(), TEXTS) == []


def test_a_number_not_in_the_policy_warns_naming_the_section():
    p = piece(sections=[SECTIONS["points"], figures(("500", "元/月", "租房补贴"), ("800", "元/月", "博士租房补贴"))])
    [f] = check_numbers(p, TEXTS)
    assert f.code == "EXPLAINER_NUMBER_UNMATCHED" and f.severity is Severity.WARNING
    assert f.piece == "explainer" and f.field == "sections[1]"
    assert f.message.startswith("第2部分“核心数字”中的数字“800”在政策文件和政策解读中都没有找到。")
    assert "请核对数字是否准确" in f.message


def test_numbers_in_labels_are_checked_too():
    [f] = check_numbers(with_section(figures(("500", "元/月", "最长36个月"))), TEXTS)
    assert "“36”" in f.message


@pytest.mark.parametrize("value, unit, text", [
    ("30", "万元", "补贴最高300000元。"),        # 万 in the explainer, plain digits in the text
    ("300000", "元", "补贴最高30万元。"),        # and the other way round
    ("1.2", "亿元", "资金12000万元。"),
    ("１５００", "元", "补贴1500元。"),           # full-width digits in the explainer
    ("1500", "元", "补贴１５００元。"),           # full-width digits in the text
    ("1500", "元", "补贴1,500元。"),
    ("18", "条", "共十八条措施。"),               # Chinese numerals in the text
    ("90", "%以上", "覆盖率达到９０％以上。"),
])
def test_equivalent_forms_match(value, unit, text):
    assert check_numbers(with_section(figures((value, unit, "说明"))), [text]) == []


def test_chart_values_take_the_caption_unit():
    chart = {"type": "chart", "heading": "资金", "chart": "bar", "data": [["市级", 0.8], ["区县", 0.4]],
             "caption": "单位：亿元", "source": "第四条"}
    assert check_numbers(with_section(chart), TEXTS) == []  # 8000万元 and 4000万元 in the policy
    chart["data"] = [["市级", 0.9], ["区县", 0.4]]
    [f] = check_numbers(with_section(chart), TEXTS)
    assert "“0.9”" in f.message and "“0.4”" not in f.message


def test_dates_match_as_dates():
    timeline = {"type": "timeline", "heading": "时间节点", "items": [
        {"date": "2026年4月1日", "text": "施行"},
        {"date": "2026-04-01", "text": "施行"},
        {"date": "每年3月31日", "text": "申报截止"},
    ]}
    assert check_numbers(with_section(timeline), TEXTS) == []
    timeline["items"].append({"date": "2026年4月2日", "text": "开始受理"})
    [f] = check_numbers(with_section(timeline), TEXTS)
    assert "“2026年4月2日”" in f.message


def test_a_document_number_matches_whole():
    timeline = {"type": "timeline", "heading": "时间节点",
                "items": [{"date": "2026年4月1日", "text": "明政办规〔2026〕2号同时施行"}]}
    assert check_numbers(with_section(timeline), TEXTS) == []
    timeline["items"][0]["text"] = "明政办规〔2026〕9号同时废止"
    [f] = check_numbers(with_section(timeline), TEXTS)
    assert "明政办规〔2026〕9号" in f.message


def test_sections_without_numbers_to_check_are_left_alone():
    steps = {"type": "steps", "heading": "流程", "items": ["99个工作日内办结"]}
    assert check_numbers(with_section(steps), TEXTS) == []


def test_nothing_to_compare_with_gives_no_warning():
    assert check_numbers(with_section(figures(("800", "元", "补贴"))), ["", "  "]) == []


def test_each_section_reports_once_with_every_number():
    p = piece(sections=[figures(("801", "元", "甲"), ("802", "元", "乙"), ("801", "元", "丙"))])
    [f] = check_numbers(p, TEXTS)
    assert "“801”、“802”" in f.message


@pytest.mark.parametrize("text, value", [
    ("十", 10), ("十八", 18), ("三十五", 35), ("一百二十", 120), ("两万", 20000), ("三万五千", 35000),
    ("一亿二千万", 120000000), ("二〇二六", 2026), ("五", 5), ("千", None), ("万", None),
])
def test_chinese_numerals(text, value):
    assert chinese_numeral(text) == value


def test_magnitudes_in_the_text_scale_numbers():
    tokens = corpus_tokens(["资金1.2亿元，另有3万元。"])
    assert {Decimal("1.2"), Decimal("120000000"), Decimal("3"), Decimal("30000")} <= tokens.values


def test_shown_numbers_split_dates_from_plain_numbers():
    shown = shown_numbers("2026年12月1日起，补贴500元")
    assert [s.text for s in shown] == ["2026年12月1日", "500"]


def test_the_package_rules_warn_about_an_unmatched_number():
    package = factories.draft()
    explainer = {"sections": [figures(("650", "元/月", "租房补贴"))]}
    package = edits.set_explainer(package, explainer).package
    findings = check_package(package, factories.TODAY, factories.settings())
    [f] = [f for f in findings if f.code == "EXPLAINER_NUMBER_UNMATCHED"]
    assert "“650”" in f.message and f.severity is Severity.WARNING
