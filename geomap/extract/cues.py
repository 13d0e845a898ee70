"""Segmentation cues: the words that make a sentence background, habitual or a roundup.

Read from the language pack's ``data/segmentation.csv`` (``kind,phrase,note``), one row per phrase,
so that a coder adds one without reading Python. In a phrase, ``<n>`` stands for a
number in digits or words ("across nine provinces", "in 12 provinces", "in several
provinces"), a leading ``^`` ties it to the start of the sentence, and a punctuation mark
written apart follows the word before it directly (``^earlier ,``: "Earlier, ...").
Kinds:

- ``habitual``: what happens, not what happened ("Insurgents often attach sticky
  bombs ..."; "big cities such as Herat and Kandahar");
- ``background``: an undated earlier time ("previously", "in the past", "had survived");
- ``roundup``: figures over many provinces or the whole country ("across nine
  provinces", "nationwide"), which are no single place's incident;
- ``relative``: words of a date phrase that tell a day relative to the report's ("last",
  "ago"): an earlier month or year told so is background, a named one dates an event;
- ``referring``, ``event_noun``, ``another_event``, ``elsewhere``: word lists of the
  patterns a sentence refers back to its event with, or says it is about another one;
- ``accident``, ``crime``: words that put an event out of scope (an accident, a criminal
  or drug case) when no word of violence or armed group says otherwise;
- ``explosion_verb``: words that say an explosion happened ("went off", "struck"), which an
  arrest of bomb-makers or a seizure of explosives lacks;
- ``placed_at``: words that say where the event happened ("landed", "took place");
- ``bare_death``: event words that tell of death but not of violence ("killed", "died").

>>> cues("en").kind_of("Insurgents often plant bombs in cities such as Herat.")
'habitual'
>>> cues("en").kind_of("Troops killed 64 insurgents across nine provinces.")
'roundup'
>>> cues("en").kind_of("Gunmen killed a shopkeeper on Monday.") is None
True
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..rules.anchors import Gate, guarded

from ..lang.en.words import number_words

__all__ = ["Cues", "cues", "KINDS"]

KINDS = ("habitual", "background", "roundup")
#: kinds that are word lists for the two patterns of :class:`Cues` built from them
_WORD_KINDS = ("referring", "event_noun", "another_event", "elsewhere", "accident", "crime",
               "explosion_verb", "placed_at", "bare_death")
#: the patterns built from the word kinds, in the order the gate holds them
_NAMED = ("anaphor", "elsewhere", "accident", "crime", "explosion_verb", "placed_at")
#: a kind whose words are read in date phrases, not sentences: those that tell a day
#: relative to the report's ("last month", "two years ago")
RELATIVE = "relative"
#: a number of a cue: digits, a few vague words, the number words of two to twelve and
#: twenty, thirty (geomap/lang/en/data/numbers.csv), any "-teen" and "-ty-" word
_NUMBER = ("(?:\\d+|several|many|all|some|"
           + "|".join(w for w, v in number_words()["unit"].items() if 2 <= v <= 12)
           + "|\\w+teen|" + "|".join(w for w, v in number_words()["ten"].items() if v <= 30)
           + "|[a-z]+ty-[a-z]+)")


@dataclass(frozen=True, slots=True)
class Cues:
    """The compiled cues of one language: one pattern per kind."""

    patterns: tuple[tuple[str, re.Pattern], ...]
    #: the words of a date phrase told relative to the report's day
    relative: re.Pattern | None = None
    #: "the attack", "this blast", "the same operation": a sentence referring back to the
    #: event just described (a ``referring`` word, up to two words, an ``event_noun``)
    anaphor: re.Pattern | None = None
    #: "another attack", "separately", "meanwhile": a sentence about another event
    #: (``another`` + up to two words + an ``another_event`` noun, or an ``elsewhere`` cue)
    elsewhere: re.Pattern | None = None
    #: out of scope: an accident ("a fuel tanker caught fire", "the bus overturned") or a
    #: crime ("40 kilograms of heroin", "charges of theft"), when nothing says violence
    accident: re.Pattern | None = None
    crime: re.Pattern | None = None
    #: an explosion that happened ("went off", "struck"), not one only named
    explosion_verb: re.Pattern | None = None
    #: a sentence saying where the event happened ("landed", "took place")
    placed_at: re.Pattern | None = None
    #: event words that tell of death but not of violence ("killed", "died"): an
    #: accident's dead are killed too (matched whole against an event's keyword)
    bare_death: re.Pattern | None = None

    #: which of the patterns above can match a text, from the one anchor scan of the text
    #: (geomap.rules.anchors.Gate): most sentences hold no cue word at all
    _gate: Gate | None = field(default=None, repr=False, compare=False)

    def _possible(self, text: str) -> frozenset[int]:
        return self._gate.possible(text) if self._gate is not None else frozenset()

    def kind_of(self, sentence: str) -> str | None:
        """The first kind (in :data:`KINDS` order) whose cue the sentence holds."""
        possible = self._possible(sentence)
        for k, (kind, pattern) in enumerate(self.patterns):
            if k in possible and pattern.search(sentence):
                return kind
        return None

    def holds(self, name: str, text: str) -> bool:
        """Whether ``text`` holds the cue ``name`` (``anaphor``, ``elsewhere``,
        ``accident``, ``crime``, ``explosion_verb``)."""
        pattern = getattr(self, name)
        return pattern is not None and \
            len(self.patterns) + _NAMED.index(name) in self._possible(text) and \
            pattern.search(text) is not None


def _pattern(phrase: str) -> str:
    """A phrase as a pattern: words apart by any spaces, a punctuation mark (written apart:
    ``^earlier ,``) right after the word before it."""
    start = phrase.startswith("^")
    body = ""
    for word in phrase.lstrip("^").split():
        token = _NUMBER if word == "<n>" else re.escape(word)
        if not body:
            body = token
        else:
            body += (r"\s*" if not word[0].isalnum() and word != "<n>" else r"\s+") + token
    end = r"\b" if phrase[-1].isalnum() or phrase.endswith("<n>") else ""
    return (r"^\W*" if start else r"\b") + body + end


@lru_cache(maxsize=None)
def cues(language: str) -> Cues:
    """The segmentation cues of ``language`` (read once)."""
    source = resources.files(f"geomap.lang.{language}") / "data" / "segmentation.csv"
    by_kind: dict[str, list[str]] = {kind: [] for kind in (*KINDS, RELATIVE, *_WORD_KINDS)}
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] not in by_kind:
                raise ValueError(f"{source.name}: unknown kind {row['kind']!r}")
            phrase = row["phrase"].strip().lower()
            by_kind[row["kind"]].append(_word(phrase) if row["kind"] in _WORD_KINDS
                                        else _pattern(phrase))
    relative = by_kind.pop(RELATIVE)
    words = {kind: "|".join(by_kind.pop(kind)) for kind in _WORD_KINDS}
    anaphor = re.compile(rf"\b(?:{words['referring']})\s+(?:\w+\s+){{0,2}}?"
                         rf"(?:{words['event_noun']})\b", re.IGNORECASE) \
        if words["referring"] and words["event_noun"] else None
    elsewhere = re.compile(rf"\b(?:another\s+(?:\w+\s+){{0,2}}?(?:{words['another_event']})|"
                           rf"{words['elsewhere']})\b", re.IGNORECASE) \
        if words["another_event"] and words["elsewhere"] else None
    scope = {kind: re.compile(rf"\b(?:{words[kind]})\b", re.IGNORECASE) if words[kind] else None
             for kind in ("accident", "crime", "explosion_verb", "placed_at", "bare_death")}
    patterns = tuple((kind, re.compile("|".join(found), re.IGNORECASE))
                     for kind, found in by_kind.items() if found)
    named = {"anaphor": guarded(anaphor) if anaphor else None,
             "elsewhere": guarded(elsewhere) if elsewhere else None, **scope}
    gate = Gate([p for _, p in patterns] +
                [named[name] if named[name] is not None else re.compile(r"(?!)")
                 for name in _NAMED])
    return Cues(patterns, re.compile("|".join(relative), re.IGNORECASE) if relative else None,
                named["anaphor"], named["elsewhere"], named["accident"], named["crime"],
                named["explosion_verb"], named["placed_at"], scope["bare_death"], gate)


def _word(phrase: str) -> str:
    """A word or words of a word list, spaces matching any run of spaces."""
    return r"\s+".join(map(re.escape, phrase.split()))
