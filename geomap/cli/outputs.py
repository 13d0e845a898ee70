"""``geomap export``, ``chart`` and ``map`` (stored incidents to files) and ``geomap run``
(the main job: articles to every output)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .app import (ACTOR, DATE_FIELD, DB, DISTRICT, EXIT_INPUT, FORMAT_IN, JOBS, LANG,
                  MAX_JOBS, MIN_CONF, MIN_FATAL, PROVINCE, PUBLISHED, QUIET, REJECTED, SCHEDULER,
                  SINCE, TEXT_FIELD, TYPE, UNTIL, InputFormat, Language, app, bounded, examples,
                  query_filters, reported_errors, say)
from .printing import report_problems
from .reading import Reading, ingest_read


class Schema(str, Enum):
    geomap = "geomap"
    acled = "acled"
    ucdp = "ucdp"


@app.command(name="export",
             epilog=examples("geomap export -o acled.csv --schema acled --province Kabul",
                             "geomap export -o incidents.parquet --since 2021-01-01"))
def export_(
    output: Path = typer.Option(..., "--output", "-o",
                                help="File to write (atomically); the extension names the "
                                     "format: .geojson, .csv, .gpkg, .parquet (GeoParquet), "
                                     ".fgb (FlatGeobuf)."),
    province: Optional[str] = PROVINCE, district: Optional[str] = DISTRICT,
    since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    event_type: Optional[str] = TYPE, actor: Optional[str] = ACTOR,
    min_fatalities: Optional[int] = MIN_FATAL,
    min_confidence: Optional[float] = MIN_CONF, include_rejected: bool = REJECTED,
    schema: Schema = typer.Option(Schema.geomap, "--schema",
                                  help="Columns: geomap's own, ACLED's or UCDP GED's."),
    hxl: bool = typer.Option(False, "--hxl", help="CSV: add the HXL hashtag row under the "
                                                  "header (#date, #adm1+name, ...)."),
    db: Optional[Path] = DB,
) -> None:
    """Export stored incidents (the filters of 'query') to a file."""
    from ..outputs import export
    from ..store.incidents import DEFAULT_DB, Store

    with reported_errors():
        export.format_of(output)                  # a bad extension fails before any work
        with Store(db or DEFAULT_DB, create=False) as store:
            found = store.incidents(**query_filters(store, province, district, since,
                                                    until, event_type, actor,
                                                    min_fatalities, min_confidence,
                                                    include_rejected))
        export.write(output, found, schema=schema.value, hxl=hxl)
        say(f"geomap: wrote {output} ({len(found)} incidents, {schema.value} columns)")


class ChartFormat(str, Enum):
    png = "png"
    svg = "svg"


@app.command(epilog=examples("geomap chart -o outputs/charts --format svg --since 2021-01-01"))
def chart(
    output: Path = typer.Option(Path("outputs") / "charts", "--output", "-o",
                                help="Directory for fatalities_by_month, incidents_by_type "
                                     "and provinces (.png or .svg)."),
    fmt: ChartFormat = typer.Option(ChartFormat.png, "--format", "-f"),
    top: int = typer.Option(5, "--top", min=1, max=34,
                            help="Provinces in the fatalities-per-month chart."),
    province: Optional[str] = PROVINCE, district: Optional[str] = DISTRICT,
    since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    event_type: Optional[str] = TYPE, actor: Optional[str] = ACTOR,
    min_fatalities: Optional[int] = MIN_FATAL,
    db: Optional[Path] = DB,
) -> None:
    """Static charts (matplotlib) of stored incidents, for reports and slides."""
    from ..outputs.charts import write_charts
    from ..store.incidents import DEFAULT_DB, Store

    with reported_errors():
        with Store(db or DEFAULT_DB, create=False) as store:
            found = store.incidents(**query_filters(store, province, district, since,
                                                    until, event_type, actor,
                                                    min_fatalities))
        for path in write_charts(output, found, fmt=fmt.value, top=top):
            say(f"geomap: wrote {path}")


@app.command(name="map",
             epilog=examples("geomap map -o outputs/map.html",
                             "geomap map --province Kabul --since 2021-10-01 -o kabul.html"))
def map_(
    province: Optional[str] = PROVINCE, district: Optional[str] = DISTRICT,
    since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
    event_type: Optional[str] = TYPE, actor: Optional[str] = ACTOR,
    min_fatalities: Optional[int] = MIN_FATAL,
    min_confidence: Optional[float] = MIN_CONF, include_rejected: bool = REJECTED,
    output: Path = typer.Option(Path("outputs") / "map.html", "--output", "-o",
                                help="HTML file to write (atomically); in a directory, "
                                     "DIR/map.html."),
    tiles: bool = typer.Option(False, "--tiles/--no-tiles",
                               help="Add OpenStreetMap tiles (needs the network to view)."),
    db: Optional[Path] = DB,
) -> None:
    """Write a self-contained HTML map (works offline) of the stored incidents."""
    from ..store.incidents import DEFAULT_DB, Store

    if output.is_dir():
        output = output / "map.html"
    with reported_errors():
        with Store(db or DEFAULT_DB, create=False) as store:
            found = store.incidents(**query_filters(store, province, district, since,
                                                    until, event_type, actor,
                                                    min_fatalities, min_confidence,
                                                    include_rejected))
            _write_map(output, found, store, tiles)
        say(f"geomap: wrote {output} ({len(found)} incidents)")


def _write_map(output: Path, incidents, store, tiles: bool) -> None:
    from ..outputs.export import feature_collection
    from ..outputs.maps import write_map

    boundaries = store.gazetteer.boundaries()
    province_fc = {"type": "FeatureCollection",
                   "features": [f for f in boundaries["features"]
                                if f["properties"]["kind"] == "province"]}
    write_map(output, feature_collection(incidents)["features"], province_fc,
              store.province_totals(), tiles="OpenStreetMap" if tiles else None)


@app.command(epilog=examples("geomap run",
                            "geomap run seeds --published 2021-11-03 --out outputs"))
def run(
    paths: Optional[List[Path]] = typer.Argument(
        None, help="Article files or directories (none: the two sample articles shipped "
                   "with geomap, with their publication dates)."),
    published: Optional[str] = PUBLISHED,
    out: Path = typer.Option(Path("outputs"), "--out", help="Output directory."),
    fmt_in: Optional[InputFormat] = FORMAT_IN,
    text_field: Optional[str] = TEXT_FIELD, date_field: Optional[str] = DATE_FIELD,
    jobs: int = JOBS, scheduler: Optional[str] = SCHEDULER,
    quiet: bool = QUIET, lang: Language = LANG,
) -> None:
    """The main job: rebuild OUT/ from articles — store, GeoJSON, CSV, GeoPackage, map.

    With no PATHS it reads the sample articles inside the package and writes what
    'geomap run seeds --published 2021-11-03' writes from a checkout.
    """
    import shutil
    import tempfile

    from ..outputs import export
    from ..store.incidents import BATCH_SIZE, Store

    with reported_errors():
        bounded("--jobs", jobs, 0, MAX_JOBS)
        reading = Reading(paths, published, fmt_in, text_field, date_field,
                          samples=not paths, language=lang.code)
        if reading.first is None:
            say("geomap: error: no article could be read; nothing written")
            raise typer.Exit(EXIT_INPUT)
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=out) as tmp:
            db = Path(tmp) / "incidents.sqlite"
            with Store(db) as store:
                ingest_read(store, reading, jobs, scheduler, quiet, BATCH_SIZE)
                store.adopt_log(out / "incidents.sqlite")      # a rebuild keeps the decisions
                report_problems(store)
                found = store.incidents()
                for name in ("incidents.geojson", "incidents.csv", "incidents.gpkg"):
                    export.write(out / name, found)
                _write_map(out / "map.html", found, store, tiles=False)
                articles, _ = store.counts()
            for suffix in ("-wal", "-shm"):      # closed: the WAL is checkpointed into db
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            shutil.move(str(db), out / "incidents.sqlite")
        say(f"geomap: {articles} article(s), {len(found)} mapped incident(s) "
            f"→ {out}/incidents.sqlite, incidents.geojson, incidents.csv, incidents.gpkg, "
            f"map.html")
        if reading.failed:
            raise typer.Exit(EXIT_INPUT)
