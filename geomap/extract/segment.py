"""Segmentation: what each sentence is to the incidents read so far.

Sentences are read in order. Each one, by the first of these decisions that takes it:

- **refines** the running incident: it names a place inside the incident's place, more
  precisely ("... in Nangarhar. They were hit in Surkh Rod district");
- **dates** it, with no event word of its own ("The incident happened on Tuesday");
- is **no event**: a tally of days or more ("40 bombings over ten days"), a reaction
  ("Qatar condemned the attack") or a not-an-event clause, with no figures;
- opens **new events**, one per place it reports an event at (or continues the running
  one when it names its place again the sentence after);
- **continues** the running incident: figures or an anaphor ("the attack") with no
  place of its own, close enough, on the same day;
- **names again** one person an earlier incident counted ("detained the senior leader");
- takes the **place of the sentence before** ("The operation was in Toto village. At
  least 150 Taliban were killed"), the article's **lead place** or its province dateline,
  or **Afghanistan** at large when the text names only a country.

A :class:`Scene` carries what the sentences so far have set: the drafts, the day in force,
the place of the sentence before, the article's lead place and who claimed the attack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..places.records import contains
from ..places.resolve import PlaceGroup, group_places
from ..rules.anchors import guarded
from ..rules.counts import Count
from ..rules.dates import DateRef
from ..rules.lexicon import ActorHit
from ..text.reader import Sentence
from .claims import counts_in
from .asides import event_places, is_aside, out_of_scope
from .placing import elsewhere_in_province, finest_within, moved_to
from .cues import cues
from .drafts import (Draft, attach_or_add, continue_draft, finer_place, in_background, inside,
                     make_draft, new_date, new_drafts, placeable, restated, same_province,
                     undated)

__all__ = ["Lead", "Scene", "read_sentence"]


@dataclass(frozen=True, slots=True)
class Lead:
    """The article's place when a sentence names none: the first place a sentence named
    (``source="lead"``) or a province dateline ("PAKTIKA PROVINCE, Afghanistan –",
    ``source="dateline"``), which the first named place replaces."""

    group: PlaceGroup
    source: str

    @property
    def from_dateline(self) -> bool:
        return self.source == "dateline"


@dataclass(frozen=True, slots=True)
class DateContext:
    """The day a sentence told (not of a background clause), and that sentence's index."""

    ref: DateRef
    index: int


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """The places a sentence set the scene at, and that sentence's index."""

    groups: list[PlaceGroup]
    index: int


@dataclass(slots=True)
class Scene:
    """What the sentences read so far have set (see the module's docstring)."""

    lead: Lead | None
    drafts: list[Draft] = field(default_factory=list)
    date_ctx: DateContext | None = None
    last_place: PlaceContext | None = None
    #: armed groups that claimed an attack in a sentence naming no place
    claimed: list[str] = field(default_factory=list)

    @property
    def running(self) -> Draft | None:
        """The incident the next sentence may go on about."""
        return self.drafts[-1] if self.drafts else None


@dataclass(frozen=True, slots=True)
class Said:
    """What one sentence says, read against the scene before it."""

    index: int
    sentence: Sentence
    #: its dates, those of background clauses last, statements' days left out
    dates: list[DateRef]
    #: its dates outside background clauses: the days it tells
    told: list[DateRef]
    #: the places it reports at (a background clause's only when it names no other)
    groups: list[PlaceGroup]
    actors: list[ActorHit]
    #: the day in force from the sentences before, if still close enough
    context: DateContext | None
    #: the places of the sentence just before, if it set any
    place_ctx: PlaceContext | None
    #: the day a statement was made ("relatives told reporters on Tuesday that ..."), the
    #: event's at the latest
    stated: DateRef | None = None
    #: the code of the language it is read in
    language: str = "en"
    #: every place it names stands in a background clause (they are then its places, but
    #: set no scene once an event has been read)
    background_only: bool = False

    @property
    def refers_back(self) -> bool:
        """It refers back to the event just described ("the attack", "this blast")."""
        return cues(self.language).holds("anaphor", self.sentence.text)

    @property
    def elsewhere(self) -> bool:
        """It says it is about another event ("another attack", "separately")."""
        return cues(self.language).holds("elsewhere", self.sentence.text)


