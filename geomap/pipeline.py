"""Articles → incidents, serially, in local worker processes or on a Dask cluster.

One code path for all three: articles are cut into partitions, each partition is handed
to an executor (in-process, a :class:`~concurrent.futures.ProcessPoolExecutor`, or a Dask
``distributed`` client's executor) that runs :func:`process_partition` — which calls the
one pipeline function :func:`geomap.extract.extract` through :func:`process` — and the
results come back in input order. Across processes a partition and its outcomes travel as
one pickled ``bytes`` each way (:func:`process_encoded`). The caller (the store) sees the
same sequence whatever ran it, so ``--jobs 1``, ``--jobs 2`` and a Dask cluster store
exactly the same rows.

Each worker process loads the gazetteer once (it is cached per process) and keeps it for
every partition it runs. Partitions start small, so every worker has work at once, and
double up to :data:`PARTITION_BYTES` of text (about a second of extraction), so what each
one costs besides extraction (a message each way, a scheduler round trip on Dask) is spread
over many articles. At most ``2 × workers`` partitions are in flight, so memory stays
bounded however long the input is.

>>> from datetime import date
>>> from geomap.sources import Article
>>> [r.incidents[0].sources[0].outlet for _, r in run([Article(
...     "A roadside bomb killed three soldiers in Sangin district of Helmand on Monday.",
...     date(2021, 5, 4), "a.txt", outlet="Pajhwok")])]
['Pajhwok']
"""

from __future__ import annotations

import os
import pickle
from collections import deque
from concurrent.futures import BrokenExecutor, Executor, Future
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from .errors import GeomapError
from .incident import Incident
from .sources import Article

__all__ = ["process", "process_partition", "process_encoded", "run", "Outcome", "ClusterError",
           "WorkerError", "workers_for", "ATTEMPTS", "FIRST_PARTITION_ARTICLES",
           "PARTITION_ARTICLES", "PARTITION_BYTES"]

#: The first partition closes at this many articles; each next one may hold twice as many,
#: up to PARTITION_ARTICLES. Any partition also closes at PARTITION_BYTES of text.
FIRST_PARTITION_ARTICLES = 64
PARTITION_ARTICLES = 4096
#: About a second of extraction on one core. Each partition costs a few milliseconds of
#: CPU besides extraction (on Dask: in the client, the scheduler and the worker), so small
#: partitions of 64 articles cost 8-9% more CPU on a 2-worker cluster than these.
PARTITION_BYTES = 2 * 1024 * 1024
#: Times a local partition is handed to a worker process before its workers' deaths are
#: an error (a partition is run again when the pool it ran in lost a process).
ATTEMPTS = 3


class ClusterError(GeomapError, ConnectionError):
    """The Dask scheduler cannot be reached, or its workers cannot run geomap."""


class WorkerError(GeomapError, RuntimeError):
    """A local worker process died every time it ran the same partition."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the pipeline made of one article: its incidents, or why it failed."""

    incidents: tuple[Incident, ...] = ()
    error: str | None = None


def _cite(incident: Incident, article: Article) -> Incident:
    """The incident with the article's url, title and outlet on its sources."""
    sources = tuple(replace(s, url=article.url, title=article.title, outlet=article.outlet)
                    if s.file == article.source else s for s in incident.sources)
    return incident.with_(sources=sources)


def process(article: Article, gazetteer=None) -> list[Incident]:
    """The incidents of one article: :func:`geomap.extract.extract` on its document,
    with what the source said of the article (url, title, outlet) on every source."""
    from .extract.incidents import extract
    from .places.gazetteer import load_gazetteer

    incidents = extract(article.document(), gazetteer or load_gazetteer())
    if article.url or article.title or article.outlet:
        incidents = [_cite(i, article) for i in incidents]
    return incidents


def process_partition(articles: list[Article]) -> list[Outcome]:
    """:func:`process` for each article of a partition (what a worker runs). An article
    the pipeline fails on is returned as an error, not raised, so one bad article
    cannot lose a partition."""
    from .places.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()          # once per worker process: it is cached
    out = []
    for article in articles:
        try:
            out.append(Outcome(tuple(process(article, gazetteer))))
        except Exception as err:        # reported by the caller with the article's name
            out.append(Outcome(error=f"{type(err).__name__}: {err}"))
    return out


def process_encoded(partition: bytes) -> bytes:
    """:func:`process_partition` for a worker in another process: the pickled partition
    in, its pickled outcomes out.

    Dask serializes a list element by element (a header and frames for each article and
    each outcome, 60-100 µs an article on the 2-core project machine); one ``bytes``
    object is one frame, and costs what pickling the list costs.
    """
    return pickle.dumps(process_partition(pickle.loads(partition)), pickle.HIGHEST_PROTOCOL)


def _submit(executor: Executor, part: list[Article]) -> tuple[Future, object]:
    """(future, decode) for ``process_partition(part)`` on ``executor``; ``decode`` turns
    the future's result into the outcomes."""
    if isinstance(executor, _InProcess):
        return executor.submit(process_partition, part), _same
    return (executor.submit(process_encoded, pickle.dumps(part, pickle.HIGHEST_PROTOCOL)),
            pickle.loads)


def _same(outcomes: list[Outcome]) -> list[Outcome]:
    return outcomes


def _warm() -> None:
    from .places.gazetteer import load_gazetteer

    load_gazetteer()


