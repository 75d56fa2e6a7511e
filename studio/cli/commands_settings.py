"""whoami and settings: the current user, and a library's rule profile, calendar and site."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from studio.cli.common import actor, add_skip_unreadable, key_values
from studio.cli.output import notice
from studio.domain.errors import InvalidInput
from studio.domain.library_config import LibraryConfig
from studio.domain.rule_catalogue import RULES
from studio.domain.settings import PARAMETER_KEYS, SETTING_LABELS
from studio.domain.settings_changes import shown
from studio.service.library_chain_events import ChangeOptions
from studio.service.library_settings import (
    change_settings,
    history_problems,
    read_settings,
    resolved_profile,
    settings_history,
)
from studio.service.user_profile import UserSettings

_DATE_KEYS = ("holidays", "extra_workdays")
_OWN_SOURCE = "本库设定"
SETTINGS_HELP = ("profile=贵州（选择规则方案，清除本库调整）、name=本局规则（以所选方案为基础另立本库方案）、"
                 "release_limit_workdays=5、explainer_required_kinds+=规章、rule.INTERPRETER_PERSON_MISSING=阻止发布、"
                 "source=依据文件（本次调整的依据）、holidays+=2027-01-01、site_name=某市人民政府网、site_base_url=https://…")


def cmd_whoami(args: argparse.Namespace) -> int:
    settings = UserSettings.load()
    if args.name is not None:
        settings.name = args.name.strip()
    if args.office is not None:
        settings.office = args.office.strip()
    if args.name is not None or args.office is not None:
        settings.save()
        notice("已保存。")
    print(f"姓名：{settings.user_name()}")
    print(f"处室：{settings.office or '（未设置）'}")
    return 0


def _items(text: str) -> list[str]:
    return [x.strip() for x in text.replace("，", ",").replace("、", ",").split(",") if x.strip()]


def _dates(text: str) -> list[str]:
    items = _items(text)
    for item in items:
        try:
            date.fromisoformat(item)
        except ValueError:
            raise InvalidInput(f"“{item}”不是 YYYY-MM-DD 格式的日期。") from None
    return items


def _combined(current: list[Any], op: str, items: list[str]) -> list[Any]:
    if op == "+=":
        return current + [x for x in items if x not in current]
    if op == "-=":
        return [x for x in current if x not in items]
    return items


def _parameter_value(key: str, op: str, text: str, current: Any) -> Any:
    if isinstance(current, list):
        return _combined(current, op, _items(text))
    if op != "=":
        raise InvalidInput(f"“{key}”不是列表，只能用 {key}=值 设置。")
    if isinstance(current, bool):
        if text not in ("是", "否", "true", "false"):
            raise InvalidInput(f"“{SETTING_LABELS[key]}”只能设为“是”或“否”。")
        return text in ("是", "true")
    try:
        return int(text)
    except ValueError:
        raise InvalidInput(f"“{SETTING_LABELS[key]}”须为整数（收到“{text}”）。") from None


def apply_pairs(root: Path, pairs: list[str]) -> LibraryConfig:
    """The library's settings with the command line's changes applied, in the order given."""
    view = read_settings(root)
    config = view.config
    parsed: list[tuple[str, str, str]] = []
    for pair in pairs:
        for op in ("+=", "-=", "="):
            if op in pair:
                key, _, value = pair.partition(op)
                parsed.append((key.strip(), op, value.strip()))
                break
        else:
            key_values([pair])  # raises the usual “键=值” message
    source = next((v for k, _, v in parsed if k == "source"), "") or _OWN_SOURCE
    for key, op, value in parsed:
        if key == "source":
            continue
        if key == "profile":
            config = LibraryConfig(profile=value, holidays=config.holidays, extra_workdays=config.extra_workdays,
                                   site_name=config.site_name, site_base_url=config.site_base_url)
        elif key == "name":
            config = config.with_name(value)
        elif key in ("site_name", "site_base_url"):
            config = config.with_site(**{key: value})
        elif key in _DATE_KEYS:
            current = list(getattr(config, key) if getattr(config, key) is not None
                           else getattr(view.settings, key))
            config = config.with_calendar(**{key: tuple(sorted(set(_combined(current, op, _dates(value)))))})
        elif key.startswith("rule."):
            config = config.with_rule(key[5:], value, source)
        elif key in PARAMETER_KEYS:
            current = resolved_profile(root, config).parameter(key)
            config = config.with_parameter(key, _parameter_value(key, op, value, current), source)
        else:
            raise InvalidInput(f"没有名为“{key}”的设置。可用的设置：profile、name、source、site_name、site_base_url、"
                               f"holidays、extra_workdays、rule.规则代码、{'、'.join(PARAMETER_KEYS)}。")
    return config


def print_settings(root: Path) -> None:
    view = read_settings(root)
    p, config = view.profile, view.config
    based = f"（以《{p.based_on}》为基础）" if p.based_on else ""
    print(f"规则方案：《{p.name}》{based}  可选的内置方案：{'、'.join(view.shipped)}")
    if p.description:
        print(f"  {p.description}")
    print("规则参数：")
    for key in PARAMETER_KEYS:
        choice = p.parameters.get(key)
        source = f"  ——依据：{choice.source}" if choice and choice.source else ""
        print(f"  {SETTING_LABELS[key]}（{key}）：{shown(p.parameter(key))}{source}")
    print("规则处理方式（未列出的按内置）：")
    for entry in RULES:
        choice = p.rules.get(entry.code)
        if choice:
            print(f"  {entry.name}（{entry.code}）：{choice.value}  ——依据：{choice.source or '未注明'}")
    s = view.settings
    for key in _DATE_KEYS:
        values = getattr(s, key)
        print(f"{SETTING_LABELS[key]}（{key}）：" + (f"{len(values)}天（{values[0]} … {values[-1]}）" if values else "无"))
    print(f"网站名称（site_name）：{config.site_name or '（未设置）'}")
    print(f"网站地址（site_base_url）：{config.site_base_url or '（未设置）'}")


def print_history(root: Path) -> int:
    events = settings_history(root)
    for event in events:
        who = event.get("user", "?") + (f"（{event['office']}）" if event.get("office") else "")
        print(f"第{event.get('seq', '?')}条  {event.get('at', '')}  {who}")
        for line in event.get("changes", []):
            print(f"  {line}")
    if not events:
        print("尚无设置修改记录。")
    problems = history_problems(root)
    for problem in problems:
        print(f"  ✖ {problem}")
    return 1 if problems else 0


def cmd_settings(args: argparse.Namespace) -> int:
    root = Path(args.library)
    if args.history:
        return print_history(root)
    if args.pairs:
        options = ChangeOptions(skip_unreadable=args.skip_unreadable)
        lines = change_settings(root, apply_pairs(root, args.pairs), actor(args, root), options=options)
        for line in lines:
            notice(f"已修改：{line}")
        for note in options.notes:
            notice(note)
        if not lines:
            notice("设置没有变化。")
    print_settings(root)
    return 0


def register(sub, add_user) -> None:
    p = sub.add_parser("whoami", help="查看或设置当前用户的姓名和处室（记入每条审计记录）")
    p.add_argument("--name", help="姓名")
    p.add_argument("--office", help="处室")
    p.set_defaults(func=cmd_whoami)

    p = sub.add_parser("settings", help="查看或修改文件库的规则方案、规则参数、节假日日历和网站信息（每次修改记入文件库设置记录）")
    p.add_argument("library", metavar="LIBRARY")
    p.add_argument("pairs", nargs="*", metavar="设置", help=f"如 {SETTINGS_HELP}")
    p.add_argument("--history", action="store_true",
                   help="列出设置修改记录（谁、何时、改了什么、依据），记录不完整或设置在工作室之外被改动时退出码 1")
    add_user(p)
    add_skip_unreadable(p)
    p.set_defaults(func=cmd_settings)
