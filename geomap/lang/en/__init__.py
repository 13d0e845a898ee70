"""English: the first language pack.

Its words are data files in ``data/`` (one loader each, :mod:`.words`); the grammar that
must stay code is in this package's modules (:mod:`.statements`) and in the English
readers of :mod:`geomap.rules` (counts, dates, background clauses), which read these
words. The shared engines (event rules, keywords, clauses, targets) are built here from
the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..pack import LanguagePack, WritingSystem
from ...rules.clauses import Clauses
from ...rules.events import EventRules
from ...rules.targets import Targets

__all__ = ["pack", "engines", "Engines"]


@dataclass(frozen=True, slots=True)
class Engines:
    """The shared engines, loaded with English data."""

    events: EventRules
    clauses: Clauses
    targets: Targets


@lru_cache(maxsize=1)
def engines() -> Engines:
    """The engines built from the English data files (once)."""
    from ...rules.keywords import Keywords
    from . import words

    return Engines(
        events=EventRules(words.event_rules(), Keywords(*words.triggers()),
                          words.fragments()["SETTING_FIRE"]),
        clauses=Clauses(**words.clauses()),
        targets=Targets(words.targets()))


def pack() -> LanguagePack:
    """The English pack (call :func:`geomap.lang.get_pack`, which caches it)."""
    from ...rules import actors, background, counts, dates
    from . import script, statements, words

    built = engines()
    return LanguagePack(
        code="en", name="English",
        writing_system=WritingSystem(script.DIRECTION, has_case=script.HAS_CASE),
        abbreviations=words.abbreviations() + tuple(
            abbreviation.capitalize() for _, _, abbreviations in words.calendar("month")
            for abbreviation in abbreviations),
        digits=script.DIGITS, year=script.YEAR, ascii_anchors=script.ASCII_ANCHORS,
        find_counts=counts.find_counts, parse_number=counts.parse_number,
        find_dates=dates.find_dates, dateline_date=dates.dateline_date,
        is_deictic=dates.is_deictic,
        classify_event=built.events.classify_event, subtype_rank=built.events.subtype_rank,
        has_trigger=built.events.has_trigger, trigger_words=built.events.trigger_words,
        is_reaction=built.clauses.is_reaction,
        is_not_an_event=built.clauses.is_not_an_event, tally_span=built.clauses.tally_span,
        background_spans=background.background_spans, find_actors=actors.find_actors,
        find_targets=built.targets.find_targets,
        statement_before=statements.statement_before, stated_after=statements.stated_after,
    )
