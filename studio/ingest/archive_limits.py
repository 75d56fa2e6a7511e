"""Limits an archive must keep before anything parses it (.docx, .xlsx, .odt, .ofd are zips).

A few megabytes of zip can inflate to gigabytes (a decompression bomb). Before a reader
opens one, the sizes its directory declares are added up, then every member is inflated
in small chunks and counted, since a directory can lie; archives inside the archive are
looked into the same way, to a limited depth. Nothing is kept in memory but a chunk.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from studio.domain.errors import InvalidInput

MB = 1 << 20
# Inflated size allowed: 100× the file, at least 20 MB (small files of plain text compress
# very well), never more than 200 MB.
RATIO = 100
FLOOR = 20 * MB
CEILING = 200 * MB
MAX_MEMBERS = 10_000
MAX_DEPTH = 3
_CHUNK = 1 * MB
_ARCHIVE_SUFFIXES = (".zip", ".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".odt", ".ods", ".odp", ".ofd", ".jar")


class ArchiveRefused(InvalidInput):
    """The archive is damaged or would inflate beyond the limits."""


@dataclass
class _Budget:
    name: str
    limit: int
    used: int = 0

    def spend(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise ArchiveRefused(
                f"“{self.name}”解压后超过 {self.limit // MB} MB（文件本身只有很小一部分），"
                "可能是被恶意构造的“压缩炸弹”或已损坏，为保护电脑未予打开。"
                "请在原程序中打开该文件并另存为新文件后再试。")


def limit_for(size: int) -> int:
    return min(CEILING, max(FLOOR, RATIO * size))


def check_archive(path: Path, name: str | None = None) -> None:
    """Raise ArchiveRefused when the zip at `path` is damaged or would inflate too far."""
    path = Path(path)
    name = name or path.name
    budget = _Budget(name, limit_for(path.stat().st_size))
    with open(path, "rb") as f:
        _check(f, budget, 0)


def check_archive_bytes(data: bytes, name: str) -> None:
    _check(io.BytesIO(data), _Budget(name, limit_for(len(data))), 0)


def _check(stream: IO[bytes], budget: _Budget, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ArchiveRefused(f"“{budget.name}”中压缩包套压缩包超过 {MAX_DEPTH} 层，未予打开。请检查文件来源。")
    try:
        with zipfile.ZipFile(stream) as zf:
            members = zf.infolist()
            if len(members) > MAX_MEMBERS:
                raise ArchiveRefused(f"“{budget.name}”中的文件超过 {MAX_MEMBERS} 个，不像正常的文档，未予打开。")
            declared = sum(m.file_size for m in members)
            if budget.used + declared > budget.limit:
                budget.spend(declared)  # raises, naming the limit
            for member in members:
                if member.is_dir():
                    continue
                nested = member.filename.lower().endswith(_ARCHIVE_SUFFIXES)
                with zf.open(member) as inner:
                    data = _read_counted(inner, budget, FLOOR if nested else 0)
                    if data and zipfile.is_zipfile(io.BytesIO(data)):
                        _check(io.BytesIO(data), budget, depth + 1)
    except ArchiveRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError, RuntimeError,
            zlib.error):
        return  # damaged, cut off or encrypted, not oversized: the reader says so in its own words


def _read_counted(stream: IO[bytes], budget: _Budget, keep: int) -> bytes:
    """Inflate a member, counting every byte; keep it (to look inside) only up to `keep` bytes."""
    parts: list[bytes] = []
    kept = 0
    while chunk := stream.read(_CHUNK):
        budget.spend(len(chunk))
        kept += len(chunk)
        if kept <= keep:
            parts.append(chunk)
        else:
            parts = []  # too big to be looked into: counted and let go
    return b"".join(parts) if kept <= keep else b""
