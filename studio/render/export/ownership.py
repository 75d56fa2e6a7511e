"""Which folders an export may replace: only a bundle it wrote, file for file.

A folder is replaced only when every file in it is listed in its manifest with a
matching SHA-256; anything else (a file added, a file changed, a link) is someone's
and stops the export. An export never writes into a library or a package, nor
replaces a folder that holds one. Leftovers of an export that was killed are
recognised by their name and removed by the next export to the same folder.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
from dataclasses import dataclass, field
from pathlib import Path

from studio.domain.errors import InvalidInput
from studio.render.export.layout import MANIFEST
from studio.render.export.manifest import read_manifest, sha256_file
from studio.render.export.source import ExportRefused
from studio.store.package_file import FILE_NAME

LIBRARY_SETTINGS = "library.json"
SHOWN = 5


def _host_tag() -> str:
    return re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:20] or "host"


def temp_prefix(out: Path, kind: str) -> str:
    """`.OUT.export-HOST-PID-` / `.OUT.old-HOST-PID-`: a later export can tell a dead one."""
    return f".{out.name}.{kind}-{_host_tag()}-{os.getpid()}-"


@dataclass
class OwnedBundle:
    """The previous bundle in a folder, with the hash of every file as found on disk."""

    folder: Path
    hashes: dict[str, str] = field(default_factory=dict)


# The tables of a studio package.json; its keys are sorted, so one of them opens the file.
# (An npm project's package.json, common in web folders, opens with other keys.)
_STUDIO_TABLES = re.compile(rb'^\s*\{\s*"(?:audit|package|releases|schema)"\s*:')


def _is_package(folder: Path) -> bool:
    try:
        with open(folder / FILE_NAME, "rb") as f:
            head = f.read(256)
    except OSError:
        return False
    return bool(_STUDIO_TABLES.match(head)) or not head.strip().startswith(b"{")


def _is_library(folder: Path) -> bool:
    if (folder / LIBRARY_SETTINGS).is_file():
        return True
    try:
        with os.scandir(folder) as entries:
            return any(e.is_dir(follow_symlinks=False) and _is_package(Path(e.path)) for e in entries)
    except OSError:
        return False


def _inside_library_or_package(out: Path) -> str:
    """The library or package folder that `out` would sit in, or ""."""
    for folder in out.parents:
        if _is_package(folder):
            return f"文件包“{folder}”"
        if _is_library(folder):
            return f"文件库“{folder}”"
    return ""


def _listing(paths: list[str]) -> str:
    shown = "、".join(f"“{p}”" for p in paths[:SHOWN])
    return shown + (f"等{len(paths)}个文件" if len(paths) > SHOWN else "")


def _walk(out: Path) -> tuple[list[str], list[str]]:
    """Every file under `out` (relative, posix) and every link or special file (never followed)."""
    files: list[str] = []
    strange: list[str] = []
    for top, dirs, names in os.walk(out, followlinks=False):
        rel_top = Path(top).relative_to(out).as_posix()
        prefix = "" if rel_top == "." else f"{rel_top}/"
        for d in list(dirs):
            if os.path.islink(os.path.join(top, d)):
                strange.append(prefix + d)
                dirs.remove(d)
        for name in names:
            path = os.path.join(top, name)
            (files if os.path.isfile(path) and not os.path.islink(path) else strange).append(prefix + name)
    return files, strange


def claim_target(out: Path, sources: list[Path] = ()) -> OwnedBundle:  # type: ignore[assignment]
    """May an export put a bundle at `out`? Raises ExportRefused saying why not."""
    if out.is_symlink():
        raise ExportRefused(f"“{out}”是一个快捷方式（符号链接），不能作为导出文件夹。请指定一个真实的文件夹。")
    if out.exists() and not out.is_dir():
        raise ExportRefused(f"“{out}”是一个文件，不能作为导出文件夹。请指定一个文件夹。")
    real = out.resolve()
    for source in sources:
        src = Path(source).resolve()
        if real == src or src in real.parents or real in src.parents:
            raise ExportRefused(f"导出文件夹“{out}”与要导出的“{source}”相互包含。"
                                "为避免覆盖文件包中的文件，请把发布包导出到文件库之外的文件夹。")
    holder = _inside_library_or_package(real)
    if holder:
        raise ExportRefused(f"导出文件夹“{out}”位于{holder}之中。发布包不能写进文件库或文件包，"
                            "以免与其中的文件混在一起。请指定文件库之外的文件夹。")
    owned = OwnedBundle(out)
    if not out.is_dir():
        return owned
    try:
        files, strange = _walk(out)
    except OSError as e:
        raise ExportRefused(f"无法读取导出文件夹“{out}”（{e.strerror or e}）。请检查文件夹权限。") from None
    if not files and not strange:
        return owned
    if _is_package(real) or _is_library(real):
        raise ExportRefused(f"“{out}”是文件包或文件库，不能作为导出文件夹。请指定一个新的或空的文件夹。")
    try:
        records = read_manifest(out) if MANIFEST in files else None
    except (InvalidInput, OSError):
        records = None
    if records is None:
        raise ExportRefused(
            f"“{out}”已存在且不是政策解读工作室导出的发布包（其中有{_listing(sorted(files + strange))}）。"
            "为避免覆盖其中的文件，导出已取消。请指定一个新的或空的文件夹。")
    foreign = sorted(strange + [f for f in files if f != MANIFEST and f not in records])
    changed: list[str] = []
    for rel in sorted(f for f in files if f in records):
        try:
            digest = sha256_file(out / rel)
        except OSError:
            foreign.append(rel)
            continue
        if digest != records[rel].sha256:
            changed.append(rel)
        else:
            owned.hashes[rel] = digest
    if foreign or changed:
        parts = []
        if foreign:
            parts.append(f"不是本程序导出的文件：{_listing(foreign)}")
        if changed:
            parts.append(f"导出后被修改过的文件：{_listing(changed)}")
        raise ExportRefused(f"导出文件夹“{out}”中有{'；'.join(parts)}。为避免删除这些文件，导出已取消。"
                            "请把需要保留的文件移到别处（或删除不需要的），然后重新导出；也可以指定一个新的文件夹。")
    return owned


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


_LEFTOVER = re.compile(r"^(?:(?P<host>[A-Za-z0-9]+)-(?P<pid>\d+)-)?[a-z0-9_]{8}$")


def clean_leftovers(out: Path) -> int:
    """Remove the temporary folders of exports to `out` that were killed; returns how many."""
    removed = 0
    try:
        entries = list(os.scandir(out.parent))
    except OSError:
        return 0
    host = _host_tag()
    for entry in entries:
        for kind in ("export", "old"):
            prefix = f".{out.name}.{kind}-"
            if not entry.name.startswith(prefix) or not entry.is_dir(follow_symlinks=False):
                continue
            m = _LEFTOVER.match(entry.name[len(prefix):])
            if m is None:
                continue
            if m["pid"] is not None and (m["host"] != host or _pid_alive(int(m["pid"]))):
                continue  # another export, on this machine or another, may still be writing it
            shutil.rmtree(entry.path, ignore_errors=True)
            removed += 1
    return removed
