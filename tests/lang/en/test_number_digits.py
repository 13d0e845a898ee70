"""The number readers never raise on digits that ``int()`` rejects.

``str.isdigit`` accepts "²", "⓪", "①" and other digit characters that are not decimal
digits, and ``int("²")`` raises ValueError: a reader that trusts ``isdigit`` breaks on them.
"""

from __future__ import annotations

import sys

from hypothesis import given, seed, settings
from hypothesis import strategies as st

from geomap.rules.counts import find_counts
from geomap.rules.numbers import number_at, parse_number

#: every character str.isdigit accepts and int() rejects (superscripts, circled digits...)
_ODD_DIGITS = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isdigit() and not c.isdecimal()]
_PIECES = st.sampled_from(_ODD_DIGITS + list("0123456789,") + ["seven", "s", "-"])
_NUMBERISH = st.lists(_PIECES, min_size=1, max_size=6).map("".join)


def test_the_odd_digits_are_there_to_test():
    assert "²" in _ODD_DIGITS and "⓪" in _ODD_DIGITS and "7" not in _ODD_DIGITS


@seed(20261207)
@settings(max_examples=200, deadline=None, derandomize=True)
@given(word=_NUMBERISH)
def test_number_readers_never_raise(word):
    assert parse_number(word) is None or isinstance(parse_number(word), int)
    found = number_at([word.lower(), "insurgents"], 0)
    assert found is None or isinstance(found[0], int)
    for text in (f"{word} insurgents were killed", f"killing {word} people",
                 f"police detained {word} suspects", f"the death toll rose to {word}"):
        assert all(isinstance(c.value, int) for c in find_counts(text))


def test_odd_digits_are_no_figure():
    assert find_counts("Police said ² insurgents were killed.") == []
    assert parse_number("⓪") is None
