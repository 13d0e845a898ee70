"""``geomap extract`` (articles → incidents on stdout) and ``geomap ingest`` (articles →
the store), over :mod:`geomap.ingest`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .app import (DATE_FIELD, DB, EXIT_INPUT, FORMAT_IN, JOBS, LANG, MAX_COUNT, MAX_JOBS,
                  PUBLISHED, QUIET, SCHEDULER, TEXT_FIELD, InputFormat, Language, app, bounded,
                  examples, reported_errors, say)
from .printing import emit, render, report_problems
from .reading import Reading, ingest_read, report_unplaced


class ExtractFormat(str, Enum):
    geojson = "geojson"
    json = "json"
    csv = "csv"
    table = "table"


@app.command(epilog=examples(
    "geomap extract seeds/001_8b239d0a68e52fc3.txt --format table",
    "geomap extract seeds/000_f548904bbe22a22a.txt --published 2021-11-03"))
def extract(
    files: List[Path] = typer.Argument(..., help="Article files (.txt .jsonl .csv .html, "
                                                 "optionally .gz), directories, or - (stdin)."),
    published: Optional[str] = PUBLISHED,
    fmt: ExtractFormat = typer.Option(ExtractFormat.geojson, "--format", "-f",
                                      help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Write here (atomically) instead of stdout."),
    fmt_in: Optional[InputFormat] = FORMAT_IN,
    text_field: Optional[str] = TEXT_FIELD, date_field: Optional[str] = DATE_FIELD,
    jobs: int = JOBS, scheduler: Optional[str] = SCHEDULER,
    lang: Language = LANG,
) -> None:
    """Extract located, dated, counted incidents from articles.

    GeoJSON (RFC 7946) goes to stdout by default. Incidents the text cannot place in
    Afghanistan are listed on stderr, never mapped. Exits 2 if an input cannot be read.
    """
    from ..extract.merge import merge_incidents
    from ..ingest import extracted

    with reported_errors():
        reading = Reading(files, published, fmt_in, text_field, date_field,
                          language=lang.code)
        bounded("--jobs", jobs, 0, MAX_JOBS)
        incidents = []
        read = 0
        for _doc, found in extracted(reading, jobs=jobs, scheduler=scheduler,
                                     on_error=reading.report):
            read += 1
            incidents.extend(found)
        incidents = merge_incidents(incidents)
        report_unplaced(incidents)
        if read:
            text = render(incidents, fmt.value)
            if text:
                emit(text, output)
        if reading.failed:
            raise typer.Exit(EXIT_INPUT)


@app.command(epilog=examples("geomap ingest seeds --published 2021-11-03",
                            "geomap ingest seeds/001_8b239d0a68e52fc3.txt --db other.sqlite"))
def ingest(
    paths: List[Path] = typer.Argument(..., help="Article files (.txt .jsonl .csv .html, "
                                                 "optionally .gz), directories, or - (stdin)."),
    published: Optional[str] = PUBLISHED,
    db: Optional[Path] = DB,
    fmt_in: Optional[InputFormat] = FORMAT_IN,
    text_field: Optional[str] = TEXT_FIELD, date_field: Optional[str] = DATE_FIELD,
    jobs: int = JOBS, scheduler: Optional[str] = SCHEDULER,
    batch_size: int = typer.Option(500, "--batch-size", metavar="N",
                                   help="Commit every N articles (an interrupted ingest "
                                        "loses at most one batch; run it again to resume)."),
    quiet: bool = QUIET, lang: Language = LANG,
) -> None:
    """Extract incidents from articles and add them to the store, committing in batches.

    Re-ingesting an article adds nothing, so running an interrupted ingest again resumes
    it; a new report of a known incident adds its source.
    """
    from ..store.incidents import DEFAULT_DB, Store

    with reported_errors():
        bounded("--batch-size", batch_size, 1, MAX_COUNT)
        bounded("--jobs", jobs, 0, MAX_JOBS)
        reading = Reading(paths, published, fmt_in, text_field, date_field,
                          language=lang.code)
        if reading.first is None:            # nothing readable: leave no empty store behind
            say("geomap: error: no article could be read; nothing ingested")
            raise typer.Exit(EXIT_INPUT)
        with Store(db or DEFAULT_DB) as store:
            summary = ingest_read(store, reading, jobs, scheduler, quiet, batch_size)
            articles, incidents = store.counts()
            report_problems(store)
        say(f"geomap: {summary.articles_added} article(s) added, "
            f"{summary.articles_stored} already stored; {summary.incidents_added} new "
            f"incident(s), {summary.incidents_merged} merged into known ones; store "
            f"{db or DEFAULT_DB}: {articles} articles, {incidents} incidents")
        if reading.failed:
            raise typer.Exit(EXIT_INPUT)
