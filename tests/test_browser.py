"""The map in a real headless browser (Debian chromium) with the network off.

Chromium is driven over the DevTools pipe (tests/cdp.py: standard library only) and
started once for the module; clicks are real mouse events. Skipped with a message
when chromium is missing locally; CI sets GEOMAP_REQUIRE_BROWSER=1, which turns a
missing browser into a failure.
"""

from __future__ import annotations

import json

import pytest

from geomap.outputs import maps

from .cdp import Browser, require_chromium
from .test_maps import HOSPITAL, map_inputs

pytestmark = pytest.mark.browser
READY = "window.geomap && geomap.ready && geomap.details"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    exe = require_chromium("browser check")
    with Browser(exe, str(tmp_path_factory.mktemp("profile"))) as b:
        yield b


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    features, provinces, totals = map_inputs()
    path = maps.write_map(tmp_path_factory.mktemp("map") / "map.html", features, provinces,
                          totals)
    return path, features


def _open(browser, url: str) -> None:
    browser.navigate("about:blank")
    browser.wait_for("document.readyState === 'complete' && location.href === 'about:blank'")
    browser.navigate(url)
    browser.wait_for(READY)


def _ids(features, place_id: str) -> list[str]:
    return [f["properties"]["id"] for f in features if f["properties"]["place_id"] == place_id]


def _screen_point(browser, lat: float, lon: float) -> tuple[float, float]:
    return tuple(browser.evaluate(
        f"(function () {{ var p = geomap.map.latLngToContainerPoint([{lat}, {lon}]);"
        " var r = geomap.map.getContainer().getBoundingClientRect();"
        " return [r.left + p.x, r.top + p.y]; })()"))


def _popup_id(browser):
    return browser.evaluate("(function () { var e = document.querySelector("
                            "'.leaflet-popup-content .geomap-popup[data-id]');"
                            " return e && e.getAttribute('data-id'); })()")


def test_renders_polygons_and_incidents_offline(browser, page):
    path, features = page
    _open(browser, path.as_uri())
    state = browser.evaluate("JSON.stringify({drawn: geomap.drawn, error: geomap.error || null,"
                             " paths: document.querySelectorAll('path.leaflet-interactive').length,"
                             " shown: document.querySelector('.geomap-shown').textContent,"
                             " chart: document.querySelector('.geomap-chart')"
                             ".getAttribute('data-incidents')})")
    state = json.loads(state)
    assert state["error"] is None and state["paths"] == 34
    assert state["drawn"]["markers"] + state["drawn"]["clusters"] >= 3
    assert state["shown"].strip() == f"{len(features)} of {len(features)}"
    assert int(state["chart"]) > 0


def test_hostile_text_is_inert_in_an_open_popup(browser, page):
    path, features = page
    hostile = next(f["properties"]["id"] for f in features
                   if f["properties"]["sources"][0]["file"] == "hostile.txt")
    _open(browser, f"{path.as_uri()}#incident={hostile}")
    browser.wait_for("document.querySelector('.leaflet-popup-content .geomap-popup')")
    assert _popup_id(browser) == hostile                    # that incident, not a neighbour
    assert "PWNED" not in browser.evaluate("document.title")
    content = browser.evaluate("document.querySelector('.leaflet-popup-content').innerHTML")
    assert "&lt;img src=x" in content                       # shown as text
    assert browser.evaluate("document.querySelectorAll('.leaflet-popup-content img, "
                            ".leaflet-popup-content script').length") == 0


def test_click_through_colocated_incidents(browser, page):
    path, features = page
    here = _ids(features, HOSPITAL)
    assert len(here) >= 2
    lon, lat = next(f["geometry"]["coordinates"] for f in features
                    if f["properties"]["place_id"] == HOSPITAL)
    _open(browser, path.as_uri())
    browser.evaluate(f"geomap.map.setView([{lat}, {lon}], 16, {{animate: false}}); true")
    browser.wait_for("geomap.drawn.clusters + geomap.drawn.markers >= 1")
    browser.click(*_screen_point(browser, lat, lon))          # the stack at the hospital
    browser.wait_for("document.querySelector('.leaflet-popup-content .geomap-list')")
    listed = browser.evaluate("Array.from(document.querySelectorAll("
                              "'.geomap-list li a')).map(a => a.getAttribute('data-id'))")
    assert sorted(listed) == sorted(here)
    seen = []
    for k in range(2):
        browser.click_element(f".geomap-list li:nth-child({k + 1}) a")
        browser.wait_for("document.querySelector('.leaflet-popup-content .geomap-back')")
        seen.append(_popup_id(browser))
        text = browser.evaluate("document.querySelector('.leaflet-popup-content').textContent")
        assert seen[-1] in text and "Killed / wounded" in text
        assert browser.evaluate("location.hash") == f"#incident={seen[-1]}"
        browser.click_element(".leaflet-popup-content .geomap-back")   # back to the list
        browser.wait_for("document.querySelector('.leaflet-popup-content .geomap-list')")
    assert seen == listed[:2] and seen[0] != seen[1]


