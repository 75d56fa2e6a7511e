"""Where the studio's own files are: the source tree, or the frozen app's bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def assets_dir() -> Path:
    return app_root() / "assets"


def demo_library_dir() -> Path:
    return app_root() / "projects"
