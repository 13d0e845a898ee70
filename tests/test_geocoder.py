"""The gazetteer as a geopy geocoder, with RateLimiter and geopandas."""

from __future__ import annotations

from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from geomap import AfghanGazetteer


def test_geocode_returns_location_with_raw_row():
    loc = AfghanGazetteer().geocode("Mazar-e Sharif")
    assert isinstance(loc, Location)
    assert loc.raw["admin1"] == "Balkh" and loc.raw["id"]
    assert 36 < loc.latitude < 37 and 66 < loc.longitude < 68


def test_no_match_is_none_not_empty_list():
    assert AfghanGazetteer().geocode("Xanadu") is None
    assert AfghanGazetteer().geocode("") is None


def test_exactly_one_false_gives_ranked_list():
    locations = AfghanGazetteer().geocode("Kandahar", exactly_one=False)
    assert len(locations) >= 2 and all(isinstance(x, Location) for x in locations)


def test_rate_limiter():
    geocode = RateLimiter(AfghanGazetteer().geocode, min_delay_seconds=0)
    assert geocode("Kunduz").raw["admin1_code"] == "AF-KDZ"


def test_reverse():
    loc = AfghanGazetteer().reverse((31.61, 65.71))
    assert loc.raw["admin1_code"] == "AF-KAN"
    assert AfghanGazetteer().reverse((51.5, -0.1)) is None


def test_geopandas_geocode_with_provider_class():
    import geopandas

    frame = geopandas.tools.geocode(["Kabul", "Herat", "Xanadu"], provider=AfghanGazetteer)
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.iloc[0].x > 68 and frame.geometry.iloc[1].x < 63
    assert frame.geometry.iloc[2].is_empty and frame["address"].isna().iloc[2]


import pytest as _pytest

from geomap import load_gazetteer as _load
from geomap.places.locate import locate as _locate


@_pytest.mark.parametrize("phrase,name,admin1", [
    ("Musa Qala District (Kahnishin area of)", "Musa Qala", "Helmand"),
    ("outskirts of Ferozkoh.", "Fayrōz Kōh", "Ghor"),
    ("Kotal area of Pul-i-Kumri City, the provincial capital", "Pul-e Khumrī", "Baghlan"),
    ("Dara and the Tangi area of Shinwar District", "Shinwar", "Nangarhar"),
])
def test_locate_reads_a_phrase_part_by_part(phrase, name, admin1):
    (best,) = _locate(_load(), phrase, limit=1)
    assert (best.place.name, best.place.admin1) == (name, admin1)


@_pytest.mark.parametrize("phrase,name,admin1", [
    # a district name two provinces share, with the province it is in: that province's
    ("Tagab district, Badakhshan province", "Tagab (Kishmi Bala)", "Badakhshan"),
    ("Tagab district (Kapisa)", "Tagab", "Kapisa"),
    ("Jaghatu district of Ghazni", "Bahrami Shahid (Jaghatu)", "Ghazni"),
    ("Jaghatu district, Wardak province", "Jaghatu", "Wardak"),
    # a district known by the first of its two names, with its province in brackets
    ("Reg district (Helmand)", "Reg(Khanshin)", "Helmand"),
])
def test_locate_names_a_district_by_the_province_the_phrase_gives(phrase, name, admin1):
    (best,) = _locate(_load(), phrase, limit=1)
    assert (best.place.name, best.place.admin1, best.place.kind) == (name, admin1, "district")


@_pytest.mark.parametrize("name,found", [
    ("Khost(Matun)", "Khost(Matun)"), ("Khost (Matun)", "Khost(Matun)"),
    ("Tagab (Kishmi Bala)", "Tagab (Kishmi Bala)"), ("Great Mosque of Herat",
                                                     "Great Mosque of Herat"),
])
def test_locate_takes_a_whole_name_the_gazetteer_holds_first(name, found):
    # (brackets and "of" would otherwise split it into a phrase of several names)
    (best,) = _locate(_load(), name, limit=1)
    assert best.place.name == found and best.score >= 0.85


def test_locate_honours_the_kind_asked_for():
    gaz = _load()
    (best,) = _locate(gaz, "Tagab district, Badakhshan province", kind="district", limit=1)
    assert (best.place.name, best.place.kind) == ("Tagab (Kishmi Bala)", "district")
    (best,) = _locate(gaz, "Kabul, Afghanistan", kind="province", limit=1)
    assert best.place.admin1 == "Kabul"
