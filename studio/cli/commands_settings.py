"""whoami and settings: the current user, and a library's rule settings and holiday calendar."""

from __future__ import annotations

import argparse
from dataclasses import fields
from datetime import date
from pathlib import Path

from studio.cli.common import actor, key_values
from studio.cli.output import notice
from studio.domain.errors import InvalidInput
from studio.domain.metadata import KINDS
from studio.domain.settings import INTERPRETATION_ELEMENTS, SETTING_LABELS, RuleSettings
from studio.service import library_settings
from studio.service.shipped_demo import refuse_shipped_demo
from studio.service.user_profile import load_profile

_LIST_CHOICES = {
    "explainer_required_kinds": KINDS,
    "consultation_required_kinds": KINDS,
    "interpretation_required_elements": INTERPRETATION_ELEMENTS,
}


def cmd_whoami(args: argparse.Namespace) -> int:
    settings = load_profile()
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


def _list_value(key: str, text: str) -> list[str]:
    items = [x.strip() for x in text.replace("，", ",").split(",") if x.strip()]
    if key in ("holidays", "extra_workdays"):
        for item in items:
            try:
                date.fromisoformat(item)
            except ValueError:
                raise InvalidInput(f"“{item}”不是 YYYY-MM-DD 格式的日期。") from None
    allowed = _LIST_CHOICES.get(key)
    if allowed:
        bad = [x for x in items if x not in allowed]
        if bad:
            raise InvalidInput(f"“{'、'.join(bad)}”不是有效的{SETTING_LABELS[key]}，可选：{'、'.join(allowed)}。")
    return items


def apply_setting(settings: RuleSettings, key: str, op: str, text: str) -> RuleSettings:
    names = {f.name for f in fields(RuleSettings)}
    if key not in names:
        raise InvalidInput(f"没有名为“{key}”的设置。可用的设置：{', '.join(sorted(names))}。")
    data = settings.to_dict()
    current = data[key]
    if isinstance(current, list):
        items = _list_value(key, text)
        if op == "+=":
            data[key] = sorted(set(current) | set(items)) if key in ("holidays", "extra_workdays") \
                else current + [x for x in items if x not in current]
        elif op == "-=":
            data[key] = [x for x in current if x not in items]
        else:
            data[key] = items
    elif op != "=":
        raise InvalidInput(f"“{key}”不是列表，只能用 {key}=值 设置。")
    elif isinstance(current, bool):
        if text not in ("是", "否", "true", "false"):
            raise InvalidInput(f"“{SETTING_LABELS[key]}”只能设为“是”或“否”。")
        data[key] = text in ("是", "true")
    else:
        try:
            value = int(text)
        except ValueError:
            raise InvalidInput(f"“{SETTING_LABELS[key]}”须为整数（收到“{text}”）。") from None
        if value < 0:
            raise InvalidInput(f"“{SETTING_LABELS[key]}”不能为负数。")
        data[key] = value
    return RuleSettings.from_dict(data)


def cmd_settings(args: argparse.Namespace) -> int:
    root = Path(args.library)
    if not root.is_dir():
        raise InvalidInput(f"文件库“{args.library}”不存在。")
    settings = library_settings.current(root)
    if args.pairs:
        for pair in args.pairs:
            for op in ("+=", "-=", "="):
                if op in pair:
                    key, _, value = pair.partition(op)
                    settings = apply_setting(settings, key.strip(), op, value)
                    break
            else:
                key_values([pair])  # raises the usual “键=值” message
        refuse_shipped_demo(root)
        changed = library_settings.change_settings(root, actor(args, root), settings, args.reason or "")
        if changed:
            notice(f"已保存并签名记录（{'、'.join(SETTING_LABELS[k] for k in changed)}）。")
        else:
            notice("设置没有变化，未保存。")
    for key, value in settings.to_dict().items():
        if isinstance(value, list) and key in ("holidays", "extra_workdays"):
            shown = f"{len(value)}天（{value[0]} … {value[-1]}）" if value else "无"
        elif isinstance(value, list):
            shown = "、".join(value) or "无"
        elif isinstance(value, bool):
            shown = "是" if value else "否"
        else:
            shown = str(value)
        print(f"{SETTING_LABELS[key]}（{key}）：{shown}")
    return 0


def register(sub, add_user) -> None:
    p = sub.add_parser("whoami", help="查看或设置本机默认的成员姓名和处室（--user 省略时使用）")
    p.add_argument("--name", help="姓名")
    p.add_argument("--office", help="处室")
    p.set_defaults(func=cmd_whoami)

    p = sub.add_parser("settings", help="查看或修改文件库的规则设置和节假日日历")
    p.add_argument("library", metavar="LIBRARY")
    p.add_argument("pairs", nargs="*", metavar="设置",
                   help="如 release_limit_workdays=20、holidays+=2027-01-01、holidays-=2026-10-08")
    p.add_argument("--reason", help="修改理由（记入文件库记录）")
    add_user(p)
    p.set_defaults(func=cmd_settings)
