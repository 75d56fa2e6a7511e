"""The head (last event's seq and hash) of every package in a library, as a roster change records it.

A library event that changes who may sign records where each package's chain stood, so a
package event citing the roster from before that change must lie within a head recorded.

Recorded in the signed library event as
- `packages`: package id → {"seq", "hash"} (one folder per id, as every version has written it);
- `more_heads`: [{"id", "seq", "hash"}] for further folders holding an id already in `packages`
  (a folder copied by hand, a package imported twice), so each copy's old events stay covered;
- `unread`: folder names whose package file could not be read, recorded only when an
  administrator chose to go ahead without them (see studio/service/proof.py for what that means);
- `heads_since`: the seq of the previous change these heads build on. With it, `packages` and
  `more_heads` hold only the ids whose heads differ from those in force after that change (the
  others stood still), so a library of many packages does not grow its chain by all of them at
  every change. Events without it (older ones) record every head.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.store.head_cache import Entry, HeadCache
from studio.store.library_folders import package_stamps
from studio.store.package_file import FILE_NAME, T_AUDIT, T_PACKAGE
from studio.store.recorded_heads import SINCE

# A package file another machine is replacing, or an antivirus holds for a moment, reads on a second try.
READ_TRIES, READ_PAUSE = 3, 0.2


@dataclass(frozen=True)
class Head:
    package_id: str
    seq: int
    hash: str

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}


@dataclass
class LibraryHeads:
    """Each readable package folder's head, by folder name; the folders that could not be read."""
    heads: dict[str, Head] = field(default_factory=dict)
    unread: dict[str, str] = field(default_factory=dict)  # folder name → why

    def record(self, since: int = 0, before: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
        """The fields a library event records (see the module docstring): the heads that differ from
        `before`, those in force after change `since`."""
        first: dict[str, dict[str, Any]] = {}
        more: list[dict[str, Any]] = []
        by_id: dict[str, list[Head]] = {}
        for name in sorted(self.heads):
            by_id.setdefault(self.heads[name].package_id, []).append(self.heads[name])
        for package_id, heads in by_id.items():
            if before is not None and _same(heads, before.get(package_id, [])):
                continue  # stood still since the change before: in force from there
            first[package_id] = heads[0].to_dict()
            more += [{"id": package_id, **head.to_dict()} for head in heads[1:]]
        out: dict[str, Any] = {"packages": first}
        if before is not None:
            out[SINCE] = since
        if more:
            out["more_heads"] = more
        if self.unread:
            out["unread"] = sorted(self.unread)
        return out


def _same(heads: list[Head], recorded: list[dict[str, Any]]) -> bool:
    return sorted((h.seq, h.hash) for h in heads) == sorted((int(r.get("seq") or 0), str(r.get("hash", "")))
                                                            for r in recorded)


class Unreadable(Exception):
    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


def _head(folder: Path) -> Head | None:
    """The folder's head; None when it holds no package events yet; Unreadable when it cannot be read."""
    try:  # the file as it is, without the digest and checks a session's read makes: only its head is wanted
        raw = json.loads((Path(folder) / FILE_NAME).read_bytes())
    except (ValueError, UnicodeDecodeError) as e:
        raise Unreadable("数据文件已损坏或正在被写入") from e
    except OSError as e:
        raise Unreadable(f"无法读取（{e.strerror or e}）") from e
    if not isinstance(raw, dict):
        raise Unreadable("数据文件格式不对")
    packages, audit = raw.get(T_PACKAGE), raw.get(T_AUDIT)
    if not isinstance(packages, dict) or not isinstance(audit, dict):
        raise Unreadable("数据文件格式不对")
    if not audit:
        return None
    package = next(iter(packages.values()), None)
    try:
        last = audit[max(audit, key=int)]
    except ValueError as e:
        raise Unreadable("审计记录编号不对") from e
    if not isinstance(package, dict) or not isinstance(last, dict) or not package.get("id"):
        raise Unreadable("数据文件中没有文件包编号或审计记录")
    return Head(str(package["id"]), int(last.get("seq") or 0), str(last.get("hash", "")))


def folder_head(folder: Path, pause: Callable[[float], None] | None = None) -> Head | None:
    """`_head`, tried again briefly when the file cannot be read (being replaced, held by a scanner)."""
    for attempt in range(READ_TRIES):
        try:
            return _head(folder)
        except Unreadable:
            if attempt == READ_TRIES - 1:
                raise
            (pause or time.sleep)(READ_PAUSE)
    return None


def read_heads(root: Path, pause: Callable[[float], None] | None = None) -> LibraryHeads:
    """Every package folder's head: from this machine's cache where the package file is unchanged
    since it was read (see head_cache), else read from the file."""
    found = LibraryHeads()
    cache = HeadCache(root)
    known = cache.load()
    kept: dict[str, Entry] = {}
    for name, stamp in package_stamps(Path(root)).items():
        entry = known.get(name)
        if entry is not None and entry[0] == stamp:
            head: Head | None = Head(entry[1], entry[2], entry[3])
        else:
            try:
                head = folder_head(Path(root) / name, pause)
            except Unreadable as e:
                found.unread[name] = e.why
                continue
        if head is not None:
            found.heads[name] = head
            kept[name] = (stamp, head.package_id, head.seq, head.hash)
    if kept != known:
        cache.keep(kept)
    return found
