"""The ``geomap`` command line: thin typer commands over the library.

Data goes to stdout, messages to stderr. Exit codes:
0 success; 1 something was not matched or placed; 2 bad usage or input;
3 a gazetteer, store or output error.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Callable, Iterator, List, Optional

import typer

from ..errors import GeomapError, InputError

app = typer.Typer(
    name="geomap",
    help="Offline incident mapper for news about violence in Afghanistan: geocode place "
         "names, extract incidents from articles, store, query and map them.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    # click's plain help: typer's rich renderer would import rich, markdown_it and
    # pygments on every --help (about 130 ms, more than typer itself)
    rich_markup_mode=None,
)

EXIT_UNMATCHED, EXIT_INPUT, EXIT_DATA = 1, 2, 3


def _say(message: str) -> None:
    typer.echo(message, err=True)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn geomap errors into one clear line on stderr and an exit code."""
    try:
        yield
    except InputError as err:
        _say(f"geomap: error: {err}")
        raise typer.Exit(EXIT_INPUT) from None
    except GeomapError as err:
        _say(f"geomap: error: {err}")
        raise typer.Exit(EXIT_DATA) from None
    except KeyboardInterrupt:
        _say("geomap: interrupted")
        raise typer.Exit(130) from None


def _examples(*commands: str) -> str:
    """A command's help epilog: its examples, a paragraph each (help text joins lines)."""
    return "Examples:\n\n" + "\n\n".join(commands)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"geomap {version('geomap')}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print geomap's version and exit."),
) -> None:
    # Options of geomap itself; the app's help text is Typer(help=...) above.
    pass


class Kind(str, Enum):
    province = "province"
    district = "district"
    city = "city"
    airport = "airport"
    landmark = "landmark"


def _print_table(rows: list[dict], columns: list[str]) -> None:
    from ..outputs.tables import table_text

    sys.stdout.write(table_text(rows, columns))


@app.command(epilog=_examples(
    'geomap geocode Panjshri "Mazar-e Sharif" "ولایت هرات" --json',
    "geomap geocode Kandahar --kind city --candidates 3"))
