"""Exports through `geomap export` / export.write: each format read back by its reader,
the ACLED/UCDP/HXL column sets, formula neutralisation, the GeoDataFrame API."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import geomap
from geomap.outputs import export
from geomap.cli import app
from geomap.extract.incidents import extract
from geomap.incident import Incident, SourceRef
from geomap.text.reader import read_article
from geomap.store.incidents import Store

from .conftest import SEED_NO_DATE, SEED_PUBLISHED, SEED_WITH_DATE

#: The ACLED column set and order, as issue 10 lists it.
ACLED = ("event_id_cnty event_date year time_precision disorder_type event_type sub_event_type "
         "actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting "
         "iso region country admin1 admin2 admin3 location latitude longitude geo_precision "
         "source source_scale notes fatalities tags timestamp").split()
UCDP_CORE = ["where_prec", "date_prec", "best", "low", "high", "adm_1", "adm_2",
             "where_coordinates"]
HXL = ["#date", "#adm1+name", "#adm1+code", "#adm2+name", "#loc+name", "#geo+lat", "#geo+lon",
       "#event+type", "#affected+killed", "#affected+injured", "#group+name", "#meta+source"]
FORMULA_FILE = "=cmd|' calc'!A0.txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "s.sqlite"
    with Store(path) as store:
        store.ingest((doc, extract(doc)) for doc in
                     (read_article(p, published=SEED_PUBLISHED)
                      for p in (SEED_NO_DATE, SEED_WITH_DATE)))
    return path


@pytest.fixture(scope="module")
def incidents(db):
    with Store(db) as store:
        return store.incidents()


def _ids(values) -> list[str]:
    return sorted(values)


@pytest.mark.parametrize("suffix", [".gpkg", ".fgb", ".geojson"])
@pytest.mark.parametrize("schema", ["geomap", "acled", "ucdp"])
def test_gdal_reads_back_every_spatial_format(incidents, tmp_path, suffix, schema):
    import pyogrio

    path = export.write(tmp_path / f"i{suffix}", incidents, schema=schema)
    frame = pyogrio.read_dataframe(path)
    assert frame.crs.to_epsg() == 4326
    key = "id" if schema == "ucdp" else "event_id_cnty"
    expected = _ids(i.id for i in incidents)
    got = _ids(frame[key]) if key in frame else _ids(
        json.loads(path.read_text())["features"][n]["properties"]["id"]
        for n in range(len(frame)))
    assert got == expected
    by_id = {i.id: i for i in incidents}
    for (_, row), point in zip(frame.iterrows(), frame.geometry):
        if key in frame:
            place = by_id[row[key]].place
            assert (point.x, point.y) == pytest.approx((place.lon, place.lat))


@pytest.mark.parametrize("schema", ["geomap", "acled", "ucdp"])
def test_geoparquet_reads_back_with_geopandas(incidents, tmp_path, schema):
    import geopandas
    import pyarrow.parquet

    path = export.write(tmp_path / "i.parquet", incidents, schema=schema)
    frame = geopandas.read_parquet(path)
    assert frame.crs.to_epsg() == 4326
    assert list(frame.columns) == export.SCHEMAS[schema] + ["geometry"]
    assert len(frame) == len(incidents)
    assert str(frame["fatalities" if schema != "ucdp" else "best"].dtype) == "Int64"
    assert sorted(frame["id" if schema == "ucdp" else "event_id_cnty"]) == sorted(
        i.id for i in incidents)
    assert json.loads(pyarrow.parquet.read_metadata(path).metadata[b"geo"])[
        "primary_column"] == "geometry"                      # GeoParquet metadata


def test_acled_columns_exactly(incidents, tmp_path):
    text = export.write(tmp_path / "a.csv", incidents, schema="acled").read_text()
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == ACLED
    assert "injuries" not in rows[0]                         # ACLED has no injuries column
    hospital = next(r for r in rows if r["event_date"] == "2021-11-02")
    assert hospital["disorder_type"] == "Political violence"
    assert hospital["iso"] == "4" and hospital["country"] == "Afghanistan"
    assert hospital["admin1"] == "Kabul" and float(hospital["latitude"]) > 34
    assert all(r["fatalities"].isdigit() for r in rows)      # ACLED: 0 when none reported


def test_ucdp_core_columns(incidents):
    rows = export.table(incidents, "ucdp")
    assert set(UCDP_CORE) <= set(rows[0])
    for row, inc in zip(rows, export.sort_incidents(incidents)):
        assert row["where_prec"] == inc.where_prec
        assert row["best"] == ("" if inc.fatalities is None else inc.fatalities)
        assert row["date_start"] <= row["date_end"]
        assert row["adm_1"].endswith(" province")


def test_hxl_row_under_header(incidents):
    text = export.csv_text(incidents, hxl=True)
    reader = csv.reader(io.StringIO(text, newline=""))
    header, tags = next(reader), next(reader)
    assert sorted(t for t in tags if t) == sorted(HXL)
    assert dict(zip(header, tags))["fatalities"] == "#affected+killed"
    assert len(list(reader)) == len(incidents)
    assert all(not t or t.startswith("#") for t in tags)


def test_geomap_csv_keeps_injuries_and_detained(incidents):
    header = export.csv_text(incidents).splitlines()[0].split(",")
    assert {"injuries", "detained", "where_prec", "admin1_code"} <= set(header)


def _incident(quote: str, file: str = "a.txt", target: str | None = None) -> Incident:
    from geomap import load_gazetteer

    place = load_gazetteer().best("Kabul city").place
    return Incident(event_type="Battles", sub_event_type="Armed clash", location=quote[:20],
                    place=place, geo_precision=1, where_prec=1, event_date=date(2021, 5, 1),
                    date_precision="day", fatalities=3, injured=None, actors=("Taliban",),
                    target=target, sources=(SourceRef(file, quote, 0, len(quote)),),
                    reason="test")


@pytest.mark.parametrize("payload", ["=HYPERLINK(\"http://x\",\"y\")", "+SUM(A1)", "-2+3",
                                     "@SUM(A1)", "\tcmd", "\r=1"])
@pytest.mark.parametrize("schema", ["geomap", "acled", "ucdp"])
def test_formula_prefixes_are_neutralised_in_every_text_cell(payload, schema):
    inc = _incident(payload, file=payload, target=payload)
    text = export.csv_text([inc], schema)
    (row,) = list(csv.DictReader(io.StringIO(text, newline="")))
    texts = [v for v in row.values() if v]
    assert any(v == "'" + payload for v in texts)           # the payload cells, quoted
    assert not any(v.startswith(export._FORMULA_START) for v in texts)
    assert row[{"ucdp": "best"}.get(schema, "fatalities")] == "3"   # numbers stay numbers
    lat = row["latitude"]
    assert float(lat) == inc.place.lat and not lat.startswith("'")


def test_a_formula_file_name_through_the_pipeline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path(FORMULA_FILE).write_text(
        "date 2021-05-04\n=HYPERLINK(\"http://evil\") A blast killed 3 people in Sangin "
        "district of Helmand on Monday.\n", encoding="utf-8")
    doc = read_article(Path(FORMULA_FILE))
    found = extract(doc)
    assert found
    for schema in ("geomap", "acled", "ucdp"):
        rows = list(csv.DictReader(io.StringIO(export.csv_text(found, schema, hxl=True), newline="")))
        source = rows[1]["source_article" if schema == "ucdp" else "source"]
        assert source == "'" + FORMULA_FILE
        for row in rows[1:]:
            assert not any(v.startswith(export._FORMULA_START) for v in row.values())


def test_csv_and_geojson_are_deterministic(incidents):
    for schema in ("geomap", "acled", "ucdp"):
        assert export.csv_text(incidents, schema) == export.csv_text(incidents[::-1], schema)
        assert (export.geojson_text(incidents, schema)
                == export.geojson_text(incidents[::-1], schema))


def test_unknown_format_or_schema_is_an_input_error(incidents, tmp_path):
    with pytest.raises(geomap.InputError, match="unknown export format"):
        export.write(tmp_path / "x.xlsx", incidents)
    with pytest.raises(geomap.InputError, match="unknown schema"):
        export.write(tmp_path / "x.csv", incidents, schema="gtd")
    with pytest.raises(geomap.InputError, match="CSV output only"):
        export.write(tmp_path / "x.gpkg", incidents, hxl=True)
    assert list(tmp_path.iterdir()) == []


def test_read_incidents_is_a_geodataframe_with_the_export_columns(db):
    frame = geomap.read_incidents(db=db, province="Kabul")
    assert "read_incidents" in geomap.__all__
    assert frame.crs.to_epsg() == 4326
    assert list(frame.columns) == export.CSV_COLUMNS + ["geometry"]
    assert len(frame) >= 2 and set(frame["admin1"]) == {"Kabul"}
    assert (frame.geometry.x == frame["longitude"]).all()
    later = geomap.read_incidents(db=db, since="2021-08-01")
    assert len(later) and (later["event_date"] >= "2021-08-01").all()
    assert len(geomap.read_incidents(db=db, actor="Daesh")) >= 1     # an alias of ISKP
    with pytest.raises(geomap.InputError):
        geomap.read_incidents(db=db, province="Atlantis")


def test_cli_export_with_query_filters(db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "kabul.csv"
    result = runner.invoke(app, ["export", "-o", str(out), "--province", "Kabul", "--hxl",
                                 "--schema", "acled", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr and result.stdout == ""
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert rows[0] == ACLED and rows[1][rows[0].index("event_date")] == "#date"
    assert rows[2:] and {r[rows[0].index("admin1")] for r in rows[2:]} == {"Kabul"}
    bad = runner.invoke(app, ["export", "-o", str(tmp_path / "x.doc"), "--db", str(db)])
    assert bad.exit_code == 2 and "unknown export format" in bad.stderr
    hxl = runner.invoke(app, ["export", "-o", str(tmp_path / "x.fgb"), "--hxl", "--db", str(db)])
    assert hxl.exit_code == 2


def test_actor_filter_reads_actor1_and_actor2(tmp_path):
    from geomap.text.reader import make_document

    inc = _incident("Clashes near Kabul.").with_(actors=(), actor1="Taliban",
                                                 actor2="National Resistance Front (NRF)")
    with Store(tmp_path / "a.sqlite") as store:
        store.ingest([(make_document("x", published=date(2021, 5, 2), source="x"), [inc])])
    for alias in ("Taleban", "NRF"):
        frame = geomap.read_incidents(db=tmp_path / "a.sqlite", actor=alias)
        assert list(frame["event_id_cnty"]) == [inc.id]
    assert geomap.read_incidents(db=tmp_path / "a.sqlite", actor="Daesh").empty
