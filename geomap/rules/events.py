"""Event types: which ACLED event type and sub-type a sentence reports, and whether it
reports violence at all.

The engine is shared; its rules are the language's data (for English,
``geomap/lang/en/data/events.toml`` and ``triggers.toml``), tried strongest first.
Event types follow ACLED's taxonomy (event_type / sub_event_type).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .anchors import Gate, guarded
from .keywords import Keywords

__all__ = ["EventType", "EventRules"]


@dataclass(frozen=True, slots=True)
class EventType:
    event_type: str
    sub_event_type: str
    keyword: str


class EventRules:
    """A language's event rules (``(pattern, event type, sub-event type)``, strongest
    first), its trigger keywords, and the pattern of someone setting fire to a thing
    (an event word that a fire alone, "burned down", is not)."""

    def __init__(self, rules, triggers: Keywords, setting_fire: str) -> None:
        self.rules = [(guarded(re.compile(rx, re.IGNORECASE)), et, st) for rx, et, st in rules]
        self._gate = Gate([pattern for pattern, _, _ in self.rules])
        self._order = list(dict.fromkeys(sub for _, _, sub in self.rules))
        self._triggers = triggers
        self._set_fire = re.compile(setting_fire, re.IGNORECASE)
        self.classify_event = lru_cache(maxsize=4096)(self._classify)

    def subtype_rank(self, sub_event_type: str) -> int:
        """How specific a sub-event type is (0 = most: "Suicide bomb"; generic "Attack" last)."""
        order = self._order
        if sub_event_type == "Attack":
            return len(order)
        return order.index(sub_event_type) if sub_event_type in order else len(order)

    def has_trigger(self, text: str) -> bool:
        """True when the text reports violence (an event word, not only commentary)."""
        return self._triggers.search(text) or ("fire" in text and
                                               self._set_fire.search(text) is not None)

    def trigger_words(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(words, stems) :meth:`has_trigger` looks for, lower case; besides them it reads
        "set fire to" in a text holding "fire"."""
        return self._triggers.words, self._triggers.stems

    def _classify(self, text: str) -> EventType | None:
        """The ACLED event type and sub-type the text describes, strongest rule first."""
        possible = self._gate.possible(text)
        for at, (pattern, event_type, sub_type) in enumerate(self.rules):
            if at not in possible:
                continue                     # its anchor words are not in the text
            m = pattern.search(text)
            if m:
                return EventType(event_type, sub_type, m.group(0).lower())
        return None
