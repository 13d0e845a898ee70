"""Anchors: the literal words a pattern cannot match without, found in one pass.

A stage that reads text with several regular expressions (counts, dates, event types,
targets, background clauses) runs each of them only where it can match. Every pattern
is taken apart (``re._parser``) into a set of literal strings of which any match must
contain at least one ("killed", "dead", "wounded"... for "NUM were killed"); one
Aho–Corasick pass over the lower-cased text then tells which patterns of the stage may
match, and the others are skipped. A skipped pattern is one that would have found
nothing, so results are exactly those of running every pattern: this is only speed.

Case folding: ``re.IGNORECASE`` lets four non-ASCII letters match ASCII ones (İ ı ſ K:
"ſhot" matches ``shot``) and ``str.lower`` turns two of them into ASCII; a text holding
any of them has every pattern run.

>>> gate = Gate([re.compile(r"\\bdeath\\s+toll\\b", re.I), re.compile(r"\\d+\\s+killed", re.I)])
>>> gate.literals
(('death',), ('killed',))
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


def _required(items) -> frozenset[str] | None:
    """A set of literals one of which every match of the parsed ``items`` contains."""
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
            found = _required(arg[3])
        elif op is C.ATOMIC_GROUP:
            found = _required(arg)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            found = _required(arg[2]) if arg[0] >= 1 else None
        elif op is C.BRANCH:
            branches = [_required(branch) for branch in arg[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)
        else:
            found = None
        if found:
            candidates.append(found)
    flush()
    return _best(candidates)


def required_literals(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Literals (lower case) one of which every match of ``pattern`` contains, or None
    when the pattern has no such set of literals of at least :data:`MIN_LITERAL` chars.

    >>> required_literals(re.compile(r"\\b(?:rockets?|mortars?|shell(?:s|ing))\\b"))
    ('mortar', 'rocket', 'shell')
    """
    found = _required(_parser.parse(pattern.pattern, pattern.flags))
    if not found or min(map(len, found)) < MIN_LITERAL:
        return None
    return tuple(sorted(found))


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
    def literals(self) -> tuple[tuple[str, ...] | None, ...]:
        """Each entry's anchor words (None: always possible)."""
        return tuple(p if isinstance(p, tuple) else required_literals(p)
                     for p in self._patterns)

    def _build(self) -> None:
        import ahocorasick_rs

        literals = self.literals
        self._always = {k for k, lits in enumerate(literals) if lits is None}
        self._all = frozenset(range(len(literals)))
        words: dict[str, int] = {}
        for k, lits in enumerate(literals):
            for word in lits or ():
                words[word] = words.get(word, 0) | (1 << k)
        self._masks = [words[w] for w in sorted(words)]
        self._automaton = ahocorasick_rs.AhoCorasick(sorted(words) or ["\0"])
        if not words:
            self._masks = [0]

    def possible(self, text: str) -> frozenset[int] | set[int]:
        """Indexes of the patterns that may match ``text`` (the others cannot)."""
        if self._automaton is None:
            self._build()
        if _CASE_TRAPS.search(text):
            return self._all
        mask = 0
        masks = self._masks
        for index, _, _ in self._automaton.find_matches_as_indexes(text.lower(),
                                                                   overlapping=True):
            mask |= masks[index]
        found = set(self._always)
        k = 0
        while mask:
            if mask & 1:
                found.add(k)
            mask >>= 1
            k += 1
        return found
