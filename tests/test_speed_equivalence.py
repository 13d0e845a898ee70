"""Speed rewrites give exactly what the plain code they replace gave."""

from __future__ import annotations

import random
import re

from geomap.places import mentions

#: the word before a name as it used to be read: a search over the 40 characters before it
_LAST_WORD = re.compile(r"([\w'’.-]+)[\s,]*$")


def _plain_word_before(text: str, start: int) -> str:
    m = _LAST_WORD.search(text, max(0, start - 40), start)
    return m.group(1).rstrip(".") if m else ""


def test_word_before_reads_what_the_search_read():
    pieces = ["in", "Gen.", "U.S.", "al-Qaeda", "Ahmad's", "Ali’s", "  ", " ", ",", ", ", "\n",
              "\u2028", "\xa0", "(", ")", "-", ".", "Kabul", "ولایت", "x" * 45, "3", "_",
              "...", "\t\n"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        for start in range(len(text) + 1):
            assert mentions._word_before(text, start) == _plain_word_before(text, start), \
                (text, start)


def test_fuzzy_scan_finds_what_the_guarded_pattern_finds():
    words = ("in near at the In Near At IN Kabul Panjshri Helmund province district city cities "
             "provinces Khas Konar Koh-e Safi a an mr Said inside at- in\t near\n ’s O'Neil "
             "Kılled ſhot Ａ - , .").split()
    rng = random.Random(5)
    for _ in range(4000):
        text = rng.choice([" ", "", "-", "  "]).join(
            rng.choice(words) for _ in range(rng.randint(1, 20)))
        text = rng.choice([text, text, text.upper(), text.title()])
        want = [(m.span(), m.groupdict(), "name" if m.group("name") else "name2")
                for m in mentions._FUZZY_CANDIDATE.finditer(text)]
        assert [(m.span(), m.groupdict(), m.lastgroup)
                for m in mentions._FUZZY_SCAN.finditer(text)] == want, text


def test_priming_a_blanked_text_again_remembers_what_a_fresh_scan_finds():
    """anchors: the second prime of an article (its background blanked, or any text of the
    same length and spans) rescans only the spans that changed."""
    from geomap.rules.anchors import _Scanner

    sets = [[("killed", "dead")], [("the",)], [("in kabul", "d k")], [("led",), ("kabul",)]]
    primed, plain = _Scanner(), _Scanner()
    primed.register(sets)
    plain.register(sets)
    words = "the killed dead in kabul Kabul led d k , ſhot Kılled".split()
    rng = random.Random(13)
    for _ in range(1500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        cuts = sorted(rng.randint(0, len(text)) for _ in range(2 * rng.randint(1, 4)))
        spans = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]
        primed.prime(text, spans)
        s, e = sorted(rng.randint(0, len(text)) for _ in range(2))
        for again in (text[:s] + " " * (e - s) + text[e:], text[:s] + "x" * (e - s) + text[e:]):
            primed._recent.clear()
            primed.prime(again, spans)
            for start, end in spans:
                plain._recent.clear()
                piece = again[start:end]
                assert primed.seen(piece) == plain.seen(piece), (text, again, spans, piece)
