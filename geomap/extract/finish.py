"""Finishing a draft: its place, day, figures, event type and actors as an :class:`Incident`."""

from __future__ import annotations

import re

from ..codebook import actor_sides
from ..incident import Incident, SourceRef
from ..places.resolve import precision_codes
from ..rules.counts import Count
from ..text.reader import Document
from .drafts import Draft
from .cues import cues
from .speakers import conservative

__all__ = ["finish"]

_SIDES = frozenset({"combatant", "security", "civilian"})


_CIVILIANS = "Civilians (Afghanistan)"


_COMBAT = frozenset({"combatant", "security", "mixed"})


def _by_who_was_hit(draft: Draft) -> tuple[str, str]:
    """A generic attack whose dead or wounded were fighters, soldiers or police
    ("security forces killed four insurgents", "Taliban killed two policemen at a
    checkpoint") is a battle, ACLED's *Armed clash*; with civilians among them it stays
    *Violence against civilians*."""
    counts = draft.counts or (draft.like.counts if draft.like is not None else [])
    hit = {c.victims for c in counts if c.kind in ("killed", "wounded") and c.value}
    if (draft.event_type, draft.sub_event_type) == ("Violence against civilians", "Attack") \
            and hit & _COMBAT and "civilian" not in hit:
        return "Battles", "Armed clash"
    return draft.event_type, draft.sub_event_type


def _by_figures(draft: Draft, event_type: str, sub_event_type: str,
                language: str) -> tuple[str, str]:
    """The most severe kind of event the figures show wins: a raid that killed and
    detained is a battle with its detained figure ("Seven insurgents died in a commando
    operation; two others were taken into custody"); an explosion word with only people
    detained and nothing that went off is an arrest ("arrested three men with explosives
    and two suicide vests", "captured four organisers of roadside bombings")."""
    value = {kind: sum(c.value for c in draft.counts if c.kind == kind and not c.claimed)
             for kind in ("killed", "wounded", "detained")}
    hurt = value["killed"] + value["wounded"]
    if sub_event_type == "Arrests" and hurt and (not value["detained"] or
                                                 _opens_with_deaths(draft)):
        hit = {c.victims for c in draft.counts if c.kind in ("killed", "wounded") and c.value}
        if hit and hit <= _COMBAT:
            return "Battles", "Armed clash"
    if event_type == "Explosions/Remote violence" and value["detained"] and not hurt:
        words = cues(language)
        if words.explosion_verb is not None and \
                not any(words.holds("explosion_verb", s.text) for s in draft.sentences):
            return "Strategic developments", "Arrests"
    return event_type, sub_event_type


def _opens_with_deaths(draft: Draft) -> bool:
    """The incident's first sentence tells its dead or wounded before anyone detained
    ("Seven insurgents died in a commando operation; two others were taken into custody"):
    a raid reported as a fight. One that opens with the detentions ("resulted in the
    detention of several insurgents ... four insurgents were killed") stays an arrest, as
    the releases' own coders type it."""
    first = draft.sentences[0]
    told = sorted((c for c in draft.counts if first.start <= c.start < first.end and c.value),
                  key=lambda c: c.start)
    return bool(told) and told[0].kind in ("killed", "wounded") and \
        any(c.kind == "detained" for c in told)


def _actor_roles(text: str, draft: Draft, claimed: list[str]) -> tuple[str | None, str | None]:
    """ACLED's actor1 (who acted) and actor2 (who was acted on) from the event sentence:
    an actor after "by", else the last one before the first count; the first other actor
    after it; civilians when the counted people were civilians."""
    first = draft.sentences[0]
    counts = [c for c in draft.counts if first.start <= c.start < first.end]
    anchor = min((c.start for c in counts), default=first.end)
    hits = [a for a in draft.actors if first.start <= a.start < first.end]
    by = [a for a in hits if re.search(r"\bby\s+(?:the\s+)?$", text[max(0, a.start - 8):a.start])]
    before = [a for a in hits if a.end <= anchor and a not in by]
    actor1 = (by[0] if by else before[-1] if before else None)
    actor1_name = actor1.actor if actor1 else (claimed[0] if claimed else None)
    actor2 = next((a.actor for a in hits if a is not actor1 and a.actor != actor1_name
                   and (a.start >= anchor or by)), None)
    if actor2 is None and any(c.victims == "civilian" for c in draft.counts):
        actor2 = _CIVILIANS
    return _by_sides(actor1_name, actor2, [a.actor for a in hits], draft.counts)


