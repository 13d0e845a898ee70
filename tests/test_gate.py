"""The gate (geomap.extract.gate): an article it passes over is one extraction finds
nothing in, so extraction with the gate gives exactly what it gives without it."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, seed, settings
from hypothesis import strategies as st

import geomap.extract.incidents as incidents
from geomap.extract.gate import NO_SPACE_RUN, has_trigger_word, may_report
from geomap.rules.lexicon import background_spans, blank, has_trigger
from geomap.text.reader import make_document, split_sentences

PUB = date(2023, 5, 17)

OFF_TOPIC = [
    "Shares in a carmaker rose 3 percent on Tuesday after it applied for new licences.",
    "The striker shot wide twice before the break, and the home side's attack faded.",
    "Farmers in Herat province expect a fine harvest of saffron and pistachios this year.",
    "The deadline for the budget was moved to March, the finance ministry said.",
    "Permission is hereby granted, free of charge, to any person obtaining a copy.",
    "Returns a new deque object initialized left-to-right with data from iterable.",
]
PASSED = [
    "A bomb killed two shopkeepers in a market in Kabul on Sunday.",
    "Police in Kandahar arrested four men on Friday.",
    "Gunmen set fire to a school in Ghazni overnight.",
    "A blast in Peshawar killed 8 people on Monday.",        # (an incident abroad, reported)
    "انفجار در کابل. Two people were killed in the explosion.",
]


@pytest.mark.parametrize("text", OFF_TOPIC)
def test_off_topic_text_costs_the_scan_only(text, gaz):
    assert not may_report(text, gaz)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(incidents, "may_report", lambda *_: True)
        assert incidents.extract_text(text, published=PUB, gazetteer=gaz) == []


@pytest.mark.parametrize("text", PASSED)
def test_a_report_passes(text, gaz):
    assert may_report(text, gaz)


@pytest.mark.parametrize("text, expected", [
    ("an applied science", False),             # "ied" inside a word
    ("the skills of a deadline", False),       # "kills", "dead" inside words
    ("Bombing", True),                         # a stem begins a word
    ("the BLAST", True),
    ("fireworks at night", True),              # "fire": has_trigger's "set fire to" reads on
    ("x" * NO_SPACE_RUN + "killed", True),     # a long sentence may be cut before "killed"
    ("x" * (NO_SPACE_RUN - 10) + "skilled", False),
])
def test_trigger_words_as_has_trigger_reads_them(text, expected):
    assert has_trigger_word(text) is expected


def test_no_space_run_is_where_a_long_sentence_is_cut_anywhere():
    assert NO_SPACE_RUN == incidents.MAX_SENTENCE // 2


# fragments where word boundaries, sentence cuts and blanked clauses meet
FRAGMENTS = ("killed killedx xkilled applied deadline skills afraid raided custody Bombing "
             "mines determined shot shotgun Shot fired firefight ablaze set to houses "
             "detained Kabul Riverside Peshawar kabul Afghanistan province district . , ; ( ) "
             "İ \u212a Σ کابل انفجار").split(" ") + [
    "opened fire", "set fire to houses", "set ablaze shops", "responsible for",
    "involved in", "armed with rifles", "seized two IEDs", "would-be bombers",
    "who coordinated attacks", "KABUL, Afghanistan (Jan. 25, 2013) –",
    "\n\n", "\n", ". ", "x" * 520, "x" * 1000]
TEXT = st.lists(st.sampled_from(FRAGMENTS), max_size=60).flatmap(
    lambda words: st.sampled_from([" ", "", "-", ". "]).map(lambda sep: sep.join(words)))


def _any_sentence_has_trigger(text: str) -> bool:
    """What extraction asks of each sentence, read the way extraction reads them."""
    text = make_document(text, published=PUB).text
    blanked = blank(text, background_spans(text))
    return any(has_trigger(blanked[s.start:s.end])
               for s in incidents._capped(split_sentences(text)))


@seed(20261207)
@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
@example(text="x" * 1000 + "killed")                      # a sentence cut before "killed"
@example(text="They set fire to houses.")
def test_a_text_without_trigger_words_has_no_sentence_with_one(text):
    if not text.strip():
        return
    if _any_sentence_has_trigger(text):
        assert has_trigger_word(make_document(text, published=PUB).text)


@seed(20261208)
@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_extraction_with_the_gate_is_extraction_without_it(text):
    if not text.strip():
        return
    gated = incidents.extract_text(text, published=PUB)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(incidents, "may_report", lambda *_: True)
        assert incidents.extract_text(text, published=PUB) == gated


def test_the_gate_scan_is_the_one_find_reads(gaz):
    from geomap.places.mentions import matcher_for

    matcher = matcher_for(gaz)
    text = "A bomb killed two people in Kabul and one in Jalalabad on Monday."
    other = "".join(text)                      # equal, but another string
    assert matcher.scan(text) is matcher.scan(text)          # scanned once
    assert matcher.find(text) == matcher.find(other)
    assert [text[s:e] for _, s, e in matcher.scan(text) if text[s].isupper()] == \
        ["Kabul", "Jalalabad"]
