"""The text of every piece as it stood at each submission and review, so a reviewer can see what changed.

Kept in the package folder beside package.json (`checkpoints.json`, written atomically by the studio);
it is never exported: bundles are built from the released version only. Each submission or review
appends one row and leaves the rows before it byte for byte as they were, so the file as it stood
after any row can be rebuilt and checked against the hash its step's audit event recorded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from studio.store.atomic_file import atomic_write_text
from studio.store.json_format import dumps

FILE_NAME = "checkpoints.json"


@dataclass(frozen=True)
class Checkpoint:
    action: str  # "submit" or "review"
    at: str
    user: str
    texts: dict[str, str]  # piece key → its text as the reviewer read it, one paragraph a line
    # piece key → where each line of its text stands in the piece (标题, 第3段), as the checks name it
    places: dict[str, list[str]] = field(default_factory=dict)


def _checkpoint(row: Any) -> Checkpoint | None:
    if not isinstance(row, dict) or not {"action", "at", "user", "texts"} <= row.keys():
        return None
    texts, places = row["texts"], row.get("places") or {}
    if not isinstance(texts, dict) or not isinstance(places, dict):
        return None
    return Checkpoint(str(row["action"]), str(row["at"]), str(row["user"]),
                      {str(k): str(v) for k, v in texts.items()},
                      {str(k): [str(p) for p in v] for k, v in places.items() if isinstance(v, list)})


class Checkpoints:
    def __init__(self, folder: Path):
        self.path = Path(folder) / FILE_NAME

    def rows(self) -> list[Any]:
        """The rows as stored (none if the file is missing or not a list)."""
        try:
            rows = json.loads(self.path.read_text("utf-8"))
        except (FileNotFoundError, ValueError, OSError):
            return []
        return rows if isinstance(rows, list) else []

    def all(self) -> list[Checkpoint]:
        return [c for c in map(_checkpoint, self.rows()) if c is not None]

    def add(self, checkpoint: Checkpoint) -> None:
        atomic_write_text(self.path, dumps(self.rows() + [asdict(checkpoint)]))

    def latest(self, action: str) -> Checkpoint | None:
        return next((c for c in reversed(self.all()) if c.action == action), None)

    def as_written(self, count: int) -> tuple[Checkpoint | None, str] | None:
        """The `count`-th row and the sha256 of the file as it stood right after that row was added;
        None if the file holds fewer rows."""
        rows = self.rows()
        if not 0 < count <= len(rows):
            return None
        digest = hashlib.sha256(dumps(rows[:count]).encode("utf-8")).hexdigest()
        return _checkpoint(rows[count - 1]), digest