def read_sentence(article, scene: Scene, index: int) -> None:
    """Read sentence ``index`` of ``article`` (an :class:`~geomap.extract.incidents.ArticleReading`)
    into ``scene``: the first decision that takes it (module docstring) updates the drafts."""
    said = _said(article, scene, index)
    if is_aside(article, said.sentence, said.told, said.actors, bool(scene.drafts)):
        return
    _set_scene(article, scene, said)
    if _refines(article, scene, said):
        return
    if not article.lang.has_trigger(said.sentence.text):
        _dates_only(article, scene, said)
        return
    counts = counts_in(said.sentence, article.original, said.actors, article.lang)
    if _no_event(article, said, counts):
        return
    for decide in (_new_events, _continues, _names_again, _place_before, _lead_place,
                   _country_only):
        if decide(article, scene, said, counts):
            return


def _said(article, scene: Scene, index: int) -> Said:
    original, background = article.original, article.background
    sentence = article.sentences[index]
    previous = scene.date_ctx.ref if scene.date_ctx else None
    dated = article.dated
    # dates from the words as written, those of background clauses last ("linked to a
    # murder in March ... yesterday")
    dates = sorted((d.moved(sentence.start) for d in
                    article.lang.find_dates(original[sentence.start:sentence.end], article.published,
                               previous=previous)
                    if not (dated and dated[1][0] <= d.start + sentence.start < dated[1][1])),
                   key=lambda d: (in_background(d, background, article.lang), d.start))
    stated = [d for d in dates if _statement_date(original, d, article.lang)]
    dates = [d for d in dates if d not in stated]
    groups = [g for g in group_places(article.text, article.resolved_in.get(index, []))
              if placeable(article.text, g)]
    background_only = bool(groups) and all(inside(g.start, background) for g in groups)
    if not background_only:
        # a place named in a background clause ("a leader responsible for attacks
        # throughout Kunduz province") is the event's place only when the sentence
        # names no other, and never sets the place of the sentences after it
        groups = [g for g in groups if not inside(g.start, background)]
    groups = event_places(original, sentence, groups, article.lang.code)
    context = scene.date_ctx if scene.date_ctx and \
        index - scene.date_ctx.index <= _DATE_CONTEXT_GAP else None
    place_ctx = scene.last_place if scene.last_place and \
        index - scene.last_place.index <= 1 else None
    # a date of a background clause ("responsible for an attack in June 2011") dates
    # a new report at most: it neither continues an incident nor dates what follows
    told = [d for d in dates if not in_background(d, background, article.lang)]
    return Said(index, sentence, dates, told, groups, article.actors_in.get(index, []),
                context, place_ctx, stated[0] if stated else None, article.lang.code,
                background_only)


def _set_scene(article, scene: Scene, said: Said) -> None:
    """What the sentence sets for those after it: who claimed, the day, the place."""
    if _CLAIM.search(said.sentence.text) and not said.groups:
        scene.claimed.extend(a.actor for a in said.actors)
    if said.told:
        scene.date_ctx = DateContext(said.told[-1], said.index)
    lead = scene.lead
    if said.groups and (not said.background_only or
                        (not scene.drafts and (lead is None or lead.from_dateline))):
        # (a background place sets the scene only while no event has been read and no
        # sentence before has named a place of its own: "He is also suspected in
        # attacks in Kabul" after "an operation in Baghlan" leaves the scene in Baghlan)
        scene.last_place = PlaceContext(said.groups, said.index)
        if lead is None or lead.from_dateline:
            scene.lead = Lead(finest_within(said.groups), "lead")


# -- the decisions, in the order they are tried -------------------------------------------

def _refines(article, scene: Scene, said: Said) -> bool:
    """"...in Nangarhar province. They were hit in Surkh Rod district of the province": the
    same incident, now placed more precisely."""
    draft = scene.running
    if not (said.groups and draft is not None and _close(said, draft)
            and not new_date(said.told, draft) and not said.elsewhere):
        return False
    finer = finer_place(article.text, draft, said.groups) or \
        (None if article.lang.is_reaction(said.sentence.text) else moved_to(draft, said))
    if finer is None:
        if not _restates_place(draft, said):
            return False
        finer = draft.group     # ("... in Kunduz city. Kunduz police said ...": the same)
    continue_draft(draft, said.sentence, said.index,
                   counts_in(said.sentence, article.original, said.actors, article.lang),
                   said.actors, said.told, lang=article.lang)
    draft.group = finer
    return True


