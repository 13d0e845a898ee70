"""The folium map: self-contained, offline, escaped, atomic."""

from __future__ import annotations

import re
from datetime import date

import pytest

from geomap import load_gazetteer, maps
from geomap.export import feature_collection
from geomap.extract import extract_text

HOSTILE = ("A blast in Kabul killed 3 people <img src=x onerror=\"document.title='PWNED'\"> "
           "on Monday <script>document.title='PWNED'</script>.")


def map_inputs() -> tuple[list[dict], dict, dict]:
    """(incident features, province polygons, totals): a hostile report and two more."""
    gaz = load_gazetteer()
    incidents = extract_text(HOSTILE, published=date(2021, 11, 4), source="hostile.txt")
    incidents += extract_text("Explosions in Kandahar (42 killed) and Kunduz (120 dead).",
                              published=date(2021, 10, 20), source="b.txt")
    provinces = {"type": "FeatureCollection",
                 "features": [f for f in gaz.boundaries()["features"]
                              if f["properties"]["kind"] == "province"]}
    totals = {p.admin1_code: {"incidents": 0, "fatalities": 0, "injured": 0}
              for p in gaz.provinces()}
    return feature_collection(incidents)["features"], provinces, totals


@pytest.fixture(scope="module")
def parts():
    return map_inputs()


@pytest.fixture(scope="module")
def html(parts):
    return maps.build_map(*parts)


def test_no_remote_script_or_stylesheet(html):
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=", html)
    assert "L.markerClusterGroup" in html and "leaflet" in html.lower()
    assert "geomap-time" in html and "geomap-legend" in html


def test_hostile_text_is_escaped(html):
    assert "<img src=x" not in html and "<script>document.title" not in html
    assert "\\u003cimg src=x" in html           # present, but only as inert JSON text


def test_every_incident_is_in_the_data(html, parts):
    for feature in parts[0]:
        assert feature["properties"]["id"] in html
    assert "Incidents (3)" in html


def test_online_tiles_only_when_asked(parts):
    assert "tile.openstreetmap.org" not in maps.build_map(*parts)
    assert "tile.openstreetmap.org" in maps.build_map(*parts, tiles="OpenStreetMap")


def test_write_map_is_atomic(parts, tmp_path, monkeypatch):
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("build failed")

    monkeypatch.setattr(maps, "build_map", broken)
    with pytest.raises(RuntimeError):
        maps.write_map(target, *parts)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]
