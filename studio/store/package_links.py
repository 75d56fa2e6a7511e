"""Links (symlinks, junctions) inside a package folder: never followed, never published.

A link in media/ can point at any file on the computer or the network; publishing what
it points to would publish that file. Such a package is refused until the link is
replaced by a real file, and the link is named so the user can find it.
"""

from __future__ import annotations

import os
from pathlib import Path

SHOWN = 3


def links_in(folder: Path) -> list[str]:
    """Every link under the package folder, as a path relative to it (none followed)."""
    found: list[str] = []
    for top, dirs, names in os.walk(folder, followlinks=False):
        for name in dirs + names:
            path = os.path.join(top, name)
            if os.path.islink(path) or _is_junction(path):
                found.append(Path(path).relative_to(folder).as_posix())
    return sorted(found)


def _is_junction(path: str) -> bool:
    is_junction = getattr(os.path, "isjunction", None)  # Windows junctions (Python 3.12+)
    return bool(is_junction and is_junction(path))


def links_message(folder: Path, links: list[str]) -> str:
    shown = "、".join(f"“{p}”" for p in links[:SHOWN]) + (f"等{len(links)}个" if len(links) > SHOWN else "")
    return (f"文件包“{Path(folder).name}”中有指向别处的快捷方式（符号链接）：{shown}。"
            "快捷方式可能指向本机或网络上的任何文件，不会被读取或发布。请删除它，把真正的文件复制到文件包中。")
