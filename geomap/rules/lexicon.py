"""The English readers of event types, clauses, targets, actors and background, by
their old names (modules outside the rules, such as the map's legend and the store,
import them from here).

The readers now live in modules named for what they do: :mod:`.events` (event types and
trigger words), :mod:`.clauses` (reactions, plans, tallies), :mod:`.targets`,
:mod:`.actors`, :mod:`.background`; their English words are data files under
``geomap/lang/en/data/``. Code that reads a document should use its language's pack
(:func:`geomap.lang.get_pack`).
"""

from __future__ import annotations

from .actors import ACTOR_ALIASES, ActorHit, find_actors
from .background import background_spans, blank
from .events import EventType

__all__ = ["EventType", "classify_event", "subtype_rank", "is_not_an_event", "tally_span",
           "find_actors", "find_targets", "ACTOR_ALIASES", "is_reaction", "has_trigger",
           "ActorHit", "background_spans", "blank", "trigger_words"]


def _english():
    from ..lang.en import engines
    return engines()


def classify_event(text: str) -> EventType | None:
    """The ACLED event type and sub-type the text describes, strongest rule first.

    >>> classify_event("a suicide bomber blew himself up near a mosque").sub_event_type
    'Suicide bomb'
    """
    return _english().events.classify_event(text)


def subtype_rank(sub_event_type: str) -> int:
    """How specific a sub-event type is (0 = most: "Suicide bomb"; generic "Attack" last)."""
    return _english().events.subtype_rank(sub_event_type)


def has_trigger(text: str) -> bool:
    """True when the text reports violence (an event word, not only commentary)."""
    return _english().events.has_trigger(text)


def trigger_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words, stems) :func:`has_trigger` looks for, lower case; besides them it reads
    "set fire to" in a text holding "fire"."""
    return _english().events.trigger_words()


def is_reaction(text: str) -> bool:
    """True for reactions ("Qatar condemned the attack"), which report no new event."""
    return _english().clauses.is_reaction(text)


def is_not_an_event(text: str) -> bool:
    """True for plans, threats, trials: "was involved in plotting to attack Kabul University"."""
    return _english().clauses.is_not_an_event(text)


def tally_span(text: str) -> tuple[int, int] | None:
    """Where the text tallies figures over days or longer, or None."""
    return _english().clauses.tally_span(text)


def find_targets(text: str) -> list[str]:
    """Target labels in text order of first appearance ("hospital", "mosque"...)."""
    return _english().targets.find_targets(text)
