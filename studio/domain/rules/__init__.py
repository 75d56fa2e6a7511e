"""The rules: one function turns a package, a date and settings into findings."""

from __future__ import annotations

from datetime import date

from studio.domain.findings import Finding
from studio.domain.package import Package
from studio.domain.pieces import PIECE_KEYS
from studio.domain.rules import (
    citations,
    completeness,
    consultation,
    copying,
    disclosure,
    exemption,
    exemption_hints,
    explainer,
    formats,
    interpretation,
    interpreter,
    linkage,
    metadata_fields,
    numbers,
    punctuation,
    release_safety,
    signoff,
    timeliness,
)
from studio.domain.rules.context import RuleContext
from studio.domain.settings import RuleSettings

RULES = (
    metadata_fields.check,
    formats.check,
    disclosure.check,
    exemption.check,
    exemption_hints.check,
    release_safety.check,
    completeness.check,
    interpreter.check,
    consultation.check,
    linkage.check,
    interpretation.check,
    copying.check,
    numbers.check,
    citations.check,
    punctuation.check,
    explainer.check,
    signoff.check,
    timeliness.check,
)

_PIECE_ORDER = {k: i for i, k in enumerate(("metadata",) + PIECE_KEYS)}


def check_package(package: Package, today: date, settings: RuleSettings | None = None) -> list[Finding]:
    ctx = RuleContext(package, today, settings or RuleSettings())
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule(ctx))
    findings.sort(key=lambda f: (f.severity.rank, _PIECE_ORDER.get(f.piece, 99)))
    return findings
