"""The role of a place word in a sentence: the event's place, or a word in another role.

A place word may name a newspaper ("told Herat Times"), a post ("the Taliban's shadow
governor for Zurmat district"), someone's home ("a resident of Andkhoy") or a route
("passengers from Ghazni to Kabul"). Only the event's place locates an incident: a
sentence's places in another role give way to the places it names in none (and stay its
place when it names no other). A newspaper's name is never a place: its words are masked
before places are looked for.

The phrases are data (the language pack's ``data/roles.csv``: ``role,side,phrase``; ``side`` says
whether the phrase comes just before the place or just after it); "from X to Y" is
grammar and stays here.

>>> outlet_spans("Sources told Herat Times that two soldiers were held.")
[(13, 24)]
>>> role_before("the Taliban's shadow governor for ", "en")
'post'
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

__all__ = ["outlet_spans", "role_before", "role_after", "route_spans", "ROUTE"]

_NAME = r"[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){0,2}"
#: "from Ghazni to Kabul": both ends of a route
ROUTE = re.compile(rf"\bfrom\s+(?:the\s+)?({_NAME})(?:\s+(?:city|province))?\s+to\s+"
                   rf"(?:the\s+)?({_NAME})")


@lru_cache(maxsize=None)
def _phrases(language: str) -> dict[str, list[tuple[str, str]]]:
    """``side`` → [(phrase, role)], longest phrase first."""
    source = resources.files(f"geomap.lang.{language}") / "data" / "roles.csv"
    found: dict[str, list[tuple[str, str]]] = {"before": [], "after": []}
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["side"] not in found:
                raise ValueError(f"{source.name}: side must be before or after: {row}")
            found[row["side"]].append((row["phrase"].strip().lower(), row["role"]))
    for side in found:
        found[side].sort(key=lambda item: -len(item[0]))
    return found


@lru_cache(maxsize=None)
def _outlet_pattern(language: str) -> re.Pattern:
    words = [p for p, role in _phrases(language)["after"] if role == "outlet"]
    glued = [re.escape(w) for w in words if w.startswith("-")]
    # (a newspaper's word is capitalised, on the name's line: "Herat Times", "Kabul TV",
    # not "Kunar / NEWS RELEASE")
    apart = [re.escape(w.upper() if len(w) <= 2 else w.capitalize())
             for w in words if not w.startswith("-")]
    return re.compile(rf"\b{_NAME}(?:[ \t]+(?:{'|'.join(apart)})\b|(?i:{'|'.join(glued)})\b)")


@lru_cache(maxsize=None)
def _outlet_words(language: str) -> tuple[str, ...]:
    """The words an outlet's name needs, as written ("Times", "-based"): a text without
    any of them has none (a substring test each, before the pattern is run)."""
    return tuple(w if w.startswith("-") else (w.upper() if len(w) <= 2 else w.capitalize())
                 for w, role in _phrases(language)["after"] if role == "outlet")


def outlet_spans(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Spans of newspaper names and "X-based" that hold a place word ("Herat Times",
    "Kabul Now", "a Kabul-based group"), to be masked."""
    if not any(word in text for word in _outlet_words(language)) and "-Based" not in text \
            and "-BASED" not in text:
        return []
    return [m.span() for m in _outlet_pattern(language).finditer(text)]


@lru_cache(maxsize=None)
def _before_pattern(language: str) -> tuple[re.Pattern, dict[str, str]]:
    phrases = _phrases(language)["before"]
    roles = {" ".join(p.split()): role for p, role in phrases}
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p, _ in phrases)
    # (the phrase, or the phrase and a place listed before this one: "leader for
    # Dahanah-ye Ghori and | Pul-e Khumri")
    listed = r"(?:[A-Z][\w'’-]*(?:[\s-]+[A-Z][\w'’-]*){0,3}\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+))?"
    return re.compile(rf"\b({body})\s+(?:the\s+)?{listed}$", re.IGNORECASE), roles


def role_before(before: str, language: str = "en") -> str | None:
    """The role the words just before a place give it ("governor for " → ``post``), if
    any. ``before``: the text up to the place (its last 60 characters are read)."""
    pattern, roles = _before_pattern(language)
    m = pattern.search(before[-60:])
    return roles[" ".join(m.group(1).lower().split())] if m else None


@lru_cache(maxsize=None)
def _after_pattern(language: str) -> tuple[re.Pattern | None, dict[str, str]]:
    phrases = [(p, role) for p, role in _phrases(language)["after"] if role != "outlet"]
    if not phrases:
        return None, {}
    roles = {" ".join(p.split()): role for p, role in phrases}
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p, _ in phrases)
    return re.compile(rf"^(?:\s+district)?\s+({body})\b", re.IGNORECASE), roles


def role_after(after: str, language: str = "en") -> str | None:
    """The role the words just after a place give it ("Zurmat district chief" → ``post``),
    if any (a newspaper's name is masked before, not read here)."""
    pattern, roles = _after_pattern(language)
    m = pattern.match(after[:40]) if pattern is not None else None
    return roles[" ".join(m.group(1).lower().split())] if m else None


def route_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of both ends of every "from X to Y" in a sentence."""
    return [m.span(k) for m in ROUTE.finditer(sentence) for k in (1, 2)]
