"""Anchor gates: a pattern is skipped only where it cannot match."""

from __future__ import annotations

import re

import pytest

from geomap.rules import counts
from geomap.rules import dates
from geomap.lang.en import engines
from geomap.rules import background
from geomap.rules.anchors import Gate, required_literals

GATED = ([counts._ANY_CASUALTY, counts._NONE, counts._SUM, counts._INCLUDING, counts._ALONG_WITH,
          counts._TOLL, counts._BEFORE, counts._ONE_PASSIVE, counts._ONE, counts._LEFT,
          counts._AFTER, counts._ELLIPSIS, engines().clauses.reaction,
          engines().clauses.not_an_event]
         + [p for _, p in dates._PATTERNS] + [p for p, _, _ in engines().events.rules]
         + [p for p, _ in engines().targets.targets] + list(background._BACKGROUND))

SENTENCES = [
    "At least 25 people were killed and over 50 wounded in Kabul on Monday.",
    "Three militants and two militiamen were killed, the police said last night.",
    "Twenty-one insurgents, including 13 al-Qaeda members, were killed.",
    "A commander was killed along with his seven men two days ago.",
    "The death toll rose to 40. No casualties were reported in early March 2019.",
    "A suicide bomber blew himself up near a mosque; gunmen stormed the hospital.",
    "A facilitator responsible for IED attacks was detained; forces seized two IEDs.",
    "Qatar condemned the attack. The Taliban recaptured the district centre the same day.",
    "Five people were killed in Kabul and three in Herat, leaving 4 dead.",
    "KILLED: TWO SOLDIERS WOUNDED IN A ROCKET ATTACK ON A CHECKPOINT YESTERDAY.",
    "ſhot dead, İnjured, Kılled: case folding lets these match ASCII patterns.",
    "The airstrike hit a wedding; the man, who coordinated attacks, died on 3 May.",
]


@pytest.mark.parametrize("pattern", GATED, ids=lambda p: p.pattern[:40])
def test_a_gate_never_hides_a_match(pattern):
    gate = Gate([pattern])
    for text in SENTENCES:
        if pattern.search(text):
            assert 0 in gate.possible(text), text


def test_literals_are_read_from_the_pattern():
    assert required_literals(re.compile(r"\bgrenades?\b", re.I)) == ("grenade",)
    assert required_literals(re.compile(r"\b(?:kill|die)d\b")) == ("die", "kill")
    assert required_literals(re.compile(r"\d+|today")) is None        # \d+ has no literal
    assert required_literals(re.compile(r"\b(?:in|at)\s+\w+")) is None  # too short to help


def test_a_pattern_without_its_words_is_skipped():
    gate = Gate([re.compile(r"\bgrenades?\b", re.I), re.compile(r"\bclash\w*", re.I),
                 ("hand", "words")])
    assert gate.possible("Clashes broke out.") == {1}
    assert gate.possible("A GRENADE and hand signals") == {0, 2}
    assert gate.possible("Nothing here") == set()


def test_case_traps_run_every_pattern():
    gate = Gate([re.compile(r"\bshot\b", re.I)])
    assert gate.possible("ſhot") == {0}                   # long s matches "s" under IGNORECASE
    assert re.compile(r"\bshot\b", re.I).search("ſhot")


def test_a_match_needs_a_word_of_every_set():
    gate = Gate([re.compile(r"\bdeath\s+toll\b", re.I)])
    assert gate.possible("the death of a man") == set()
    assert gate.possible("the toll road") == set()
    assert gate.possible("The Death Toll rose") == {0}


def test_look_arounds_need_their_words_too():
    gate = Gate([re.compile(r"\bIED(?=\s+facilitator)", re.I)])
    assert gate.possible("an IED exploded") == set()
    assert gate.possible("an IED facilitator") == {0}


BACKGROUND_TEXTS = SENTENCES + [
    " ".join(SENTENCES), "who who which led led, responsible for responsible for attacks.",
    "Forces seized seized weapons and found IEDs; an IED facilitator, who directed attacks.",
]


@pytest.mark.parametrize("k", range(len(background._BACKGROUND)))
def test_starts_finds_what_finditer_finds(k):
    from geomap.rules.anchors import Starts

    starts = Starts(background._BACKGROUND)
    for text in BACKGROUND_TEXTS:
        want = [m.span() for m in background._BACKGROUND[k].finditer(text)]
        assert [m.span() for m in starts.finditer(k, text)] == want, text


def test_leading_literals_see_through_the_parsers_factoring():
    from geomap.rules.anchors import leading_literals

    assert leading_literals(re.compile(r"\b(?:who|which|whose)\s+led")) == ("which", "who",
                                                                               "whose")
    assert leading_literals(re.compile(r"(?:at\s+least\s+)?\d+ killed")) is None


def test_guarded_patterns_find_what_the_plain_ones_find():
    import random

    from geomap.places import mentions
    from geomap.rules.anchors import guarded

    words = ("at least more than over some up to as many as no fewer than another a an one "
             "twenty-five dozens scores hundreds 25 1,200 were was killed wounded died shot "
             "dead and with along In Kabul Helmand near the Province district including "
             "insurgents people ſhot Kılled İnjured K Ａ - , .").split()
    rng = random.Random(3)
    plain = {name: re.compile(getattr(counts, name).pattern.split("])(?:", 1)[1][:-1],
                              getattr(counts, name).flags)
             for name in ("_BEFORE", "_SUM", "_INCLUDING", "_ONE", "_NONE")}
    plain["fuzzy"] = re.compile(mentions._FUZZY_CANDIDATE.pattern.split("])(?:", 1)[1][:-1])
    pairs = [(pattern, guarded(pattern)) for pattern in plain.values()]
    for _ in range(1500):
        text = rng.choice([" ", "", "-"]).join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        text = rng.choice([text, text.upper(), text.capitalize()])
        for pattern, fast in pairs:
            want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == want, text


def test_a_pattern_that_may_match_empty_is_left_as_it_is():
    from geomap.rules.anchors import guarded

    pattern = re.compile(r"(?:ab)?")
    assert guarded(pattern) is pattern


def test_one_scan_of_an_article_gives_what_a_scan_per_sentence_gives():
    """anchors.prime scans a text once for its spans; seen() must then answer exactly
    what a fresh scan of each span answers (words across a span's edge count for
    neither span; curly quotes, Dari script and Greek letters change nothing)."""
    from geomap.rules import anchors

    gates = [Gate(list(GATED)), counts._GATE, dates._GATE]
    texts = [" ".join(SENTENCES[:10]),
             "“Three were killed,” he said — on Monday. يک انفجار در کابل. ΟΔΟΣ killed Σ.",
             "killed" + "wounded" * 3 + " Mon" + "day. Two were kil" + "led yesterday."]
    for text in texts:
        cuts = sorted({0, len(text)} | {m.end() for m in re.finditer(r"[.;] ", text)}
                      | {m.start() + 3 for m in re.finditer("killed|wounded", text)})
        spans = list(zip(cuts, cuts[1:]))
        fresh = []
        for gate in gates:
            gate.possible("x")                               # registered before priming
        for start, end in spans:
            anchors._SCANNER._recent.clear()
            fresh.append([gate.possible(text[start:end]) for gate in gates])
        anchors._SCANNER._recent.clear()
        anchors.prime(text, spans)
        primed = [[gate.possible(text[start:end]) for gate in gates] for start, end in spans]
        assert primed == fresh, text
