"""Working days: weekends, public holidays and make-up working days."""

from __future__ import annotations

from datetime import date

from studio.domain.calendar import WorkCalendar
from studio.store.library import default_settings

NATIONAL_DAY = WorkCalendar.from_iso(
    [f"2026-10-0{d}" for d in range(1, 8)], ["2026-09-20", "2026-10-10"])


def test_weekends_are_not_working_days():
    cal = WorkCalendar()
    assert cal.workdays_between(date(2026, 11, 16), date(2026, 11, 22)) == 5


def test_holidays_are_skipped_and_makeup_days_count():
    assert not NATIONAL_DAY.is_workday(date(2026, 10, 5))
    assert NATIONAL_DAY.is_workday(date(2026, 10, 10))  # a Saturday worked in exchange
    assert NATIONAL_DAY.workdays_between(date(2026, 9, 28), date(2026, 10, 12)) == 7


def test_add_workdays_steps_over_holidays():
    assert NATIONAL_DAY.add_workdays(date(2026, 9, 30), 1) == date(2026, 10, 8)


def test_empty_or_reversed_range():
    assert WorkCalendar().workdays_between(date(2026, 1, 2), date(2026, 1, 1)) == 0


def test_bundled_calendar_knows_spring_festival_2026():
    cal = default_settings().calendar()
    assert not cal.is_workday(date(2026, 2, 17))
    assert cal.is_workday(date(2026, 2, 14))  # Saturday make-up day
