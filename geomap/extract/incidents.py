"""From article text to incidents: the extraction pipeline.

    Document ─sentences─▶ mentions ─resolve─▶ place groups ─segment─▶ incident drafts
             ─finish (date, type, counts, actors, target)─▶ merge ─▶ [Incident]

An article is read once into an :class:`ArticleReading` (sentences, background clauses
blanked, place mentions resolved, actors, the dateline); :mod:`geomap.extract.segment`
then reads its sentences in order into drafts (:mod:`geomap.extract.drafts`),
:mod:`geomap.extract.finish` turns each into an :class:`Incident`, and
:mod:`geomap.extract.merge` keeps one incident per event.

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

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

from ..incident import Incident
from ..places.gazetteer import Gazetteer, load_gazetteer
from ..places.mentions import matcher_for
from ..places.resolve import Resolved, resolve_mentions
from ..lang import LanguagePack, get_pack
from ..rules.anchors import prime
from ..rules.lexicon import ActorHit, blank
from ..text.reader import Document, Sentence, make_document, split_sentences
from .datelines import dateline_province, is_dateline
from .drafts import broken_down
from .finish import finish
from .gate import may_report
from .merge import merge_incidents
from .roles import outlet_spans
from .speakers import speaker_spans
from .segment import Lead, Scene, read_sentence

__all__ = ["extract", "extract_text", "ArticleReading", "read_article_text"]


@dataclass(frozen=True, slots=True)
class ArticleReading:
    """An article read once, for every sentence to be read against."""

    #: the text as written
    original: str
    #: the text with its background clauses blanked (what event words are read in)
    text: str
    #: background clauses: what the text says about people and weapons ("a facilitator
    #: responsible for IED attacks", "seized two IEDs")
    background: list[tuple[int, int]]
    #: sentences, their text taken from the blanked text
    sentences: list[Sentence]
    #: resolved place mentions and actor names, by sentence index
    resolved_in: dict[int, list[Resolved]]
    actors_in: dict[int, list[ActorHit]]
    #: the dateline's date and its span, when the text has one ("KABUL, Afghanistan
    #: (Jan. 25, 2013)"): the release's day, which relative dates resolve against
    dated: tuple | None
    #: the day relative dates resolve against: the dateline's, else the publication date
    published: date | None
    #: the text names a country (a mention outside Afghanistan)
    mentions_country: bool
    #: a province dateline ("PAKTIKA PROVINCE, Afghanistan –"), the article's place
    #: until a sentence names one
    dateline_lead: Lead | None
    #: the language pack whose rules read the article (its document's language)
    lang: LanguagePack


def extract_text(text: str, *, published: date | None = None, source: str = "<text>",
                 gazetteer: Gazetteer | None = None,
                 language: str | None = "en") -> list[Incident]:
    """Incidents in an article text (see :func:`extract`) in ``language`` (``en``, ``fa``,
    ``ps``; None: detected from the text)."""
    return extract(make_document(text, published=published, source=source,
                                 language=language), gazetteer)


def extract(document: Document, gazetteer: Gazetteer | None = None) -> list[Incident]:
    """Incidents reported by one article, merged so that each event appears once.

    Incidents outside Afghanistan (or placeable only at country level) are
    returned too, with ``place=None``: callers report them, never map them.
    """
    gaz = gazetteer or load_gazetteer()
    if not may_report(document.text, gaz, document.language):
        return []                 # no trigger word or no place: the scan, not the parse
    article = read_article_text(document, gaz)
    if article.published != document.published:
        document = replace(document, published=article.published)
    scene = Scene(lead=article.dateline_lead)
    for index in range(len(article.sentences)):
        read_sentence(article, scene, index)
    drafts = broken_down(scene.drafts)
    incidents = [finish(d, document, scene.claimed) for d in drafts]
    # incidents whose every figure is an armed group's claim give way, when merged, to
    # the figures of a report of the same event that is not
    claims = {i.id for i, d in zip(incidents, drafts)
              if d.counts and all(c.claimed for c in d.counts)}
    apart = {i.id for i, d in zip(incidents, drafts) if d.apart}
    return merge_incidents(incidents, claimed=claims, apart=apart)


def read_article_text(document: Document, gaz: Gazetteer) -> ArticleReading:
    """Read an article once: sentences, background, places, actors, dateline."""
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
    # (an actor's name or a newspaper's, "Herat Times", is never a place)
    masks = [(a.start, a.end) for a in actor_hits] + outlet_spans(original)
    # (a language written right to left is Dari or Pashto: Persian-script place frames,
    # and its speakers, "وزارت دفاع گفت", are no place)
    persian = lang.writing_system.direction == "rtl"
    if persian:
        masks += speaker_spans(original, lang.code)
    mentions = matcher_for(gaz).find(original, masks=masks, persian=persian)
    datelines = [m for m in mentions if is_dateline(original, m.start, m.end)]
    mentions = [m for m in mentions if m not in datelines]
    resolved = resolve_mentions(original, mentions, spans, persian=persian)
    lead = dateline_province(original, datelines, sentences)
    # relative dates resolve against the dateline's date when the text has one; that
    # date is the release's, never an event's
    dated = lang.dateline_date(original, document.published)
    starts = [s.start for s in sentences]
    return ArticleReading(
        original=original, text=text, background=background,
        sentences=[Sentence(s.start, s.end, text[s.start:s.end], s.paragraph)
                   for s in sentences],
        resolved_in=_by_sentence(starts, resolved, lambda r: r.mention.start),
        actors_in=_by_sentence(starts, actor_hits, lambda a: a.start),
        dated=dated, published=dated[0] if dated else document.published,
        mentions_country=any(m.country for m in mentions),
        dateline_lead=Lead(lead[0], lead[1]) if lead else None, lang=lang)


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


def _by_sentence(starts: list[int], items, position) -> dict[int, list]:
    """Items grouped by the sentence they start in (one pass; sentences sorted)."""
    grouped: dict[int, list] = {}
    for item in items:
        grouped.setdefault(bisect_right(starts, position(item)) - 1, []).append(item)
    return grouped
