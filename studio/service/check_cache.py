"""What the content rules found, kept per package content, so a library check reads each text once.

The content rules (figures against the policy, copied wording, punctuation, release safety…)
cost milliseconds a package; their findings change only when the package's words, its
metadata, the settings, the year or the rules themselves change, and the key holds all of
them. The cache lives in the user's own cache folder, one file per library; a release never
uses it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from studio import __version__
from studio.domain.findings import Finding, Severity
from studio.domain.hashing import content_hash
from studio.domain.package import Package
from studio.domain.settings import RuleSettings
from studio.paths import app_root, user_cache_dir
from studio.store.atomic_file import atomic_write_text


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """Changes with any change to the domain code (or, in the packaged app, its version)."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted((app_root() / "studio" / "domain").rglob("*.py")):
        digest.update(path.as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=8)
def _prefix(year: int, settings: RuleSettings) -> str:
    return content_hash({"rules": rules_fingerprint(), "year": year, "settings": settings.to_dict()})


def content_key(package: Package, today: date, settings: RuleSettings) -> str:
    parts = package.part_hashes()
    return hashlib.sha256("".join([_prefix(today.year, settings)] + [parts[k] for k in sorted(parts)]).encode()).hexdigest()


def _to_json(findings: list[Finding]) -> list[dict[str, str]]:
    return [f.to_dict() for f in findings]


def _from_json(rows: list[dict[str, Any]]) -> list[Finding]:
    return [Finding(r["code"], Severity(r["severity"]), r["piece"], r["field"], r["message"]) for r in rows]


class CheckCache:
    def __init__(self, library: Path):
        name = hashlib.sha256(str(Path(library).resolve()).encode()).hexdigest()[:16]
        self.path = user_cache_dir() / "checks" / f"{name}.json"
        self.entries: dict[str, list[dict[str, str]]] = {}
        self.added: dict[str, list[dict[str, str]]] = {}
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if isinstance(data, dict) and data.get("rules") == rules_fingerprint():
                self.entries = data.get("entries", {})
        except (OSError, ValueError):
            pass  # no cache, or a damaged one: everything is read afresh

    def get(self, key: str) -> list[Finding] | None:
        rows = self.entries.get(key)
        return None if rows is None else _from_json(rows)

    def put(self, key: str, findings: list[Finding]) -> None:
        self.added[key] = self.entries[key] = _to_json(findings)

    def merge(self, added: dict[str, list[dict[str, str]]]) -> None:
        self.added.update(added)
        self.entries.update(added)

    def save(self, keep: set[str]) -> None:
        """Write the entries of the packages still in the library, if anything was added."""
        if not self.added:
            return
        entries = {k: v for k, v in self.entries.items() if k in keep}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, json.dumps({"rules": rules_fingerprint(), "entries": entries},
                                                ensure_ascii=False, separators=(",", ":")))


def findings_with_cache(package: Package, today: date, settings: RuleSettings,
                        cache: CheckCache | None) -> tuple[list[Finding], str]:
    """Every rule's findings, the content rules' taken from `cache` when it knows this content."""
    from studio.domain.rules import check_package, content_findings  # rules load off the start-up path

    if cache is None:
        return check_package(package, today, settings), ""
    key = content_key(package, today, settings)
    known = cache.get(key)
    if known is None:
        known = content_findings(package, today, settings)
        cache.put(key, known)
    return check_package(package, today, settings, known_content=known), key
