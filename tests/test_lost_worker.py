"""A worker process killed mid-run loses nothing: ``ingest --jobs 2`` (the local pool is
started again and its unfinished partitions re-run) and ``ingest --scheduler`` on a real
Dask ``LocalCluster`` (the scheduler re-runs the dead worker's partitions) store exactly
the rows of a serial ingest; a partition whose workers die every time is a clear error.

The worker kills itself with SIGKILL: the pipeline's :func:`~geomap.pipeline.process_encoded`
is replaced, in the test process only, by :func:`_killed_once`, which the executor sends to
its workers by name. Nothing in geomap itself can kill a worker.
"""

from __future__ import annotations

import os
import pickle
import signal
import warnings

import pytest
from typer.testing import CliRunner

from geomap import pipeline
from geomap.cli import app

from .test_corpus import BATCH, _rows, corpus, reference  # noqa: F401  (fixtures)

#: The article whose partition's worker is killed: in the second partition, which runs
#: beside the first and the third.
VICTIM = "syn-100"
#: The file whose creation marks the one death (workers inherit the variable).
MARKER = "GEOMAP_TEST_KILL_MARKER"


def _kill_if_victim(partition: bytes, once: bool) -> None:
    if not any(a.id == VICTIM for a in pickle.loads(partition)):
        return
    if once:
        try:
            os.close(os.open(os.environ[MARKER], os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return                                  # died once already
    os.kill(os.getpid(), signal.SIGKILL)


def _killed_once(partition: bytes) -> bytes:
    """:func:`~geomap.pipeline.process_encoded`, but the worker process that first gets
    the victim's partition is killed."""
    _kill_if_victim(partition, once=True)
    return pipeline.process_encoded(partition)


def _killed_always(partition: bytes) -> bytes:
    """The same, but every worker that gets the victim's partition is killed."""
    _kill_if_victim(partition, once=False)
    return pipeline.process_encoded(partition)


def _ingest(corpus, db, *options):
    return CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--quiet",
                                    "--batch-size", str(BATCH), *options])


@pytest.fixture
def killer(monkeypatch, tmp_path):
    """Install a killing ``process_encoded``; returns the marker file of the death."""
    marker = tmp_path / "killed"
    monkeypatch.setenv(MARKER, str(marker))

    def install(fn):
        monkeypatch.setattr(pipeline, "process_encoded", fn)
        return marker
    return install


def test_jobs_2_loses_nothing_when_a_worker_is_killed(corpus, reference, killer, tmp_path):
    marker = killer(_killed_once)
    result = _ingest(corpus, tmp_path / "j2.sqlite", "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert marker.exists()                                  # a worker did die
    assert _rows(tmp_path / "j2.sqlite") == reference


def test_a_partition_that_kills_every_worker_is_a_clear_error(corpus, killer, tmp_path):
    killer(_killed_always)
    result = _ingest(corpus, tmp_path / "dead.sqlite", "--jobs", "2")
    assert result.exit_code == 3, result.output
    assert f"a worker process died {pipeline.ATTEMPTS} times" in result.stderr
    assert "--jobs 1" in result.stderr and result.stderr.count("\n") == 1


def test_dask_loses_nothing_when_a_worker_is_killed(corpus, reference, killer, tmp_path):
    distributed = pytest.importorskip("distributed")
    marker = killer(_killed_once)                 # (before the workers start: they inherit it)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      host="127.0.0.1", dashboard_address=None) as cluster:
            result = _ingest(corpus, tmp_path / "dask.sqlite",
                             "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert marker.exists()
    assert _rows(tmp_path / "dask.sqlite") == reference
