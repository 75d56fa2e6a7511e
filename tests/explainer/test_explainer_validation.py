"""Bad explainer content gets clear Chinese messages; good content gets none."""

from __future__ import annotations

import pytest

from studio.domain import edits
from studio.domain.explainer import validate
from studio.domain.findings import Severity
from studio.domain.rules import check_package
from tests import factories
from tests.demo.sources import WITH_EXPLAINER, demo_package
from tests.explainer.content import SECTIONS, piece, with_section


def only(findings, code):
    hits = [f for f in findings if f.code == code]
    assert hits, f"no {code} in {[f.code for f in findings]}"
    return hits[0]


def test_complete_content_has_no_findings():
    assert validate(piece()) == []


@pytest.mark.parametrize("name", WITH_EXPLAINER)
def test_demo_content_has_no_findings(name):
    assert validate(demo_package(name).explainer()) == []


def test_empty_points_section_is_blocking_and_named():
    f = only(validate(with_section({"type": "points", "heading": "政策要点", "items": ["", "  "]})),
             "EXPLAINER_SECTION_EMPTY")
    assert f.severity is Severity.BLOCKING
    assert f.piece == "explainer" and f.field == "sections[0]"
    assert "第1部分“政策要点”没有内容" in f.message and "请至少填写一条要点" in f.message


@pytest.mark.parametrize("section", [
    {"type": "figures", "heading": "数字", "items": []},
    {"type": "steps", "heading": "流程"},
    {"type": "timeline", "heading": "节点", "items": []},
    {"type": "audience", "heading": "对象", "items": []},
    {"type": "qa", "heading": "问答"},
    {"type": "contact", "heading": "咨询"},
])
def test_every_empty_section_type_is_reported(section):
    f = only(validate(with_section(section)), "EXPLAINER_SECTION_EMPTY")
    assert "没有内容" in f.message and "删除这一部分" in f.message


def test_chart_without_data():
    f = only(validate(with_section({"type": "chart", "heading": "补贴标准", "chart": "bar", "data": [],
                                    "source": "第三条"})), "EXPLAINER_CHART_NO_DATA")
    assert f.severity is Severity.BLOCKING
    assert f.message == "第1部分“补贴标准”是柱状图，但没有数据。请在数据表中至少填写一行“标签、数值”。"


def test_negative_value_in_a_pie():
    section = dict(SECTIONS["chart_pie"], data=[["市级", 8000], ["区县", -4000]])
    f = only(validate(with_section(section)), "EXPLAINER_PIE_NEGATIVE")
    assert f.severity is Severity.BLOCKING
    assert "第2行的数值为负数" in f.message and "改用柱状图" in f.message


def test_negative_values_are_fine_in_a_bar_chart():
    section = dict(SECTIONS["chart_bar"], data=[["2024年", 5], ["2025年", -2]])
    assert validate(with_section(section)) == []


def test_pie_of_zeros():
    section = dict(SECTIONS["chart_pie"], data=[["市级", 0], ["区县", 0]])
    assert "无法计算占比" in only(validate(with_section(section)), "EXPLAINER_PIE_ZERO").message


def test_value_that_is_not_a_number():
    section = dict(SECTIONS["chart_bar"], data=[["2024年", "三千"], ["2025年", "４１００"]])
    findings = validate(with_section(section))
    f = only(findings, "EXPLAINER_CHART_BAD_VALUE")
    assert "第1行的数值“三千”不是数字" in f.message
    assert len([x for x in findings if x.code == "EXPLAINER_CHART_BAD_VALUE"]) == 1  # full-width digits are numbers


def test_unknown_chart_kind_lists_the_kinds():
    f = only(validate(with_section(dict(SECTIONS["chart_bar"], chart="radar"))), "EXPLAINER_CHART_TYPE_UNKNOWN")
    assert "“radar”无法识别" in f.message and "饼图（pie）" in f.message


def test_label_too_long_for_its_box():
    long_label = "一次性吸纳就业补贴适用于本市所有招用离校两年内高校毕业生的中小微企业"
    section = {"type": "figures", "heading": "核心数字",
               "items": [{"value": "1000", "unit": "元", "label": long_label}]}
    f = only(validate(with_section(section)), "EXPLAINER_LABEL_TOO_LONG")
    assert f.severity is Severity.WARNING
    assert f"“{long_label}”过长（约{len(long_label)}字）" in f.message
    assert "超出数字卡片的说明的容量（不超过26字" in f.message and "请精简表述" in f.message


