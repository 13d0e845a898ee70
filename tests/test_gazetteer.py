"""The real gazetteer: coverage, polygons, consistency, spellings, guards."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, shape

from geomap.places.records import KINDS

SEED_PLACES = ["Kabul", "Kandahar", "Kunduz", "Nangarhar", "Parwan", "Panjshri",
               "Hamid Karzai International Airport", "Sardar Mohammad Daud Khan military hospital",
               "Idgah"]

VARIANTS = [  # (query, expected province ISO code)
    ("Panjshir", "AF-PAN"), ("Panjsher", "AF-PAN"), ("Panshir", "AF-PAN"), ("Panjshri", "AF-PAN"),
    ("پنجشیر", "AF-PAN"), ("ولایت پنجشیر", "AF-PAN"), ("Panjshir province", "AF-PAN"),
    ("Nangarhar", "AF-NAN"), ("Ningarhar", "AF-NAN"), ("Nangrahar", "AF-NAN"),
    ("ننگرهار", "AF-NAN"), ("Herat", "AF-HER"), ("Harat", "AF-HER"), ("Hirat", "AF-HER"),
    ("هرات", "AF-HER"), ("Helmand", "AF-HEL"), ("Hilmand", "AF-HEL"), ("Lashkar Gah", "AF-HEL"),
    ("Lashkargah", "AF-HEL"), ("لشکرگاه", "AF-HEL"), ("Kandahar", "AF-KAN"),
    ("Qandahar", "AF-KAN"), ("کندهار", "AF-KAN"), ("Kunduz", "AF-KDZ"), ("Kondoz", "AF-KDZ"),
    ("Qunduz", "AF-KDZ"), ("کندز", "AF-KDZ"), ("Mazar-i-Sharif", "AF-BAL"),
    ("Mazar-e Sharif", "AF-BAL"), ("Mazari Sharif", "AF-BAL"), ("Maidan Wardak", "AF-WAR"),
    ("Wardak", "AF-WAR"), ("Sar-e Pol", "AF-SAR"), ("Sari Pul", "AF-SAR"),
    ("Daikundi", "AF-DAY"), ("Uruzgan", "AF-URU"), ("Oruzgan", "AF-URU"), ("Paktiya", "AF-PIA"),
    ("Nimroz", "AF-NIM"), ("Jawzjan", "AF-JOW"), ("Bamiyan", "AF-BAM"), ("Nurestan", "AF-NUR"),
    ("Bagram", "AF-PAR"), ("بگرام", "AF-PAR"), ("HKIA", "AF-KAB"), ("Kabul airport", "AF-KAB"),
    ("Dasht-e-Barchi", "AF-KAB"), ("Spin Boldak", "AF-KAN"), ("Sangin", "AF-HEL"),
    ("Jalalabad", "AF-NAN"), ("AF-PAN", "AF-PAN"),
]


def test_all_34_provinces_with_codes_and_polygons(gaz):
    provinces = gaz.provinces()
    assert len(provinces) == 34
    assert len({p.admin1_code for p in provinces}) == 34
    assert all(p.admin1_code.startswith("AF-") for p in provinces)
    polygons = {f["properties"]["id"] for f in gaz.boundaries()["features"]
                if f["properties"]["kind"] == "province"}
    assert polygons == {p.admin1_code for p in provinces}


def test_districts_present_with_valid_polygons(gaz):
    districts = gaz.of_kind("district")
    assert len(districts) >= 390
    for feature in gaz.boundaries()["features"]:
        assert shape(feature["geometry"]).is_valid, feature["properties"]["id"]


def test_each_district_point_lies_in_its_own_province(gaz):
    provinces = {f["properties"]["id"]: shape(f["geometry"])
                 for f in gaz.boundaries()["features"] if f["properties"]["kind"] == "province"}
    for district in gaz.of_kind("district"):
        point = Point(district.lon, district.lat)
        assert provinces[district.admin1_code].buffer(1e-6).contains(point), district


def test_every_place_has_province_and_consistent_district(gaz):
    for place in gaz.places.values():
        assert place.kind in KINDS
        assert place.admin1_code and place.admin1, place
        if place.kind != "province":
            district = gaz.places[place.admin2_id]
            assert district.kind == "district" and district.admin1_code == place.admin1_code


@pytest.mark.parametrize("name", SEED_PLACES)
def test_seed_places_resolve(gaz, name):
    assert gaz.best(name) is not None, name


@pytest.mark.parametrize("query,code", VARIANTS)
def test_variant_spellings(gaz, query, code):
    best = gaz.best(query)
    assert best is not None, query
    assert best.place.admin1_code == code, (query, best)


@pytest.mark.parametrize("query,kind", [("Kandahar province", "province"),
                                        ("Kandahar city", "city"),
                                        ("Kandahar district", "district"),
                                        ("Kabul", "city"), ("Panjshir", "province")])
def test_kind_hint(gaz, query, kind):
    assert gaz.best(query).place.kind == kind


@pytest.mark.parametrize("word", ["Bar", "Now", "Said", "Police", "Mission", "The", "Attack",
                                  "Province", "Killed", "Monday"])
def test_english_words_are_not_places(gaz, word):
    assert gaz.best(word) is None


def test_reverse_lookup(gaz):
    kabul = gaz.reverse(34.5553, 69.2075)
    assert kabul.admin1_code == "AF-KAB" and kabul.kind == "district"
    assert gaz.reverse(33.7, 73.0) is None             # Islamabad, Pakistan
    assert gaz.reverse(48.85, 2.35) is None            # Paris


def test_ranking_has_scores_and_reasons(gaz):
    ranked = gaz.lookup("Kandahar", limit=5)
    assert len(ranked) >= 3
    assert ranked == sorted(ranked, key=lambda c: -c.score)
    assert all(c.reason for c in ranked)


def test_province_by_code_and_script(gaz):
    assert gaz.province("AF-PAN").name == gaz.province("پنجشیر").name == \
        gaz.province("Panjshri").name
    assert gaz.province("Xanadu") is None


def test_precomputed_keys_match_the_normaliser(gaz):
    """names.tsv carries fold/phonetic keys from the build: rebuild if normalize.py changes."""
    import csv

    from geomap.places.gazetteer import data_dir
    from geomap.places.names import fold, phonetic

    with (data_dir() / "names.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            assert (row["key"], row["phonetic"]) == (fold(row["name"]), phonetic(row["name"])), \
                f"{row['name']!r}: run gazetteer/build.py again"


@pytest.mark.parametrize("query,code", [
    ("Gohr", "AF-GHO"), ("Uuzgan", "AF-URU"), ("Kunra", "AF-KNR"), ("Zbaul", "AF-ZAB"),
    ("Jalalbad", "AF-NAN"), ("Kandhar", "AF-KAN"), ("Baghlna", "AF-BGL"), ("Farayb", "AF-FYB"),
    ("Mazar-i-Sharief", "AF-BAL"), ("Lashkar Gha", "AF-HEL"), ("Khowst", "AF-KHO"),
])
def test_typing_errors(gaz, query, code):
    best = gaz.best(query)
    assert best is not None and best.place.admin1_code == code, (query, best)


@pytest.mark.parametrize("word", ["Heat", "Kill", "Bank", "Dark", "Court", "Army"])
def test_english_near_misses_are_not_places(gaz, word):
    assert gaz.best(word) is None


# -- izafe compounds in running text (the matcher's variants) ----------------------------

@pytest.mark.parametrize("text,surface,province", [
    ("Fighting in Koh-e Safi district on Monday.", "Koh-e Safi", "AF-PAR"),  # gazetteer:
    ("Clashes in Khak-i-Safed district of Farah.", "Khak-i-Safed", "AF-FRA"),  # Kohi Safi,
    ("A raid in Dasht-i Archi district.", "Dasht-i Archi", "AF-KDZ"),          # Khaki Safed
    ("Police in Baghlan-e Markazi district said", "Baghlan", "AF-BGL"),  # central Baghlan
])
def test_izafe_spellings_in_text(gaz, text, surface, province):
    from geomap.places.mentions import matcher_for

    found = [(m.surface, m.candidates[0].place.admin1_code)
             for m in matcher_for(gaz).find(text) if m.candidates]
    assert found[:1] == [(surface, province)], found


@pytest.mark.parametrize("text,surface,province", [
    # a compound whose second word alone is a province, not the district the text says
    ("Commandos raided Maya village, Khas Konar district, on Monday.", "Khas Konar", "AF-KNR"),
    ("Fighting in Chapa Darah district on Friday.", "Chapa Darah", "AF-KNR"),
])
def test_a_compound_district_spelt_otherwise_is_one_name(gaz, text, surface, province):
    from geomap.places.mentions import matcher_for

    found = [(m.surface, m.candidates[0].place.admin1_code, m.candidates[0].place.kind)
             for m in matcher_for(gaz).find(text) if m.candidates]
    assert (surface, province, "district") in found, found


@pytest.mark.parametrize("text,names", [
    ("A bomb hit Helmand Nad Ali district.", ["Helmand", "Nad Ali"]),
    # a near miss of two real names is no compound ("Kohistanat" is in Sar-e Pol)
    ("Fighters attacked a post in Kohistan Paktia district.", ["Kohistan", "Paktia"]),
    ("A bomb went off in Qaysar Uruzgan district.", ["Qaysar", "Uruzgan"]),
])
def test_two_real_names_side_by_side_stay_two_names(gaz, text, names):
    from geomap.places.mentions import matcher_for

    assert [m.surface for m in matcher_for(gaz).find(text)] == names


@pytest.mark.parametrize("text", ["Shelling hit the Dara-e Bom area on Monday.",
                                  "Raids near Dara-i-Zanghi village."])
def test_the_first_word_of_an_unknown_compound_is_not_a_place(gaz, text):
    """"Dara-e Bom" (a valley in Badghis) is not Dara district of Panjshir."""
    from geomap.places.mentions import matcher_for

    assert not [m for m in matcher_for(gaz).find(text) if m.surface == "Dara"]


def test_province_code_answers_as_the_gazetteer_does(gaz):
    """The fast path of a query's --province (no gazetteer load) gives, for every name of
    every province it answers, the province the gazetteer's lookup gives; the rest
    (variants, misspellings, shared names) it leaves to the gazetteer."""
    from geomap.places.gazetteer import province_code

    queries = {q for p in gaz.provinces() for name in gaz._names[p.id]
               for q in (name, f"{name} province", name.upper())}
    queries |= {q for q, _ in VARIANTS} | {"Kunduzz", "", "Bar", "AF-KDZ", "af-pan"}
    answered = 0
    for query in sorted(queries):
        code = province_code(query)
        if code is not None:
            answered += 1
            place = gaz.province(query)
            assert place is not None and place.admin1_code == code, query
    assert answered > 200
    assert province_code("Kunduzz") is None