class _InProcess(Executor):
    """An executor that runs each call at once, in this process."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as err:
            future.set_exception(err)
        return future


def workers_for(jobs: int) -> int:
    """Worker processes for ``--jobs``: 0 means one per available core."""
    if jobs < 0:
        raise ValueError("jobs must be 0 (all cores) or more")
    if jobs == 0:
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:             # not on Linux
            return os.cpu_count() or 1
    return jobs


class _LocalPool(Executor):
    """``workers`` local worker processes that can be started afresh (:meth:`restart`)
    when one of them has died (killed by the OOM killer or a signal, or crashed).

    A :class:`~concurrent.futures.ProcessPoolExecutor` that loses a process is broken for
    good: it fails every call it had not finished, and every later one, with
    ``BrokenProcessPool``. Here a call to a broken pool returns a future failed the
    same way, so the caller handles a death in one place (:func:`_rerun`)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = self._start()

    def _start(self) -> Executor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(self.workers, initializer=_warm,
                                   mp_context=multiprocessing.get_context("spawn"))

    def submit(self, fn, /, *args, **kwargs) -> Future:
        try:
            return self._pool.submit(fn, *args, **kwargs)
        except BrokenExecutor as err:
            future: Future = Future()
            future.set_exception(err)
            return future

    def restart(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._start()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._pool.shutdown(wait, cancel_futures=cancel_futures)


@contextmanager
def _executor(jobs: int, scheduler: str | None) -> Iterator[tuple[Executor, int]]:
    if scheduler:
        try:
            from distributed import Client
        except ImportError as err:
            raise ClusterError("--scheduler needs Dask distributed: "
                               "pip install 'geomap[dask]'") from err
        try:
            # connect timeout: dask's distributed.comm.timeouts.connect (30 s by default)
            client = Client(scheduler, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as err:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
        try:
            workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
            yield client.get_executor(pure=False), workers
        finally:
            client.close()
        return
    workers = workers_for(jobs)
    if workers == 1:
        yield _InProcess(), 1
        return
    pool = _LocalPool(workers)
    try:
        yield pool, workers
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _partitions(articles: Iterable[Article]) -> Iterator[list[Article]]:
    """The articles in input order, in partitions of 64, 128, 256… articles (at most
    PARTITION_ARTICLES), each closed early at PARTITION_BYTES of text.

    >>> from geomap.sources import Article
    >>> [len(p) for p in _partitions(Article("x", None, str(i)) for i in range(500))]
    [64, 128, 256, 52]
    """
    part: list[Article] = []
    size = 0
    limit = FIRST_PARTITION_ARTICLES
    for article in articles:
        part.append(article)
        size += len(article.text)
        if len(part) >= limit or size >= PARTITION_BYTES:
            yield part
            part, size = [], 0
            limit = min(2 * limit, PARTITION_ARTICLES)
    if part:
        yield part


def _results(part: list[Article], future: Future, decode, remote: bool):
    try:
        outcomes = decode(future.result())
    except ImportError as err:
        raise ClusterError(f"a Dask worker cannot run geomap ({err}): install geomap "
                           "on every worker machine") from err
    except (OSError, TimeoutError) as err:
        if not remote:
            raise
        raise ClusterError(f"the Dask cluster failed: {err}") from err
    return zip(part, outcomes)


@dataclass(slots=True)
class _Flight:
    """A partition handed to the executor: its future, how to decode the future's
    result, and how many times it has been handed out."""

    part: list[Article]
    future: Future
    decode: object
    attempts: int = 1


def _send(executor: Executor, part: list[Article], attempts: int = 1) -> _Flight:
    return _Flight(part, *_submit(executor, part), attempts)


def _rerun(pool: _LocalPool, window: deque) -> None:
    """After a worker process died: a fresh pool, and every partition of ``window`` it
    had not finished handed out again, each at most :data:`ATTEMPTS` times in all."""
    pool.restart()
    for k, flight in enumerate(window):
        cancelled = flight.future.cancelled()
        error = None if cancelled else flight.future.exception()
        if not cancelled and not isinstance(error, BrokenExecutor):
            continue                            # finished before the death: kept
        if flight.attempts >= ATTEMPTS:
            first, last = flight.part[0].source, flight.part[-1].source
            raise WorkerError(
                f"a worker process died {ATTEMPTS} times while extracting the articles "
                f"{first} to {last} ({len(flight.part)} articles); run with --jobs 1 "
                "to see which article it is") from error
        window[k] = _send(pool, flight.part, flight.attempts + 1)


def _oldest(executor: Executor, window: deque, remote: bool):
    """The ``(article, outcome)`` pairs of the oldest partition in flight, taken off
    ``window``; a local worker process that died on the way costs a re-run, not the
    partition."""
    while True:
        flight = window[0]
        try:
            results = _results(flight.part, flight.future, flight.decode, remote)
        except BrokenExecutor:
            if not isinstance(executor, _LocalPool):
                raise
            _rerun(executor, window)
            continue
        window.popleft()
        return results


def run(articles: Iterable[Article], *, jobs: int = 1,
        scheduler: str | None = None) -> Iterator[tuple[Article, Outcome]]:
    """``(article, outcome)`` for every article, in input order, computed serially
    (``jobs=1``), in ``jobs`` local processes (0 = one per core), or on the Dask cluster
    whose scheduler is at ``scheduler`` (e.g. ``tcp://10.0.0.5:8786``).

    A worker process that dies loses nothing: the local pool is started again and the
    partitions it had not finished are run again (a partition whose worker dies
    :data:`ATTEMPTS` times raises :class:`WorkerError`); on Dask, the scheduler runs
    the dead worker's partitions on the others (up to its ``allowed-failures``)."""
    with _executor(jobs, scheduler) as (executor, workers):
        window: deque = deque()
        ahead = 0 if workers == 1 and not scheduler else 2 * workers
        remote = bool(scheduler)
        for part in _partitions(articles):
            window.append(_send(executor, part))
            while len(window) > ahead:
                yield from _oldest(executor, window, remote)
        while window:
            yield from _oldest(executor, window, remote)