def test_hash_opens_a_colocated_incident_itself(browser, page):
    path, features = page
    for wanted in _ids(features, HOSPITAL):
        _open(browser, f"{path.as_uri()}#incident={wanted}")
        browser.wait_for("document.querySelector('.leaflet-popup-content .geomap-popup')")
        assert _popup_id(browser) == wanted
        back = browser.evaluate("document.querySelector('.geomap-back').textContent")
        assert f"all {len(_ids(features, HOSPITAL))} at this point" in back


def _panel(browser) -> dict:
    return json.loads(browser.evaluate(
        "JSON.stringify({shown: document.querySelector('.geomap-shown').textContent.trim(),"
        " chart: document.querySelector('.geomap-chart').getAttribute('data-incidents'),"
        " killed: document.querySelector('.geomap-chart').getAttribute('data-fatalities'),"
        " bars: document.querySelectorAll('.geomap-chart rect').length,"
        " types: Array.from(document.querySelectorAll('.geomap-types label'))"
        ".map(l => l.textContent)})"))


def _set(browser, selector: str, value: str) -> None:
    browser.evaluate(f"(function () {{ var e = document.querySelector({json.dumps(selector)});"
                     f" e.value = {json.dumps(value)}; e.dispatchEvent(new Event('change'));"
                     " return true; })()")


def test_chart_and_type_filter_follow_the_date_filter(browser, page):
    path, features = page
    _open(browser, path.as_uri())
    before = _panel(browser)
    _set(browser, ".geomap-time input:first-of-type", "2021-10-15")
    after = _panel(browser)
    later = [f for f in features if (f["properties"]["event_date"] or "") >= "2021-10-15"]
    assert after["shown"] == f"{len(later)} of {len(features)}"
    assert int(after["chart"]) < int(before["chart"]) and after["bars"] < before["bars"]
    assert after["types"] != before["types"]                  # per-type counts follow
    explosions = sum(f["properties"]["event_type"] == "Explosions/Remote violence"
                     for f in later)
    assert f"Explosions/Remote violence ({explosions})" in after["types"]
    # unticking a type (a real click) empties its share of the chart and the map
    browser.click_element("input[data-type='Explosions/Remote violence']")
    untyped = _panel(browser)
    assert untyped["shown"] == f"{len(later) - explosions} of {len(features)}"
    assert int(untyped["chart"]) < int(after["chart"])


def test_actor_filter_takes_an_alias(browser, page):
    path, features = page
    _open(browser, path.as_uri())
    _set(browser, ".geomap-actor input", "Daesh")
    iskp = [f for f in features
            if "Islamic State Khorasan Province (ISKP)" in f["properties"]["actors"]
            + [f["properties"]["actor1"], f["properties"]["actor2"]]]
    assert iskp
    assert _panel(browser)["shown"] == f"{len(iskp)} of {len(features)}"
    assert "ISKP" in browser.evaluate("document.querySelector('.geomap-actor-name').textContent")


def test_clicking_a_province_lists_its_incidents(browser, page):
    from shapely.geometry import Point, shape

    path, features = page
    provinces = map_inputs()[1]
    kabul = shape(next(f["geometry"] for f in provinces["features"]
                       if f["properties"]["id"] == "AF-KAB"))
    points = [Point(f["geometry"]["coordinates"]) for f in features]
    # a spot inside Kabul province as far as possible from every incident marker
    minx, miny, maxx, maxy = kabul.bounds
    grid = [Point(minx + (maxx - minx) * i / 20, miny + (maxy - miny) * j / 20)
            for i in range(21) for j in range(21)]
    spot = max((p for p in grid if kabul.contains(p)),
               key=lambda p: min(p.distance(q) for q in points))
    _open(browser, path.as_uri())
    browser.evaluate(f"geomap.map.setView([{spot.y}, {spot.x}], 10, {{animate: false}}); true")
    browser.click(*_screen_point(browser, spot.y, spot.x))
    browser.wait_for("document.querySelector('.leaflet-popup-content .geomap-list')")
    text = browser.evaluate("document.querySelector('.leaflet-popup-content').textContent")
    in_kabul = [f for f in features if f["properties"]["admin1_code"] == "AF-KAB"]
    killed = sum(f["properties"]["fatalities"] or 0 for f in in_kabul)
    assert "Kabul (AF-KAB)" in text
    assert f"{len(in_kabul)} incidents, {killed} killed" in text
    assert browser.evaluate("document.querySelectorAll('.geomap-list li').length") == len(in_kabul)


