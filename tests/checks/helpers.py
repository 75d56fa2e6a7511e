"""Running the rules on packages built for one check."""

from __future__ import annotations

from studio.domain import edits
from studio.domain.findings import Finding
from studio.domain.package import Package
from studio.domain.rules import check_package
from studio.domain.settings import RuleSettings
from tests import factories as f


def findings(package: Package, **settings) -> list[Finding]:
    return check_package(package, f.TODAY, RuleSettings(**settings))


def codes(package: Package, **settings) -> dict[str, Finding]:
    return {x.code: x for x in findings(package, **settings)}


def with_interpretation(body: str, package: Package | None = None) -> Package:
    return edits.set_text_piece(package or f.draft(), "interpretation", body).package


def with_policy(body: str, package: Package | None = None) -> Package:
    return edits.set_policy_body(package or f.draft(), body).package
