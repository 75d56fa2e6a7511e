"""Traditional characters read as simplified, so a title written in either is the same title.

Pages reposted from Hong Kong, Taiwan or converted mirrors cite 《關於…的指導意見》 for
《关于…的指导意见》. Conversion is by OpenCC's phrase and character tables (t2s); text with
no traditional character is returned as it is without running the converter.
"""

from __future__ import annotations

from functools import lru_cache

from opencc import OpenCC
from opencc import __file__ as _opencc_file


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional() -> frozenset[str]:
    """Characters OpenCC converts to something else: the marks of a traditional text."""
    from pathlib import Path

    table = Path(_opencc_file).parent / "dictionary" / "TSCharacters.txt"
    chars: set[str] = set()
    for line in table.read_text("utf-8").splitlines():
        key, _, values = line.partition("\t")
        if len(key) == 1 and values.split(" ")[0] != key:
            chars.add(key)
    return frozenset(chars)


def has_traditional(text: str) -> bool:
    return not _traditional().isdisjoint(text)


def simplified(text: str) -> str:
    if not text or not has_traditional(text):
        return text
    return str(_converter().convert(text))