def test_latin_and_digits_count_half():
    # 8 digits are as wide as 4 Chinese characters: the value still fits.
    ok = {"type": "figures", "heading": "数字", "items": [{"value": "12345678", "unit": "元", "label": "说明"}]}
    too_long = {"type": "figures", "heading": "数字", "items": [{"value": "123456789", "unit": "元", "label": "说明"}]}
    assert validate(with_section(ok)) == []
    assert only(validate(with_section(too_long)), "EXPLAINER_LABEL_TOO_LONG")


def test_heading_too_long_and_missing():
    findings = validate(piece(sections=[dict(SECTIONS["qa"], heading="关于租房补贴申请条件和办理流程的常见问题解答"),
                                        dict(SECTIONS["qa"], heading="")]))
    assert only(findings, "EXPLAINER_LABEL_TOO_LONG").field == "sections[0]"
    missing = only(findings, "EXPLAINER_HEADING_MISSING")
    assert missing.field == "sections[1]" and "第2部分（问答）缺少小标题" in missing.message


def test_unknown_section_type():
    f = only(validate(with_section({"type": "video", "heading": "视频"})), "EXPLAINER_SECTION_TYPE_UNKNOWN")
    assert "类型“video”无法识别" in f.message and "要点（points）" in f.message


def test_incomplete_items():
    findings = validate(piece(sections=[
        {"type": "figures", "heading": "数字", "items": [{"value": "", "unit": "元", "label": "补贴"}]},
        {"type": "timeline", "heading": "节点", "items": [{"date": "2026年4月1日", "text": ""}]},
        {"type": "qa", "heading": "问答", "question": "能申请吗？", "answer": ""},
    ]))
    messages = [f.message for f in findings if f.code == "EXPLAINER_ITEM_INCOMPLETE"]
    assert messages == ["第1部分“数字”第1个数字缺少数值。请补全或删除该项。",
                        "第2部分“节点”第1个时间节点缺少事项。请补全或删除该项。",
                        "第3部分“问答”缺少回答。请补全问答。"]


def test_chart_without_source_and_crowded_chart_warn():
    data = [[f"第{i}项", i] for i in range(1, 10)]
    findings = validate(with_section({"type": "chart", "heading": "构成", "chart": "pie", "data": data}))
    assert only(findings, "EXPLAINER_CHART_NO_SOURCE").severity is Severity.WARNING
    assert "有9项数据，超过8项" in only(findings, "EXPLAINER_CHART_CROWDED").message


def test_title_and_width():
    findings = validate(piece(title="", width=800))
    assert "缺少标题" in only(findings, "EXPLAINER_TITLE_MISSING").message
    assert "1080（通用长图）或 750（手机端）" in only(findings, "EXPLAINER_WIDTH_UNSUPPORTED").message


def test_malformed_stored_values_do_not_crash():
    findings = validate(piece(sections=[
        {"heading": "没有类型"},
        {"type": "figures", "heading": "数字", "items": ["1500元"]},
        {"type": "chart", "heading": "图", "chart": "bar", "data": [5, ["只有标签"]]},
        {"type": "timeline", "heading": "节点", "items": None},
    ]))
    codes = {f.code for f in findings}
    assert {"EXPLAINER_SECTION_TYPE_UNKNOWN", "EXPLAINER_ITEM_INCOMPLETE", "EXPLAINER_CHART_BAD_VALUE",
            "EXPLAINER_SECTION_EMPTY"} <= codes


def test_the_package_rules_report_explainer_findings():
    package = factories.draft()
    bad = {"sections": [{"type": "chart", "heading": "补贴", "chart": "pie", "data": [["甲", -1]]}]}
    package = edits.set_explainer(package, bad).package
    findings = check_package(package, factories.TODAY, factories.settings())
    assert any(f.code == "EXPLAINER_PIE_NEGATIVE" and f.piece == "explainer" for f in findings)


def test_the_package_rules_pass_a_sound_explainer():
    findings = check_package(factories.draft(), factories.TODAY, factories.settings())
    assert not [f for f in findings if f.code.startswith("EXPLAINER_")]
