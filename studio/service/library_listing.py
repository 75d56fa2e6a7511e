"""The library's last listing, kept in the user's cache folder, so the window lists the packages
before it reads any of them.

A row is taken from the listing only while its package file has the same size and modification
time as when the row was read; every other package is read afresh by the scan, which then keeps
the new listing. The rows carry no verdict of the rules: completeness always comes from the scan.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

from studio.domain.states import State
from studio.paths import user_cache_dir
from studio.service.library_summary import PackageSummary
from studio.store.atomic_file import atomic_write_text
from studio.store.library_folders import Stamp, package_stamps

FORMAT = 1

__all__ = ["Listing", "Stamp", "package_stamps"]


def _path(root: Path) -> Path:
    # crc32, not sha256: hashlib would load OpenSSL on the start-up path. The file also names its
    # library, so two libraries sharing a file name only cost each other the quick listing.
    return user_cache_dir() / "listings" / f"{zlib.crc32(str(root).encode()):08x}.json"


def _row(root: Path, name: str, entry: dict[str, Any]) -> PackageSummary:
    return PackageSummary(Path(root) / name, str(entry["id"]), str(entry["title"]), str(entry["doc_number"]),
                          State(entry["state"]), 0, 0, 0, False, str(entry["updated_at"]), (), checked=False)


class Listing:
    """What the last scan listed of one library, and which of it still holds."""

    def __init__(self, root: Path):
        self.root = Path(root)  # as the window names it: the rows' folders are the scan's
        self.path = _path(self.root.resolve())

    def rows(self) -> tuple[list[PackageSummary], bool]:
        """The rows whose package files are unchanged, in folder order; and whether they are every
        package of the library (nothing new or changed for the scan to add)."""
        try:
            stamps = package_stamps(self.root)
            data = json.loads(self.path.read_text("utf-8"))
            same = data.get("format") == FORMAT and data.get("library") == str(self.root.resolve())
            entries = data["packages"] if same else {}
            rows = [_row(self.root, name, entries[name]) for name, stamp in stamps.items()
                    if name in entries and tuple(entries[name]["stamp"]) == stamp]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return [], False  # no listing yet, or a damaged one: the scan lists everything
        return rows, len(rows) == len(stamps)

    def keep(self, rows: list[PackageSummary], stamps: dict[str, Stamp]) -> None:
        """Keep the rows just read; `stamps` were taken before reading, so a package changed
        meanwhile is read again next time."""
        entries = {row.folder.name: {"stamp": list(stamps[row.folder.name]), "id": row.id, "title": row.title,
                                     "doc_number": row.doc_number, "state": row.state.value,
                                     "updated_at": row.updated_at}
                   for row in rows if row.folder.name in stamps}
        text = json.dumps({"format": FORMAT, "library": str(self.root.resolve()), "packages": entries}, ensure_ascii=False,
                          separators=(",", ":"))
        try:
            if self.path.is_file() and self.path.read_text("utf-8") == text:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, text)
        except OSError:
            pass  # an unwritable cache folder only costs time next start
