"""The text of every piece as it stood at each submission and review, so a reviewer can see what changed.

Kept in the package folder beside package.json (`checkpoints.json`, written atomically by the studio);
it is never exported: bundles are built from the released version only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from studio.store.atomic_file import atomic_write_text
from studio.store.json_format import dumps

FILE_NAME = "checkpoints.json"


@dataclass(frozen=True)
class Checkpoint:
    action: str  # "submit" or "review"
    at: str
    user: str
    texts: dict[str, str]  # piece key → its text as the reviewer read it


class Checkpoints:
    def __init__(self, folder: Path):
        self.path = Path(folder) / FILE_NAME

    def all(self) -> list[Checkpoint]:
        try:
            rows = json.loads(self.path.read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            return []
        return [Checkpoint(r["action"], r["at"], r["user"], dict(r["texts"])) for r in rows
                if isinstance(r, dict) and {"action", "at", "user", "texts"} <= r.keys()]

    def add(self, checkpoint: Checkpoint) -> None:
        rows = [c.__dict__ for c in self.all()] + [checkpoint.__dict__]
        atomic_write_text(self.path, dumps(rows))

    def latest(self, action: str) -> Checkpoint | None:
        return next((c for c in reversed(self.all()) if c.action == action), None)
