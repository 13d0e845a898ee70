"""Geocoding a location phrase: "Sangin town (near), Helmand province".

A name is first looked up whole; when that fails, the phrase is read like a
sentence — every place named in it is found and resolved in context — and
the most specific place of the first location it describes is returned.
"""

from __future__ import annotations

from .gazetteer import Gazetteer
from .places import Candidate

__all__ = ["locate"]


def locate(gazetteer: Gazetteer, phrase: str, *, kind: str | None = None,
           limit: int = 5, allow_common: bool = False) -> list[Candidate]:
    """Ranked candidates for a name or a longer location phrase."""
    ranked = gazetteer.lookup(phrase, kind=kind, limit=limit, allow_common=allow_common)
    if ranked or len(phrase.split()) < 2:
        return ranked
    from .mentions import matcher_for
    from .resolve import group_places, resolve_mentions

    mentions = [m for m in matcher_for(gazetteer).find(phrase, any_case=True) if m.is_afghan]
    if not mentions:
        return []
    resolved = resolve_mentions(phrase, mentions, [(0, len(phrase))])
    groups = [g for g in group_places(phrase, resolved) if g.head.place is not None]
    if not groups:
        return []
    head = groups[0].head
    others = [g.head.place.name for g in groups[1:]]
    reason = f"'{head.mention.surface}' read from the phrase; {head.reason}"
    if others:
        reason += f"; also named: {', '.join(others)}"
    best = next(c for c in head.mention.candidates if c.place == head.place)
    return [Candidate(head.place, round(best.score * 0.9, 4), head.mention.surface, reason)]
