"""Where the studio's own files are: the source tree, or the frozen app's bundle.

The frozen app never writes inside its own folder: the demo library is copied to the
user's data folder on first run, and caches live in the user's cache folder.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

DEMO_NAME = "示例文件库"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False) and getattr(sys, "_MEIPASS", None))


def app_root() -> Path:
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]
    return Path(__file__).resolve().parent.parent


def assets_dir() -> Path:
    return app_root() / "assets"


def user_config_dir() -> Path:
    """Settings, window state and unsaved work; STUDIO_CONFIG_DIR moves them (tests, portable use)."""
    override = os.environ.get("STUDIO_CONFIG_DIR")
    if override:
        return Path(override)
    if os.name == "nt":
        return Path(os.environ.get("APPDATA", Path.home())) / "PolicyStudio"
    return Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "policy-studio"


def user_data_dir() -> Path:
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "PolicyStudio"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "policy-studio"


def user_keys_dir() -> Path:
    """Members' private signing keys: each in the member's own profile, never in a library."""
    return user_data_dir() / "keys"


def user_cache_dir() -> Path:
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "PolicyStudio" / "cache"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "policy-studio"


def demo_library_dir() -> Path:
    """The demo library: in the source tree as it is, for the frozen app a copy the user may change."""
    bundled = app_root() / "projects"
    if not is_frozen():
        return bundled
    target = user_data_dir() / DEMO_NAME
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(bundled, partial)
        partial.rename(target)  # a half-copied library never looks complete
    return target


def prepare_frozen_environment() -> None:
    """Caches of the libraries go to the user's cache folder, never into the app folder."""
    if is_frozen():
        cache = user_cache_dir()
        os.environ.setdefault("MPLCONFIGDIR", str(cache / "matplotlib"))
