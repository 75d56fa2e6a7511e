"""Whether a library has a roster, answered from its chain file alone.

The window asks this before it is built (a library with a roster signs members in; one without
asks the user's name), so it must not load the roster's signing and key store.
"""

from __future__ import annotations

from pathlib import Path

from studio.store.library_chain import read_chain


def has_roster(root: Path) -> bool:
    return read_chain(root).exists
