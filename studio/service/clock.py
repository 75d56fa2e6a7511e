"""The one clock every event and release date is read from.

Commands never take a date for what they record; a test or the demo-library build
installs another clock with `use`.
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
def use(source: Callable[[], datetime]) -> Iterator[None]:
    """Read time from `source` inside the block (tests, the demo build)."""
    global _source
    previous, _source = _source, source
    try:
        yield
    finally:
        _source = previous
