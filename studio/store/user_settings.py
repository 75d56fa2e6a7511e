"""The current user's settings: name and office (they go into every audit event), recent libraries."""

from __future__ import annotations

import getpass
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from studio.paths import user_config_dir
from studio.store.atomic_file import atomic_write_text
from studio.store.json_format import dumps

MAX_RECENT = 8


@dataclass
class UserSettings:
    name: str = ""
    office: str = ""
    recent_libraries: list[str] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return user_config_dir() / "settings.json"

    @classmethod
    def load(cls) -> UserSettings:
        s = cls()
        try:
            data = json.loads(s.path.read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            return s
        return cls(name=str(data.get("name", "")), office=str(data.get("office", "")),
                   recent_libraries=[str(p) for p in data.get("recent_libraries", [])][:MAX_RECENT])

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, dumps(asdict(self)))

    def remember_library(self, path: Path) -> None:
        p = str(Path(path).resolve())
        self.recent_libraries = [p] + [x for x in self.recent_libraries if x != p][: MAX_RECENT - 1]

    def user_name(self) -> str:
        """The name in the settings, else the login name."""
        if self.name.strip():
            return self.name.strip()
        try:
            return getpass.getuser()
        except Exception:  # no login name in some service environments
            return "未命名用户"
