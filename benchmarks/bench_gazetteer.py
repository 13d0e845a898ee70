"""Gazetteer speed: cold start of the CLI, load time, lookups per second.

    python benchmarks/bench_gazetteer.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

QUERIES = ["Kabul", "Panjshri", "Mazar-e Sharif", "Lashkargah", "ولایت هرات", "Kandahar city",
           "Sangin district", "Ningarhar", "HKIA", "Qunduz", "Maidan Wardak", "Spin Boldak"]


def cold_cli(runs: int = 5) -> list[float]:
    exe = Path(sys.executable).with_name("geomap")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(exe), "geocode", "Kabul", "--json"], check=True,
                       capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    start = time.perf_counter()
    from geomap import load_gazetteer
    gaz = load_gazetteer()
    load = time.perf_counter() - start
    print(f"places: {len(gaz)}; load (import + index): {load * 1000:.0f} ms")
    exact = [q for q in QUERIES if q != "Panjshri"]
    n = 0
    start = time.perf_counter()
    from geomap.places.names import fold, phonetic
    while time.perf_counter() - start < 2.0:
        for q in exact:
            gaz.lookup(q)
        n += len(exact)
    print(f"lookups/s, repeated names (memoised): {n / (time.perf_counter() - start):,.0f}")
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < 2.0:
        for q in exact:
            gaz.clear_cache(); fold.cache_clear(); phonetic.cache_clear()
            gaz.lookup(q)
        n += len(exact)
    print(f"lookups/s, new names (no memo): {n / (time.perf_counter() - start):,.0f}")
    start = time.perf_counter()
    for i in range(200):
        gaz.clear_cache(); fold.cache_clear(); phonetic.cache_clear()
        gaz.lookup(f"Panjshri{'x' * (i % 3)}")
    print(f"fuzzy lookups/s (misspellings, uncached): {200 / (time.perf_counter() - start):,.0f}")
    start = time.perf_counter()
    gaz.reverse(34.5, 69.2)
    print(f"reverse: first call (loads polygons) {1000 * (time.perf_counter() - start):.0f} ms", end="")
    start = time.perf_counter()
    for i in range(2000):
        gaz.reverse(30 + (i % 80) / 10, 61 + (i % 97) / 10)
    print(f"; then {2000 / (time.perf_counter() - start):,.0f} reverse lookups/s")
    times = cold_cli()
    print(f"cold 'geomap geocode Kabul --json': median {statistics.median(times):.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)")


if __name__ == "__main__":
    main()
