"""The contract every language pack must pass (after geopy's shared geocoder tests).

Parametrised over the registered packs (geomap.lang.LANGUAGES). Each pack brings its own
examples in ``tests/lang/<code>/contract.toml`` (sentences of its language, written for
these tests): number words that parse, a sentence split, a casualty sentence that yields
an incident with the right counts, date phrases that resolve, a reaction that reports no
event. Its data files must all load through the pack's loaders
(``geomap.lang.<code>.words.DATA_FILES``), with no file left without one.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from importlib import import_module
from pathlib import Path

import pytest

from geomap.lang import LANGUAGES, get_pack
from geomap.lang.data import data_path
from geomap.text.reader import make_document, split_sentences

HERE = Path(__file__).parent


def examples(code: str) -> dict:
    path = HERE / code / "contract.toml"
    assert path.is_file(), f"a language pack needs its examples: {path}"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def cases(kind: str):
    """(code, example) for every pack's examples of ``kind``."""
    return [pytest.param(code, case, id=f"{code}-{n}")
            for code in LANGUAGES for n, case in enumerate(examples(code).get(kind, []))]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_pack_describes_its_language(code):
    pack = get_pack(code)
    assert pack.code == code and pack.name
    assert pack.writing_system.direction in ("ltr", "rtl")
    assert pack.digits and all(c.isdigit() for c in pack.digits)
    assert all(a and not a.endswith(".") for a in pack.abbreviations)
    year = re.compile(pack.year)
    assert year.fullmatch(examples(code)["year"])
    assert not year.fullmatch(examples(code)["not_year"])


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_data_file_loads_through_its_one_loader(code):
    loaders = import_module(f"geomap.lang.{code}.words").DATA_FILES
    shipped = {p.name for p in data_path(f"geomap.lang.{code}", "").iterdir() if p.is_file()}
    assert shipped == set(loaders), "each data file has one loader, each loader its file"
    for name, load in loaders.items():
        assert load(), f"{code}/data/{name} is empty"


@pytest.mark.parametrize("code", LANGUAGES)
def test_number_words_parse(code):
    pack = get_pack(code)
    numbers = examples(code)["numbers"]
    assert len(numbers) >= 3
    assert {text: pack.parse_number(text) for text in numbers} == numbers


@pytest.mark.parametrize("code, case", cases("sentences"))
def test_sentences_split(code, case):
    assert len(split_sentences(case["text"], code)) == case["count"]


@pytest.mark.parametrize("code, case", cases("casualty"))
def test_a_casualty_sentence_gives_its_counts_and_its_incident(code, case):
    from geomap.extract import extract

    pack = get_pack(code)
    assert pack.has_trigger(case["text"])
    kinds = {c.kind: c.value for c in pack.find_counts(case["text"])}
    assert kinds.get("killed") == case["killed"] and kinds.get("wounded") == case["wounded"]
    published = date.fromisoformat(case["published"])
    incidents = extract(make_document(case["text"], published=published, language=code))
    assert [(i.location, i.fatalities, i.injured, i.sub_event_type) for i in incidents] == \
        [(case["location"], case["killed"], case["wounded"], case["event"])]


@pytest.mark.parametrize("code, case", cases("date"))
def test_a_date_phrase_resolves(code, case):
    refs = get_pack(code).find_dates(case["text"], date.fromisoformat(case["published"]))
    assert [(r.value.isoformat(), r.precision) for r in refs] == \
        [(case["value"], case["precision"])]


@pytest.mark.parametrize("code, case", cases("reaction"))
def test_a_reaction_reports_no_event(code, case):
    assert get_pack(code).is_reaction(case["text"])


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_kind_of_example_is_given(code):
    given = examples(code)
    assert all(given.get(kind) for kind in ("sentences", "casualty", "date", "reaction"))
