"""Edits: metadata values are checked as typed, companions are linked both ways."""

from __future__ import annotations

import pytest

from studio.domain import edits
from studio.domain.errors import InvalidInput
from studio.domain.package import Package
from tests import factories as f


def blank() -> Package:
    return Package(id="x", created_by=f.DRAFTER, created_at=f.AT)


@pytest.mark.parametrize("key, value, message", [
    ("colour", "红", "没有名为"),
    ("kind", "通知", "只能是"),
    ("disclosure", "公开", "只能是"),
    ("consultation_start", "下周", "不是有效日期"),
    ("date_published", "2026-01-01", "自动记录"),
    ("date_written", "去年", "不是有效日期"),
])
def test_bad_metadata_is_refused_in_chinese(key, value, message):
    with pytest.raises(InvalidInput, match=message):
        edits.set_metadata(blank(), {key: value})


def test_calendar_dates_are_stored_iso_and_date_written_in_gbt_form():
    package = edits.set_metadata(blank(), {"consultation_start": "2026年1月5日", "date_written": "2026-03-05"}).package
    assert package.metadata.consultation_start == "2026-01-05"
    assert package.metadata.date_written == "2026年3月5日"


@pytest.mark.parametrize("typed", ["2018年12月04日", "2018年12月4日 16:40", "2018.12.04", "二〇一八年十二月四日"])
def test_date_written_in_the_forms_sites_show_is_normalised_on_entry(typed):
    package = edits.set_metadata(blank(), {"date_written": typed}).package
    assert package.metadata.date_written == "2018年12月4日"


def test_date_written_that_is_no_date_is_kept_so_the_rule_can_point_at_it():
    package = edits.set_metadata(blank(), {"date_written": "2026年2月30日"}).package
    assert package.metadata.date_written == "2026年2月30日"


def test_import_links_companion_both_ways():
    package = edits.set_metadata(blank(), {"title": f.META["title"], "doc_number": f.META["doc_number"]}).package
    outcome = edits.set_text_piece(package, "interpretation", "解读正文。")
    assert outcome.package.pieces.interpretation.policy_ref == f.META["doc_number"]
    assert outcome.package.pieces.policy.related == ("interpretation",)
    assert set(outcome.parts) == {"interpretation", "policy"}
    assert outcome.parts["policy"] == ["related"]


def test_interpretation_citing_the_draft_keeps_that_citation():
    package = edits.set_metadata(blank(), {"title": f.META["title"]}).package
    body = "《明湖市青年人才租房补贴办法（征求意见稿）》（以下简称《办法》）已经……"
    ref = edits.set_text_piece(package, "interpretation", body).package.pieces.interpretation.policy_ref
    assert "征求意见稿" in ref


def test_consultation_notice_citing_the_draft_links_to_the_final_policy():
    package = edits.set_metadata(blank(), {"title": f.META["title"], "doc_number": f.META["doc_number"]}).package
    ref = edits.set_text_piece(package, "consultation", f.CONSULTATION_BODY).package.pieces.consultation.policy_ref
    assert ref == f.META["doc_number"]


def test_link_repoints_a_companion_to_the_policy():
    package = f.draft()
    package = edits.set_metadata(package, {}).package
    stale = package.evolve(pieces=package.pieces.with_piece(
        "interpretation", package.pieces.interpretation.__class__("t", "b", "《旧标题》")))
    fixed = edits.link(stale, "interpretation").package
    assert fixed.pieces.interpretation.policy_ref == f.META["doc_number"]


def test_other_forms_need_a_known_form():
    with pytest.raises(InvalidInput, match="解读形式"):
        edits.add_other_form(f.draft(), "微博", "标题", url="https://example.gov.cn")


@pytest.mark.parametrize("data", [{"sections": ["不是对象"]}, {"width": "宽"}])
def test_malformed_explainer_content_is_refused_in_chinese(data):
    with pytest.raises(InvalidInput, match="图解内容格式不对"):
        edits.set_explainer(blank(), data)
