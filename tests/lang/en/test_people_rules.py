"""Each rule of the people counter, alone: a sentence in, the Reading (or None) out."""

from __future__ import annotations

import pytest

from geomap.rules import people_counts as pc
from geomap.rules.phrases import Head, Item, Phrase, _head, _item, _phrase


def _verb(sentence: pc.Sentence, word: str) -> pc.Verb:
    return pc._verb_at(sentence.words, sentence.words.index(word))


def _read(rule, text: str, word: str, *args):
    sentence = pc.Sentence.of(text)
    reading = rule(sentence, _verb(sentence, word), *args)
    return None if reading is None else (reading.kind, reading.total, reading.parts)


def test_into_custody_counts_the_people_between_took_and_custody():
    assert _read(pc._into_custody, "Guards took four smugglers into custody.", "took") == \
        ("detained", 4, (4,))
    assert _read(pc._into_custody, "Guards took four smugglers to the border.", "took") is None


def test_nominal_reads_the_people_after_of_without_parts():
    assert _read(pc._nominal, "It ended with the arrest of two couriers.", "arrest") == \
        ("detained", 2, ())


def test_inverted_reads_the_subject_after_were():
    assert _read(pc._inverted, "Also wounded in the blast were three guards.", "wounded") == \
        ("wounded", 3, (3,))
    assert _read(pc._inverted, "Police said three guards were wounded.", "wounded") is None


def test_subject_end_tells_passive_from_active():
    sentence = pc.Sentence.of("Five drivers were killed.")
    assert pc._subject_end(sentence, _verb(sentence, "killed")) == (2, False)
    sentence = pc.Sentence.of("The gunmen have killed five drivers.")
    assert pc._subject_end(sentence, _verb(sentence, "killed")) is None


def test_subject_adds_those_along_with_them():
    sentence = pc.Sentence.of("A commander was killed along with his six guards.")
    verb = _verb(sentence, "killed")
    reading = pc._subject(sentence, verb, *pc._subject_end(sentence, verb))
    assert (reading.total, reading.parts) == (7, (1, 6))


def test_object_counts_the_people_after_an_active_verb():
    assert _read(pc._object, "The patrol detained eight suspects.", "detained") == \
        ("detained", 8, (8,))


@pytest.mark.parametrize("text, word, want", [
    ("They were trying to arrest two men.", "arrest", True),
    ("Troops arrested two men.", "arrested", False),
])
def test_a_verb_knows_an_intent(text, word, want):
    assert _verb(pc.Sentence.of(text), word).intent is want


def test_phrase_records():
    words = "a police officer and two drivers".split()
    assert _head(words, words, 1) == Head(3, "security", True, 2)
    assert _item(words, words, 4) == Item(2, 6, "person", False)
    assert _phrase(words, words, 0) == Phrase(0, 3, 6, ("security", "person"), False, (1, 2))


def test_too_or_as_well_ending_the_clause_adds_like_also():
    for text, word, also in (("The guard was hurt; his driver died too.", "died", True),
                             ("Two cooks were wounded in the raid as well.", "wounded", True),
                             ("A cook was wounded as well as two guards.", "wounded", False),
                             ("A cook was wounded, too many to count.", "wounded", False)):
        sentence = pc.Sentence.of(text)
        assert _verb(sentence, word).also is also, text


def test_left_in_state_reads_the_people_before_dead_or_wounded():
    assert _read(pc._left_in_state, "The raid left six gunmen and a guard dead.", "left") == \
        ("killed", 7, (6, 1))
    assert _read(pc._left_in_state, "The raiders left the village at dawn.", "left") is None
