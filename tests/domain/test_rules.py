"""Each rule: a complete package passes it, and a package with the defect fails it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from studio.domain import edits
from studio.domain.findings import Severity
from studio.domain.package import Package
from studio.domain.pieces import FaqItem, FaqPiece, OtherForm, OthersPiece, TextPiece
from studio.domain.rules import check_package
from tests import factories as f


def codes(package: Package, **settings) -> dict[str, Severity]:
    return {x.code: x.severity for x in check_package(package, f.TODAY, f.settings(**settings))}


def with_meta(package: Package, **values: str) -> Package:
    return package.evolve(metadata=package.metadata.with_values(**values))


def with_piece(package: Package, key: str, piece) -> Package:
    return package.evolve(pieces=package.pieces.with_piece(key, piece))


def test_complete_signed_package_has_no_findings():
    findings = check_package(f.signed(), f.TODAY, f.settings())
    assert findings == []


def test_findings_carry_code_severity_place_and_chinese_message():
    finding = next(x for x in check_package(f.draft(), f.TODAY, f.settings()) if x.code == "NOT_SIGNED")
    assert finding.to_dict().keys() == {"code", "severity", "piece", "field", "message"}
    assert "审签" in finding.message and finding.severity is Severity.BLOCKING


# (what breaks the package, the code it must raise, the severity)
BROKEN = {
    "policy empty": (lambda p: with_piece(p, "policy", replace(p.pieces.policy, body=" ")), "POLICY_MISSING", "blocking"),
    "no interpretation": (lambda p: with_piece(p, "interpretation", TextPiece()), "INTERPRETATION_MISSING", "blocking"),
    "no explainer for 规范性文件": (lambda p: with_piece(p, "explainer", type(p.pieces.explainer)()), "EXPLAINER_MISSING", "blocking"),
    "no faq": (lambda p: with_piece(p, "faq", FaqPiece()), "FAQ_MISSING", "info"),
    "faq answer missing": (lambda p: with_piece(p, "faq", FaqPiece(items=(FaqItem("问题？", ""),), policy_ref=p.pieces.faq.policy_ref)), "FAQ_ITEM_INCOMPLETE", "blocking"),
    "exempt without reason": (lambda p: with_meta(p, exempt="表彰决定"), "EXEMPT_REASON_MISSING", "blocking"),
    "exempt reason without category": (lambda p: with_meta(p, exempt_reason="无需解读"), "EXEMPT_CATEGORY_MISSING", "blocking"),
    "no consultation": (lambda p: with_piece(p, "consultation", TextPiece()), "CONSULTATION_MISSING", "blocking"),
    "consultation dates missing": (lambda p: with_meta(p, consultation_start=""), "CONSULTATION_PERIOD_MISSING", "blocking"),
    "consultation ends before start": (lambda p: with_meta(p, consultation_end="2026-01-01"), "CONSULTATION_PERIOD_INVALID", "blocking"),
    "consultation too short": (lambda p: with_meta(p, consultation_end="2026-01-20"), "CONSULTATION_PERIOD_SHORT", "blocking"),
    "consultation feedback missing": (lambda p: with_meta(p, consultation_feedback=""), "CONSULTATION_FEEDBACK_MISSING", "blocking"),
    "consultation after signing": (lambda p: with_meta(p, consultation_end="2026-03-06"), "CONSULTATION_AFTER_WRITTEN", "warning"),
    "interpreter org missing": (lambda p: with_meta(p, interpreter_org=""), "INTERPRETER_ORG_MISSING", "blocking"),
    "interpreter person missing": (lambda p: with_meta(p, interpreter_person=""), "INTERPRETER_PERSON_MISSING", "blocking"),
    "interpreter contact missing": (lambda p: with_meta(p, interpreter_contact=""), "INTERPRETER_CONTACT_MISSING", "blocking"),
    "interpreter contact useless": (lambda p: with_meta(p, interpreter_contact="见官网"), "INTERPRETER_CONTACT_INVALID", "warning"),
    "disclosure missing": (lambda p: with_meta(p, disclosure=""), "DISCLOSURE_MISSING", "blocking"),
    "依申请公开 without reason": (lambda p: with_meta(p, disclosure="依申请公开"), "DISCLOSURE_REASON_MISSING", "blocking"),
    "不予公开 not for the website": (lambda p: with_meta(p, disclosure="不予公开", disclosure_reason="涉及国家秘密"), "NOT_FOR_WEBSITE", "blocking"),
    "title missing": (lambda p: with_meta(p, title=""), "TITLE_MISSING", "blocking"),
    "organ missing": (lambda p: with_meta(p, organ=""), "ORGAN_MISSING", "blocking"),
    "kind missing": (lambda p: with_meta(p, kind=""), "KIND_MISSING", "blocking"),
    "kind invalid": (lambda p: with_meta(p, kind="通知"), "KIND_INVALID", "blocking"),
    "date written missing": (lambda p: with_meta(p, date_written=""), "DATE_WRITTEN_MISSING", "blocking"),
    "doc number missing": (lambda p: with_meta(p, doc_number=""), "DOC_NUMBER_MISSING", "warning"),
    "index number missing": (lambda p: with_meta(p, index_number=""), "INDEX_NUMBER_MISSING", "warning"),
    "topic missing": (lambda p: with_meta(p, topic=""), "TOPIC_MISSING", "warning"),
    "doc number malformed": (lambda p: with_meta(p, doc_number="明政办规[2026]2号"), "DOC_NUMBER_FORMAT", "blocking"),
    "date written malformed": (lambda p: with_meta(p, date_written="2026年03月05日"), "DATE_WRITTEN_FORMAT", "blocking"),
    "date written in the future": (lambda p: with_meta(p, date_written="2026年12月5日"), "DATE_WRITTEN_FUTURE", "warning"),
    "consultation date not a date": (lambda p: with_meta(p, consultation_start="下周一"), "DATE_INVALID", "blocking"),
    "published before written": (lambda p: with_meta(p, date_published="2026-03-01"), "DATE_ORDER", "blocking"),
    "interpretation cites draft": (lambda p: with_piece(p, "interpretation", replace(p.pieces.interpretation, policy_ref="《明湖市青年人才租房补贴办法（征求意见稿）》")), "LINK_BACK_MISMATCH", "blocking"),
    "interpretation of another policy": (lambda p: with_piece(p, "faq", replace(p.pieces.faq, policy_ref="明政办规〔2025〕9号")), "LINK_BACK_MISMATCH", "blocking"),
    "companion without reference": (lambda p: with_piece(p, "consultation", replace(p.pieces.consultation, policy_ref="")), "LINK_BACK_MISSING", "blocking"),
    "policy does not link companion": (lambda p: edits.unlink(p, "faq").package, "LINK_FORWARD_MISSING", "blocking"),
    "policy links to nothing": (lambda p: with_piece(p, "faq", FaqPiece()), "LINK_TARGET_MISSING", "blocking"),
    "other form without target": (lambda p: with_piece(p, "others", OthersPiece((OtherForm("专家解读", "专家谈"),))), "OTHER_FORM_TARGET_MISSING", "blocking"),
    "other form without title": (lambda p: with_piece(p, "others", OthersPiece((OtherForm("媒体解读", "", url="https://example.gov.cn/a"),))), "OTHER_FORM_INCOMPLETE", "blocking"),
    "other form without back link": (lambda p: with_piece(p, "others", OthersPiece((OtherForm("媒体解读", "报道", url="https://example.gov.cn/a"),))), "LINK_BACK_UNCONFIRMED", "warning"),
    "interpretation never names the policy": (lambda p: with_piece(p, "interpretation", replace(p.pieces.interpretation, body=p.pieces.interpretation.body.replace("《明湖市青年人才租房补贴办法》", "本办法"))), "LINK_NOT_NAMED", "warning"),
    "interpretation lacks elements": (lambda p: with_piece(p, "interpretation", replace(p.pieces.interpretation, body="本办法很好。\n\n请大家遵守。")), "INTERPRETATION_ELEMENTS_MISSING", "warning"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_rule_fails_on_defect(name):
    breaker, code, severity = BROKEN[name]
    found = codes(breaker(f.signed()))
    assert code in found, f"{name}: expected {code}, got {sorted(found)}"
    assert found[code].value == severity


@pytest.mark.parametrize("name", list(BROKEN))
def test_rule_passes_on_complete_package(name):
    _, code, _ = BROKEN[name]
    assert code not in codes(f.signed())


def test_unsigned_package_is_not_releasable():
    for package in (f.draft(), f.signed().evolve(state=f.signed().state.__class__("review2"))):
        assert codes(package)["NOT_SIGNED"] is Severity.BLOCKING


def test_edit_after_signoff_is_stale_when_state_kept():
    package = f.signed()
    tampered = with_meta(package, title="明湖市人民政府办公室关于印发《明湖市青年人才租房补贴办法》的通知（修改）")
    found = check_package(tampered, f.TODAY, f.settings())
    stale = next(x for x in found if x.code == "SIGNOFF_STALE")
    assert "元数据" in stale.message


def test_exempt_package_needs_no_interpretation_explainer_or_interpreter():
    package = f.draft(kind="其他", exempt="表彰决定", exempt_reason="表彰决定不涉及公众权利义务")
    package = with_piece(package, "interpretation", TextPiece())
    package = edits.unlink(package, "interpretation").package
    found = codes(package)
    assert not {"INTERPRETATION_MISSING", "EXPLAINER_MISSING", "INTERPRETER_ORG_MISSING"} & set(found)


def test_explainer_requirement_follows_settings():
    package = with_piece(f.signed(), "explainer", type(f.signed().pieces.explainer)())
    assert "EXPLAINER_MISSING" not in codes(package, explainer_required_kinds=())


def test_recorded_reason_replaces_consultation():
    package = with_piece(f.signed(), "consultation", TextPiece())
    package = with_piece(package, "policy", replace(package.pieces.policy, related=("interpretation", "explainer", "faq")))
    package = with_meta(package, no_consultation_reason="依法不公开征求意见（涉及突发事件应对）")
    assert "CONSULTATION_MISSING" not in codes(package)


def test_consultation_not_required_for_other_kinds():
    package = with_piece(f.signed(), "consultation", TextPiece())
    package = with_piece(package, "policy", replace(package.pieces.policy, related=("interpretation", "explainer", "faq")))
    assert "CONSULTATION_MISSING" not in codes(with_meta(package, kind="其他"))


def test_short_consultation_with_stated_reason_is_a_warning():
    package = with_meta(f.signed(), consultation_end="2026-01-20", short_period_reason="涉及防汛应急，情况紧急")
    assert codes(package)["CONSULTATION_PERIOD_SHORT"] is Severity.WARNING


def test_normative_document_unrelated_to_business_needs_seven_working_days():
    # 2026-01-05 (Mon) .. 2026-01-13 (Tue): 7 working days, 9 calendar days.
    package = with_meta(f.signed(), consultation_end="2026-01-13", affects_business="否")
    assert "CONSULTATION_PERIOD_SHORT" not in codes(package)
    package = with_meta(f.signed(), consultation_end="2026-01-12", affects_business="否")
    assert "CONSULTATION_PERIOD_SHORT" in codes(package)


def test_consultation_working_days_skip_public_holidays():
    # 2026-09-28 (Mon) .. 2026-10-09 (Fri) spans the National Day holiday: 5 working days.
    holidays = tuple(f"2026-10-0{d}" for d in range(1, 8))
    package = with_meta(f.signed(), consultation_start="2026-09-28", consultation_end="2026-10-09",
                        affects_business="否", date_written="2026年10月20日")
    found = check_package(package, f.TODAY.replace(month=11), f.settings(holidays=holidays, extra_workdays=()))
    short = next(x for x in found if x.code == "CONSULTATION_PERIOD_SHORT")
    assert "共5个工作日" in short.message


def test_unset_business_relation_is_checked_against_thirty_days():
    package = with_meta(f.signed(), consultation_end="2026-01-20", affects_business="")
    found = {x.code: x for x in check_package(package, f.TODAY, f.settings())}
    assert "不少于30日" in found["CONSULTATION_PERIOD_SHORT"].message
    assert found["AFFECTS_BUSINESS_UNSET"].severity is Severity.INFO


def test_regulations_need_thirty_days():
    package = with_meta(f.signed(), kind="规章", doc_number="明湖市人民政府令第3号", consultation_end="2026-02-02")
    assert codes(package)["CONSULTATION_PERIOD_SHORT"] is Severity.BLOCKING  # 29 days
    package = with_meta(package, consultation_end="2026-02-03")
    assert "CONSULTATION_PERIOD_SHORT" not in codes(package)


def test_release_overdue_is_a_warning_never_blocking():
    package = f.signed()  # written 2026-03-05 (Thu); three working days end 2026-03-10
    assert "RELEASE_OVERDUE" not in codes(package)
    late = check_package(package, f.TODAY.replace(day=12), f.settings())
    overdue = next(x for x in late if x.code == "RELEASE_OVERDUE")
    assert overdue.severity is Severity.WARNING and "逾期2个工作日" in overdue.message
    assert all(x.severity is not Severity.BLOCKING for x in late)


def test_release_limit_follows_settings():
    package = f.signed()
    later = check_package(package, f.TODAY.replace(day=12), f.settings(release_limit_workdays=20))
    assert "RELEASE_OVERDUE" not in {x.code for x in later}


def test_released_late_package_reports_lateness():
    package = with_meta(f.released(), date_published="2026-03-16")
    late = next(x for x in check_package(package, f.TODAY, f.settings()) if x.code == "RELEASE_LATE")
    assert "4个工作日" in late.message


def test_repealing_policy_needs_old_new_comparison():
    package = f.signed()
    body = package.pieces.policy.body + "\n原《明湖市人才住房办法》同时废止。\n"
    package = with_piece(package, "policy", replace(package.pieces.policy, body=body))
    found = next(x for x in check_package(package, f.TODAY, f.settings()) if x.code == "INTERPRETATION_ELEMENTS_MISSING")
    assert "新旧政策差异" in found.message


def test_abbreviated_reference_is_resolved_to_the_policy():
    package = with_piece(f.signed(), "interpretation", replace(f.signed().pieces.interpretation, policy_ref="《租房补贴办法》"))
    assert "LINK_BACK_MISMATCH" not in codes(package)
