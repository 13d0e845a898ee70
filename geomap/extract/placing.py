"""Where a sentence puts its incident, beyond the place it names first.

- :func:`finest_within`: the article's lead is the most specific place of its sentence
  inside the first ("In Helmand province, a patrol was engaged in Sangin district");
- :func:`moved_to`: a sentence that says where the event happened names an exact place
  in another province than the city or province the event had;
- :func:`elsewhere_in_province`: a clause about another event ("..., while three others
  were killed in an airstrike elsewhere in the province") is an incident of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..places.records import SPECIFICITY, contains
from ..places.resolve import PlaceGroup
from ..rules.counts import Count
from .cues import cues
from .drafts import Draft, make_draft

if TYPE_CHECKING:
    from .segment import Said

__all__ = ["finest_within", "moved_to", "elsewhere_in_province"]


def finest_within(groups: list[PlaceGroup]) -> PlaceGroup:
    """The sentence's first place, or a more specific one of the sentence inside it ("In
    Helmand province, a patrol was engaged in Sangin district": Sangin)."""
    first = groups[0]
    outer = first.head.place
    if outer is None:
        return first
    inside = [g for g in groups[1:] if g.head.place is not None and
              SPECIFICITY[g.head.place.kind] > SPECIFICITY[outer.kind] and
              contains(outer, g.head.place)]
    return max(inside, key=lambda g: SPECIFICITY[g.head.place.kind]) if inside else first



#: the kinds of place a report may give first for an event a later sentence places
#: exactly: a city (a dateline's, a road's end) or a whole province
_LOOSE = frozenset({"city", "province"})
_EXACT = frozenset({"district", "town", "landmark", "area", "airport"})


def moved_to(draft: Draft, said: Said) -> PlaceGroup | None:
    """"... wounded by a mortar round fired near the Kandahar-Tirin Kot road. Officials in
    neighbouring Uruzgan said the round landed on a home in Dehrawud district": a sentence
    that refers back to the event ("the round") and names one exact place in another
    province, where the event had only a city or a province, places it there."""
    current = draft.group.head.place if draft.group is not None else None
    if current is None or current.kind not in _LOOSE or not said.refers_back or \
            not cues(said.language).holds("placed_at", said.sentence.text):
        return None
    exact = [g for g in said.groups if g.head.place is not None and g.head.place.kind in _EXACT]
    if len(exact) != 1 or exact[0].head.place.admin1_code == current.admin1_code:
        return None               # (within the province, finer_place decides)
    # (what refers back must be the event, not the place itself: "the military hospital")
    start = said.sentence.start
    if not any(m.end() + start <= exact[0].start or m.start() + start >= exact[0].end for m in
               cues(said.language).anaphor.finditer(said.sentence.text)):
        return None
    return exact[0]



_CLAUSE_END = re.compile(r",\s*(?:while|and|but|whereas)\b|;", re.IGNORECASE)


def elsewhere_in_province(article, said: Said, counts: list[Count],
                           drafts: list[Draft]) -> list[Draft]:
    """"Commandos killed nine insurgents in a raid in Sayed Karam district of Paktia, while
    three others were killed in an airstrike elsewhere in the province": a clause that says
    its figures are of another event and names no place of its own is an incident of its
    own, in the province of the place before it; its figures leave the first incident."""
    text = said.sentence.text
    words = cues(said.language)
    if words.elsewhere is None or not counts or "," not in text and ";" not in text:
        return []
    breaks = [m.end() for m in _CLAUSE_END.finditer(text)]
    out = []
    for k, start in enumerate(breaks):
        end = breaks[k + 1] if k + 1 < len(breaks) else len(text)
        clause = text[start:end]
        lo, hi = said.sentence.start + start, said.sentence.start + end
        mine = [c for c in counts if lo <= c.start < hi]
        if not mine or not words.holds("elsewhere", clause) or \
                any(lo <= g.start < hi for g in said.groups):
            continue
        before = [g for g in said.groups if g.end <= lo]
        province = next((m for g in reversed(before) for m in g.members
                         if m.place is not None and m.place.kind == "province"), None)
        if province is None:
            continue
        draft = make_draft(PlaceGroup((province,)), said.sentence, said.index, clause,
                           said.dates, (said.context.ref if said.context else None), mine, said.actors,
                           article.published, lang=article.lang, stated=said.stated)
        draft.apart = True
        own = article.lang.classify_event(text[:start])
        for other in drafts:
            other.counts = [c for c in other.counts if c not in mine]
            if (other.event_type, other.sub_event_type) == \
                    (draft.event_type, draft.sub_event_type) and \
                    (own is None or own.sub_event_type == "Attack"):
                # (its kind was the other clause's: "... killed six fighters in an operation
                # ..., while four civilians died in a mortar attack elsewhere")
                other.event_type, other.sub_event_type = "Violence against civilians", "Attack"
        out.append(draft)
    return out
