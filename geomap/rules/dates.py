"""Date phrases in article text, resolved against the publication date.

Never against today's date: without a publication date, relative phrases
("on Tuesday", "in early October") stay unresolved.

>>> from datetime import date
>>> [(d.value.isoformat(), d.precision) for d in find_dates("on Tuesday", date(2021, 11, 4))]
[('2021-11-02', 'day')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .anchors import Gate, guarded
from ..lang.en.script import YEAR
from ..lang.en.words import calendar, number_words, reporting_verbs

__all__ = ["DateRef", "find_dates", "dateline_date", "shift", "is_deictic", "REPORTING_VERBS"]


#: month and weekday names and numbers (geomap/lang/en/data/calendar.csv)
_MONTHS = {word: number for name, number, short in calendar("month") for word in (name, *short)}
_WEEKDAYS = {name: number for name, number, _ in calendar("weekday")}
_MONTH_NAMES = "|".join(name for name, _, _ in calendar("month"))
_MONTH_SHORT = "|".join(word for _, _, short in calendar("month") for word in short)
_WEEKDAY_NAMES = "|".join(_WEEKDAYS)
#: the first three letters of each month / weekday ("sep", "wed")
_MONTH_3 = "|".join(name[:3] for name, _, _ in calendar("month"))
_WEEKDAY_3 = "|".join(name[:3] for name in _WEEKDAYS)
#: a weekday's name before its "day" ("wednes"), for "(?:mon|tues...)day"
_WEEKDAY_STEMS = "|".join(name[:-3] for name in _WEEKDAYS)
#: number words of "two weeks ago", one to ten (geomap/lang/en/data/numbers.csv)
_SMALL = {word: value for word, value in {**number_words()["article"],
                                          **number_words()["unit"]}.items() if 1 <= value <= 10}

_M = rf"(?P<month>{_MONTH_NAMES}|{_MONTH_SHORT})\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = rf"(?P<year>{YEAR})"
_PATTERNS: list[tuple[str, re.Pattern]] = [(kind, re.compile(rx, re.IGNORECASE)) for kind, rx in [
    ("iso", rf"\b(?P<year>{YEAR})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("day_month", rf"\b{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?\b"),
    ("month_day", rf"\b{_M}\s+{_D}(?!\d)(?:,?\s+{_Y})?\b"),
    ("part_month", r"\b(?:in\s+|during\s+)?(?:the\s+)?(?P<part>early|mid|middle\s+of|late|end\s+of|"
                   rf"beginning\s+of|start\s+of)[\s-]+{_M}(?:\s+{_Y})?\b"),
    ("month", rf"\b(?:in|during|since|by|of|last|this|early|late|mid)\s+{_M}"
              rf"(?P<rel>\s+this\s+year|\s+last\s+year|\s+{_Y})?\b"),
    ("weekday", r"\b(?P<prefix>on|last|this|past|late|early)?\s*"
                rf"(?P<weekday>{_WEEKDAY_NAMES})s?\b(?:\s+(?:night|morning|"
                r"evening|afternoon))?"),
    ("before_yesterday", r"\b(?:the\s+)?(?:night|day)\s+before\s+(?:last|yesterday)\b"),
    # "a day earlier", "the previous day", "two days before": told from the event just
    # described when the text has one, else from the report's day
    ("days_before", rf"\b(?:(?P<n>a|\d+|{'|'.join(_SMALL)})\s+days?\s+(?:earlier|before)|"
                    r"the\s+(?:previous|preceding)\s+(?:day|night)|the\s+day\s+before)\b"),
    ("yesterday", r"\b(?:yesterday|last\s+night|overnight)\b"),
    ("today", r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today)\b"),
    ("ago", rf"\b(?P<n>\d+|{'|'.join(_SMALL)})\s+"
            r"(?P<unit>day|week|month|year)s?\s+ago\b"),
    ("last_unit", r"\b(?P<which>last|earlier\s+this|this|past)\s+(?P<unit>week|month|year)\b"),
    ("same", r"\b(?:in\s+|on\s+)?(?:the|that)\s+same\s+(?P<unit>day|week|month|year)\b"),
    ("year", rf"\b(?:in|of|since|during|since|early|late|end\s+of)\s+{_Y}\b"),
]]

#: each behind a look-ahead of its first characters (same matches, fewer tries)
_PATTERNS = [(kind, guarded(pattern)) for kind, pattern in _PATTERNS]
#: the patterns' anchor words (month and weekday names, "ago", "yesterday"...)
_GATE = Gate([pattern for _, pattern in _PATTERNS])

# Cheap test: does the text hold anything a date pattern could match?
_ANY_DATE = re.compile(rf"\d|\b(?:{_MONTH_3}|{_WEEKDAY_3}|"
                       r"yesterday|today|tonight|night|overnight|morning|afternoon|"
                       r"evening|ago|week|month|year|day|previous)", re.IGNORECASE)
_ANY_DATE = guarded(_ANY_DATE)


_MONTH_WORD = re.compile(rf"\b(?:{_MONTH_3})")
_DIGIT = re.compile(r"\d")
_NEEDS_DIGIT = {"iso", "day_month", "year"}
_NEEDS_MONTH = {"day_month", "month_day", "part_month", "month"}
_NEEDS_WORD = {"weekday": "day", "ago": "ago", "same": "same", "before_yesterday": "before",
               "days_before": "day"}


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date phrase: its span, resolved value and precision."""

    start: int
    end: int
    phrase: str
    value: date
    precision: str

    def moved(self, offset: int) -> "DateRef":
        """The same phrase ``offset`` characters further on (sentence → document)."""
        return DateRef(self.start + offset, self.end + offset, self.phrase, self.value,
                       self.precision)


