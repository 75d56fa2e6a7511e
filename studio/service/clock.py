"""The studio's one clock: every recorded time and release date comes from here.

No command can set a time; tests replace the clock with `use_clock`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime


def _system() -> datetime:
    return datetime.now().astimezone()


_source: Callable[[], datetime] = _system


def now() -> datetime:
    return _source()


def stamp(moment: datetime | None = None) -> str:
    return (moment or now()).isoformat(timespec="seconds")


@contextmanager
def use_clock(source: Callable[[], datetime]) -> Iterator[None]:
    """Stand a fixed or stepping clock in for the system one (tests, the demo build)."""
    global _source
    previous, _source = _source, source
    try:
        yield
    finally:
        _source = previous
