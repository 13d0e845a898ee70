"""The English pack's data files say what they should; a broken file fails loudly.

Each file has one loader (geomap.lang.en.words; that every file loads is part of the
contract, tests/lang/test_contract.py); the readers of geomap.lang.data refuse empty,
repeated or malformed entries with a LanguageDataError naming the file.
"""

from __future__ import annotations

import re

import pytest

from geomap.lang import LanguageDataError, data
from geomap.lang.en import words

def test_event_rules_compile_and_keep_their_precedence():
    rules = words.event_rules()
    assert rules[0][2] == "Suicide bomb"             # the strongest rule first
    assert all(re.compile(p) for p, _, _ in rules)
    assert sum(1 for _, _, sub in rules if sub == "Attack") == 2


def test_reporting_verb_roles_are_subsets_of_all():
    every = set(words.reporting_verbs())
    for role in ("before_date", "after_date", "after_name"):
        assert set(words.reporting_verbs(role)) <= every
    with pytest.raises(ValueError):
        words.reporting_verbs("nonsense")


@pytest.fixture
def fake_file(tmp_path, monkeypatch):
    """Point the readers at a file written by the test."""
    def write(name: str, text: str):
        (tmp_path / name).write_text(text, encoding="utf-8")
        monkeypatch.setattr(data, "data_path", lambda package, n: tmp_path / n)
    return write


@pytest.mark.parametrize("text, message", [
    ("said\nsaid\n", "listed twice"),
    ("# only a comment\n\n", "no entries"),
])
def test_a_bad_word_list_is_refused(fake_file, text, message):
    fake_file("w.txt", text)
    with pytest.raises(LanguageDataError, match=message):
        data.read_words("geomap.lang.en", "w.txt")


@pytest.mark.parametrize("text, message", [
    ("word,value\none,1\n", "missing column"),
    ("word,value,kind\none,1,unit\none,1,unit\n", "listed twice"),
    ("word,value,kind\n,1,unit\n", "empty word"),
    ("word,value,kind\n", "no rows"),
])
def test_a_bad_table_is_refused(fake_file, text, message):
    fake_file("t.csv", text)
    with pytest.raises(LanguageDataError, match=message):
        data.read_rows("geomap.lang.en", "t.csv", ("word", "value", "kind"), key="word")


def test_a_bad_pattern_or_fragment_is_refused():
    with pytest.raises(LanguageDataError, match="bad pattern"):
        data.compile_pattern("geomap.lang.en", "x.toml", ["(unclosed"])
    with pytest.raises(LanguageDataError, match="unknown fragment"):
        data.compile_pattern("geomap.lang.en", "x.toml", ["a{MISSING}"])
    with pytest.raises(LanguageDataError, match="empty pattern"):
        data.compile_pattern("geomap.lang.en", "x.toml", [""])


def test_a_toml_syntax_error_names_the_file(fake_file):
    fake_file("e.toml", "[[rule]\n")
    with pytest.raises(LanguageDataError, match="e.toml"):
        data.read_toml("geomap.lang.en", "e.toml")
