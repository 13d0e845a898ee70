"""Dates in Dari and Pashto text: Solar Hijri and Gregorian days, weekdays and days
told from the report's own ("yesterday", "last night"), resolved against the
publication date.

Afghanistan dates by the Solar Hijri calendar (the year begins at Nowruz, the March
equinox: 1 Hamal 1400 = 21 March 2021), with Dari month names (حمل ثور جوزا …), the
Iranian ones (فروردین اردیبهشت …) or Pashto's (وری غویی غبرگولی …); its press also
writes Gregorian months in Dari or Pashto (جنوری، فبروری …). The words are each
language's data (``geomap/lang/xx/data/calendar.csv``: word, kind, value); this
module reads them and does the arithmetic, through jdatetime (a maintained package,
pure Python with one small dependency, whose leap years follow the 33-year cycle of
the official calendar; 1399 and 1403 are leap years).

The text is read in the form :func:`geomap.text.script.letters` gives (ASCII digits,
Persian letter forms, Pashto's ګ ې ۍ as گ ی ی), and a month name counts only beside a
day number: many are also words (حمل "carrying", سرطان "cancer", جدی "serious", می the
verb prefix), so "در ماه حمل" alone dates nothing.

>>> from datetime import date
>>> calendar = Calendar([("حمل", "solar_month", "1"), ("دیروز", "days_before", "1")])
>>> [(d.phrase, d.value.isoformat()) for d in calendar.find_dates(
...     "در 24 حمل 1400 و دیروز", date(2021, 5, 4))]
[('24 حمل 1400', '2021-04-13'), ('دیروز', '2021-05-03')]
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Iterable

from .dates import DateRef, shift

__all__ = ["Calendar", "solar_to_gregorian", "gregorian_to_solar", "KINDS"]

#: the kinds of calendar word a language's table gives, and what its value means
KINDS = {
    "solar_month": "a Solar Hijri month (1 = Hamal / Farvardin / Wray)",
    "gregorian_month": "a Gregorian month (1 = January)",
    "weekday": "a day of the week (0 = Monday … 6 = Sunday)",
    "days_before": "a day told from the report's own (1 = yesterday, 0 = today)",
    "night_before": "a word that makes the next weekday the night before it (شب شنبه = "
                    "Friday night)",
}


def solar_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Solar Hijri date, None when there is no such day.

    >>> solar_to_gregorian(1400, 1, 1), solar_to_gregorian(1400, 12, 30)
    (datetime.date(2021, 3, 21), None)
    """
    import jdatetime

    try:
        return jdatetime.date(year, month, day).togregorian()
    except (ValueError, OverflowError):
        return None


def gregorian_to_solar(value: date) -> tuple[int, int, int]:
    """(year, month, day) of a Gregorian day in the Solar Hijri calendar.

    >>> gregorian_to_solar(date(2021, 5, 4))
    (1400, 2, 14)
    """
    import jdatetime

    solar = jdatetime.date.fromgregorian(date=value)
    return solar.year, solar.month, solar.day


_DAY = r"(?P<day>[0-3]?[0-9])(?![0-9.,:/])(?:\s*(?:ام|م|مه|می|ی))?"
_YEAR = r"(?P<year>1[34][0-9]{2}|(?:19|20)[0-9]{2})(?![0-9])"
# a year may be followed by its era, which says nothing more
_ERA = r"(?:\s*(?:هجری\s+شمسی|هجری\s+لمریز|هـ\s*ش|ش|خورشیدی|لمریز|میلادی|م|ل)\b)?"
# a dateline's parenthesis: "کابل (پژواک ۲۴ حمل ۹۹):", its year often in two digits
_DATELINE = re.compile(r"\((?P<inside>[^()\n]{4,60})\)\s*[:\-–—]")


