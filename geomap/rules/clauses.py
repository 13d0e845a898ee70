"""Clauses that make a sentence something other than a new event's report: a reaction
("Qatar condemned the attack"), a plan or trial ("plotting to attack"), a tally over
days ("over the previous 10 days"). The engine is shared; the patterns are the
language's data (for English, ``geomap/lang/en/data/clauses.toml``).
"""

from __future__ import annotations

import re

from .anchors import Gate, guarded

__all__ = ["Clauses"]


class Clauses:
    """The three clause readers of a language, behind one gate."""

    def __init__(self, reaction: str, not_an_event: str, tally: str) -> None:
        self.not_an_event, self.reaction, self.tally = (
            guarded(re.compile(rx, re.IGNORECASE)) for rx in (not_an_event, reaction, tally))
        self._gate = Gate([self.not_an_event, self.reaction, self.tally])

    def is_not_an_event(self, text: str) -> bool:
        """True for plans, threats, trials: "was involved in plotting to attack Kabul University"."""
        return 0 in self._gate.possible(text) and self.not_an_event.search(text) is not None

    def is_reaction(self, text: str) -> bool:
        """True for reactions ("Qatar condemned the attack"), which report no new event."""
        return 1 in self._gate.possible(text) and self.reaction.search(text) is not None

    def tally_span(self, text: str) -> tuple[int, int] | None:
        """Where the text tallies figures over days or longer ("over the previous 10 days,
        leaving 60 dead"): many events at once, none of them by place and day; or None."""
        m = self.tally.search(text) if 2 in self._gate.possible(text) else None
        return m.span() if m else None
