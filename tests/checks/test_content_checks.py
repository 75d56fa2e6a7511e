"""Content checks: copied interpretations, figures that disagree with the policy,
titles cited wrongly (abbreviations resolved), exemption hints."""

from __future__ import annotations

import pytest

from studio.domain import edits
from studio.domain.exempt_hints import exempt_hint
from studio.domain.findings import Severity
from studio.domain.overlap import overlap
from studio.domain.package import Package
from studio.domain.pieces import FaqItem
from studio.domain.quantities import figures
from tests import factories as f
from tests.checks.helpers import codes, with_interpretation, with_policy
from tests.ingest import corpus

COPIED = "## 一、主要内容\n\n" + "\n\n".join(
    line for line in f.POLICY_BODY.splitlines() if line.startswith("第")) + "\n\n## 二、注意事项\n\n请按时申请。\n"


def test_overlap_is_measured():
    assert overlap(COPIED, f.POLICY_BODY).ratio > 0.8  # all but the headings and the last line
    assert overlap(f.INTERPRETATION_BODY, f.POLICY_BODY).ratio < 0.3
    assert overlap("完全不同的文字，讲的是别的事情。", f.POLICY_BODY).ratio == 0


def test_copied_interpretation_is_warned_with_the_ratio_and_paragraphs():
    finding = codes(with_interpretation(COPIED))["INTERPRETATION_COPIED"]
    assert finding.severity is Severity.WARNING
    assert "上限为50%" in finding.message and "第2段" in finding.message


def test_copy_threshold_is_a_setting():
    package = with_interpretation(COPIED)
    assert "INTERPRETATION_COPIED" not in codes(package, copy_overlap_percent=100)
    assert "INTERPRETATION_COPIED" not in codes(f.draft())
    assert "INTERPRETATION_COPIED" in codes(f.draft(), copy_overlap_percent=5)


def test_figures_carry_unit_and_context():
    found = figures("租房补贴标准为每人每月500元，最长发放24个月。本办法自2026年4月1日起施行。")
    assert [(x.text, x.unit) for x in found] == [("500元", "元"), ("24个月", "月"), ("2026年4月1日", "date")]
    assert found[0].clause == "租房补贴标准为每人每月500元"
    # Document numbers, ordinals and bare years are not figures.
    assert figures("根据明政办发〔2023〕18号第3条，2025年起实施") == []


def test_a_differing_amount_names_both_places():
    package = with_interpretation(f.INTERPRETATION_BODY.replace("每人每月500元", "每人每月600元"))
    finding = codes(package)["NUMBER_MISMATCH"]
    assert finding.severity is Severity.WARNING
    assert "政策解读第6段写“租房补贴每人每月600元”" in finding.message
    assert "政策文件第5段写“第三条 租房补贴标准为每人每月500元”" in finding.message


def test_a_differing_figure_carries_the_span_of_its_words():
    body = f.INTERPRETATION_BODY.replace("每人每月500元", "每人每月600元")
    finding = codes(with_interpretation(body))["NUMBER_MISMATCH"]
    assert finding.span is not None and body[finding.span.start:finding.span.end] == "600元"
    faq = edits.set_faq(f.draft(), [FaqItem("什么时候开始？", "本办法自2026年5月1日起施行。")]).package
    found = codes(faq)["NUMBER_MISMATCH"]
    answer = faq.pieces.faq.items[0].answer
    assert found.field == "items[0].answer" and answer[found.span.start:found.span.end] == "2026年5月1日"


def test_amounts_written_differently_still_agree():
    body = f.INTERPRETATION_BODY.replace("每人每月500元", "每人每月０.０５万元")
    assert "NUMBER_MISMATCH" not in codes(with_interpretation(body))


def test_a_differing_date_and_deadline_in_the_faq():
    package = edits.set_faq(f.draft(), [FaqItem("什么时候开始？", "本办法自2026年5月1日起施行。"),
                                         FaqItem("年龄要求？", "年龄在40周岁以下的高校毕业生。")]).package
    finding = codes(package)["NUMBER_MISMATCH"]
    assert finding.piece == "faq"
    assert "问答第1条的回答写“本办法自2026年5月1日”" in finding.message and "2026年4月1日" in finding.message
    assert "40周岁" in finding.message and "35周岁" in finding.message


