"""The command line through typer's CliRunner: exit codes, stdout, stderr."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from typer.testing import CliRunner

from geomap.cli import app, printing

from .conftest import SEED_NO_DATE, SEED_WITH_DATE, SEEDS


@pytest.fixture
def runner():
    return CliRunner()


def test_help(runner):
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("geocode", "extract", "ingest", "query", "provinces", "map", "run",
                    "export", "chart"):
        assert command in result.stdout


def test_geocode_json(runner):
    result = runner.invoke(app, ["geocode", "Panjshri", "ولایت هرات", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["admin1_code"] for r in rows] == ["AF-PAN", "AF-HER"]
    for key in ("query", "id", "name", "kind", "admin1", "admin1_code", "admin2", "lat", "lon",
                "score"):
        assert key in rows[0]


def test_geocode_unmatched_exit_code(runner):
    result = runner.invoke(app, ["geocode", "Kabul", "Xanadu", "--json"])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[1] == {"query": "Xanadu", "match": None}
    assert "not found" in result.stderr


def test_geocode_table(runner):
    result = runner.invoke(app, ["geocode", "Kandahar city"])
    assert result.exit_code == 0 and "Kandahar" in result.stdout


def test_extract_geojson_to_stdout(runner):
    result = runner.invoke(app, ["extract", str(SEED_WITH_DATE)])
    assert result.exit_code == 0, result.output
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    props = collection["features"][0]["properties"]
    for key in ("id", "event_date", "date_precision", "event_type", "sub_event_type",
                "fatalities", "injured", "actors", "target", "location", "place_id", "admin1",
                "admin1_code", "admin2", "geo_precision", "where_prec", "sources"):
        assert key in props


def test_extract_warns_without_publication_date(runner):
    result = runner.invoke(app, ["extract", str(SEED_NO_DATE), "--format", "csv"])
    assert result.exit_code == 0
    assert "no publication date" in result.stderr
    assert result.stdout.startswith("event_id_cnty,event_date")


@pytest.mark.parametrize("content,message", [(b"", "empty"), (b"\x00\x01\x02", "binary"),
                                             (b"\xff\xfe\xfa bad", "UTF")])
def test_extract_bad_file_one_line(runner, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.output


def test_extract_missing_file(runner, tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_extract_bad_date(runner):
    result = runner.invoke(app, ["extract", str(SEED_NO_DATE), "--published", "03/11/2021"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_foreign_incident_on_stderr_not_in_geojson(runner, tmp_path):
    path = tmp_path / "pk.txt"
    path.write_text("A blast in Peshawar killed 8 people on Monday.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "2021-11-04"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["features"] == []
    assert "Peshawar" in result.stderr and "outside Afghanistan" in result.stderr


def test_ingest_query_provinces_roundtrip(runner, tmp_path):
    db = tmp_path / "store.sqlite"
    first = runner.invoke(app, ["ingest", str(SEEDS), "--published", "2021-11-03",
                                "--db", str(db)])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["ingest", str(SEEDS), "--published", "2021-11-03",
                                "--db", str(db)])
    assert "0 article(s) added, 2 already stored" in again.stderr
    result = runner.invoke(app, ["query", "--province", "Kunduz", "--format", "json",
                                 "--db", str(db)])
    rows = json.loads(result.stdout)
    assert len(rows) == 1 and rows[0]["fatalities"] == 120 and rows[0]["lat"]
    misspelt = runner.invoke(app, ["query", "-p", "Kondoz", "-f", "json", "--db", str(db)])
    assert json.loads(misspelt.stdout) == rows
    unknown = runner.invoke(app, ["query", "--province", "Xanadu", "--db", str(db)])
    assert unknown.exit_code == 2 and "unknown province" in unknown.stderr
    provinces = runner.invoke(app, ["provinces", "--format", "json", "--db", str(db)])
    table = json.loads(provinces.stdout)
    assert len(table) == 34 and sum(r["incidents"] for r in table) >= 7


def test_query_without_store_fails_cleanly(runner, tmp_path):
    result = runner.invoke(app, ["query", "--db", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 3 and "no incident store" in result.stderr


def test_hostile_article_end_to_end(runner, tmp_path):
    from .test_maps import HOSTILE

    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    db, html = tmp_path / "s.sqlite", tmp_path / "map.html"
    assert runner.invoke(app, ["ingest", str(article), "--published", "2021-11-04",
                               "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["map", "-o", str(html), "--db", str(db)])
    assert result.exit_code == 0, result.output
    page = html.read_text(encoding="utf-8")
    assert "<img src=x" not in page and "<script>document.title" not in page
    assert "Incidents (1)" in page


def test_map_filters_and_unknown_district(runner, tmp_path):
    db = tmp_path / "s.sqlite"
    runner.invoke(app, ["ingest", str(SEEDS), "--published", "2021-11-03", "--db", str(db)])
    result = runner.invoke(app, ["query", "--district", "Xanadu", "--db", str(db)])
    assert result.exit_code == 2 and "unknown district" in result.stderr
    result = runner.invoke(app, ["query", "-p", "AF-KAB", "--since", "2021-11-01", "-f", "csv",
                                 "--db", str(db)])
    assert result.exit_code == 0 and result.stdout.count("\n") == 2   # header + hospital


def test_ingest_directory_with_bad_files_keeps_the_good_ones(runner, tmp_path):
    import shutil

    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    db = tmp_path / "s.sqlite"
    result = runner.invoke(app, ["ingest", str(articles), "--published", "2021-11-03",
                                 "--db", str(db)])
    assert result.exit_code == 2
    assert "empty.txt: empty article" in result.stderr and "binary" in result.stderr
    assert "2 article(s) added" in result.stderr
    out = tmp_path / "maps"
    out.mkdir()
    assert runner.invoke(app, ["map", "-o", str(out), "--db", str(db)]).exit_code == 0
    assert (out / "map.html").stat().st_size > 0


def test_run_twice_leaves_no_diff(runner, tmp_path, monkeypatch):
    """The same articles give byte-identical GeoJSON, CSV and map (issue 10: no random ids,
    no timestamps), so a committed outputs/ only changes when the data does."""
    import shutil

    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "seeds")
    outputs = []
    for _ in range(2):
        result = runner.invoke(app, ["run", "seeds", "--published", "2021-11-03"])
        assert result.exit_code == 0, result.output
        outputs.append({name: (tmp_path / "outputs" / name).read_bytes()
                        for name in ("incidents.geojson", "incidents.csv", "map.html")})
        shutil.rmtree(tmp_path / "outputs")
    assert outputs[0] == outputs[1]
    assert b"Incidents (" in outputs[0]["map.html"]


@pytest.mark.parametrize("options", [["--province", "Kunduz"], ["-p", "ولایت کندز"],
                                     ["--province", "Kondoz"], ["--since", "2021-11-01"],
                                     ["--province", "Kabul", "--actor", "Taliban"], []])
def test_query_json_is_the_librarys_json_byte_for_byte(runner, tmp_path, options):
    """``query --format json`` splices the stored records' text and resolves an exact
    province name without loading the gazetteer; what it prints is, byte for byte, the
    library's decode-and-encode of the same incidents."""
    from datetime import date

    from geomap.outputs import export
    from geomap.store.incidents import Store, filter_ids

    db = tmp_path / "store.sqlite"
    assert runner.invoke(app, ["ingest", str(SEEDS), "--published", "2021-11-03",
                               "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["query", *options, "--format", "json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    values = dict(zip(options[::2], options[1::2]))
    with Store(db, create=False) as store:
        province = values.get("--province", values.get("-p"))
        code, _, actor = filter_ids(store, province=province, actor=values.get("--actor"))
        since = date.fromisoformat(values["--since"]) if "--since" in values else None
        found = store.incidents(admin1_code=code, actor=actor, since=since)
    assert found or not options
    assert result.stdout == export.json_array(export.records(found)) + "\n"
    # the table, too, is read from the stored records: the same text as from incidents
    table = runner.invoke(app, ["query", *options, "--db", str(db)])
    assert table.exit_code == 0, table.output
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        printing.render(found, "table")
    assert table.stdout == text.getvalue()
