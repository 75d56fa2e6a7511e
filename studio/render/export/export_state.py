"""What the last export of a library wrote, so the next one redoes only what changed.

Kept beside the bundle in a hidden folder (never inside it: it names local package
folders), together with the search texts by group and the rendered explainer images.
The state is trusted only while the bundle's manifest is the one it recorded.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.render.export.layout import MANIFEST
from studio.render.export.manifest import FileRecord
from studio.render.export.search_index import group_of
from studio.store.atomic_file import atomic_write_text

FORMAT = 1
STATE_FILE = "state.json"
SEARCH_DIR = "search"
IMAGES_DIR = "explainer-images"


def state_dir_for(out_dir: Path) -> Path:
    out_dir = Path(out_dir).absolute()
    return out_dir.parent / f".{out_dir.name}.studio-export"


@dataclass
class BundleFile:
    sha256: str
    size: int
    mtime_ns: int

    @property
    def record(self) -> FileRecord:
        return FileRecord(self.sha256, self.size)

    def to_list(self) -> list:
        return [self.sha256, self.size, self.mtime_ns]


@dataclass
class PackageState:
    """One exported package: how its folder looked, what it published, which files it wrote."""

    signature: list
    key: str
    slug: str
    entry: dict[str, Any]
    # The package's part of the site's metadata.json, as compact JSON text: it is only ever
    # copied into that file, so it is kept as text and never parsed again.
    metadata_json: str
    files: dict[str, BundleFile] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"signature": self.signature, "key": self.key, "slug": self.slug, "entry": self.entry,
                "metadata_json": self.metadata_json, "files": {p: f.to_list() for p, f in sorted(self.files.items())}}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PackageState:
        files = {p: BundleFile(*v) for p, v in d.get("files", {}).items()}
        return cls(d["signature"], d["key"], d["slug"], d["entry"], d["metadata_json"], files)


@dataclass
class ExportState:
    folder: Path
    options: str = ""
    manifest: str = ""
    packages: dict[str, PackageState] = field(default_factory=dict)
    # Search group files (path → file), reused while their group is unchanged.
    groups: dict[str, BundleFile] = field(default_factory=dict)
    _search_cache: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path, options: str) -> ExportState:
        """The previous export's state, or an empty one when it does not fit the bundle."""
        folder = state_dir_for(out_dir)
        empty = cls(folder, options)
        try:
            data = json.loads((folder / STATE_FILE).read_text("utf-8"))
            manifest = (Path(out_dir) / MANIFEST).read_bytes()
        except (OSError, ValueError):
            return empty
        if (data.get("format") != FORMAT or data.get("options") != options
                or data.get("manifest") != hashlib.sha256(manifest).hexdigest()):
            return empty
        try:
            packages = {k: PackageState.from_dict(v) for k, v in data.get("packages", {}).items()}
            groups = {p: BundleFile(*v) for p, v in data.get("groups", {}).items()}
        except (KeyError, TypeError, ValueError):
            return empty
        state = cls(folder, options, data["manifest"], packages, groups)
        # Reused packages need their search texts: without every group's texts, start afresh.
        if not all(state.has_search_texts(group_of(p.slug)) for p in packages.values()):
            return empty
        return state

    # -- search texts -------------------------------------------------------
    def search_texts(self, group: str) -> dict[str, str]:
        if group not in self._search_cache:
            try:
                texts = json.loads((self.folder / SEARCH_DIR / f"{group}.json").read_text("utf-8"))
            except (OSError, ValueError):
                texts = {}
            self._search_cache[group] = texts if isinstance(texts, dict) else {}
        return self._search_cache[group]

    def has_search_texts(self, group: str) -> bool:
        return (self.folder / SEARCH_DIR / f"{group}.json").is_file()

    @property
    def images_dir(self) -> Path:
        return self.folder / IMAGES_DIR

    def reset(self) -> None:
        """Forget everything but the image cache (used before a full export)."""
        self.packages, self.groups, self._search_cache = {}, {}, {}
        shutil.rmtree(self.folder / SEARCH_DIR, ignore_errors=True)

    def save(self, manifest: bytes, changed_groups: dict[str, dict[str, str]]) -> None:
        self.manifest = hashlib.sha256(manifest).hexdigest()
        (self.folder / SEARCH_DIR).mkdir(parents=True, exist_ok=True)
        for group, texts in changed_groups.items():
            atomic_write_text(self.folder / SEARCH_DIR / f"{group}.json",
                              json.dumps(texts, ensure_ascii=False, separators=(",", ":")))
        data = {
            "format": FORMAT,
            "options": self.options,
            "manifest": self.manifest,
            "packages": {k: v.to_dict() for k, v in sorted(self.packages.items())},
            "groups": {p: f.to_list() for p, f in sorted(self.groups.items())},
        }
        atomic_write_text(self.folder / STATE_FILE, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
