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


def bundled_demo_dir() -> Path:
    """The demo library as shipped (in the source tree, tracked; in the app, read-only)."""
    return app_root() / "projects"


def is_bundled_demo(path: Path) -> bool:
    """Whether `path` is the shipped demo library or a folder inside it."""
    try:
        return Path(path).resolve().is_relative_to(bundled_demo_dir().resolve())
    except OSError:
        return False


def demo_library_dir() -> Path:
    """The user's own copy of the demo library, made from the shipped one on first use.

    Work in the demo library never changes what was shipped: not the app folder, and
    not the tracked files of a source checkout.
    """
    bundled = bundled_demo_dir()
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


def documents_dir() -> Path:
    """The user's documents folder, where people look for what they made."""
    override = os.environ.get("XDG_DOCUMENTS_DIR")
    if override:
        return Path(override)
    for name in ("Documents", "文档"):
        if (Path.home() / name).is_dir():
            return Path.home() / name
    return Path.home()


def default_export_dir(library: Path) -> Path:
    """Where an export of `library` is proposed: the user's documents folder, unless that
    lies inside the library or the studio's own folder (a source checkout or the app)."""
    library = Path(library).resolve()
    name = f"{library.name}-网站发布包"
    candidate = (documents_dir() / name).resolve()
    if any(candidate.is_relative_to(root) for root in (library, app_root().resolve())):
        candidate = user_data_dir() / "网站发布包" / name
    return candidate
