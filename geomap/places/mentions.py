"""Place mentions: every gazetteer name in a text, found in one pass.

A leftmost-longest Aho–Corasick automaton over all names (and their
hyphen/space/connective variants) finds candidates at 100+ MB/s; guards
then drop what is not a place: lower-case words, English words that are
also place names ("Bar", "Now"), parts of people's names and of actor
names ("Khorasan" in "Islamic State in Khorasan Province"). Places outside
Afghanistan ("Qatar", "Peshawar", "US") are recognised as foreign. A
guarded fuzzy pass catches misspelt names next to a cue ("Panjshri province").
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable

from ..rules.anchors import guarded
from .gazetteer import ForeignPlace, Gazetteer
from .names import CALENDAR_WORDS, GENERIC_KIND, fold, is_arabic_script
from ..lang.en.words import reporting_verbs, titles
from .records import Candidate
from ..text.script import match_form

__all__ = ["Mention", "PlaceMatcher", "matcher_for"]


_CONNECTIVE = re.compile(r"[\s-]+(e|i|ye|y)[\s-]+")
# "Kohi Safi", "Pushti Rod": an izafe glued to the end of a word before another word
_GLUED_IZAFE = re.compile(r"\b([a-z]{2,}[^aeiou\s-])[ie](?= [a-z])")
# "Dara-e Bom": the name goes on after a connective, so its first word alone ("Dara") is
# a different place; not so for words that only say which part of the place it is
# ("Baghlan-e Markazi", central Baghlan; "Herat-e Kohna", old Herat)
_NAME_GOES_ON = re.compile(r"-(?:e|i|ye|y)[\s-]+(?!(?:Markazi|Kohna|Kuhna|Jadid|Jadeed|Naw|Nau|"
                           r"Bala|Payin|Payan|Pain|Ulya|Sufla|Khurd|Kalan|Sharqi|Gharbi|Shamali|"
                           r"Janubi)\b)[A-Z]")
#: words next to a capitalised word that make it a person's name, not a place: the English
#: pack's titles.csv (titles, offices, given names) and reporting_verbs.csv ("Ahmadi said")
_PERSON_BEFORE = frozenset(titles("before_person"))
_PERSON_AFTER = frozenset(titles("after_person") + reporting_verbs("after_name"))
_LOCATIVE = frozenset("in near at inside outside across into from of to around".split())
# Capitalised words not in the gazetteer, tried as misspellings when a cue stands
# next to them: "Panjshri province", "in Helmund".
_FUZZY_PLAIN = (
    r"(?:\b(?:in|near|at)\s+(?:the\s+)?)?\b(?P<name>[A-Z][a-z'’]{3,}(?:[\s-][A-Z][a-z'’]{2,})?)\b"
    r"(?=\s+(?:province|district|city)s?\b)|\b(?:in|near|at)\s+(?:the\s+)?"
    r"(?P<name2>[A-Z][a-z'’]{5,}(?:[\s-][A-Z][a-z'’]{2,})?)\b")
# (the pattern as first written, kept for the test that the scan below finds the same)
_FUZZY_CANDIDATE = guarded(re.compile(_FUZZY_PLAIN))
# What the pass runs: the same matches, but a position is left at once unless a word
# starts there with a capital or "in", "near", "at" and a space (every match does)
_FUZZY_SCAN = re.compile(rf"\b(?=[A-Z]|(?:in|near|at)\s)(?:{_FUZZY_PLAIN})")
_FUZZY_MIN_SCORE = {True: 0.72, False: 0.66}   # with / without a kind cue after the name
#: two names read as one ("Khas Konar" = Khas Kunar) only when the place keeps the first
#: name as written and answers to both closely (a near miss joins real names: "Kohistan
#: Paktia district" is not Kohistanat)
_COMPOUND_MIN_SCORE = 0.8
_WORD = re.compile(r"[\w'’-]+")
_LANDMARK_KINDS = frozenset({"landmark", "airport", "area"})
_VERDICTS_MAX = 100_000                  # (bounds the memory of PlaceMatcher._verdicts)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text that denotes a place (Afghan, foreign or the country)."""

    start: int
    end: int
    surface: str
    candidates: tuple[Candidate, ...] = ()
    foreign: ForeignPlace | None = None
    country: bool = False
    fuzzy: bool = False
    cue: str | None = field(default=None)
    #: a lower-case description ("the military hospital"): kept only when the article
    #: names the landmark's province or city elsewhere
    generic: bool = False

    @property
    def is_afghan(self) -> bool:
        return bool(self.candidates)


