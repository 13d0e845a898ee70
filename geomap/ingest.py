"""Articles into the incident store: resumable, with progress and per-article errors.

:func:`ingest` is what ``geomap ingest`` and ``geomap run`` call, and what a library user
calls: an article already stored is skipped before extraction (so running an interrupted
ingest again resumes where it stopped), the rest go through the one pipeline
(:func:`geomap.pipeline.run`: serial, ``jobs`` processes or a Dask cluster) and into the
store in batches. An article that cannot be read or extracted is handed to ``on_error``
and skipped; progress goes to a callback. Nothing here prints.

>>> from geomap.sources import Article
>>> from geomap.store.incidents import Store
>>> from datetime import date
>>> text = "Two policemen were killed in a roadside bomb blast in Kandahar city on Monday."
>>> with Store(":memory:") as store:
...     first = ingest([Article(text, date(2021, 3, 2), "a.txt")], store)
...     again = ingest([Article(text, date(2021, 3, 2), "a.txt")], store)
>>> (first.articles_added, first.incidents_added, again.articles_added, again.articles_stored)
(1, 1, 0, 1)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from .incident import Incident
    from .sources import Article
    from .store.incidents import Store
    from .text.reader import Document

__all__ = ["ingest", "extracted", "IngestSummary", "IngestProgress"]


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """How far an ingest has come: given to the ``progress`` callback after each article."""

    articles: int       #: articles done: extracted, or found already stored
    incidents: int      #: incidents extracted so far (before merging)


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What an ingest did."""

    articles_added: int     #: new articles, stored with their incidents
    articles_stored: int    #: articles the store held already (not extracted again)
    articles_failed: int    #: articles that could not be read or extracted (see ``on_error``)
    incidents_added: int    #: incidents new to the store
    incidents_merged: int   #: incidents that were new reports of stored ones
    #: incidents with no place in Afghanistan, when no ``on_unplaced`` took them
    unplaced: tuple[Incident, ...]


def _raise(err: InputError) -> None:
    raise err


def extracted(articles: Iterable[Article], *, jobs: int = 1, scheduler: str | None = None,
              on_error: Callable[[InputError], None] | None = None,
              ) -> Iterator[tuple[Document, list[Incident]]]:
    """``(Document, incidents)`` per article through the one pipeline, in input order.

    An article the pipeline fails on goes to ``on_error`` as an :class:`InputError` and
    is skipped; with no ``on_error`` that error is raised.
    """
    return _extracted(articles, jobs, scheduler, on_error or _raise)


def _extracted(articles, jobs, scheduler, on_error, documents: deque | None = None,
               done: Callable[[int], None] | None = None):
    """:func:`extracted`; ``documents``: a deque the producer of ``articles`` fills with
    each article's Document as it goes (so the text is not cleaned again here); ``done``
    is told each extracted article's number of incidents."""
    from .pipeline import run as run_pipeline

    for article, outcome in run_pipeline(articles, jobs=jobs, scheduler=scheduler):
        document = documents.popleft() if documents is not None else None
        if outcome.error is not None:
            on_error(InputError(f"{article.source}: extraction failed ({outcome.error}); "
                                "skipped"))
            continue
        if done is not None:
            done(len(outcome.incidents))
        yield document or article.document(), list(outcome.incidents)


def ingest(articles: Iterable[Article], store: Store, *, jobs: int = 1,
           scheduler: str | None = None, batch_size: int | None = None,
           on_error: Callable[[InputError], None] | None = None,
           on_unplaced: Callable[[Incident], None] | None = None,
           progress: Callable[[IngestProgress], None] | None = None) -> IngestSummary:
    """Extract the incidents of ``articles`` and add them to ``store``, resumably.

    Parameters
    ----------
    articles : iterable of Article
        E.g. :func:`geomap.sources.read_sources` of some files (give it ``published`` for
        articles with no date of their own).
    store : Store
        Opened for writing; committed every ``batch_size`` articles (default
        ``store.incidents.BATCH_SIZE``): an interruption loses at most one batch.
    jobs, scheduler
        As :func:`geomap.pipeline.run`: ``jobs`` local processes (0 = one per core), or
        the Dask scheduler at ``scheduler``.
    on_error : callable, optional
        Called with an :class:`InputError` for each article that cannot be read or
        extracted, which is then skipped (and counted). Default: the error is raised
        (the batches committed before it stay).
    on_unplaced : callable, optional
        Called with each incident that has no place in Afghanistan, as it comes; default:
        they are collected in the summary's ``unplaced``.
    progress : callable, optional
        Called with an :class:`IngestProgress` after each article done.
    """
    from .store.incidents import BATCH_SIZE

    report_error = on_error or _raise
    stored = failed = done = found = 0
    documents: deque = deque()        # (of the articles in flight, in input order)

    def tick(incidents: int = 0) -> None:
        nonlocal done, found
        done += 1
        found += incidents
        if progress is not None:
            progress(IngestProgress(done, found))

    def failing(err: InputError) -> None:
        nonlocal failed
        failed += 1
        report_error(err)

    def fresh():
        nonlocal stored
        for article in articles:
            try:
                document = article.document()
            except InputError as err:
                failing(err)
                continue
            if store.has(document):
                stored += 1
                tick()
                continue
            documents.append(document)
            yield article

    report = store.ingest(_extracted(fresh(), jobs, scheduler, failing, documents, tick),
                          batch_size=BATCH_SIZE if batch_size is None else batch_size,
                          on_unplaced=on_unplaced)
    return IngestSummary(report.articles_added, report.articles_skipped + stored, failed,
                         report.incidents_added, report.incidents_merged, report.unplaced)
