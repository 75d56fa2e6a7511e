"""Working days: weekends and public holidays off, make-up working days (调休) on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date] = frozenset()
    # Weekend days that are working days because of holiday shifts (调休上班).
    extra_workdays: frozenset[date] = frozenset()

    @classmethod
    def from_iso(cls, holidays: list[str], workdays: list[str]) -> WorkCalendar:
        return cls(
            frozenset(date.fromisoformat(d) for d in holidays),
            frozenset(date.fromisoformat(d) for d in workdays),
        )

    def is_workday(self, d: date) -> bool:
        if d in self.extra_workdays:
            return True
        if d in self.holidays:
            return False
        return d.weekday() < 5

    def workdays_between(self, start: date, end: date) -> int:
        """Working days from start to end, both included (a consultation period)."""
        if end < start:
            return 0
        return sum(1 for i in range((end - start).days + 1) if self.is_workday(start + timedelta(days=i)))

    def add_workdays(self, start: date, n: int) -> date:
        """The n-th working day after start (start itself not counted)."""
        d = start
        counted = 0
        while counted < n:
            d += timedelta(days=1)
            if self.is_workday(d):
                counted += 1
        return d
