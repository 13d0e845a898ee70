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

from .errors import GeomapError, InputError

app = typer.Typer(
    name="geomap",
    help="Offline incident mapper for news about violence in Afghanistan: geocode place "
         "names, extract incidents from articles, store, query and map them.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
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


class Kind(str, Enum):
    province = "province"
    district = "district"
    city = "city"
    airport = "airport"
    landmark = "landmark"


def _print_table(rows: list[dict], columns: list[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    Console(width=200).print(table)


@app.command()
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

    Example: geomap geocode Panjshri "Mazar-e Sharif" "ولایت هرات" --json
    """
    from .gazetteer import load_gazetteer
    from .locate import locate

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
_MIN_FATAL = typer.Option(None, "--min-fatalities", min=0, help="At least this many killed.")


def _date_option(value: Optional[str]):
    from .reader import parse_date

    return parse_date(value) if value else None


def _article_files(paths: List[Path]) -> list[Path]:
    """Files named, and the *.txt files of directories named (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                raise InputError(f"{path}: no *.txt article files in this directory")
            files.extend(found)
        else:
            files.append(path)
    return files


def _report_into(failed: list) -> Callable[[InputError], None]:
    """An error handler that prints one line per bad file and remembers it."""
    def report(err: InputError) -> None:
        failed.append(err)
        _say(f"geomap: error: {err}")
    return report


def _read_and_extract(files: list[Path], published, on_error):
    """(Document, incidents) per readable file; bad files go to ``on_error``."""
    from .extract import extract
    from .reader import read_article

    for path in files:
        try:
            document = read_article(path, published=published)
        except InputError as err:
            on_error(err)
            continue
        if document.published is None:
            _say(f"geomap: warning: {path}: no publication date (no 'date' line, no "
                 "--published): relative dates are left unresolved")
        yield document, extract(document)


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
    from .fileio import atomic_write_text

    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write_text(output, text)
        _say(f"geomap: wrote {output}")


def _render(incidents, fmt: str) -> str:
    from . import export

    if fmt == "geojson":
        return export.geojson_text(incidents)
    if fmt == "json":
        return export.json_array(export.records(incidents)) + "\n"
    if fmt == "csv":
        return export.csv_text(incidents)
    rows = export.records(incidents)
    for row in rows:
        row["killed/wounded"] = f"{_n(row['fatalities'])}/{_n(row['injured'])}"
        row["type"] = row["sub_event_type"]
        row["sources"] = len(row["sources"])
    _print_table(rows, ["event_date", "type", "location", "admin1", "admin2",
                        "killed/wounded", "geo_precision", "sources", "id"])
    return ""


def _n(value) -> str:
    return "?" if value is None else str(value)


@app.command()
def extract(
    files: List[Path] = typer.Argument(..., help="Article text files (UTF-8)."),
    published: Optional[str] = _PUBLISHED,
    fmt: ExtractFormat = typer.Option(ExtractFormat.geojson, "--format", "-f",
                                      help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Write here (atomically) instead of stdout."),
) -> None:
    """Extract located, dated, counted incidents from article files.

    GeoJSON (RFC 7946) goes to stdout by default. Incidents the text cannot place in
    Afghanistan are listed on stderr, never mapped. Exits 2 if a file cannot be read.
    """
    from .merge import merge_incidents

    with _errors():
        failed = []
        incidents = []
        for _doc, found in _read_and_extract(files, _date_option(published),
                                             _report_into(failed)):
            incidents.extend(found)
        incidents = merge_incidents(incidents)
        _report_unplaced(incidents)
        if len(failed) < len(files):
            text = _render(incidents, fmt.value)
            if text:
                _emit(text, output)
        if failed:
            raise typer.Exit(EXIT_INPUT)


@app.command()
def ingest(
    paths: List[Path] = typer.Argument(..., help="Article files or directories of *.txt files."),
    published: Optional[str] = _PUBLISHED,
    db: Optional[Path] = _DB,
) -> None:
    """Extract incidents from articles and add them to the store, in one transaction.

    Re-ingesting an article adds nothing; a new report of a known incident adds its source.
    """
    from .store import DEFAULT_DB, Store

    with _errors():
        files = _article_files(paths)
        failed = []
        with Store(db or DEFAULT_DB) as store:
            with typer.progressbar(length=len(files), label="ingesting", file=sys.stderr,
                                   show_pos=True) as bar:
                report = store.ingest(
                    _read_and_extract(files, _date_option(published), _report_into(failed)),
                    progress=lambda: bar.update(1))
            articles, incidents = store.counts()
        _report_unplaced(report.unplaced)
        _say(f"geomap: {report.articles_added} article(s) added, {report.articles_skipped} "
             f"already stored; {report.incidents_added} new incident(s), "
             f"{report.incidents_merged} merged into known ones; store {db or DEFAULT_DB}: "
             f"{articles} articles, {incidents} incidents")
        if failed:
            raise typer.Exit(EXIT_INPUT)


def _filters(store, province, district, since, until, event_type, actor, min_fatalities) -> dict:
    """Store query arguments from CLI options (names in any spelling)."""
    gaz = store.gazetteer
    code = None
    if province:
        place = gaz.province(province)
        if place is None:
            close = ", ".join(gaz.suggest(province, kind="province"))
            raise InputError(f"unknown province {province!r} (did you mean: {close}?)")
        code = place.admin1_code
    district_id = None
    if district:
        ranked = [c for c in gaz.lookup(district, kind="district", limit=10)
                  if c.place.kind == "district" and (code is None or c.place.admin1_code == code)]
        if not ranked:
            close = ", ".join(gaz.suggest(district, kind="district"))
            raise InputError(f"unknown district {district!r} (did you mean: {close}?)")
        district_id = ranked[0].place.id
    canonical_actor = None
    if actor:
        from .lexicon import find_actors

        hits = find_actors(actor)
        canonical_actor = hits[0].actor if hits else actor
    return dict(admin1_code=code, admin2_id=district_id, since=_date_option(since),
                until=_date_option(until), event_type=event_type, actor=canonical_actor,
                min_fatalities=min_fatalities)


@app.command()
def query(
    province: Optional[str] = _PROVINCE, district: Optional[str] = _DISTRICT,
    since: Optional[str] = _SINCE, until: Optional[str] = _UNTIL,
    event_type: Optional[str] = _TYPE, actor: Optional[str] = _ACTOR,
    min_fatalities: Optional[int] = _MIN_FATAL,
    fmt: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f"),
    db: Optional[Path] = _DB,
) -> None:
    """Query stored incidents by province, district, date, type, actor, fatalities.

    Example: geomap query --province Panjshri --since 2021-08-01 --format json
    """
    from .store import DEFAULT_DB, Store

    with _errors():
        with Store(db or DEFAULT_DB, create=False) as store:
            filters = _filters(store, province, district, since, until, event_type, actor,
                               min_fatalities)
            if fmt is QueryFormat.json:      # straight from the stored records: fast
                from .export import json_array

                sys.stdout.write(json_array(store.records(**filters)) + "\n")
                return
            found = store.incidents(**filters)
        text = _render(found, fmt.value)
        if text:
            sys.stdout.write(text)


@app.command()
def provinces(
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f"),
    db: Optional[Path] = _DB,
) -> None:
    """All 34 provinces with incident, fatality and injury totals (zeros included)."""
    import csv
    import io

    from .store import DEFAULT_DB, Store

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


@app.command(name="export")
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
    """Export stored incidents (the filters of 'query') to a file.

    Example: geomap export -o acled.csv --schema acled --province Kabul
    """
    from . import export
    from .store import DEFAULT_DB, Store

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


@app.command()
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
    """Static charts (matplotlib) of stored incidents, for reports and slides.

    Example: geomap chart -o outputs/charts --format svg --since 2021-01-01
    """
    from .charts import write_charts
    from .store import DEFAULT_DB, Store

    with _errors():
        with Store(db or DEFAULT_DB, create=False) as store:
            found = store.incidents(**_filters(store, province, district, since, until,
                                               event_type, actor, min_fatalities))
        for path in write_charts(output, found, fmt=fmt.value, top=top):
            _say(f"geomap: wrote {path}")


@app.command(name="map")
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
    from .store import DEFAULT_DB, Store

    if output.is_dir():
        output = output / "map.html"
    with _errors():
        with Store(db or DEFAULT_DB, create=False) as store:
            found = store.incidents(**_filters(store, province, district, since, until,
                                               event_type, actor, min_fatalities))
            _write_map(output, found, store, tiles)
        _say(f"geomap: wrote {output} ({len(found)} incidents)")


def _write_map(output: Path, incidents, store, tiles: bool) -> None:
    from .export import feature_collection
    from .maps import write_map

    boundaries = store.gazetteer.boundaries()
    province_fc = {"type": "FeatureCollection",
                   "features": [f for f in boundaries["features"]
                                if f["properties"]["kind"] == "province"]}
    write_map(output, feature_collection(incidents)["features"], province_fc,
              store.province_totals(), tiles="OpenStreetMap" if tiles else None)


@app.command()
def run(
    paths: List[Path] = typer.Argument(..., help="Article files or directories."),
    published: Optional[str] = _PUBLISHED,
    out: Path = typer.Option(Path("outputs"), "--out", help="Output directory."),
) -> None:
    """The main job: rebuild OUT/ from articles — store, GeoJSON, CSV, GeoPackage, map.

    Example: geomap run seeds --published 2021-11-03
    """
    import shutil
    import tempfile

    from . import export
    from .store import Store

    with _errors():
        out.mkdir(parents=True, exist_ok=True)
        files = _article_files(paths)
        failed = []
        with tempfile.TemporaryDirectory(dir=out) as tmp:
            db = Path(tmp) / "incidents.sqlite"
            with Store(db) as store:
                report = store.ingest(_read_and_extract(
                    files, _date_option(published), _report_into(failed)))
                found = store.incidents()
                for name in ("incidents.geojson", "incidents.csv", "incidents.gpkg"):
                    export.write(out / name, found)
                _write_map(out / "map.html", found, store, tiles=False)
            shutil.move(str(db), out / "incidents.sqlite")
        _report_unplaced(report.unplaced)
        _say(f"geomap: {len(files) - len(failed)} article(s), {len(found)} mapped incident(s) "
             f"→ {out}/incidents.sqlite, incidents.geojson, incidents.csv, incidents.gpkg, "
             f"map.html")
        if failed:
            raise typer.Exit(EXIT_INPUT)
