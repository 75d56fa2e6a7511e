"""Edit locks as the front ends see them: who holds one, and breaking a lock on purpose."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studio.store.lock import PackageLock, PackageLocked

__all__ = ["LockStatus", "PackageLocked", "break_lock", "lock_status"]


@dataclass(frozen=True)
class LockStatus:
    who: str
    stale: bool


def lock_status(folder: Path) -> LockStatus | None:
    lock = PackageLock(folder)
    if not lock.is_locked():
        return None
    holder = lock.holder()
    return LockStatus(holder.describe() if holder else "他人", lock.is_stale(holder))


def break_lock(folder: Path) -> str:
    holder = PackageLock(folder).break_lock()
    return holder.describe() if holder else "未知"
