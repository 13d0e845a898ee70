"""``geomap review``: the review page, or the review sheet round trip (thin over
:mod:`geomap.review`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from .app import (ACTOR, DB, DISTRICT, EXIT_INPUT, MIN_CONF, MIN_FATAL, PROVINCE, SINCE, TYPE,
                  UNTIL, app, examples, query_filters, reported_errors, say)
from .printing import report_problems

__all__ = ["review"]


@app.command(epilog=examples("geomap review --export sheet.csv --province Kandahar",
                             "geomap review --import sheet.csv --reviewer ana"))
def review(
    export_sheet: Optional[Path] = typer.Option(
        None, "--export", metavar="FILE.csv",
        help="Write the review queue (least confident first) as a CSV sheet and exit."),
    import_sheet: Optional[Path] = typer.Option(
        None, "--import", metavar="FILE.csv", dir_okay=False,
        help="Apply a filled-in sheet's decisions in one transaction and exit."),
    reviewer: Optional[str] = typer.Option(
        None, "--reviewer", help="Your name in the log (default: $GEOMAP_REVIEWER or login)."),
    port: int = typer.Option(0, "--port", min=0, max=65535,
                             help="Port of the review page (0: any free port)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a browser."),
    province: Optional[str] = PROVINCE, district: Optional[str] = DISTRICT,
    since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    event_type: Optional[str] = TYPE, actor: Optional[str] = ACTOR,
    min_fatalities: Optional[int] = MIN_FATAL, min_confidence: Optional[float] = MIN_CONF,
    db: Optional[Path] = DB,
) -> None:
    """Review incidents, least confident first: accept, reject, edit, merge, split, undo.

    Serves the review page on 127.0.0.1 (the address, with its access token, is printed
    on stdout), or with --export / --import writes and reads the review sheet.
    """
    from ..review import default_reviewer
    from ..store.incidents import DEFAULT_DB, Store

    if export_sheet and import_sheet:
        say("geomap: error: --export and --import are separate steps: give one")
        raise typer.Exit(EXIT_INPUT)
    name = reviewer or default_reviewer()
    with reported_errors():
        if export_sheet:
            from ..review.sheet import write_sheet

            with Store(db or DEFAULT_DB, create=False) as store:
                filters = query_filters(store, province, district, since, until, event_type,
                                   actor, min_fatalities, min_confidence)
                rows = write_sheet(export_sheet, store, **filters)
                report_problems(store)
            say(f"geomap: wrote {export_sheet} ({rows} incidents to review)")
            return
        if import_sheet:
            from ..review.sheet import import_sheet as apply_sheet

            with Store(db or DEFAULT_DB) as store:
                written = apply_sheet(import_sheet, store, name)
            say(f"geomap: {written} decision(s) from {import_sheet} recorded as {name}")
            return
        from ..review.server import serve

        with Store(db or DEFAULT_DB, create=False) as store:
            filters = query_filters(store, province, district, since, until, event_type, actor,
                               min_fatalities, min_confidence)
        report = report_problems
        serve(db or DEFAULT_DB, filters=filters, reviewer=name, port=port,
              open_browser=not no_browser, announce=_announce, on_problems=report)


def _announce(url: str) -> None:
    sys.stdout.write(url + "\n")
    sys.stdout.flush()
