"""The one way a library's settings change, from the command line and the window alike.

Every change — profile, a rule's severity or parameter, the holiday calendar, the site
the library exports for — goes through `change_settings`, which writes the new settings
and the record of the change (who, when, what, before → after) in one atomic write to
library.json. The record is chained to the one before it, like a package's audit trail,
and the same change is an administrator's signed event in the library chain
(library-chain.json): relaxing a rule is as much on record as an approval is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.domain.errors import InvalidInput
from studio.domain.hashing import content_hash
from studio.domain.library_config import LibraryConfig
from studio.domain.profiles import Profile
from studio.domain.settings import RuleSettings
from studio.domain.settings_changes import describe
from studio.service.actor import Actor
from studio.service.clock import stamp
from studio.service.library_chain_events import ChangeOptions, append_signed, require_admin, require_chain
from studio.service.shipped_demo import refuse_shipped_demo
from studio.store.audit import GENESIS, event_hash, make_event
from studio.store.library import Library, default_calendar
from studio.store.profile_files import shipped_profile, shipped_profiles

SETTINGS_ACTION = "settings"


@dataclass(frozen=True)
class LibrarySettingsView:
    """What a settings form shows: the stored choices and what they resolve to."""

    config: LibraryConfig
    profile: Profile
    settings: RuleSettings
    shipped: tuple[str, ...]
    migrated: bool


def profile_named(name: str) -> Profile:
    """A shipped profile, for a form that lets the user pick one."""
    return shipped_profile(name)


def shipped_calendar() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(holidays, make-up working days) the studio ships."""
    return default_calendar()


def read_settings(root: Path) -> LibrarySettingsView:
    library = _library(root)
    config = library.config()
    return LibrarySettingsView(config, library.profile(config), library.settings(config),
                               tuple(shipped_profiles()), library.needs_migration())


def _library(root: Path) -> Library:
    library = Library(Path(root))
    if not library.exists():
        raise InvalidInput(f"文件库“{root}”不存在。请检查路径。")
    return library


def _calendar(config: LibraryConfig) -> tuple[tuple[str, ...], tuple[str, ...]]:
    holidays, workdays = default_calendar()
    return (config.holidays if config.holidays is not None else holidays,
            config.extra_workdays if config.extra_workdays is not None else workdays)


def resolved_profile(root: Path, config: LibraryConfig) -> Profile:
    """The profile `config` would check the library's packages under."""
    return _library(root).profile(config)


def change_settings(root: Path, new: LibraryConfig, actor: Actor, at: str | None = None,
                    options: ChangeOptions | None = None) -> list[str]:
    """Store `new` as the library's settings and record the change; the lines of the record.

    Nothing is written when nothing changed (an empty list), except that a library still in
    the old format is upgraded — and that upgrade is recorded too.
    """
    library = _library(root)
    refuse_shipped_demo(library.root)
    require_admin(require_chain(library.root), actor)  # refused before anything is written
    before = library.config()
    migrated = library.needs_migration()
    shipped_profile(new.profile)  # an unknown profile is refused before anything is written
    lines = describe(before, new, library.profile(before), library.profile(new), _calendar(before), _calendar(new))
    if migrated:
        lines.insert(0, "文件库设置升级为新格式（规则方案《国家》，保留原有设置）")
    if not lines:
        return []
    append_signed(library.root, actor, SETTINGS_ACTION, options, settings_hash=content_hash(new.to_dict()),
                  changes=lines, settings=new.to_dict())
    history = library.history()
    event: dict[str, Any] = dict(
        at=at or stamp(), user=actor.name, office=actor.office, action=SETTINGS_ACTION,
        changes=lines, settings_hash=content_hash(new.to_dict()),
    )
    library.write_config(new, make_event(history[-1] if history else None, **event))
    return lines


def signed_settings_hash(config: LibraryConfig) -> str:
    """What a signed settings event records of the settings it leaves in force."""
    return content_hash(config.to_dict())


def settings_history(root: Path) -> list[dict[str, Any]]:
    return _library(root).history()


def history_problems(root: Path) -> list[str]:
    """What does not add up in the settings history: a record changed, removed or reordered,
    or settings edited in library.json outside the studio after the last record."""
    library = _library(root)
    events = library.history()
    problems: list[str] = []
    previous = GENESIS
    for seq, event in enumerate(events, 1):
        if event.get("seq") != seq or event.get("prev") != previous:
            problems.append(f"第{seq}条设置修改记录与前一条不相连（记录被删除、插入或调换）。")
        if event.get("hash") != event_hash(event):
            problems.append(f"第{seq}条设置修改记录（{event.get('at', '?')} {event.get('user', '?')}）的内容被改动过。")
        previous = str(event.get("hash", ""))
    if events and events[-1].get("settings_hash") != content_hash(library.config().to_dict()):
        problems.append("文件库设置在最后一条修改记录之后被改动过（不是通过工作室修改的）。请核对 library.json。")
    return problems


def export_defaults(source: Path) -> tuple[str, str]:
    """(site name, base address) the library of `source` (a package or a library) exports for."""
    folder = Path(source)
    library = Library.of_package(folder) if (folder / "package.json").is_file() else Library(folder)
    try:
        config = library.config()
    except InvalidInput:
        return "", ""  # a damaged library.json is reported by the settings command, not here
    return config.site_name, config.site_base_url
