"""TinyDB storage that never rewrites the file in place (TinyDB's JSONStorage truncates it)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage

from studio.store.atomic_file import atomic_write_bytes
from studio.store.json_format import dumps


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path, **_: Any):
        self.path = Path(path)
        self.digest = ""  # SHA-256 of the bytes last read or written

    def read(self) -> dict[str, Any] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        self.digest = hashlib.sha256(raw).hexdigest()
        if not raw.strip():
            return None
        return json.loads(raw.decode("utf-8"))

    def write(self, data: dict[str, Any]) -> None:
        raw = dumps(data).encode("utf-8")
        atomic_write_bytes(self.path, raw)
        self.digest = hashlib.sha256(raw).hexdigest()

    def close(self) -> None:
        pass


class BatchMiddleware(CachingMiddleware):
    """Collects every change of one save and writes them with a single atomic replace."""

    WRITE_CACHE_SIZE = sys.maxsize