def _restates_place(draft: Draft, said: Said) -> bool:
    """The sentence names only places that hold the running incident's (its province, or
    its city's province-named twin), the sentence just after it: the same event told less
    precisely ("... killed at a wedding hall in Kunduz city. Kunduz police said ...")."""
    current = draft.group.head.place if draft.group is not None else None
    if current is None or said.index - draft.last_sentence > 1:
        return False
    return all(g.head.place is not None and g.head.place.kind == "province" and
               contains(g.head.place, current) for g in said.groups)


def _dates_only(article, scene: Scene, said: Said) -> None:
    """A sentence with no event word may still date the running incident."""
    draft = scene.running
    if not said.told or draft is None:
        return
    if not said.groups and said.refers_back and _close(said, draft):
        # "The incident happened on Tuesday morning."
        continue_draft(draft, said.sentence, said.index, [], said.actors, said.told,
                       lang=article.lang)
    elif said.index - draft.last_sentence <= 1 and undated(draft) and \
            same_province(draft, said.groups):
        # "...were killed in Nangarhar province. Forces launched an operation in
        # the district on Wednesday night.": the next sentence dates an undated event
        draft.date = said.told[0]
        draft.date_note = f"date from '{said.told[0].phrase}' in the next sentence"


def _no_event(article, said: Said, counts: list[Count]) -> bool:
    """Figures of many events at once (a tally of days or more, with no place and no day of
    its own); an accident or a crime (out of scope); a reaction or a not-an-event clause
    with no figures."""
    if counts and not said.groups and _tally(article.original, said.sentence, said.told,
                                             article.lang):
        return True
    text = said.sentence.text
    if out_of_scope(article, said.sentence, said.actors, counts):
        return True
    return (article.lang.is_reaction(text) or article.lang.is_not_an_event(text)) and not counts


def _new_events(article, scene: Scene, said: Said, counts: list[Count]) -> bool:
    """One draft per place the sentence reports an event at."""
    if not said.groups:
        return False
    drafts = new_drafts(article.text, said.sentence, said.index, said.groups, said.dates,
                        _day_in_force(said), counts, said.actors, article.published,
                        article.background, article.lang, said.stated)
    others = elsewhere_in_province(article, said, counts, drafts)
    for draft in drafts:
        # (a sentence whose "elsewhere" clause became an incident of its own is, for the
        # rest, about the event it opens with)
        draft.apart = not others and _apart(said)
    for draft in drafts + others:
        attach_or_add(scene.drafts, draft, article.lang)
    return True


def _continues(article, scene: Scene, said: Said, counts: list[Count]) -> bool:
    """Figures or an anaphor ("the attack") with no place of their own go on about the
    running incident: close enough, on the same day, and no place named since."""
    draft = scene.running
    if draft is None or said.index - draft.last_sentence > _gap_for(
            counts, said.elsewhere, draft, scene.last_place):
        return False
    if not (counts or said.refers_back) or new_date(said.told, draft):
        return False
    if said.place_ctx and said.place_ctx.index > draft.last_sentence:
        return False
    continue_draft(draft, said.sentence, said.index, restated(draft, counts), said.actors,
                   said.told, lang=article.lang)
    return True


def _names_again(article, scene: Scene, said: Said, counts: list[Count]) -> bool:
    """"captured a Taliban senior leader ... After questioning, the security force
    detained the senior leader": the same man, however far back he was named; that
    incident is again the one the next sentences go on with."""
    again = _named_again(counts, scene.drafts)
    if again is None or new_date(said.told, again):
        return False
    continue_draft(again, said.sentence, said.index, counts, said.actors, said.told,
                   lang=article.lang)
    scene.drafts.remove(again)
    scene.drafts.append(again)
    return True


def _place_before(article, scene: Scene, said: Said, counts: list[Count]) -> bool:
    """"The operation was in Toto village of Shirzad district. At least 150 Taliban were
    killed": the place of the sentence just before."""
    if not (counts and said.place_ctx):
        return False
    scene.drafts.append(_placed_at(said.place_ctx.groups[0], article, said, counts))
    return True


def _lead_place(article, scene: Scene, said: Said, counts: list[Count]) -> bool:
    """"The security force engaged the insurgents, killing several of them": the event
    sentence names no place; the article's lead (or its "X PROVINCE, Afghanistan"
    dateline) has set it."""
    lead = scene.lead
    if lead is None or not any(c.value for c in counts):
        return False
    draft = _placed_at(lead.group, article, said, counts)
    draft.place_note = ("place from the article's dateline" if lead.from_dateline
                        else "place named earlier in the article")
    scene.drafts.append(draft)
    return True


