"""English: the first language pack.

Its words are data files in ``data/`` (one loader each, :mod:`.words`); the grammar that
must stay code is in this package's modules (:mod:`.statements`) and in the shared
engines of :mod:`geomap.rules`, which read these words.
"""

from __future__ import annotations

from ..pack import LanguagePack, WritingSystem

__all__ = ["pack"]


def pack() -> LanguagePack:
    """The English pack (call :func:`geomap.lang.get_pack`, which caches it)."""
    from ...rules import counts, dates, lexicon
    from . import statements, words

    return LanguagePack(
        code="en", name="English",
        writing_system=WritingSystem("ltr", has_case=True),
        abbreviations=words.abbreviations(),
        digits="0123456789",
        year=r"(?:19|20)\d\d",
        ascii_anchors=True,
        find_counts=counts.find_counts, parse_number=counts.parse_number,
        find_dates=dates.find_dates, dateline_date=dates.dateline_date,
        is_deictic=dates.is_deictic,
        classify_event=lexicon.classify_event, subtype_rank=lexicon.subtype_rank,
        has_trigger=lexicon.has_trigger, is_reaction=lexicon.is_reaction,
        is_not_an_event=lexicon.is_not_an_event, tally_span=lexicon.tally_span,
        background_spans=lexicon.background_spans, find_actors=lexicon.find_actors,
        find_targets=lexicon.find_targets,
        statement_before=statements.statement_before, stated_after=statements.stated_after,
    )
