"""Shared pieces of the command handlers: who is acting, which package."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from studio.cli.output import notice
from studio.domain.errors import InvalidInput
from studio.service import members
from studio.service.library_access import is_package
from studio.service.session import Actor
from studio.service.shipped_demo import refuse_shipped_demo
from studio.service.user_profile import load_profile

PASSPHRASE_ENV = "STUDIO_PASSPHRASE"


def member_name(args: argparse.Namespace) -> tuple[str, str]:
    profile = load_profile()
    name = (getattr(args, "user", None) or "").strip() or profile.user_name()
    office = (getattr(args, "office", None) or "").strip() or profile.office
    return name, office


def passphrase(name: str, confirm: bool = False) -> str:
    """The member's passphrase: from STUDIO_PASSPHRASE (scripts) or asked at the terminal."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise InvalidInput(f"需要“{name}”的口令才能签名：请在终端中运行并输入口令，"
                           f"或在脚本中用环境变量 {PASSPHRASE_ENV} 提供。")
    first = getpass.getpass(f"{name}的口令：")
    if confirm and getpass.getpass("再输入一次：") != first:
        raise InvalidInput("两次输入的口令不一致。")
    return first


def new_key_passphrase(name: str) -> str:
    """For a new key: none is asked where the OS keyring keeps it (the user's login guards it)."""
    return "" if members.keys_in_os_keyring() else passphrase(name, confirm=True)


def actor(args: argparse.Namespace, library_root: Path) -> Actor:
    """The member signed in with their own key; a library without a roster gets one, founded by them."""
    refuse_shipped_demo(library_root)
    name, office = member_name(args)
    if not members.has_roster(library_root):
        founder = members.init_library(library_root, name, office, new_key_passphrase(name))
        notice(f"已为文件库建立成员名单，{founder.name}为第一位管理员（拥有全部角色）。"
               f"请用 studio member add 添加其他成员。")
        return founder
    kept_by_os = members.key_kept_by_os(library_root, name)
    return members.sign_in(library_root, name, "" if kept_by_os else passphrase(name))


def library_of(folder: Path) -> Path:
    return Path(folder).resolve().parent


def package_folder(path: str) -> Path:
    folder = Path(path)
    if not folder.exists():
        raise InvalidInput(f"找不到“{path}”。请检查文件包路径。")
    if not is_package(folder):
        raise InvalidInput(f"“{path}”不是文件包文件夹（其中没有 package.json）。")
    return folder


def key_values(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(f"“{pair}”不是“键=值”的形式，例如 doc_number=国办发〔2017〕47号。")
        values[key.strip()] = value
    return values


def add_skip_unreadable(q: argparse.ArgumentParser) -> None:
    q.add_argument("--skip-unreadable", action="store_true",
                   help="有文件包此刻无法读取时仍然变更（跳过的文件包签名记录在本次变更中；先尝试重试或从备份恢复）")
