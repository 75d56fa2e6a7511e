"""Unsaved work kept beside the user's settings, so a crash loses nothing.

The copy lives in the user's own folder, not the (possibly shared) library: unsaved
drafts are the editor's, not yet the office's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.paths import user_config_dir
from studio.store.atomic_file import atomic_write_text
from studio.store.json_format import dumps


def recovery_dir() -> Path:
    return user_config_dir() / "recovery"


@dataclass(frozen=True)
class Recovered:
    folder: str
    saved_at: str
    package: dict[str, Any]


class RecoveryStore:
    def __init__(self, package_id: str):
        self.path = recovery_dir() / f"{package_id}.json"

    def write(self, folder: Path, saved_at: str, package: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, dumps({"folder": str(folder), "saved_at": saved_at, "package": package}))

    def read(self) -> Recovered | None:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            return Recovered(data["folder"], data["saved_at"], data["package"])
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
