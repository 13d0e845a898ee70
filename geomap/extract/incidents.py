"""From article text to incidents: the extraction pipeline.

    Document ─sentences─▶ mentions ─resolve─▶ place groups ─▶ incident drafts
             ─attributes (date, type, counts, actors, target)─▶ merge ─▶ [Incident]

A sentence reports an incident when it has a violence word, is not a
reaction ("Qatar condemned the attack"), and names a place — or, with no
place of its own, continues the incident of the sentence just before
("At least 25 people were killed when gunmen opened fire").

>>> from datetime import date
>>> [(i.location, i.fatalities) for i in extract_text(
...     "A roadside bomb killed three soldiers in Sangin district of Helmand on Monday.",
...     published=date(2021, 5, 4))]
[('Sangin', 3)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date

from ..rules.anchors import guarded, prime
from ..codebook import actor_sides, spokesmen
from ..lang import LanguagePack, get_pack
from ..rules.counts import Count
from ..rules.dates import DateRef
from ..places.gazetteer import Gazetteer, load_gazetteer
from ..incident import Incident, SourceRef
from ..rules.lexicon import ActorHit, blank
from ..places.mentions import Mention, matcher_for
from .merge import merge_incidents
from ..places.names import fold
from ..places.records import SPECIFICITY
from ..text.reader import Document, Sentence, make_document, split_sentences
from ..places.resolve import PlaceGroup, precision_codes, group_places, resolve_mentions

__all__ = ["extract", "extract_text"]

_CONTINUATION_GAP = 2          # sentences an incident's description may skip
#: sentences a figure of people said to be additional ("the force also detained one
#: suspected insurgent", "another insurgent was killed") may follow its incident by: the
#: "also" refers back to it, past a description of who was caught
_ADDITIVE_GAP = 4
_DATE_CONTEXT_GAP = 3          # sentences a date phrase stays in force
_ANAPHOR = re.compile(
    r"\b(?:the|this|that|these|those|another|second|first|same)\s+(?:\w+\s+){0,2}?"
    r"(?:attacks?|blasts?|explosions?|bombings?|assault|incident|operation|strike|airstrike|"
    r"raid|hospital|building|mosque|"
    r"attackers?|gunmen|bombers?|victims|area|site|airport|school)\b", re.IGNORECASE)
_CLAIM = re.compile(r"\bclaim(?:ed|s)?\s+(?:the\s+|responsibility)", re.IGNORECASE)


#: the codebook's armed groups (codebook/actor_sides.csv), whose own account of an attack is
#: a claim; their names are found by find_actors, the one reader of codebook/actors.csv
_ARMED_GROUPS = frozenset(actor for actor, side in actor_sides().items()
                          if side == "armed group" and actor != "Unidentified Armed Group")
_SPOKES = r"(?:'s|’s)?\s+(?:group\s+)?(?:spokes(?:man|person|woman)|statement)"
#: what follows an armed group's name when it gives its own account ("Taliban spokesman",
#: "the Haqqani network said")
_CLAIM_AFTER_GROUP = re.compile(rf"{_SPOKES}|\s+(?:said|claimed)")


def _claim_words() -> re.Pattern:
    """A claim with no group's name: "insurgents' spokesman", "the group said", a
    spokesman by name (codebook/spokesmen.csv), "claimed to have killed"."""
    speakers = "|".join(_words_rx(n) for n in sorted(spokesmen(), key=len, reverse=True))
    anyone = r"(?:[iI]nsurgents?|[mM]ilitants?)"
    return re.compile(
        rf"(?<!\w){anyone}{_SPOKES}|(?<!\w)(?:{anyone}|[tT]he\s+group)\s+(?:said|claimed)|"
        rf"(?<!\w)(?:{speakers})\b|\bclaimed\s+(?:to\s+have\s+)?(?:killed|killing)")


def _words_rx(name: str) -> str:
    """A name as a pattern whose spaces match any run of spaces and whose first letter
    may be capitalised."""
    first = name[0]
    head = f"[{first.lower()}{first.upper()}]" if first.isalpha() else re.escape(first)
    return head + r"\s+".join(map(re.escape, name[1:].split(" ")))


_CLAIM_WORDS = _claim_words()
#: a clause that sets a claim against what was said before it
_CONTRAST = re.compile(r",\s*(?:while|but|whereas)\b|;|\bhowever\b", re.IGNORECASE)
_DATELINE = re.compile(r"^(?:\s+(?i:province|city))?\s*(?:,\s*Afghanistan)?"
                       r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
                       r"\s*(?:\([^)]{1,30}\)|[-—–:])")
_GENERIC_VIOLENCE = frozenset({"killed", "killing", "attack", "attacks", "attacked", "attacking",
                               "shooting", "shot", "murdered"})
_LANDMARK_TARGET = re.compile(r"hospital|mosque|airport|airfield|school|university|hotel|"
                              r"shrine|market|bazaar|prison|embassy|ministry", re.IGNORECASE)


@dataclass(slots=True)
class _Draft:
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
    #: the draft of a place coordinated with this one ("killed 25 fighters in Arghandab
    #: and Zhari districts"), whose kind of event this one shares
    like: "_Draft | None" = None


def extract_text(text: str, *, published: date | None = None, source: str = "<text>",
                 gazetteer: Gazetteer | None = None) -> list[Incident]:
    """Incidents in an article text (see :func:`extract`)."""
    return extract(make_document(text, published=published, source=source), gazetteer)


def extract(document: Document, gazetteer: Gazetteer | None = None) -> list[Incident]:
    """Incidents reported by one article, merged so that each event appears once.

    Incidents outside Afghanistan (or placeable only at country level) are
    returned too, with ``place=None``: callers report them, never map them.
    """
    gaz = gazetteer or load_gazetteer()
    lang = get_pack(document.language)
    original = document.text
    sentences = _capped(split_sentences(original, document.language))
    spans = [(s.start, s.end) for s in sentences]
    prime(original, spans)        # every stage's anchor words, found in one pass
    # what the text says about people and weapons ("a facilitator responsible for IED
    # attacks", "seized two IEDs") is blanked for everything that reads events
    background = lang.background_spans(original)
    text = blank(original, background)
    if text is not original:
        prime(text, spans)
    actor_hits = lang.find_actors(original)
    mentions = matcher_for(gaz).find(original, masks=[(a.start, a.end) for a in actor_hits])
    datelines = [m for m in mentions if _is_dateline(original, m.start, m.end)]
    mentions = [m for m in mentions if m not in datelines]
    resolved = resolve_mentions(original, mentions, [(s.start, s.end) for s in sentences])
    lead = _dateline_province(original, datelines, sentences)
    # relative dates resolve against the dateline's date when the text has one; that
    # date is the release's, never an event's
    dated = lang.dateline_date(original, document.published)
    reference = dated[0] if dated else document.published
    if reference != document.published:
        document = replace(document, published=reference)
    sentences = [Sentence(s.start, s.end, text[s.start:s.end], s.paragraph) for s in sentences]
    mentions_country = any(m.country for m in mentions)

    drafts: list[_Draft] = []
    date_ctx: tuple[DateRef, int] | None = None
    claimed: list[str] = []
    last_place: tuple[list[PlaceGroup], int] | None = None
    starts = [s.start for s in sentences]
    resolved_in = _by_sentence(starts, resolved, lambda r: r.mention.start)
    actors_in = _by_sentence(starts, actor_hits, lambda a: a.start)
    for index, sentence in enumerate(sentences):
        previous = date_ctx[0] if date_ctx else None
        # dates from the words as written, those of background clauses last ("linked to a
        # murder in March ... yesterday")
        dates = sorted((_shift(d, sentence.start) for d in
                        lang.find_dates(original[sentence.start:sentence.end],
                                        document.published, previous=previous)
                        if not (dated and dated[1][0] <= d.start + sentence.start < dated[1][1])),
                       key=lambda d: (_in_background(d, background, lang), d.start))
        dates = [d for d in dates if not _statement_date(original, d, lang)]
        in_sentence = resolved_in.get(index, [])
        groups = [g for g in group_places(text, in_sentence) if _placeable(text, g)]
        in_background = bool(groups) and all(_inside(g.start, background) for g in groups)
        if not in_background:
            # a place named in a background clause ("a leader responsible for attacks
            # throughout Kunduz province") is the event's place only when the sentence
            # names no other, and never sets the place of the sentences after it
            groups = [g for g in groups if not _inside(g.start, background)]
        sent_actors = actors_in.get(index, [])
        if _CLAIM.search(sentence.text) and not groups:
            claimed.extend(a.actor for a in sent_actors)
        context = date_ctx if date_ctx and index - date_ctx[1] <= _DATE_CONTEXT_GAP else None
        # a date of a background clause ("responsible for an attack in June 2011") dates
        # a new report at most: it neither continues an incident nor dates what follows
        told = [d for d in dates if not _in_background(d, background, lang)]
        if told:
            date_ctx = (told[-1], index)
        place_ctx = last_place if last_place and index - last_place[1] <= 1 else None
        if groups and (not in_background or
                       (not drafts and (lead is None or lead[1] == "dateline"))):
            # (a background place sets the scene only while no event has been read and no
            # sentence before has named a place of its own: "He is also suspected in
            # attacks in Kabul" after "an operation in Baghlan" leaves the scene in Baghlan)
            last_place = (groups, index)
            if lead is None or lead[1] == "dateline":
                lead = (groups[0], "lead")
        if groups and drafts and index - drafts[-1].last_sentence <= _CONTINUATION_GAP \
                and not _new_date(told, drafts[-1]) and not _ELSEWHERE.search(sentence.text):
            finer = _finer_place(text, drafts[-1], groups)
            if finer is not None:
                # "...in Nangarhar province. They were hit in Surkh Rod district of the
                # province": the same incident, now placed more precisely
                _continue(drafts[-1], sentence, index,
                          _counts_in(sentence, original, sent_actors, lang), sent_actors, told,
                          lang=lang)
                drafts[-1].group = finer
                continue
        if not lang.has_trigger(sentence.text):
            if told and not groups and drafts and _ANAPHOR.search(sentence.text) and \
                    index - drafts[-1].last_sentence <= _CONTINUATION_GAP:
                # "The incident happened on Tuesday morning."
                _continue(drafts[-1], sentence, index, [], sent_actors, told, lang=lang)
            elif told and drafts and index - drafts[-1].last_sentence <= 1 and \
                    _undated(drafts[-1]) and _same_province(drafts[-1], groups):
                # "...were killed in Nangarhar province. Forces launched an operation in
                # the district on Wednesday night.": the next sentence dates an undated event
                drafts[-1].date = told[0]
                drafts[-1].date_note = f"date from '{told[0].phrase}' in the next sentence"
            continue
        counts = _counts_in(sentence, original, sent_actors, lang)
        if counts and not groups and _tally(original, sentence, told, lang):
            continue                    # (figures of many events at once, none placed)
        if (lang.is_reaction(sentence.text) or lang.is_not_an_event(sentence.text)) and not counts:
            continue
        if groups:
            for draft in _new_drafts(text, sentence, index, groups, dates, context,
                                     counts, sent_actors, document.published, background,
                                     lang):
                _attach_or_add(drafts, draft, lang)
        elif drafts and index - drafts[-1].last_sentence <= _gap_for(
                counts, sentence, drafts[-1], last_place) and \
                (counts or _ANAPHOR.search(sentence.text)) and \
                not _new_date(told, drafts[-1]) and \
                not (place_ctx and place_ctx[1] > drafts[-1].last_sentence):
            _continue(drafts[-1], sentence, index, counts, sent_actors, told, lang=lang)
        elif (again := _named_again(counts, drafts)) is not None and not _new_date(told, again):
            # "captured a Taliban senior leader ... After questioning, the security force
            # detained the senior leader": the same man, however far back he was named;
            # that incident is again the one the next sentences go on with
            _continue(again, sentence, index, counts, sent_actors, told, lang=lang)
            drafts.remove(again)
            drafts.append(again)
        elif counts and place_ctx:
            # "The operation was in Toto village of Shirzad district. At least 150 Taliban
            # were killed": the place of the sentence just before
            drafts.append(_draft(place_ctx[0][0], sentence, index, sentence.text, dates,
                                 context, counts, sent_actors, document.published, lang=lang))
        elif lead is not None and any(c.value for c in counts):
            # "The security force engaged the insurgents, killing several of them": the
            # event sentence names no place; the article's lead (or its "X PROVINCE,
            # Afghanistan" dateline) has set it
            draft = _draft(lead[0], sentence, index, sentence.text, dates, context, counts,
                           sent_actors, document.published, lang=lang)
            draft.place_note = ("place from the article's dateline" if lead[1] == "dateline"
                                else "place named earlier in the article")
            drafts.append(draft)
        elif counts and mentions_country:
            drafts.append(_draft(None, sentence, index, sentence.text, dates, context,
                                 counts, sent_actors, document.published, lang=lang))
    incidents = [_finish(d, document, claimed) for d in drafts]
    # incidents whose every figure is an armed group's claim give way, when merged, to
    # the figures of a report of the same event that is not
    claims = {i.id for i, d in zip(incidents, drafts)
              if d.counts and all(c.claimed for c in d.counts)}
    return merge_incidents(incidents, claimed=claims)


# -- building drafts --------------------------------------------------------------

#: Longest stretch of text read as one sentence. News sentences are a few hundred
#: characters; a text without sentence breaks (a scrape without punctuation, one huge
#: line) is read in pieces of this size, so that work per sentence stays bounded and
#: extraction time grows linearly with the text.
MAX_SENTENCE = 1_000


def _capped(sentences: list[Sentence]) -> list[Sentence]:
    """Sentences longer than :data:`MAX_SENTENCE` cut at a space (or anywhere)."""
    if all(s.end - s.start <= MAX_SENTENCE for s in sentences):
        return sentences
    out = []
    for s in sentences:
        start = s.start
        while s.end - start > MAX_SENTENCE:
            cut = s.text.rfind(" ", start - s.start + MAX_SENTENCE // 2,
                               start - s.start + MAX_SENTENCE)
            cut = s.start + cut if cut > 0 else start + MAX_SENTENCE
            out.append(Sentence(start, cut, s.text[start - s.start:cut - s.start], s.paragraph))
            start = cut + 1 if cut < s.end and s.text[cut - s.start] == " " else cut
        if start < s.end:
            out.append(Sentence(start, s.end, s.text[start - s.start:], s.paragraph))
    return out


def _counts_in(sentence: Sentence, original: str, actors: list[ActorHit],
               lang: LanguagePack) -> list[Count]:
    """The figures of a sentence at document offsets; those an armed group claims
    ("Taliban spokesman Zabihullah Mujahid said nine soldiers were killed", read in the
    text as written, not blanked) are marked. ``actors``: the sentence's actor names."""
    counts = [_shift(c, sentence.start) for c in lang.find_counts(sentence.text)]
    claims = [h.start for h in actors if h.actor in _ARMED_GROUPS and
              _CLAIM_AFTER_GROUP.match(original, h.end)] + \
        [m.start() for m in _CLAIM_WORDS.finditer(original, sentence.start, sentence.end)] \
        if counts else []
    if claims:
        # a figure is the claim's when it comes after the claim or in the same clause
        # ("five policemen were killed, while the insurgents claimed to have killed 20")
        counts = [replace(c, claimed=True) if any(
            c.start >= at or not _CONTRAST.search(original, c.end, at) for at in claims)
            else c for c in counts]
    return counts