def _variants(name: str) -> set[str]:
    """Surface spellings of a name as news text writes it (lower case): "Kohi Safi"
    is also written "Koh-e Safi" and "Koh-i-Safi" (the izafe glued or hyphenated)."""
    low = " ".join(name.lower().split())
    out = {low, low.replace("-", " "), low.replace(" ", "-"), match_form(low)}
    glued = _GLUED_IZAFE.sub(r"\1 i", low)
    if glued != low:
        out.add(glued)
        low = glued
    if _CONNECTIVE.search(low):
        for conn in ("e", "i"):
            for sep in ("-{}-", " {} ", "-{} ", " {}-"):
                out.add(_CONNECTIVE.sub(sep.format(conn), low))
            out.add(_CONNECTIVE.sub(conn + " ", low))
    return {v for v in out if len(v) >= 3}


class PlaceMatcher:
    """Finds place names in text with one automaton over the whole gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        import ahocorasick_rs

        self.gazetteer = gazetteer
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        #: (target, surface, word before, word after, ...) -> what _make decides
        self._verdicts: dict[tuple, tuple | None] = {}
        self._last_scan: tuple[str, list, bool] | None = None   # (text, what scan() found, persian)
        targets: dict[str, tuple[str, object]] = {}
        town_only: dict[str, bool] = {}
        for name, place_id in gazetteer.iter_names():
            small = gazetteer[place_id].kind == "town"
            for variant in _variants(name):
                targets[variant] = ("afghan", name)
                town_only[variant] = town_only.get(variant, True) and small
        for place in gazetteer.foreign:
            for variant in _variants(place.name):
                # an Afghan province, district or city name wins over a foreign one; a small
                # Afghan town does not win over a foreign city ("Mashhad")
                if targets.get(variant, ("",))[0] != "afghan" or town_only.get(variant):
                    targets[variant] = ("foreign", place)
        for variant in ("afghanistan", "افغانستان"):
            targets[variant] = ("country", variant)
        self._patterns = sorted(targets)
        self._targets = [targets[p] for p in self._patterns]
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def find(self, text: str, *, masks: Iterable[tuple[int, int]] = (),
             any_case: bool = False, persian: bool = False) -> list[Mention]:
        """Mentions in text order; spans overlapping ``masks`` (actor names) are skipped.

        News text capitalises place names, so lower-case matches are dropped unless
        ``any_case`` (for short location phrases such as "paktia province").
        """
        masks = sorted(masks)
        mentions: list[Mention] = []
        size = len(text)
        for index, start, end in self.scan(text, persian=persian):
            # (_bounded inlined: this loop runs for every name-like substring)
            if (start and text[start - 1].isalnum()) or (end < size and text[end].isalnum()) \
                    or (masks and _overlaps(masks, start, end)) or \
                    (text[end:end + 1] == "-" and _NAME_GOES_ON.match(text, end)):
                continue
            mention = self._make(index, text[start:end], text, start, end, any_case, persian)
            if mention is not None:
                mentions.append(mention)
        mentions.extend(self._fuzzy(text, mentions, masks))
        mentions.sort(key=lambda m: m.start)
        mentions = self._compounds(text, mentions)
        mentions = self._districts_of_named_provinces(text, mentions, masks)
        if persian:
            mentions = self._persian_district_frames(text, mentions, masks)
        if "of the province" in text:
            mentions = self._districts_of_the_province(text, mentions, masks)
        if "capital" in text or "provincial cent" in text:
            mentions = self._provincial_capitals(text, mentions, masks)
        return mentions

    def _last_province(self, mentions: list[Mention], start: int) -> str | None:
        """The code of the last province named before ``start``, within
        :data:`_PROVINCE_REACH` characters."""
        before = [x for x in mentions if x.end <= start and start - x.end <= _PROVINCE_REACH
                  and not x.generic and x.candidates
                  and x.candidates[0].place.kind == "province"]
        return before[-1].candidates[0].place.admin1_code if before else None

    def _provincial_capitals(self, text: str, mentions: list[Mention],
                             masks: list[tuple[int, int]]) -> list[Mention]:
        """"...in Laghman on Monday. The killing happened in the provincial capital": the
        capital of the last province named (its district is the capital's district)."""
        out = list(mentions)
        for m in _PROVINCIAL_CAPITAL.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in masks) or \
                    any(start <= x.start <= end + 20 for x in mentions):
                continue             # ("the provincial capital, Mihtarlam": named already)
            code = self._last_province(mentions, start)
            capital = self.gazetteer.capital(code) if code else None
            if capital is None:
                continue
            out.append(Mention(start, end, text[start:end], candidates=(Candidate(
                place=capital, score=0.8, matched=text[start:end],
                reason=f"the provincial capital of {capital.admin1}"),), cue="city"))
        out.sort(key=lambda m: m.start)
        return out

    def _districts_of_the_province(self, text: str, mentions: list[Mention],
                                   masks: list[tuple[int, int]]) -> list[Mention]:
        """"Officials in Khost province said ... in Jaji district of the province": the
        province is the last one named before (within :data:`_PROVINCE_REACH` characters),
        and the district is looked for among its districts only."""
        out = list(mentions)
        for m in _DISTRICT_OF_THE_PROVINCE.finditer(text):
            start, end = m.span("name")
            if any(s < end and start < e for s, e in masks):
                continue
            code = self._last_province(mentions, start)
            if code is None:
                continue
            while start < end and " " in text[start:end] and \
                    self.gazetteer.district_in(text[start:end], code) is None:
                start = text.index(" ", start, end) + 1
            out = self._as_district(text, out, start, end, code)
        out.sort(key=lambda m: m.start)
        return out

    def _as_district(self, text: str, out: list[Mention], start: int, end: int, code: str,
                     keep: Mention | None = None) -> list[Mention]:
        """``out`` with ``text[start:end]`` read as a district of the province ``code``
        (:meth:`Gazetteer.district_in`) in place of the mentions it overlaps (but
        ``keep``), unless one of them already is a district of that province or it is none."""
        same = [x for x in out if x.start < end and start < x.end and x is not keep]
        if any(c.place.kind == "district" and c.place.admin1_code == code
               for x in same for c in x.candidates):
            return out                           # already a district of that province
        found = self.gazetteer.district_in(text[start:end], code)
        if found is None:
            return out
        return [x for x in out if x not in same] + [
            Mention(start, end, text[start:end], candidates=(found,), fuzzy=True, cue="district")]

    def scan(self, text: str, *, persian: bool = False) -> list[tuple[int, int, int]]:
        """``(name, start, end)`` of every gazetteer name in ``text``, any case, before
        :meth:`find`'s checks (word bounds, case, actor names, context): its one scan.
        The last text's scan is kept, so asking before :meth:`find` costs find nothing.
        ``persian``: Persian-script letters are read in one form (:func:`match_form`)."""
        last = self._last_scan
        if last is not None and last[0] is text and last[2] == persian:
            return last[1]
        lowered = _lower_same_length(text)
        found = self._automaton.find_matches_as_indexes(match_form(lowered) if persian
                                                        else lowered)
        self._last_scan = (text, found, persian)
        return found

    def _compounds(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """"Khas Konar district": two names side by side whose second, read alone, is no
        place of the kind the text gives it ("Konar" is a province, not a district) are one
        name spelt as the gazetteer does not ("Khas Kunar"), when a place of that kind
        answers to the two together."""
        out: list[Mention] = []
        for mention in mentions:
            first = out[-1] if out else None
            if first is not None and mention.cue in ("district", "province") and \
                    first.cue is None and not first.foreign and not first.country and \
                    text[first.end:mention.start] == " " and \
                    not any(c.place.kind == mention.cue for c in mention.candidates):
                surface = text[first.start:mention.end]
                head = fold(first.surface)
                ranked = [c for c in self.gazetteer.lookup(surface, kind=mention.cue, limit=3)
                          if c.score >= _COMPOUND_MIN_SCORE and c.place.kind == mention.cue
                          and fold(c.place.name.split()[0]) == head]
                if ranked:
                    out[-1] = Mention(first.start, mention.end, surface,
                                      candidates=tuple(ranked), fuzzy=True, cue=mention.cue)
                    continue
            out.append(mention)
        return out

    def _make(self, index: int, surface: str, text: str, start: int, end: int,
              any_case: bool = False, persian: bool = False) -> Mention | None:
        kind, payload = self._targets[index]
        latin = surface[:1].isascii()
        lowercase = latin and not surface[0].isupper() and not any_case
        if lowercase and not (kind == "afghan" and " " in surface.strip()):
            return None
        if kind == "country":
            return Mention(start, end, surface, country=True)
        if kind == "foreign":
            place: ForeignPlace = payload
            if len(place.name) <= 3 and surface != place.name:
                return None                     # "us" is not the US
            return Mention(start, end, surface, foreign=place)
        before, after = _word_before(text, start), _word_after(text, end)
        # the rest depends on these words only: a name's verdict is worked out once
        key = (index, surface, before, after, start > 0, lowercase, persian)
        verdict = self._verdicts.get(key, False)
        if verdict is False:
            if len(self._verdicts) >= _VERDICTS_MAX:
                self._verdicts.clear()
            verdict = self._verdicts[key] = self._verdict(payload, surface, before, after, persian,
                                                          start, latin, lowercase)
        if verdict is None:
            return None
        return Mention(start, end, surface, candidates=verdict[0], cue=verdict[1],
                       generic=lowercase)

    def _verdict(self, payload: str, surface: str, before: str, after: str, persian: bool,
                 start: int,
                 latin: bool, lowercase: bool) -> tuple[tuple[Candidate, ...], str | None] | None:
        """(candidates, cue) of an Afghan name between ``before`` and ``after``, or None
        when it is no place there."""
        if latin and (before.lower() in _PERSON_BEFORE or after.lower() in _PERSON_AFTER
                      and before[:1].isupper()):
            return None
        cue = GENERIC_KIND.get(after.lower().rstrip("s") if after.lower() != "provinces"
                               else "province")
        if persian and is_arabic_script(surface) and not surface.startswith("د "):
            # Dari puts the kind before the name ("ولسوالی سنگین ولایت هلمند": the word
            # after Sangin is Helmand's); Pashto, whose genitive "د" opens the name,
            # after it ("د غزني ولایت د مقر ولسوالۍ")
            cue = GENERIC_KIND.get(match_form(before)) or cue
        if self.gazetteer.is_common_word(surface) and not (
                cue or (before.lower() in _LOCATIVE and start > 0)):
            return None
        if persian and (match_form(surface) in _PERSIAN_COMMON_WORDS and not cue
                        or _PERSIAN_NUMBER.fullmatch(before)):
            return None         # "میدان هوایی" (an airfield); "۲۶ میزان" (a day of Mizan)
        if surface.lower() in CALENDAR_WORDS:
            return None
        candidates = self._lookup(payload)
        if lowercase:
            # "the military hospital": a lower-case description names a landmark only
            candidates = tuple(c for c in candidates if c.place.kind in _LANDMARK_KINDS)
        if not candidates:
            return None
        return candidates, cue

    def _districts_of_named_provinces(self, text: str, mentions: list[Mention],
                                      masks: list[tuple[int, int]]) -> list[Mention]:
        """"Jawnd district of Badghis", "Farah's Parchman district", "Sangin/Helmand": a
        district spelt as the gazetteer does not, next to its province, is matched among
        that province's districts only (:meth:`Gazetteer.district_in`)."""
        out = list(mentions)
        for mention in mentions:
            provinces = [c.place for c in mention.candidates if c.place.kind == "province"]
            if not provinces or mention.generic:
                continue
            code = provinces[0].admin1_code
            window = max(0, mention.start - 80)
            before = text[window:mention.start]      # (each pattern needs its literal)
            m = ("istrict" in before and _DISTRICT_OF.search(text, window, mention.start)) or \
                ("/" in before and _SLASH.search(text, window, mention.start)) or None
            if m is not None:
                start, end = m.span("name")
            else:
                m = _PROVINCES_DISTRICT.match(text, mention.end)
                if m is None:
                    continue
                start, end = m.span("name")
            # keep the name's last words only ("In Jawnd", "Taliban attack on Parchman")
            while start < end and " " in text[start:end] and \
                    self.gazetteer.district_in(text[start:end], code) is None:
                start = text.index(" ", start, end) + 1
            if any(s < end and start < e for s, e in masks):
                continue
            out = self._as_district(text, out, start, end, code, keep=mention)
        out.sort(key=lambda m: m.start)
        return out

    def _persian_district_frames(self, text: str, mentions: list[Mention],
                                 masks: list[tuple[int, int]]) -> list[Mention]:
        """"ولسوالی خوگیانی", "د زرمت ولسوالۍ" in a text that names the province: a
        district spelt as the gazetteer does not (or a name it holds elsewhere only) is
        matched among the districts of the provinces the text names
        (:meth:`Gazetteer.district_in`), as :meth:`_districts_of_named_provinces` does for
        "Jawnd district of Badghis"."""
        codes = list(dict.fromkeys(c.place.admin1_code for m in mentions for c in m.candidates
                                   if c.place.kind == "province" and m.cue == "province"))
        if not codes or "ولسوال" not in match_form(text):
            return mentions
        form = match_form(text)
        out = list(mentions)
        for m in (m for pattern in _PERSIAN_DISTRICT for m in pattern.finditer(form)):
            group = "after" if "after" in m.re.groupindex else "before"
            words = list(re.finditer(r"\S+", m.group(group)))
            base = m.start(group)
            # the name's words nearest the kind word first ("زرمت" before "د زرمت")
            spans = [(base + w.start(), base + words[-1].end() if group == "before" else
                      base + w.end()) for w in (words[::-1] if group == "before" else words)]
            if group == "after":
                spans = [(base + words[0].start(), end) for _, end in spans]
            for start, end in spans:
                name = text[start:end]
                if name in _PASHTO_PARTICLES or _overlaps(masks, start, end):
                    continue
                same = [x for x in out if x.start < end and start < x.end]
                if any(c.place.kind in ("district", "town", "city")
                       and c.place.admin1_code in codes for x in same for c in x.candidates):
                    break                        # already a place of a named province
                found = next(filter(None, (self.gazetteer.district_in(name, code)
                                           for code in codes)), None)
                if found is not None:
                    out = [x for x in out if x not in same]
                    out.append(Mention(start, end, name, candidates=(found,), fuzzy=True,
                                       cue="district"))
                    break
        out.sort(key=lambda x: x.start)
        return out

    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        hit = self._cache.get(name)
        if hit is None:
            hit = self._cache[name] = tuple(
                self.gazetteer.lookup(name, fuzzy=False, allow_common=True, limit=8))
        return hit

    def _fuzzy(self, text: str, found: list[Mention],
               masks: list[tuple[int, int]]) -> list[Mention]:
        taken = sorted([(m.start, m.end) for m in found] + list(masks))
        out = []
        for m in _FUZZY_SCAN.finditer(text):
            group = m.lastgroup                 # ("name" or "name2": no other group)
            start, end = m.span(group)
            surface = m.group(group)
            if _overlaps(taken, start, end):
                continue
            after = _word_after(text, end).lower()
            cue = GENERIC_KIND.get("province" if after == "provinces" else after.rstrip("s"))
            before = _word_before(text, start).lower()
            if not cue and (before not in ("in", "near", "at") or len(surface) < 6):
                continue
            if surface.lower() in CALENDAR_WORDS or self.gazetteer.is_common_word(surface) \
                    or before in _PERSON_BEFORE:
                continue
            ranked = [c for c in self.gazetteer.lookup(surface, kind=cue, limit=5)
                      if c.score >= _FUZZY_MIN_SCORE[cue is not None]]
            if ranked:
                # (no need to add it to ``taken``: later matches start after its end)
                out.append(Mention(start, end, surface, candidates=tuple(ranked), fuzzy=True,
                                   cue=cue))
        return out


_NAME = r"[A-Z][\w'’]*(?:[\s-](?:[A-Z][\w'’]*|e|i|ye|wa))*"
_DISTRICT_OF = re.compile(rf"(?P<name>{_NAME})\s+[Dd]istricts?\s*(?:,\s*|\s+of\s+|\s+in\s+)"
                          r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central|"
                          r"restive)\s+)?$")
_DISTRICT_OF_THE_PROVINCE = re.compile(rf"(?P<name>{_NAME})\s+[Dd]istrict\s+of\s+the\s+"
                                       r"province\b")
_PROVINCIAL_CAPITAL = re.compile(r"\b(?:the\s+provincial\s+(?:capital|cent(?:re|er))|"
                                 r"the\s+capital\s+of\s+the\s+province)\b", re.IGNORECASE)
#: how far back "of the province" may refer (a sentence or two)
_PROVINCE_REACH = 400
_SLASH = re.compile(rf"(?P<name>{_NAME})\s*/\s*$")
_PROVINCES_DISTRICT = re.compile(rf"(?:\s+[Pp]rovince)?(?:'s|’s)\s+(?P<name>{_NAME})\s+"
                                 r"[Dd]istrict\b")


#: a district frame of Dari ("ولسوالی X", "ولسوالی X Y") and of Pashto ("X ولسوالۍ"), in the
#: form match_form writes (ۍ ي as ی); the name is one or two words
_NAME_WORDS = r"[^\s،,.:؛]+(?:[ ][^\s،,.:؛]+)?"
_PERSIAN_DISTRICT = (re.compile(rf"(?<!\S)ولسوالی\s+(?P<after>{_NAME_WORDS})"),
                     re.compile(rf"(?<!\S)(?=(?P<before>{_NAME_WORDS})\s+ولسوالی(?!\S))"))
#: Dari and Pashto words that are also a gazetteer name (میدان, a square or field, is
#: Maidan Shahr's short name; شوه, "it happened", a village's): a place only with its
#: kind word ("شهر میدان")
_PERSIAN_COMMON_WORDS = frozenset({"میدان", "شوه"})
#: a number (any digits, an ordinal's ام/م/مه) just before a name makes it a month's day
_PERSIAN_NUMBER = re.compile(r"[0-9۰-۹٠-٩]+(?:ام|م|مه)?")
#: Pashto's little words that stand before a name in its frame ("د زرمت ولسوالۍ")
_PASHTO_PARTICLES = frozenset({"د", "په", "له", "دی", "دې", "ولایت", "ولايت", "در", "و"})


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap a span of the sorted ``spans``? Spans are names (tens of
    characters), so only the few that start just before ``end`` can."""
    k = bisect_left(spans, (end, end))
    for s, e in spans[max(0, k - 8):k]:         # (a loop: cheaper than any() over a generator)
        if s < end and start < e:
            return True
    return False


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


# The last word of the 40 characters before a name, read backwards: one anchored match
# instead of a search trying every position of the window for "word[\s,]*$".
_LAST_WORD_REVERSED = re.compile(r"[\s,]*([\w'’.-]+)")


def _word_before(text: str, start: int) -> str:
    m = _LAST_WORD_REVERSED.match(text[max(0, start - 40):start][::-1])
    return m.group(1)[::-1].rstrip(".") if m else ""


def _word_after(text: str, end: int) -> str:
    m = _WORD.match(text, end + 1) if end < len(text) and text[end] == " " else None
    return m.group(0) if m else ""


_MATCHERS: "weakref.WeakKeyDictionary[Gazetteer, PlaceMatcher]" = weakref.WeakKeyDictionary()


def matcher_for(gazetteer: Gazetteer) -> PlaceMatcher:
    """The matcher of a gazetteer, built once per process."""
    matcher = _MATCHERS.get(gazetteer)
    if matcher is None:
        matcher = _MATCHERS[gazetteer] = PlaceMatcher(gazetteer)
    return matcher
