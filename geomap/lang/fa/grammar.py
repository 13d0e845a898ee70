"""The grammar of Persian-script news: Dari's, and Pashto's over Pashto's words.

Both languages put the verb last: a casualty clause is *people … verb* ("سه سرباز کشته
شدند", three soldiers were killed; "درې سرتیري ووژل شول"), and one clause may hold two
figures, the first verb left bare ("سه سرباز کشته و دو تن دیگر زخمی شدند": 3 killed, 2
wounded). :class:`Grammar` reads them from a language's word tables (:class:`Words`,
the files in ``geomap/lang/<code>/data/``) and gives the shared extraction engine the
records it reads English with (:class:`~geomap.rules.counts.Count`,
:class:`~geomap.rules.dates.DateRef`, :class:`~geomap.rules.lexicon.EventType`,
:class:`~geomap.rules.lexicon.ActorHit`), at offsets of the text as written.

Every rule reads the text through :func:`geomap.text.script.normalise` and
:func:`~geomap.text.script.letters` (one letter form, ASCII digits, Pashto's ګ ې ۍ as
گ ی ی); the words are folded the same way when they are loaded, so a coder writes a
word as the press spells it.

A figure is a number (digits, number words "بیست و پنج", or a vague quantity "ده‌ها" =
10 from ``quantities.csv``) followed by a word for people (``people.csv``: "تن", "سرباز",
"غیرنظامیان" …, whose class says whose side they were on) or directly by its verb
(``casualties.csv``: "۵ کشته و ۳ زخمی"). A verb takes the last figure of its clause
before it; failing that, the first one after it ("باعث کشته شدن ۵ تن شد"). "دیگر" /
"نور" (others) and "نیز" / "هم" (also) mark a figure as additional to those before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ...rules.calendar import Calendar
from ...rules.counts import MAX_COUNT, Count
from ...rules.dates import DateRef
from ...rules.lexicon import ActorHit, EventType
from ...text.script import Normalised, letters, normalise

__all__ = ["Words", "Grammar", "fold_word"]


def fold_word(word: str) -> str:
    """A codebook word in the form the rules match text in.

    >>> fold_word("ده‌ها"), fold_word("ټپيان")
    ('ده ها', 'ټپیان')
    """
    return " ".join(letters(normalise(word).text).split())


@dataclass(frozen=True, slots=True)
class Words:
    """A language's words, as its data files give them (folded by :class:`Grammar`)."""

    numbers: dict[str, int]
    quantities: dict[str, int]
    casualties: dict[str, str]          # verb or participle -> killed | wounded | detained
    people: dict[str, str]              # noun -> combatant | security | civilian | person
    others: tuple[str, ...]             # "others" (دیگر, نور): the figure is additional
    also: tuple[str, ...]               # "also" (نیز, هم) before the verb: additional
    negations: tuple[str, ...]          # a verb's negation after it (نشدند, نه)
    clause_breaks: tuple[str, ...]      # words that open a new clause (که, چې, اما)
    claims: tuple[str, ...]             # an armed group's own account (ادعا کرد, سخنگوی طالبان)
    contrasts: tuple[str, ...]          # words that set a clause against a claim (اما, خو)
    singular: tuple[str, ...]           # casualty verbs that say one person (کشته شد, ووژل شو)
    events: tuple[tuple[str, str, str], ...]   # (word, ACLED type, sub-type), strongest first
    actors: dict[str, str]              # alias -> canonical actor (codebook/actors.csv names)
    reporting_verbs: tuple[str, ...]
    reactions: tuple[str, ...]
    targets: dict[str, str]             # word -> the English target name
    calendar: tuple[tuple[str, str, str], ...]


def _alternation(words) -> str:
    """Words as one pattern, longest first, any run of spaces matching a space."""
    return "|".join(r"\s+".join(map(re.escape, w.split()))
                    for w in sorted(set(words), key=len, reverse=True))


