"""One line per package for the library overview: state, completeness, updates, lateness."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from studio.domain.findings import Finding, Severity
from studio.domain.states import State

if TYPE_CHECKING:
    from studio.domain.package import Package
    from studio.domain.settings import RuleSettings
    from studio.service.check_cache import CheckCache

# Findings that say a piece or a link is missing: what 关联完整度 counts.

COMPLETENESS_CODES = frozenset({
    "POLICY_MISSING", "INTERPRETATION_MISSING", "EXPLAINER_MISSING", "CONSULTATION_MISSING",
    "LINK_FORWARD_MISSING", "LINK_BACK_MISSING", "LINK_BACK_MISMATCH", "LINK_TARGET_MISSING",
    "OTHER_FORM_TARGET_MISSING", "EXEMPT_REASON_MISSING", "EXEMPT_CATEGORY_MISSING",
})
LATE_CODES = frozenset({"RELEASE_OVERDUE", "RELEASE_LATE"})


@dataclass(frozen=True)
class PackageSummary:
    folder: Path
    id: str
    title: str
    doc_number: str
    state: State
    gaps: int
    blocking: int
    warnings: int
    late: bool
    updated_at: str
    findings: tuple[Finding, ...]
    checked: bool = True

    @property
    def complete(self) -> bool:
        return self.checked and self.gaps == 0

    @property
    def completeness_label(self) -> str:
        if not self.checked:
            return "检查中…"
        return "齐全" if self.complete else f"缺{self.gaps}项"


def _read(folder: Path) -> tuple[Package, str]:
    # The package reader loads on the first read, so the row type is cheap to import (the window's listing).
    from studio.domain.package import Package
    from studio.store.package_file import PackageFile

    stored = PackageFile(folder).load()
    package = Package.from_dict(stored.data)
    updated = stored.events[-1].get("at", "") if stored.events else package.created_at
    return package, updated


def quick_summary(folder: Path) -> PackageSummary:
    """What the list shows at once, before the rules have run."""
    package, updated = _read(folder)
    return PackageSummary(Path(folder), package.id, package.metadata.title, package.metadata.doc_number,
                          package.state, 0, 0, 0, False, updated, (), checked=False)


def summarize(folder: Path, today: date, settings: RuleSettings, cache: CheckCache | None = None) -> PackageSummary:
    from studio.service.check_cache import findings_with_cache  # the rules load off the start-up path

    package, updated = _read(folder)
    findings, _ = findings_with_cache(package, today, settings, cache)
    return PackageSummary(
        folder=Path(folder),
        id=package.id,
        title=package.metadata.title,
        doc_number=package.metadata.doc_number,
        state=package.state,
        gaps=sum(1 for f in findings if f.code in COMPLETENESS_CODES),
        blocking=sum(1 for f in findings if f.severity is Severity.BLOCKING),
        warnings=sum(1 for f in findings if f.severity is Severity.WARNING),
        late=any(f.code in LATE_CODES for f in findings),
        updated_at=updated,
        findings=tuple(findings),
    )
