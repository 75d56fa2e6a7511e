"""Which folders of a library hold a package, and the stamp (size, modification time) of each
package file: read with the file system alone, so listing a library loads no package reader."""

from __future__ import annotations

import os
from pathlib import Path

FILE_NAME = "package.json"

Stamp = tuple[int, int]  # size in bytes, modification time in nanoseconds


def package_folder_names(root: Path) -> list[str]:
    """Sorted names of the folders of `root` that hold a package file."""
    # scandir: a library of thousands of packages is listed without a stat per Path object.
    with os.scandir(root) as entries:
        return sorted(e.name for e in entries if e.is_dir() and os.path.isfile(os.path.join(e.path, FILE_NAME)))


def package_stamps(root: Path) -> dict[str, Stamp]:
    """Each package folder's name with its package file's stamp; a folder that vanishes meanwhile is left out."""
    stamps: dict[str, Stamp] = {}
    for name in package_folder_names(root):
        try:
            info = os.stat(os.path.join(root, name, FILE_NAME))
        except OSError:
            continue
        stamps[name] = (info.st_size, info.st_mtime_ns)
    return stamps
