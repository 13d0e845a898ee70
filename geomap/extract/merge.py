"""One incident, many reports: merge incidents that describe the same event.

Two incidents are the same event only when all of these hold: their places
nest (the hospital is in Kabul; Kunduz province holds Kunduz city) and are
in one province; their dates overlap at their precisions; their event
types agree; and their casualty figures are compatible. Two precise places more than 5 km apart are never one event.
The merged incident keeps every source, the most specific place and date,
and the best-supported counts (the largest figure any report gives: each
report's figure is already a conservative lower bound).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterable

from ..rules.dates import shift
from ..places.geodesy import distance_km
from ..incident import Incident
from ..rules.lexicon import subtype_rank
from ..places.records import SPECIFICITY, Place, contains

__all__ = ["same_event", "merge_pair", "merge_incidents", "date_span"]

_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}


def date_span(value: date, precision: str | None) -> tuple[date, date]:
    """The days an event date may stand for at its precision (± 1 day for a day),
    clamped at the calendar's ends."""
    if precision == "day":
        return shift(value, -1), shift(value, 1)
    if precision == "week":
        return shift(value, -7), shift(value, 7)
    if precision == "month":
        last = calendar.monthrange(value.year, value.month)[1]
        return value.replace(day=1), value.replace(day=last)
    return date(value.year, 1, 1), date(value.year, 12, 31)


def _dates_agree(a: Incident, b: Incident) -> bool:
    if a.event_date is None or b.event_date is None:
        return False
    a0, a1 = date_span(a.event_date, a.date_precision)
    b0, b1 = date_span(b.event_date, b.date_precision)
    return a0 <= b1 and b0 <= a1


def _places_nest(a: Place, b: Place) -> bool:
    if a.id == b.id:
        return True
    outer, inner = sorted((a, b), key=lambda p: SPECIFICITY[p.kind])
    if outer.kind in ("province", "district") or (
            outer.kind in ("city", "town") and inner.kind not in ("city", "town")):
        return contains(outer, inner)
    # two towns or two landmarks: one event only at (nearly) the same spot
    return a.admin1_code == b.admin1_code and distance_km(a.lat, a.lon, b.lat, b.lon) <= 5.0


def _types_agree(a: Incident, b: Incident) -> bool:
    """The same kind of event, or a generic attack, or an arrest told beside the battle of
    the same raid (a raid that killed and detained is one battle with its detained)."""
    subs = {a.sub_event_type, b.sub_event_type}
    return a.event_type == b.event_type or "Attack" in subs or subs == {"Arrests", "Armed clash"}


def _counts_agree(a: Incident, b: Incident) -> bool:
    """Reports of one event may differ in their figures, but not wildly (1 vs 12 killed
    are two events; "more than 100" vs 120 can be one)."""
    for x, y in ((a.fatalities, b.fatalities), (a.injured, b.injured),
                 (a.detained, b.detained)):
        if x is not None and y is not None and max(x, y) > 2 * min(x, y) + 2:
            return False
    return True


def same_event(a: Incident, b: Incident, *, apart: frozenset[str] = frozenset()) -> bool:
    """True when two incidents are reports of one event. ``apart``: ids of incidents their
    article says are another event ("A day earlier, gunmen killed a cleric", "..., while
    three others were killed in an airstrike elsewhere in the province"), which are one
    with none of the article's other incidents."""
    if a.place is None or b.place is None:
        return False
    if (a.id in apart) != (b.id in apart):
        return False
    return (_places_nest(a.place, b.place) and _dates_agree(a, b) and _types_agree(a, b)
            and _counts_agree(a, b))


def _max(x: int | None, y: int | None) -> int | None:
    values = [v for v in (x, y) if v is not None]
    return max(values) if values else None


def merge_pair(a: Incident, b: Incident) -> Incident:
    """One incident from two reports of the same event (a's id is kept)."""
    place_from = max((a, b), key=lambda i: (SPECIFICITY[i.place.kind], -(i.geo_precision or 9)))
    date_from = min((a, b), key=lambda i: _DATE_RANK[i.date_precision])
    type_from = min((a, b), key=lambda i: subtype_rank(i.sub_event_type))
    seen = set()
    sources = []
    for src in a.sources + b.sources:
        key = (src.file, src.start)
        if key not in seen:
            seen.add(key)
            sources.append(src)
    actors = tuple(dict.fromkeys(a.actors + b.actors))
    return a.with_(
        place=place_from.place, location=place_from.location,
        geo_precision=place_from.geo_precision, where_prec=place_from.where_prec,
        reason=place_from.reason,
        event_date=date_from.event_date, date_precision=date_from.date_precision,
        event_type=type_from.event_type, sub_event_type=type_from.sub_event_type,
        fatalities=_max(a.fatalities, b.fatalities), injured=_max(a.injured, b.injured),
        detained=_max(a.detained, b.detained),
        actor1=a.actor1 or b.actor1, actor2=a.actor2 or b.actor2, actors=actors, target=a.target or b.target, sources=tuple(sources))


