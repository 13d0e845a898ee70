"""The Dari and Pashto number, count and date readers never raise, whatever digits the
text holds: ⓪, superscripts and circled digits pass ``str.isdigit`` and fail ``int``."""

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from geomap.lang import fa, ps

GRAMMARS = [fa.rules(), ps.rules()]
ODD_DIGITS = "⓪①²³¹₂٣۳3٬٫,.߃౩๓"
WORDS = ["تن", "کشته", "شدند", "زخمی", "سرباز", "و", "ده ها", "ووژل", "شول", "تنه", "ټپیان",
         "حمل", "۱۴۰۰", "۲۴", "می", "دیروز", "پرون", "بازداشت", "صد", "هزار", "دو", "دوه"]
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=ODD_DIGITS, min_size=1,
                                                          max_size=6)),
                max_size=14).map(" ".join)


@pytest.mark.parametrize("grammar", GRAMMARS)
@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_readers_never_raise(grammar, text):
    value = grammar.parse_number(text)
    assert value is None or (isinstance(value, int) and value >= 0)
    for count in grammar.find_counts(text):
        assert count.value >= 0 and text[count.start:count.end] == count.phrase
    for ref in grammar.find_dates(text, date(2021, 5, 4)):
        assert text[ref.start:ref.end] == ref.phrase


@pytest.mark.parametrize("grammar", GRAMMARS)
@pytest.mark.parametrize("text", ["⓪", "²", "۲²", "١⓪ تن کشته شدند", "²³ تن کشته شدند",
                                  "۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹ تن کشته شدند", "32 حمل 1400"])
def test_odd_digits_are_no_number(grammar, text):
    assert grammar.parse_number(text) is None
    assert all(c.value < 10**6 for c in grammar.find_counts(text))
