"""How far an incident can be trusted: a number from 0 to 1, by a fixed, documented rule.

The rule reads only what a finished :class:`~geomap.incident.Incident` records: the
resolution note the pipeline writes (how the place was found, where the day came from),
the precision codes, the figures and the source sentences. Four parts, each from 0 to 1,
are multiplied:

place
    1.0 a place named with its kind ("Nawa district") or beside its province;
    0.9 an exact name or spelling variant; 0.8 a homonym chosen by its kind
    (city/province/district preferred among same-name places); 0.75 a transliteration
    variant; 0.7 a place carried from earlier in the article or from its dateline;
    0.6 a fuzzy match or misspelling; 0.35 nothing more precise than the country, or a
    place outside Afghanistan.
day
    1.0 a day written in the sentence; 0.9 a relative word in the sentence ("yesterday");
    0.85 a day from a neighbouring sentence or earlier in the text; 0.75 the
    publication date by default; 0.6 no date at all.
figures
    1.0 no figure stated, or every figure written as digits or a number word in a
    source; 0.8 a figure read from a vague word ("dozens", "several"); 0.85 a figure
    not found as such in any source sentence (a sum or a restatement).
event words
    1.0 a specific sub-event type; 0.9 the generic "Attack" or a strategic development.

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
0.32
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..incident import Incident

__all__ = ["confidence", "place_score", "day_score", "figures_score", "event_score"]

# (pattern in the resolution note, score): the first that matches gives the place part
_PLACE_RULES = (
    (re.compile(r"fuzzy match|misspelling of|spelt differently"), 0.6),
    (re.compile(r"place named earlier in the article|place from the article's dateline"), 0.7),
    (re.compile(r"transliteration variant"), 0.75),
    (re.compile(r"\bcue\b|named in the sentence|named beside|kind \w+ as asked"), 1.0),
    (re.compile(r"preferred among same-name places"), 0.8),
    (re.compile(r"exact (?:variant )?name"), 0.9),
)
_DAY_RULES = (
    (re.compile(r"date from '[^']*' (?:earlier in the text|in the next sentence)"), 0.85),
    (re.compile(r"no date in the text: publication date"), 0.75),
    (re.compile(r"no date"), 0.6),
)
_DATE_FROM = re.compile(r"date from '([^']*)'")
# a written day: a number, a month's name, or a Solar Hijri month
_WRITTEN_DAY = re.compile(r"\d|january|february|march|april|may|june|july|august|september|"
                          r"october|november|december|jan\b|feb\b|aug\b|sept?\b|oct\b|nov\b|"
                          r"dec\b", re.IGNORECASE)
_VAGUE = re.compile(r"\b(?:dozens|scores|several|some|many|a number of|few|hundreds|"
                    r"tens|numerous)\b", re.IGNORECASE)
_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve "
                 "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()


def place_score(incident: Incident) -> float:
    """How the place was found (see the module's table)."""
    if incident.place is None or incident.where_prec >= 6:
        return 0.35
    note = incident.reason
    for pattern, score in _PLACE_RULES:
        if pattern.search(note):
            return score
    return 0.8


def day_score(incident: Incident) -> float:
    """Where the day came from (see the module's table)."""
    note = incident.reason
    for pattern, score in _DAY_RULES:
        if pattern.search(note):
            return score
    said = _DATE_FROM.search(note)
    if said is None:
        return 0.75 if incident.event_date is not None else 0.6
    return 1.0 if _WRITTEN_DAY.search(said.group(1)) else 0.9


def _written(value: int, text: str) -> bool:
    if re.search(rf"(?<![\d,.]){value}(?![\d,])", text):
        return True
    return value < len(_NUMBER_WORDS) and re.search(
        rf"\b{_NUMBER_WORDS[value]}\b", text, re.IGNORECASE) is not None


def figures_score(incident: Incident) -> float:
    """How the figures were read (see the module's table)."""
    figures = [v for v in (incident.fatalities, incident.injured, incident.detained)
               if v is not None]
    if not figures:
        return 1.0
    text = " ".join(s.quote for s in incident.sources)
    if all(_written(v, text) for v in figures):
        return 1.0
    return 0.8 if _VAGUE.search(text) else 0.85


def event_score(incident: Incident) -> float:
    """How specific the event words were (see the module's table)."""
    generic = incident.sub_event_type == "Attack" or \
        incident.event_type == "Strategic developments"
    return 0.9 if generic else 1.0


def confidence(incident: Incident) -> float:
    """The incident's confidence, 0 to 1: the product of the four parts, 2 decimals."""
    score = (place_score(incident) * day_score(incident) * figures_score(incident)
             * event_score(incident))
    return round(score, 2)
