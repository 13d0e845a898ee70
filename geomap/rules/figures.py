"""The casualty figure record: who was killed, wounded or detained, how many, and where
the text says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..codebook import people

__all__ = ["Count", "MAX_COUNT", "victims", "victims_in"]


#: The largest figure read as a count of people: beyond it ("killed 99999999999999999999
#: people", a 400-digit string) a number is a typo, an id or an attack on the parser.
MAX_COUNT = 100_000


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty figure found in text."""

    kind: str          # "killed" | "wounded" | "detained"
    value: int
    start: int
    end: int
    phrase: str
    #: "another insurgent was killed", "also detained two": people beyond those counted
    additive: bool = False
    #: who they were (codebook/people.csv): combatant, security, civilian, person, mixed
    victims: str = ""
    #: the figures summed ("three militants and two militiamen": (3, 2))
    parts: tuple[int, ...] = ()
    #: additive only because of "also" ("two militiamen were also killed"), which may
    #: restate a part of an earlier figure
    loose: bool = False
    #: a figure an armed group claims ("the Taliban spokesman said nine soldiers were
    #: killed"): the most conservative figure wins, so it counts only when no one else
    #: gives one
    claimed: bool = False
    #: the whole toll this figure is an even share of, when one toll was given for several
    #: places (0: not a share)
    shared: int = 0
    #: who gave it: "official", "hospital", "residents" or "" (no one named);
    #: geomap.extract.speakers
    source: str = ""
    #: the kind of figure these people were counted in before and now leave ("one of the
    #: wounded later died": killed 1 out of "wounded"); "" when they are counted once
    out_of: str = ""

    def moved(self, offset: int) -> "Count":
        """The same figure ``offset`` characters further on (sentence → document)."""
        return Count(self.kind, self.value, self.start + offset, self.end + offset, self.phrase,
                     self.additive, self.victims, self.parts, self.loose, self.claimed,
                     self.shared, self.source, self.out_of)


def _victims_in(phrase: str) -> str:
    """The class of the people a matched phrase names ("left four policemen dead")."""
    table = people()
    classes = [table[w][0] for w in re.findall(r"[a-z][a-z'-]*", phrase.lower()) if w in table]
    return _victims(classes) if classes else ""


def _victims(classes: list[str]) -> str:
    named = [c for c in classes if c not in ("person", "name")]
    return named[0] if named and len(set(named)) == 1 else ("mixed" if named else "person")


victims, victims_in = _victims, _victims_in
