"""Geocoding a location phrase: "Sangin town (near), Helmand province".

A name the gazetteer holds as written ("Khost (Matun)", "Great Mosque of Herat") is
returned at once. A phrase of several names ("Tagab district, Badakhshan province") is
read like a sentence — every place named in it is found and resolved in context — and
the most specific place of the first location it describes is returned; a fuzzy lookup
of the whole phrase is the last resort (and the first one for a single name).
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .records import Candidate, contains

__all__ = ["locate"]


def locate(gazetteer: Gazetteer, phrase: str, *, kind: str | None = None,
           limit: int = 5, allow_common: bool = False) -> list[Candidate]:
    """Ranked candidates for a name or a longer location phrase."""
    def whole(fuzzy: bool) -> list[Candidate]:
        return gazetteer.lookup(phrase, kind=kind, limit=limit, fuzzy=fuzzy,
                                allow_common=allow_common)

    exact = whole(fuzzy=False)
    if exact:
        return exact
    several = len([p for p in _PARTS.split(phrase) if p]) > 1
    if not several:
        ranked = whole(fuzzy=True)
        if ranked or len(phrase.split()) < 2:
            return ranked
    # "Tagab district, Badakhshan province", "Reg district (Hilmand)": each name resolved
    # with the others (a fuzzy lookup of the whole phrase finds only its province)
    found = _in_context(gazetteer, phrase, kind, allow_common)
    if found and (kind is None or found[0].place.kind == kind):
        return found
    # (a kind is a preference: the whole phrase of that kind, else what the phrase names)
    return (whole(fuzzy=True) if several else []) or found


def _in_context(gazetteer: Gazetteer, phrase: str, kind: str | None,
                allow_common: bool) -> list[Candidate]:
    from .mentions import matcher_for
    from .resolve import group_places, resolve_mentions

    mentions = [m for m in matcher_for(gazetteer).find(phrase, any_case=True) if m.is_afghan]
    if not mentions:
        return _by_parts(gazetteer, phrase, kind, allow_common)
    resolved = resolve_mentions(phrase, mentions, [(0, len(phrase))])
    groups = [g for g in group_places(phrase, resolved) if g.head.place is not None]
    if not groups:
        return _by_parts(gazetteer, phrase, kind, allow_common)
    head = groups[0].head
    named = [g.head for g in groups[1:] if g.head.mention.cue in ("district", "province")]
    if named and not contains(named[0].place, head.place):
        # "Duab and the Zangani area of Hesarak District": the unit the phrase names
        # with its kind holds the event, not a same-name village elsewhere
        head = named[0]
    others = [g.head.place.name for g in groups[1:]]
    reason = f"'{head.mention.surface}' read from the phrase; {head.reason}"
    if others:
        reason += f"; also named: {', '.join(others)}"
    best = next(c for c in head.mention.candidates if c.place == head.place)
    return [Candidate(head.place, round(best.score * 0.9, 4), head.mention.surface, reason)]


_PARTS = re.compile(r"\s*(?:[(),;.]|\bof\b|\band\b|\bnear\b|\boutside\b|\bsuburbs?\b)\s*",
                    re.IGNORECASE)
_KIND_WORD = re.compile(r"\b(?:province|district|city|town)\b", re.IGNORECASE)


def _by_parts(gazetteer: Gazetteer, phrase: str, kind: str | None,
              allow_common: bool) -> list[Candidate]:
    """"Nawzad District (Wak area of)", "suburb of Ferozkoh.": a phrase whose names the
    text matcher does not know verbatim, looked up part by part (a part with a kind
    word first)."""
    parts = [p for p in _PARTS.split(phrase) if p and len(p) > 2]
    parts.sort(key=lambda p: _KIND_WORD.search(p) is None)
    for part in parts:
        ranked = gazetteer.lookup(part, kind=kind, limit=1, allow_common=allow_common)
        if ranked:
            best = ranked[0]
            return [Candidate(best.place, round(best.score * 0.9, 4), part,
                              f"'{part}' read from the phrase; {best.reason}")]
    return []
