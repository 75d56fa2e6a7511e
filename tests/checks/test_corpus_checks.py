"""The content checks on real published documents: nothing they publish is blocked.

Each case is imported the way a user would (text read, metadata extracted), then
checked. What may block a real document is only what the studio's own process adds:
missing package fields, the missing interpretation, the missing sign-off.
"""

from __future__ import annotations

from datetime import date

import pytest

from studio.domain import edits
from studio.domain.findings import Severity
from studio.domain.package import Package
from studio.domain.rules import check_package
from studio.domain.settings import RuleSettings
from studio.service.importing import prepare
from tests.ingest import corpus

TODAY = date(2026, 11, 23)
CONTENT_CODES = {"CONFIDENTIAL_MARKING", "ID_NUMBER_EXPOSED", "MOBILE_NUMBER_EXPOSED", "LOCAL_FILE_LINK",
                 "DOC_NUMBER_FORMAT", "DATE_WRITTEN_FORMAT", "NUMBER_MISMATCH", "POLICY_TITLE_MISCITED",
                 "INTERPRETATION_COPIED", "NESTED_TITLE_MARKS", "DOC_NUMBER_CITED_FORMAT"}


def imported(case: str) -> Package:
    package = Package(id=case, created_by="导入", created_at="2026-11-23T00:00:00+08:00")
    for piece in ("policy", "interpretation", "consultation"):
        path = corpus.CORPUS / case / f"{piece}.md"
        if not path.exists():
            continue
        prepared = prepare(path, piece)
        if piece == "policy":
            package = edits.set_metadata(package, prepared.extracted.values).package
            package = edits.set_policy_body(package, prepared.document.markdown).package
        else:
            package = edits.set_text_piece(package, piece, prepared.document.markdown).package
    return package


@corpus.needs_corpus
@pytest.mark.parametrize("case", corpus.CASES)
def test_real_documents_are_not_blocked_for_their_content(case):
    findings = check_package(imported(case), TODAY, RuleSettings())
    blocking = {f.code for f in findings if f.severity is Severity.BLOCKING}
    assert all(code.endswith("_MISSING") or code == "NOT_SIGNED" for code in blocking), blocking
    assert not {f.code for f in findings} & CONTENT_CODES


@corpus.needs_corpus
@pytest.mark.parametrize("case", corpus.CASES)
def test_only_the_exempt_case_is_suggested_as_exempt(case):
    codes = {f.code: f for f in check_package(imported(case), TODAY, RuleSettings())}
    assert ("EXEMPT_SUGGESTED" in codes) == bool(corpus.meta(case).get("exempt"))
    if "EXEMPT_SUGGESTED" in codes:
        assert "组成人员调整" in codes["EXEMPT_SUGGESTED"].message
