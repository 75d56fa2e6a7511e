"""What changed between two library settings, in the words the history shows."""

from __future__ import annotations

from typing import Any

from studio.domain.library_config import LibraryConfig
from studio.domain.profiles import Profile
from studio.domain.rule_catalogue import rule_name
from studio.domain.settings import SETTING_LABELS


def shown(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple)):
        return "、".join(str(x) for x in value) or "无"
    return str(value) if value != "" else "（空）"


def _dates(label: str, before: tuple[str, ...], after: tuple[str, ...]) -> list[str]:
    added, removed = sorted(set(after) - set(before)), sorted(set(before) - set(after))
    out = []
    if added:
        out.append(f"{label}：增加 {'、'.join(added)}")
    if removed:
        out.append(f"{label}：删除 {'、'.join(removed)}")
    return out


def describe(before: LibraryConfig, after: LibraryConfig, old: Profile, new: Profile,
             old_calendar: tuple[tuple[str, ...], tuple[str, ...]],
             new_calendar: tuple[tuple[str, ...], tuple[str, ...]]) -> list[str]:
    """One line per change: the profile, each rule and parameter, the calendar, the site."""
    lines: list[str] = []
    if old.name != new.name:
        lines.append(f"规则方案：《{old.name}》→《{new.name}》")
    for code in sorted(set(old.rules) | set(new.rules)):
        a, b = old.rules.get(code), new.rules.get(code)
        if (a.value if a else "") != (b.value if b else ""):
            why = f"（依据：{b.source}）" if b and b.source else ""
            lines.append(f"{rule_name(code)}（{code}）：{a.value if a else '内置'} → {b.value if b else '内置'}{why}")
    for key in sorted(set(old.parameters) | set(new.parameters)):
        va, vb = old.parameter(key), new.parameter(key)
        if va != vb:
            choice = new.parameters.get(key)
            why = f"（依据：{choice.source}）" if choice and choice.source else ""
            lines.append(f"{SETTING_LABELS.get(key, key)}：{shown(va)} → {shown(vb)}{why}")
    lines += _dates("法定节假日", old_calendar[0], new_calendar[0])
    lines += _dates("调休上班日", old_calendar[1], new_calendar[1])
    if before.site_name != after.site_name:
        lines.append(f"网站名称：{shown(before.site_name)} → {shown(after.site_name)}")
    if before.site_base_url != after.site_base_url:
        lines.append(f"网站地址：{shown(before.site_base_url)} → {shown(after.site_base_url)}")
    return lines
