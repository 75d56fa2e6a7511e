"""One package's TinyDB file: the package, its audit trail and its released versions."""

from __future__ import annotations

import json
import shutil
import stat
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from studio.domain.errors import ActionRefused, InvalidInput
from studio.store import migrations
from studio.store.atomic_storage import AtomicJSONStorage, BatchMiddleware
from studio.store.library_folders import FILE_NAME
from studio.store.package_shape import event_problem, package_problem, release_problem, table_problem

MEDIA_DIR = "media"
T_PACKAGE, T_AUDIT, T_RELEASES, T_SCHEMA = "package", "audit", "releases", "schema"


class PackageFileError(InvalidInput):
    """The file cannot be read as a package (damaged, too new, not a package)."""


class ChangedOnDisk(ActionRefused):
    """Someone else saved the package after we read it."""


@dataclass
class StoredPackage:
    data: dict[str, Any]
    events: list[dict[str, Any]]
    releases: list[dict[str, Any]]
    schema: int
    digest: str
    migrated_from: int | None = None
    backup: Path | None = field(default=None)


def is_package_folder(folder: Path) -> bool:
    return (Path(folder) / FILE_NAME).is_file()


def _rows(raw: dict[str, Any], table: str) -> list[dict[str, Any]]:
    docs = raw.get(table, {})
    return [docs[k] for k in sorted(docs, key=int)]


def _check_shape(raw: dict[str, Any], name: str) -> None:
    """Refuse valid JSON of the wrong shape before anything reads it (see package_shape)."""
    problem = next((p for t in (T_PACKAGE, T_AUDIT, T_RELEASES, T_SCHEMA) if (p := table_problem(raw, t))), "")
    schema_rows = _rows(raw, T_SCHEMA) if not problem else []
    if schema_rows and not isinstance(schema_rows[0].get("version"), int):
        problem = "格式版本号不是整数"
    if not problem:
        packages = _rows(raw, T_PACKAGE)
        problem = package_problem(packages[0]) if packages else ""
    if not problem:
        problem = next((p for n, e in enumerate(_rows(raw, T_AUDIT), 1) if (p := event_problem(e, n))), "")
    if not problem:
        problem = next((p for n, r in enumerate(_rows(raw, T_RELEASES), 1) if (p := release_problem(r, n))), "")
    if problem:
        raise PackageFileError(f"文件包“{name}”的数据文件 {FILE_NAME} 内容格式不对：{problem}。"
                               "该文件可能被其他程序改动过或已损坏。请从备份恢复；在此之前不要用其他程序修改它。")


class PackageFile:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / FILE_NAME

    def _storage(self) -> AtomicJSONStorage:
        return AtomicJSONStorage(self.path)

    def read_raw(self) -> tuple[dict[str, Any], str]:
        storage = self._storage()
        try:
            raw = storage.read()
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise PackageFileError(
                f"文件包“{self.folder.name}”的数据文件已损坏，无法读取（{FILE_NAME} 第{getattr(e, 'lineno', '?')}行）。"
                "请从备份恢复；在此之前不要用其他程序修改该文件。") from e
        if raw is None and not self.path.exists():
            raise PackageFileError(f"“{self.folder}”不是文件包：其中没有 {FILE_NAME}。请检查路径。")
        if not isinstance(raw, dict):
            raise PackageFileError(f"文件包“{self.folder.name}”的数据文件为空或格式不对。请从备份恢复。")
        return raw, storage.digest

    def load(self, migrate_on_disk: bool = False) -> StoredPackage:
        raw, digest = self.read_raw()
        _check_shape(raw, self.folder.name)
        schema_rows = _rows(raw, T_SCHEMA)
        schema = int(schema_rows[0]["version"]) if schema_rows else 0
        if schema > migrations.CURRENT_SCHEMA:
            raise PackageFileError(
                f"文件包“{self.folder.name}”由更新版本的政策解读工作室保存（格式版本 {schema}），"
                f"当前程序只支持到版本 {migrations.CURRENT_SCHEMA}。请升级程序后再打开，以免丢失数据。")
        migrated_from, backup = None, None
        if schema < migrations.CURRENT_SCHEMA:
            try:
                raw = migrations.migrate(raw, schema)
            except LookupError as e:
                raise PackageFileError(f"文件包“{self.folder.name}”的格式版本 {schema} 过旧，无法升级。") from e
            raw.setdefault(T_SCHEMA, {})["1"] = {"version": migrations.CURRENT_SCHEMA}
            migrated_from = schema
            if migrate_on_disk:
                backup = self._backup(schema)
                storage = self._storage()
                storage.write(raw)
                digest = storage.digest
        packages = _rows(raw, T_PACKAGE)
        if not packages:
            raise PackageFileError(f"文件包“{self.folder.name}”的数据文件中没有文件包记录。请从备份恢复。")
        return StoredPackage(packages[0], _rows(raw, T_AUDIT), _rows(raw, T_RELEASES),
                             migrations.CURRENT_SCHEMA, digest, migrated_from, backup)

    def remove_stale_temp_files(self) -> int:
        """Temp files of saves that were cut off; only the lock holder may call this."""
        stale = list(self.folder.glob(f".{FILE_NAME}.*.tmp"))
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)

    def _backup(self, schema: int) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.folder / f"{FILE_NAME}.v{schema}-{stamp}.bak"
        shutil.copy2(self.path, target)
        return target

    def _refuse_read_only(self) -> None:
        """A package.json someone made read-only is not replaced behind their back."""
        try:
            mode = self.path.stat().st_mode
        except FileNotFoundError:
            return
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise ActionRefused(
                f"文件包“{self.folder.name}”的数据文件 {FILE_NAME} 被设为只读，本次修改未保存，文件未被改动。"
                "如确需修改，请先在文件属性中取消“只读”，然后重试。")

    def save(self, package: dict[str, Any], new_events: list[dict[str, Any]],
             new_release: dict[str, Any] | None = None, expect_digest: str | None = None) -> str:
        """Write the package and append events (and a released version) in one atomic replace.

        With `expect_digest`, refuse when the file changed on disk since it was read.
        Returns the digest of the file as written.
        """
        self._refuse_read_only()
        if expect_digest is not None and self.path.exists():
            _, current = self.read_raw()
            if current != expect_digest:
                raise ChangedOnDisk(
                    f"文件包“{self.folder.name}”在你打开之后已被其他人或程序修改。为避免覆盖他人的修改，本次保存已取消。"
                    "请重新打开文件包后再修改。")
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / MEDIA_DIR).mkdir(exist_ok=True)
        middleware = BatchMiddleware(AtomicJSONStorage)
        db = TinyDB(self.path, storage=middleware)
        db.table(T_SCHEMA).upsert({"version": migrations.CURRENT_SCHEMA}, lambda _: True)
        table = db.table(T_PACKAGE)
        table.truncate()
        table.insert(package)
        audit = db.table(T_AUDIT)
        for event in new_events:
            audit.insert(event)
        if new_release is not None:
            db.table(T_RELEASES).insert(new_release)
        middleware.flush()
        storage = middleware.storage
        assert isinstance(storage, AtomicJSONStorage)  # the middleware wraps the storage class given above
        return storage.digest
