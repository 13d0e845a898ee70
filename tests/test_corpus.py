"""Corpus scale: batched, resumable ingest (a real kill -9), readers during a real
concurrent ingest, and identical results for --jobs 1, --jobs 2 and a real Dask
LocalCluster with worker processes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import warnings

import pytest
from typer.testing import CliRunner

from geomap.cli import app
from geomap.pipeline import FIRST_PARTITION_ARTICLES

from .conftest import ROOT
from .synthetic import articles, write_jsonl

BATCH = 10
#: Articles the ingest below has committed when it waits for more input: the first
#: partition is extracted, and all of its full batches are committed.
COMMITTED = FIRST_PARTITION_ARTICLES // BATCH * BATCH


def _rows(db) -> tuple[list, list]:
    """Everything an ingest decides: the articles and the incidents, in a fixed order."""
    with sqlite3.connect(db) as con:
        arts = con.execute("SELECT key, source, published, incidents FROM articles "
                           "ORDER BY key").fetchall()
        incs = con.execute("SELECT * FROM incidents ORDER BY id").fetchall()
    return arts, incs


def _count(db) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, gaz):
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    write_jsonl(path, 240, gaz)
    return path


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """The store of one uninterrupted --jobs 1 ingest of the corpus."""
    db = tmp_path_factory.mktemp("ref") / "ref.sqlite"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--quiet",
                                      "--batch-size", str(BATCH)])
    assert result.exit_code == 0, result.output
    return _rows(db)


def test_reference_has_merged_reports(reference):
    arts, incs = reference
    assert len(arts) == 240 and 0 < len(incs) < 240
    assert any(row[-1].count('"file"') > 1 for row in incs)       # merged sources


def _ingest_from_fifo(fifo, db):
    """A real ``geomap ingest`` process reading a FIFO the test writes to."""
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-m", "geomap", "ingest", str(fifo), "--db",
                             str(db), "--batch-size", str(BATCH), "--quiet"],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True)
    writer = open(fifo, "w", encoding="utf-8")
    return proc, writer


def _wait_for(db, proc, n: int) -> None:
    deadline = time.monotonic() + 60
    while _count(db) < n:
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline, "the ingest did not commit its first batches"
        time.sleep(0.05)


def test_kill_9_then_rerun_equals_an_uninterrupted_run(corpus, reference, tmp_path):
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    path, db = tmp_path / "corpus.jsonl", tmp_path / "s.sqlite"
    proc, writer = _ingest_from_fifo(path, db)
    writer.writelines(lines[:FIRST_PARTITION_ARTICLES + 6])     # a batch is now in flight
    writer.flush()
    _wait_for(db, proc, COMMITTED)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    writer.close()
    assert _count(db) == COMMITTED                        # only the batch in flight lost
    os.unlink(path)
    path.write_text("".join(lines), encoding="utf-8")     # the same input, now a file
    again = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db), "--quiet",
                                     "--batch-size", str(BATCH)])
    assert again.exit_code == 0, again.output
    assert f"{COMMITTED} already stored" in again.stderr
    ref_articles, ref_incidents = reference
    articles_, incidents = _rows(db)
    assert [a[0] for a in articles_] == [a[0] for a in ref_articles]
    # sources name the file, and the reference read it from another folder
    assert [(i[0],) + i[1:-1] for i in incidents] == [(i[0],) + i[1:-1] for i in ref_incidents]
    assert [i[-1].replace(str(tmp_path), "") for i in incidents] == \
        [i[-1].replace(str(corpus.parent), "") for i in ref_incidents]


def test_readers_answer_while_an_ingest_is_writing(corpus, tmp_path):
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    fifo, db = tmp_path / "feed.jsonl", tmp_path / "s.sqlite"
    proc, writer = _ingest_from_fifo(fifo, db)
    try:
        writer.writelines(lines[:FIRST_PARTITION_ARTICLES + 6])
        writer.flush()
        _wait_for(db, proc, COMMITTED)        # the writer now holds an open transaction
        runner = CliRunner()
        for args in (["query", "--format", "json"], ["provinces", "--format", "csv"],
                     ["map", "-o", str(tmp_path / "map.html")]):
            result = runner.invoke(app, args + ["--db", str(db)])
            assert result.exit_code == 0, (args, result.output)
        assert proc.poll() is None                        # still ingesting
        writer.writelines(lines[FIRST_PARTITION_ARTICLES + 6:])
    finally:
        writer.close()
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    assert _count(db) == len(lines)


def test_jobs_2_stores_exactly_what_jobs_1_stores(corpus, reference, tmp_path):
    db = tmp_path / "j2.sqlite"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--jobs", "2",
                                      "--quiet", "--batch-size", str(BATCH)])
    assert result.exit_code == 0, result.output
    assert _rows(db) == reference


def test_dask_cluster_stores_exactly_what_jobs_1_stores(corpus, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      host="127.0.0.1", dashboard_address=None) as cluster:
            db = tmp_path / "dask.sqlite"
            result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db),
                                              "--scheduler", cluster.scheduler_address,
                                              "--quiet", "--batch-size", str(BATCH)])
    assert result.exit_code == 0, result.output
    assert _rows(db) == reference


def test_unreachable_scheduler_is_one_line(corpus, tmp_path):
    dask = pytest.importorskip("dask")
    db = tmp_path / "none.sqlite"
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db),
                                          "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 3 and "cannot reach the Dask scheduler" in result.stderr
    assert result.stderr.count("\n") == 1


def test_progress_on_stderr_and_quiet(corpus, tmp_path):
    runner = CliRunner()
    loud = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "a.sqlite")])
    (line,) = [l for l in loud.stderr.splitlines() if l.startswith("geomap: ingest:")]
    for part in ("240 (100%) articles", "articles/s", "incidents", "0 skipped"):
        assert part in line
    quiet = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "b.sqlite"),
                                "--quiet"])
    assert "geomap: ingest:" not in quiet.stderr


def test_synthetic_corpus_is_deterministic(gaz):
    assert list(articles(30, gaz)) == list(articles(30, gaz))


def test_jobs_0_means_one_worker_per_available_core():
    from geomap.pipeline import workers_for

    assert workers_for(0) == len(os.sched_getaffinity(0))
    assert workers_for(3) == 3
    with pytest.raises(ValueError):
        workers_for(-1)


def test_a_partition_over_the_wire_gives_what_it_gives_in_process(corpus):
    import pickle

    from geomap.pipeline import process_encoded, process_partition
    from geomap.sources import Article, read_sources

    part = list(read_sources([corpus], on_error=print))[:40]
    part.append(Article("", None, "empty.txt"))                 # an error outcome too
    here = process_partition(part)
    assert any(o.incidents for o in here) and here[-1].error
    assert pickle.loads(process_encoded(pickle.dumps(part))) == here
