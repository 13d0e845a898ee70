"""How far an incident can be trusted: a number from 0 to 1, by a fixed, documented rule.

The rule reads only what a finished :class:`~geomap.incident.Incident` records: the
resolution note the pipeline writes (how the place was found, where the day came from),
the precision codes, the figures and the source sentences (what they say, where they
stand in the article, how many there are). Five parts, each from 0 to 1, are multiplied:

place
    1.0 a district named with its kind ("Nawa district") or beside its province; 0.9 a
    district by its name alone; 0.8 a city, town, village, area or landmark (its
    district is the one it lies in, which reports often do not say) or a
    transliteration variant; 0.7 a fuzzy match or misspelling; 0.65 a place carried
    from earlier in the article or from its dateline; 0.55 a province only (the
    district is unknown); 0.3 nothing more precise than the country, or a place
    outside Afghanistan.
day
    1.0 a day written in the sentence ("on 3 May"); 0.95 a relative word in the
    sentence ("yesterday", "on Monday"); 0.85 the publication date by default; 0.8 a
    day from a neighbouring sentence or earlier in the text (the event's own sentence
    gave none: often a second event told in passing); 0.7 no date at all.
figures
    1.0 no figure stated, or every figure written as digits or a number word in a
    source; 0.9 a figure not found as such in any source sentence (a sum, a
    restatement); 0.85 that, with a vague quantity ("dozens", "several":
    ``codebook/quantities.csv``) in the sources.
event words
    1.0 a specific sub-event type; 0.85 the generic "Attack" or a strategic development.
report
    where the article tells it: 1.0 in its first :data:`LEAD` characters (headline,
    dateline, lead: the event the article is about), 0.8 within four times that, 0.65
    later (background, earlier events); times how many sentences tell it: 0.85 one,
    0.95 two, 1.0 three or more.

Deterministic: the same incident always has the same confidence (rounded to 2
decimals). The reliability of the bins on the evaluation sets is measured by
``evaluation/reliability.py`` and shown in the README.

>>> from datetime import date
>>> from geomap.incident import Incident, SourceRef
>>> src = (SourceRef("a.txt", "Two people were killed in Nawa district on Monday.", 0, 50),)
>>> inc = Incident("Battles", "Armed clash", "Nawa", None, None, 6, date(2021, 5, 3), "day",
...                2, None, (), None, src, "'district' cue; date from 'on Monday'",
...                country="Pakistan")
>>> confidence(inc)
0.24
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..incident import Incident

__all__ = ["confidence", "place_score", "day_score", "figures_score", "event_score",
           "report_score", "number_pattern", "LEAD"]

# (pattern in the resolution note, score): the first that matches gives the place part
_PLACE_RULES = (
    (re.compile(r"fuzzy match|misspelling of|spelt differently"), 0.7),
    (re.compile(r"place named earlier in the article|place from the article's dateline"), 0.65),
    (re.compile(r"transliteration variant"), 0.8),
)
_NAMED_WITH_KIND = re.compile(r"\bcue\b|named in the sentence|named beside|kind \w+ as asked")
_DAY_RULES = (
    (re.compile(r"date from '[^']*' (?:earlier in the text|in the next sentence)"), 0.8),
    (re.compile(r"no date in the text: publication date"), 0.85),
    (re.compile(r"no date"), 0.7),
)
_DATE_FROM = re.compile(r"date from '([^']*)'")
#: characters of an article's opening (headline, dateline and lead paragraph)
LEAD = 300


def place_score(incident: Incident) -> float:
    """How the place was found (see the module's table)."""
    place = incident.place
    if place is None or incident.where_prec >= 6:
        return 0.3
    note = incident.reason
    for pattern, score in _PLACE_RULES:
        if pattern.search(note):
            return score
    if place.kind == "province":
        return 0.55
    if place.kind == "district":
        return 1.0 if _NAMED_WITH_KIND.search(note) else 0.9
    return 0.8


def day_score(incident: Incident) -> float:
    """Where the day came from (see the module's table)."""
    note = incident.reason
    for pattern, score in _DAY_RULES:
        if pattern.search(note):
            return score
    said = _DATE_FROM.search(note)
    if said is None:
        return 0.85 if incident.event_date is not None else 0.7
    return 1.0 if _written_day().search(said.group(1)) else 0.95


# The words come from the language pack and the codebook, their one copy, read once.

@lru_cache(maxsize=1)
def _written_day() -> re.Pattern:
    """A day written out: a number, or a month's name or abbreviation."""
    from ..lang.en import words

    names = [n for name, _, short in words.calendar("month") for n in (name, *short)]
    return re.compile(rf"\d|\b(?:{'|'.join(map(re.escape, names))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _vague() -> re.Pattern:
    """A vague quantity ("dozens", "several"): the codebook's quantities."""
    from ..codebook import quantities

    phrases = sorted(quantities(), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, phrases))})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _number_words() -> dict[int, tuple[str, ...]]:
    """The words of each number the language pack spells (units and tens)."""
    from ..lang.en import words

    table = words.number_words()
    out: dict[int, list[str]] = {}
    for kind in ("unit", "ten"):
        for word, value in table[kind].items():
            out.setdefault(value, []).append(word)
    return {value: tuple(spelt) for value, spelt in out.items()}


@lru_cache(maxsize=256)
def number_pattern(value: int) -> re.Pattern:
    """A figure as a source may write it: digits, or the number's word."""
    spelt = "".join(rf"|\b{re.escape(w)}\b" for w in _number_words().get(value, ()))
    return re.compile(rf"(?<![\d,.]){value}(?![\d,]){spelt}", re.IGNORECASE)


def _written(value: int, text: str) -> bool:
    return number_pattern(value).search(text) is not None


def figures_score(incident: Incident) -> float:
    """How the figures were read (see the module's table)."""
    figures = [v for v in (incident.fatalities, incident.injured, incident.detained)
               if v is not None]
    if not figures:
        return 1.0
    text = " ".join(s.quote for s in incident.sources)
    if all(_written(v, text) for v in figures):
        return 1.0
    return 0.85 if _vague().search(text) else 0.9


def event_score(incident: Incident) -> float:
    """How specific the event words were (see the module's table)."""
    generic = incident.sub_event_type == "Attack" or \
        incident.event_type == "Strategic developments"
    return 0.85 if generic else 1.0


def report_score(incident: Incident) -> float:
    """Where and how often the article tells it (see the module's table)."""
    start = min(s.start for s in incident.sources)
    where = 1.0 if start < LEAD else 0.8 if start < 4 * LEAD else 0.65
    sentences = len({(s.file, s.start) for s in incident.sources})
    return where * (0.85 if sentences == 1 else 0.95 if sentences == 2 else 1.0)


def confidence(incident: Incident) -> float:
    """The incident's confidence, 0 to 1: the product of the four parts, 2 decimals."""
    score = (place_score(incident) * day_score(incident) * figures_score(incident)
             * event_score(incident) * report_score(incident))
    return round(score, 2)
