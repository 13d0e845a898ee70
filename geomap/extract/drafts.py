"""Incident drafts: an incident being assembled from the sentences that report it.

A draft is opened at a place group of a sentence (:func:`new_drafts`, one per place the
sentence reports an event at), continued by the sentences that go on about it
(:func:`continue_draft`) and refined when one of them places it more precisely
(:func:`finer_place`). :mod:`geomap.extract.finish` turns it into an :class:`Incident`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date

from ..places.names import fold
from ..places.records import SPECIFICITY, contains
from ..places.resolve import PlaceGroup
from ..rules.anchors import guarded
from ..rules.counts import Count
from ..lang import LanguagePack
from ..rules.dates import DateRef
from ..rules.lexicon import ActorHit
from ..text.reader import Sentence

__all__ = ["Draft", "make_draft", "new_drafts", "continue_draft", "restated", "broken_down", "attach_or_add", "finer_place",
           "undated", "same_province", "new_date", "placeable", "in_background", "inside"]

_GENERIC_VIOLENCE = frozenset({"killed", "killing", "attack", "attacks", "attacked", "attacking",
                               "shooting", "shot", "murdered"})


_LANDMARK_TARGET = re.compile(r"hospital|mosque|airport|airfield|school|university|hotel|"
                              r"shrine|market|bazaar|prison|embassy|ministry", re.IGNORECASE)


@dataclass(slots=True)
class Draft:
    """An incident being assembled (mutable until it becomes an Incident)."""

    group: PlaceGroup | None
    event_type: str
    sub_event_type: str
    date: DateRef | None
    date_note: str
    sentences: list[Sentence]
    counts: list[Count] = field(default_factory=list)
    actors: list[ActorHit] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    last_sentence: int = 0
    place_note: str = ""
    #: how the figures were read when that is not plain ("toll of 16 killed for 2 places
    #: named together, split evenly")
    count_note: str = ""
    #: its sentence says it is another event than the one before ("A day earlier, ...")
    apart: bool = False
    #: the draft of a place coordinated with this one ("killed 25 fighters in Arghandab
    #: and Zhari districts"), whose kind of event this one shares
    like: "Draft | None" = None


def in_background(ref: DateRef, background: list[tuple[int, int]], lang: LanguagePack) -> bool:
    """A date of a background clause ("linked to a murder in March"), but not "yesterday"
    at its end: a clause's reach is read loosely, and a deictic date is the report's."""
    return inside(ref.start, background) and not lang.is_deictic(ref)


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect_right(spans, (position, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= position < spans[k][1]


def placeable(text: str, group: PlaceGroup) -> bool:
    head = group.head
    if head.place is not None:
        return True
    if head.mention.foreign is None:
        return False
    # a foreign name counts as a location only after a locative word ("in Peshawar"),
    # not as an adjective or actor ("the US military", "Qatar condemned").
    before = text[max(0, head.mention.start - 12):head.mention.start].lower()
    return re.search(r"\b(?:in|near|at|inside|across|into)\s+(?:the\s+)?$", before) is not None


def new_drafts(text: str, sentence: Sentence, index: int, groups: list[PlaceGroup],
               dates: list[DateRef], context: DateRef | None, counts: list[Count],
               actors: list[ActorHit], published: date | None,
               background: list[tuple[int, int]], lang: LanguagePack,
               stated: DateRef | None = None) -> list[Draft]:
    """One draft per place group that the sentence reports an event at."""
    bounds = [sentence.start] + [g.end for g in groups]
    selected: list[int] = []
    coordinated_with_previous: set[int] = set()
    for k, group in enumerate(groups):
        lead = text[bounds[k]:group.start]
        seg_end = groups[k + 1].start if k + 1 < len(groups) else sentence.end
        own_counts = any(group.start <= c.start < seg_end or
                         (_elliptical(c) and bounds[k] <= c.start < group.start) for c in counts)
        coordinated = bool(selected) and selected[-1] == k - 1 and \
            re.fullmatch(r"\s*(?:\([^()]*\))?\s*(?:,|and|&|or)\s*(?:the\s+)?", lead) is not None
        joined = k > 0 and re.fullmatch(
            r"\s*(?:\([^()]*\))?\s*(?:,|and|&|or)\s*(?:the\s+)?", lead) is not None
        if coordinated:
            coordinated_with_previous.add(k)
        if lang.has_trigger(lead) or own_counts or coordinated:
            if joined and not coordinated and (not selected or selected[-1] != k - 1):
                # "attacks in Kandahar and Helmand provinces killed 11": both places
                selected.append(k - 1)
                coordinated_with_previous.add(k)
            selected.append(k)
    if not selected:
        selected = [0]
    owner = _count_owners(text, sentence, [groups[k] for k in selected], counts)
    shares, notes = _shared_tolls(sentence, [groups[k] for k in selected],
                                  [k in coordinated_with_previous for k in selected], counts, owner)
    drafts = []
    for n, k in enumerate(selected):
        group = groups[k]
        lead_start = groups[selected[n - 1]].end if n else sentence.start
        seg_end = groups[selected[n + 1]].start if n + 1 < len(selected) else sentence.end
        lead = text[lead_start:group.end]
        draft = make_draft(group, sentence, index, lead or sentence.text,
                           _dates_near(dates, group, background, lang), context, shares[n],
                           actors, published, segment=text[group.start:seg_end], lang=lang,
                           stated=stated)
        draft.count_note = notes[n]
        if k in coordinated_with_previous and drafts:
            # "killings in Nangarhar and Parwan": the same kind of event in both
            draft.event_type, draft.sub_event_type = drafts[-1].event_type, drafts[-1].sub_event_type
            draft.targets = list(drafts[-1].targets)
            draft.like = drafts[-1].like or drafts[-1]    # (the first of the list)
        drafts.append(draft)
    return drafts


def _shared_tolls(sentence: Sentence, places: list[PlaceGroup], coordinated: list[bool],
                  counts: list[Count], owner: list[int]) -> tuple[list[list[Count]], list[str]]:
    """The figures of each place, and a note where a toll was shared.

    One toll given for a list of places ("killed 16 insurgents in Kot and Nazyan
    districts", "21 killed and 6 wounded in Khash Rod, Chahar Burjak and Kang") is split
    evenly among them, the remainder to the first named (ACLED's rule): a toll read before
    the list, or after it with no place named after it. A place of the list with figures
    of its own ("seven dead in Zurmat and four in Sayed Karam") keeps them, and then no
    toll is shared.
    """
    shares = [[c for c, o in zip(counts, owner) if o == n] for n in range(len(places))]
    notes = [""] * len(places)
    n = 0
    while n < len(places):
        end = n + 1
        while end < len(places) and coordinated[end]:
            end += 1
        owned = [c for m in range(n, end) for c in shares[m]]
        if end - n > 1 and owned and all(
                not c.additive and c.value >= end - n and
                (c.end <= places[n].start or (c.start >= places[end - 1].end and
                                              end == len(places))) for c in owned) \
                and _listed(sentence, places[end - 2], places[end - 1]) \
                and _distinct_places(places[n:end]):
            _split(shares, notes, n, end, owned)
        n = end
    return shares, notes


def _listed(sentence: Sentence, before: PlaceGroup, last: PlaceGroup) -> bool:
    """A list whose last place follows "and" or "or" ("Kot and Nazyan", "Khash Rod, Chahar
    Burjak and Kang"), not an apposition ("Nahrin, Baghlan": a district and its province)."""
    between = sentence.text[before.end - sentence.start:last.start - sentence.start]
    return re.search(r"\b(?:and|or)\b|&", between) is not None


def _distinct_places(places: list[PlaceGroup]) -> bool:
    """Places of which none holds another ("the intersection of Marjah and Nad Ali"
    is one spot: Marjah lies in Nad Ali)."""
    found = [g.head.place for g in places]
    if any(a is None for a in found) or len({a.kind == "province" for a in found}) > 1:
        return False
    return not any(
        contains(a, b) or contains(b, a) for i, a in enumerate(found) for b in found[i + 1:])


def _split(shares: list[list[Count]], notes: list[str], first: int, end: int,
           counts: list[Count]) -> None:
    size = end - first
    for m in range(first, end):
        shares[m] = [replace(c, value=c.value // size + (c.value % size if m == first else 0),
                             parts=(), shared=c.value) for c in counts]
    told = ", ".join(f"{c.value} {c.kind}" for c in counts)
    for m in range(first, end):
        notes[m] = f"toll of {told} for {size} places named together, split evenly"


def broken_down(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without the shares of a toll that later sentences break down by place:
    "killed 40 insurgents in Farah, Nimroz and Herat provinces. In Farah, 22 were killed in
    Gulistan district. In Nimroz, 18 ... in Khash Rod" reports Gulistan and Khash Rod, not
    a third of 40 in each province (a roundup's lead is no incident of its own)."""
    shared = {}
    for draft in drafts:
        if draft.counts and all(c.shared for c in draft.counts):
            shared.setdefault(draft.sentences[0].start, []).append(draft)
    dropped: set[int] = set()
    for group in shared.values():
        places = [d.group.head.place for d in group if d.group and d.group.head.place]
        later = [d for d in drafts if d.sentences[0].start > group[0].sentences[0].start
                 and any(not c.shared and c.value for c in d.counts)
                 and d.group is not None and d.group.head.place is not None]
        if any(any(contains(p, d.group.head.place) or p == d.group.head.place for p in places)
               for d in later):
            dropped.update(id(d) for d in group)
    return [d for d in drafts if id(d) not in dropped] if dropped else drafts


def restated(draft: Draft, counts: list[Count]) -> list[Count]:
    """``counts`` without the figures that restate a toll the draft holds a share of
    ("killed four insurgents in Almar and Qaisar districts ... resulting in four
    insurgents killed": the four were already shared out)."""
    tolls = {(c.kind, c.shared) for c in draft.counts if c.shared}
    if not tolls:
        return counts
    return [c for c in counts if (c.kind, c.value) not in tolls]


_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|while|but|whereas)\b|\s(?:while|whereas)\s|"
                           r"\.\s|\sand\s(?=(?:\w+\s+){0,3}(?:were|was)\b)")


def _elliptical(count: Count) -> bool:
    """A count whose verb was left out, belonging to the place after it."""
    return count.phrase.split(maxsplit=1)[0].lower() in ("and", "while", "with")


def _count_owners(text: str, sentence: Sentence, groups: list[PlaceGroup],
                  counts: list[Count]) -> list[int]:
    """Which group each count belongs to: one in the same clause ("four died in Zaranj,
    and seven were hurt in Qalat"), else the nearest group before it, else the first."""
    breaks = [sentence.start] + [m.end() + sentence.start for m in
                                 _CLAUSE_BREAK.finditer(sentence.text)] + [sentence.end]

    def clause(pos: int) -> int:
        return max(i for i, b in enumerate(breaks) if b <= pos)

    owners = []
    for count in counts:
        after = [n for n, g in enumerate(groups) if g.start > count.start]
        if _elliptical(count) and after:
            owners.append(after[0])          # "... and three in Herat"
            continue
        same = [n for n, g in enumerate(groups) if clause(g.start) == clause(count.start)]
        if same:
            owners.append(min(same, key=lambda n: abs(groups[n].start - count.start)))
            continue
        before = [n for n, g in enumerate(groups) if g.start <= count.start]
        owners.append(before[-1] if before else 0)
    return owners


def _dates_near(dates: list[DateRef], group: PlaceGroup,
                background: list[tuple[int, int]], lang: LanguagePack) -> list[DateRef]:
    """The sentence's dates, those of background clauses last, nearest the place first
    (the days of statements, "officials said on Wednesday", were already set aside by
    :func:`_statement_date`)."""
    return sorted(dates, key=lambda d: (in_background(d, background, lang),
                                        abs(d.start - group.start)))


def make_draft(group: PlaceGroup | None, sentence: Sentence, index: int, lead: str,
               dates: list[DateRef], context: DateRef | None, counts: list[Count],
               actors: list[ActorHit], published: date | None, segment: str = "", *,
               lang: LanguagePack, stated: DateRef | None = None) -> Draft:
    """A new draft at ``group`` (``None``: Afghanistan at large); its kind of event from the
    words before the place (``lead``), else after it (``segment``), else the sentence; its
    day the sentence's own, else the day in force (``context``), else the day of the
    statement that reports it (``stated``), as the latest it can be."""
    kind = lang.classify_event(lead) or lang.classify_event(segment)
    if kind is None or kind.keyword in _GENERIC_VIOLENCE:
        # "Five people were killed in Kabul ... in separate bombings": the sentence
        # names the kind of attack that the words next to the place do not
        kind = lang.classify_event(sentence.text) or kind
    if dates:
        when, note = dates[0], f"date from '{dates[0].phrase}'"
    elif context is not None:
        # (the day in force from an earlier sentence)
        when, note = context, f"date from '{context.phrase}' earlier in the text"
    elif stated is not None and published is not None and stated.value < published:
        # "relatives told reporters on Tuesday that gunmen had killed ...": that day at
        # the latest (a week's precision: it may have been earlier)
        when = replace(stated, precision="week")
        note = f"date of the statement '{stated.phrase}', the event's at the latest"
    else:
        when = None
        note = "no date in the text: publication date" if published else "no date"
    targets = lang.find_targets(lead + " " + segment)
    if group is not None and group.head.place is not None \
            and _LANDMARK_TARGET.search(group.head.place.name):
        targets.insert(0, _LANDMARK_TARGET.search(group.head.place.name).group(0).lower())
    return Draft(group=group,
                  event_type=kind.event_type if kind else "Violence against civilians",
                  sub_event_type=kind.sub_event_type if kind else "Attack",
                  date=when, date_note=note, sentences=[sentence], counts=list(counts),
                  actors=list(actors), targets=targets, last_sentence=index)


def finer_place(text: str, draft: Draft, groups: list[PlaceGroup]) -> PlaceGroup | None:
    """A group of the sentence that places the running incident more precisely, if any.

    The sentence must name no other province, and the new place must be inside the
    incident's place and more specific.
    """
    if draft.group is None or draft.group.head.place is None:
        return None
    current = draft.group.head.place
    if any(g.head.place is not None and g.head.place.kind == "province"
           and g.head.place.admin1_code != current.admin1_code for g in groups):
        return None
    placed = [g for g in groups
              if g.head.place is not None and g.head.place.admin1_code == current.admin1_code]
    if not placed:
        return None
    if current.kind == "city" and _names_its_province(current):
        for group in placed:     # "...in Herat. ... targeted in Shindand district"
            if group.head.place.kind == "district" and group.head.place.id != current.admin2_id:
                return group
    # the place the sentence puts something "in" ("mines on a road in Ali Abad district
    # that links Kunduz to Kabul"), then the most specific
    best = max(placed, key=lambda g: (_LOCATIVE_BEFORE.search(text, max(0, g.start - 12), g.start)
                                      is not None, SPECIFICITY[g.head.place.kind]))
    finer = best.head.place
    if SPECIFICITY[finer.kind] <= SPECIFICITY[current.kind]:
        return None
    if current.kind == "district" and finer.admin2_id != current.id:
        return None
    if current.kind in ("city", "town") and finer.kind not in ("landmark", "area"):
        return None
    return best


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|inside|outside|outskirts\s+of)\s+(?:the\s+)?$",
                              re.IGNORECASE)


def _names_its_province(place) -> bool:
    """A city with its province's name (Herat, Kandahar, Kunduz), which a text may use
    for the province."""
    return fold(place.name) == fold(place.admin1) or place.admin2 == place.admin1


#: how a draft's day is noted when another sentence may still give its own: a day in force
#: from an earlier sentence, or the day of the statement that reports it
_PROVISIONAL = ("earlier in the text", "the event's at the latest")


def undated(draft: Draft) -> bool:
    return draft.date is None or draft.date_note.endswith(_PROVISIONAL)


def same_province(draft: Draft, groups: list[PlaceGroup]) -> bool:
    """True when every place of ``groups`` lies in the draft's province."""
    code = draft.group.head.place.admin1_code if draft.group and draft.group.head.place \
        else None
    return all(g.head.place is not None and g.head.place.admin1_code == code for g in groups)


def new_date(dates: list[DateRef], draft: Draft) -> bool:
    """True when a sentence dates itself differently from the running incident (whose
    date, when it came from an earlier sentence, the sentence may still correct)."""
    current = draft.date
    return bool(dates) and current is not None and \
        not draft.date_note.endswith(_PROVISIONAL) and all(
            d.value != current.value for d in dates)


def continue_draft(draft: Draft, sentence: Sentence, index: int, counts: list[Count],
              actors: list[ActorHit], dates: list[DateRef] = (), *,
              lang: LanguagePack) -> None:
    draft.sentences.append(sentence)
    if dates and undated(draft):
        # "...killed in Kunar. The strike hit them last night": the incident's own date
        draft.date, draft.date_note = dates[0], f"date from '{dates[0].phrase}'"
    kind = lang.classify_event(sentence.text)
    if kind and lang.subtype_rank(kind.sub_event_type) < lang.subtype_rank(draft.sub_event_type) and (
            draft.sub_event_type in _GENERIC_SUBTYPES or kind.event_type == draft.event_type):
        # "Gunmen attacked ... The attacker detonated his vest": a later sentence says how;
        # but an arrest stays an arrest whatever weapons the release goes on to mention
        draft.event_type, draft.sub_event_type = kind.event_type, kind.sub_event_type
    draft.counts.extend(counts)
    draft.actors.extend(actors)
    draft.targets.extend(lang.find_targets(sentence.text))
    draft.last_sentence = index


def attach_or_add(drafts: list[Draft], draft: Draft, lang: LanguagePack) -> None:
    """A new sentence naming the running incident's place again continues it."""
    if drafts:
        last = drafts[-1]
        same_place = (last.group is not None and draft.group is not None
                      and last.group.head.place is not None
                      and last.group.head.place == draft.group.head.place)
        if same_place and draft.last_sentence - last.last_sentence <= 1 and \
                (draft.date is None or last.date is None or draft.date.value == last.date.value):
            # (its own day, if it tells one, dates an undated incident: "Teachers shot dead
            # in Faryab / Two teachers were shot dead in Faryab province on Monday")
            own = [draft.date] if draft.date is not None and not undated(draft) else []
            continue_draft(last, draft.sentences[0], draft.last_sentence, draft.counts, [],
                           own, lang=lang)
            last.actors.extend(draft.actors)
            return
    drafts.append(draft)


_GENERIC_SUBTYPES = frozenset({"Attack", "Armed clash"})


_CLAUSE_BREAK = guarded(_CLAUSE_BREAK)
