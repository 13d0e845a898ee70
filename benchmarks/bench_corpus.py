"""Corpus scale: ingest throughput and memory, store growth, cold query at 1M incidents.

    python benchmarks/bench_corpus.py [--mb 150] [--stored 0,100000,1000000]
                                      [--runs jobs1,jobs2,stdin,dask1,dask2] [--repeat N]
                                      [--corpus FILE] [--skip-ingest] [--skip-store]
                                      [--keep DIR]

1. Builds a synthetic JSONL corpus of about ``--mb`` MB (offline, generated: mostly
   non-violent ~3 KB articles, a realistic share of incident reports, some events told
   twice; see tests/synthetic.py) and ingests it with ``geomap ingest`` as a separate
   process: ``--jobs 1``, ``--jobs 2``, the corpus piped through stdin (``-``), and a 1-
   and a 2-worker Dask LocalCluster (``--scheduler``; a new cluster for each run, started
   before the clock, its workers of one thread each). Prints articles/s, the peak RSS of
   the ingest process tree (sampled from /proc) and the CPU seconds of the client, the
   scheduler with the nannies, and each worker; checks that every run stored the same
   incidents. ``--repeat N`` runs the list N times in turn and prints the median of the
   speed-ups taken within each round (the machine is shared: its speed drifts).
2. Fills stores with 0 / 100,000 / 1,000,000 synthetic incidents directly via SQL (at
   a fixed density of DENSITY incidents a day, so a bigger store spans more years),
   then times ``Store.ingest`` of one batch of 500 already-extracted articles into each:
   the per-batch ingest rate should stay flat as the store grows. One more store packs
   the 1,000,000 into five years, to show what a denser store costs: the same-event
   lookup must look at every report of the same district and weeks.
3. Times ``geomap query --province Kunduz`` (JSON and table) in a new process against
   the 1,000,000-incident store (OS page cache dropped first when allowed).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import statistics
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap import load_gazetteer  # noqa: E402
from geomap.incident import Incident, SourceRef  # noqa: E402
from geomap.pipeline import process  # noqa: E402
from geomap.store.incidents import Store  # noqa: E402
from tests.synthetic import articles  # noqa: E402

GEOMAP = [sys.executable, "-m", "geomap"]
TYPES = [("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Explosions/Remote violence", "Suicide bomb"), ("Battles", "Armed clash"),
         ("Violence against civilians", "Attack")]


# -- memory of a process tree -----------------------------------------------------

def _tree_rss(root: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a live process, from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


@dataclass(frozen=True)
class Measured:
    """One ingest run: wall seconds, peak RSS of its process tree (plus any Dask worker
    trees), and CPU seconds of the ingest process with its reaped children (the client:
    reading, store, and for ``--jobs N`` its worker processes), of the Dask workers, and of
    this process's other threads (a LocalCluster's scheduler and nannies run here)."""

    seconds: float
    peak: int
    cpu_client: float
    cpu_workers: tuple[float, ...]
    cpu_here: float
    stderr: str

    @property
    def cpu(self) -> float:
        return self.cpu_client + sum(self.cpu_workers) + self.cpu_here


def run_measured(args: list[str], stdin=None, extra_pids=()) -> Measured:
    """Run ``args`` and measure it (see :class:`Measured`); ``extra_pids`` are processes
    that work for it without being its children (Dask workers)."""
    start = time.perf_counter()
    here = time.process_time() - time.thread_time()
    extra_cpu = [_cpu_seconds(p) for p in extra_pids]
    proc = subprocess.Popen(args, stdin=stdin, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak = 0
    err_chunks: list[str] = []
    reader = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()))
    reader.start()
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _tree_rss(proc.pid) + sum(_tree_rss(p) for p in extra_pids))
        time.sleep(0.2)
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join()
    elapsed = time.perf_counter() - start
    workers = tuple(_cpu_seconds(p) - c for p, c in zip(extra_pids, extra_cpu))
    here = time.process_time() - time.thread_time() - here
    if proc.returncode != 0:
        raise SystemExit(f"{args} failed ({proc.returncode}): {''.join(err_chunks)[-2000:]}")
    return Measured(elapsed, peak, usage.ru_utime + usage.ru_stime, workers, here,
                    "".join(err_chunks))


def _stored(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT id, event_date, place_id, fatalities, injured "
                           "FROM incidents ORDER BY id").fetchall()


def _sorted_events(rows):
    return sorted(tuple(str(v) for v in r[1:]) for r in rows)


# -- 1. ingest throughput -------------------------------------------------------------

def build_corpus(path: Path, mb: float, gaz) -> int:
    target = int(mb * 1024 * 1024)
    size = n = 0
    with open(path, "w", encoding="utf-8") as handle:
        for record in articles(10**9, gaz, seed=11, violent_share=0.2, filler=15):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            handle.write(line)
            size += len(line.encode("utf-8"))
            n += 1
            if size >= target:
                break
    return n


#: The ingest runs of section 1: label -> (geomap ingest options, Dask workers or None).
INGEST_RUNS = {"jobs1": ([], None), "jobs2": (["--jobs", "2"], None),
               "dask1": (["--scheduler"], 1), "dask2": (["--scheduler"], 2),
               "stdin": (["-"], None)}
LABELS = {"jobs1": "--jobs 1", "jobs2": "--jobs 2", "dask1": "Dask LocalCluster, 1 worker",
          "dask2": "Dask LocalCluster, 2 workers", "stdin": "stdin pipe, --jobs 1"}
#: Speed-ups printed: (faster, baseline).
RATIOS = [("jobs2", "jobs1"), ("dask2", "jobs1"), ("dask2", "dask1"), ("dask1", "jobs1"),
          ("dask2", "jobs2")]


@contextmanager
def _cluster(workers: int | None):
    """(scheduler address, worker pids) of a new LocalCluster (workers of one thread, each
    its own process, as ``dask worker --nthreads 1`` starts them), or (None, ())."""
    if workers is None:
        yield None, ()
        return
    import distributed

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                      processes=True, host="127.0.0.1",
                                      dashboard_address=None) as cluster:
            yield cluster.scheduler_address, [w.process.pid for w in cluster.workers.values()]


def bench_ingest(work: Path, mb: float, gaz, runs: list[str], repeat: int,
                 corpus: Path | None = None) -> None:
    if corpus is None:
        corpus = work / "corpus.jsonl"
        t = time.perf_counter()
        n = build_corpus(corpus, mb, gaz)
        made = f"generated in {time.perf_counter() - t:.0f} s"
    else:
        with open(corpus, "rb") as handle:
            n = sum(1 for _ in handle)
        made = "given"
    size = corpus.stat().st_size
    print(f"corpus: {n:,} articles, {size / 2**20:,.0f} MB ({made})")
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("  (Dask not installed: pip install 'geomap[dask]'; its runs are left out)")
        runs = [r for r in runs if INGEST_RUNS[r][1] is None]
    results: dict[str, list] = {}
    seconds: dict[str, list[float]] = {r: [] for r in runs}

    def one(label: str) -> None:
        options, workers = INGEST_RUNS[label]
        db = work / f"{label}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        with _cluster(workers) as (address, pids):       # started before the clock
            stdin = open(corpus, "rb") if label == "stdin" else None
            source = "-" if stdin else str(corpus)
            extra = options + [address] if address else [o for o in options if o != "-"]
            args = GEOMAP + ["ingest", source, "--db", str(db), "--quiet"] + extra
            load = os.getloadavg()[0]
            try:
                m = run_measured(args, stdin=stdin, extra_pids=pids)
            finally:
                if stdin:
                    stdin.close()
        results[label] = _stored(db)
        seconds[label].append(m.seconds)
        split = f"client {m.cpu_client:.1f}"
        if pids:
            split += (f" + scheduler/nannies {m.cpu_here:.1f} + workers "
                      + " + ".join(f"{c:.1f}" for c in m.cpu_workers))
        print(f"  {LABELS[label]:<29} {m.seconds:6.1f} s {n / m.seconds:6,.0f} articles/s "
              f"{size / 2**20 / m.seconds:5.2f} MB/s  peak RSS {m.peak / 2**20:4,.0f} MB  "
              f"CPU {m.cpu:6.1f} s ({split}; {n / m.cpu:4,.0f} articles/CPU-s)  "
              f"load before {load:.1f}  ({len(results[label]):,} incidents)", flush=True)

    print("ingest (separate process; RSS = the whole process tree incl. workers; CPU = "
          "all its processes, Dask's scheduler and nannies included; 'load before' = 1-min "
          "load average: other work on the machine slows the wall-clock figures):")
    for round_ in range(repeat):
        if repeat > 1:
            print(f" round {round_ + 1} of {repeat}:")
        for label in runs:
            one(label)
    how = "median of the rounds, each ratio taken within a round" if repeat > 1 else "one round"
    print(f" speed-up (articles/s; {how}):")
    for fast, base in RATIOS:
        if fast in seconds and base in seconds:
            ratios = [b / f for f, b in zip(seconds[fast], seconds[base])]
            print(f"  {LABELS[fast]} / {LABELS[base]}: {statistics.median(ratios):.2f}x"
                  + (f" (rounds: {', '.join(f'{r:.2f}' for r in ratios)})" if repeat > 1 else ""))
    if repeat > 1:
        print("  median articles/s: " + ", ".join(
            f"{LABELS[r]} {n / statistics.median(seconds[r]):,.0f}" for r in runs))
    # ids include the source name, which is "-" for the pipe, and the store breaks ties
    # between merge candidates by id: the piped run may merge differently, so compare
    # only what does not depend on the name
    named = [r for r in runs if r != "stdin"]
    if len(named) > 1:
        same = all(results[r] == results[named[0]] for r in named)
        print(f"  {', '.join(LABELS[r] for r in named)} stored the same incidents "
              f"(ids included): {same}")
    if "stdin" in runs and named:
        same_piped = _sorted_events(results["stdin"]) == _sorted_events(results[named[0]])
        print(f"  the pipe stored the same (date, place, counts) rows: {same_piped}")


# -- 2. store growth --------------------------------------------------------------

#: Stored incidents per day in the store-growth test: about twice the busiest months of
#: the war in Afghanistan, so a bigger store covers more years, as real stores grow.
DENSITY = 100


def fill_store(db: Path, n: int, gaz, days: int | None = None) -> None:
    """``n`` synthetic incidents at random places, on random days of the ``days`` (default
    ``n / DENSITY``) days up to 2021-12-31, straight via SQL."""
    days = days or max(365, n // DENSITY)
    first = date(2021, 12, 31) - timedelta(days=days - 1)
    with Store(db, gazetteer=gaz):
        pass
    rng = random.Random(42)
    places = sorted(gaz.places.values(), key=lambda p: p.id)
    con = sqlite3.connect(db)
    con.execute("PRAGMA synchronous = OFF")
    rows, keys = [], []
    for i in range(n):
        place = rng.choice(places)
        day = first + timedelta(days=rng.randrange(days))
        etype, sub = rng.choice(TYPES)
        inc = Incident(event_type=etype, sub_event_type=sub, location=place.name, place=place,
                       geo_precision=1, where_prec=1, event_date=day, date_precision="day",
                       fatalities=rng.randrange(0, 30), injured=rng.randrange(0, 50),
                       actors=("Taliban",), target=None,
                       sources=(SourceRef(f"stored{i}", f"Stored report {i}.", 0, 10, day),),
                       reason="synthetic", id=f"inc-s{i:010d}")
        rows.append((inc.id, day.isoformat(), "day", etype, sub, place.admin1_code,
                     place.admin2_id or None, place.id, place.lat, place.lon, inc.fatalities,
                     inc.injured, None, json.dumps(inc.properties(), ensure_ascii=False)))
        # (an article a report: the ingest's "stored already?" lookup meets a full table)
        keys.append((f"bench-article-{i:010d}", f"stored{i}", day.isoformat(), 1))
        if len(rows) == 50_000:
            _insert(con, rows, keys)
    _insert(con, rows, keys)
    con.commit()
    con.close()


def _insert(con, rows: list, keys: list) -> None:
    con.executemany("INSERT INTO incidents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO articles (key, source, published, incidents) "
                    "VALUES (?,?,?,?)", keys)
    rows.clear()
    keys.clear()


def bench_store(work: Path, sizes: list[int], gaz) -> Path | None:
    extracted = [(a.document(), process(a, gaz)) for a in read_sources_from_records(
        articles(1000, gaz, seed=5, violent_share=0.5, filler=1))]
    warm, batch = extracted[:500], extracted[500:]
    n_inc = sum(len(i) for _, i in batch)
    print(f"store growth: one batch = 500 articles, {n_inc} incidents (extracted "
          "beforehand; only Store.ingest is timed, after a first batch into the same store "
          "as in a running ingest; best of 3)")
    biggest = None
    runs = [(size, None) for size in sizes] + [(max(sizes), 5 * 365)]
    for size, days in runs:
        base = work / f"stored_{size}_{days}.sqlite"
        t = time.perf_counter()
        fill_store(base, size, gaz, days)
        filled = time.perf_counter() - t
        best = best_cpu = float("inf")
        for _ in range(3):
            db = work / "trial.sqlite"
            shutil.copy(base, db)
            os.sync()      # (the copy's write-back must not land in the timed batch)
            with Store(db, gazetteer=gaz) as store:
                store.ingest(warm)
                t, c = time.perf_counter(), time.process_time()
                report = store.ingest(batch)
                best = min(best, time.perf_counter() - t)
                best_cpu = min(best_cpu, time.process_time() - c)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
        span = (f"{DENSITY}/day" if days is None else
                 f"{size / days:,.0f}/day, all in {days // 365} years")
        print(f"  {size:>9,} stored ({span}): {n_inc / best:7,.0f} incidents/s wall, "
              f"{n_inc / best_cpu:7,.0f} per CPU-s  ({best * 1000:5.0f} ms wall, "
              f"{best_cpu * 1000:5.0f} ms CPU per batch; {report.incidents_merged} merged; "
              f"store filled in {filled:.0f} s)")
        if days is None:
            biggest = base
    return biggest


def read_sources_from_records(records):
    import io

    from geomap.sources import read_stream

    data = "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")
    return read_stream(io.BytesIO(data), "jsonl", "batch.jsonl")


# -- 3. cold query -----------------------------------------------------------------

def bench_query(db: Path) -> None:
    with sqlite3.connect(db) as con:
        n = con.execute("SELECT count(*) FROM incidents").fetchone()[0]
        k = con.execute("SELECT count(*) FROM incidents WHERE admin1_code = 'AF-KDZ'"
                        ).fetchone()[0]
    print(f"query, a new process each time, store of {n:,} incidents (Kunduz has {k:,}); "
          "median of 3 with the OS page cache warm, then one with it dropped (if allowed):")
    for extra in (["--format", "json"], ["--format", "table"], ["--format", "csv"],
                  ["--since", "2021-12-01", "--format", "table"]):
        args = GEOMAP + ["query", "--province", "Kunduz", "--db", str(db)] + extra
        warm = [_timed(args) for _ in range(3)]
        dropped = _timed(args) if _drop_caches() else None
        wall, cpu = sorted(warm)[1]
        print(f"  query --province Kunduz {' '.join(extra):<34} {wall:.2f} s "
              f"(CPU {cpu:.2f} s)" + (f"; page cache dropped {dropped[0]:.2f} s"
                                       if dropped else ""))


def _timed(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of a command."""
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, args
    return time.perf_counter() - t, usage.ru_utime + usage.ru_stime


def _drop_caches() -> bool:
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except OSError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=150, help="corpus size in MB")
    parser.add_argument("--stored", default="0,100000,1000000",
                        help="store sizes for the growth test")
    parser.add_argument("--runs", default="jobs1,jobs2,stdin,dask1,dask2",
                        help=f"ingest runs, in this order: {','.join(INGEST_RUNS)}")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of the ingest runs, interleaved; medians printed")
    parser.add_argument("--corpus", type=Path, help="ingest this JSONL file instead of "
                        "generating --mb of synthetic corpus")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-store", action="store_true")
    parser.add_argument("--keep", type=Path, help="work in this directory and keep it")
    args = parser.parse_args()
    gaz = load_gazetteer()
    work = args.keep or Path(tempfile.mkdtemp(prefix="geomap-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if not args.skip_ingest:
            runs = args.runs.split(",")
            unknown = set(runs) - set(INGEST_RUNS)
            if unknown:
                parser.error(f"unknown --runs: {', '.join(sorted(unknown))}")
            bench_ingest(work, args.mb, gaz, runs, args.repeat, args.corpus)
        if not args.skip_store:
            biggest = bench_store(work, [int(s) for s in args.stored.split(",")], gaz)
            if biggest is not None:
                bench_query(biggest)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
