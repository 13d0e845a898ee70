"""A Dari or Pashto quote leaves through ``geomap export`` as UTF-8 and reads back whole."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from geomap.cli import app

from .conftest import ROOT

SAMPLES = ROOT / "examples" / "dari-pashto"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("persian") / "incidents.sqlite"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLES), "--lang", "auto",
                                      "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db


def _sentences() -> set[str]:
    """The report sentences of the samples (each sample is one sentence after its date)."""
    return {path.read_text(encoding="utf-8").splitlines()[1] for path in SAMPLES.glob("*.txt")}


@pytest.mark.parametrize("schema", ["geomap", "acled"])
def test_a_dari_quote_round_trips_through_the_csv(store, tmp_path, schema):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "incidents.csv"
    runner = CliRunner()
    result = runner.invoke(app, ["export", "-o", str(out), "--schema", schema, "--hxl",
                                 "--db", str(store)])
    assert result.exit_code == 0, result.output
    stored = json.loads(runner.invoke(app, ["query", "--format", "json",
                                            "--db", str(store)]).stdout)
    quotes = {s["quote"] for row in stored for s in row["sources"]}
    assert quotes <= _sentences() and any("\u200c" in q for q in quotes)   # a ZWNJ among them
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")            # UTF-8, as every other CSV
    assert "ولسوالی سنگین".encode() in raw and "کشته".encode() in raw
    frame = pd.read_csv(out, encoding="utf-8", skiprows=[1], dtype=str)     # row 1: HXL
    assert set(frame["notes"]) == quotes                  # each quote back, unchanged
    assert set(frame["admin1"]) <= {"Helmand", "Kandahar", "Baghlan"}      # English names
