"""Files the command line writes for the user outside any package (texts beside an image)."""

from __future__ import annotations

from studio.store.atomic_file import atomic_write_text

__all__ = ["atomic_write_text"]
