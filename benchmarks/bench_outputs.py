"""Store, query, GeoJSON and map at scale: 100,000 synthetic incidents.

    python benchmarks/bench_outputs.py [--n 100000]

Incidents are placed at random gazetteer places (deterministic seed) with random
dates over five years, so the store's same-event check runs as in real use.
Prints: ingest rate, province query latency (library and a cold CLI process),
GeoJSON write time and size, map build time and size, and time to render the
map in headless chromium (when installed).
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

from geomap import load_gazetteer
from geomap.export import feature_collection, write_geojson
from geomap.incident import Incident, SourceRef
from geomap.maps import write_map
from geomap.reader import make_document
from geomap.store import Store

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    gaz = load_gazetteer()
    items = synthetic(args.n, gaz)
    work = Path(tempfile.mkdtemp(prefix="geomap-bench-"))
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
    provinces = {"type": "FeatureCollection", "features": [
        f for f in gaz.boundaries()["features"] if f["properties"]["kind"] == "province"]}
    with Store(db, gazetteer=gaz) as store:
        totals = store.province_totals()
    t = time.perf_counter()
    html = write_map(work / "map.html", feature_collection(everything)["features"],
                     provinces, totals)
    print(f"map: built and written in {time.perf_counter() - t:.1f} s, "
          f"{html.stat().st_size / 1e6:.1f} MB")
    chromium = shutil.which("chromium")
    if chromium:
        t = time.perf_counter()
        result = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", f"--user-data-dir={work / 'profile'}",
             "--virtual-time-budget=30000", "--dump-dom", html.as_uri()],
            capture_output=True, text=True, timeout=600)
        clusters = result.stdout.count("marker-cluster ")
        print(f"map render in headless chromium (load + clustering + DOM dump): "
              f"{time.perf_counter() - t:.1f} s, {clusters} cluster icons on screen")
    else:
        print("chromium not installed: render time not measured")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