#: the kinds of date phrase told from the report's own day
_DEICTIC = ("yesterday", "today")


def is_deictic(ref: DateRef) -> bool:
    """"yesterday", "last night", "today": a day told from the report's own, which dates
    the report's event even at the end of a clause about something else ("detained a
    man linked to a murder in March in Kandahar yesterday")."""
    return any(pattern.fullmatch(ref.phrase) for kind, pattern in _PATTERNS if kind in _DEICTIC)


def shift(value: date, days: int) -> date:
    """``value`` moved by ``days``, clamped at the calendar's ends (year 1, year 9999).

    >>> shift(date(1, 1, 1), -7), shift(date(9999, 12, 30), 7)
    (datetime.date(1, 1, 1), datetime.date(9999, 12, 31))
    """
    try:
        return value + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def _month_value(published: date, month: int, year: int | None, rel: str = "") -> date:
    if year is None:
        year = published.year - (1 if "last year" in rel else 0)
        if "this year" not in rel and date(year, month, 1) > published:
            year -= 1
    return date(year, month, 1)


def _nearest_day(published: date, month: int, day: int) -> date | None:
    """The day of that month nearest ``published``: a release's own date without a year
    ("July 6: Operations in Helmand" published on July 3, or "Dec. 31" published on
    Jan. 2) is close to its publication, before or after it (dates given for a release
    are often a few days off)."""
    found = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            found.append(date(year, month, day))
        except (ValueError, OverflowError):
            continue
    return min(found, key=lambda d: abs((d - published).days), default=None)


