"""Solar Hijri calendar arithmetic across Nowruz and leap years (the words of each
language's calendar are tested with its pack: tests/lang/test_persian_script_dates.py)."""

from datetime import date

import pytest

from geomap.rules.calendar import Calendar, gregorian_to_solar, solar_to_gregorian


@pytest.mark.parametrize(("solar", "gregorian"), [
    ((1399, 12, 30), date(2021, 3, 20)),   # 1399 is a leap year: Hut has 30 days
    ((1400, 1, 1), date(2021, 3, 21)),     # Nowruz 1400
    ((1400, 12, 29), date(2022, 3, 20)),   # 1400 is not: its last day is the 29th
    ((1401, 1, 1), date(2022, 3, 21)),
    ((1403, 12, 30), date(2025, 3, 20)),   # 1403, leap
    ((1404, 1, 1), date(2025, 3, 21)),
    ((1402, 12, 29), date(2024, 3, 19)),
    ((1403, 1, 1), date(2024, 3, 20)),     # Nowruz 1403 falls on 20 March (2024 is leap)
])
def test_conversion_both_ways(solar, gregorian):
    assert solar_to_gregorian(*solar) == gregorian
    assert gregorian_to_solar(gregorian) == solar


@pytest.mark.parametrize("solar", [(1400, 12, 30), (1400, 13, 1), (1400, 7, 31), (1400, 1, 0)])
def test_no_such_day(solar):
    assert solar_to_gregorian(*solar) is None


def test_a_calendar_refuses_an_unknown_kind():
    with pytest.raises(ValueError, match="unknown kind"):
        Calendar([("حمل", "lunar_month", "1")])


def test_a_month_counts_only_beside_its_day():
    calendar = Calendar([("حمل", "solar_month", "1"), ("جدی", "solar_month", "10")])
    assert calendar.find_dates("در ماه حمل، او جدی گفت", date(2021, 5, 4)) == []
    assert [d.value for d in calendar.find_dates("۲۴ حمل ۱۴۰۰", None)] == []   # (digits
    # reach the calendar as ASCII: the pack normalises them)
    assert [d.value for d in calendar.find_dates("24 حمل 1400", None)] == [date(2021, 4, 13)]
