"""Toponym resolution: which place each mention denotes, and why.

Context decides between same-name places: a kind cue ("X province",
"district of X", "the capital X"), coordination ("Nangarhar and Parwan
provinces"), the other places of the sentence and of the article
("Sangin district of Helmand"), and nesting ("military hospital in
Kabul" is the hospital). Every decision carries its reason.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from ..rules.anchors import guarded
from .mentions import Mention
from .records import SPECIFICITY, Candidate, Place, contains

__all__ = ["Resolved", "PlaceGroup", "resolve_mentions", "group_places", "precision_codes"]

_PRE_CUE = re.compile(r"(?:(?P<province>provinces?)|(?P<district>districts?)|"
                      r"(?P<city>capital(?:\s+city)?|city|town))\s+(?:of\s+)?(?:the\s+)?"
                      r"(?:(?:afghan|northern|southern|eastern|western|central|north|south|east|"
                      r"west|restive)\s+)?$", re.IGNORECASE)
_COORDINATED = re.compile(r"^\s*(?:\([^()]{0,80}\))?\s*(?:,|and|&|or|as\s+well\s+as)\s*"
                          r"(?:,\s*)?(?:the\s+)?$", re.IGNORECASE)
_NEAR = re.compile(r"(?:near|outside|close\s+to|outskirts\s+of|vicinity\s+of|"
                   r"kilometres?\s+from|km\s+from|miles?\s+from)\s+(?:the\s+)?(?:\w+\s+)?$",
                   re.IGNORECASE)
_NESTING_GAP = re.compile(r"^[\s\w'’,/-]{0,60}$")
_CUE_KINDS = {"province": {"province"}, "district": {"district"}, "city": {"city", "town"}}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention with the place chosen for it (None for foreign/country mentions)."""

    mention: Mention
    place: Place | None
    reason: str
    near: bool = False


@dataclass(frozen=True, slots=True)
class PlaceGroup:
    """Mentions of one location: the most specific place and all its mentions."""

    members: tuple[Resolved, ...]
    #: the most specific Afghan member (the first member when none is Afghan), chosen once
    head: Resolved = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.members) == 1:
            head = self.members[0]          # (most groups: one mention)
        else:
            afghan = [r for r in self.members if r.place is not None]
            head = max(afghan, key=lambda r: (SPECIFICITY[r.place.kind], -r.mention.start)) \
                if afghan else self.members[0]
        object.__setattr__(self, "head", head)

    @property
    def start(self) -> int:
        return self.members[0].mention.start

    @property
    def end(self) -> int:
        return self.members[-1].mention.end


_DISTRICT_OF = re.compile(r"\S\s+districts?(?:\s+(?:of|in)|\s*,)\s+(?:the\s+)?(?:\w+\s+)?$",
                          re.IGNORECASE)
_THE_DISTRICTS_OF = re.compile(r"\bthe\s+districts?\s+of\s+$", re.IGNORECASE)


_PRE_CUE, _NEAR = guarded(_PRE_CUE), guarded(_NEAR)     # (first-character look-ahead)
_POSSESSIVE_DISTRICT = re.compile(r"(?:'s|’s)\s+(?:[A-Z][\w'’-]*\s+){1,3}"
                                  r"(?:[Dd]istricts?|[Cc]ity|[Tt]own|[Aa]rea|[Vv]illage)\b")


def _cue(text: str, mention: Mention) -> str | None:
    if mention.cue:
        return mention.cue
    before = text[max(0, mention.start - 50):mention.start]
    if _DISTRICT_OF.search(before) and not _THE_DISTRICTS_OF.search(before):
        return "province"          # "Sangin district of Helmand", "Arghandab district,
        #                            Kandahar": Helmand, Kandahar are the provinces
    if _POSSESSIVE_DISTRICT.match(text, mention.end):
        return "province"          # "Farah's Pur Chaman district", "Baghlan's Pul-e-Khumri
        #                            city": Farah, Baghlan are the provinces
    m = _PRE_CUE.search(before)
    if m:
        return next(k for k, v in m.groupdict().items() if v)
    return None


