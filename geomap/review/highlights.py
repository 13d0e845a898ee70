"""The words of a source sentence that gave an incident its place, figures and day, as
spans for the review page to highlight (the page draws them as text, never as HTML).

>>> from datetime import date
>>> from geomap.incident import Incident, SourceRef
>>> quote = "Three men were killed in Nawa district on Monday."
>>> inc = Incident("Battles", "Armed clash", "Nawa", None, None, 6, date(2021, 5, 3), "day",
...                3, None, (), None, (SourceRef("a.txt", quote, 0, len(quote)),),
...                "'district' cue; date from 'on Monday'", country="unknown")
>>> [(quote[s.start:s.end], s.kind) for s in highlights(inc, quote)]
[('Three', 'figures'), ('Nawa', 'place'), ('on Monday', 'day')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..extract.confidence import number_pattern

if TYPE_CHECKING:
    from ..incident import Incident

__all__ = ["Span", "highlights"]

_DATE_FROM = re.compile(r"date from '([^']*)'")


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of a quote, and what they gave: place, figures or day."""

    start: int
    end: int
    kind: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "kind": self.kind}


def _names(incident: Incident) -> list[str]:
    names = [incident.location]
    place = incident.place
    if place is not None:
        names += [place.name, place.admin2, place.admin1]
    return sorted({n for n in names if n and len(n) > 1}, key=len, reverse=True)


def highlights(incident: Incident, quote: str) -> list[Span]:
    """Non-overlapping spans of ``quote``, in order."""
    found: list[Span] = []
    for value in (incident.fatalities, incident.injured, incident.detained):
        if value is not None:
            found += [Span(m.start(), m.end(), "figures")
                      for m in number_pattern(value).finditer(quote)]
    for name in _names(incident):
        found += [Span(m.start(), m.end(), "place")
                  for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", quote, re.IGNORECASE)]
    said = _DATE_FROM.search(incident.reason)
    if said and said.group(1):
        found += [Span(m.start(), m.end(), "day")
                  for m in re.finditer(re.escape(said.group(1)), quote, re.IGNORECASE)]
    out: list[Span] = []
    for span in sorted(found, key=lambda s: (s.start, -s.end)):
        if not out or span.start >= out[-1].end:
            out.append(span)
    return out
