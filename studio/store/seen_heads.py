"""What this machine last saw of each package's audit chain, kept in the user's own profile.

A package's chain can only grow. Someone with write access to the shared folder can still cut
its tail off and set package.json back to what the remaining last event records: every hash and
signature left holds, and a review's return, a comment or a withdrawn approval is gone without
trace inside the folder. Each machine therefore remembers, outside the folder, the last event it
proved or wrote for every package, and a later chain must pass through it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from studio.paths import user_data_dir
from studio.store.atomic_file import atomic_write_text

FOLDER = "seen-heads"


@dataclass(frozen=True)
class SeenHead:
    package_id: str
    seq: int  # the number of the last event seen
    hash: str  # its hash


def _file(library: Path) -> Path:
    name = hashlib.sha256(str(Path(library).resolve()).encode("utf-8")).hexdigest()[:16]
    return user_data_dir() / FOLDER / f"{name}.json"


def _read(path: Path) -> dict[str, SeenHead]:
    try:
        rows = json.loads(path.read_text("utf-8"))
        return {str(name): SeenHead(**row) for name, row in rows.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}  # nothing seen yet, or an unreadable record: checking starts it afresh


class SeenHeads:
    """One library's remembered heads by package folder name: read once, written once per check.

    The record is matched by the library's place, so copies and backups elsewhere go their own way."""

    def __init__(self, library: Path):
        self.path = _file(library)
        self.heads = _read(self.path)
        self._changed: dict[str, SeenHead] = {}
        self._forget_all = False

    def get(self, folder_name: str) -> SeenHead | None:
        return self.heads.get(folder_name)

    def see(self, folder_name: str, head: SeenHead) -> None:
        if self.heads.get(folder_name) != head:
            self.heads[folder_name] = head
            self._changed[folder_name] = head

    def forget_all(self) -> None:
        self.heads, self._changed, self._forget_all = {}, {}, True

    def save(self) -> None:
        """Write what changed over what is on disk now (another window may have added to it)."""
        if not self._changed and not self._forget_all:
            return
        current = {} if self._forget_all else _read(self.path)
        current.update(self._changed)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Not synced to disk: a crash may cost the memory of the last few saves, never the record whole.
            atomic_write_text(self.path, json.dumps({k: asdict(v) for k, v in sorted(current.items())},
                                                    ensure_ascii=False, indent=0), durable=False)
        except OSError:
            return  # a profile that cannot be written only loses the memory, never a check's verdict
        self._changed, self._forget_all = {}, False