def _tally(original: str, sentence: Sentence, dates: list[DateRef],
           lang: LanguagePack) -> bool:
    """A sentence whose figures tally days or more ("40 bombings over the previous ten
    days, leaving 60 dead"), with no day of its own besides the tally's."""
    span = lang.tally_span(original[sentence.start:sentence.end])
    if span is None:
        return False
    start, end = span[0] + sentence.start, span[1] + sentence.start
    return not any(d.end <= start or d.start >= end for d in dates)


def _named_again(counts: list[Count], drafts: list[_Draft]) -> _Draft | None:
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


def _gap_for(counts: list[Count], sentence: Sentence, draft: _Draft,
             last_place: tuple[list[PlaceGroup], int] | None) -> int:
    """How many sentences back a sentence with these figures may continue ``draft``: further
    when they are all said to be additional ("also detained one"), unless the text has
    named a place since the draft's last sentence or says the event is another one
    ("In a separate operation, the force also detained one")."""
    if counts and all(c.additive for c in counts) and not _ELSEWHERE.search(sentence.text) \
            and (last_place is None or last_place[1] <= draft.last_sentence):
        return _ADDITIVE_GAP
    return _CONTINUATION_GAP


def _in_background(ref: DateRef, background: list[tuple[int, int]],
                   lang: LanguagePack) -> bool:
    """A date of a background clause ("linked to a murder in March"), but not "yesterday"
    at its end: a clause's reach is read loosely, and a deictic date is the report's."""
    return _inside(ref.start, background) and not lang.is_deictic(ref)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect_right(spans, (position, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= position < spans[k][1]


def _by_sentence(starts: list[int], items, position) -> dict[int, list]:
    """Items grouped by the sentence they start in (one pass; sentences sorted)."""
    grouped: dict[int, list] = {}
    for item in items:
        grouped.setdefault(bisect_right(starts, position(item)) - 1, []).append(item)
    return grouped


def _shift(item, offset: int):
    """A sentence-relative DateRef/Count moved to document offsets."""
    return item.moved(offset)


def _is_dateline(text: str, start: int, end: int) -> bool:
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


def _dateline_province(text: str, datelines: list[Mention],
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


def _placeable(text: str, group: PlaceGroup) -> bool:
    head = group.head
    if head.place is not None:
        return True
    if head.mention.foreign is None:
        return False
    # a foreign name counts as a location only after a locative word ("in Peshawar"),
    # not as an adjective or actor ("the US military", "Qatar condemned").
    before = text[max(0, head.mention.start - 12):head.mention.start].lower()
    return re.search(r"\b(?:in|near|at|inside|across|into)\s+(?:the\s+)?$", before) is not None


def _new_drafts(text: str, sentence: Sentence, index: int, groups: list[PlaceGroup],
                dates: list[DateRef], context, counts: list[Count],
                actors: list[ActorHit], published: date | None,
                background: list[tuple[int, int]], lang: LanguagePack) -> list[_Draft]:
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
    drafts = []
    for n, k in enumerate(selected):
        group = groups[k]
        lead_start = groups[selected[n - 1]].end if n else sentence.start
        seg_end = groups[selected[n + 1]].start if n + 1 < len(selected) else sentence.end
        lead = text[lead_start:group.end]
        mine = [c for c, o in zip(counts, owner) if o == n]
        draft = _draft(group, sentence, index, lead or sentence.text,
                       _dates_near(dates, group, background, lang), context, mine, actors,
                       published, segment=text[group.start:seg_end], lang=lang)
        if k in coordinated_with_previous and drafts:
            # "killings in Nangarhar and Parwan": the same kind of event in both
            draft.event_type, draft.sub_event_type = drafts[-1].event_type, drafts[-1].sub_event_type
            draft.targets = list(drafts[-1].targets)
            draft.like = drafts[-1].like or drafts[-1]    # (the first of the list)
        drafts.append(draft)
    return drafts


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


def _statement_date(text: str, ref: DateRef, lang: LanguagePack) -> bool:
    """"the ministry confirmed on Friday", "sources on Thursday reported": the day a
    statement was made, not the day of the event ("claimed Saturday's attack" dates the
    attack: a possessive day belongs to the noun after it)."""
    if text.startswith(("'s ", "’s "), ref.end):
        return False
    return lang.statement_before(text, max(0, ref.start - 60), ref.start) is not None or \
        lang.stated_after(text, ref.end) is not None


def _dates_near(dates: list[DateRef], group: PlaceGroup,
                background: list[tuple[int, int]], lang: LanguagePack) -> list[DateRef]:
    """The sentence's dates, those of background clauses last, nearest the place first
    (the days of statements, "officials said on Wednesday", were already set aside by
    :func:`_statement_date`)."""
    return sorted(dates, key=lambda d: (_in_background(d, background, lang),
                                        abs(d.start - group.start)))


def _draft(group: PlaceGroup | None, sentence: Sentence, index: int, lead: str,
           dates: list[DateRef], context, counts: list[Count], actors: list[ActorHit],
           published: date | None, segment: str = "", *, lang: LanguagePack) -> _Draft:
    kind = lang.classify_event(lead) or lang.classify_event(segment)
    if kind is None or kind.keyword in _GENERIC_VIOLENCE:
        # "Five people were killed in Kabul ... in separate bombings": the sentence
        # names the kind of attack that the words next to the place do not
        kind = lang.classify_event(sentence.text) or kind
    if dates:
        when, note = dates[0], f"date from '{dates[0].phrase}'"
    elif context:
        when, note = context[0], f"date from '{context[0].phrase}' earlier in the text"
    else:
        when = None
        note = "no date in the text: publication date" if published else "no date"
    targets = lang.find_targets(lead + " " + segment)
    if group is not None and group.head.place is not None \
            and _LANDMARK_TARGET.search(group.head.place.name):
        targets.insert(0, _LANDMARK_TARGET.search(group.head.place.name).group(0).lower())
    return _Draft(group=group,
                  event_type=kind.event_type if kind else "Violence against civilians",
                  sub_event_type=kind.sub_event_type if kind else "Attack",
                  date=when, date_note=note, sentences=[sentence], counts=list(counts),
                  actors=list(actors), targets=targets, last_sentence=index)


_ELSEWHERE = re.compile(r"\b(?:another\s+(?:\w+\s+){0,2}?(?:attacks?|incidents?|blasts?|"
                        r"explosions?|bombings?|operations?|raids?|clash(?:es)?|strikes?|"
                        r"ambush(?:es)?)|separate(?:ly)?|meanwhile|elsewhere|in\s+a\s+different|"
                        r"earlier|previously|last\s+(?:week|month|year))\b", re.IGNORECASE)
# ("another attack" is another event; "wounded another three policemen" is not)


def _finer_place(text: str, draft: _Draft, groups: list[PlaceGroup]) -> PlaceGroup | None:
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


def _undated(draft: _Draft) -> bool:
    return draft.date is None or draft.date_note.endswith("earlier in the text")


def _same_province(draft: _Draft, groups: list[PlaceGroup]) -> bool:
    """True when every place of ``groups`` lies in the draft's province."""
    code = draft.group.head.place.admin1_code if draft.group and draft.group.head.place \
        else None
    return all(g.head.place is not None and g.head.place.admin1_code == code for g in groups)


def _new_date(dates: list[DateRef], draft: _Draft) -> bool:
    """True when a sentence dates itself differently from the running incident (whose
    date, when it came from an earlier sentence, the sentence may still correct)."""
    current = draft.date
    return bool(dates) and current is not None and \
        not draft.date_note.endswith("earlier in the text") and all(
            d.value != current.value for d in dates)


def _continue(draft: _Draft, sentence: Sentence, index: int, counts: list[Count],
              actors: list[ActorHit], dates: list[DateRef] = (), *,
              lang: LanguagePack) -> None:
    draft.sentences.append(sentence)
    if dates and (draft.date is None or draft.date_note.endswith("earlier in the text")):
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


def _attach_or_add(drafts: list[_Draft], draft: _Draft, lang: LanguagePack) -> None:
    """A new sentence naming the running incident's place again continues it."""
    if drafts:
        last = drafts[-1]
        same_place = (last.group is not None and draft.group is not None
                      and last.group.head.place is not None
                      and last.group.head.place == draft.group.head.place)
        if same_place and draft.last_sentence - last.last_sentence <= 1 and \
                (draft.date is None or last.date is None or draft.date.value == last.date.value):
            _continue(last, draft.sentences[0], draft.last_sentence, draft.counts, [], lang=lang)
            last.actors.extend(draft.actors)
            return
    drafts.append(draft)


_GENERIC_SUBTYPES = frozenset({"Attack", "Armed clash"})
_SIDES = frozenset({"combatant", "security", "civilian"})
_CIVILIANS = "Civilians (Afghanistan)"
_COMBAT = frozenset({"combatant", "security", "mixed"})


def _by_who_was_hit(draft: _Draft) -> tuple[str, str]:
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


def _actor_roles(text: str, draft: _Draft, claimed: list[str]) -> tuple[str | None, str | None]:
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
    ("also detained two", "another insurgent was killed")."""
    if any(c.claimed for c in counts if c.kind == kind) and \
            not all(c.claimed for c in counts if c.kind == kind):
        counts = [c for c in counts if not c.claimed]   # (the conservative figure)
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
    return max(general, sum(by_side.values())) + extra


def _finish(draft: _Draft, document: Document, claimed: list[str]) -> Incident:
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
        event_date, precision = document.published, "week"
    else:
        event_date, precision = None, None
    actors = list(dict.fromkeys(a.actor for a in draft.actors))
    recent_claim = bool(claimed and event_date and document.published and
                        abs((document.published - event_date).days) <= 31)
    actor1, actor2 = _actor_roles(document.text, draft, claimed if recent_claim else [])
    event_type, sub_event_type = _by_who_was_hit(draft)
    if not actors and claimed and event_date and document.published and \
            abs((document.published - event_date).days) <= 31:
        actors = list(dict.fromkeys(claimed))
    sources = tuple(SourceRef(document.source, document.text[s.start:s.end], s.start, s.end,
                              document.published) for s in draft.sentences)
    return Incident(
        event_type=event_type, sub_event_type=sub_event_type, actor1=actor1, actor2=actor2,
        location=location, place=place, geo_precision=geo_prec, where_prec=where_prec,
        event_date=event_date, date_precision=precision,
        fatalities=_best_count(draft.counts, "killed"),
        injured=_best_count(draft.counts, "wounded"),
        detained=_best_count(draft.counts, "detained"),
        actors=tuple(actors), target=draft.targets[0] if draft.targets else None,
        sources=sources, reason="; ".join(filter(None, (reason, draft.place_note, draft.date_note))),
        country=country)


# the patterns read in every sentence, behind a look-ahead of the characters they can
# start with (geomap.anchors.guarded: the same matches, fewer positions tried)
_ANAPHOR, _CLAIM, _ELSEWHERE, _CLAUSE_BREAK = (
    guarded(p) for p in (_ANAPHOR, _CLAIM, _ELSEWHERE, _CLAUSE_BREAK))
