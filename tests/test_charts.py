"""`geomap chart`: matplotlib figures (PNG/SVG) of stored incidents, deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from geomap.outputs import charts
from geomap.cli import app
from geomap.errors import InputError

from .test_exports import db, incidents  # noqa: F401  (shared module fixtures)


def test_monthly_series_of_the_seeds(incidents):  # noqa: F811
    months, series = charts.monthly_series(incidents, top=2)
    assert months == ["2021-08", "2021-09", "2021-10", "2021-11"]
    assert list(series) == ["Kabul", "Kunduz"]            # most fatalities first
    assert series["Kabul"][0] == 170 and series["Kunduz"][2] == 120
    # the 2017 attack is dated to the year only: not in a monthly series
    assert sum(series["Kabul"]) == sum(
        i.fatalities or 0 for i in incidents
        if i.place.admin1 == "Kabul" and i.date_precision in ("day", "week", "month"))


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_cli_writes_three_charts_identically_twice(db, tmp_path, fmt):  # noqa: F811
    runner = CliRunner()
    outputs = []
    for run in ("a", "b"):
        result = runner.invoke(app, ["chart", "-o", str(tmp_path / run), "--format", fmt,
                                     "--db", str(db)])
        assert result.exit_code == 0, result.output
        outputs.append({p.name: p.read_bytes() for p in (tmp_path / run).iterdir()})
    assert sorted(outputs[0]) == sorted(f"{stem}.{fmt}" for stem in charts.CHARTS.values())
    assert outputs[0] == outputs[1]                        # byte-identical
    for data in outputs[0].values():
        if fmt == "png":
            assert data.startswith(b"\x89PNG\r\n\x1a\n")
        else:
            root = ET.fromstring(data)
            assert root.tag.endswith("svg")
    if fmt == "svg":
        text = outputs[0]["provinces.svg"].decode()
        assert "Kabul" in text and "Kunduz" in text        # labels are text, not paths


def test_chart_filters_and_bad_extension(db, tmp_path, incidents):  # noqa: F811
    result = CliRunner().invoke(app, ["chart", "-o", str(tmp_path), "--province", "Kunduz",
                                      "--format", "svg", "--db", str(db)])
    assert result.exit_code == 0
    text = (tmp_path / "provinces.svg").read_text()
    assert "Kunduz" in text and "Kabul" not in text
    with pytest.raises(InputError):
        charts.write_chart(tmp_path / "x.jpg", incidents, "provinces")
