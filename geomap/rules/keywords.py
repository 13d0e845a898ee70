"""Keyword tables: whole words, phrases and stems found in one Aho–Corasick pass.

The engine is language-neutral; the words are the language's (for English,
``geomap/lang/en/data/triggers.toml``).
"""

from __future__ import annotations

__all__ = ["Keywords"]


class Keywords:
    """Whole words and word stems found in one Aho–Corasick pass (much faster than a
    big regex alternation). A stem ("bomb") matches any word it begins ("bombing").

    >>> table = Keywords(["shot", "opened fire"], ["bomb"])
    >>> table.search("They opened fire"), table.search("a bombing"), table.search("shots")
    (True, True, False)
    """

    def __init__(self, words: list[str] | tuple[str, ...], stems: list[str] | tuple[str, ...]) -> None:
        import ahocorasick_rs

        words, stems = list(words), list(stems)
        self._stem = [False] * len(words) + [True] * len(stems)
        self.words, self.stems = tuple(words), tuple(stems)
        self._automaton = ahocorasick_rs.AhoCorasick(
            words + stems, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def search(self, text: str) -> bool:
        """True when ``text`` holds one of the words (whole) or stems (at a word start)."""
        low = text.lower()
        for index, start, end in self._automaton.find_matches_as_indexes(low):
            if start and low[start - 1].isalnum():
                continue
            if self._stem[index] or end == len(low) or not low[end].isalnum():
                return True
        return False
