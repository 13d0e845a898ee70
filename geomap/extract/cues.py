"""Segmentation cues: the words that make a sentence background, habitual or a roundup.

Read from ``data/segmentation_<lang>.csv`` (``kind,phrase,note``), one row per phrase,
so that a coder adds one without reading Python. In a phrase, ``<n>`` stands for a
number in digits or words ("across nine provinces", "in 12 provinces", "in several
provinces"), a leading ``^`` ties it to the start of the sentence, and a punctuation mark
written apart follows the word before it directly (``^earlier ,``: "Earlier, ...").
Kinds:

- ``habitual``: what happens, not what happened ("Insurgents often attach sticky
  bombs ..."; "big cities such as Herat and Kandahar");
- ``background``: an undated earlier time ("previously", "in the past", "had survived");
- ``roundup``: figures over many places or a whole day's operations ("across nine
  provinces", "in the past 24 hours"), which are no single place's incident.

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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Cues", "cues", "KINDS"]

KINDS = ("habitual", "background", "roundup")
_NUMBER = (r"(?:\d+|several|many|all|some|two|three|four|five|six|seven|eight|nine|ten|"
           r"eleven|twelve|\w+teen|twenty|thirty|[a-z]+ty-[a-z]+)")


@dataclass(frozen=True, slots=True)
class Cues:
    """The compiled cues of one language: one pattern per kind."""

    patterns: tuple[tuple[str, re.Pattern], ...]

    def kind_of(self, sentence: str) -> str | None:
        """The first kind (in :data:`KINDS` order) whose cue the sentence holds."""
        for kind, pattern in self.patterns:
            if pattern.search(sentence):
                return kind
        return None


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
    source = resources.files("geomap.extract") / "data" / f"segmentation_{language}.csv"
    by_kind: dict[str, list[str]] = {kind: [] for kind in KINDS}
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] not in by_kind:
                raise ValueError(f"{source.name}: unknown kind {row['kind']!r}")
            by_kind[row["kind"]].append(_pattern(row["phrase"].strip().lower()))
    return Cues(tuple((kind, re.compile("|".join(found), re.IGNORECASE))
                      for kind, found in by_kind.items() if found))
