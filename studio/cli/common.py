"""Shared pieces of the command handlers: who is acting, which package, today's date."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from studio.domain.errors import InvalidInput
from studio.service.clock import now
from studio.service.session import Actor
from studio.store.package_file import is_package_folder
from studio.store.user_settings import UserSettings


def actor(args: argparse.Namespace) -> Actor:
    settings = UserSettings.load()
    name = (getattr(args, "user", None) or "").strip() or settings.user_name()
    office = (getattr(args, "office", None) or "").strip() or settings.office
    return Actor(name, office)


def package_folder(path: str) -> Path:
    folder = Path(path)
    if not folder.exists():
        raise InvalidInput(f"找不到“{path}”。请检查文件包路径。")
    if not is_package_folder(folder):
        raise InvalidInput(f"“{path}”不是文件包文件夹（其中没有 package.json）。")
    return folder


def today(args: argparse.Namespace) -> date:
    value = getattr(args, "today", None)
    if not value:
        return now().date()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"--today 的值“{value}”不是 YYYY-MM-DD 格式的日期。") from None


def key_values(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(f"“{pair}”不是“键=值”的形式，例如 doc_number=国办发〔2017〕47号。")
        values[key.strip()] = value
    return values
