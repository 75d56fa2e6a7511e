"""The rule profiles the studio ships, read from assets/profiles/*.json."""

from __future__ import annotations

import json
from functools import lru_cache

from studio.domain.errors import InvalidInput
from studio.domain.profiles import Profile, profile_from_dict
from studio.paths import assets_dir


@lru_cache(maxsize=1)
def shipped_profiles() -> dict[str, Profile]:
    """Every shipped profile by name; one based on another is read after its base."""
    raw: dict[str, dict] = {}
    for path in sorted((assets_dir() / "profiles").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        raw[str(data["name"])] = data
    profiles: dict[str, Profile] = {}
    while len(profiles) < len(raw):
        ready = [n for n, d in raw.items() if n not in profiles and (not d.get("based_on") or d["based_on"] in profiles)]
        if not ready:
            raise RuntimeError(f"规则方案的基础方案缺失或循环：{sorted(set(raw) - set(profiles))}")
        for name in ready:
            base = raw[name].get("based_on")
            profiles[name] = profile_from_dict(raw[name], profiles[base] if base else None)
    return profiles


def shipped_profile(name: str) -> Profile:
    profiles = shipped_profiles()
    if name not in profiles:
        raise InvalidInput(f"没有名为“{name}”的规则方案。可选：{'、'.join(profiles)}。")
    return profiles[name]
