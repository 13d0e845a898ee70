"""The folium map: self-contained, offline, escaped, deterministic, atomic."""

from __future__ import annotations

import base64
import colorsys
import gzip
import json
import re
from array import array
from datetime import date

import pytest

from geomap import load_gazetteer
from geomap.outputs import maps
from geomap.outputs.export import feature_collection
from geomap.extract.incidents import extract, extract_text
from geomap.extract.merge import merge_incidents
from geomap.text.reader import read_article

from .conftest import SEED_NO_DATE, SEED_PUBLISHED, SEED_WITH_DATE

HOSTILE = ("A blast in Kabul killed 3 people <img src=x onerror=\"document.title='PWNED'\"> "
           "on Monday <script>document.title='PWNED'</script>.")
#: The hospital in the seeds: attacked in 2017 and on 2 November 2021 (one point).
HOSPITAL = "lm:daud-khan-military-hospital"


def map_inputs() -> tuple[list[dict], dict, dict]:
    """(incident features, province polygons, totals): the seeds, a hostile report, two more."""
    gaz = load_gazetteer()
    incidents = extract_text(HOSTILE, published=date(2021, 11, 4), source="hostile.txt")
    incidents += extract_text("Explosions in Kandahar (42 killed) and Kunduz (120 dead).",
                              published=date(2021, 10, 20), source="b.txt")
    for path in (SEED_NO_DATE, SEED_WITH_DATE):
        incidents += extract(read_article(path, published=SEED_PUBLISHED))
    provinces = {"type": "FeatureCollection",
                 "features": [f for f in gaz.boundaries()["features"]
                              if f["properties"]["kind"] == "province"]}
    totals = {p.admin1_code: {"incidents": 0, "fatalities": 0, "injured": 0}
              for p in gaz.provinces()}
    return feature_collection(merge_incidents(incidents))["features"], provinces, totals


def page_data(html: str) -> tuple[dict, dict, dict]:
    """(meta, integer columns, detail) as the page decodes them."""
    meta = json.loads(re.search(r"prepare\((\{.*?\}), buffer\)", html).group(1))
    core, detail = re.findall(r'inflate\("([A-Za-z0-9+/=]+)"\)', html)
    ints = array("i", gzip.decompress(base64.b64decode(core)))
    n = meta["n"]
    columns = {name: list(ints[c * n:(c + 1) * n]) for c, name in enumerate(meta["columns"])}
    return meta, columns, json.loads(gzip.decompress(base64.b64decode(detail)))


@pytest.fixture(scope="module")
def parts():
    return map_inputs()


@pytest.fixture(scope="module")
def html(parts):
    return maps.build_map(*parts)


def test_no_remote_script_or_stylesheet(html):
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=", html)
    assert "leaflet" in html.lower() and "DecompressionStream" in html
    assert "geomap-panel" in html and "geomap-legend" in html


def test_hostile_text_is_escaped(html):
    assert "<img src=x" not in html and "<script>document.title" not in html
    _, _, detail = page_data(html)
    quotes = [q[1] for sources in detail["q"] for q in sources]
    assert any("<img src=x" in q for q in quotes)     # present, but only as inert data


def test_every_incident_is_in_the_data(html, parts):
    meta, columns, detail = page_data(html)
    assert detail["id"] == [f["properties"]["id"] for f in parts[0]]
    assert meta["n"] == len(parts[0]) and f"Incidents ({len(parts[0])})" in html
    for i, feature in enumerate(parts[0]):
        lon, lat = feature["geometry"]["coordinates"]
        point = columns["p"][i]
        assert meta["pts"][2 * point:2 * point + 2] == [round(lat, 6), round(lon, 6)]
        assert meta["types"][columns["t"][i]] == feature["properties"]["event_type"]
        killed = feature["properties"]["fatalities"]
        assert columns["k"][i] == (-1 if killed is None else killed)


def test_colocated_incidents_share_one_point(html, parts):
    _, columns, _ = page_data(html)
    at_hospital = [i for i, f in enumerate(parts[0])
                   if f["properties"]["place_id"] == HOSPITAL]
    assert len(at_hospital) >= 2
    assert len({columns["p"][i] for i in at_hospital}) == 1


def test_actor_filter_knows_aliases_and_actor_fields(parts):
    feature = json.loads(json.dumps(parts[0][0]))
    feature["properties"].update(actors=[], actor1="Taliban",
                                 actor2="Islamic State Khorasan Province (ISKP)")
    data = maps.map_data([feature])
    assert data["actors"] == ["Islamic State Khorasan Province (ISKP)", "Taliban"]
    assert [data["actors"][k] for k in data["actorSets"][data["a"][0]]] == data["actors"]
    assert data["aliases"]["daesh"] == data["aliases"]["isis-k"] == 0
    assert data["aliases"]["taleban"] == 1


def test_cluster_colours_never_collide_with_event_types():
    events = {c.lower() for c in maps.EVENT_COLORS.values()}
    assert not events & {c.lower() for c in maps.CLUSTER_COLORS}

    def hue(colour: str) -> float:
        r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
        return colorsys.rgb_to_hsv(r, g, b)[0] * 360

    for cluster in maps.CLUSTER_COLORS:               # blues, far from every event hue
        for event in maps.EVENT_COLORS.values():
            saturated = colorsys.rgb_to_hsv(*(int(event[i:i + 2], 16) / 255
                                              for i in (1, 3, 5)))[1] > 0.2
            if saturated:
                distance = abs(hue(cluster) - hue(event))
                assert min(distance, 360 - distance) > 40, (cluster, event)


def test_same_incidents_give_byte_identical_html(parts, html):
    again = maps.build_map(*map_inputs())
    assert again == html
    assert not re.search(r"_[0-9a-f]{32}\b", html)    # no random folium element ids


def test_province_layer_alone(parts):
    page = maps.build_map(*parts, incident_layer=False)
    assert "DecompressionStream" not in page and "Incidents (" not in page
    assert len(re.findall(r'"code": ?"AF-', page)) == 34


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