class Calendar:
    """A language's calendar words, compiled once; :meth:`find_dates` reads a text."""

    def __init__(self, rows: Iterable[tuple[str, str, str]]) -> None:
        self.months: dict[str, tuple[str, int]] = {}
        self.weekdays: dict[str, int] = {}
        self.relative: dict[str, int] = {}
        night: list[str] = []
        for word, kind, value in rows:
            if kind not in KINDS:
                raise ValueError(f"calendar word {word!r}: unknown kind {kind!r}")
            word = " ".join(word.split())
            if kind.endswith("_month"):
                self.months[word] = (kind, int(value))
            elif kind == "weekday":
                self.weekdays[word] = int(value)
            elif kind == "days_before":
                self.relative[word] = int(value)
            else:
                night.append(word)
        month = _alternation(self.months)
        # "24 حمل 1400", "24ام حمل", "د حمل 24مه", "حمل 24": a month beside its day
        self._day_month = re.compile(
            rf"(?<![\w.]){_DAY}\s+(?:ماه\s+|د\s+)?(?P<month>{month})"
            rf"(?:\s+(?:سال\s+)?{_YEAR}{_ERA})?(?!\w)" if month else r"(?!)")
        self._month_day = re.compile(
            rf"(?<!\w)(?P<month>{month})\s+(?:میاشتی\s+)?(?:په\s+)?{_DAY}"
            rf"(?:\s+(?:سال\s+)?{_YEAR}{_ERA})?(?!\w)" if month else r"(?!)")
        # Pashto's "د ۱۴۰۰ کال د وري ۲۴مه": the year first
        self._year_month_day = re.compile(
            rf"(?<!\w){_YEAR}(?:ل)?\s+(?:کال|سال)\s+(?:د\s+)?(?P<month>{month})\s+(?:په\s+)?{_DAY}"
            r"(?!\w)" if month else r"(?!)")
        # a dateline's "۲۴ حمل ۹۹": a Solar year in two digits
        self._short_year = re.compile(rf"(?<![\w.]){_DAY}\s+(?P<month>{month})\s+"
                                      r"(?P<yy>[0-9]{2})(?![0-9])" if month else r"(?!)")
        weekday = _alternation(self.weekdays)
        before = _alternation(dict.fromkeys(night))
        self._weekday = re.compile(
            (rf"(?:(?P<night>{before})\s+)?" if before else "") +
            rf"(?<!\w)(?P<weekday>{weekday})(?!\w)" if weekday else r"(?!)")
        relative = _alternation(self.relative)
        self._relative = re.compile(rf"(?<!\w)(?P<rel>{relative})(?!\w)" if relative
                                    else r"(?!)")

    @property
    def _full_dates(self) -> tuple[re.Pattern, ...]:
        return (self._year_month_day, self._day_month, self._month_day)

    def find_dates(self, text: str, published: date | None) -> list[DateRef]:
        """The date phrases of ``text`` with their days, in text order; without a
        publication date only days with their year are resolved."""
        found: list[DateRef] = []
        taken: list[tuple[int, int]] = []
        for pattern in self._full_dates:
            for m in pattern.finditer(text):
                value = self._day(m, published)
                if value is not None and not _overlaps(taken, m.start(), m.end()):
                    found.append(DateRef(m.start(), m.end(), m.group(0), value, "day"))
                    taken.append(m.span())
        if published is not None:
            for m in self._weekday.finditer(text):
                if _overlaps(taken, m.start("weekday"), m.end()):
                    continue
                back = (published.weekday() - self.weekdays[m.group("weekday")]) % 7
                if m.groupdict().get("night"):
                    back += 1             # "شب شنبه": the night before Saturday
                found.append(DateRef(m.start(), m.end(), m.group(0),
                                     published - timedelta(days=back), "day"))
                taken.append(m.span())
            for m in self._relative.finditer(text):
                if not _overlaps(taken, m.start(), m.end()):
                    found.append(DateRef(m.start(), m.end(), m.group(0),
                                         shift(published, -self.relative[m.group("rel")]),
                                         "day"))
        found.sort(key=lambda d: d.start)
        return found

    def publication_date(self, text: str) -> tuple[date, tuple[int, int]] | None:
        """The date the article gives as its own, with the span that gives it: a full
        date (day, month and year) on a short first line ("۱۴ ثور ۱۴۰۰", "تاریخ نشر: ۴ می
        ۲۰۲۱"), or in a dateline's parenthesis ("کابل (پژواک ۲۴ حمل ۹۹):")."""
        lead = len(text) - len(text.lstrip())
        dateline = _DATELINE.search(text, lead, lead + 120)
        if dateline is not None:
            found = self._dateline_day(dateline.group("inside"))
            if found is not None:
                return found, dateline.span("inside")
        first = text[lead:].split("\n", 1)[0]
        if len(first) <= 60:
            for pattern in self._full_dates:
                m = pattern.search(first)
                if m and m.group("year") and (value := self._day(m, None)):
                    return value, (lead + m.start(), lead + m.end())
        return None

    def _dateline_day(self, inside: str) -> date | None:
        for pattern in self._full_dates:
            m = pattern.search(inside)
            if m and m.group("year") and (value := self._day(m, None)):
                return value
        m = self._short_year.search(inside)
        if m and self.months[m.group("month")][0] == "solar_month":
            yy = int(m.group("yy"))
            return solar_to_gregorian((1300 if yy >= 50 else 1400) + yy,
                                      self.months[m.group("month")][1], int(m.group("day")))
        return None

    def _day(self, m: re.Match, published: date | None) -> date | None:
        kind, month = self.months[m.group("month")]
        day = int(m.group("day"))
        year = int(m.group("year")) if m.group("year") else None
        if year is not None:
            solar_year = year < 1700
            if kind == "solar_month" and solar_year:
                return solar_to_gregorian(year, month, day)
            if kind == "gregorian_month" and not solar_year:
                return _gregorian(year, month, day)
            return None                 # (a Gregorian month in a Solar year: no day)
        if published is None:
            return None
        # no year: the year that puts the day on or before the publication (a report
        # may date its own day a day or two ahead), as the English reader does
        if kind == "gregorian_month":
            value = _gregorian(published.year, month, day)
            if value is not None and value > shift(published, 2):
                value = _gregorian(published.year - 1, month, day)
            return value
        solar_year = gregorian_to_solar(published)[0]
        value = solar_to_gregorian(solar_year, month, day)
        if value is not None and value > shift(published, 2):
            value = solar_to_gregorian(solar_year - 1, month, day)
        return value


def _gregorian(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _alternation(words) -> str:
    """The words as one pattern, longest first (so "سه شنبه" wins over "شنبه"), any run
    of spaces matching a space."""
    return "|".join(r"\s+".join(map(re.escape, w.split()))
                    for w in sorted(words, key=len, reverse=True))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
