"""Golden test: the incidents of the two sample articles, checked by hand.

Seed 000 has no date line (published is given as 2021-11-03); seed 001 starts with
``date 2021-11-04``. Both report the 2 November 2021 attack on the Sardar Mohammad
Daud Khan military hospital in Kabul, which must come out as one incident.
"""

from __future__ import annotations

import pytest

from geomap.extract.incidents import extract
from geomap.extract.merge import merge_incidents
from geomap.text.reader import read_article

from .conftest import SEED_NO_DATE, SEED_PUBLISHED, SEED_WITH_DATE


@pytest.fixture(scope="module")
def incidents():
    found = []
    for path in (SEED_NO_DATE, SEED_WITH_DATE):
        found.extend(extract(read_article(path, published=SEED_PUBLISHED)))
    return merge_incidents(found)


def _find(incidents, province, when_prefix):
    return [i for i in incidents if i.mapped and i.place.admin1 == province
            and i.event_date and i.event_date.isoformat().startswith(when_prefix)]


def test_hospital_attack_is_one_incident_citing_both_articles(incidents):
    (hospital,) = _find(incidents, "Kabul", "2021-11-02")
    assert "hospital" in hospital.location.lower()
    assert (hospital.fatalities, hospital.injured) == (25, 50)
    assert {s.file for s in hospital.sources} == {str(SEED_NO_DATE), str(SEED_WITH_DATE)}
    assert hospital.date_precision == "day"
    assert hospital.geo_precision == 1 and hospital.where_prec == 1
    assert "Islamic State Khorasan Province (ISKP)" in hospital.actors
    assert hospital.target == "hospital"


def test_idgah_mosque_in_early_october(incidents):
    (idgah,) = [i for i in _find(incidents, "Kabul", "2021-10")]
    assert (idgah.fatalities, idgah.injured) == (12, 32)
    assert idgah.date_precision == "month"


def test_kandahar_and_kunduz_are_separate_incidents(incidents):
    (kandahar,) = _find(incidents, "Kandahar", "2021-10")
    (kunduz,) = _find(incidents, "Kunduz", "2021-10")
    assert kandahar.fatalities == 42
    assert kunduz.fatalities == 120


def test_nangarhar_and_parwan_both_found(incidents):
    assert [i.place.kind for i in incidents if i.mapped and i.place.admin1 == "Nangarhar"] \
        == ["province"]
    assert [i.place.kind for i in incidents if i.mapped and i.place.admin1 == "Parwan"] \
        == ["province"]


def test_airport_attack_on_26_august(incidents):
    (airport,) = _find(incidents, "Kabul", "2021-08-26")
    assert airport.place.kind == "airport" or "airport" in airport.location.lower()
    assert airport.fatalities == 170


def test_the_2017_hospital_attack_is_its_own_incident(incidents):
    (old,) = _find(incidents, "Kabul", "2017")
    assert old.fatalities == 30 and old.date_precision == "year"


def test_background_is_not_an_incident(incidents):
    provinces = [i.place.admin1 for i in incidents if i.mapped]
    assert "Panjshir" not in provinces            # the resistance sentence reports no event
    assert all(i.event_date.year != 2014 for i in incidents if i.event_date)
    assert not [i for i in incidents if not i.mapped and i.country == "Qatar"]


def test_every_seed_incident_is_in_afghanistan(incidents, gaz):
    for incident in incidents:
        if incident.mapped:
            district = gaz.reverse(incident.place.lat, incident.place.lon, max_km=5)
            assert district is not None and district.admin1_code == incident.place.admin1_code
