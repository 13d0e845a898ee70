"""Actors: armed groups and forces named in text, normalised to one name per actor.

Aliases come from ``geomap/codebook/actors.csv`` (ISKP = ISIS-K = Daesh = IS-K ...), the
one reader of that table; all-caps aliases ("ANA", "IS") match only in capitals.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..codebook import actors

__all__ = ["ActorHit", "find_actors", "ACTOR_ALIASES"]


#: canonical actor name → aliases, from codebook/actors.csv (all-caps aliases such as
#: "ANA" or "IS" match only in capitals).
ACTOR_ALIASES: dict[str, tuple[str, ...]] = actors()


@dataclass(frozen=True, slots=True)
class ActorHit:
    actor: str
    start: int
    end: int


def _actor_variants(alias: str) -> set[str]:
    low = alias.lower()
    return {low, low.replace("-", " "), low.replace(" ", "-"), low.replace("-", "")}


class _ActorMatcher:
    """Actor aliases in one Aho–Corasick pass; all-caps aliases ("IS", "ANA") only match
    in capitals, so the pronoun "is" and the name "Ana" are not actors."""

    def __init__(self) -> None:
        import ahocorasick_rs

        self._targets: dict[str, tuple[str, bool]] = {}
        for canon, aliases in ACTOR_ALIASES.items():
            for alias in aliases:
                exact_case = alias.isupper() and alias.isascii()
                for variant in _actor_variants(alias):
                    self._targets.setdefault(variant, (canon, exact_case))
        self._patterns = sorted(self._targets)
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def find(self, text: str) -> list[ActorHit]:
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        hits = []
        for index, start, end in self._automaton.find_matches_as_indexes(low):
            if (start and (low[start - 1].isalnum() or low[start - 1] == "-")) or \
                    (end < len(low) and (low[end].isalnum() or low[end] == "-")):
                continue
            canon, exact_case = self._targets[self._patterns[index]]
            if exact_case and not text[start:end].replace("-", "").replace(" ", "").isupper():
                continue
            hits.append(ActorHit(canon, start, end))
        return hits


_ACTORS: _ActorMatcher | None = None


def find_actors(text: str) -> list[ActorHit]:
    """Actor mentions, normalised to one name per actor.

    >>> sorted({h.actor for h in find_actors("ISIS-K and Daesh; the Taleban")})
    ['Islamic State Khorasan Province (ISKP)', 'Taliban']
    """
    global _ACTORS
    if _ACTORS is None:
        _ACTORS = _ActorMatcher()
    return _ACTORS.find(text)
