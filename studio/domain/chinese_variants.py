"""Traditional characters read as Simplified when titles, link-backs and names are compared:
a policy reposted in 繁體 (Hong Kong, Macao, Taiwan editions, old archives) still matches.

The conversion is OpenCC's t2s table (opencc-python-reimplemented). Text that GB2312 can
encode holds no Traditional forms, so it is returned as it is without running the
converter: the common case costs one C-level encode.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC  # loaded on first Traditional text only

    return OpenCC("t2s")


def _plainly_simplified(text: str) -> bool:
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=4096)
def _converted(text: str) -> str:
    return _converter().convert(text)


def simplified(text: str) -> str:
    """`text` with Traditional characters replaced by their Simplified forms."""
    if not text or _plainly_simplified(text):
        return text
    return _converted(text) if len(text) <= 2000 else _converter().convert(text)
