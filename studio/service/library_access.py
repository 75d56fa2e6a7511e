"""Read access to libraries and package folders for the front ends and the exporter.

The command line, the window and export reach files only through studio/service.
"""

from __future__ import annotations

from pathlib import Path

from studio.domain.settings import RuleSettings
from studio.store.library import SETTINGS_FILE, Library
from studio.store.library_chain import CHAIN_FILE
from studio.store.package_file import is_package_folder

__all__ = ["CHAIN_FILE", "SETTINGS_FILE", "is_package", "library_settings", "package_folders_of"]


def package_folders_of(root: Path) -> list[Path]:
    return Library(root).package_folders()


def is_package(path: Path) -> bool:
    return is_package_folder(path)


def library_settings(root: Path) -> RuleSettings:
    return Library(root).settings()
