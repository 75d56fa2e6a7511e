"""A library's content with what differs between two builds (ids, times, hashes) left out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Keys whose values are ids, clock readings or hashes over them.
VOLATILE = {"id", "at", "created_at", "released_at", "hash", "prev", "package_hash", "content_hash",
            "hashes", "head", "signature", "signatures", "sig", "library_head", "release_hash", "library_id"}


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def package_shape(folder: Path) -> dict[str, Any]:
    data = json.loads((folder / "package.json").read_text("utf-8"))
    shape = _strip(data)
    media = folder / "media"
    shape["media_files"] = sorted(p.name for p in media.iterdir()) if media.is_dir() else []
    return shape


def library_shape(root: Path) -> dict[str, dict[str, Any]]:
    """Each package's shape, keyed by its title (folder names are made at build time)."""
    shapes = {}
    for folder in sorted(p for p in root.iterdir() if (p / "package.json").is_file()):
        shape = package_shape(folder)
        title = shape["package"]["1"]["metadata"]["title"]
        shapes[title] = shape
    return shapes
