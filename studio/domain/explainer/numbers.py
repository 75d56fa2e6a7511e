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
# Each number with the magnitude written right after it, if any (30万 → 30 and 300000).
_WITH_MAGNITUDE = {p: re.compile(f"({p.pattern})(?:{_MAGNITUDE_AFTER.pattern})?") for p in (_NUMBER, _CN_NUMERAL)}


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


def _chinese_decimal(written: str) -> Decimal | None:
    value = chinese_numeral(written)
    return None if value is None else Decimal(value)


def _spaces(match: re.Match) -> str:
    return " " * (match.end() - match.start())


def _scaled(value: Decimal, text: str, pos: int) -> set[Decimal]:
    """The value, and the value times the magnitude written right after it at `pos` (30万).

    The text is matched in place: copying what follows each number made long texts quadratic.
    """
    m = _MAGNITUDE_AFTER.match(text, pos)
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
    text = _DOC_NUMBER.sub(_spaces, text)
    for pattern, parts in ((_FULL_DATE, (1, 2, 3)), (_ISO_DATE, (1, 2, 3)),
                           (_YEAR_MONTH, (1, 2, None)), (_MONTH_DAY, (None, 1, 2))):
        for m in pattern.finditer(text):
            y, mo, d = (m.group(i) if i else None for i in parts)
            shown.append(Shown(m.group(0), dates=frozenset({date_key(y, mo, d)})))
        text = pattern.sub(_spaces, text)  # blanked at once: one copy of the text, not one per date
    for m in _NUMBER.finditer(text):
        value = _decimal(m.group(0))
        if value is None:
            continue
        values = _scaled(value, text, m.end())
        if magnitude in MAGNITUDES:
            values.add((value * MAGNITUDES[magnitude]).normalize())
        shown.append(Shown(m.group(0), values=frozenset(values)))
    return shown


def corpus_tokens(texts: list[str]) -> Tokens:
    """Everything a number in the explainer may be matched against.

    One pass per pattern, each value read once however often it is written: the cost
    grows with the text, never with the text times its numbers.
    """
    tokens = Tokens()
    for raw in texts:
        text = normalise(raw)
        tokens.doc_numbers.update(re.sub(r"\s+", "", m.group(0)) for m in _DOC_NUMBER.finditer(text))
        for groups in set(_FULL_DATE.findall(text)) | set(_ISO_DATE.findall(text)):
            tokens.dates |= date_keys(*groups)
        for year, month in set(_YEAR_MONTH.findall(text)):
            tokens.dates |= date_keys(year, month, None)
        for month, day in set(_MONTH_DAY.findall(text)):
            tokens.dates |= date_keys(None, month, day)
        for pattern, read in ((_NUMBER, _decimal), (_CN_NUMERAL, _chinese_decimal)):
            for written, magnitude in set(_WITH_MAGNITUDE[pattern].findall(text)):
                value = read(written)
                if value is not None:
                    tokens.values.add(value)
                    if magnitude:
                        tokens.values.add((value * MAGNITUDES[magnitude]).normalize())
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
