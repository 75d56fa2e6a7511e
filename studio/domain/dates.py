"""Dates as offices write them: 2024年3月4日, 二〇二四年三月四日, 2024-03-04."""

from __future__ import annotations

import re
from datetime import date

from studio.domain.numerals import chinese_numeral

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

_ARABIC = re.compile(r"^\s*(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?\s*$")
_CHINESE = re.compile(r"^\s*([〇○零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\s*$")
GBT_DATE = re.compile(r"^(\d{4})年([1-9]\d?)月([1-9]\d?)日$")


def split_date(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of a written date, whether or not they make a real date."""
    text = text.translate(_FULLWIDTH)
    m = _ARABIC.match(text)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    m = _CHINESE.match(text)
    if m:
        year = chinese_numeral(m.group(1))
        month, day = chinese_numeral(m.group(2)), chinese_numeral(m.group(3))
        if year is None or month is None or day is None:
            return None
        return year, month, day
    return None


def parse_date(text: str) -> date | None:
    parts = split_date(text or "")
    if parts is None:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


def gbt_date(d: date) -> str:
    """GB/T 9704 form: full year, no leading zeros."""
    return f"{d.year}年{d.month}月{d.day}日"
