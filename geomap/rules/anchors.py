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

import functools
from bisect import bisect_right
import operator
import re
import threading
from re import _constants as C
from re import _parser

__all__ = ["Gate", "Starts", "guarded", "prime", "required_literals", "required_sets",
           "leading_literals"]

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
        elif op is C.ASSERT:
            # a look-ahead or look-behind reads the text too ("IED" before "facilitator"):
            # the words it needs are in the text scanned, beside the match
            candidates.extend(_candidates(arg[1]))
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


_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


def _zero_width(items) -> bool:
    return all(op in _ZERO_WIDTH or (op is C.BRANCH and all(map(_zero_width, arg[1])))
               for op, arg in items)


def _leading(items) -> frozenset[str] | None:
    """Literals one of which every match of the parsed ``items`` starts with."""
    items = list(items)
    for k, (op, arg) in enumerate(items):
        if op in _ZERO_WIDTH or (op is C.BRANCH and all(map(_zero_width, arg[1]))):
            continue                               # \b, ^, look-arounds: no character
        if op is C.LITERAL and arg < 128:
            run = []
            for op2, arg2 in items[k:]:
                if op2 is not C.LITERAL or arg2 >= 128:
                    break
                run.append(chr(arg2).lower())
            # what must follow ("wh" then "o|ich|ose": the parser's factored "who|which")
            after = _leading(items[k + len(run):]) if k + len(run) < len(items) else None
            head = "".join(run)
            return frozenset(head + tail for tail in after) if after else frozenset({head})
        if op is C.SUBPATTERN:
            return _leading(arg[3])
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and arg[0] >= 1:
            return _leading(arg[2])
        if op is C.BRANCH:
            branches = [_leading(branch) for branch in arg[1]]
            return None if not all(branches) else frozenset().union(*branches)
        return None
    return None