def _words_rx(words) -> re.Pattern:
    body = _alternation(words)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if body else r"(?!)")


def _folded(table: dict) -> dict:
    return {fold_word(k): v for k, v in table.items()}


_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+"
# clause ends within a sentence (the Arabic comma and semicolon, a colon)
_PUNCT_BREAK = re.compile(r"[،؛,;:]")
#: words read between a figure and its people ("شماری از غیرنظامیان")
_LINKS = frozenset({"از", "له"})
#: figures joined into one ("۲۰ طالب و ۴ سرباز", "پنځه طالبان او دوه سرتیري")
_AND = re.compile(r"\s+(?:و|او)\s+")
_MAX_GAP_WORDS = 12                    # words between a figure's people and its verb (Dari puts
#                                        the whole place and cause between them)


class Grammar:
    """A Persian-script language's rules, compiled once from its :class:`Words`."""

    def __init__(self, words: Words) -> None:
        self.numbers = _folded(words.numbers)
        self.quantities = _folded(words.quantities)
        self.casualties = _folded(words.casualties)
        self.people = _folded(words.people)
        self.actors = _folded(words.actors)
        self.targets = _folded(words.targets)
        self.events = {fold_word(w): EventType(et, st, w) for w, et, st in reversed(words.events)}
        self._event_rank = {fold_word(w): n for n, (w, _, _) in enumerate(words.events)}
        self.calendar = Calendar((fold_word(w), kind, value) for w, kind, value in words.calendar)
        self._relative = frozenset(self.calendar.relative)
        word = _alternation(self.numbers)
        quantity = _alternation(self.quantities)
        self._number = re.compile(
            rf"(?<!\w)(?:{quantity}|{_DIGITS}|(?:{word})(?:\s+(?:و\s+)?(?:{word}))*)(?![\w.,])")
        self._casualty = _words_rx(self.casualties)
        self._people = _words_rx(self.people)
        self._others = _words_rx(map(fold_word, words.others))
        self._also = re.compile(rf"(?:{_alternation(map(fold_word, words.also))})\s+$")
        negation = _alternation(map(fold_word, words.negations))
        # Dari negates after the participle ("کشته نشدند"), Pashto before the verb ("نه دي
        # وژل شوي", "ونه وژل شول")
        self._negated = re.compile(rf"\s+(?:{negation})(?!\w)")
        self._negated_before = re.compile(rf"(?<!\w)(?:{negation})\s+$")
        self._breaks = _words_rx(map(fold_word, words.clause_breaks))
        self._claim = _words_rx(map(fold_word, words.claims))
        self._singular = frozenset(map(fold_word, words.singular))
        self._contrast = _words_rx(map(fold_word, words.contrasts))
        self._event = _words_rx(self.events)
        self._trigger = _words_rx(list(self.events) + list(self.casualties))
        self._actor = _words_rx(self.actors)
        self._target = _words_rx(self.targets)
        self._reaction = _words_rx(map(fold_word, words.reactions))
        said = _alternation(map(fold_word, words.reporting_verbs))
        # a day just before its statement's verb ("سخنگو روز دوشنبه گفت"): verb-final
        # languages put the statement's day there, a few words at most before the verb
        self._stated_after = re.compile(rf"\s+(?:[^\s.،؟!]+\s+){{0,3}}?(?:{said})(?!\w)")
        joined = _alternation(self.casualties)
        self._joint = re.compile(rf"\s+(?:و|او)\s+(?P<verb>{joined})(?!\w)")

    # -- the text, as the rules read it ------------------------------------------------

    @staticmethod
    @lru_cache(maxsize=512)
    def _read(text: str) -> tuple[str, Normalised]:
        normal = normalise(text)
        return letters(normal.text), normal

    # -- numbers and figures -----------------------------------------------------------

    def parse_number(self, text: str) -> int | None:
        """A count from digits (any of the three digit sets), number words or a vague
        quantity; None for anything else (never an exception).

        Digits are read as ASCII ``0-9`` only: a character that ``str.isdigit`` accepts
        and ``int`` does not (², ⓪) is no number.
        """
        key = " ".join(self._read(text)[0].split())
        if not key:
            return None
        if key in self.quantities:
            return self.quantities[key]
        if re.fullmatch(_DIGITS, key):
            value = int(key.replace(",", ""))
            return value if value <= MAX_COUNT else None
        total = current = 0
        for part in key.split():
            if part == "و":
                continue
            value = self.numbers.get(part)
            if value is None:
                return None
            if value in (100, 1000) and current:
                current *= value
                if value == 1000:
                    total, current = total + current, 0
            else:
                current += value
        value = total + current
        return value if 0 < value <= MAX_COUNT else None

    def find_counts(self, text: str) -> list[Count]:
        """The casualty and arrest figures of a sentence (offsets of ``text``)."""
        key, normal = self._read(text)
        verbs = list(self._casualty.finditer(key))
        if not verbs:
            return []
        numbers = [m for m in self._number.finditer(key)]
        counts: list[Count] = []
        used: set[int] = set()
        for n, verb in enumerate(verbs):
            joint = self._joint.match(key, verb.end())
            if self._negated.match(key, verb.end()) or \
                    self._negated_before.search(key, max(0, verb.start() - 12), verb.start()) or (
                    joint and self.casualties[_key(joint, "verb")] != self.casualties[_key(verb)]):
                # "کشته نشدند" (were not killed); "۱۰ تن کشته و زخمی شدند" (killed and
                # wounded together: no figure of either)
                continue
            clause_start = max(verbs[n - 1].end() if n else 0, self._clause_start(key, verb.start()))
            found = self._figures_before(key, numbers, used, clause_start, verb)
            if not found and _key(verb) in self._singular:
                # "راننده موتر زخمی شد": a person named with a verb in the singular is one
                one = self._one_before(key, clause_start, verb)
                if one is not None:
                    a, b = normal.span(one[0], verb.end())
                    counts.append(Count(self.casualties[_key(verb)], 1, a, b, text[a:b],
                                        victims=one[1], claimed=self._claimed(key, one[0])))
                continue
            if not found:
                limit = verbs[n + 1].start() if n + 1 < len(verbs) else len(key)
                found = self._figure_after(key, numbers, used, verb, limit)
            for number, victims, additive in found:
                used.add(number.start())
                value = self.parse_number(number.group(0))
                if value is None:
                    continue
                start, end = (number.start(), verb.end()) if number.start() < verb.start() \
                    else (verb.start(), number.end())
                a, b = normal.span(start, end)
                counts.append(Count(self.casualties[_key(verb)], value, a, b, text[a:b],
                                    additive=additive, victims=victims,
                                    parts=(value,) if len(found) > 1 else (),
                                    claimed=self._claimed(key, start)))
        return counts

    def _claimed(self, key: str, position: int) -> bool:
        """A figure an armed group gives: after its claim ("سخنگوی طالبان ادعا کرد که ۲۰
        سرباز را کشته اند"), with no contrast between ("…، اما وزارت دفاع گفت که دو سرباز
        کشته شدند" keeps the ministry's figure its own)."""
        return any(not self._contrast.search(key, m.end(), position)
                   for m in self._claim.finditer(key, 0, position))

    def _clause_start(self, key: str, position: int) -> int:
        """Where the clause holding ``position`` begins (after "،", "که", "چې" …)."""
        start = 0
        for m in _PUNCT_BREAK.finditer(key, 0, position):
            start = m.end()
        for m in self._breaks.finditer(key, start, position):
            start = m.end()
        return start

    def _figures_before(self, key: str, numbers: list[re.Match], used: set[int],
                        clause_start: int, verb: re.Match) -> list[tuple[re.Match, str, bool]]:
        """The last figure of the clause before its verb, with the figures joined to it
        ("۲۰ جنگجوی طالب و ۴ سرباز کشته شدند": both): [(number, victims, additive)]."""
        free = [m for m in numbers if m.start() >= clause_start and m.end() <= verb.start()
                and m.start() not in used]
        for k in range(len(free) - 1, -1, -1):
            number = free[k]
            between = key[number.end():verb.start()]
            people = self._people_after(key, number.end(), verb.start())
            if people is None and between.strip():
                continue
            if len(key[people[1] if people else number.end():verb.start()].split()) > \
                    _MAX_GAP_WORDS:
                return []
            if any(self._people_after(key, m.end(), verb.start()) for m in free[k + 1:]):
                continue
            additive = bool(self._others.search(between)) or bool(self._also.search(between))
            chain = [(number, people[0] if people else "person", additive)]
            while k > 0 and (before := self._people_after(key, free[k - 1].end(),
                                                          number.start())) and \
                    _AND.fullmatch(key, before[1], number.start()):
                k -= 1
                number = free[k]
                chain.insert(0, (number, before[0], additive))
            return chain
        return []

    def _one_before(self, key: str, clause_start: int, verb: re.Match) -> tuple[int, str] | None:
        """(start, class) of the person a singular verb speaks of: the last word for a
        person of a side (a soldier, a civilian, a fighter; not the counters تن, نفر) a few
        words before the verb in its clause, or None."""
        last = None
        for m in self._people.finditer(key, clause_start, verb.start()):
            if self.people[_key(m)] != "person":
                last = m
        if last is None or len(key[last.end():verb.start()].split()) > 4:
            return None
        return last.start(), self.people[_key(last)]

    def _figure_after(self, key: str, numbers: list[re.Match], used: set[int],
                      verb: re.Match, limit: int) -> list[tuple[re.Match, str, bool]]:
        """A figure just after its verb ("کشته شدن ۵ تن"): the first with its people."""
        for number in numbers:
            if number.start() < verb.end() or number.start() in used:
                continue
            if number.start() >= limit or len(key[verb.end():number.start()].split()) > 3:
                return []
            people = self._people_after(key, number.end(), limit)
            if people is not None:
                return [(number, people[0], bool(self._others.search(key, number.end(), limit)))]
        return []

    def _people_after(self, key: str, position: int, limit: int) -> tuple[str, int] | None:
        """The people named just after a number ("سه سرباز", "۵ تن از سربازان"): the most
        specific class of the words there and where they end, or None."""
        classes, end = [], position
        for m in self._people.finditer(key, position, min(limit, position + 60)):
            before = key[position:m.start()].split()
            if (not classes and not set(before) <= _LINKS) or len(before) > 2:
                break
            classes.append(self.people[_key(m)])
            end = m.end()
        if not classes:
            return None
        specific = [c for c in classes if c != "person"]
        return (specific[0] if specific else classes[0]), end

    # -- events, actors, targets, reactions -------------------------------------------

    def classify_event(self, text: str) -> EventType | None:
        """The strongest event word of a text (the order of ``events.csv``)."""
        key = self._read(text)[0]
        found = [_key(m) for m in self._event.finditer(key)]
        if not found:
            return None
        return self.events[min(found, key=self._event_rank.__getitem__)]

    def has_trigger(self, text: str) -> bool:
        """Does the text hold an event word or a casualty or arrest verb?"""
        return self._trigger.search(self._read(text)[0]) is not None

    def trigger_words(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The words the extraction's gate scans a text for (in the form
        :func:`~geomap.text.script.letters` writes), as (words, stems): every one-word
        event or casualty word, and the longest word of each longer one (the gate may let
        through what :meth:`has_trigger` then refuses, never the other way round)."""
        words = set()
        for entry in list(self.events) + list(self.casualties):
            parts = entry.split()
            words.add(parts[0] if len(parts) == 1 else max(parts, key=len))
        return tuple(sorted(words)), ()

    def is_reaction(self, text: str) -> bool:
        """A condemnation or condolence ("محکوم کرد", "وغندله")."""
        return self._reaction.search(self._read(text)[0]) is not None

    def find_actors(self, text: str) -> list[ActorHit]:
        """Armed groups and forces named in the text (offsets of ``text``)."""
        key, normal = self._read(text)
        return [ActorHit(self.actors[_key(m)], *normal.span(*m.span()))
                for m in self._actor.finditer(key)]

    def find_targets(self, text: str) -> list[str]:
        """What was hit, as the English target names ("checkpoint", "mosque")."""
        return list(dict.fromkeys(self.targets[_key(m)]
                                  for m in self._target.finditer(self._read(text)[0])))

    def is_not_an_event(self, text: str) -> bool:
        """No sentence shape of these languages is set aside as a non-event yet."""
        return False

    def tally_span(self, text: str) -> tuple[int, int] | None:
        """Tallies of many days' events are not told apart yet: none."""
        return None

    def background_spans(self, text: str) -> list[tuple[int, int]]:
        """Background clauses are not told apart yet: none."""
        return []

    def pack(self, code: str, name: str):
        """The :class:`~geomap.lang.LanguagePack` of a Persian-script language read by
        this grammar (right to left, no capital letters, three digit sets)."""
        from ...rules.lexicon import subtype_rank
        from ..pack import LanguagePack, WritingSystem

        return LanguagePack(
            code=code, name=name, writing_system=WritingSystem("rtl", has_case=False),
            abbreviations=(), digits="0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩",
            year=r"(?:1[34]|19|20)[0-9]{2}", ascii_anchors=False,
            find_counts=self.find_counts, parse_number=self.parse_number,
            find_dates=self.find_dates, dateline_date=self.dateline_date,
            is_deictic=self.is_deictic, classify_event=self.classify_event,
            subtype_rank=subtype_rank, has_trigger=self.has_trigger,
            trigger_words=self.trigger_words,
            is_reaction=self.is_reaction, is_not_an_event=self.is_not_an_event,
            tally_span=self.tally_span, background_spans=self.background_spans,
            find_actors=self.find_actors, find_targets=self.find_targets,
            statement_before=self.statement_before, stated_after=self.stated_after)

    # -- dates -------------------------------------------------------------------------

    def find_dates(self, text: str, published: date | None, *, previous=None) -> list[DateRef]:
        """Solar Hijri and Gregorian days, weekdays and relative days (offsets of
        ``text``); ``previous`` (the date in force) is not needed by these phrases."""
        key, normal = self._read(text)
        out = []
        for ref in self.calendar.find_dates(key, published):
            a, b = normal.span(ref.start, ref.end)
            out.append(DateRef(a, b, text[a:b], ref.value, ref.precision))
        return out

    def dateline_date(self, text: str, published: date | None):
        """The article's own date, on its first line ("۱۴ ثور ۱۴۰۰") or in its dateline
        ("کابل (پژواک ۲۴ حمل ۹۹):"), with its span: the day relative dates are told from
        (``published`` when there is none)."""
        head = text[:200]
        key, normal = self._read(head)
        found = self.calendar.publication_date(key)
        if found is None:
            return None
        value, (start, end) = found
        return value, normal.span(start, end)

    def is_deictic(self, ref: DateRef) -> bool:
        """A day told from the report's own ("دیروز", "پرون شپه")."""
        return " ".join(self._read(ref.phrase)[0].split()) in self._relative

    def statement_before(self, text: str, start: int, end: int):
        """Verb-final: a statement's verb comes after its day, never before it."""
        return None

    def stated_after(self, text: str, position: int):
        """The statement's verb a few words after a day ("روز دوشنبه گفت")."""
        return self._stated_after.match(self._read(text[position:position + 80])[0])


def _key(m: re.Match, group: int | str = 0) -> str:
    """A matched word as its table key (one space between words)."""
    return " ".join(m.group(group).split())

