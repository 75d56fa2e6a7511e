"""A library: a folder of package folders, with the rule settings of the office in library.json."""

from __future__ import annotations

import json
import secrets
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from studio.domain.errors import InvalidInput
from studio.domain.library_config import DEFAULT_PROFILE, FORMAT, LibraryConfig
from studio.domain.profiles import Profile
from studio.domain.settings import RuleSettings
from studio.paths import assets_dir
from studio.store.atomic_file import atomic_write_text
from studio.store.json_format import dumps
from studio.store.library_folders import package_folder_names
from studio.store.profile_files import shipped_profile

SETTINGS_FILE = "library.json"


@lru_cache(maxsize=1)
def default_calendar() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = json.loads((assets_dir() / "calendar" / "cn-public-holidays.json").read_text("utf-8"))
    return tuple(data["holidays"]), tuple(data["extra_workdays"])


def default_settings() -> RuleSettings:
    """The settings of a library that has chosen nothing: 国家 over the shipped calendar."""
    holidays, workdays = default_calendar()
    return shipped_profile(DEFAULT_PROFILE).rule_settings(holidays, workdays)


class Library:
    def __init__(self, root: Path):
        self.root = Path(root)

    @classmethod
    def of_package(cls, folder: Path) -> Library:
        return cls(Path(folder).resolve().parent)

    def exists(self) -> bool:
        return self.root.is_dir()

    def package_folders(self) -> list[Path]:
        if not self.root.is_dir():
            raise InvalidInput(f"文件库“{self.root}”不存在。请检查路径。")
        return [self.root / name for name in package_folder_names(self.root)]

    def new_package_folder(self, now: datetime) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        while True:
            folder = self.root / f"{now:%Y%m%d}-{secrets.token_hex(3)}"
            try:
                folder.mkdir()
                return folder
            except FileExistsError:
                continue

    # -- settings ---------------------------------------------------------
    @property
    def settings_path(self) -> Path:
        return self.root / SETTINGS_FILE

    def raw_settings(self) -> dict[str, Any]:
        try:
            data = json.loads(self.settings_path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except ValueError as e:
            raise InvalidInput(f"文件库设置文件 {self.settings_path} 格式错误：{e}。请修正或删除该文件。") from e
        return data if isinstance(data, dict) else {}

    def config(self) -> LibraryConfig:
        return LibraryConfig.from_dict(self.raw_settings())

    def needs_migration(self) -> bool:
        raw = self.raw_settings()
        return bool(raw) and raw.get("format") != FORMAT

    def profile(self, config: LibraryConfig | None = None) -> Profile:
        config = config or self.config()
        return config.resolve(shipped_profile(config.profile))

    def settings(self, config: LibraryConfig | None = None) -> RuleSettings:
        """The rule settings of this library's packages: its profile over its calendar."""
        config = config or self.config()
        holidays, workdays = default_calendar()
        return self.profile(config).rule_settings(
            config.holidays if config.holidays is not None else holidays,
            config.extra_workdays if config.extra_workdays is not None else workdays)

    def history(self) -> list[dict[str, Any]]:
        events = self.raw_settings().get("history")
        return events if isinstance(events, list) else []

    def write_config(self, config: LibraryConfig, event: dict[str, Any]) -> None:
        """The settings and the record of their change, in one atomic write.

        Called only by studio.service.library_settings, which makes the record.
        """
        data = {**config.to_dict(), "history": self.history() + [event]}
        self.root.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.settings_path, dumps(data))
