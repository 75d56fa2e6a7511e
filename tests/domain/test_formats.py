"""发文字号 and 成文日期 in GB/T 9704 form."""

from __future__ import annotations

import json

import pytest

from studio.domain.dates import gbt_date, parse_date
from studio.domain.doc_number import lint_doc_number
from studio.domain.rules.formats import date_written_problem
from tests.corpus_location import CORPUS, requires_corpus


def malformed_from_corpus_readme() -> list[str]:
    """The real malformed numbers listed in the corpus README, read at test time."""
    if not (CORPUS / "README.md").is_file():
        return []
    text = (CORPUS / "README.md").read_text("utf-8")
    section = text.split("## Real malformed 发文字号", 1)[1]
    line = next(row for row in section.splitlines() if "·" in row).split(". Correct form")[0]
    items = []
    for part in line.split("·"):
        # Keep the number itself: drop the README's notes ("(year missing)", "on the same page").
        for number in part.split(" beside "):
            number = number.strip().split(" ")[0]
            if number:
                items.append(number)
    return items


@requires_corpus
def test_readme_lists_the_known_cases():
    assert len(malformed_from_corpus_readme()) >= 10


@pytest.mark.parametrize("number", malformed_from_corpus_readme())
def test_every_real_malformed_number_is_caught(number):
    problem = lint_doc_number(number, max_year=2026)
    assert problem is not None, number
    assert problem.problems and all(p for p in problem.problems)


@pytest.mark.parametrize("number", [
    "国办发〔2017〕47号", "国发〔2018〕38号", "明政办规〔2026〕3号", "镇政发〔2024〕7号",
    "国办函〔2018〕74号", "明湖市人民政府令第12号", "拉政办发〔2024〕33号",
])
def test_correct_numbers_pass(number):
    assert lint_doc_number(number, max_year=2026) is None


@requires_corpus
def test_corpus_numbers_in_metadata_pass():
    for meta in CORPUS.glob("*/meta.json"):
        number = json.loads(meta.read_text("utf-8")).get("document_number")
        if number:
            assert lint_doc_number(number, max_year=2026) is None, number


@pytest.mark.parametrize("number, problem, suggestion", [
    ("国发[2019]4号", "六角括号", "国发〔2019〕4号"),
    ("甘区政办发201756号", "缺少六角括号", "甘区政办发〔2017〕56号"),
    ("国发〔2019〕04号", "不编虚位", "国发〔2019〕4号"),
    ("国发〔2019〕第4号", "不加“第”", "国发〔2019〕4号"),
    ("国发〔〕28号", "缺少年份", ""),
    ("云政办发〔202313号", "不成对", "云政办发〔2023〕13号"),
    ("X办发〔X〕11X号", "占位符", ""),
    ("增府辦規〔2020〕6號", "號", "增府辦規〔2020〕6号"),
    ("国发〔2099〕4号", "不合理", ""),
])
def test_problems_are_named_with_a_fix(number, problem, suggestion):
    found = lint_doc_number(number, max_year=2027)
    assert any(problem in p for p in found.problems), found
    assert found.suggestion == suggestion


@pytest.mark.parametrize("text, expected", [
    ("2024年3月4日", (2024, 3, 4)),
    ("2024年03月04日", (2024, 3, 4)),
    ("二〇二四年三月四日", (2024, 3, 4)),
    ("二〇二四年十二月三十一日", (2024, 12, 31)),
    ("二〇二四年十月二十日", (2024, 10, 20)),
    ("2024-03-04", (2024, 3, 4)),
    ("２０２４年３月４日", (2024, 3, 4)),
])
def test_dates_as_offices_write_them(text, expected):
    d = parse_date(text)
    assert (d.year, d.month, d.day) == expected


@pytest.mark.parametrize("text", ["2024年2月30日", "2024年13月1日", "三月四日", "", "2024年4月06日 16:40"])
def test_impossible_or_unreadable_dates(text):
    assert parse_date(text) is None


def test_gbt_form_has_no_leading_zeros():
    assert gbt_date(parse_date("2024-03-04")) == "2024年3月4日"


@pytest.mark.parametrize("text, needle", [
    ("2018年11月07日", "应写作“2018年11月7日”"),
    ("二〇二四年三月四日", "阿拉伯数字"),
    ("2024-03-04", "年月日"),
    ("2023年2月29日", "不存在的日期"),
    ("2024年04月06日 16:40", "无法识别"),
])
def test_date_written_problems(text, needle):
    assert needle in date_written_problem(text)


def test_good_date_written_has_no_problem():
    assert date_written_problem("2024年3月4日") == ""
