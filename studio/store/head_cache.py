"""Package heads as this machine last read them, kept in the user's cache folder so a roster
change in a large library reads again only the package files that changed since.

An entry is used only while its package file has the same size and modification time as when
the head was read (the stamp is taken before reading, so a file changed meanwhile is read
again next time). A head taken from here is always one that really was on disk: a chain only
grows, so at worst an older head is recorded, which makes the protection stricter, never laxer.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

from studio.paths import user_cache_dir
from studio.store.atomic_file import atomic_write_text
from studio.store.library_folders import Stamp

FORMAT = 1

Entry = tuple[Stamp, str, int, str]  # stamp, package id, seq, hash


def _path(root: Path) -> Path:
    return user_cache_dir() / "heads" / f"{zlib.crc32(str(root).encode()):08x}.json"


class HeadCache:
    def __init__(self, root: Path):
        self.library = str(Path(root).resolve())
        self.path = _path(Path(self.library))

    def load(self) -> dict[str, Entry]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if data.get("format") != FORMAT or data.get("library") != self.library:
                return {}
            return {name: ((int(e[0]), int(e[1])), str(e[2]), int(e[3]), str(e[4]))
                    for name, e in data["heads"].items()}
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return {}  # none yet, or damaged: every package is read

    def keep(self, entries: dict[str, Entry]) -> None:
        heads: dict[str, Any] = {name: [*stamp, pid, seq, digest] for name, (stamp, pid, seq, digest) in entries.items()}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, json.dumps({"format": FORMAT, "library": self.library, "heads": heads},
                                                    ensure_ascii=False, separators=(",", ":")))
        except OSError:
            pass  # an unwritable cache folder only costs time next time
