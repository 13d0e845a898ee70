"""The gate: an article that can report no incident costs a scan, not a parse.

A feed is mostly off-topic (sports, economy, politics, reports that name a place with no
violence). :func:`geomap.extract.extract` makes an incident only from a sentence that
has a violence or arrest word (:func:`geomap.rules.lexicon.has_trigger`, the trigger
table) in an article that names a place: an Afghan one, one abroad or the country, its
own, the sentence before's, the lead's or the dateline's. So an article is passed over
(``[]``, as extraction would have found) when

1. no word of the trigger table stands in it as has_trigger reads one (a word, or a
   stem at a word's start), nor "fire" (has_trigger's "set fire to"); or
2. it names no place: no gazetteer name with a capital letter (the usual case, told by
   the place matcher's one scan) and nothing :meth:`PlaceMatcher.find` would find.

Why (1) holds for every sentence: extraction reads each sentence of the text with its
background clauses blanked. A sentence, and a blanked clause, begins and ends beside a
space or a punctuation mark — :func:`~geomap.text.reader.split_sentences` cuts after a
full stop and a space, background clauses begin at a word boundary and end before one —
so a word at a word boundary in a sentence is one in the whole text too. The one
exception is a sentence cut "anywhere" in a text with :data:`NO_SPACE_RUN` characters
and no space (``extract._capped``): such a text is always extracted.

>>> from geomap import load_gazetteer
>>> may_report("Shares rose 2 percent in Frankfurt and traders applied for licences.",
...            load_gazetteer())
False
>>> may_report("The coach said his side shot themselves in the foot.", load_gazetteer())
False
>>> may_report("A bomb killed two people in Kabul on Monday.", load_gazetteer())
True
"""

from __future__ import annotations

import functools
import re

from ..places.gazetteer import Gazetteer
from ..places.mentions import matcher_for
from ..lang import get_pack

__all__ = ["may_report", "has_trigger_word", "NO_SPACE_RUN"]

#: Characters without a space after which a long sentence is cut anywhere (half of
#: ``geomap.extract.incidents.MAX_SENTENCE``): a cut may then fall inside a word.
NO_SPACE_RUN = 500
_LONG_RUN = re.compile(f"[^ ]{{{NO_SPACE_RUN}}}")


@functools.cache
def _triggers(language: str):
    """(automaton over the language's trigger words and stems, which of them are stems)."""
    import ahocorasick_rs

    words, stems = get_pack(language).trigger_words()
    return ahocorasick_rs.AhoCorasick(list(words) + list(stems)), \
        [False] * len(words) + [True] * len(stems)


def _scan_form(text: str, language: str) -> str:
    """The text as the language's trigger words are written: lower case, or for a
    Persian-script language (written right to left) one letter form, no vowel signs."""
    if language != "en" and get_pack(language).writing_system.direction == "rtl":
        from ..text.script import letters, normalise

        return letters(normalise(text).text)
    return text.lower()


def has_trigger_word(text: str, language: str = "en") -> bool:
    """Whether a sentence of ``text`` (or a piece of one) may hold a trigger; False
    only when none can (see the module)."""
    if "fire" in text:
        return True                                 # (has_trigger's "set fire to")
    automaton, stem = _triggers(language)
    low = _scan_form(text, language)
    size = len(low)
    inside = False
    for index, start, end in automaton.find_matches_as_indexes(low, overlapping=True):
        if start and low[start - 1].isalnum():
            inside = True
        elif stem[index] or end == size or not low[end].isalnum():
            return True
        else:
            inside = True
    # a word inside a longer one ("applied", "deadline") is a word only where a
    # sentence is cut inside a word, which a text needs a long run without spaces for
    return inside and _LONG_RUN.search(text) is not None


def may_report(text: str, gazetteer: Gazetteer, language: str = "en") -> bool:
    """False when ``text`` (in ``language``) can report no incident (see the module);
    True otherwise."""
    if not has_trigger_word(text, language):
        return False
    matcher = matcher_for(gazetteer)
    for _, start, _ in matcher.scan(text):       # (find() reuses this scan)
        first = text[start]
        if first.isupper() or not first.isascii():
            return True                 # (most likely a place: extraction decides)
    return bool(matcher.find(text))
