"""Schema versions of the package file. Older files are migrated after a backup."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT_SCHEMA = 2


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 events are signed and record parts, media and release snapshots by hash.

    The tables keep their shape: older events stay as they were (unsigned), and the first
    save after the upgrade appends a signed `migrate` event that takes them over.
    """
    return data


# from_version -> function turning that version's raw tables into the next version's.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def migrate(data: dict[str, Any], from_version: int, to_version: int | None = None) -> dict[str, Any]:
    for version in range(from_version, CURRENT_SCHEMA if to_version is None else to_version):
        step = MIGRATIONS.get(version)
        if step is None:
            raise LookupError(f"no migration from schema {version}")
        data = step(data)
    return data
