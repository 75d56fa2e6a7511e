"""What this machine last saw of each library's roster chain, kept in the user's own profile.

The library folder is shared and writable by insiders; this record is not in it. It lets a later
check notice a roster chain replaced as a whole (new founding, new keys, every package re-signed)
or cut back, which no signature inside the folder can show.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from studio.paths import user_data_dir
from studio.store.atomic_file import atomic_write_text

FILE_NAME = "seen-rosters.json"


@dataclass(frozen=True)
class SeenRoster:
    path: str  # the library folder as this machine reaches it
    library_id: str
    founding: str  # hash of the chain's first event
    head: str  # hash of the last event seen
    seq: int  # its number


def _file() -> Path:
    return user_data_dir() / FILE_NAME


def load_seen() -> list[SeenRoster]:
    try:
        rows = json.loads(_file().read_text("utf-8"))
        return [SeenRoster(**row) for row in rows]
    except (OSError, ValueError, TypeError):
        return []  # nothing seen yet, or an unreadable record: the next check starts it afresh


def _write(rows: list[SeenRoster]) -> None:
    try:
        _file().parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(_file(), json.dumps([asdict(s) for s in rows], ensure_ascii=False, indent=1))
    except OSError:
        pass  # a profile that cannot be written only loses the memory, never a check's verdict


def remember(seen: SeenRoster) -> None:
    _write([s for s in load_seen() if s.path != seen.path] + [seen])


def forget(path: str) -> None:
    _write([s for s in load_seen() if s.path != path])
