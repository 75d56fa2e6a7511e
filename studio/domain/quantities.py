"""Amounts, percentages, time limits and dates stated in a text, with the words around
them, so that a figure in an interpretation can be set beside the policy's figure for
the same thing.

Values are read with the explainer's number reader (30万元 = 300000元, full-width
digits, Chinese numerals); this module adds where each figure stands and what it counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from studio.domain.explainer.numbers import (
    MAGNITUDES,
    Shown,
    Tokens,
    chinese_numeral,
    corpus_tokens,
    date_keys,
    matches,
    normalise,
    shown_numbers,
)

# Units a policy sets standards in, grouped so 个工作日 and 工作日 compare.
UNITS = {
    "元": "元", "%": "%", "个百分点": "个百分点",
    "个工作日": "工作日", "工作日": "工作日", "个月": "月", "周岁": "岁", "岁": "岁",
    "年": "年", "日": "日", "天": "日", "小时": "小时",
    "人": "人", "名": "人", "家": "家", "项": "项", "户": "户", "所": "所", "套": "套", "次": "次",
    "平方米": "平方米", "亩": "亩", "公里": "公里", "吨": "吨", "倍": "倍",
}
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_ARABIC = re.compile(rf"(?<![\d.])(\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(万亿|亿|万|千)?\s*({_UNIT})")
# Chinese numerals only where they state money or a time limit: 两万亿元, 三十日内.
_CHINESE = re.compile(r"([零〇一二两三四五六七八九十百千]+)\s*(万亿|亿|万)?\s*"
                      r"(元|个工作日(?=内|以内)|工作日(?=内|以内)|日(?=内|以内)|天(?=内|以内)|个月(?=内|以内))")
_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
# A date counts when it starts, ends or limits something.
_DATE_BEFORE = re.compile(r"(?:自|于|从|截至|截止|到|至|在)\s*$")
_DATE_AFTER = re.compile(r"^\s*(?:起|前|止|之前|以前|后|开始|施行|实施|截止|为止|届满)")
_BLANKED = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（【]\d{4}[〕\]］)）】]\s*第?\s*\d+\s*号"  # 发文字号
                      r"|第\s*\d+\s*[条章款项批号]"  # ordinals
                      r"|(?<!\d)\d{4}\s*年(?!\s*\d{1,2}\s*月)"  # a year alone
                      r"|\d{4}\s*[-—–~至到]\s*\d{4}\s*年"  # 2024—2030年
                      # a web page's counter, copied with the text: 浏览次数：856次, 856次浏览
                      r"|(?:浏览|阅读|点击|访问|查看)(?:次数|数|量)?\s*[:：]?\s*\d+\s*次?"
                      r"|\d+\s*次(?:浏览|阅读|点击|访问)")
_AFTER_SENTENCE_END = re.compile(r"([^。；！？;!?\n]*)$")
_BEFORE_SENTENCE_END = re.compile(r"([^。；！？;!?\n]*)")
_AFTER_CLAUSE_END = re.compile(r"([^,.;:!?、。\n（(]*)$")
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")
_ANY_NUMBER = re.compile(r"[\d０-９零〇一二两三四五六七八九十百千]")
CONTEXT = 10


@dataclass(frozen=True)
class Figure:
    text: str  # as written: "500元", "30万元", "2026年4月1日"
    unit: str  # unit group ("元", "工作日", …) or "date"
    shown: Shown  # values for matching
    before: str  # words leading up to it in the same sentence
    after: str
    clause: str = ""  # the clause it closes, for messages: "每人每月500元"

    @property
    def context(self) -> str:
        return self.before + self.after


def _spaces(m: re.Match) -> str:
    return " " * (m.end() - m.start())


def _run(m: re.Match[str] | None) -> str:
    """The run a starred class matched: such a pattern matches every string, if only emptily."""
    assert m is not None
    return m.group(1)


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    left = _run(_AFTER_SENTENCE_END.search(text[max(0, start - CONTEXT * 2):start]))
    right = _run(_BEFORE_SENTENCE_END.match(text[end:end + CONTEXT]))
    return _NOT_HAN.sub("", left)[-CONTEXT:], _NOT_HAN.sub("", right)[:6]


def _clause(text: str, start: int, end: int) -> str:
    left = _run(_AFTER_CLAUSE_END.search(text[max(0, start - 16):start]))
    return left.strip() + text[start:end].replace(" ", "")


def _figure(text: str, m: re.Match, unit: str, shown: Shown) -> Figure:
    b, a = _context(text, m.start(), m.end())
    return Figure(m.group(0).replace(" ", ""), unit, shown, b, a, _clause(text, m.start(), m.end()))


def figures(raw: str) -> list[Figure]:
    """Figures in `raw` in order of appearance."""
    if not _ANY_NUMBER.search(raw):
        return []
    text = normalise(raw)
    found: list[tuple[int, Figure]] = []
    for m in _DATE.finditer(text):
        before, after = text[max(0, m.start() - 4):m.start()], text[m.end():m.end() + 6]
        if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
            if m.group(5):
                keys = date_keys(m.group(4), m.group(5), None)
            else:
                keys = date_keys(m.group(1), m.group(2), m.group(3))
            found.append((m.start(), _figure(text, m, "date", Shown(m.group(0), dates=frozenset(keys)))))
    # Blanked in one pass each: copying the text once per match made long texts quadratic.
    text = _DATE.sub(_spaces, text)
    text = _BLANKED.sub(_spaces, text)
    for m in _ARABIC.finditer(text):
        shown = shown_numbers(m.group(0))
        if not shown:
            continue
        found.append((m.start(), _figure(text, m, UNITS[m.group(3)], shown[0])))
    for m in _CHINESE.finditer(text):
        value = chinese_numeral(m.group(1))
        if value is None or value == 0:
            continue
        values = {Decimal(value)}
        if m.group(2):
            values.add(Decimal(value) * MAGNITUDES[m.group(2)])
        unit = UNITS.get(m.group(3), "元")
        found.append((m.start(), _figure(text, m, unit, Shown(m.group(0), values=frozenset(values)))))
    return [f for _, f in sorted(found, key=lambda x: x[0])]


def stated_in(figure: Figure, tokens: Tokens) -> bool:
    return matches(figure.shown, tokens)


def source_tokens(texts: list[str]) -> Tokens:
    return corpus_tokens(texts)


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def likeness(a: Figure, b: Figure) -> int:
    """How many two-character words the figures' surroundings share."""
    return len(_bigrams(a.before) & _bigrams(b.before)) * 2 + len(_bigrams(a.after) & _bigrams(b.after))


def counterpart(figure: Figure, candidates: list[Figure], minimum: int = 4) -> Figure | None:
    """The policy's figure for the same thing: same unit, similar words around it."""
    best, score = None, minimum - 1
    for c in candidates:
        if c.unit != figure.unit:
            continue
        s = likeness(figure, c)
        if s > score:
            best, score = c, s
    return best
