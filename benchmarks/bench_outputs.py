"""Store, query, GeoJSON and map at scale: 100,000 synthetic incidents.

    python benchmarks/bench_outputs.py [--n 100000] [--repeats 3] [--map-only]

Incidents are placed at random gazetteer places (deterministic seed) with random
dates over five years, so the store's same-event check runs as in real use.
Prints: ingest rate, province query latency (library and a cold CLI process),
GeoJSON write time and size, map build time and size, and time to render the
map in headless chromium (when installed): load + first render of the full page
against the same page with the province layer alone, each in a fresh chromium
(headless, no sandbox, no GPU, no background networking, fresh profile) driven over
the DevTools pipe (tests/cdp.py), and how long the date filter takes at that size.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geomap import load_gazetteer  # noqa: E402
from geomap.outputs.export import feature_collection, write_geojson
from geomap.incident import Incident, SourceRef
from geomap.outputs.maps import write_map
from geomap.text.reader import make_document
from geomap.store.incidents import Store

TYPES = [("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Explosions/Remote violence", "Suicide bomb"), ("Battles", "Armed clash"),
         ("Violence against civilians", "Attack")]


def synthetic(n: int, gaz) -> list[tuple]:
    rng = random.Random(42)
    places = [p for p in gaz.places.values() if p.kind != "province"]
    items = []
    per_article = 10
    for a in range(0, n, per_article):
        doc = make_document(f"synthetic article {a}", published=date(2021, 1, 1), source=f"syn{a}")
        incidents = []
        for k in range(per_article):
            place = rng.choice(places)
            day = date(2017, 1, 1) + timedelta(days=rng.randrange(5 * 365))
            etype, sub = rng.choice(TYPES)
            quote = f"Synthetic report {a + k} of an incident at {place.name}."
            incidents.append(Incident(
                event_type=etype, sub_event_type=sub, location=place.name, place=place,
                geo_precision=1, where_prec=1, event_date=day, date_precision="day",
                fatalities=rng.randrange(0, 30), injured=rng.randrange(0, 50),
                actors=("Taliban",), target=None,
                sources=(SourceRef(f"syn{a}", quote, k, k + 10, date(2021, 1, 1)),),
                reason="synthetic"))
        items.append((doc, incidents))
    return items


def _page_times(url: str, ready: str) -> tuple[float, float]:
    """(seconds from chromium's start to ``ready``, ms from navigation start to the
    first render as the page measured it)."""
    from tests.cdp import Browser, find_chromium

    with Browser(find_chromium()) as browser:
        browser.navigate(url)
        browser.wait_for(ready, timeout=120, interval=0.01)
        wall = time.perf_counter() - browser.started
        in_page = browser.evaluate(
            "window.geomap ? geomap.firstRender : performance.getEntriesByType("
            "'navigation')[0].loadEventEnd")
        if "geomap" in ready:        # the date filter at this size: half the period
            filtered = browser.evaluate("""(function () {
                var inputs = document.querySelectorAll('.geomap-time input');
                var t = performance.now();
                inputs[0].value = '2019-01-01';
                inputs[0].dispatchEvent(new Event('change'));
                return [performance.now() - t,
                        document.querySelector('.geomap-shown').textContent]; })()""")
            marks = browser.evaluate("JSON.stringify(geomap.marks)")
            print(f"  in-page marks (ms from navigation start): {marks}; date filter at "
                  f"this size: {filtered[0]:.0f} ms, shown:{filtered[1]}")
    return wall, in_page


def measure_map(full: Path, provinces_only: Path, repeats: int) -> None:
    from tests.cdp import find_chromium

    if find_chromium() is None:
        print("chromium not installed: render time not measured")
        return
    print(f"map.html {full.stat().st_size / 1e6:.2f} MB; province layer alone "
          f"{provinces_only.stat().st_size / 1e6:.2f} MB")
    pages = (("provinces only", provinces_only,
              "document.readyState === 'complete' && "
              "document.querySelectorAll('path.leaflet-interactive').length >= 34"),
             ("full map", full, "document.documentElement.getAttribute('data-geomap')"
                                " === 'ready'"))
    runs = {name: [] for name, _, _ in pages}
    for _ in range(repeats):          # interleaved, so both pages see the same machine load
        for name, path, ready in pages:
            runs[name].append(_page_times(path.as_uri(), ready))
    results = {}
    for name, _, _ in pages:
        wall = statistics.median(r[0] for r in runs[name])
        page = statistics.median(r[1] for r in runs[name])
        results[name] = (wall, page)
        print(f"{name}: chromium start + load + first render {wall:.2f} s "
              f"(median of {repeats}; in page {page:.0f} ms from navigation start)")
    (fw, fp), (pw, pp) = results["full map"], results["provinces only"]
    print(f"full / provinces only: {fw / pw:.2f}x wall, {fp / pp:.2f}x in page")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--map-only", action="store_true",
                        help="skip the store and query figures; map the synthetic records")
    args = parser.parse_args()
    gaz = load_gazetteer()
    items = synthetic(args.n, gaz)
    work = Path(tempfile.mkdtemp(prefix="geomap-bench-"))
    provinces = {"type": "FeatureCollection", "features": [
        f for f in gaz.boundaries()["features"] if f["properties"]["kind"] == "province"]}
    if args.map_only:
        everything = [inc for _, incidents in items for inc in incidents]
        totals = {}
        for inc in everything:
            t = totals.setdefault(inc.place.admin1_code,
                                  {"incidents": 0, "fatalities": 0, "injured": 0})
            t["incidents"] += 1
            t["fatalities"] += inc.fatalities or 0
            t["injured"] += inc.injured or 0
        map_and_measure(work, everything, provinces, totals, args)
        shutil.rmtree(work)
        return
    db = work / "store.sqlite"
    start = time.perf_counter()
    with Store(db, gazetteer=gaz) as store:
        report = store.ingest(items)
        elapsed = time.perf_counter() - start
        print(f"ingest: {args.n:,} incidents in {elapsed:.1f} s = {args.n / elapsed:,.0f}/s "
              f"({report.incidents_merged:,} merged as same events); "
              f"store {db.stat().st_size / 1e6:.1f} MB")
        times = []
        for _ in range(5):
            t = time.perf_counter()
            found = store.incidents(admin1_code="AF-KAN")
            times.append(time.perf_counter() - t)
        print(f"query province (library, warm): {statistics.median(times) * 1000:.0f} ms "
              f"for {len(found):,} incidents")
        everything = store.incidents()
    exe = Path(sys.executable).with_name("geomap")
    cold = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([str(exe), "query", "--province", "Kandahar", "--format", "json",
                        "--db", str(db)], check=True, capture_output=True)
        cold.append(time.perf_counter() - t)
    print(f"query --province Kandahar --format json (cold CLI): median "
          f"{statistics.median(cold):.2f} s")
    t = time.perf_counter()
    path = write_geojson(work / "incidents.geojson", everything)
    print(f"GeoJSON: {time.perf_counter() - t:.1f} s, {path.stat().st_size / 1e6:.1f} MB")
    with Store(db, gazetteer=gaz) as store:
        totals = store.province_totals()
    map_and_measure(work, everything, provinces, totals, args)
    shutil.rmtree(work)


def map_and_measure(work: Path, everything, provinces, totals, args) -> None:
    t = time.perf_counter()
    html = write_map(work / "map.html", feature_collection(everything)["features"],
                     provinces, totals)
    print(f"map: built and written in {time.perf_counter() - t:.1f} s, "
          f"{html.stat().st_size / 1e6:.1f} MB")
    provinces_only = write_map(work / "provinces.html", [], provinces, totals,
                               incident_layer=False)
    measure_map(html, provinces_only, repeats=args.repeats)


if __name__ == "__main__":
    main()
