"""Format checks: 发文字号 and 成文日期 as findings, cited numbers, punctuation."""

from __future__ import annotations

import pytest

from studio.domain import edits
from studio.domain.findings import Severity
from studio.domain.punctuation import half_width_marks, pair_problems
from tests import factories as f
from tests.checks.helpers import codes, with_interpretation, with_policy
from tests.domain.test_formats import malformed_from_corpus_readme
from tests.ingest import corpus


@corpus.needs_corpus
@pytest.mark.parametrize("number", malformed_from_corpus_readme())
def test_every_malformed_number_of_the_corpus_readme_is_a_blocking_finding(number):
    package = f.draft().evolve(metadata=f.draft().metadata.with_values(doc_number=number))
    finding = codes(package)["DOC_NUMBER_FORMAT"]
    assert finding.severity is Severity.BLOCKING and number in finding.message


@pytest.mark.parametrize("number", ["国办发〔2017〕47号", "明政办规〔2026〕3号", "明湖市人民政府令第12号"])
def test_correct_numbers_give_no_finding(number):
    assert "DOC_NUMBER_FORMAT" not in codes(f.draft(doc_number=number))


@pytest.mark.parametrize("written, words", [("2026年03月05日", "不编虚位"), ("2026年2月30日", "不存在"),
                                            ("二〇二六年三月五日", "阿拉伯数字")])
def test_date_written_problems(written, words):
    package = f.draft().evolve(metadata=f.draft().metadata.with_values(date_written=written))
    assert words in codes(package)["DATE_WRITTEN_FORMAT"].message


def test_cited_numbers_in_the_text_with_wrong_brackets():
    package = with_interpretation(f.INTERPRETATION_BODY + "\n\n根据国发[2019]4号和鄂政办发(2019)25号文件，以及国办发〔2018〕118号。")
    finding = codes(package)["DOC_NUMBER_CITED_FORMAT"]
    assert finding.severity is Severity.WARNING
    assert "“国发[2019]4号”" in finding.message and "〔2019〕4号" in finding.message
    assert "鄂政办发(2019)25号" in finding.message and "118号" not in finding.message


@pytest.mark.parametrize("text, kind, mark", [
    ("根据《明湖市就业促进条例规定，", "unclosed", "《"),
    ("本办法）自发布之日起施行。", "unopened", "）"),
    ("见《办法（试行》）。", "mismatch", "》"),
    ("补贴（每人每月500元)。", "mismatch", ")"),
])
def test_pair_problems(text, kind, mark):
    problems, _ = pair_problems(text)
    assert problems and problems[0].kind == kind and problems[0].mark == mark


def test_paired_marks_and_a_quotation_over_several_paragraphs():
    assert pair_problems("《关于印发〈办法〉的通知》（试行）“双随机、一公开”")[0] == []
    package = with_interpretation("## 一、背景\n\n“第一段引文，\n\n“第二段引文。”\n\n为落实《明湖市青年人才租房补贴办法》。")
    assert "PUNCTUATION_UNPAIRED" not in codes(package)


def test_unpaired_marks_are_a_warning_with_the_place():
    package = with_interpretation(f.INTERPRETATION_BODY + "\n\n详见《明湖市青年人才租房补贴办法。")
    finding = codes(package)["PUNCTUATION_UNPAIRED"]
    assert finding.severity is Severity.WARNING and "政策解读第11段“《”没有对应的“》”" in finding.message


def test_nested_title_marks_should_be_single_ones():
    package = with_interpretation(f.INTERPRETATION_BODY + "\n\n印发《关于印发《补贴办法》的通知》。")
    finding = codes(package)["NESTED_TITLE_MARKS"]
    assert "《关于印发〈补贴办法〉的通知》" in finding.message
    assert "NESTED_TITLE_MARKS" not in codes(with_interpretation(f.INTERPRETATION_BODY + "\n\n《关于印发〈补贴办法〉的通知》"))


def test_nested_title_marks_in_the_metadata_title():
    package = edits.set_metadata(f.draft(), {"title": "明湖市人民政府关于印发《明湖市《补贴》办法》的通知"}).package
    assert codes(package)["NESTED_TITLE_MARKS"].piece == "metadata"


@pytest.mark.parametrize("text, marks", [
    ("各县(区)人民政府,市政府各部门:", ["(", ")", ",", ":"]),
    ("补贴标准提高了3.5%，共计1,000元，时间为16:40。", []),
    ("详见 https://www.gov.cn/a,b.html 和 [链接](http://x.cn/(1))。", []),
    ("The rule (in English), is fine.", []),
    ("他说:\"好\"。", [":", '"', '"']),
])
def test_half_width_marks_inside_chinese(text, marks):
    assert [m for _, m in half_width_marks(text)] == marks


def test_half_width_marks_finding_counts_and_shows_places():
    package = with_policy(f.POLICY_BODY.replace("各区县人民政府，市政府各部门：", "各区县人民政府,市政府各部门:"))
    finding = codes(package)["HALF_WIDTH_PUNCTUATION"]
    assert finding.severity is Severity.WARNING and "有2处" in finding.message and "政策文件第1段" in finding.message


@corpus.needs_corpus
def test_nested_marks_published_correctly_are_not_flagged():
    text = corpus.text("s07_local_lasa_wufei_lazhengbanfa2024_33", "policy.md")
    assert "〈" in text
    package = with_policy(text)
    assert "NESTED_TITLE_MARKS" not in codes(package)