def _months(incident: Incident) -> tuple[tuple[int, int], ...]:
    """The (year, month) buckets an incident's date span touches (1 to 13 of them)."""
    return _months_of(incident.event_date, incident.date_precision)


@lru_cache(maxsize=4096)
def _months_of(value: date, precision: str | None) -> tuple[tuple[int, int], ...]:
    # (a pure function of the date: the same few dates recur in every batch of reports)
    lo, hi = date_span(value, precision)
    months, (y, m) = [], (lo.year, lo.month)
    while (y, m) <= (hi.year, hi.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(months)


#: Candidates compared per bucket: reports of one event sit close together, and a cap
#: keeps a pathological text (thousands of same-day, same-province reports) linear.
_BUCKET_CAP = 256


def _first_source(incident: Incident) -> Incident:
    """The incident with its first source only (itself when it has one: most have)."""
    return incident if len(incident.sources) == 1 else incident.with_(sources=incident.sources[:1])


_FIGURES = ("fatalities", "injured", "detained")


def _gives_figures(incident: Incident) -> bool:
    return any(getattr(incident, f) is not None for f in _FIGURES)


def _yielding(claim: Incident, report: Incident) -> Incident:
    """A claimed incident without the figures the other report gives itself."""
    return claim.with_(**{f: None for f in _FIGURES if getattr(report, f) is not None})


@dataclass(slots=True)
class _Event:
    """One event being gathered from its reports: the merged record so far, the sources
    of every report (each once), and whether its figures are only an armed group's claim."""

    incident: Incident
    is_claim: bool
    sources: list = field(default_factory=list)
    seen: set = field(default_factory=set)

    def gather(self, incident: Incident) -> None:
        for src in incident.sources:
            key = (src.file, src.start)
            if key not in self.seen:
                self.seen.add(key)
                self.sources.append(src)

    def absorb(self, incident: Incident, claim: bool) -> None:
        """Merge another report of this event into it."""
        kept, added = self.incident, _first_source(incident)
        if claim and not self.is_claim:
            added = _yielding(added, kept)
        elif self.is_claim and not claim and _gives_figures(added):
            kept = _yielding(kept, added)
            self.is_claim = False
        self.incident = merge_pair(kept, added)
        self.gather(incident)

    def finished(self) -> Incident:
        # (an incident whose sources are unchanged is kept as it is: rebuilding a frozen
        # record costs more than all the comparisons of merging)
        gathered = tuple(self.sources)
        inc = self.incident
        return inc if gathered == inc.sources else inc.with_(sources=gathered)


def _buckets_of(incident: Incident) -> list[tuple]:
    """The (province, year, month) buckets a placed, dated incident falls in."""
    if incident.place is None or incident.event_date is None:
        return []
    return [(incident.place.admin1_code, *month) for month in _months(incident)]


def merge_incidents(incidents: list[Incident], *, claimed: Iterable[str] = (),
                    apart: Iterable[str] = ()) -> list[Incident]:
    """Merge reports of the same event; order of first report is kept.

    ``claimed``: ids of incidents whose figures are only an armed group's claim ("the
    Taliban said nine soldiers were killed"); merged with a report that gives its own
    figures, they keep those (the most conservative figure, as ACLED codes).
    ``apart``: ids of incidents their article says are another event (see
    :func:`same_event`).

    Only reports in one province whose date spans overlap can be one event, so each
    incident is compared with those sharing a (province, month) bucket: the cost grows
    with the number of incidents, not with its square. Sources are gathered apart from
    the fields that decide merging, so an event with thousands of reports stays linear.
    """
    events: list[_Event] = []
    buckets: dict[tuple, list[int]] = {}
    claims = set(claimed)
    apart = frozenset(apart)
    for incident in incidents:
        target = _same_as(incident, events, buckets, apart)
        claim = incident.id in claims
        if target is None:
            # (kept with all its sources: they are replaced by the gathered ones at the end,
            # and most incidents are never merged, so copying it now would be wasted)
            events.append(_Event(incident, claim))
            target = len(events) - 1
            events[target].gather(incident)
        else:
            events[target].absorb(incident, claim)
        for key in _buckets_of(events[target].incident):     # (its span may have grown)
            entry = buckets.setdefault(key, [])
            if not entry or entry[-1] != target:
                entry.append(target)
    return [event.finished() for event in events]


def _same_as(incident: Incident, events: list[_Event], buckets: dict[tuple, list[int]],
             apart: frozenset[str] = frozenset()) -> int | None:
    """The index of the event already gathered that ``incident`` reports, if any."""
    checked: set[int] = set()
    for key in _buckets_of(incident):
        for i in buckets.get(key, ())[-_BUCKET_CAP:]:
            if i not in checked:
                checked.add(i)
                if same_event(events[i].incident, incident, apart=apart):
                    return i
    return None
