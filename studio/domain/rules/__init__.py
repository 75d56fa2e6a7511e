"""The rules: one function turns a package, a date and settings into findings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from studio.domain.findings import Finding, Severity
from studio.domain.package import Package
from studio.domain.pieces import PIECE_KEYS
from studio.domain.rule_catalogue import ADJUSTABLE
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
    placeholders,
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
    placeholders.check,
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

# Rules whose findings follow from the package's words, its metadata, the settings and the
# year alone — not from its state or the day. A library check may reuse their findings for
# content it has already read (studio.service.check_cache); a release always runs them afresh.
CONTENT_RULES = (
    exemption_hints.check,
    release_safety.check,
    placeholders.check,
    copying.check,
    numbers.check,
    citations.check,
    punctuation.check,
    explainer.check,
)

_PIECE_ORDER = {k: i for i, k in enumerate(("metadata",) + PIECE_KEYS)}


def apply_profile(findings: list[Finding], settings: RuleSettings) -> list[Finding]:
    """Each finding at the severity the library's profile sets, naming what it rests on."""
    if not settings.profile:
        return findings
    out: list[Finding] = []
    for f in findings:
        chosen = settings.severity_of(f.code)
        if chosen == "off":
            continue
        severity = Severity(chosen) if chosen and f.code in ADJUSTABLE else f.severity
        basis = settings.basis_of(f.code) or f"按《{settings.profile}》规则"
        out.append(replace(f, severity=severity, basis=basis))
    return out


def content_findings(package: Package, today: date, settings: RuleSettings) -> list[Finding]:
    ctx = RuleContext(package, today, settings)
    return [f for rule in CONTENT_RULES for f in rule(ctx)]


def check_package(package: Package, today: date, settings: RuleSettings | None = None,
                  known_content: list[Finding] | None = None) -> list[Finding]:
    """Every rule's findings; `known_content` stands in for the content rules' when given."""
    ctx = RuleContext(package, today, settings or RuleSettings())
    findings: list[Finding] = []
    for rule in RULES:
        if known_content is None or rule not in CONTENT_RULES:
            findings.extend(rule(ctx))
    if known_content is not None:
        findings.extend(known_content)
    findings = apply_profile(findings, ctx.settings)
    findings.sort(key=lambda f: (f.severity.rank, _PIECE_ORDER.get(f.piece, 99)))
    return findings
