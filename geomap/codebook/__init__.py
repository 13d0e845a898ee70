"""Codebooks as data: tables a coder can read and change without reading Python.

- ``quantities.csv``: vague quantities and the number each is coded as ("several" = 3,
  "numerous" = 4, "dozens" = 12 …). This is the one place to change them. ``figure``
  marks those that stand as a figure by themselves in the counts' patterns ("dozens
  were killed", "a dozen wounded"); the others count only before a noun.
- ``actors.csv``: actor aliases ("ISKP" = "ISIS-K" = "Daesh" …, "ANSF", "coalition
  forces"), each row ``actor,alias`` with the canonical (ACLED-style) actor name.
- ``actor_sides.csv``: whether an actor is a state force or an armed group, which tells
  who acted on whom when the dead were soldiers or fighters.
- ``spokesmen.csv``: the names of armed groups' spokesmen ("Zabihullah Mujahid" speaks
  for the Taliban): a figure they give is the group's claim.
- ``people.csv``: nouns for people (singular, plural) and the class of person they
  name — ``combatant``, ``security``, ``civilian`` or plain ``person`` — which counts
  use to know that "three insurgents" are people and event typing uses to tell a
  battle (forces killed insurgents) from violence against civilians. ``one_alone``
  marks the nouns that, after "a" or "the" next to a casualty verb ("killed a
  policeman", "the driver was shot dead"), count one person by the counts' own phrase
  rules (the others count through the people phrases).

>>> quantities()["several"], quantities()["numerous"], quantities()["dozens"]
(3, 4, 12)
>>> people()["insurgents"]
('combatant', False)
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

__all__ = ["quantities", "figure_quantities", "people", "one_alone_nouns", "actors", "actor_sides", "spokesmen"]

_HERE = Path(__file__).parent


def _rows(name: str) -> list[dict[str, str]]:
    with (_HERE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def quantities() -> dict[str, int]:
    """Vague quantity phrase (lower case) → the count it is coded as."""
    return {row["phrase"].lower(): int(row["value"]) for row in _rows("quantities.csv")}


@lru_cache(maxsize=1)
def figure_quantities() -> tuple[str, ...]:
    """The vague quantities marked ``figure`` (lower case, table order)."""
    rows = _rows("quantities.csv")
    bad = [row["phrase"] for row in rows if row["figure"] not in ("yes", "no")]
    if bad:
        raise ValueError(f"quantities.csv: figure must be yes or no ({', '.join(bad)})")
    return tuple(row["phrase"].lower() for row in rows if row["figure"] == "yes")


@lru_cache(maxsize=1)
def people() -> dict[str, tuple[str, bool]]:
    """Person noun (lower case, singular or plural) → (class, is_singular)."""
    table: dict[str, tuple[str, bool]] = {}
    for row in _rows("people.csv"):
        table.setdefault(row["plural"].lower(), (row["class"], False))
        table[row["singular"].lower()] = (row["class"], row["singular"] != row["plural"])
    return table


@lru_cache(maxsize=1)
def one_alone_nouns() -> tuple[str, ...]:
    """Singular person nouns marked ``one_alone`` in people.csv, in table order."""
    out = []
    for row in _rows("people.csv"):
        if row["one_alone"] not in ("yes", "no"):
            raise ValueError(f"people.csv: one_alone of {row['singular']!r} must be yes or no")
        if row["one_alone"] == "yes":
            out.append(row["singular"].lower())
    return tuple(out)


@lru_cache(maxsize=1)
def actors() -> dict[str, tuple[str, ...]]:
    """Canonical actor name → its aliases, in table order."""
    table: dict[str, list[str]] = {}
    for row in _rows("actors.csv"):
        table.setdefault(row["actor"], []).append(row["alias"])
    return {actor: tuple(aliases) for actor, aliases in table.items()}


@lru_cache(maxsize=1)
def actor_sides() -> dict[str, str]:
    """Canonical actor name → "state" or "armed group"."""
    return {row["actor"]: row["side"] for row in _rows("actor_sides.csv")}


@lru_cache(maxsize=1)
def spokesmen() -> dict[str, str]:
    """A spokesman's name (as written) → the canonical actor he speaks for."""
    return {row["name"]: row["actor"] for row in _rows("spokesmen.csv")}
