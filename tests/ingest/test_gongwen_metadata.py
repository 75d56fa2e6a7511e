"""Metadata a 公文 states in its layout, on the real corpus and on Word-laid-out documents."""

from __future__ import annotations

import pytest

from studio.domain.dates import parse_date
from studio.domain.metadata import Metadata
from studio.ingest.gongwen_metadata import extract_metadata
from studio.ingest.metadata_proposals import accepted_values, proposals
from studio.ingest.reader import read_document
from tests.ingest import corpus, word_files

FIELDS = {"title": "title", "doc_number": "document_number", "organ": "issuing_organ", "date_written": "date_written"}


def extracted(case: str):
    doc = read_document(corpus.CORPUS / case / "policy.md")
    return extract_metadata(doc.lines, doc.page_fields)


@corpus.needs_corpus
@pytest.mark.parametrize("case", corpus.POLICY_CASES)
@pytest.mark.parametrize("key", FIELDS)
def test_corpus_policy_metadata_is_found(case, key):
    """Equal to meta.json; where the page's own metadata is wrong, the document's value counts."""
    want = corpus.value(case, FIELDS[key])
    got = extracted(case).values.get(key, "")
    if key == "date_written":
        # The pages write 2018年11月07日 or add a clock time; the document's 落款 says 2018年11月7日.
        assert parse_date(got) == parse_date(want.split()[0]), (got, want)
        assert got == f"{parse_date(got).year}年{parse_date(got).month}月{parse_date(got).day}日"
    else:
        assert got == want, (got, want)


@corpus.needs_corpus
def test_corpus_addressees_and_disclosure_note():
    found = extracted("s01_zimaoqu_gaige_guofa2018_38")
    assert found.addressees == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构"
    assert found.values["disclosure"] == "主动公开"
    assert found.found_at["organ"] == "标题" and "落款" in found.found_at["date_written"]


@corpus.needs_corpus
def test_a_title_the_page_left_out_is_inferred_and_said_so():
    found = extracted("s07_local_lasa_wufei_lazhengbanfa2024_33")
    assert found.found_at["title"] == "据正文推断"
    assert any("请核对" in n for n in found.notes)


@corpus.needs_corpus
def test_a_wrong_organ_in_the_page_fields_loses_to_the_document():
    found = extracted("s06_local_zhenba_gongzuo_guize_zhenzhengfa2024_7")
    assert found.values["organ"] == "镇巴县人民政府"  # the page says 县政府网站
    assert found.values["index_number"] == "6107280000/2024-001005"


def test_word_gongwen_with_multi_line_title_and_chinese_date(tmp_path):
    doc = read_document(word_files.gongwen(tmp_path / "g.docx"))
    found = extract_metadata(doc.lines)
    assert found.values["title"] == "明湖市人民政府关于支持高校毕业生就业创业的若干措施"
    assert found.values["doc_number"] == "明政发〔2024〕3号"
    assert found.values["organ"] == "明湖市人民政府"
    assert found.values["date_written"] == "2024年3月4日"
    assert any("二〇二四年三月四日" in n for n in found.notes)
    assert found.addressees == "各区县人民政府，市政府各部门"
    assert found.attachments == ("补贴申请表", "申领流程图")
    assert found.values["disclosure"] == "主动公开"


@pytest.mark.parametrize("note, value", [
    ("（此件公开发布）", "主动公开"), ("（此件主动公开）", "主动公开"), ("(此件依申请公开)", "依申请公开"),
    ("（此件不予公开）", "不予公开"), ("（此件不公开）", "不予公开"), ("（此件删减后公开）", "主动公开"),
])
def test_disclosure_notes(note, value):
    lines = ["明湖市人民政府关于某事的通知", "各区县人民政府：", "现将有关事项通知如下。", "明湖市人民政府", "2024年3月4日", note]
    assert extract_metadata(lines).values["disclosure"] == value


def test_title_without_organ_takes_the_signature_and_malformed_number_is_kept_as_written():
    lines = ["关于做好2024年高校毕业生就业工作的通知", "国发[2024]4号", "各区县人民政府：", "现就有关事项通知如下。",
             "明湖市人力资源和社会保障局", "明湖市财政局", "2024年3月4日"]
    found = extract_metadata(lines)
    assert found.values["organ"] == "明湖市人力资源和社会保障局 明湖市财政局"
    assert found.values["doc_number"] == "国发[2024]4号"  # the format check says what is wrong


def test_upward_document_number_with_signer_and_version_head():
    lines = ["明湖市人力资源和社会保障局文件", "明人社发〔2024〕12号　　　　签发人：张三",
             "明湖市人力资源和社会保障局关于", "申请就业补助资金的请示", "市人民政府：", "现将有关情况报告如下。"]
    found = extract_metadata(lines)
    assert found.values["doc_number"] == "明人社发〔2024〕12号"
    assert found.values["title"] == "明湖市人力资源和社会保障局关于申请就业补助资金的请示"
    assert found.addressees == "市人民政府"


def test_kind_is_suggested_from_the_number():
    assert extract_metadata(["明政办规〔2024〕3号", "某规定", "现印发如下。"]).values["kind"] == "规范性文件"
    assert extract_metadata(["明湖市人民政府令第12号", "现公布如下。"]).values["kind"] == "规章"


def test_no_title_is_reported():
    found = extract_metadata(["这是一段没有标题的正文，说明了一些情况。"])
    assert "title" not in found.values and any("没有找到标题" in n for n in found.notes)


def test_proposals_never_overwrite_typed_values():
    found = extract_metadata(["明湖市人民政府关于某事的通知", "明政发〔2024〕3号", "各区县人民政府：", "现通知如下。",
                              "明湖市人民政府", "2024年3月4日"])
    current = Metadata(title="用户已填写的标题", date_written="2024年3月4日")
    items = {p.key: p for p in proposals(current, found)}
    assert "date_written" not in items  # same value: nothing to propose
    assert not items["title"].fills_empty and items["title"].current == "用户已填写的标题"
    assert items["doc_number"].fills_empty
    assert items["doc_number"].describe().startswith("建议：doc_number=明政发〔2024〕3号（发文字号")
    assert "当前为空" in items["doc_number"].describe()
    accepted = accepted_values(list(items.values()))
    assert "title" not in accepted and accepted["doc_number"] == "明政发〔2024〕3号"
