"""Chinese numerals as offices write them: 十八, 一百二十, 两万, and digit by digit 二〇二六."""

from __future__ import annotations

# ○ and Ｏ stand in for 〇 in typed dates (二○二四年).
CN_DIGITS = {"〇": 0, "○": 0, "Ｏ": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_numeral(text: str) -> int | None:
    """十八 -> 18, 一百二十 -> 120, 两万 -> 20000, 二〇二六 -> 2026; None if not a number."""
    if not text or any(c not in CN_DIGITS and c not in CN_UNITS and c not in "万亿" for c in text):
        return None
    if all(c in CN_DIGITS for c in text):
        return int("".join(str(CN_DIGITS[c]) for c in text))
    if not any(c in CN_DIGITS or c == "十" for c in text):
        return None  # 千方百计, 万一: a unit word on its own is not a number
    yi_groups, wan_group, section, digit = 0, 0, 0, None
    for c in text:
        if c in CN_DIGITS:
            digit = CN_DIGITS[c]
        elif c in CN_UNITS:
            section += (1 if digit is None else digit) * CN_UNITS[c]
            digit = None
        elif c == "万":
            wan_group += (section + (digit or 0)) * 10_000
            section, digit = 0, None
        else:  # 亿
            yi_groups += (wan_group + section + (digit or 0)) * 100_000_000
            wan_group, section, digit = 0, 0, None
    return yi_groups + wan_group + section + (digit or 0)
