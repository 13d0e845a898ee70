"""Incident store (transactions, idempotence, merging) and exports (GeoJSON, CSV, GPKG)."""

from __future__ import annotations

import json

import pytest

from geomap.outputs import export
from geomap.extract.incidents import extract
from geomap.text.reader import read_article
from geomap.store.incidents import Store

from .conftest import SEED_NO_DATE, SEED_PUBLISHED, SEED_WITH_DATE


def _items():
    for path in (SEED_NO_DATE, SEED_WITH_DATE):
        doc = read_article(path, published=SEED_PUBLISHED)
        yield doc, extract(doc)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.sqlite") as s:
        s.ingest(_items())
        yield s


def test_reingest_adds_nothing(store):
    before = store.counts()
    report = store.ingest(_items())
    assert (report.articles_added, report.articles_skipped) == (0, 2)
    assert store.counts() == before


def test_second_report_merges_into_known_incident(tmp_path):
    with Store(tmp_path / "m.sqlite") as s:
        docs = list(_items())
        s.ingest(docs[:1])
        report = s.ingest(docs[1:])
        assert report.incidents_merged >= 1
        (hospital,) = [i for i in s.incidents(admin1_code="AF-KAB")
                       if i.event_date.isoformat() == "2021-11-02"]
        assert len({src.file for src in hospital.sources}) == 2
        assert (hospital.fatalities, hospital.injured) == (25, 50)


def test_crash_mid_ingest_leaves_store_unchanged(store):
    before = store.counts()

    def crashing():
        yield from _items()
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.ingest(crashing())
    assert store.counts() == before


def test_filters(store):
    assert {i.place.admin1 for i in store.incidents(admin1_code="AF-KDZ")} == {"Kunduz"}
    assert all(i.fatalities >= 100 for i in store.incidents(min_fatalities=100))
    assert store.incidents(since=SEED_PUBLISHED) == []
    assert store.incidents(actor="Islamic State Khorasan Province (ISKP)")


def test_geojson_is_rfc7946_and_deterministic(store):
    incidents = store.incidents()
    text = export.geojson_text(incidents)
    assert text == export.geojson_text(list(reversed(incidents)))
    data = json.loads(text)
    assert "crs" not in data
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 60 < lon < 75 and 29 < lat < 39
        assert len(repr(lon).split(".")[1]) <= 7


def test_geojson_roundtrip_with_gdal(store, tmp_path, gaz):
    import pyogrio

    path = export.write_geojson(tmp_path / "i.geojson", store.incidents())
    frame = pyogrio.read_dataframe(path)
    assert len(frame) == len(store.incidents())
    assert frame.crs.to_epsg() == 4326
    for point in frame.geometry:
        assert gaz.reverse(point.y, point.x, max_km=1) is not None   # inside Afghanistan


def test_gpkg_and_csv(store, tmp_path):
    import pyogrio

    gpkg = export.write_gpkg(tmp_path / "i.gpkg", store.incidents())
    assert len(pyogrio.read_dataframe(gpkg)) == len(store.incidents())
    csv_path = export.write_csv(tmp_path / "i.csv", store.incidents())
    header = csv_path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[:6] == ["event_id_cnty", "event_date", "year", "time_precision",
                          "event_type", "sub_event_type"]


def test_atomic_write_leaves_old_file_on_failure(tmp_path, monkeypatch):
    from geomap.outputs import fileio

    target = tmp_path / "out.geojson"
    target.write_text("old", encoding="utf-8")

    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        with fileio.atomic_target(target) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise Boom
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.geojson"]
