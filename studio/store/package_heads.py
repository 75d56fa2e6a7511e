"""The head (last event's seq and hash) of every package in a library, as a roster change records it.

A library event that changes who may sign records where each package's chain stood, so a
package event citing the roster from before that change must lie within the head recorded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.domain.errors import StudioError
from studio.store.library import Library
from studio.store.package_file import T_AUDIT, T_PACKAGE, PackageFile


def _head(folder: Path) -> tuple[str, dict[str, Any]] | None:
    try:
        raw, _ = PackageFile(folder).read_raw()
    except (OSError, StudioError):
        return None  # unreadable now: its later events cite this change or a newer one anyway
    packages, audit = raw.get(T_PACKAGE), raw.get(T_AUDIT)
    if not isinstance(packages, dict) or not isinstance(audit, dict) or not audit:
        return None
    package = next(iter(packages.values()), None)
    try:
        last = audit[max(audit, key=int)]
    except ValueError:
        return None
    if not isinstance(package, dict) or not isinstance(last, dict) or not package.get("id"):
        return None
    return str(package["id"]), {"seq": last.get("seq"), "hash": last.get("hash")}


def package_heads(root: Path) -> dict[str, dict[str, Any]]:
    """Package id → {"seq", "hash"} of its last event, for every package that can be read."""
    heads: dict[str, dict[str, Any]] = {}
    for folder in Library(root).package_folders():
        found = _head(folder)
        if found is not None:
            heads[found[0]] = found[1]
    return heads
