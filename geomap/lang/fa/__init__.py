"""Dari (``fa``): Afghanistan's Persian, the language of most of its press.

Its words are the tables in ``data/`` (:mod:`.words`); its grammar, verb-final
casualty clauses, arrests and the calendar's words, is :mod:`.grammar`, which Pashto's
pack reads with Pashto's words. Places, resolution, merging and outputs are the shared
engines'.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["pack", "rules"]


@lru_cache(maxsize=1)
def rules():
    """The Dari :class:`~geomap.lang.fa.grammar.Grammar` (built once)."""
    from .grammar import Grammar
    from .words import load_words

    return Grammar(load_words(__name__))


def pack():
    """The Dari pack (call :func:`geomap.lang.get_pack`, which caches it)."""
    return rules().pack("fa", "Dari")