def _propagate_cues(text: str, mentions: list[Mention], cues: list[str | None]) -> None:
    """Share a cue along coordinated lists, both ways ("Nangarhar and Parwan provinces")."""
    for order in (range(1, len(mentions)), range(len(mentions) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.start == 1 else i + 1
            if cues[i] is None and cues[j]:
                a, b = mentions[i], mentions[j]
                if b.start < a.start:           # (the two in text order)
                    a, b = b, a
                if _COORDINATED.match(text[a.end:b.start]):
                    cues[i] = cues[j]


def _choose(mention: Mention, cue: str | None, sentence_provinces: set[str],
            doc_provinces: set[str]) -> tuple[Candidate, str]:
    pool = list(mention.candidates)
    reasons = []
    if cue:
        kinds = _CUE_KINDS.get(cue, (cue,))
        fitting = [c for c in pool if c.place.kind in kinds]
        if fitting:
            pool = fitting
            reasons.append(f"'{cue}' cue")

    def rank(c: Candidate) -> float:
        bonus = 0.0
        if c.place.admin1_code in sentence_provinces:
            bonus += 0.2
        elif c.place.admin1_code in doc_provinces:
            bonus += 0.1
        return c.score + bonus

    best = pool[0] if len(pool) == 1 else max(pool, key=lambda c: (rank(c), c.place.id))
    if len({c.place.admin1_code for c in pool}) > 1:
        if best.place.admin1_code in sentence_provinces:
            reasons.append(f"province {best.place.admin1} named in the sentence")
        elif best.place.admin1_code in doc_provinces:
            reasons.append(f"province {best.place.admin1} named in the article")
    reasons.append(best.reason)
    return best, "; ".join(reasons)


def _province_of_districts(mention: Mention, best: Candidate, reason: str,
                           districts_named: set[tuple[str, str]]) -> tuple[Candidate, str]:
    """A capital's bare name that is also its province's ("Farah", "Kunduz"), in an article
    that names another district of that province: the province, which holds that
    district's event ("Nine killed in Farah mine blast ... in Gulistan district"), rather
    than a second place beside it."""
    code = best.place.admin1_code
    others = [d for c, d in districts_named if c == code and d != best.place.admin2_id]
    province = next((c for c in mention.candidates if c.place.kind == "province"
                     and c.place.admin1_code == code), None)
    if not others or province is None:
        return best, reason
    return province, (f"province: the article names its districts; {province.reason}")


def _one_province(candidates: tuple[Candidate, ...]) -> bool:
    code = candidates[0].place.admin1_code
    return all(c.place.admin1_code == code for c in candidates)


def resolve_mentions(text: str, mentions: list[Mention],
                     sentence_spans: list[tuple[int, int]], *,
                     persian: bool = False) -> list[Resolved]:
    """Choose one place per Afghan mention, using the context of the whole text
    (``persian``: a Dari or Pashto text, whose place frames put the province after the
    place, "ولسوالی X ولایت Y", or before it, "د Y ولایت د X ولسوالۍ")."""
    cues = [_cue(text, m) for m in mentions]
    _propagate_cues(text, mentions, cues)
    named = {c.place.admin1_code for m in mentions if not m.generic for c in m.candidates[:1]}
    # per sentence, the provinces its unambiguous mentions name (one pass, not per mention)
    starts = [s for s, _ in sentence_spans]
    by_sentence: dict[int, list[tuple[Mention, str]]] = {}
    unambiguous = set()
    for m in mentions:
        if m.candidates and _one_province(m.candidates):
            code = m.candidates[0].place.admin1_code
            unambiguous.add(code)
            by_sentence.setdefault(bisect_right(starts, m.start) - 1, []).append((m, code))
    # districts the article names ("Imam Sahib district of Kunduz"): a bare name shared by a
    # province and its capital ("Kunduz police said") is then the province
    districts_named = {(c.place.admin1_code, c.place.id) for m, cue in zip(mentions, cues)
                       if cue == "district" for c in m.candidates[:1]
                       if c.place.kind == "district"}
    resolved = []
    for position, (mention, cue) in enumerate(zip(mentions, cues)):
        if mention.generic and not {c.place.admin1_code for c in mention.candidates} & named:
            continue
        near = _NEAR.search(text[max(0, mention.start - 40):mention.start]) is not None
        if not mention.candidates:
            what = "outside Afghanistan" if mention.foreign else "the country as a whole"
            resolved.append(Resolved(mention, None, what, near))
            continue
        in_sentence = {code for m, code in
                       by_sentence.get(bisect_right(starts, mention.start) - 1, ())
                       if m is not mention}
        following = mentions[position + 1:position + 3]
        enclosing = _enclosing_province(text, mention, following,
                                        mentions[max(0, position - 2):position], persian)
        inside = [c for c in mention.candidates if c.place.admin1_code == enclosing]
        if persian and inside:
            # "ولسوالی مقر ولایت غزنی": the places of that name in the province named with
            # it, whatever kind the frame gives (the district may be a town in the gazetteer)
            mention = replace(mention, candidates=tuple(inside))
        best, reason = _choose(mention, cue, in_sentence, unambiguous)
        if cue is None and best.place.kind == "city" and districts_named:
            best, reason = _province_of_districts(mention, best, reason, districts_named)
        if mention.fuzzy:
            reason = f"misspelling of {best.place.name}; {reason}"
        if enclosing and best.place.kind != "province" and best.place.admin1_code != enclosing:
            # "Nawa district of Helmand" but no Nawa in Helmand: trust the province
            continue
        district = _enclosing_district(text, mention, following)
        if district is not None and not contains(district, best.place):
            # "Qarabagh village of Andkhoy district": a village the gazetteer does not
            # have, not the Qarabagh elsewhere; the district places it
            continue
        resolved.append(Resolved(mention, best.place, reason, near))
    return resolved


_OF_PROVINCE_GAP = re.compile(r"^(?:\s+(?:district|town|city|village|area|valley))?\s*"
                              r"(?:,|of|in)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
#: Dari's frame, the province after the place: "ولسوالی سنگین ولایت هلمند", "سنگین، هلمند"
_PROVINCE_AFTER_GAP = re.compile(r"^\s*(?:،\s*(?:ولایت|ولايت|استان)?|ولایت|ولايت|استان)\s*$")
#: Pashto's frame, the province first: "د هلمند ولایت د سنګین ولسوالۍ", "هلمند ولایت په ..."
_PROVINCE_BEFORE_GAP = re.compile(r"^\s+(?:ولایت|ولايت)\s+(?:د|په)?\s*$")


def _enclosing_province(text: str, mention: Mention, following: list[Mention],
                        preceding: list[Mention] = (), persian: bool = False) -> str | None:
    """The province a place is said to lie in ("X district of Y", "X, Y province"; in a
    ``persian`` text, Dari's "ولسوالی X ولایت Y" and Pashto's "د Y ولایت د X ولسوالۍ"),
    named by one of the mentions just after it (just before it, in Pashto's order)."""
    after = _PROVINCE_AFTER_GAP if persian else _OF_PROVINCE_GAP
    near = [(other, text[mention.end:other.start], after) for other in following
            if other.start > mention.end and other.start - mention.end <= 60]
    if persian:
        near += [(other, text[other.end:mention.start], _PROVINCE_BEFORE_GAP)
                 for other in preceding
                 if other.end < mention.start and mention.start - other.end <= 30]
    for other, gap, frame in near:
        if frame.match(gap):
            provinces = {c.place.admin1_code for c in other.candidates
                         if c.place.kind == "province"}
            if len(provinces) == 1 and (other.cue == "province" or
                                        other.candidates[0].place.kind == "province"):
                return provinces.pop()
    return None


_VILLAGE_OF_GAP = re.compile(r"^\s+(?:village|area|locality|region|bazaar|neighbou?rhood)\s+"
                             r"(?:of|in)\s+(?:the\s+)?$", re.IGNORECASE)


def _enclosing_district(text: str, mention: Mention, following: list[Mention]) -> Place | None:
    """The district a village or area is said to lie in ("Qarabagh village of Andkhoy
    district", "the Langar area of Sayedabad district"), when the district is known."""
    for other in following[:1]:
        if other.start > mention.end and _VILLAGE_OF_GAP.match(text[mention.end:other.start]):
            districts = [c.place for c in other.candidates if c.place.kind == "district"]
            if districts and (other.cue == "district" or len(districts) == 1):
                return districts[0]
    return None


#: words that end a place's description and begin a clause of its own ("... in Paktia on
#: Friday, leaving seven officers dead in Zurmat": Zurmat is not Paktia again)
_NOT_NESTED = re.compile(r"\b(?:and|or|while|but|besides|dead|said|told|"
                         r"(?!(?:locat|situat|bas|nam|call)ed\b)[a-z]{3,}ed|[a-z]{3,}ing)\b")


def _nesting_gap(gap: str) -> bool:
    """Can the text between two mentions join them into one place ("Sangin, Helmand")?"""
    return _NESTING_GAP.match(gap) is not None and not _NOT_NESTED.search(gap)


def group_places(text: str, resolved: list[Resolved]) -> list[PlaceGroup]:
    """Group adjacent mentions of nested places (hospital + Kabul, Sangin + Helmand)."""
    groups: list[list[Resolved]] = []
    for item in resolved:
        if item.mention.country:
            continue
        if groups:
            last = groups[-1]
            gap = text[last[-1].mention.end:item.mention.start]
            # (_nested with the gap, the same for every member, tested once)
            place = item.place
            if place is not None and _nesting_gap(gap) and any(
                    member.place is not None and (contains(member.place, place) or
                                                  contains(place, member.place))
                    for member in last):
                last.append(item)
                continue
        groups.append([item])
    return [PlaceGroup(tuple(g)) for g in groups]


def precision_codes(place: Place, near: bool) -> tuple[int, int]:
    """(ACLED geo_precision 1–3, UCDP where_prec 1–6) for a located place."""
    if place.kind == "province":
        return 3, 4
    if place.kind == "district":
        return 2, 3
    return (2, 2) if near else (1, 1)
