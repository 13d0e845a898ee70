"""``geomap query`` and ``geomap provinces``: what the store holds, on stdout."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Iterator, Optional

import typer

from .app import (ACTOR, DB, DISTRICT, MIN_CONF, MIN_FATAL, PROVINCE, REJECTED, SINCE, TYPE,
                  UNTIL, app, examples, query_filters, reported_errors)
from .printing import print_incident_table, print_table, render


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    geojson = "geojson"


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _write_json_array(first: str, rest: Iterator[str], chunk: int = 2048) -> None:
    """``[first, *rest]`` on stdout, one object a line, written a few thousand lines at a
    time (a million small writes cost more than the query)."""
    write = sys.stdout.write
    write("[\n" + first)
    batch: list[str] = []
    for line in rest:
        batch.append(line)
        if len(batch) >= chunk:
            write(",\n" + ",\n".join(batch))
            batch.clear()
    if batch:
        write(",\n" + ",\n".join(batch))
    write("\n]\n")


@app.command(epilog=examples("geomap query --province Panjshri --since 2021-08-01 --format json",
                            "geomap query --actor Daesh --min-fatalities 10 --format csv"))
def query(
    province: Optional[str] = PROVINCE, district: Optional[str] = DISTRICT,
    since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    event_type: Optional[str] = TYPE, actor: Optional[str] = ACTOR,
    min_fatalities: Optional[int] = MIN_FATAL,
    min_confidence: Optional[float] = MIN_CONF, include_rejected: bool = REJECTED,
    fmt: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f"),
    db: Optional[Path] = DB,
) -> None:
    """Query stored incidents by province, district, date, type, actor, fatalities."""
    from ..store.incidents import DEFAULT_DB, Store

    with reported_errors():
        with Store(db or DEFAULT_DB, create=False) as store:
            where = query_filters(store, province, district, since, until, event_type,
                                  actor, min_fatalities, min_confidence, include_rejected)
            if fmt is QueryFormat.json:      # straight from the stored records: fast
                lines = store.record_lines(**where)
                first = next(lines, None)
                if first is None:
                    sys.stdout.write("[]\n")
                    return
                _write_json_array(first, lines)
                return
            if fmt is QueryFormat.table:     # read by SQLite from the stored records
                print_incident_table(store.summary_rows(**where))
                return
            found = store.incidents(**where)
        text = render(found, fmt.value)
        if text:
            sys.stdout.write(text)


@app.command(epilog=examples("geomap provinces", "geomap provinces --format csv"))
def provinces(
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f"),
    db: Optional[Path] = DB,
) -> None:
    """All 34 provinces with incident, fatality and injury totals (zeros included)."""
    import csv
    import io

    from ..store.incidents import DEFAULT_DB, Store

    with reported_errors():
        with Store(db or DEFAULT_DB, create=False) as store:
            totals = store.province_totals()
            rows = [{"admin1": p.name, "admin1_code": p.admin1_code, **totals[p.admin1_code]}
                    for p in store.gazetteer.provinces()]
        columns = ["admin1", "admin1_code", "incidents", "fatalities", "injured"]
        if fmt is TableFormat.json:
            import json

            typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        elif fmt is TableFormat.csv:
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            sys.stdout.write(buffer.getvalue())
        else:
            print_table(rows, columns)
