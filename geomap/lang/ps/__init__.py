"""Pashto (``ps``): the language of the south and east's press.

Its words are the tables in ``data/`` (the same files as Dari's, Pashto's words in
them: ووژل شول، ټپیان، د … ولسوالۍ …); its grammar is the Persian-script grammar of
:mod:`geomap.lang.fa.grammar` (both put the verb last), read with those words.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["pack", "rules"]


@lru_cache(maxsize=1)
def rules():
    """The Pashto :class:`~geomap.lang.fa.grammar.Grammar` (built once)."""
    from ..fa.grammar import Grammar
    from ..fa.words import load_words

    return Grammar(load_words(__name__))


def pack():
    """The Pashto pack (call :func:`geomap.lang.get_pack`, which caches it)."""
    return rules().pack("ps", "Pashto")
