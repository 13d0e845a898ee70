"""Claims: an armed group's own account of an attack, and the figures that are its claim.

A figure an armed group gives ("the Taliban said nine soldiers were killed") is a claim;
merged with a report that gives its own figures, the incident keeps those (ACLED codes the
most conservative figure).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..codebook import actor_sides, spokesmen
from ..lang import LanguagePack
from ..rules.counts import Count
from ..rules.lexicon import ActorHit
from ..text.reader import Sentence
from .speakers import attribute

__all__ = ["counts_in"]

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


def counts_in(sentence: Sentence, original: str, actors: list[ActorHit],
              lang: LanguagePack) -> list[Count]:
    """The figures of a sentence at document offsets; those an armed group claims
    ("Taliban spokesman Zabihullah Mujahid said nine soldiers were killed", read in the
    text as written, not blanked) are marked, and each carries its speaker
    (:func:`geomap.extract.speakers.attribute`). ``actors``: the sentence's actor names."""
    counts = attribute(sentence.text, [c.moved(sentence.start)
                                       for c in lang.find_counts(sentence.text)],
                       sentence.start, lang.code)
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
