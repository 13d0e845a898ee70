"""What the shared engines need from a language: the :class:`LanguagePack` record.

A pack is data plus the few functions of a language's grammar. The engines in
:mod:`geomap.rules` are shared; each language gives them its words (data files under
``geomap/lang/<code>/data/``) and its rule functions. The assumptions that hold for one
language only are named here, as properties of its pack, instead of being hidden in the
engines:

- ``writing_system.has_case``: capital letters are evidence of a name (English yes;
  Dari and Pashto, in Arabic script, no);
- ``abbreviations``: words whose full stop does not end a sentence ("Gen.", "U.S.");
- ``digits``: the digits numbers are written in (ASCII, or also Eastern Arabic ۰-۹);
- ``year``: the pattern a four-digit year matches (``(?:19|20)\\d\\d`` in Gregorian
  English text; a Solar Hijri year is 13xx-14xx);
- ``ascii_anchors``: whether the anchor scan (:mod:`geomap.rules.anchors`) may skip
  non-ASCII words, as it does for English.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["WritingSystem", "LanguagePack"]


@dataclass(frozen=True, slots=True)
class WritingSystem:
    """How a language is written (spaCy's ``writing_system``).

    >>> WritingSystem("ltr", has_case=True).direction
    'ltr'
    """

    direction: str          # "ltr" | "rtl"
    has_case: bool          # capital letters exist, so they can be evidence of a name

    def __post_init__(self) -> None:
        if self.direction not in ("ltr", "rtl"):
            raise ValueError(f"direction must be 'ltr' or 'rtl', not {self.direction!r}")


@dataclass(frozen=True, slots=True)
class LanguagePack:
    """A language's words and grammar, as the shared engines read them.

    The rule functions take a sentence (or a text) and return the engines' records:
    ``find_counts(text) -> [Count]``, ``find_dates(text, published, previous=) ->
    [DateRef]``, ``classify_event(text) -> EventType | None`` and so on.
    """

    code: str                                   # ISO 639-1: "en", "fa", "ps"
    name: str                                   # "English"
    writing_system: WritingSystem
    abbreviations: tuple[str, ...]              # "Gen", "U.S": a full stop that ends no sentence
    digits: str                                 # the digit characters numbers are written in
    year: str                                   # regex of a four-digit year of the news
    ascii_anchors: bool                         # the anchor scan may skip non-ASCII words
    # the rule functions (the language's grammar over the shared engines)
    find_counts: Callable[..., list[Any]]
    parse_number: Callable[[str], int | None]
    find_dates: Callable[..., list[Any]]
    dateline_date: Callable[..., Any]
    is_deictic: Callable[[Any], bool]
    classify_event: Callable[[str], Any]
    subtype_rank: Callable[[str], int]
    has_trigger: Callable[[str], bool]
    #: (words, stems) has_trigger looks for, lower case (the extraction's gate scans them)
    trigger_words: Callable[[], tuple[tuple[str, ...], tuple[str, ...]]]
    is_reaction: Callable[[str], bool]
    is_not_an_event: Callable[[str], bool]
    tally_span: Callable[[str], tuple[int, int] | None]
    background_spans: Callable[[str], list[tuple[int, int]]]
    find_actors: Callable[[str], list[Any]]
    find_targets: Callable[[str], list[str]]
    #: a statement's verb just before a date ("officials said on Friday") / just after it
    #: ("sources on Thursday reported"): that date is the statement's, not the event's
    statement_before: Callable[[str, int, int], Any]
    stated_after: Callable[[str, int], Any]

    def __post_init__(self) -> None:
        if not (len(self.code) == 2 and self.code.isascii() and self.code.islower()):
            raise ValueError(f"a language code is two lower-case letters, not {self.code!r}")
        if not self.digits:
            raise ValueError(f"{self.code}: a language writes numbers in some digits")
