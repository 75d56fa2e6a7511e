"""The edit lock of a package: a file created exclusively, naming who holds it.

Exclusive creation (O_CREAT | O_EXCL) is atomic on local disks and on SMB/NFS shares, where
OS-level locks are unreliable, and the file tells a second opener who has the package open.
A lock left behind by a crash is never broken silently: the user breaks it deliberately.
"""

from __future__ import annotations

import json
import os
import socket
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

LOCK_NAME = ".studio.lock"
# A lock file younger than this that cannot be read yet is being written by its taker.
FRESH_SECONDS = 5.0
RACE_RETRIES, RACE_PAUSE = 5, 0.05


@dataclass(frozen=True)
class LockHolder:
    user: str
    office: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        who = self.user + (f"（{self.office}）" if self.office else "")
        return f"{who}，自 {self.since[:16].replace('T', ' ')} 起在计算机 {self.host} 上打开"


class PackageLocked(Exception):
    def __init__(self, holder: LockHolder | None, stale: bool, just_taken: bool = False):
        self.holder = holder
        self.stale = stale
        if holder is None and just_taken:
            text = "该文件包刚刚被他人打开编辑（对方正在打开它）。请稍候几秒再试；你现在只能只读查看。"
        elif holder is None:
            text = "该文件包已被他人打开编辑（锁文件无法读取）。"
        else:
            text = f"该文件包正由{holder.describe()}编辑，你只能只读查看。"
        if stale:
            text += "持有者的程序似乎已经退出（锁已失效）；确认无人在编辑后，可以解除锁定。"
        super().__init__(text)
        self.message = text


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class PackageLock:
    def __init__(self, folder: Path):
        self.path = Path(folder) / LOCK_NAME
        self.held = False

    def holder(self) -> LockHolder | None:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            return LockHolder(**data)
        except (FileNotFoundError, ValueError, TypeError):
            return None

    def is_locked(self) -> bool:
        return self.path.exists()

    def is_stale(self, holder: LockHolder | None = None) -> bool:
        """A lock whose process is gone on this same machine (other machines cannot be told)."""
        holder = holder or self.holder()
        return holder is not None and holder.host == socket.gethostname() and not _pid_alive(holder.pid)

    def acquire(self, user: str, office: str = "") -> None:
        holder = LockHolder(user, office, socket.gethostname(), os.getpid(),
                            datetime.now().astimezone().isoformat(timespec="seconds"))
        # Encoded before the file exists: a name that cannot be written leaves no lock behind.
        data = json.dumps(asdict(holder), ensure_ascii=False).encode("utf-8")
        for _ in range(RACE_RETRIES):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                current, just_taken = self._holder_of_existing()
                if current is None and not just_taken and not self.path.exists():
                    continue  # released between our two looks: try again
                raise PackageLocked(current, self.is_stale(current), just_taken) from None
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
            except BaseException:
                self.path.unlink(missing_ok=True)
                raise
            self.held = True
            return
        raise PackageLocked(None, False, just_taken=True)

    def _holder_of_existing(self) -> tuple[LockHolder | None, bool]:
        """Who holds an existing lock; a lock still being written is read again after a moment."""
        for _ in range(RACE_RETRIES):
            holder = self.holder()
            if holder is not None:
                return holder, False
            try:
                age = time.time() - self.path.stat().st_mtime
            except FileNotFoundError:
                return None, False
            if age > FRESH_SECONDS:
                return None, False  # an old unreadable lock: damaged, not being written
            time.sleep(RACE_PAUSE)
        return None, True

    def rename(self, user: str, office: str = "") -> None:
        """The lock we hold now names another holder (a member switch in the same window).

        Replaced in one step, so there is never a moment without a lock for a second opener to take.
        """
        if not self.held:
            return
        old = self.holder()
        holder = LockHolder(user, office, socket.gethostname(), os.getpid(),
                            old.since if old else datetime.now().astimezone().isoformat(timespec="seconds"))
        temp = self.path.with_name(f"{LOCK_NAME}.{os.getpid()}.tmp")
        try:
            temp.write_bytes(json.dumps(asdict(holder), ensure_ascii=False).encode("utf-8"))
            os.replace(temp, self.path)
        finally:
            temp.unlink(missing_ok=True)

    def release(self) -> None:
        if self.held:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
            self.held = False

    def break_lock(self) -> LockHolder | None:
        """Remove someone else's lock on purpose; returns who held it."""
        holder = self.holder()
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        return holder
