"""Pipeline unit tests on a tiny fixture gazetteer (boxes, not real borders).

They pin the extraction logic independently of the real data's coverage.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geomap.extract.incidents import extract_text
from geomap.places.gazetteer import load_gazetteer

TINY = Path(__file__).parent / "fixtures" / "tiny_gazetteer"


@pytest.fixture(scope="module")
def tiny():
    return load_gazetteer(TINY)


def _extract(tiny, text):
    return extract_text(text, published=date(2021, 11, 4), gazetteer=tiny)


def test_fixture_loads(tiny):
    assert len(tiny.provinces()) == 7
    assert tiny.best("Panjsher").place.id == "AF-PAN"
    assert tiny.reverse(34.5, 69.1).id == "AF-KAB-kabul"


def test_landmark_with_its_city_is_the_landmark(tiny):
    (inc,) = _extract(tiny, "A blast hit the Sardar Mohammad Daud Khan military hospital in "
                            "Kabul on Tuesday, killing 5.")
    assert inc.place.kind == "landmark" and inc.geo_precision == 1 and inc.fatalities == 5


def test_two_places_with_own_counts_are_two_incidents(tiny):
    found = _extract(tiny, "Explosions in Kandahar (42 killed) and Kunduz (120 dead).")
    assert [(i.place.admin1, i.fatalities) for i in found] == [("Kandahar", 42), ("Kunduz", 120)]


def test_province_cue_and_coordination(tiny):
    found = _extract(tiny, "Targeted killings were reported in Nangarhar and Parwan provinces.")
    assert [(i.place.kind, i.sub_event_type) for i in found] == [("province", "Attack")] * 2


def test_district_of_province(tiny):
    (inc,) = _extract(tiny, "A mine killed 2 in Sangin district of Helmand.")
    assert inc.place.id == "AF-HEL-sangin" and (inc.geo_precision, inc.where_prec) == (2, 3)


def test_continuation_sentence_adds_counts(tiny):
    (inc,) = _extract(tiny, "Blasts hit Kabul airport on Monday. At least 9 people were "
                            "killed and 20 were wounded.")
    assert (inc.fatalities, inc.injured) == (9, 20) and len(inc.sources) == 2


def test_reaction_and_background_are_not_incidents(tiny):
    assert _extract(tiny, "Qatar condemned the attack in Kabul.") == []
    assert _extract(tiny, "ISIS-K first emerged in eastern Afghanistan in 2014.") == []


def test_foreign_place_is_flagged(tiny):
    (inc,) = _extract(tiny, "A blast in Peshawar killed 8 people.")
    assert not inc.mapped and inc.country == "Pakistan"


def test_lowercase_landmark_needs_its_city_named(tiny):
    assert _extract(tiny, "An attack on the military hospital killed 3 in 2017.") == []
    found = _extract(tiny, "In Kabul, an attack on the military hospital killed 3 in 2017.")
    assert found[0].place.kind == "landmark"


def test_later_sentence_refines_the_place(tiny):
    (inc,) = _extract(tiny, "Airstrikes killed 15 militants in Helmand province last night. "
                            "They were hiding in Sangin district of the province.")
    assert inc.place.id == "AF-HEL-sangin" and inc.fatalities == 15 and len(inc.sources) == 2


def test_dateline_is_not_the_event_place(tiny):
    text = "Headline here\nKabul (BNA) A roadside bomb killed 4 in Sangin district on Monday."
    (inc,) = _extract(tiny, text)
    assert inc.place.admin1 == "Helmand"


def test_event_day_beats_statement_day(tiny):
    (inc,) = _extract(tiny, "Officials said on Wednesday that a bomb killed 3 in Kabul on Tuesday.")
    assert inc.event_date == date(2021, 11, 2)


def test_continuation_supplies_the_date(tiny):
    (inc,) = _extract(tiny, "Airstrikes killed 15 militants in Helmand province. "
                            "The strike took place last night.")
    assert inc.event_date == date(2021, 11, 3) and inc.date_precision == "day"


@pytest.mark.parametrize("text", [
    "He was involved in plotting to attack the military hospital in Kabul.",
    "A man found guilty of masterminding the attack on Kabul airport was sentenced to death.",
    "The Taliban threatened to attack Kandahar on Monday.",
])
def test_plans_trials_and_threats_are_not_incidents(tiny, text):
    assert _extract(tiny, text) == []


def test_different_counts_are_different_events(tiny):
    from geomap.extract.merge import merge_incidents

    one = _extract(tiny, "A bomb killed 1 person in Kabul on Monday.")
    other = _extract(tiny, "A bomb at Kabul airport killed 12 people on Monday.")
    assert len(merge_incidents(one + other)) == 2
    again = _extract(tiny, "A bomb at Kabul airport killed 13 people on Monday.")
    assert len(merge_incidents(other + again)) == 1
