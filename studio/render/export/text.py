"""Text helpers for published pages: cleaning stored values, dates, summaries."""

from __future__ import annotations

from typing import Any

from studio.domain.dates import gbt_date, parse_date
from studio.render.markdown import clean_text

SUMMARY_LENGTH = 120


def clean_data(value: Any) -> Any:
    """Every string inside a stored structure made safe for HTML and XML."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k)): clean_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_data(v) for v in value]
    return value


def iso_date(text: str) -> str:
    """2026年11月19日 or 2026-11-19 → 2026-11-19; '' when it is not a date."""
    d = parse_date(text or "")
    return d.isoformat() if d else ""


def display_date(text: str) -> str:
    """Any stored date as offices print it (GB/T 9704): 2026年11月19日."""
    d = parse_date(text or "")
    return gbt_date(d) if d else (text or "")


def summary(plain: str, length: int = SUMMARY_LENGTH) -> str:
    """The opening words of a text, on one line, for descriptions and feeds."""
    one_line = " ".join(plain.split())
    if len(one_line) <= length:
        return one_line
    return one_line[: length - 1].rstrip() + "…"
