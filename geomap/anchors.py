"""Anchors: the literal words a pattern cannot match without, found in one pass.

A stage that reads text with several regular expressions (counts, dates, event types,
targets, background clauses) runs each of them only where it can match. Every pattern
is taken apart (``re._parser``) into a set of literal strings of which any match must
contain at least one ("killed", "dead", "wounded"... for "NUM were killed"; a pattern
has several such sets, and a match needs a word of each); one
Aho–Corasick pass over the lower-cased text then tells which patterns of the stage may
match, and the others are skipped. A skipped pattern is one that would have found
nothing, so results are exactly those of running every pattern: this is only speed.

Case folding: ``re.IGNORECASE`` lets four non-ASCII letters match ASCII ones (İ ı ſ K:
"ſhot" matches ``shot``) and ``str.lower`` turns two of them into ASCII; a text holding
any of them has every pattern run.

>>> gate = Gate([re.compile(r"\\bdeath\\s+toll\\b", re.I), re.compile(r"\\d+\\s+killed", re.I)])
>>> gate.literals
((('death',), ('toll',)), (('killed',),))
>>> sorted(gate.possible("Ten were KILLED"))
[1]
"""

from __future__ import annotations

import re
from re import _constants as C
from re import _parser

__all__ = ["Gate", "required_literals"]

#: Shortest anchor worth a gate: shorter literals ("a", "in") are in every sentence.
MIN_LITERAL = 3

_CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective set: longest shortest literal, then fewest literals."""
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


def _candidates(items) -> list[frozenset[str]]:
    """Sets of literals each of which every match of the parsed ``items`` needs one of:
    the literal runs of the sequence and what its mandatory groups and alternations need."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset({"".join(run)}))
            run.clear()

    for op, arg in items:
        if op is C.LITERAL and arg < 128:
            run.append(chr(arg).lower())
            continue
        flush()
        if op is C.SUBPATTERN:
            candidates.extend(_candidates(arg[3]))
        elif op is C.ATOMIC_GROUP:
            candidates.extend(_candidates(arg))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and arg[0] >= 1:
            candidates.extend(_candidates(arg[2]))
        elif op is C.BRANCH:
            # each alternative needs its own best set: together, their union
            branches = [_best(_candidates(branch)) for branch in arg[1]]
            if all(branches):
                candidates.append(frozenset().union(*branches))
    flush()
    return candidates


def _useful(pattern: re.Pattern) -> list[frozenset[str]]:
    found = _candidates(_parser.parse(pattern.pattern, pattern.flags))
    return [s for s in dict.fromkeys(found) if min(map(len, s)) >= MIN_LITERAL]


def required_literals(pattern: re.Pattern) -> tuple[str, ...] | None:
    """The most selective set of literals (lower case) one of which every match of
    ``pattern`` contains, or None when it has none of at least :data:`MIN_LITERAL` chars.

    >>> required_literals(re.compile(r"\\b(?:rockets?|mortars?|shell(?:s|ing))\\b"))
    ('mortar', 'rocket', 'shell')
    """
    best = _best(_useful(pattern))
    return tuple(sorted(best)) if best else None


def required_sets(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """Every set of literals a match of ``pattern`` needs one of (all of them hold).

    >>> required_sets(re.compile(r"(?:three|four)\\s+\\w+\\s+were\\s+(?:killed|wounded)"))
    (('four', 'three'), ('were',), ('killed', 'wounded'))
    """
    return tuple(tuple(sorted(s)) for s in _useful(pattern))


class Gate:
    """Which of a stage's patterns (or literal sets) can match a text, in one pass.

    ``patterns`` are compiled patterns, whose anchors are derived, or tuples of literal
    words given by hand (for code that reads words, not regular expressions). An entry
    with no anchors is always possible.
    """

    def __init__(self, patterns: list) -> None:
        self._patterns = list(patterns)
        self._automaton = None          # built on first use: nothing heavy at import

    @property
    def literals(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Each entry's anchor sets: a match needs a word of every set (none: always)."""
        return tuple((p,) if isinstance(p, tuple) else required_sets(p)
                     for p in self._patterns)

    def _build(self) -> None:
        import ahocorasick_rs

        words: dict[str, int] = {}
        self._needs = []           # per entry: the bits of its sets, all of which must be seen
        bit = 0
        for sets in self.literals:
            need = 0
            for literal_set in sets:
                for word in literal_set:
                    words[word] = words.get(word, 0) | (1 << bit)
                need |= 1 << bit
                bit += 1
            self._needs.append(need)
        self._all = frozenset(range(len(self._needs)))
        self._masks = [words[w] for w in sorted(words)] or [0]
        self._automaton = ahocorasick_rs.AhoCorasick(sorted(words) or ["\\0"])
        self._last: tuple[str, frozenset[int]] = ("", frozenset(
            k for k, need in enumerate(self._needs) if not need))

    def possible(self, text: str) -> frozenset[int]:
        """Indexes of the entries that may match ``text`` (the others cannot)."""
        if self._automaton is None:
            self._build()
        last = self._last
        if text == last[0]:
            return last[1]                  # (the same sentence, asked by a second reader)
        if _CASE_TRAPS.search(text):
            return self._all
        seen = 0
        masks = self._masks
        for index, _, _ in self._automaton.find_matches_as_indexes(text.lower(),
                                                                   overlapping=True):
            seen |= masks[index]
        found = frozenset(k for k, need in enumerate(self._needs) if need & seen == need)
        self._last = (text, found)
        return found
