"""Who gave each figure, and which figure an incident reports when sources differ.

A casualty statement has a speaker: officials ("the interior ministry put the toll at
five"), a hospital ("a hospital official said 20 wounded had been admitted") or residents
("residents said 12 people were killed"); an armed group's figure is a claim
(:mod:`geomap.extract.claims`). The speaker of a figure is the one named in the same
clause of its sentence (clauses end at ";" and ", while / but / whereas"), else the only
one the sentence names. The speakers are the language pack's data
(``data/speakers.csv``: ``kind,phrase``).

When an official and another speaker give different figures of one kind about one event,
the incident reports the officials' (ACLED: the most conservative figure from officials,
never the sum): figures from residents, a hospital or no one named that differ from it are
set aside. A later official figure ("the toll rose to 85") still updates an earlier one.

>>> from geomap.rules.figures import Count
>>> a = Count("killed", 12, 0, 5, "12 people", source="residents")
>>> b = Count("killed", 5, 40, 45, "five dead", source="official")
>>> [c.value for c in conservative([a, b], "killed")]
[5]
"""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from ..rules.anchors import Gate, guarded
from ..rules.figures import Count

__all__ = ["KINDS", "attribute", "conservative", "speaker_spans"]

#: the kinds of speaker, most authoritative first
KINDS = ("official", "hospital", "residents")
_CLAUSE_END = re.compile(r";|,\s*(?:while|but|whereas)\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _speakers(language: str) -> tuple[re.Pattern, dict[str, str]]:
    source = resources.files(f"geomap.lang.{language}") / "data" / "speakers.csv"
    kinds: dict[str, str] = {}
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] not in KINDS:
                raise ValueError(f"{source.name}: unknown speaker kind {row['kind']!r}")
            kinds[" ".join(row["phrase"].lower().split())] = row["kind"]
    body = "|".join(r"\s+".join(map(re.escape, p.split()))
                    for p in sorted(kinds, key=len, reverse=True))
    return guarded(re.compile(rf"\b(?:{body})\b", re.IGNORECASE)), kinds


@lru_cache(maxsize=None)
def _gate(language: str) -> Gate:
    return Gate([_speakers(language)[0]])


def speaker_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Spans of the speakers the language names ("وزارت دفاع گفت"): in Dari and Pashto
    text they are masked from the place matcher, an institution that speaks being no
    event's place."""
    return [m.span() for m in _speakers(language)[0].finditer(text)]


def speakers(language: str = "en") -> dict[str, str]:
    """Phrase → kind of speaker, as the pack's ``data/speakers.csv`` gives them."""
    return _speakers(language)[1]


def attribute(sentence: str, counts: list[Count], offset: int,
              language: str = "en") -> list[Count]:
    """``counts`` (at document offsets; the sentence starts at ``offset``) with the kind of
    speaker who gave each one, when the sentence names one."""
    if not counts:
        return counts
    pattern, kinds = _speakers(language)
    if not _gate(language).possible(sentence):
        return counts                   # (no speaker's word in it: the usual case)
    found = [(m.start() + offset, kinds[" ".join(m.group(0).lower().split())])
             for m in pattern.finditer(sentence)]
    if not found:
        return counts
    breaks = [offset] + [m.end() + offset for m in _CLAUSE_END.finditer(sentence)]

    def clause(at: int) -> int:
        return max(k for k, b in enumerate(breaks) if b <= at)

    out = []
    for count in counts:
        same = [(abs(at - count.start), kind) for at, kind in found
                if clause(at) == clause(count.start)]
        kind = min(same)[1] if same else (found[0][1] if len({k for _, k in found}) == 1
                                          else "")
        out.append(replace(count, source=kind) if kind else count)
    return out


def conservative(counts: list[Count], kind: str) -> list[Count]:
    """The figures of ``kind`` an incident may report: when officials and anyone else give
    different ones, the officials' (see the module)."""
    mine = [c for c in counts if c.kind == kind and not c.additive and not c.claimed]
    official = {c.value for c in mine if c.source == "official"}
    if not official:
        return counts
    others = [c for c in mine if c.source != "official" and c.value not in official]
    if not any(c.source in ("hospital", "residents") for c in others):
        return counts
    return [c for c in counts if c not in others]