def _day_value(published: date, month: int, day: int, year: int | None) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        value = date(published.year, month, day)
        if value > shift(published, 2):
            value = date(published.year - 1, month, day)
        return value
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match, published: date,
             previous: DateRef | None) -> tuple[date, str] | None:
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if kind == "iso":
        return _day_value(published, int(g["mon"]), int(g["day"]), year), "day"
    if kind in ("day_month", "month_day"):
        day = int(g["day"])
        return _day_value(published, _MONTHS[g["month"].lower()], day, year), "day"
    if kind == "part_month":
        value = _month_value(published, _MONTHS[g["month"].lower()], year)
        part = g["part"].lower().split()[0]
        offset = {"mid": 10, "middle": 10, "late": 20, "end": 20}.get(part, 0)
        return value + timedelta(days=offset), "month"
    if kind == "month":
        return _month_value(published, _MONTHS[g["month"].lower()], year,
                            (g.get("rel") or "").lower()), "month"
    if kind == "weekday":
        wd = _WEEKDAYS[g["weekday"].lower()]
        back = (published.weekday() - wd) % 7
        if (g.get("prefix") or "").lower() == "last" and back == 0:
            back = 7
        return published - timedelta(days=back), "day"
    if kind == "yesterday":
        return published - timedelta(days=1), "day"
    if kind == "before_yesterday":
        return published - timedelta(days=2), "day"
    if kind == "days_before":
        n = (g.get("n") or "1").lower()
        n = 1 if n == "a" else int(n) if n.isdigit() else _SMALL[n]
        start = previous.value if previous is not None and previous.precision == "day" \
            else published
        return start - timedelta(days=n), "day"
    if kind == "today":
        return published, "day"
    if kind == "ago":
        n = g["n"].lower()
        n = int(n) if n.isdigit() else _SMALL[n]
        unit = g["unit"].lower()
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        return published - timedelta(days=days), unit
    if kind == "last_unit":
        unit = g["unit"].lower()
        last = g["which"].lower() == "last"
        if unit == "week":
            return published - timedelta(days=7 if last else 3), "week"
        if unit == "month":
            first = published.replace(day=1)
            return ((first - timedelta(days=1)).replace(day=1) if last else first), "month"
        return date(published.year - (1 if last else 0), 1, 1), "year"
    if kind == "same":
        return (previous.value, previous.precision) if previous else None
    if kind == "year":
        return date(year, 1, 1), "year"
    return None


def find_dates(text: str, published: date | None, *,
               previous: DateRef | None = None) -> list[DateRef]:
    """Date phrases in ``text`` resolved against ``published``, in text order.

    ``previous`` is the last date of the preceding text, for "the same month".
    Without ``published`` only phrases carrying a year resolve.
    """
    possible = _GATE.possible(text)
    if not possible:
        return []
    low = text.lower()
    key = (possible, _DIGIT.search(text) is not None, _MONTH_WORD.search(low) is not None,
           *(word in low for word in _NEEDED_WORDS))
    runnable = _RUNNABLE.get(key)
    if runnable is None:
        runnable = _RUNNABLE[key] = _runnable(*key)
    if not runnable or not _ANY_DATE.search(text):
        return []
    taken: list[tuple[int, int]] = []
    refs: list[DateRef] = []
    for kind, pattern in runnable:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind == "weekday" and not m.group("prefix") and \
                    not _on_before(text, m.start("weekday"), m.end()):
                continue
            if kind in ("day_month", "month_day", "month") and m.group("month").lower() == "may" \
                    and not m.group("month")[0].isupper():
                continue
            if kind == "day_month" and not 1 <= int(m.group("day")) <= 31:
                continue
            base = published
            if base is None:
                if not m.groupdict().get("year"):
                    continue
                base = date(int(m.group("year")), 12, 31)
            try:
                resolved = _resolve(kind, m, base, refs[-1] if refs else previous)
            except (OverflowError, ValueError):
                continue          # "yesterday" in a text dated 0001-01-01: off the calendar
            if resolved is None or resolved[0] is None:
                continue
            taken.append((m.start(), m.end()))
            refs.append(DateRef(m.start(), m.end(), m.group(0).strip(), *resolved))
    refs.sort(key=lambda r: r.start)
    # "on Friday (May 7)", "Friday, May 7": the explicit date says which Friday
    return [r for k, r in enumerate(refs) if not (
        _WEEKDAY_WORD.search(r.phrase) and r.precision == "day" and any(
            o.precision == "day" and o is not r and not _WEEKDAY_WORD.search(o.phrase)
            and (0 <= o.start - r.end <= 4 or 0 <= r.start - o.end <= 4)
            for o in refs[max(0, k - 1):k + 2]))]


_NEEDED_WORDS = tuple(sorted(set(_NEEDS_WORD.values())))
#: the patterns that can match at all, per (gate outcome, digit, month word, needed
#: words present): the others are not scanned
_RUNNABLE: dict[tuple, list[tuple[str, re.Pattern]]] = {}


