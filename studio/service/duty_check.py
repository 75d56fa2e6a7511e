"""Separation of duties re-checked from the signed record, with the settings in force at each event.

The workflow refuses a drafter's review or a double review as they happen; this check
finds the same in a chain written by some other program with genuine keys.
"""

from __future__ import annotations

from typing import Any

from studio.domain.errors import StudioError
from studio.domain.library_config import LibraryConfig
from studio.domain.settings import RuleSettings
from studio.store.audit import ChainProblem, describe
from studio.store.library import Library, default_settings
from studio.store.library_chain import LibraryChain


def settings_at(chain: LibraryChain, head: str) -> RuleSettings:
    """The rule settings as the library chain had recorded them up to `head`."""
    key = f"settings:{head}"
    if key not in chain.memo:
        chain.memo[key] = _settings_at(chain, head)
    return chain.memo[key]


def _settings_at(chain: LibraryChain, head: str) -> RuleSettings:
    recorded: dict[str, Any] | None = None
    for event in chain.events:
        if isinstance(event.get("settings"), dict):  # the founding and every settings change
            recorded = event["settings"]
        if event.get("hash") == head:
            break
    if recorded is None:
        return default_settings()
    try:
        return Library(chain.root).settings(LibraryConfig.from_dict(recorded))
    except StudioError:
        return default_settings()


def duty_problems(events: list[dict[str, Any]], chain: LibraryChain) -> list[ChainProblem]:
    problems: list[ChainProblem] = []
    drafters: set[str] = set()
    reviewers: list[str] = []
    for n, event in enumerate(events, 1):
        action, who = event.get("action"), str(event.get("member", ""))
        if not who:
            continue
        if action == "create":
            drafters = {who}
        elif action == "submit":
            drafters.add(who)
            reviewers = []
        elif action in ("return", "amend", "void", "adopt"):
            reviewers = []
        elif action in ("review", "sign"):
            settings = settings_at(chain, str(event.get("library_head", "")))
            if settings.forbid_drafter_review and who in drafters:
                problems.append(ChainProblem(n, f"{describe(event)}：操作人是该文件包的起草人，按当时的设置不得审核、审签。"))
            if action == "review" and event.get("level") == 2 and settings.distinct_reviewers and who in reviewers:
                problems.append(ChainProblem(n, f"{describe(event)}：初审和复审是同一位成员，按当时的设置须由两人完成。"))
            if action == "review":
                reviewers.append(who)
    return problems
