"""The one way a library's rule settings change: an administrator's signed, recorded event.

The settings decide what the rules and the workflow allow (who may review, time limits,
required pieces), so relaxing one is as much on record as an approval is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.domain.hashing import content_hash
from studio.domain.settings import RuleSettings
from studio.service.actor import Actor
from studio.service.library_chain_events import append_signed
from studio.store.library import Library, default_settings

SETTINGS_EVENT = "settings"


def stored_form(settings: RuleSettings) -> dict[str, Any]:
    """What library.json holds: the values that differ from the defaults."""
    defaults = default_settings().to_dict()
    return {k: v for k, v in settings.to_dict().items() if defaults.get(k) != v}


def settings_hash(raw: dict[str, Any]) -> str:
    return content_hash(raw)


def current(root: Path) -> RuleSettings:
    return Library(root).settings()


def change_settings(root: Path, admin: Actor, settings: RuleSettings, reason: str = "") -> list[str]:
    """Record and sign the change, then write library.json; returns the keys that changed."""
    library = Library(root)
    before = library.settings().to_dict()
    after = settings.to_dict()
    changed = [k for k in after if before.get(k) != after[k]]
    if not changed:
        return []
    raw = stored_form(settings)
    append_signed(Path(root), admin, SETTINGS_EVENT, settings_hash=settings_hash(raw),
                  changes={k: [before.get(k), after[k]] for k in changed}, comment=reason.strip())
    library.save_settings(settings)
    return changed
