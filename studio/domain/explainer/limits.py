"""How much text each fixed-size box of the explainer holds.

Lengths are counted in character widths: a Chinese character or full-width mark counts
1, a Latin letter, digit or half-width mark counts 0.5 (the fonts draw them about half as
wide). The limits are set so the text fits its box at the narrow 750 px width.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass


def text_width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in ("W", "F") else 0.5 for c in text)


def shown_length(text: str) -> int:
    """The width as a whole number of characters, for messages."""
    return math.ceil(text_width(text))


@dataclass(frozen=True)
class Limit:
    limit: float
    box: str  # the box, as the message names it


TITLE = Limit(48, "标题区")
SUBTITLE = Limit(64, "副标题区")
HEADING = Limit(16, "小标题栏")
FIGURE_VALUE = Limit(4, "数字卡片的数值")  # digits count 0.5: up to 8 digits
FIGURE_UNIT = Limit(5, "数字卡片的单位")
FIGURE_LABEL = Limit(26, "数字卡片的说明")
CHART_LABEL = {
    "bar": Limit(10, "柱状图的分类标签"),
    "barh": Limit(24, "条形图的分类标签"),
    "pie": Limit(14, "饼图的图例"),
    "line": Limit(8, "折线图的横轴标签"),
}
CHART_CAPTION = Limit(24, "图表的单位说明")
TIMELINE_DATE = Limit(12, "时间节点的日期栏")
AUDIENCE_WHO = Limit(24, "适用对象的名称栏")
CONTACT_ORG = Limit(32, "咨询单位栏")
CONTACT_PHONE = Limit(24, "咨询电话栏")

# More entries than these crowd a chart past reading.
CHART_MAX_ROWS = {"bar": 10, "barh": 12, "pie": 8, "line": 12}
