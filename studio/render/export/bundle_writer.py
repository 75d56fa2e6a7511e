"""Writing a bundle so that a failed export leaves the previous one untouched.

Everything goes into a temporary sibling folder; only when it is complete does it
take the place of the previous bundle. Unchanged files are hard links to the
previous bundle's files (fast, and never written through: every changed file is a
new file), with a plain copy where the file system has no hard links.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from pathlib import Path

from studio.render.export.layout import MANIFEST
from studio.render.export.manifest import FileRecord, manifest_bytes
from studio.render.export.ownership import claim_target, clean_leftovers, temp_prefix


class BundleWriter:
    def __init__(self, out_dir: Path, sources: list[Path] | None = None):
        self.out = Path(out_dir).absolute()
        # The hash of every file of the previous bundle, as found on disk (all of them checked).
        self.previous = claim_target(self.out, sources or []).hashes
        self.out.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(self.out)
        self.tmp = Path(tempfile.mkdtemp(prefix=temp_prefix(self.out, "export"), dir=self.out.parent))
        self.records: dict[str, FileRecord] = {}
        # Plain strings, not Path objects: a library's export handles thousands of files.
        self._tmp, self._out = str(self.tmp), str(self.out)
        self._made: set[str] = {""}
        self._can_link = True

    def _target(self, rel: str) -> str:
        parent = rel.rpartition("/")[0]
        if parent not in self._made:
            os.makedirs(f"{self._tmp}/{parent}", exist_ok=True)
            self._made.add(parent)
        return f"{self._tmp}/{rel}"

    def write(self, rel: str, data: bytes) -> FileRecord:
        path = self._target(rel)
        with open(path, "xb") as f:
            f.write(data)
        record = FileRecord(hashlib.sha256(data).hexdigest(), len(data))
        self.records[rel] = record
        return record

    def holds(self, rel: str, sha256: str) -> bool:
        """The previous bundle holds this file with exactly this content."""
        return self.previous.get(rel) == sha256

    def reuse(self, rel: str, record: FileRecord) -> None:
        """Take a file unchanged from the previous bundle."""
        source, path = f"{self._out}/{rel}", self._target(rel)
        if self._can_link:
            try:
                os.link(source, path)
            except OSError:
                self._can_link = False
        if not self._can_link:
            shutil.copyfile(source, path)
        self.records[rel] = record

    def mtime_ns(self, rel: str) -> int:
        return os.stat(f"{self._tmp}/{rel}").st_mtime_ns

    def commit(self) -> bytes:
        """Write the manifest and put the new bundle in place of the old one."""
        manifest = manifest_bytes(self.records)
        (self.tmp / MANIFEST).write_bytes(manifest)
        os.chmod(self.tmp, 0o755)  # mkdtemp makes it private; a website folder must be readable
        old = None
        if self.out.exists():
            old = Path(tempfile.mkdtemp(prefix=temp_prefix(self.out, "old"), dir=self.out.parent))
            os.rmdir(old)
            os.rename(self.out, old)
        try:
            os.rename(self.tmp, self.out)
        except BaseException:
            if old is not None:
                os.rename(old, self.out)
            raise
        if old is not None:
            # The new bundle is in place; deleting the old one (thousands of files) need not hold up
            # the caller. A non-daemon thread, so the process finishes the deletion before it exits.
            threading.Thread(target=shutil.rmtree, args=(old,), kwargs={"ignore_errors": True},
                             name="remove-old-bundle").start()
        return manifest

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
