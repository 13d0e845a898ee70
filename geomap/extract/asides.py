"""Asides: sentences that report no event of the article, and places in another role.

A sentence is an aside when it is background to the article's event, a habit or a
roundup (:func:`is_aside`); a place word is in another role when it names a post,
someone's home or a route (:func:`event_places`). The words are the language pack's data
(``data/segmentation.csv``, ``data/roles.csv``); what is done with them is here.
"""

from __future__ import annotations

from datetime import date

from ..codebook import actor_sides
from ..places.resolve import PlaceGroup
from ..rules.dates import DateRef
from ..text.reader import Sentence
from .claims import counts_in
from .cues import cues
from .roles import role_after, role_before, route_spans

__all__ = ["is_aside", "event_places", "out_of_scope"]


def is_aside(article, sentence: Sentence, told: list[DateRef], actors: list,
             after_event: bool) -> bool:
    """Background, a habit or a roundup: no incident, no figures, no day or place for the
    sentences after it.

    - undated background, once an event has been read (``after_event``): a cue of
      ``data/segmentation.csv`` ("previously", "had survived", "years ago"), or days
      told only relative to the report's and as an earlier month, year or week ("Last
      month, insurgents overran an outpost", "two years ago"); a day of its own ("A day
      earlier, gunmen killed a cleric") makes it an event again; an article's lead that
      dates its event "last month" reports it, late;
    - a habit ("Insurgents often attach sticky bombs ...") with no day and no figures (so
      "a leader who regularly attacked convoys was detained on Saturday" is an event);
    - a roundup over many provinces or the whole country ("killed 64 insurgents across
      nine provinces").
    """
    language = cues(article.lang.code)
    kind = language.kind_of(sentence.text)
    if kind == "roundup":
        return True
    if kind == "habitual":
        return not told and not counts_in(sentence, article.original, actors, article.lang)
    if not after_event:
        return False
    days = [d for d in told if d.precision == "day"]
    if kind == "background":
        return not days
    return bool(told) and not days and all(
        earlier_period(d, article.published, language.relative) for d in told)


def earlier_period(ref: DateRef, published: date | None, relative) -> bool:
    """A month, year or week told relative to the report's day (``relative`` finds the
    words that tell it so: "last", "ago") and wholly before it ("last month", "two years
    ago", "about a week ago"); a named month or year ("in early October") dates an event."""
    if published is None or relative is None or not relative.search(ref.phrase):
        return False
    value = ref.value
    if ref.precision == "month":
        return (value.year, value.month) < (published.year, published.month)
    if ref.precision == "year":
        return value.year < published.year or ref.phrase.lower().startswith("earlier")
    if ref.precision == "week":
        return (published - value).days >= 7
    return False


def event_places(text: str, sentence: Sentence, groups: list[PlaceGroup],
                 language: str = "en") -> list[PlaceGroup]:
    """The groups that name the event's place: a place in another role (a post, someone's
    home, a route: :mod:`geomap.extract.roles`) gives way to the places the sentence names
    in none, and stays the sentence's place when it names no other."""
    if len(groups) < 2:
        return groups
    routes = route_spans(sentence.text) if "from" in sentence.text else []
    plain = [g for g in groups if not _in_role(text, sentence, g, routes, language)]
    return plain if plain and len(plain) < len(groups) else groups


def _in_role(text: str, sentence: Sentence, group: PlaceGroup,
             routes: list[tuple[int, int]], language: str) -> bool:
    start = group.start
    offset = start - sentence.start
    if any(s <= offset < e for s, e in routes):
        return True
    return role_before(text[max(0, start - 60):start], language) is not None or \
        role_after(text[group.end:group.end + 40], language) is not None




def out_of_scope(article, sentence: Sentence, actors: list, counts: list) -> bool:
    """An accident ("six people were killed when a fuel tanker caught fire") or a crime
    ("arrested a man with 40 kilograms of heroin", "412 people on charges of theft"): not
    an incident, unless the sentence names a kind of violence (a bomb, a mine, a shooting
    of its own) or an armed group, or counts fighters."""
    words = cues(article.lang.code)
    text = sentence.text
    accident = words.holds("accident", text)
    crime = words.holds("crime", text)
    if not (accident or crime):
        return False
    kind = article.lang.classify_event(text)
    bare = words.bare_death is not None and kind is not None and \
        words.bare_death.fullmatch(kind.keyword) is not None
    if kind is not None and not bare and not (
            crime and kind.event_type in ("Strategic developments", "Violence against civilians")
            and kind.sub_event_type in ("Arrests", "Abduction/forced disappearance")):
        return False          # (a kind of violence, not a bare death; an arrest for a crime)
    sides = actor_sides()
    if any(sides.get(a.actor) == "armed group" for a in actors):
        return False
    # (fighters counted make it conflict; "three smugglers" are counted as what they are)
    return not any(c.victims == "combatant" and not (words.crime and words.crime.search(c.phrase))
                   for c in counts)