def test_a_figure_the_policy_does_not_have_is_information():
    package = with_interpretation(f.INTERPRETATION_BODY + "\n\n2025年全市引进青年人才1.2万人。")
    finding = codes(package)["NUMBER_NOT_IN_POLICY"]
    assert finding.severity is Severity.INFO and "1.2万人" in finding.message


def test_explainer_figure_differing_from_the_policy_names_both_places():
    explainer = {"sections": [{"type": "figures", "heading": "补贴标准",
                               "items": [{"value": "600", "unit": "元/月", "label": "每人每月租房补贴"}]}]}
    package = edits.set_explainer(f.draft(), explainer).package
    finding = codes(package)["NUMBER_MISMATCH"]
    assert finding.piece == "explainer" and "政策图解第1部分“补贴标准”" in finding.message


def test_a_miscited_policy_title_is_warned_and_an_abbreviation_is_not():
    wrong = with_interpretation(f.INTERPRETATION_BODY + "\n\n详见《明湖市青年人才住房补贴办法》。")
    finding = codes(wrong)["POLICY_TITLE_MISCITED"]
    assert "《明湖市青年人才住房补贴办法》" in finding.message and "《明湖市青年人才租房补贴办法》" in finding.message
    fine = with_interpretation(f.INTERPRETATION_BODY + "\n\n《补贴办法》（以下简称《办法》）。《办法》明确了标准。")
    assert "POLICY_TITLE_MISCITED" not in codes(fine)


@corpus.needs_corpus
def test_corpus_abbreviation_resolves_to_the_policy():
    case = "s01_zimaoqu_gaige_guofa2018_38"
    package = Package(id=case, created_by=f.DRAFTER, created_at=f.AT)
    package = edits.set_metadata(package, {"title": corpus.value(case, "title"), "doc_number": "国发〔2018〕38号"}).package
    package = with_policy(corpus.text(case, "policy.md"), package)
    package = edits.set_text_piece(package, "interpretation", corpus.text(case, "interpretation.md")).package
    found = codes(package)
    assert package.pieces.interpretation.policy_ref == "《若干措施》"
    assert "《若干措施》" in package.pieces.interpretation.body
    assert not {"POLICY_TITLE_MISCITED", "LINK_BACK_MISMATCH"} & set(found)


@pytest.mark.parametrize("title, category", [
    ("明湖市人民政府关于表彰2025年度全市安全生产工作先进集体和先进个人的决定", "表彰决定"),
    ("明湖市人民政府关于给予张三同志记功奖励的决定", "奖励决定"),
    ("明湖市人民政府关于李四等同志职务任免的通知", "人事任免"),
    ("国务院办公厅关于调整国务院第二次全国污染源普查领导小组组成人员的通知", "组成人员调整"),
    ("明湖市人民政府关于同意设立明湖高新区的批复", "批复"),
])
def test_exempt_categories_by_title(title, category):
    hint = exempt_hint(title, "")
    assert hint is not None and hint.category == category


@pytest.mark.parametrize("title", ["明湖市青年人才奖励办法", "明湖市科技奖励办法实施细则",
                                   "关于做好人事考试工作的通知", "明湖市人民政府工作规则"])
def test_ordinary_titles_are_not_exempt(title):
    assert exempt_hint(title, "") is None


def test_exempt_hint_from_the_opening_of_the_body():
    body = "明湖区人民政府：\n\n你区《关于设立明湖街道的请示》（明区政〔2024〕5号）收悉。经研究，同意设立明湖街道。"
    assert exempt_hint("明湖市人民政府文件", body).category == "批复"


def test_exempt_suggested_is_information_and_goes_once_decided():
    package = edits.set_metadata(f.draft(), {"title": "明湖市人民政府关于李四等同志职务任免的通知"}).package
    finding = codes(package)["EXEMPT_SUGGESTED"]
    assert finding.severity is Severity.INFO and "人事任免" in finding.message and "由你决定" in finding.message
    decided = edits.set_metadata(package, {"exempt": "人事任免", "exempt_reason": "仅公布任免名单"}).package
    assert "EXEMPT_SUGGESTED" not in codes(decided)