def geocode(
    names: List[str] = typer.Argument(..., help="Place names in any spelling or script."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line per name."),
    kind: Optional[Kind] = typer.Option(None, help="Prefer places of this kind."),
    candidates: int = typer.Option(1, "--candidates", "-n", min=1, max=20,
                                   help="How many ranked candidates to show per name."),
    allow_common: bool = typer.Option(False, help="Also match English words such as 'Bar'."),
) -> None:
    """Look up place names in the offline gazetteer.

    Prints id, kind, province (admin1, ISO 3166-2 code), district (admin2), lat/lon, score
    and the reason for the ranking. Exits 1 when a name has no match.
    """
    from ..places.gazetteer import load_gazetteer
    from ..places.locate import locate

    with _errors():
        gaz = load_gazetteer()
        rows, unmatched = [], 0
        for name in names:
            ranked = locate(gaz, name, kind=kind.value if kind else None, limit=candidates,
                                allow_common=allow_common)
            if not ranked:
                unmatched += 1
                rows.append({"query": name, "match": None})
                continue
            for rank, cand in enumerate(ranked, 1):
                rows.append({**cand.as_dict(name), "rank": rank, "match": cand.place.id})
        if as_json:
            import json

            for row in rows:
                typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            _print_table(rows, ["query", "id", "name", "kind", "admin1", "admin1_code",
                                "admin2", "lat", "lon", "score", "reason"])
        if unmatched:
            _say(f"geomap: {unmatched} of {len(names)} name(s) not found")
            raise typer.Exit(EXIT_UNMATCHED)


class ExtractFormat(str, Enum):
    geojson = "geojson"
    json = "json"
    csv = "csv"
    table = "table"


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    geojson = "geojson"


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


_PUBLISHED = typer.Option(None, "--published", metavar="YYYY-MM-DD",
                          help="Publication date for articles without a 'date YYYY-MM-DD' "
                               "first line; relative dates resolve against it.")
_DB = typer.Option(None, "--db", help="Incident store (default: outputs/incidents.sqlite).")
_PROVINCE = typer.Option(None, "--province", "-p",
                         help="Province in any spelling or script, or ISO code (AF-PAN).")
_DISTRICT = typer.Option(None, "--district", "-d", help="District name.")
_SINCE = typer.Option(None, "--since", metavar="YYYY-MM-DD", help="Events on or after.")
_UNTIL = typer.Option(None, "--until", metavar="YYYY-MM-DD", help="Events on or before.")
_TYPE = typer.Option(None, "--type", "-t",
                     help="Event type or sub-type, e.g. 'Explosions' or 'Suicide bomb'.")
_ACTOR = typer.Option(None, "--actor", "-a", help="Actor in any alias (ISIS-K, Daesh, Taliban).")
_MIN_FATAL = typer.Option(None, "--min-fatalities", metavar="N",
                          help="At least this many killed (0 to 1,000,000).")


def _date_option(value: Optional[str]):
    from ..text.reader import parse_date

    return parse_date(value) if value else None


class InputFormat(str, Enum):
    txt = "txt"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


_FORMAT_IN = typer.Option(None, "--format-in",
                          help="Read every input as this format instead of by extension "
                               "(.txt .jsonl .ndjson .csv .html .htm, each optionally .gz; "
                               "'-' is JSONL on stdin).")
_TEXT_FIELD = typer.Option(None, "--text-field", metavar="NAME",
                           help="JSONL/CSV field with the article text (default: the first "
                                "of text, body, content, article, maintext).")
_DATE_FIELD = typer.Option(None, "--date-field", metavar="NAME",
                           help="JSONL/CSV field with the publication date (default: the "
                                "first of published, publication_date, date, date_publish).")
_JOBS = typer.Option(1, "--jobs", "-j", metavar="N",
                     help="Extract in N local worker processes (0 = one per core).")
_SCHEDULER = typer.Option(None, "--scheduler", metavar="ADDRESS",
                          help="Extract on a running Dask distributed cluster, e.g. "
                               "tcp://10.0.0.5:8786 (geomap must be installed on its workers).")
_QUIET = typer.Option(False, "--quiet", "-q", help="No progress on stderr.")

#: Bounds of the integer options: beyond them a value is a mistake, not a request.
MAX_COUNT = 1_000_000
MAX_JOBS = 1024


def _bounded(option: str, value: Optional[int], low: int, high: int) -> Optional[int]:
    """``value`` if within [low, high], else an InputError (one line, exit 2)."""
    if value is not None and not low <= value <= high:
        raise InputError(f"{option}: {value} is out of range ({low} to {high:,})")
    return value


def _report_into(failed: list) -> Callable[[InputError], None]:
    """An error handler that prints one line per bad file or record and remembers it."""
    def report(err: InputError) -> None:
        failed.append(err)
        _say(f"geomap: error: {err}")
    return report


class _Progress:
    """Progress on stderr: articles done (of total when known), rate, incidents,
    skipped inputs, ETA. Redrawn in place on a terminal, a line every 10 s otherwise,
    and a last line at the end."""

    def __init__(self, stats, quiet: bool, label: str) -> None:
        import time

        self._clock = time.monotonic
        self.stats, self.quiet, self.label = stats, quiet, label
        self.tty = sys.stderr.isatty()
        self.start = self._last = self._clock()
        self.articles = self.incidents = 0

    def update(self, incidents: int = 0) -> None:
        self.articles += 1
        self.incidents += incidents
        now = self._clock()
        if not self.quiet and now - self._last >= (0.5 if self.tty else 10.0):
            self._last = now
            self._show(end="\r" if self.tty else "\n")

    def done(self) -> None:
        if not self.quiet:
            self._show(end="\n")

    def _show(self, end: str) -> None:
        elapsed = max(self._clock() - self.start, 1e-9)
        rate = self.articles / elapsed
        stats = self.stats
        done = f"{self.articles:,}"
        fraction = None
        if stats.articles_total:
            done += f"/{stats.articles_total:,}"
            fraction = self.articles / stats.articles_total
        elif stats.bytes_total:
            fraction = stats.bytes_done / stats.bytes_total
        if fraction is not None:
            done += f" ({min(fraction, 1):.0%})"
        eta = ""
        if fraction and 0 < fraction < 1:
            eta = f" · ETA {_clock_time(elapsed * (1 - fraction) / fraction)}"
        clear = "\x1b[K" if self.tty else ""     # erase the rest of a redrawn line
        sys.stderr.write(f"geomap: {self.label}: {done} articles · {rate:,.1f} articles/s · "
                         f"{self.incidents:,} incidents · {stats.bad:,} skipped · "
                         f"{_clock_time(elapsed)}{eta}{clear}{end}")
        sys.stderr.flush()


def _clock_time(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class _Reading:
    """The articles of the inputs named on the command line, read as told, with their
    bad files/records reported (one line each) and counted."""

    def __init__(self, paths: Optional[List[Path]], published, fmt_in, text_field, date_field,
                 *, samples: bool = False) -> None:
        from ..sources import Article, ReadStats, expand_paths, read_sources

        for option, value in (("--text-field", text_field), ("--date-field", date_field)):
            if value is not None and not value.strip():
                raise InputError(f"{option}: empty value")
        self.failed: list[InputError] = []
        self.published = _date_option(published)
        if samples:                          # the shipped samples, their dates known
            from ..sources.samples import read_samples

            documents = list(read_samples(self.published))
            self.files = [d.source for d in documents]
            self.stats = ReadStats([])
            self.stats.articles_total = len(documents)
            self._articles = iter([Article(d.text, d.published, d.source) for d in documents])
        else:
            self.files = expand_paths(paths or [])
            self.stats = ReadStats(self.files)
            self._articles = read_sources(
                self.files, fmt=fmt_in.value if fmt_in else None, published=self.published,
                text_field=text_field, date_field=date_field,
                on_error=_report_into(self.failed), stats=self.stats)
        self.first = next(self._articles, None)      # None: nothing readable at all

    def __iter__(self):
        if self.first is None:
            return
        from itertools import chain

        for article in chain([self.first], self._articles):
            if article.published is None:
                _say(f"geomap: warning: {article.source}: no publication date (no 'date' "
                     "line, no --published): relative dates are left unresolved")
            yield article


def _extracted(articles, jobs: int, scheduler: Optional[str], failed: list,
               progress: Optional["_Progress"] = None, documents=None):
    """(Document, incidents) per article through the one pipeline, in input order;
    an article the pipeline fails on is reported and skipped. ``documents``: a deque
    that the producer of ``articles`` fills with each article's Document as it goes (so
    the text is not cleaned again here)."""
    from ..pipeline import run as run_pipeline

    _bounded("--jobs", jobs, 0, MAX_JOBS)
    for article, outcome in run_pipeline(articles, jobs=jobs, scheduler=scheduler):
        document = documents.popleft() if documents is not None else None
        if outcome.error is not None:
            _report_into(failed)(InputError(f"{article.source}: extraction failed "
                                            f"({outcome.error}); skipped"))
            continue
        if progress is not None:
            progress.update(len(outcome.incidents))
        yield document or article.document(), list(outcome.incidents)


def _ingest_into(store, reading: "_Reading", jobs: int, scheduler: Optional[str],
                 quiet: bool, batch_size: int):
    """Ingest what ``reading`` reads into ``store``, skipping stored articles before
    extraction (so an interrupted ingest resumes where it stopped). Returns
    (IngestReport, articles already stored)."""
    from collections import deque

    progress = _Progress(reading.stats, quiet, "ingest")
    stored = 0
    documents: deque = deque()        # (of the articles in flight, in input order)

    def fresh():
        nonlocal stored
        for article in reading:
            try:
                document = article.document()
            except InputError as err:
                _report_into(reading.failed)(err)
                continue
            if store.has(document):
                stored += 1
                progress.update()
                continue
            documents.append(document)
            yield article

    report = store.ingest(_extracted(fresh(), jobs, scheduler, reading.failed, progress,
                                     documents),
                          batch_size=batch_size,
                          on_unplaced=lambda incident: _report_unplaced([incident]))
    progress.done()
    return report, stored


def _report_unplaced(incidents) -> None:
    for inc in incidents:
        if inc.mapped:
            continue
        quote = " ".join(inc.sources[0].quote.split())[:100]
        where = (f"{inc.location} is outside Afghanistan ({inc.country})"
                 if inc.country != "Afghanistan" else "no place more precise than Afghanistan")
        _say(f"geomap: not mapped: {inc.sources[0].file}: {where}: {inc.sub_event_type}, "
             f"{inc.event_date or 'undated'}: \"{quote}\"")


def _emit(text: str, output: Optional[Path]) -> None:
    from ..outputs.fileio import atomic_write_text

    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write_text(output, text)
        _say(f"geomap: wrote {output}")


def _render(incidents, fmt: str) -> str:
    from ..outputs import export

    if fmt == "geojson":
        return export.geojson_text(incidents)
    if fmt == "json":
        return export.json_array(export.records(incidents)) + "\n"
    if fmt == "csv":
        return export.csv_text(incidents)
    rows = export.records(incidents)
    for row in rows:
        row["sources"] = len(row["sources"])
    _print_incident_table(rows)
    return ""


def _print_incident_table(rows: list[dict]) -> None:
    """Incident rows with their number of sources (the store's ``summary_rows``, or
    ``export.records`` with "sources" counted) as the table of ``query`` and ``extract``."""
    for row in rows:
        row["killed/wounded"] = f"{_n(row['fatalities'])}/{_n(row['injured'])}"
        row["type"] = row["sub_event_type"]
    _print_table(rows, ["event_date", "type", "location", "admin1", "admin2",
                        "killed/wounded", "geo_precision", "sources", "id"])


def _n(value) -> str:
    return "?" if value is None else str(value)


@app.command(epilog=_examples(
    "geomap extract seeds/001_8b239d0a68e52fc3.txt --format table",
    "geomap extract seeds/000_f548904bbe22a22a.txt --published 2021-11-03"))
def extract(
    files: List[Path] = typer.Argument(..., help="Article files (.txt .jsonl .csv .html, "
                                                 "optionally .gz), directories, or - (stdin)."),
    published: Optional[str] = _PUBLISHED,
    fmt: ExtractFormat = typer.Option(ExtractFormat.geojson, "--format", "-f",
                                      help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Write here (atomically) instead of stdout."),
    fmt_in: Optional[InputFormat] = _FORMAT_IN,
    text_field: Optional[str] = _TEXT_FIELD, date_field: Optional[str] = _DATE_FIELD,
    jobs: int = _JOBS, scheduler: Optional[str] = _SCHEDULER,
) -> None:
    """Extract located, dated, counted incidents from articles.

    GeoJSON (RFC 7946) goes to stdout by default. Incidents the text cannot place in
    Afghanistan are listed on stderr, never mapped. Exits 2 if an input cannot be read.
    """
    from ..extract.merge import merge_incidents

    with _errors():
        reading = _Reading(files, published, fmt_in, text_field, date_field)
        incidents = []
        read = 0
        for _doc, found in _extracted(reading, jobs, scheduler, reading.failed):
            read += 1
            incidents.extend(found)
        incidents = merge_incidents(incidents)
        _report_unplaced(incidents)
        if read:
            text = _render(incidents, fmt.value)
            if text:
                _emit(text, output)
        if reading.failed:
            raise typer.Exit(EXIT_INPUT)


@app.command(epilog=_examples("geomap ingest seeds --published 2021-11-03",
                             "geomap ingest seeds/001_8b239d0a68e52fc3.txt --db other.sqlite"))
def ingest(
    paths: List[Path] = typer.Argument(..., help="Article files (.txt .jsonl .csv .html, "
                                                 "optionally .gz), directories, or - (stdin)."),
    published: Optional[str] = _PUBLISHED,
    db: Optional[Path] = _DB,
    fmt_in: Optional[InputFormat] = _FORMAT_IN,
    text_field: Optional[str] = _TEXT_FIELD, date_field: Optional[str] = _DATE_FIELD,
    jobs: int = _JOBS, scheduler: Optional[str] = _SCHEDULER,
    batch_size: int = typer.Option(500, "--batch-size", metavar="N",
                                   help="Commit every N articles (an interrupted ingest "
                                        "loses at most one batch; run it again to resume)."),
    quiet: bool = _QUIET,
) -> None:
    """Extract incidents from articles and add them to the store, committing in batches.

    Re-ingesting an article adds nothing, so running an interrupted ingest again resumes
    it; a new report of a known incident adds its source.
    """
    from ..store.incidents import DEFAULT_DB, Store

    with _errors():
        _bounded("--batch-size", batch_size, 1, MAX_COUNT)
        _bounded("--jobs", jobs, 0, MAX_JOBS)
        reading = _Reading(paths, published, fmt_in, text_field, date_field)
        if reading.first is None:            # nothing readable: leave no empty store behind
            _say("geomap: error: no article could be read; nothing ingested")
            raise typer.Exit(EXIT_INPUT)
        with Store(db or DEFAULT_DB) as store:
            report, stored = _ingest_into(store, reading, jobs, scheduler, quiet, batch_size)
            articles, incidents = store.counts()
        _say(f"geomap: {report.articles_added} article(s) added, "
             f"{report.articles_skipped + stored} already stored; {report.incidents_added} new "
             f"incident(s), {report.incidents_merged} merged into known ones; store "
             f"{db or DEFAULT_DB}: {articles} articles, {incidents} incidents")
        if reading.failed:
            raise typer.Exit(EXIT_INPUT)


def _filters(store, province, district, since, until, event_type, actor, min_fatalities) -> dict:
    """Store query arguments from CLI options (names in any spelling)."""
    for option, value in (("--province", province), ("--district", district),
                          ("--since", since), ("--until", until), ("--type", event_type),
                          ("--actor", actor)):
        if value is not None and not value.strip():
            raise InputError(f"{option}: empty value (leave the option out for no filter)")
    _bounded("--min-fatalities", min_fatalities, 0, MAX_COUNT)
    from ..store.incidents import filter_ids

    code, district_id, canonical_actor = filter_ids(store, province=province,
                                                    district=district, actor=actor)
    return dict(admin1_code=code, admin2_id=district_id, since=_date_option(since),
                until=_date_option(until), event_type=event_type, actor=canonical_actor,
                min_fatalities=min_fatalities)


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


@app.command(epilog=_examples("geomap query --province Panjshri --since 2021-08-01 --format json",
                             "geomap query --actor Daesh --min-fatalities 10 --format csv"))
def query(
    province: Optional[str] = _PROVINCE, district: Optional[str] = _DISTRICT,
    since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
    event_type: Optional[str] = _TYPE, actor: Optional[str] = _ACTOR,
    min_fatalities: Optional[int] = _MIN_FATAL,
    fmt: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f"),
    db: Optional[Path] = _DB,
) -> None:
    """Query stored incidents by province, district, date, type, actor, fatalities."""
    from ..store.incidents import DEFAULT_DB, Store

    with _errors():
        with Store(db or DEFAULT_DB, create=False) as store:
            filters = _filters(store, province, district, since, until, event_type, actor,
                               min_fatalities)
            if fmt is QueryFormat.json:      # straight from the stored records: fast
                lines = store.record_lines(**filters)
                first = next(lines, None)
                if first is None:
                    sys.stdout.write("[]\n")
                    return
                _write_json_array(first, lines)
                return
            if fmt is QueryFormat.table:     # read by SQLite from the stored records
                _print_incident_table(store.summary_rows(**filters))
                return
            found = store.incidents(**filters)
        text = _render(found, fmt.value)
        if text:
            sys.stdout.write(text)


@app.command(epilog=_examples("geomap provinces", "geomap provinces --format csv"))
def provinces(
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f"),
    db: Optional[Path] = _DB,
) -> None:
    """All 34 provinces with incident, fatality and injury totals (zeros included)."""
    import csv
    import io

    from ..store.incidents import DEFAULT_DB, Store

    with _errors():
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
            _print_table(rows, columns)


class Schema(str, Enum):
    geomap = "geomap"
    acled = "acled"
    ucdp = "ucdp"


@app.command(name="export",
             epilog=_examples("geomap export -o acled.csv --schema acled --province Kabul",
                              "geomap export -o incidents.parquet --since 2021-01-01"))
def export_(
    output: Path = typer.Option(..., "--output", "-o",
                                help="File to write (atomically); the extension names the "
                                     "format: .geojson, .csv, .gpkg, .parquet (GeoParquet), "
                                     ".fgb (FlatGeobuf)."),
    province: Optional[str] = _PROVINCE, district: Optional[str] = _DISTRICT,
    since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
    event_type: Optional[str] = _TYPE, actor: Optional[str] = _ACTOR,
    min_fatalities: Optional[int] = _MIN_FATAL,
    schema: Schema = typer.Option(Schema.geomap, "--schema",
                                  help="Columns: geomap's own, ACLED's or UCDP GED's."),
    hxl: bool = typer.Option(False, "--hxl", help="CSV: add the HXL hashtag row under the "
                                                  "header (#date, #adm1+name, ...)."),
    db: Optional[Path] = _DB,
) -> None:
    """Export stored incidents (the filters of 'query') to a file."""
    from ..outputs import export
    from ..store.incidents import DEFAULT_DB, Store

    with _errors():
        export.format_of(output)                  # a bad extension fails before any work
        with Store(db or DEFAULT_DB, create=False) as store:
            found = store.incidents(**_filters(store, province, district, since, until,
                                               event_type, actor, min_fatalities))
        export.write(output, found, schema=schema.value, hxl=hxl)
        _say(f"geomap: wrote {output} ({len(found)} incidents, {schema.value} columns)")


class ChartFormat(str, Enum):
    png = "png"
    svg = "svg"


@app.command(epilog=_examples("geomap chart -o outputs/charts --format svg --since 2021-01-01"))
def chart(
    output: Path = typer.Option(Path("outputs") / "charts", "--output", "-o",
                                help="Directory for fatalities_by_month, incidents_by_type "
                                     "and provinces (.png or .svg)."),
    fmt: ChartFormat = typer.Option(ChartFormat.png, "--format", "-f"),
    top: int = typer.Option(5, "--top", min=1, max=34,
                            help="Provinces in the fatalities-per-month chart."),
    province: Optional[str] = _PROVINCE, district: Optional[str] = _DISTRICT,
    since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
    event_type: Optional[str] = _TYPE, actor: Optional[str] = _ACTOR,
    min_fatalities: Optional[int] = _MIN_FATAL,
    db: Optional[Path] = _DB,
) -> None:
    """Static charts (matplotlib) of stored incidents, for reports and slides."""
    from ..outputs.charts import write_charts
    from ..store.incidents import DEFAULT_DB, Store

    with _errors():
        with Store(db or DEFAULT_DB, create=False) as store:
            found = store.incidents(**_filters(store, province, district, since, until,
                                               event_type, actor, min_fatalities))
        for path in write_charts(output, found, fmt=fmt.value, top=top):
            _say(f"geomap: wrote {path}")


@app.command(name="map",
             epilog=_examples("geomap map -o outputs/map.html",
                              "geomap map --province Kabul --since 2021-10-01 -o kabul.html"))
def map_(
    province: Optional[str] = _PROVINCE, district: Optional[str] = _DISTRICT,
    since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
    event_type: Optional[str] = _TYPE, actor: Optional[str] = _ACTOR,
    min_fatalities: Optional[int] = _MIN_FATAL,
    output: Path = typer.Option(Path("outputs") / "map.html", "--output", "-o",
                                help="HTML file to write (atomically); in a directory, "
                                     "DIR/map.html."),
    tiles: bool = typer.Option(False, "--tiles/--no-tiles",
                               help="Add OpenStreetMap tiles (needs the network to view)."),
    db: Optional[Path] = _DB,
) -> None:
    """Write a self-contained HTML map (works offline) of the stored incidents."""
    from ..store.incidents import DEFAULT_DB, Store

    if output.is_dir():
        output = output / "map.html"
    with _errors():
        with Store(db or DEFAULT_DB, create=False) as store:
            found = store.incidents(**_filters(store, province, district, since, until,
                                               event_type, actor, min_fatalities))
            _write_map(output, found, store, tiles)
        _say(f"geomap: wrote {output} ({len(found)} incidents)")


def _write_map(output: Path, incidents, store, tiles: bool) -> None:
    from ..outputs.export import feature_collection
    from ..outputs.maps import write_map

    boundaries = store.gazetteer.boundaries()
    province_fc = {"type": "FeatureCollection",
                   "features": [f for f in boundaries["features"]
                                if f["properties"]["kind"] == "province"]}
    write_map(output, feature_collection(incidents)["features"], province_fc,
              store.province_totals(), tiles="OpenStreetMap" if tiles else None)


@app.command(epilog=_examples("geomap run",
                             "geomap run seeds --published 2021-11-03 --out outputs"))
def run(
    paths: Optional[List[Path]] = typer.Argument(
        None, help="Article files or directories (none: the two sample articles shipped "
                   "with geomap, with their publication dates)."),
    published: Optional[str] = _PUBLISHED,
    out: Path = typer.Option(Path("outputs"), "--out", help="Output directory."),
    fmt_in: Optional[InputFormat] = _FORMAT_IN,
    text_field: Optional[str] = _TEXT_FIELD, date_field: Optional[str] = _DATE_FIELD,
    jobs: int = _JOBS, scheduler: Optional[str] = _SCHEDULER,
    quiet: bool = _QUIET,
) -> None:
    """The main job: rebuild OUT/ from articles — store, GeoJSON, CSV, GeoPackage, map.

    With no PATHS it reads the sample articles inside the package and writes what
    'geomap run seeds --published 2021-11-03' writes from a checkout.
    """
    import shutil
    import tempfile

    from ..outputs import export
    from ..store.incidents import BATCH_SIZE, Store

    with _errors():
        _bounded("--jobs", jobs, 0, MAX_JOBS)
        reading = _Reading(paths, published, fmt_in, text_field, date_field,
                           samples=not paths)
        if reading.first is None:
            _say("geomap: error: no article could be read; nothing written")
            raise typer.Exit(EXIT_INPUT)
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=out) as tmp:
            db = Path(tmp) / "incidents.sqlite"
            with Store(db) as store:
                _ingest_into(store, reading, jobs, scheduler, quiet, BATCH_SIZE)
                found = store.incidents()
                for name in ("incidents.geojson", "incidents.csv", "incidents.gpkg"):
                    export.write(out / name, found)
                _write_map(out / "map.html", found, store, tiles=False)
                articles, _ = store.counts()
            for suffix in ("-wal", "-shm"):      # closed: the WAL is checkpointed into db
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            shutil.move(str(db), out / "incidents.sqlite")
        _say(f"geomap: {articles} article(s), {len(found)} mapped incident(s) "
             f"→ {out}/incidents.sqlite, incidents.geojson, incidents.csv, incidents.gpkg, "
             f"map.html")
        if reading.failed:
            raise typer.Exit(EXIT_INPUT)
