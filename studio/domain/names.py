"""Member names as the studio compares them: one person, one spelling.

`Alice`, `ＡＬＩＣＥ`, `alice` with a zero-width space and `周 敏` against `周敏` are the same
name once normalised, so separation of duties cannot be passed by retyping a name.
"""

from __future__ import annotations

import unicodedata

from studio.domain.errors import InvalidInput

# Format (Cf) characters include zero-width spaces and joiners, bidi marks and the BOM.
_DROPPED_CATEGORIES = ("Cf", "Cc", "Zs", "Zl", "Zp")


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name or "").casefold()
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in _DROPPED_CATEGORIES)


def checked_name(name: str) -> str:
    """The name as shown (trimmed), refused when nothing visible is left."""
    shown = " ".join((name or "").split())
    if not normalise_name(shown):
        raise InvalidInput("成员姓名不能为空，也不能只由空格或不可见字符组成。")
    return shown


def same_person(a: str, b: str) -> bool:
    return bool(a) and normalise_name(a) == normalise_name(b)
