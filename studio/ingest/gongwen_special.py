"""Layouts beyond the plain GB/T 9704 head: the 令 (order) head, reports delivered at a
meeting, and the way a 发文字号 written with square brackets is flagged."""

from __future__ import annotations

import re
from collections.abc import Sequence

from studio.ingest.gongwen_layout import compact, could_be_title_line, date_in, is_doc_number, is_organ

# 中华人民共和国国务院令 / 第706号 (on one line or two)
_ORDER_HEAD = re.compile(r"^(?:中华人民共和国)?([\u4e00-\u9fff]{2,20}?)令$")
_ORDER_NUMBER = re.compile(r"^第\s*([0-9一二三四五六七八九十百〇零]+)\s*号$")
_ORDER_ON_ONE_LINE = re.compile(r"^(?:中华人民共和国)?([\u4e00-\u9fff]{2,20}?)令\s*第\s*([0-9]+)\s*号$")
_PROMULGATED = re.compile(r"《([^《》]{4,80})》(?:已经|业经|已于)")
# "——2025年1月19日在重庆市第六届人民代表大会第三次会议上", also without the dash, with more
# dashes, or with the speaker before 在 ("2025年1月15日龚正市长在…会议的政府工作报告"): the date a
# report or speech was given.
_DELIVERED = re.compile(r"^[—\-－─]*\s*(.{8,16}?日)\s*[\u4e00-\u9fff·]{0,12}?在.{2,60}?(?:会议|大会)(?:上|的)")
_GOVERNMENT_REPORT = re.compile(r"^(?:\d{4}年)?(?:[（(]?\d{4}年[）)]?)?(.{2,20}?)(?:人民)?政府工作报告$")
# Autonomous regions go by their short names in report titles ("2025年宁夏政府工作报告").
_REGION_NAMES = {"内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
                 "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区"}
_SQUARE = re.compile(r"[\[\]［］【】]")


def order_number(head: Sequence[tuple[int, str]]) -> tuple[int, str, str] | None:
    """(line, 发文字号, organ) of a 令 head: 国务院令 -> 国令第706号, organ 国务院."""
    for i, (n, line) in enumerate(head):
        s = compact(line)
        one = _ORDER_ON_ONE_LINE.match(s)
        if one:
            name, number = one.group(1), one.group(2)
        else:
            m = _ORDER_HEAD.match(s)
            following = compact(head[i + 1][1]) if i + 1 < len(head) else ""
            num = _ORDER_NUMBER.match(following)
            if not m or not num:
                continue
            name, number = m.group(1), num.group(1)
        short = "国" if name == "国务院" else name
        return n, f"{short}令第{number}号", name
    return None


def order_title(lines: Sequence[str]) -> str:
    """The rule a 令 promulgates: 《X》已经…通过，现予公布."""
    for line in lines[:8]:
        m = _PROMULGATED.search(line)
        if m:
            return m.group(1)
    return ""


def delivered_date(head: Sequence[tuple[int, str]]) -> tuple[int, str] | None:
    for n, line in head:
        m = _DELIVERED.match(line.strip())
        if m and date_in(m.group(1)):
            return n, date_in(m.group(1))
    return None


def report_organ(title: str) -> str:
    """The government whose 政府工作报告 this is: 2025年重庆市政府工作报告 -> 重庆市人民政府."""
    m = _GOVERNMENT_REPORT.match(compact(title))
    return f"{_REGION_NAMES.get(m.group(1), m.group(1))}人民政府" if m else ""


def square_bracket_note(number: str) -> str:
    if not _SQUARE.search(number):
        return ""
    return (f"发文字号“{number}”按原文保留了方括号；GB/T 9704 规定年份用六角括号“〔〕”，"
            "请核对原件后决定是否改正。")


def announcement_head(title: str, below: Sequence[str]) -> bool:
    """"XX人民政府公告" with a title-like line under it (after its number): the 公告's head, and
    the line below may be its title."""
    m = re.fullmatch(r"(.{2,30})(?:公告|通告)", title)
    return bool(m and is_organ(m.group(1)) and
                any(could_be_title_line(line) and not is_doc_number(line) for line in below[:3]))
