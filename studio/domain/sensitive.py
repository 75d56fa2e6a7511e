"""What must never reach a public website: 密级 markings, resident ID numbers, mobile
numbers, and links to files on someone's own computer."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# A run of digits as people type long numbers: groups split by a space, a dash or a dot
# (110105 19491231 002X, 138.1234.5678), maybe ending in the ID's check letter.
_SEP = r"[ \t]?[-.\u2013\u2014\u2010]?[ \t]?"
_DIGIT_RUN = re.compile(rf"\d(?:{_SEP}\d)*(?:{_SEP}[Xx])?")
_SEP_SPLIT = re.compile(r"[ \t\-.\u2013\u2014\u2010]+")
_AMOUNT_AFTER = re.compile(r"\s*[元万亿%]")
# How a mobile number is grouped when it is written in parts.
_MOBILE_GROUPS = {(11,), (3, 4, 4), (3, 8), (7, 4)}
_MOBILE = re.compile(r"(?:86)?(1[3-9]\d{9})")
# Spaces typed inside a marking (机 密★, 内部 资料) do not hide it.
_SPACE_IN_WORDS = re.compile(r"(?<=[\u3400-\u9fff★])\s+(?=[\u3400-\u9fff★\d])")
# 密级 and 保密期限 as GB/T 9704 prints them (机密★1年, 绝密★长期), a 密级 standing alone as
# a line, and the handling notes offices put on internal papers.
_MARKING_STAR = re.compile(r"(?:绝密|机密|秘密)\s*★\s*(?:\d+\s*(?:年|个月)|长期)?|★\s*(?:\d+\s*(?:年|个月)|长期)")
_MARKING_LINE = re.compile(r"^[\s*#>【\[（(]*(?:绝密|机密|秘密|内部资料|内部文件|注意保密|仅供内部参考)"
                           r"[\s*】\]）)★，,。.\d年个月长期]*(?:注意保密|妥善保管|不得外传|请勿外传)?[\s*。.]*$")
_MARKING_WORDS = re.compile(r"内部资料(?!性)|注意保密|内部文件[，,]?\s*(?:请勿|不得)外传|(?:请勿|严禁)外传"
                            r"|仅供内部(?:参考|使用|传阅|阅读|掌握)|内部传阅|内部参阅")
_PATH_END = r"[^\s)>\]，。；\"'“”]*"
_LOCAL_PATH = re.compile(
    rf"(?:file|smb|afp|nfs|cifs):/{{0,3}}{_PATH_END}"
    rf"|(?<![A-Za-z0-9])[A-Za-z]:[\\/]{_PATH_END}"
    rf"|\\\\[A-Za-z0-9._$-]+\\{_PATH_END}"
    rf"|(?<![A-Za-z0-9_.~/\\-])~[\\/]{_PATH_END}"
    rf"|(?<![A-Za-z0-9_.~/\\:-])/(?:home|Users|tmp|mnt|media|root|private|Volumes)/{_PATH_END}",
    re.IGNORECASE)


# Anything that could start one of the above: a text without it needs no closer look.
_SUSPECT = re.compile(r"绝\s*密|机\s*密|秘\s*密|★|内\s*部|保\s*密|外\s*传|\d(?:[ \t]?[-.\u2013\u2014\u2010]?[ \t]?\d){9}"
                      r"|(?:file|smb|afp|nfs|cifs):|[A-Za-z]:[\\/]|\\\\|~[\\/]"
                      r"|/(?:home|Users|tmp|mnt|media|root|private|Volumes)/", re.IGNORECASE)


def normalised(text: str) -> str:
    """Full-width digits, letters and punctuation as their plain forms (NFKC)."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def may_hold_sensitive(text: str) -> bool:
    return bool(_SUSPECT.search(normalised(text)))


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


def _number_runs(text: str) -> Iterator[tuple[list[str], str]]:
    """Each run of digit groups with the text right after it."""
    for m in _DIGIT_RUN.finditer(text):
        yield _SEP_SPLIT.split(m.group(0)), text[m.end():m.end() + 3]


def id_numbers(text: str) -> list[str]:
    found = []
    for groups, _ in _number_runs(normalised(text)):
        for i in range(len(groups)):
            total = 0
            for j in range(i, len(groups)):
                total += len(groups[j])
                if total >= 18:
                    number = "".join(groups[i:j + 1]).upper()
                    if total == 18 and id_number_valid(number):
                        found.append(number)
                    break
    return found


def mobile_numbers(text: str) -> list[str]:
    found = []
    for groups, after in _number_runs(normalised(text)):
        if _AMOUNT_AFTER.match(after):
            continue  # an amount of money or a share, not a phone number
        for i in range(len(groups)):
            for width in (1, 2, 3):
                part = groups[i:i + width]
                if len(part) < width:
                    break
                lengths = tuple(len(g) for g in part)
                if lengths[0] == 13 and width == 1:
                    lengths = (11,)
                    part = [part[0][2:]] if part[0].startswith("86") else part
                if lengths in _MOBILE_GROUPS and (m := _MOBILE.fullmatch("".join(part))):
                    found.append(m.group(1))
    return list(dict.fromkeys(found))


def markings(text: str, *, head: bool = False) -> list[str]:
    """密级 markings and confidentiality notes in a paragraph; `head`: a lone ★ counts too."""
    text = _SPACE_IN_WORDS.sub("", normalised(text))
    if _MARKING_LINE.match(text):
        return [text.strip()]
    found = [m.group(0).strip() for m in _MARKING_STAR.finditer(text)]
    found += [m.group(0) for m in _MARKING_WORDS.finditer(text)]
    if head and "★" in text and not found:
        found.append("★")
    unique = list(dict.fromkeys(found))
    return [f for f in unique if not any(f != g and f in g for g in unique)]


def local_links(text: str) -> list[str]:
    return [m.group(0) for m in _LOCAL_PATH.finditer(normalised(text))]
