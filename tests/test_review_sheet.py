"""The review sheet round trip through the CLI, on a store built from seeds/."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geomap.cli import app
from geomap.review.sheet import EDIT_COLUMNS, SHEET_COLUMNS

from .conftest import SEED_PUBLISHED

ROOT_SEEDS = str(Path(__file__).resolve().parent.parent / "seeds")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def db(tmp_path, runner):
    path = tmp_path / "seeds.sqlite"
    result = runner.invoke(app, ["ingest", ROOT_SEEDS, "--published", SEED_PUBLISHED.isoformat(),
                                 "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return path


def _sheet(runner, db, path, *extra) -> list[dict]:
    result = runner.invoke(app, ["review", "--export", str(path), "--db", str(db), *extra])
    assert result.exit_code == 0, result.output
    assert "incidents to review" in result.stderr
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _write(path, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=SHEET_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _query(runner, db, *extra) -> dict[str, dict]:
    result = runner.invoke(app, ["query", "--format", "json", "--db", str(db), *extra])
    assert result.exit_code == 0, result.output
    return {r["id"]: r for r in json.loads(result.stdout)}


def test_the_sheet_lists_the_queue_least_confident_first(runner, db, tmp_path):
    rows = _sheet(runner, db, tmp_path / "q.csv")
    assert list(rows[0]) == SHEET_COLUMNS
    assert set(EDIT_COLUMNS) <= set(rows[0])
    confidences = [float(r["confidence"]) for r in rows]
    assert confidences == sorted(confidences) and len(rows) == len(_query(runner, db))
    assert {r["decision"] for r in rows} == {""}
    kabul = _sheet(runner, db, tmp_path / "k.csv", "--province", "Kabul")
    assert kabul and {r["admin1"] for r in kabul} == {"Kabul"}


def test_a_filled_sheet_round_trips_into_query(runner, db, tmp_path):
    path = tmp_path / "q.csv"
    rows = _sheet(runner, db, path)
    first, second, third = rows[0], rows[1], rows[2]
    first["decision"] = "reject"
    second.update(decision="edit", fatalities="7", location="لشکرگاه", admin1="", admin2="",
                  note="place from the later report")
    third["decision"] = "accept"
    _write(path, rows)
    result = runner.invoke(app, ["review", "--import", str(path), "--db", str(db),
                                 "--reviewer", "ana"])
    assert result.exit_code == 0, result.output
    assert "3 decision(s)" in result.stderr
    shown = _query(runner, db)
    assert first["id"] not in shown
    edited = shown[second["id"]]
    assert (edited["fatalities"], edited["admin1"], edited["review_status"],
            edited["reviewed_by"]) == (7, "Helmand", "edited", "ana")
    assert shown[third["id"]]["review_status"] == "accepted"
    hidden = _query(runner, db, "--include-rejected")[first["id"]]
    assert hidden["review_status"] == "rejected"
    # a second ingest of the same files keeps every decision
    again = runner.invoke(app, ["ingest", ROOT_SEEDS, "--published",
                                SEED_PUBLISHED.isoformat(), "--db", str(db), "-q"])
    assert again.exit_code == 0 and "warning" not in again.stderr
    assert _query(runner, db)[second["id"]]["fatalities"] == 7
    # and the CSV export carries the review
    out = tmp_path / "export.csv"
    assert runner.invoke(app, ["export", "-o", str(out), "--db", str(db)]).exit_code == 0
    exported = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(out.read_text()))}
    assert (exported[second["id"]]["review_status"], exported[second["id"]]["reviewed_by"]) \
        == ("edited", "ana")
    assert first["id"] not in exported


def test_bad_rows_are_reported_by_line_and_nothing_is_applied(runner, db, tmp_path):
    path = tmp_path / "q.csv"
    rows = _sheet(runner, db, path)
    rows[0]["decision"] = "accept"
    rows[1]["decision"] = "approve"
    rows[2].update(decision="edit", fatalities="many")
    rows[3]["fatalities"] = "99"           # changed, but no decision
    rows[4].update(decision="edit", location="Atlantis")
    rows[5].update(decision="reject", id="inc-000000000000")
    _write(path, rows)
    result = runner.invoke(app, ["review", "--import", str(path), "--db", str(db)])
    assert result.exit_code == 2
    lines = [line.removeprefix("geomap: error: ") for line in result.stderr.splitlines()]
    assert [line.split(": ", 1)[0] for line in lines] == [f"{path}:{n}" for n in (3, 4, 5, 6, 7)]
    assert "approve" in lines[0] and "whole number" in lines[1] and "write edit" in lines[2]
    assert "Atlantis" in lines[3] and "inc-000000000000" in lines[4]
    assert {r["review_status"] for r in _query(runner, db).values()} == {"unreviewed"}


def test_sheet_cells_cannot_run_as_formulas(runner, db, tmp_path):
    path = tmp_path / "q.csv"
    rows = _sheet(runner, db, path)
    rows[0].update(decision="edit", actor1="=HYPERLINK(\"http://x\")")
    _write(path, rows)
    assert runner.invoke(app, ["review", "--import", str(path), "--db", str(db)]).exit_code == 0
    again = _sheet(runner, db, tmp_path / "again.csv")
    cell = {r["id"]: r for r in again}[rows[0]["id"]]["actor1"]
    assert cell.startswith("'=")
    # exported as written and re-imported unchanged: no decision, no error
    result = runner.invoke(app, ["review", "--import", str(tmp_path / "again.csv"),
                                 "--db", str(db)])
    assert result.exit_code == 0 and "0 decision(s)" in result.stderr


@pytest.mark.parametrize("command", ["query", "export", "map"])
def test_min_confidence_filters_query_export_and_map(runner, db, tmp_path, command):
    everything = _query(runner, db)
    cut = sorted(r["confidence"] for r in everything.values())[len(everything) // 2]
    kept = {i for i, r in everything.items() if r["confidence"] >= cut}
    assert 0 < len(kept) < len(everything)
    if command == "query":
        assert set(_query(runner, db, "--min-confidence", str(cut))) == kept
        return
    out = tmp_path / ("x.csv" if command == "export" else "x.html")
    result = runner.invoke(app, [command, "--min-confidence", str(cut), "-o", str(out),
                                 "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"({len(kept)} incidents" in result.stderr


def test_geomap_run_keeps_the_decisions_of_the_store_it_rebuilds(runner, tmp_path):
    out = tmp_path / "out"
    args = ["run", ROOT_SEEDS, "--published", SEED_PUBLISHED.isoformat(), "--out", str(out),
            "-q"]
    assert runner.invoke(app, args).exit_code == 0
    db = out / "incidents.sqlite"
    path = tmp_path / "q.csv"
    rows = _sheet(runner, db, path)
    rows[0]["decision"] = "reject"
    _write(path, rows)
    assert runner.invoke(app, ["review", "--import", str(path), "--db", str(db)]).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and "warning" not in again.stderr
    assert rows[0]["id"] not in _query(runner, db)
    geojson = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    ids = {f["id"] for f in geojson["features"]}
    assert rows[0]["id"] not in ids and len(ids) == len(rows) - 1