def _runnable(possible: frozenset[int], has_digit: bool, has_month: bool,
              *has_words: bool) -> list[tuple[str, re.Pattern]]:
    present = {word for word, has in zip(_NEEDED_WORDS, has_words) if has}
    return [(kind, pattern) for at, (kind, pattern) in enumerate(_PATTERNS)
            if at in possible and not (kind in _NEEDS_DIGIT and not has_digit)
            and not (kind in _NEEDS_MONTH and not has_month)
            and not (kind in _NEEDS_WORD and _NEEDS_WORD[kind] not in present)]


_WEEKDAY_WORD = re.compile(rf"(?:{_WEEKDAY_STEMS})day", re.IGNORECASE)


def _on_before(text: str, start: int, end: int) -> bool:
    """A bare weekday counts only as a date when it stands as one: "... on Tuesday",
    ", Tuesday", "in Wardak province Monday." (a release's style: the weekday closing
    the clause), "Friday's bombing"."""
    if text.startswith(("'s ", "’s "), end):
        return True                     # "Friday's bombing": the bombing on Friday
    before = text[max(0, start - 6):start].lower()
    if before.rstrip().endswith((" on", " by", "since", " of", ",")) or start == 0 \
            or before.rstrip() in ("on", "by", "of"):
        return True
    if re.search(r"\b(?:a|the|last)\s+$", before, re.IGNORECASE) and \
            re.match(r"\s+[a-z]{3,}", text[end:end + 20]) and \
            not re.match(r"\s+(?:night|morning|evening|afternoon|and|or|to|that|which)\b",
                         text[end:end + 20]):
        return True                     # "a Thursday wedding", "the Saturday market"
    word = re.search(r"(?:[a-z]{3,}|[A-Z][a-z]+)\s+$", text[max(0, start - 30):start])
    return word is not None and not _SAID.fullmatch(word.group(0).strip().lower()) and \
        re.match(r"\s*(?:[.;,)]|$|(?:night|morning|evening|afternoon|while|when|after|before|"
                 r"during|including|in|at|near|as|and|targeting|killing|detaining)\b)",
                 text[end:]) is not None


# "officials said Saturday": the day of the statement, not a date of the event
#: verbs that report a statement ("officials said", "the ministry confirmed"): the
#: language's data file (geomap/lang/en/data/reporting_verbs.csv)
REPORTING_VERBS = reporting_verbs()
_SAID = re.compile("|".join(REPORTING_VERBS))


# The date a release or wire item is dated by, in its first lines: "KABUL, Afghanistan
# (Jan. 25, 2013) –", "KABUL, Afghanistan (May 24)", "Morning Operational Update, Feb. 14,
# 2011", "June 20: Afghan-ISAF Operations", "KUNDUZ, Afghanistan, March 2 (Xinhua)".
_DATELINE_DATE = re.compile(
    rf"(?:Afghanistan,?\s*\(?|\bUpdate,?\s+|^|\n)\s*"
    rf"(?:(?:{_WEEKDAY_STEMS})day,?\s+)?{_M}\s+{_D}(?!\d)(?:,?\s+{_Y})?"
    rf"(?=\s*(?:\)|:|\(|\n|[-–—]|,\s*{YEAR}))", re.IGNORECASE)
_DATELINE_REACH = 600


def dateline_date(text: str, published: date | None) -> tuple[date, tuple[int, int]] | None:
    """The dateline's date and its span, when the first lines have one.

    Relative phrases ("yesterday", "Tuesday") then resolve against it, and it is never
    an event date itself. A dateline without a year is the day of that month nearest the
    publication date.

    >>> value, span = dateline_date("KABUL, Afghanistan (May 24) - Forces detained two.",
    ...                             date(2012, 6, 1))
    >>> value.isoformat()
    '2012-05-24'
    """
    m = _DATELINE_DATE.search(text, 0, _DATELINE_REACH)
    if m is None:
        return None
    year = int(m.group("year")) if m.group("year") else None
    if year is None:
        if published is None:
            return None
        value = _nearest_day(published, _MONTHS[m.group("month").lower()], int(m.group("day")))
    else:
        try:
            value = date(year, _MONTHS[m.group("month").lower()], int(m.group("day")))
        except ValueError:
            value = None
    if value is None:
        return None
    return value, (m.start("month"), m.end())
