"""Images in a package's media folder. Names are content hashes, so a file that already
exists under a name holds the same picture and is never rewritten."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from studio.domain.errors import InvalidInput
from studio.store.atomic_file import atomic_write_bytes
from studio.store.package_file import MEDIA_DIR

_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")


def media_folder(package_folder: Path) -> Path:
    return Path(package_folder) / MEDIA_DIR


def add_media(package_folder: Path, items: Iterable[tuple[str, bytes]]) -> list[Path]:
    """Write the images not yet present; returns the files created (to undo on failure)."""
    folder = media_folder(package_folder)
    created: list[Path] = []
    try:
        for name, data in items:
            if not _SAFE_NAME.match(name) or ".." in name:
                raise InvalidInput(f"图片文件名“{name}”不合规，未能保存。")
            target = folder / name
            if target.exists():
                continue
            folder.mkdir(exist_ok=True)
            atomic_write_bytes(target, data)
            created.append(target)
    except BaseException:
        remove_media(created)
        raise
    return created


def remove_media(paths: Iterable[Path]) -> None:
    for path in paths:
        try:
            Path(path).unlink()
        except FileNotFoundError:
            pass


def media_hashes(package_folder: Path) -> dict[str, str]:
    """Content hash of every file in the media folder: what an audit event records of them."""
    folder = media_folder(package_folder)
    out: dict[str, str] = {}
    if os.path.islink(folder):  # a linked media folder is reported by the link check, never listed
        return out
    try:
        names = sorted(os.listdir(folder))
    except FileNotFoundError:
        return out
    for name in names:
        path = folder / name
        # Regular files only, judged without following links: a link is never read through
        # (the link check names it), so what is hashed is always the package's own bytes.
        if stat.S_ISREG(os.lstat(path).st_mode):
            digest = hashlib.sha256()
            with open(path, "rb", opener=_no_follow) as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
            out[name] = digest.hexdigest()
    return out


def _no_follow(path: str, flags: int) -> int:
    """Open without following a link swapped in after the check (where the system can refuse)."""
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))