def leading_literals(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Literals (lower case) one of which every match of ``pattern`` begins with, or None.

    >>> leading_literals(re.compile(r"\\b(?:responsible|blamed)\\s+for\\b"))
    ('blamed', 'responsible')
    >>> leading_literals(re.compile(r"\\b(?:at\\s+least\\s+)?\\d+\\s+killed")) is None
    True
    """
    found = _leading(_parser.parse(pattern.pattern, pattern.flags))
    if not found or min(map(len, found)) < MIN_LITERAL:
        return None
    return tuple(sorted(found))


_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}


def _class_items(op, arg) -> list[str] | None:
    """Character-class source for the characters one item consumes first, or None."""
    if op is C.LITERAL:
        return [re.escape(chr(arg))]
    if op is C.IN:
        out = []
        for kind, value in arg:
            if kind is C.LITERAL:
                out.append(re.escape(chr(value)))
            elif kind is C.RANGE:
                out.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is C.CATEGORY and value in _CATEGORIES:
                out.append(_CATEGORIES[value])
            else:
                return None                     # a negated class and the like: give up
        return out
    return None


def _first(items) -> tuple[list[str], bool] | None:
    """(class source of the characters a match of ``items`` can begin with, whether it
    can match the empty string), or None when that cannot be told."""
    chars: list[str] = []
    for op, arg in items:
        if op in _ZERO_WIDTH or (op is C.BRANCH and all(map(_zero_width, arg[1]))):
            continue
        if op is C.SUBPATTERN:
            found = _first(arg[3])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            inner = _first(arg[2])
            found = None if inner is None else (inner[0], inner[1] or arg[0] == 0)
        elif op is C.BRANCH:
            branches = [_first(branch) for branch in arg[1]]
            found = None if any(b is None for b in branches) else (
                [c for b in branches for c in b[0]], any(b[1] for b in branches))
        else:
            one = _class_items(op, arg)
            found = None if one is None else (one, False)
        if found is None:
            return None
        chars += found[0]
        if not found[1]:
            return chars, False
    return chars, True


def guarded(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` behind a one-character look-ahead of the characters its matches can
    begin with: the same matches, but the engine leaves a position at the first
    character instead of trying every alternative there ("at least", "one", "dozens"...).

    >>> guarded(re.compile(r"\\b(?:at\\s+least\\s+)?(?:\\d+|two|dozens)", re.I)).pattern[:11]
    '(?=[a\\\\dtd])'
    """
    found = _first(_parser.parse(pattern.pattern, pattern.flags))
    if found is None or found[1]:
        return pattern                          # could match empty, or unknown: as it is
    try:
        return re.compile(f"(?=[{''.join(dict.fromkeys(found[0]))}])(?:{pattern.pattern})",
                          pattern.flags)
    except re.error:                            # e.g. global inline flags: as it is
        return pattern


class Starts:
    """``finditer`` that tries each pattern only where its leading literals stand.

    A match of "responsible for ..." can only start at a "responsible": instead of the
    regular-expression engine trying every position of an article, one Aho–Corasick pass
    finds where the patterns' first words are and each pattern is tried there. The
    matches are those of ``pattern.finditer(text)`` (leftmost, non-overlapping); a
    pattern without leading literals, or a text with case traps, uses ``finditer``.
    """

    def __init__(self, patterns: list[re.Pattern]) -> None:
        self._patterns = list(patterns)
        self._automaton = None
        self._last: tuple[str, list[list[int]]] | None = None

    def _build(self) -> None:
        import ahocorasick_rs

        self._leading = [leading_literals(p) for p in self._patterns]
        owners: dict[str, list[int]] = {}
        for k, literals in enumerate(self._leading):
            for word in literals or ():
                owners.setdefault(word, []).append(k)
        self._words = sorted(owners) or ["\0"]
        self._owners = [owners.get(w, []) for w in self._words]
        self._automaton = ahocorasick_rs.AhoCorasick(self._words)

    def _starts(self, text: str) -> list[list[int]] | None:
        last = self._last
        if last is not None and last[0] == text:
            return last[1]
        low = text.lower()
        if not text.isascii() and (len(low) != len(text) or _CASE_TRAPS.search(text)):
            return None
        starts: list[set[int]] = [set() for _ in self._patterns]
        owners = self._owners
        for index, start, _ in self._automaton.find_matches_as_indexes(low, overlapping=True):
            for k in owners[index]:
                starts[k].add(start)
        found = [sorted(s) for s in starts]
        self._last = (text, found)
        return found

    def finditer(self, k: int, text: str):
        """The matches of pattern ``k`` in ``text``, as ``finditer`` gives them."""
        if self._automaton is None:
            self._build()
        pattern = self._patterns[k]
        starts = self._starts(text) if self._leading[k] else None
        if starts is None:
            yield from pattern.finditer(text)
            return
        end = 0
        for start in starts[k]:
            if start < end:
                continue
            m = pattern.match(text, start)
            if m is not None:
                yield m
                end = m.end()


class _Scanner:
    """One automaton over the anchor words of every gate in use: a text read by several
    stages (counts, dates, event types, targets...) is scanned once."""

    def __init__(self) -> None:
        self._words: dict[str, int] = {}   # word -> the bits of the literal sets it is in
        self._bits = 0                     # bits handed out so far
        self._version = 0
        self._state: tuple | None = None   # (automaton, masks, version), None: to build
        self._recent: dict[str, tuple[int, int]] = {}    # text -> (version, bits seen)
        self._last: tuple | None = None    # (text, spans, version, bits per span): last primed
        self._lock = threading.Lock()

    def register(self, sets_per_entry) -> list[int]:
        """Bits for each entry's literal sets; per entry, the mask of bits it needs."""
        with self._lock:
            needs = []
            for sets in sets_per_entry:
                need = 0
                for literal_set in sets:
                    bit = 1 << self._bits
                    self._bits += 1
                    for word in literal_set:
                        self._words[word] = self._words.get(word, 0) | bit
                    need |= bit
                needs.append(need)
            self._version += 1                 # what was seen is forgotten, and the
            self._state = None                 # automaton rebuilt with the new words
            return needs

    def _build(self) -> tuple:
        import ahocorasick_rs

        with self._lock:
            if self._state is None:
                words = sorted(self._words) or ["\0"]
                self._state = (ahocorasick_rs.AhoCorasick(words),
                               [self._words.get(w, 0) for w in words], self._version,
                               all(word.isascii() for word in words))
            return self._state

    def seen(self, text: str) -> int:
        """The bits of the literal sets with a word in ``text`` (all bits: case traps)."""
        hit = self._recent.get(text)
        if hit is not None and hit[0] == self._version:
            return hit[1]
        version, seen = self._scan(text)
        if len(self._recent) > 512:
            self._recent = {}
        self._recent[text] = (version, seen)
        return seen

    def _scan(self, text: str) -> tuple[int, int]:
        """(version, bits) of one scan of ``text`` (all bits: case traps)."""
        automaton, masks, version, _ = self._state or self._build()
        if not text.isascii() and _CASE_TRAPS.search(text):
            return version, -1
        seen = 0
        for index, _, _ in automaton.find_matches_as_indexes(text.lower(), overlapping=True):
            seen |= masks[index]
        return version, seen

    def prime(self, text: str, spans: list[tuple[int, int]]) -> None:
        """Scan ``text`` once and remember what :meth:`seen` would give for each
        ``text[start:end]``: an article's sentences then cost one pass, not one each.

        A literal found inside a span is one a scan of the span would find (the words are
        literal strings), so the bits are exactly those of a scan per span."""
        if not spans or len(spans) > 256:
            return                              # (seen() handles those texts as before)
        automaton, masks, version, ascii_words = self._state or self._build()
        if self._reprime(text, spans, version):
            return
        if not text.isascii() and _CASE_TRAPS.search(text):
            return
        low = text.lower()
        # (with ASCII words only, a non-ASCII letter cannot be part of a match, so where
        # a match can be, a span's lower case is the same slice of the text's)
        if len(low) != len(text) or not (text.isascii() or ascii_words):
            return
        if len(self._recent) + len(spans) >= 512:
            self._recent = {}
        starts = [s for s, _ in spans]
        bits = [0] * len(spans)
        everywhere = 0
        for index, start, end in automaton.find_matches_as_indexes(low, overlapping=True):
            mask = masks[index]
            everywhere |= mask
            k = bisect_right(starts, start) - 1
            if k >= 0 and end <= spans[k][1]:
                bits[k] |= mask
        recent = self._recent
        recent[text] = (version, everywhere)          # (and the whole text's)
        for (start, end), seen in zip(spans, bits):
            recent[text[start:end]] = (version, seen)
        self._last = (text, list(spans), version, bits)

    def _reprime(self, text: str, spans: list[tuple[int, int]], version: int) -> bool:
        """Prime a text that is the one primed last with some spans changed (the article
        with its background clauses blanked): only those spans are scanned again. The
        whole text's bits are not recorded (seen() scans it if asked: no stage asks)."""
        last = self._last
        if last is None or last[2] != version or len(last[0]) != len(text) or last[1] != spans:
            return False
        before, bits = last[0], []
        if len(self._recent) + len(spans) >= 512:
            self._recent = {}
        recent = self._recent
        for (start, end), seen in zip(spans, last[3]):
            piece = text[start:end]
            if piece != before[start:end]:
                seen = self._scan(piece)[1]
            recent[piece] = (version, seen)
            bits.append(seen)
        self._last = (text, last[1], version, bits)
        return True


_SCANNER = _Scanner()


def prime(text: str, spans: list[tuple[int, int]]) -> None:
    """Scan a text once for every gate, ahead of the stages that read its spans
    (sentences) one by one; see :meth:`_Scanner.prime`."""
    _SCANNER.prime(text, spans)


class Gate:
    """Which of a stage's patterns (or literal sets) can match a text.

    ``patterns`` are compiled patterns, whose anchors are derived, or tuples of literal
    words given by hand (for code that reads words, not regular expressions). An entry
    with no anchors is always possible. All gates share one scan of each text.
    """

    def __init__(self, patterns: list) -> None:
        self._patterns = list(patterns)
        self._needs: list[int] | None = None   # registered on first use: nothing at import
        self._decoded: dict[int, frozenset[int]] = {}

    @property
    def literals(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Each entry's anchor sets: a match needs a word of every set (none: always)."""
        return tuple((p,) if isinstance(p, tuple) else required_sets(p)
                     for p in self._patterns)

    def possible(self, text: str) -> frozenset[int]:
        """Indexes of the entries that may match ``text`` (the others cannot)."""
        if self._needs is None:
            needs = _SCANNER.register(self.literals)
            self._mine = functools.reduce(operator.or_, needs, 0)
            self._needs = needs
        seen = _SCANNER.seen(text) & self._mine
        found = self._decoded.get(seen)
        if found is None:
            found = self._decoded[seen] = frozenset(
                k for k, need in enumerate(self._needs) if need & seen == need)
        return found
