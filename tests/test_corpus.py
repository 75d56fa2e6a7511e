"""Real published policies from ../shared/corpus, loaded as packages and checked.

What each case should show is read from its meta.json: whether an interpretation exists,
whether the document is exempt, its 发文字号 and dates as published.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from studio.domain import edits
from studio.domain.findings import Severity
from studio.domain.package import Package
from studio.domain.rules import check_package
from studio.domain.settings import RuleSettings
from tests.corpus_location import CORPUS  # noqa: E402

CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "meta.json").exists()) if CORPUS.exists() else []
TODAY = date(2026, 11, 23)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def read(case: str, name: str) -> str:
    return _COMMENT.sub("", (CORPUS / case / name).read_text("utf-8")).strip()


def load_case(case: str) -> tuple[Package, dict]:
    meta = json.loads((CORPUS / case / "meta.json").read_text("utf-8"))
    pieces = meta["pieces"]
    values = {
        "title": meta.get("title") or "",
        "doc_number": meta.get("document_number") or "",
        "organ": meta.get("issuing_organ") or "",
        "date_written": meta.get("date_written") or "",
        "index_number": meta.get("index_number") or "",
        "topic": meta.get("topic") or "",
        "kind": "其他",
        "disclosure": "主动公开",
    }
    if meta.get("exempt"):
        values.update(exempt="人事任免", exempt_reason=meta.get("exempt_reason", ""))
    interp = pieces.get("interpretation", {})
    if interp.get("present"):
        values.update(interpreter_org=interp.get("interpreter_org") or "",
                      interpreter_person=interp.get("interpreter_person") or "",
                      interpreter_contact=interp.get("contact") or "")
    package = Package(id=case, created_by="corpus", created_at="2026-11-23T00:00:00+08:00")
    package = package.evolve(metadata=package.metadata.with_values(**values))  # as published, unchecked
    if pieces["policy"].get("present"):
        package = edits.set_policy_body(package, read(case, "policy.md")).package
    if interp.get("present"):
        package = edits.set_text_piece(package, "interpretation", read(case, "interpretation.md")).package
    if pieces.get("consultation", {}).get("present"):
        package = edits.set_text_piece(package, "consultation", read(case, "consultation.md")).package
    return package, meta


def findings(package: Package) -> dict[str, Severity]:
    return {f.code: f.severity for f in check_package(package, TODAY, RuleSettings())}


pytestmark = pytest.mark.skipif(not CASES, reason="shared corpus not present beside the project")


@pytest.mark.parametrize("case", CASES)
def test_case_is_checked_as_its_metadata_says(case):
    package, meta = load_case(case)
    found = findings(package)
    has_interpretation = meta["pieces"].get("interpretation", {}).get("present", False)

    # Interpretation required unless exempt (三同步).
    if meta.get("exempt"):
        assert "INTERPRETATION_MISSING" not in found
    else:
        assert ("INTERPRETATION_MISSING" in found) == (not has_interpretation)

    # A policy that is missing (an orphan consultation notice) cannot be released.
    assert ("POLICY_MISSING" in found) == (not meta["pieces"]["policy"].get("present"))

    # 发文字号: missing ones are reported; published ones are well formed.
    if not meta.get("document_number"):
        assert "DOC_NUMBER_MISSING" in found
    else:
        assert "DOC_NUMBER_FORMAT" not in found

    # 成文日期 as the sites publish it (leading zeros, clock times) is not GB/T 9704 form.
    written = meta.get("date_written") or ""
    if re.fullmatch(r"\d{4}年[1-9]\d?月[1-9]\d?日", written):
        assert "DATE_WRITTEN_FORMAT" not in found
    elif written:
        assert found.get("DATE_WRITTEN_FORMAT") is Severity.BLOCKING

    # Interpretations without a published contact are refused (解读机构、解读人、联系方式).
    if has_interpretation and not meta["pieces"]["interpretation"].get("contact"):
        assert "INTERPRETER_CONTACT_MISSING" in found

    # None of these is ready to publish as it stands: it has not been through the studio's review.
    assert found["NOT_SIGNED"] is Severity.BLOCKING


def test_abbreviated_title_in_interpretation_is_linked_to_the_policy():
    package, meta = load_case("s01_zimaoqu_gaige_guofa2018_38")
    assert "《若干措施》" in read("s01_zimaoqu_gaige_guofa2018_38", "interpretation.md")
    assert package.pieces.interpretation.policy_ref == "《若干措施》"
    assert "LINK_BACK_MISMATCH" not in findings(package)


def test_weak_media_report_is_not_taken_as_a_linked_interpretation():
    package, meta = load_case("s02_tiyu_jingsai_biaoyan_guobanfa2018_121")
    assert meta["linkage_expected"]["policy->interpretation"].startswith("weak")
    assert findings(package)["LINK_NOT_NAMED"] is Severity.WARNING


def test_orphan_consultation_has_no_policy_to_link_back_to():
    package, meta = load_case("s08_local_qingyuan_guizhang_xiangmuku_consultation_only")
    assert meta["linkage_expected"]["consultation->policy"] == "missing"
    found = findings(package)
    assert found["POLICY_MISSING"] is Severity.BLOCKING


def test_exempt_personnel_notice_passes_the_completeness_rules():
    package, _ = load_case("s10_exempt_wuranyuan_pucha_lingdaoxiaozu_guobanhan2018_74")
    found = findings(package)
    assert not {"INTERPRETATION_MISSING", "EXPLAINER_MISSING", "EXEMPT_REASON_MISSING",
                "INTERPRETER_ORG_MISSING"} & set(found)