# -- Dari and Pashto: quotes right to left, unbroken, inert ---------------------------
#: A Dari report of our own, ending in markup that must stay text.
DARI = ("شام دیروز در حمله مسلحانه بر یک پاسگاه پولیس در شهر پل‌خمری، مرکز ولایت بغلان، "
        "چهار پولیس جان باختند. <img src=x onerror=\"document.title='PWNED'\">")


@pytest.fixture(scope="module")
def dari_page(tmp_path_factory):
    from datetime import date

    from geomap.extract.incidents import extract_text
    from geomap.outputs.export import feature_collection

    features, provinces, totals = map_inputs()
    dari = feature_collection(extract_text(DARI, published=date(2022, 3, 10),
                                           source="dari.txt", language=None))["features"]
    assert len(dari) == 1 and dari[0]["properties"]["sources"][0]["language"] == "fa"
    path = maps.write_map(tmp_path_factory.mktemp("dari") / "map.html", features + dari,
                          provinces, totals)
    return path, dari[0]["properties"]


def test_a_dari_quote_reads_right_to_left_in_its_popup(browser, dari_page):
    path, props = dari_page
    _open(browser, f"{path.as_uri()}#incident={props['id']}")
    browser.wait_for("document.querySelector('.leaflet-popup-content blockquote')")
    assert _popup_id(browser) == props["id"]
    shown = json.loads(browser.evaluate("""(function () {
      var quote = document.querySelector('.leaflet-popup-content blockquote.geomap-quote');
      var q = quote.querySelector('q'), cite = quote.querySelector('cite');
      var style = getComputedStyle(quote), table = document.querySelector('.geomap-popup table');
      var first = document.createRange(), text = q.firstChild;
      first.setStart(text, 0); first.setEnd(text, 1);
      var box = quote.getBoundingClientRect(), start = first.getBoundingClientRect();
      return JSON.stringify({direction: style.direction, bidi: style.unicodeBidi,
        spacing: style.letterSpacing, text: q.textContent, html: quote.innerHTML,
        citeDirection: getComputedStyle(cite).direction, cite: cite.textContent,
        tableDirection: getComputedStyle(table).direction,
        startsRight: start.right > box.left + box.width / 2,
        citeLeftOfStart: cite.getBoundingClientRect().left < start.left,
        images: document.querySelectorAll('.leaflet-popup-content img').length,
        title: document.title});
    })()"""))
    quote = props["sources"][0]["quote"]
    assert shown["direction"] == "rtl" and shown["bidi"] == "plaintext"
    assert shown["spacing"] == "normal"                       # letters stay joined
    assert shown["text"] == quote and "<img" in quote        # the quote whole, as text
    assert "&lt;img src=x" in shown["html"] and shown["images"] == 0
    assert "PWNED" not in shown["title"]
    assert shown["startsRight"]                # the first word at the right edge
    assert shown["cite"] == "(dari.txt)" and shown["citeDirection"] == "ltr"
    assert shown["citeLeftOfStart"]            # the file name after it, to its left
    assert shown["tableDirection"] == "ltr"    # the English fields stay left to right


def test_an_english_quote_stays_left_to_right(browser, dari_page):
    path, _ = dari_page
    english = next(f["properties"] for f in map_inputs()[0]
                   if f["properties"]["sources"][0]["file"] == "b.txt")
    _open(browser, f"{path.as_uri()}#incident={english['id']}")
    browser.wait_for("document.querySelector('.leaflet-popup-content blockquote')")
    assert browser.evaluate("getComputedStyle(document.querySelector("
                            "'.leaflet-popup-content blockquote')).direction") == "ltr"
