"""Datelines: "KABUL (Reuters) -", "PAKTIKA PROVINCE, Afghanistan –": the reporter's place,
which sets an article's place only when it is a province and no sentence names one."""

from __future__ import annotations

import re
from dataclasses import replace

from ..places.mentions import Mention
from ..places.resolve import PlaceGroup, group_places, resolve_mentions
from ..text.reader import Sentence

__all__ = ["is_dateline", "dateline_province"]

_DATELINE = re.compile(r"^(?:\s+(?i:province|city))?\s*(?:,\s*Afghanistan)?"
                       r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
                       r"\s*(?:\([^)]{1,30}\)|[-—–:])")


def is_dateline(text: str, start: int, end: int) -> bool:
    """"KABUL (Reuters) -", "Kabul (BNA)", "KUNDUZ, Afghanistan, March 2 (Xinhua) --",
    "PAKTIKA PROVINCE, Afghanistan –" at the start of a line, or in capitals anywhere
    ("For Immediate Release KABUL, Afghanistan (Jan. 10, 2011) –"): the reporter's
    place, not the event's."""
    surface = text[start:end]
    if surface.isupper() and len(surface) > 3:
        at_start = True
    else:                        # (a bounded look back: a text may be one huge line)
        line_start = text.rfind("\n", max(0, start - 80), start) + 1
        at_start = (line_start > 0 or start <= 80) and not text[line_start:start].strip()
    return at_start and _DATELINE.match(text[end:end + 48]) is not None


def dateline_province(text: str, datelines: list[Mention],
                       sentences: list[Sentence]) -> tuple[PlaceGroup, str] | None:
    """"PAKTIKA PROVINCE, Afghanistan –", "URUZGAN, Afghanistan (Oct. 3)": a province
    dateline sets the article's place when no sentence names one (a city dateline,
    "KABUL, Afghanistan", is where the release was issued, not where it happened)."""
    for mention in datelines:
        provinces = [c for c in mention.candidates if c.place.kind == "province"]
        cities = [c for c in mention.candidates if c.place.kind == "city"]
        said = text[mention.end:mention.end + 10].lower().lstrip().startswith("province")
        if provinces and (said or not cities):
            group = group_places(text, resolve_mentions(
                text, [replace(mention, candidates=tuple(provinces))],
                [(s.start, s.end) for s in sentences]))
            if group:
                return group[0], "dateline"
    return None
