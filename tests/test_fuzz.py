"""Property-based fuzzing of the extraction: no input text breaks it.

A small, seeded example budget keeps the suite fast and deterministic; the long run
(>= 100,000 inputs, with counts of exceptions and slow inputs) is
``python tests/fuzz/fuzz_extract.py``.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from geomap.errors import GeomapError
from geomap.extract.incidents import extract_text

# words that reach every stage: places, counts, dates, actors, background clauses
VOCAB = ("killed wounded detained arrested captured several numerous dozens of insurgents "
         "Taliban Daesh in Kabul Kandahar Helmand Panjshri province district city Monday "
         "yesterday last year today March 2009 at least more than 99999999999999999999 "
         "1,000,000 12 one hundred and twenty the a who was responsible for suicide bomber "
         "airstrike KABUL, Afghanistan (Jan. 25, 2013) – . , ; ( )").split()
TEXT = st.one_of(
    st.text(max_size=400),                                       # any code points
    st.lists(st.sampled_from(VOCAB + ["\ud800", "\x00", "\u2028", "\r\n", "‎"]),
             max_size=80).map(" ".join),
    st.lists(st.sampled_from(VOCAB), max_size=80).map("".join),  # no spaces at all
)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


@seed(20261201)
@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, published=PUBLISHED)
def test_no_text_breaks_extraction(text, published):
    try:
        incidents = extract_text(text, published=published)
    except GeomapError:
        return                                   # a clear, typed error (an empty text)
    for inc in incidents:
        for value in (inc.fatalities, inc.injured, inc.detained):
            assert value is None or 0 <= value <= 100_000
        inc.properties()                         # every record serialises
        if inc.mapped:
            inc.__geo_interface__
