"""Review records kept beside package.json (reviewers' comments, the texts kept at each review).

They are never published, but they are part of the review record: every audit event records
their hashes, so a hand edit shows as a difference from the last event, as a changed piece does.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from studio.store.atomic_file import atomic_write_bytes
from studio.store.checkpoints import FILE_NAME as CHECKPOINTS_FILE
from studio.store.comments import FILE_NAME as COMMENTS_FILE

SIDE_FILES = (COMMENTS_FILE, CHECKPOINTS_FILE)
LINK = "link"  # recorded for a side file that is a link: never followed, and never what the studio wrote


def side_hashes(folder: Path) -> dict[str, str]:
    """File name → sha256 of its bytes, for the review records present (a link is named, not read)."""
    out: dict[str, str] = {}
    for name in SIDE_FILES:
        path = Path(folder) / name
        if path.is_symlink():
            out[name] = LINK
        elif path.is_file():
            out[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def snapshot(path: Path) -> bytes | None:
    """A side file's bytes before the studio changes it (None: it did not exist)."""
    return path.read_bytes() if path.is_file() and not path.is_symlink() else None


def restore(path: Path, before: bytes | None) -> None:
    """Put a side file back after the event recording its change could not be saved."""
    if before is None:
        if path.is_file() and not path.is_symlink():
            os.unlink(path)  # the studio wrote it just now
    else:
        atomic_write_bytes(path, before)
