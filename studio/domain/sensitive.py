"""What must never reach a public website: 密级 markings, resident ID numbers, mobile
numbers, and links to files on someone's own computer."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
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


# What could start a marking, a long number or a path: a paragraph without it needs no closer look.
_MARK_SUSPECT = re.compile(r"绝\s*密|机\s*密|秘\s*密|★|内\s*部|保\s*密|外\s*传|仅\s*供")
_NUMBER_SUSPECT = re.compile(r"\d(?:[ \t]?[-.\u2013\u2014\u2010]?[ \t]?\d){9}")
_PATH_SUSPECT = re.compile(r"(?:file|smb|afp|nfs|cifs):|[A-Za-z]:[\\/]|\\\\|~[\\/]"
                           r"|/(?:home|Users|tmp|mnt|media|root|private|Volumes)/", re.IGNORECASE)
_SUSPECT = re.compile(r"绝\s*密|机\s*密|秘\s*密|★|内\s*部|保\s*密|外\s*传|\d(?:[ \t]?[-.\u2013\u2014\u2010]?[ \t]?\d){9}"
                      r"|(?:file|smb|afp|nfs|cifs):|[A-Za-z]:[\\/]|\\\\|~[\\/]"
                      r"|/(?:home|Users|tmp|mnt|media|root|private|Volumes)/", re.IGNORECASE)


# Characters NFKC turns into the digits, letters, spaces and marks the patterns look for:
# full-width forms, odd spaces, super/subscripts, Roman numerals, circled and
# parenthesised digits, mathematical letters and digits.
_COMPATIBLE = re.compile("[\u00a0\u00b2\u00b3\u00b9\u2000-\u200a\u2024\u2070-\u209f\u2150-\u218f\u2460-\u24ff"
                         "\u2776-\u2793\u3000\u3251-\u325f\u32b1-\u32bf\ufe50-\ufe6b"
                         # full-width forms but the everyday Chinese punctuation ！（），：；？
                         "\uff02-\uff07\uff0a\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uff5e"
                         "\U0001d400-\U0001d7ff\U0001f100-\U0001f10c]"
                         "|[A-Za-z]：")  # a drive letter with a full-width colon


def normalised(text: str) -> str:
    """Full-width digits, letters and punctuation as their plain forms (NFKC).

    Chinese prose is nearly all characters NFKC leaves as they are (or changes in ways
    no pattern here depends on, such as ， to ,): only text holding one of the forms
    above is normalised, which keeps the release check fast on very long documents.
    """
    if text.isascii() or not _COMPATIBLE.search(text):
        return text
    return unicodedata.normalize("NFKC", text)


@dataclass(frozen=True)
class Hits:
    markings: list[str]
    id_numbers: list[str]
    mobile_numbers: list[str]
    local_links: list[str]


# On text not yet normalised: \d takes full-width digits too, \s the ideographic space.
_RAW_SUSPECT = re.compile(r"绝\s*密|机\s*密|秘\s*密|★|内\s*部|保\s*密|外\s*传|仅\s*供|[/／\\＼]"
                          r"|\d(?:\s?[-.\u2013\u2014\u2010\uff0d\uff0e]?\s?\d){9}")
_NOTHING = Hits([], [], [], [])


def scan(text: str, *, head: bool = False, phones_allowed: bool = False) -> Hits:
    """Everything release safety looks for in one paragraph, normalised once."""
    if not _RAW_SUSPECT.search(text):
        return _NOTHING  # most paragraphs: nothing to normalise or look into
    text = normalised(text)
    marks = _markings(text, head) if _MARK_SUSPECT.search(text) else []
    ids: list[str] = []
    phones: list[str] = []
    if _NUMBER_SUSPECT.search(text):
        runs = list(_number_runs(text))
        ids = _id_numbers(runs)
        phones = [] if phones_allowed else _mobile_numbers(runs)
    links = _local_links(text) if _PATH_SUSPECT.search(text) else []
    return Hits(marks, ids, phones, links)


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
    """Each run of digit groups long enough to be a phone or ID number, with the text after it."""
    for m in _DIGIT_RUN.finditer(text):
        if m.end() - m.start() >= 11:
            yield _SEP_SPLIT.split(m.group(0)), text[m.end():m.end() + 3]


def id_numbers(text: str) -> list[str]:
    return _id_numbers(list(_number_runs(normalised(text))))


def mobile_numbers(text: str) -> list[str]:
    return _mobile_numbers(list(_number_runs(normalised(text))))


def markings(text: str, *, head: bool = False) -> list[str]:
    """密级 markings and confidentiality notes in a paragraph; `head`: a lone ★ counts too."""
    return _markings(normalised(text), head)


def local_links(text: str) -> list[str]:
    return _local_links(normalised(text))


Runs = list[tuple[list[str], str]]


def _id_numbers(runs: Runs) -> list[str]:
    found = []
    for groups, _ in runs:
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


def _mobile_numbers(runs: Runs) -> list[str]:
    found = []
    for groups, after in runs:
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


def _markings(text: str, head: bool) -> list[str]:
    text = _SPACE_IN_WORDS.sub("", text)
    if _MARKING_LINE.match(text):
        return [text.strip()]
    found = [m.group(0).strip() for m in _MARKING_STAR.finditer(text)]
    found += [m.group(0) for m in _MARKING_WORDS.finditer(text)]
    if head and "★" in text and not found:
        found.append("★")
    unique = list(dict.fromkeys(found))
    return [f for f in unique if not any(f != g and f in g for g in unique)]


def _local_links(text: str) -> list[str]:
    return [m.group(0) for m in _LOCAL_PATH.finditer(text)]