def _country_only(article, scene: Scene, said: Said, counts: list[Count]) -> bool:
    """Figures in a text that names a country but no place in Afghanistan."""
    if not (counts and article.mentions_country):
        return False
    scene.drafts.append(_placed_at(None, article, said, counts))
    return True


def _placed_at(group: PlaceGroup | None, article, said: Said, counts: list[Count]) -> Draft:
    draft = _make_draft(group, article, said, counts)
    draft.apart = _apart(said)
    return draft


def _apart(said: Said) -> bool:
    """The sentence says it tells another event, on a day of its own ("Two days earlier,
    gunmen shot dead a shopkeeper")."""
    return said.elsewhere and bool(said.told)


def _make_draft(group: PlaceGroup | None, article, said: Said, counts: list[Count]) -> Draft:
    return make_draft(group, said.sentence, said.index, said.sentence.text, said.dates,
                      _day_in_force(said), counts, said.actors, article.published,
                      lang=article.lang, stated=said.stated)


def _day_in_force(said: Said) -> DateRef | None:
    return said.context.ref if said.context else None


def _close(said: Said, draft: Draft) -> bool:
    return said.index - draft.last_sentence <= _CONTINUATION_GAP


# -- what the decisions read --------------------------------------------------------------

_CONTINUATION_GAP = 2          # sentences an incident's description may skip


#: sentences a figure of people said to be additional ("the force also detained one
#: suspected insurgent", "another insurgent was killed") may follow its incident by: the
#: "also" refers back to it, past a description of who was caught
_ADDITIVE_GAP = 4


_DATE_CONTEXT_GAP = 3          # sentences a date phrase stays in force


_CLAIM = re.compile(r"\bclaim(?:ed|s)?\s+(?:the\s+|responsibility)", re.IGNORECASE)


def _tally(original: str, sentence: Sentence, dates: list[DateRef], lang) -> bool:
    """A sentence whose figures tally days or more ("40 bombings over the previous ten
    days, leaving 60 dead"), with no day of its own besides the tally's."""
    span = lang.tally_span(original[sentence.start:sentence.end])
    if span is None:
        return False
    start, end = span[0] + sentence.start, span[1] + sentence.start
    return not any(d.end <= start or d.start >= end for d in dates)


def _named_again(counts: list[Count], drafts: list[Draft]) -> Draft | None:
    """The draft whose figures named the one person these figures name again with "the"
    ("detained the senior leader" after "captured a Taliban senior leader"), if any."""
    if not counts or not drafts or any(c.value != 1 or c.additive for c in counts):
        return None
    heads = set()
    for c in counts:
        m = _THE_HEAD.search(c.phrase)
        if m is None:
            return None
        heads.add((c.kind, m.group(1).lower()))
    for draft in reversed(drafts):
        named = {(c.kind, w.lower()) for c in draft.counts if c.value == 1
                 for w in _WORDS.findall(c.phrase)}
        if heads <= named:
            return draft
    return None


_THE_HEAD = re.compile(r"\bthe\s+(?:[\w'’-]+\s+){0,3}?([a-z]{4,})$", re.IGNORECASE)


_WORDS = re.compile(r"[A-Za-z]{4,}")


def _gap_for(counts: list[Count], elsewhere: bool, draft: Draft,
             last_place: PlaceContext | None) -> int:
    """How many sentences back a sentence with these figures may continue ``draft``: further
    when they are all said to be additional ("also detained one"), unless the text has
    named a place since the draft's last sentence or says the event is another one
    ("In a separate operation, the force also detained one")."""
    if counts and all(c.additive for c in counts) and not elsewhere \
            and (last_place is None or last_place.index <= draft.last_sentence):
        return _ADDITIVE_GAP
    return _CONTINUATION_GAP


def _statement_date(text: str, ref: DateRef, lang) -> bool:
    """"the ministry confirmed on Friday", "sources on Thursday reported": the day a
    statement was made, not the day of the event ("claimed Saturday's attack" dates the
    attack: a possessive day belongs to the noun after it; "said the shooting happened on
    Monday" dates it too: the day is inside the reported clause)."""
    if text.startswith(("'s ", "’s "), ref.end):
        return False
    return lang.statement_before(text, max(0, ref.start - 60), ref.start) is not None or \
        lang.stated_after(text, ref.end) is not None


# the patterns read in every sentence, behind a look-ahead of the characters they can
# start with (geomap.rules.anchors.guarded: the same matches, fewer positions tried)
_CLAIM = guarded(_CLAIM)
