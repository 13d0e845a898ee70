"""Normalisation of Persian-script text, and its sentence ends."""

import pytest
from hypothesis import given, strategies as st

from geomap.text.reader import split_sentences
from geomap.text.script import letters, normalise, to_ascii_digits


@pytest.mark.parametrize(("written", "normal"), [
    ("ولايت", "ولایت"),                # Arabic yeh
    ("كابل", "کابل"),                  # Arabic kaf
    ("حملۀ", "حمله"),                  # heh with yeh above
    ("ولاية", "ولایه"),                # teh marbuta
    ("۱۲ تن", "12 تن"),                # Persian digits
    ("١٢ تن", "12 تن"),                # Arabic-Indic digits
    ("۱۲٬۰۰۰", "12,000"),              # thousands separator
    ("۲٫۵", "2.5"),                    # decimal separator
    ("ده\u200cها", "ده ها"),           # zero-width non-joiner: a space, same length
    ("کشـــته", "کشته"),               # tatweel dropped
    ("کُشته", "کشته"),                 # vowel sign dropped
    ("ټپیان ډیر ړوند ږ ښار ګل ڼ ۍ ې", "ټپیان ډیر ړوند ږ ښار ګل ڼ ۍ ې"),   # Pashto kept
])
def test_normalise(written, normal):
    assert normalise(written).text == normal


def test_letters_fold_pashto_onto_dari():
    assert letters("ننګرهار کې ولسوالۍ") == "ننگرهار کی ولسوالی"


def test_offsets_point_into_the_original():
    original = "در ولسوالیِ سنـگین ۳ تـن کُشته شدند."
    n = normalise(original)
    assert n.text == "در ولسوالی سنگین 3 تن کشته شدند."
    for word in ("سنگین", "3", "کشته", "شدند."):
        start = n.text.index(word)
        a, b = n.span(start, start + len(word))
        assert normalise(original[a:b]).text == word


@given(st.text(alphabet=st.sampled_from(list("کشته ولایت۱۲\u064e\u0640\u200c\u200dيكabc. ")),
               max_size=40))
def test_every_span_maps_back(text):
    n = normalise(text)
    for start in range(len(n.text)):
        for end in range(start + 1, len(n.text) + 1):
            a, b = n.span(start, end)
            assert normalise(text[a:b]).text == n.text[start:end]


def test_other_digits_are_left_alone():
    assert to_ascii_digits("²⓪۳") == "²⓪3"


@pytest.mark.parametrize(("text", "sentences"), [
    ("آیا کسی کشته شد؟ پولیس گفت نه.", ["آیا کسی کشته شد؟", "پولیس گفت نه."]),
    ("دو تن کشته شدند۔ سه تن زخمی شدند۔", ["دو تن کشته شدند۔", "سه تن زخمی شدند۔"]),
    ("دو تن کشته شدند. ۳ تن زخمی شدند.", ["دو تن کشته شدند.", "۳ تن زخمی شدند."]),
    ("دو تن کشته شدند\nسه تن زخمی شدند", ["دو تن کشته شدند", "سه تن زخمی شدند"]),
    ("پولیس گفت: «سه تن کشته شدند.» «دو تن زخمی اند.»",
     ["پولیس گفت: «سه تن کشته شدند.»", "«دو تن زخمی اند.»"]),
])
def test_persian_sentence_ends(text, sentences):
    assert [s.text for s in split_sentences(text)] == sentences
