"""The library's own signed chain: roster changes and rule-setting changes, in order.

Stored beside the packages as library-chain.json. Like a package's audit trail it is
append-only, each event carrying the hash of the one before it and its author's signature.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.domain.errors import ActionRefused, InvalidInput
from studio.domain.roster import Roster
from studio.store.atomic_file import atomic_write_text
from studio.store.json_format import dumps
from studio.store.recorded_heads import heads_in_force, unread_folders

CHAIN_FILE = "library-chain.json"
CHAIN_SCHEMA = 1


@dataclass(frozen=True)
class RecordedChange:
    """A roster or settings change with where it recorded each package's chain to stand."""
    seq: int
    hash: str
    action: str
    heads: dict[str, list[dict[str, Any]]]  # package id → heads (more than one: folders sharing the id)
    unread: frozenset[str]  # folders an administrator went ahead without (unreadable at the change)


@dataclass(frozen=True)
class LibraryChain:
    root: Path
    events: tuple[dict[str, Any], ...]
    # Rosters and settings by event hash, worked out once: a library export asks for them per package.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def exists(self) -> bool:
        return bool(self.events)

    @property
    def head(self) -> str:
        return str(self.events[-1]["hash"]) if self.events else ""

    @property
    def library_id(self) -> str:
        return str(self.events[0].get("library_id", "")) if self.events else ""

    @property
    def demo(self) -> bool:
        return bool(self.events and self.events[0].get("demo"))

    def _rosters(self) -> dict[str, tuple[int, Roster]]:
        """Each event's hash with its seq and the roster right after it (the first of equal hashes)."""
        if "rosters" not in self.memo:
            rosters: dict[str, tuple[int, Roster]] = {}
            roster = Roster()
            for event in self.events:
                roster = roster.apply(event)
                rosters.setdefault(str(event.get("hash")), (int(event.get("seq", 0) or 0), roster))
            self.memo["rosters"] = rosters
        return self.memo["rosters"]

    def roster(self, upto: str | None = None) -> Roster | None:
        """The roster as it stood right after the event with hash `upto` (None: unknown event)."""
        if upto is None:
            roster = Roster()
            for event in self.events:
                roster = roster.apply(event)
            return roster
        found = self._rosters().get(upto)
        return found[1] if found else None

    def seq_of(self, head: str) -> int:
        found = self._rosters().get(head)
        return found[0] if found else 0

    def changes_after(self, seq: int) -> list[RecordedChange]:
        """Roster and settings changes later than event `seq`, each with the package heads it recorded."""
        return [c for c in self._changes() if c.seq > seq]

    def _changes(self) -> list[RecordedChange]:
        if "changes" not in self.memo:
            self.memo["changes"] = [RecordedChange(int(e.get("seq", 0) or 0), str(e.get("hash", "")),
                                                   str(e.get("action", "")), heads, unread_folders(e))
                                    for e, heads in heads_in_force(self.events)]
        return self.memo["changes"]

    def heads_in_force(self) -> tuple[int, dict[str, list[dict[str, Any]]]]:
        """The last change that recorded package heads (its seq, 0 if none) and the heads in force after it."""
        changes = self._changes()
        return (changes[-1].seq, changes[-1].heads) if changes else (0, {})

    def last_settings_event(self) -> dict[str, Any] | None:
        for event in reversed(self.events):
            if event.get("action") == "settings":
                return event
        return None


def chain_path(root: Path) -> Path:
    return Path(root) / CHAIN_FILE


def chain_stamp(root: Path) -> tuple[int, int] | None:
    """Size and modification time of the chain file: an append changes both (None: no file)."""
    try:
        found = chain_path(root).stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


def read_chain(root: Path) -> LibraryChain:
    path = chain_path(root)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return LibraryChain(Path(root), ())
    except ValueError as e:
        raise InvalidInput(f"文件库成员名单文件 {path} 已损坏（{e}）。请从备份恢复。") from e
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise InvalidInput(f"文件库成员名单文件 {path} 格式不对。请从备份恢复。")
    if int(data.get("schema", 0)) > CHAIN_SCHEMA:
        raise InvalidInput(f"文件库成员名单由更新版本的程序保存（格式版本 {data.get('schema')}）。请升级程序。")
    return LibraryChain(Path(root), tuple(e for e in data["events"] if isinstance(e, dict)))


def append_event(root: Path, event: dict[str, Any], expect_head: str) -> LibraryChain:
    """Append one event, refused when someone else appended since `expect_head` was read."""
    current = read_chain(root)
    if current.head != expect_head:
        raise ActionRefused("文件库成员名单或规则设置刚被其他管理员修改。请重新操作。")
    events = list(current.events) + [event]
    Path(root).mkdir(parents=True, exist_ok=True)
    atomic_write_text(chain_path(root), dumps({"schema": CHAIN_SCHEMA, "events": events}))
    return LibraryChain(Path(root), tuple(events))
