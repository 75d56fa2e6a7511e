"""The package heads a signed library event records, as a reader finds them (see package_heads).

Kept apart from reading package files: the library chain is read at every start of the window,
which must not load the package reader for it.
"""

from __future__ import annotations

from typing import Any

SINCE = "heads_since"


def heads_in_force(events: tuple[dict[str, Any], ...] | list[dict[str, Any]]
                   ) -> list[tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]]:
    """Each library event that records heads, with every package's heads in force after it: what it
    recorded, over (for an event recording only what moved) those in force after the change before."""
    found = []
    in_force: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        heads = recorded_heads(event)
        if heads is None:
            continue
        in_force = {**in_force, **heads} if SINCE in event else heads
        found.append((event, in_force))
    return found


def recorded_heads(event: dict[str, Any]) -> dict[str, list[dict[str, Any]]] | None:
    """Package id → every head a library event recorded for it (None: the event records none)."""
    packages = event.get("packages")
    if not isinstance(packages, dict):
        return None
    heads: dict[str, list[dict[str, Any]]] = {str(k): [v] for k, v in packages.items() if isinstance(v, dict)}
    for extra in event.get("more_heads") or ():
        if isinstance(extra, dict):
            heads.setdefault(str(extra.get("id", "")), []).append(extra)
    return heads


def unread_folders(event: dict[str, Any]) -> frozenset[str]:
    unread = event.get("unread")
    return frozenset(str(x) for x in unread) if isinstance(unread, list) else frozenset()
