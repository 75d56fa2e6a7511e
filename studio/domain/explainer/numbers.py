"""Numbers and dates as Chinese documents write them, reduced to comparable values.

"30万元", "300000元" and "３０万元" all carry the value 300000; "2026年12月1日" and
"2026-12-01" are the same date. Chinese numerals in running text (十八条, 三年) count too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from studio.domain.numerals import chinese_numeral

MAGNITUDES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(1000)}

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_MAGNITUDE_AFTER = re.compile(r"\s*(万亿|亿|万|千)")
_FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
# A document number such as 明政办发〔2023〕18号 is one token, not the numbers 2023 and 18.
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（【]\d{4}[〕\]］)）】]\s*第?\s*\d+\s*号")
_CN_NUMERAL = re.compile(r"[〇零一二两三四五六七八九十百千万亿]+")


def normalise(text: str) -> str:
    """Full-width digits and marks to their ASCII forms (１５００ -> 1500, ％ -> %)."""
    return unicodedata.normalize("NFKC", text)


def _decimal(digits: str) -> Decimal | None:
    try:
        return Decimal(digits.replace(",", "")).normalize()
    except InvalidOperation:
        return None


def date_key(year: str | None, month: str | None, day: str | None) -> str:
    """A date as written, no more and no less precise: 2026-4-1, 2026-4 or --4-1."""
    y, m, d = (str(int(v)) if v else "" for v in (year, month, day))
    if y and m and d:
        return f"{y}-{m}-{d}"
    return f"{y}-{m}" if y else f"--{m}-{d}"


def date_keys(year: str | None, month: str | None, day: str | None) -> set[str]:
    """A date in a text, and the partial dates it also attests (2026年4月1日 attests 4月1日)."""
    keys = {date_key(year, month, day)}
    if year and month and day:
        keys |= {date_key(year, month, None), date_key(None, month, day)}
    return keys


@dataclass
class Tokens:
    """The numbers, dates and document numbers found in a text."""

    values: set[Decimal] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    doc_numbers: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Shown:
    """One number as the explainer shows it, with the values it may stand for."""

    text: str
    values: frozenset[Decimal] = frozenset()
    dates: frozenset[str] = frozenset()
    doc_number: str = ""


def _blank(text: str, match: re.Match) -> str:
    return text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():]


def _scaled(value: Decimal, after: str) -> set[Decimal]:
    m = _MAGNITUDE_AFTER.match(after)
    values = {value}
    if m:
        values.add((value * MAGNITUDES[m.group(1)]).normalize())
    return values


def shown_numbers(text: str, magnitude: str = "") -> list[Shown]:
    """The numbers a text shows, each as its own token; `magnitude` (万…) scales them all."""
    text = normalise(text)
    shown: list[Shown] = []
    for m in _DOC_NUMBER.finditer(text):
        shown.append(Shown(m.group(0), doc_number=re.sub(r"\s+", "", m.group(0))))
        text = _blank(text, m)
    for pattern, parts in ((_FULL_DATE, (1, 2, 3)), (_ISO_DATE, (1, 2, 3)),
                           (_YEAR_MONTH, (1, 2, None)), (_MONTH_DAY, (None, 1, 2))):
        for m in pattern.finditer(text):
            y, mo, d = (m.group(i) if i else None for i in parts)
            shown.append(Shown(m.group(0), dates=frozenset({date_key(y, mo, d)})))
            text = _blank(text, m)
    for m in _NUMBER.finditer(text):
        value = _decimal(m.group(0))
        if value is None:
            continue
        values = _scaled(value, text[m.end():])
        if magnitude in MAGNITUDES:
            values.add((value * MAGNITUDES[magnitude]).normalize())
        shown.append(Shown(m.group(0), values=frozenset(values)))
    return shown


def corpus_tokens(texts: list[str]) -> Tokens:
    """Everything a number in the explainer may be matched against."""
    tokens = Tokens()
    for raw in texts:
        text = normalise(raw)
        for m in _DOC_NUMBER.finditer(text):
            tokens.doc_numbers.add(re.sub(r"\s+", "", m.group(0)))
        for m in _FULL_DATE.finditer(text):
            tokens.dates |= date_keys(*m.groups())
        for m in _ISO_DATE.finditer(text):
            tokens.dates |= date_keys(*m.groups())
        for m in _YEAR_MONTH.finditer(text):
            tokens.dates |= date_keys(m.group(1), m.group(2), None)
        for m in _MONTH_DAY.finditer(text):
            tokens.dates |= date_keys(None, m.group(1), m.group(2))
        for m in _NUMBER.finditer(text):
            value = _decimal(m.group(0))
            if value is not None:
                tokens.values |= _scaled(value, text[m.end():])
        for m in _CN_NUMERAL.finditer(text):
            number = chinese_numeral(m.group(0))
            if number is not None:
                tokens.values |= _scaled(Decimal(number), text[m.end():])
    return tokens


def matches(shown: Shown, corpus: Tokens) -> bool:
    if shown.doc_number:
        return shown.doc_number in corpus.doc_numbers
    if shown.dates:
        return bool(shown.dates & corpus.dates)
    return bool(shown.values & corpus.values)


def magnitude_of(unit: str) -> str:
    """"万元/户" -> "万": the scale a unit puts on the number before it."""
    unit = unit.strip()
    for word in MAGNITUDES:
        if unit.startswith(word):
            return word
    return ""
