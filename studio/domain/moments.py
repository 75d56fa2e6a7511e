"""Moments (ISO 8601 stamps with an offset) as a reader expects them: local time, in Chinese order."""

from __future__ import annotations

from datetime import datetime


def readable_moment(stamp: str, *, compact: bool = False) -> str:
    """2026-11-26T11:30:07+00:00 → 2026年11月26日 19:30 (in the computer's own time zone).

    `compact` gives 2026-11-26 19:30 for narrow table columns. A stamp that cannot be read is
    shown as written, never hidden.
    """
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    if compact:
        return moment.strftime("%Y-%m-%d %H:%M")
    return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"