def _by_sides(actor1: str | None, actor2: str | None, named: list[str],
              counts: list[Count]) -> tuple[str | None, str | None]:
    """When the dead or wounded were fighters, the state side acted on them; when they
    were soldiers or police, an armed group did ("Eight militants were killed as the Afghan
    Air Force struck": the air force is actor1). Sides come from codebook/actor_sides.csv."""
    hit = {c.victims for c in counts if c.kind in ("killed", "wounded") and c.value} & \
        {"combatant", "security", "civilian"}
    if len(hit) != 1 or not hit & {"combatant", "security"}:
        return actor1, actor2
    sides = actor_sides()
    acting = "state" if "combatant" in hit else "armed group"
    ordered = list(dict.fromkeys(a for a in (actor1, actor2, *named) if a))
    first = next((a for a in ordered if sides.get(a) == acting), None)
    second = next((a for a in ordered if sides.get(a) not in (None, acting)), None)
    if first is None and second is None:
        return actor1, actor2
    return first, second


def _best_count(counts: list[Count], kind: str) -> int | None:
    """An incident's figure: reports repeat a figure ("killed numerous insurgents ... killing
    numerous insurgents"), so the largest one, plus the people said to be additional
    ("also detained two", "another insurgent was killed"), less the people who left it
    ("one of the wounded later died")."""
    if any(c.claimed for c in counts if c.kind == kind) and \
            not all(c.claimed for c in counts if c.kind == kind):
        counts = [c for c in counts if not c.claimed]   # (the conservative figure)
    counts = conservative(counts, kind)                 # (the officials', when they differ)
    main = [c for c in counts if c.kind == kind and not c.additive]
    # (a part of a figure of several: "a Taliban leader ... also detained one suspected
    # insurgent" is two people)
    stated = {(part, c.victims) for c in main if len(c.parts) > 1 for part in c.parts}
    # "Three militants and two militiamen were killed ... Two militiamen were also
    # killed": an "also" that repeats part of a figure adds no one
    extra = sum(c.value for c in counts if c.kind == kind and c.additive
                and not (c.loose and (c.value, c.victims) in stated))
    if not main and not extra:
        return 0 if any(c.kind == kind for c in counts) else None
    # figures about different sides add up ("two soldiers were killed ... forces killed
    # nine militants" = 11): the largest figure per side, summed; a figure about people
    # in general ("12 people were killed") may already hold them all
    by_side: dict[str, int] = {}
    for c in main:
        side = c.victims if c.victims in _SIDES else ""
        by_side[side] = max(by_side.get(side, 0), c.value)
    general = by_side.pop("", 0)
    # "Four were wounded ... One of the wounded later died": the one leaves this figure
    # (Count.out_of) and is counted among the dead
    gone = sum(c.value for c in counts if c.out_of == kind)
    return max(0, max(general, sum(by_side.values())) + extra - gone)


def finish(draft: Draft, document: Document, claimed: list[str]) -> Incident:
    group = draft.group
    head = group.head if group else None
    place = head.place if head else None
    if place is not None:
        geo_prec, where_prec = precision_codes(place, head.near)
        location, country, reason = place.name, "Afghanistan", head.reason
    elif head is not None and head.mention.foreign is not None:
        foreign = head.mention.foreign
        geo_prec, where_prec = None, 6
        location, country = foreign.name, foreign.country
        reason = f"{foreign.name} is in {foreign.country}, outside Afghanistan"
    else:
        geo_prec, where_prec = None, 6
        location, country = "Afghanistan", "Afghanistan"
        reason = "no place more precise than Afghanistan in the text"
    if draft.date is not None:
        event_date, precision = draft.date.value, draft.date.precision
    elif document.published is not None:
        # (a month-only publication date dates the event to that month at best)
        event_date = document.published
        precision = "week" if document.published_precision == "day" else "month"
    else:
        event_date, precision = None, None
    actors = list(dict.fromkeys(a.actor for a in draft.actors))
    recent_claim = bool(claimed and event_date and document.published and
                        abs((document.published - event_date).days) <= 31)
    actor1, actor2 = _actor_roles(document.text, draft, claimed if recent_claim else [])
    event_type, sub_event_type = _by_figures(draft, *_by_who_was_hit(draft),
                                             document.language)
    if not actors and claimed and event_date and document.published and \
            abs((document.published - event_date).days) <= 31:
        actors = list(dict.fromkeys(claimed))
    sources = tuple(SourceRef(document.source, document.text[s.start:s.end], s.start, s.end,
                              document.published, language=document.language)
                    for s in draft.sentences)
    return Incident(
        event_type=event_type, sub_event_type=sub_event_type, actor1=actor1, actor2=actor2,
        location=location, place=place, geo_precision=geo_prec, where_prec=where_prec,
        event_date=event_date, date_precision=precision,
        fatalities=_best_count(draft.counts, "killed"),
        injured=_best_count(draft.counts, "wounded"),
        detained=_best_count(draft.counts, "detained"),
        actors=tuple(actors), target=draft.targets[0] if draft.targets else None,
        sources=sources, reason="; ".join(filter(None, (reason, draft.place_note, draft.date_note,
                                                        draft.count_note))),
        country=country)
