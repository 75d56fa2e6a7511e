"""What must never reach a public website: 密级 markings, resident ID numbers, mobile
numbers, and links to files on someone's own computer."""

from __future__ import annotations

import re
from datetime import date

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![\d.])(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?![\d])(?!\s*[元万亿%])")
# 密级 and 保密期限 as GB/T 9704 prints them (机密★1年, 绝密★长期), a 密级 standing alone as
# a line, and the handling notes offices put on internal papers.
_MARKING_STAR = re.compile(r"(?:绝密|机密|秘密)\s*★\s*(?:\d+\s*(?:年|个月)|长期)?|★\s*(?:\d+\s*(?:年|个月)|长期)")
_MARKING_LINE = re.compile(r"^[\s*#>【\[（(]*(?:绝密|机密|秘密|内部资料|内部文件|注意保密)"
                           r"[\s*】\]）)★，,。.\d年个月长期]*(?:注意保密|妥善保管|不得外传|请勿外传)?[\s*。.]*$")
_MARKING_WORDS = re.compile(r"内部资料(?!性)|注意保密|内部文件[，,]?\s*(?:请勿|不得)外传|(?:请勿|严禁)外传")
_LOCAL_PATH = re.compile(
    r"file:/{1,3}[^\s)>\]]*"
    r"|(?<![A-Za-z0-9])[A-Za-z]:[\\/][^\s)>\]，。；]*"
    r"|\\\\[A-Za-z0-9._$-]+\\[^\s)>\]，。；]*"
    r"|(?:(?<=^)|(?<=[\s(（“\"'<\[：:]))/(?:home|Users|tmp|mnt|media|root|private|Volumes)/[^\s)>\]，。；]*")


# Anything that could start one of the above: a text without it needs no closer look.
_SUSPECT = re.compile(r"绝密|机密|秘密|★|内部|保密|外传|\d{17}|(?<![\d.])1[3-9]\d[-\s]?\d{4}|file:|[A-Za-z]:[\\/]|\\\\"
                      r"|/(?:home|Users|tmp|mnt|media|root|private|Volumes)/")


def may_hold_sensitive(text: str) -> bool:
    return bool(_SUSPECT.search(text))


def id_number_valid(number: str) -> bool:
    """18-digit resident ID with a real birth date and a correct check digit (GB 11643)."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not 1900 <= born.year <= 2100:
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def mask(number: str) -> str:
    """Enough of a number to find it, not enough to copy it."""
    digits = re.sub(r"\D", "", number) or number
    return digits[:3] + "*" * max(len(digits) - 7, 3) + digits[-4:]


def id_numbers(text: str) -> list[str]:
    return [m.group(1) for m in _ID.finditer(text) if id_number_valid(m.group(1))]


def mobile_numbers(text: str) -> list[str]:
    return ["".join(m.groups()) for m in _MOBILE.finditer(text)]


def markings(text: str, *, head: bool = False) -> list[str]:
    """密级 markings and confidentiality notes in a paragraph; `head`: a lone ★ counts too."""
    if _MARKING_LINE.match(text):
        return [text.strip()]
    found = [m.group(0).strip() for m in _MARKING_STAR.finditer(text)]
    found += [m.group(0) for m in _MARKING_WORDS.finditer(text)]
    if head and "★" in text and not found:
        found.append("★")
    unique = list(dict.fromkeys(found))
    return [f for f in unique if not any(f != g and f in g for g in unique)]


def local_links(text: str) -> list[str]:
    return [m.group(0) for m in _LOCAL_PATH.finditer(text)]
