"""Exports, written atomically: GeoJSON, CSV (geomap, ACLED or UCDP columns; HXL),
GeoPackage, GeoParquet and FlatGeobuf; and the incidents as a GeoDataFrame.

GeoJSON: RFC 7946 (WGS84 [lon, lat], no ``crs`` member, ≤ 7 decimals), deterministic
(incidents sorted by date then id, keys in a fixed order). CSV: every text cell that a
spreadsheet would read as a formula (``= + - @``, tab, carriage return first) is
prefixed with a single quote, as OWASP recommends; numbers stay numbers.

The column sets (``--schema``):

- ``geomap``: ACLED names first, then geomap's own (injuries, detained, codes, precision);
- ``acled``: ACLED's own column set and order (no injuries column: ACLED has none);
- ``ucdp``: UCDP GED's core columns (``best``/``low``/``high``, ``where_prec``, ``date_prec``…).

>>> neutralise("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> neutralise(-3), neutralise("Kabul")
(-3, 'Kabul')
"""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from .fileio import atomic_target, atomic_write_text
from ..incident import Incident

__all__ = ["feature_collection", "geojson_text", "json_array", "csv_text", "records",
           "write_geojson", "write_csv", "write_gpkg", "write", "table", "geodataframe",
           "read_incidents", "neutralise", "CSV_COLUMNS", "ACLED_COLUMNS", "UCDP_COLUMNS",
           "SCHEMAS", "FORMATS", "HXL_TAGS", "sort_incidents", "actor_pair"]

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, None: 3}
#: UCDP GED ``date_prec``: 1 day, 3 week, 4 month, 5 year.
_UCDP_DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5, None: 5}

#: geomap's columns: ACLED names first, then geomap's own.
CSV_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "event_type",
               "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2",
               "location", "latitude", "longitude", "geo_precision", "source", "notes",
               "fatalities", "injuries", "detained", "admin1_code", "place_id", "where_prec",
               "date_precision", "target", "source_outlet", "source_url", "source_title",
               "confidence", "review_status", "reviewed_by"]

#: ACLED's column set and order.
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                 "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
                 "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso",
                 "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
                 "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
                 "tags", "timestamp"]

#: UCDP GED's core columns.
UCDP_COLUMNS = ["id", "relid", "year", "type_of_violence", "side_a", "side_b",
                "number_of_sources", "source_article", "source_original", "source_date",
                "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
                "latitude", "longitude", "geom_wkt", "country", "country_id", "region",
                "event_clarity", "date_prec", "date_start", "date_end", "best", "high", "low"]

SCHEMAS = {"geomap": CSV_COLUMNS, "acled": ACLED_COLUMNS, "ucdp": UCDP_COLUMNS}

#: Output format by file extension.
FORMATS = {".geojson": "geojson", ".csv": "csv", ".gpkg": "gpkg", ".parquet": "parquet",
           ".fgb": "fgb"}

#: HXL hashtags (Humanitarian Exchange Language) by column name, any schema.
HXL_TAGS = {
    "event_date": "#date", "date_start": "#date",
    "admin1": "#adm1+name", "adm_1": "#adm1+name", "admin1_code": "#adm1+code",
    "admin2": "#adm2+name", "adm_2": "#adm2+name",
    "location": "#loc+name", "where_coordinates": "#loc+name",
    "latitude": "#geo+lat", "longitude": "#geo+lon",
    "event_type": "#event+type", "fatalities": "#affected+killed", "best": "#affected+killed",
    "injuries": "#affected+injured", "actor1": "#group+name", "side_a": "#group+name",
    "source": "#meta+source", "source_article": "#meta+source",
}

#: ACLED ``disorder_type`` by event type.
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Protests": "Demonstrations",
             "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
#: ACLED ``inter`` codes (1 state forces, 2 rebel group, 3 political militia, 7 civilians,
#: 8 external/other forces) of the canonical actors geomap recognises.
_INTER = {"Military Forces of Afghanistan": 1, "Police Forces of Afghanistan": 1,
          "Taliban": 2, "Islamic State Khorasan Province (ISKP)": 2, "Haqqani Network": 2,
          "National Resistance Front (NRF)": 2, "Tehrik-i-Taliban Pakistan (TTP)": 2,
          "Al-Qaeda": 2, "Hizb-i Islami": 2, "Unidentified Armed Group": 3,
          "Civilians (Afghanistan)": 7, "Military Forces of the United States": 8,
          "NATO": 8, "Military Forces of Pakistan": 8}
_STATE_ACTORS = {a for a, code in _INTER.items() if code in (1, 8)}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A spreadsheet cannot run it: text starting ``= + - @``, tab or CR gets a ``'`` first.

    Numbers (and None) are returned unchanged: they are never formulas.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def sort_incidents(incidents: Iterable[Incident]) -> list[Incident]:
    """Deterministic order: by date (undated last), then id."""
    return sorted(incidents, key=lambda i: (i.event_date is None,
                                            i.event_date.isoformat() if i.event_date else "",
                                            i.id))


def feature_collection(incidents: Iterable[Incident]) -> dict:
    """A GeoJSON FeatureCollection of the incidents that have a place."""
    return {"type": "FeatureCollection",
            "features": [i.__geo_interface__ for i in sort_incidents(incidents) if i.mapped]}


def json_array(items: Iterable[dict]) -> str:
    """A JSON array with one item per line: readable, diffable, and written by the C
    encoder (``indent=`` would switch json to its slow pure-Python encoder)."""
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    return "[\n" + ",\n".join(lines) + "\n]" if lines else "[]"


def geojson_text(incidents: Iterable[Incident], schema: str = "geomap") -> str:
    """RFC 7946 FeatureCollection text, one feature per line.

    ``schema="geomap"`` gives the full records (sources as a list); ``"acled"`` or
    ``"ucdp"`` give that schema's flat columns as properties.
    """
    if schema == "geomap":
        features = feature_collection(incidents)["features"]
    else:
        features = [{"type": "Feature", "id": inc.id,
                     "geometry": inc.__geo_interface__["geometry"],
                     "properties": {k: None if v == "" else v for k, v in row.items()}}
                    for inc, row in zip(*_mapped_rows(incidents, schema))]
    return '{"type": "FeatureCollection", "features": ' + json_array(features) + "}\n"


def records(incidents: Iterable[Incident]) -> list[dict]:
    """Plain JSON objects: the GeoJSON properties plus ``lat`` and ``lon``."""
    out = []
    for inc in sort_incidents(incidents):
        row = inc.properties()
        row["lat"] = inc.place.lat if inc.place else None
        row["lon"] = inc.place.lon if inc.place else None
        out.append(row)
    return out


# -- one row per incident, per schema ---------------------------------------------------

def _blank(value):
    return "" if value is None else value


def _source_files(inc: Incident) -> str:
    return "; ".join(dict.fromkeys(s.file for s in inc.sources))


def _notes(inc: Incident) -> str:
    return " | ".join(s.quote for s in inc.sources)


def actor_pair(inc: Incident) -> tuple[str, str]:
    """(actor1, actor2) as the exports write them: the named sides, else the first
    actors found."""
    actor1 = inc.actor1 or (inc.actors[0] if inc.actors else "")
    rest = [a for a in inc.actors if a != actor1]
    actor2 = inc.actor2 or (rest[0] if rest else "")
    return actor1, actor2


def _geomap_row(inc: Incident) -> dict:
    p = inc.properties()
    actor1, actor2 = actor_pair(inc)
    return {
        "event_id_cnty": inc.id, "event_date": p["event_date"] or "",
        "year": inc.event_date.year if inc.event_date else "",
        "time_precision": _TIME_PRECISION[inc.date_precision],
        "event_type": inc.event_type, "sub_event_type": inc.sub_event_type,
        "actor1": actor1, "actor2": actor2,
        "country": inc.country, "admin1": p["admin1"] or "", "admin2": p["admin2"] or "",
        "location": inc.location,
        "latitude": inc.place.lat if inc.place else "",
        "longitude": inc.place.lon if inc.place else "",
        "geo_precision": _blank(inc.geo_precision),
        "source": _source_files(inc), "notes": _notes(inc),
        "fatalities": _blank(inc.fatalities), "injuries": _blank(inc.injured),
        "detained": _blank(inc.detained),
        "admin1_code": p["admin1_code"] or "", "place_id": p["place_id"] or "",
        "where_prec": inc.where_prec, "date_precision": inc.date_precision or "",
        "target": inc.target or "",
        "source_outlet": _joined(s.outlet for s in inc.sources),
        "source_url": _joined(s.url for s in inc.sources),
        "source_title": _joined(s.title for s in inc.sources),
        "confidence": p["confidence"],
        "review_status": inc.review.status if inc.review else "",
        "reviewed_by": (inc.review.reviewer or "") if inc.review else "",
    }


def _joined(values) -> str:
    """Distinct known values, in source order, joined by "; "."""
    return "; ".join(dict.fromkeys(v for v in values if v))


def _acled_row(inc: Incident) -> dict:
    row = _geomap_row(inc)
    actor1, actor2 = row["actor1"], row["actor2"]
    civilian = inc.event_type == "Violence against civilians"
    if civilian and not actor2:
        actor2 = "Civilians (Afghanistan)"        # ACLED: the victims of VAC are actor 2
    others = [a for a in inc.actors if a not in (actor1, actor2)]
    inter1, inter2 = _INTER.get(actor1, ""), _INTER.get(actor2, "")
    codes = sorted(c for c in (inter1, inter2) if c != "")
    interaction = int("".join(map(str, codes))) if len(codes) == 2 else (
        codes[0] * 10 if len(codes) == 1 and not actor2 else "")
    published = [s.published for s in inc.sources if s.published]
    timestamp = (int(datetime.combine(max(published), datetime.min.time(),
                                      timezone.utc).timestamp()) if published else "")
    return {
        "event_id_cnty": row["event_id_cnty"], "event_date": row["event_date"],
        "year": row["year"], "time_precision": row["time_precision"],
        "disorder_type": _DISORDER.get(inc.event_type, ""),
        "event_type": inc.event_type, "sub_event_type": inc.sub_event_type,
        "actor1": actor1, "assoc_actor_1": "; ".join(others), "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": "", "inter2": inter2, "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": 4, "region": "Caucasus and Central Asia", "country": inc.country,
        "admin1": row["admin1"], "admin2": row["admin2"], "admin3": "",
        "location": inc.location, "latitude": row["latitude"], "longitude": row["longitude"],
        "geo_precision": row["geo_precision"], "source": row["source"], "source_scale": "",
        "notes": row["notes"],
        "fatalities": inc.fatalities or 0,       # ACLED: 0 when no figure is reported
        "tags": "", "timestamp": timestamp,
    }


def _ucdp_row(inc: Incident) -> dict:
    from ..extract.merge import date_span

    row = _geomap_row(inc)
    actor1, actor2 = row["actor1"], row["actor2"]
    if inc.event_type == "Violence against civilians":
        violence = 3                                  # one-sided
    elif actor1 in _STATE_ACTORS or actor2 in _STATE_ACTORS:
        violence = 1                                  # state-based
    elif actor1 and actor2:
        violence = 2                                  # non-state
    else:
        violence = ""                                 # not known from the text
    start = end = inc.event_date
    if inc.event_date and inc.date_precision != "day":
        start, end = date_span(inc.event_date, inc.date_precision)
    lat, lon = row["latitude"], row["longitude"]
    where = ", ".join(x for x in (inc.location, row["admin2"], row["admin1"]) if x)
    published = sorted({s.published.isoformat() for s in inc.sources if s.published})
    return {
        "id": inc.id, "relid": inc.id, "year": row["year"], "type_of_violence": violence,
        "side_a": actor1, "side_b": actor2 or ("Civilians" if violence == 3 else ""),
        "number_of_sources": len({s.file for s in inc.sources}),
        "source_article": row["source"], "source_original": row["notes"],
        "source_date": "; ".join(published), "where_prec": inc.where_prec,
        "where_coordinates": inc.location, "where_description": where,
        "adm_1": f"{row['admin1']} province" if row["admin1"] else "",
        "adm_2": f"{row['admin2']} district" if row["admin2"] else "",
        "latitude": lat, "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if inc.place else "",
        "country": inc.country, "country_id": 700 if inc.country == "Afghanistan" else "",
        "region": "Asia", "event_clarity": 1,
        "date_prec": _UCDP_DATE_PREC[inc.date_precision],
        "date_start": start.isoformat() if start else "",
        "date_end": end.isoformat() if end else "",
        "best": _blank(inc.fatalities), "high": _blank(inc.fatalities),
        "low": _blank(inc.fatalities),
    }


_ROWS = {"geomap": _geomap_row, "acled": _acled_row, "ucdp": _ucdp_row}


def _check_schema(schema: str) -> None:
    if schema not in SCHEMAS:
        raise InputError(f"unknown schema {schema!r} (one of: {', '.join(SCHEMAS)})")


def table(incidents: Iterable[Incident], schema: str = "geomap") -> list[dict]:
    """One flat row (dict, the schema's columns in order) per incident, by date then id."""
    _check_schema(schema)
    make = _ROWS[schema]
    return [make(inc) for inc in sort_incidents(incidents)]


def _mapped_rows(incidents: Iterable[Incident], schema: str) -> tuple[list, list]:
    mapped = [i for i in sort_incidents(incidents) if i.mapped]
    return mapped, table(mapped, schema)


def csv_text(incidents: Iterable[Incident], schema: str = "geomap", *,
             hxl: bool = False) -> str:
    """CSV text of a schema, formula-neutralised; ``hxl`` adds the hashtag row."""
    rows = table(incidents, schema)
    columns = SCHEMAS[schema]
    buffer = io.StringIO()
    head = csv.writer(buffer, lineterminator="\n")
    head.writerow(columns)
    if hxl:
        head.writerow([HXL_TAGS.get(c, "") for c in columns])
    # text quoted, numbers bare: a CR or LF inside a text cell can never split a row
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n",
                            quoting=csv.QUOTE_NONNUMERIC)
    for row in rows:
        writer.writerow({c: neutralise(v) for c, v in row.items()})
    return buffer.getvalue()


# -- spatial tables ---------------------------------------------------------------------

_INTEGER_COLUMNS = {"year", "time_precision", "geo_precision", "fatalities", "injuries",
                    "detained", "where_prec", "inter1", "inter2", "interaction", "iso",
                    "timestamp", "type_of_violence", "number_of_sources", "country_id",
                    "event_clarity", "date_prec", "best", "high", "low"}


def geodataframe(incidents: Iterable[Incident], schema: str = "geomap"):
    """The mapped incidents as a ``geopandas.GeoDataFrame`` (EPSG:4326), one column per
    schema column (blank numbers as missing, nullable integers) plus ``geometry``."""
    import geopandas
    import pandas
    from shapely import points

    mapped, rows = _mapped_rows(incidents, schema)
    columns = SCHEMAS[schema]
    frame = pandas.DataFrame(rows, columns=columns)
    for column in columns:
        if column in _INTEGER_COLUMNS:
            frame[column] = pandas.array([None if v == "" else v for v in frame[column]],
                                         dtype="Int64")
        elif column in ("latitude", "longitude"):
            frame[column] = frame[column].astype("float64")
    geometry = points([i.place.lon for i in mapped], [i.place.lat for i in mapped])
    return geopandas.GeoDataFrame(frame, geometry=geopandas.GeoSeries(geometry),
                                  crs="EPSG:4326")


# -- writers ----------------------------------------------------------------------------

def write_geojson(path: str | os.PathLike, incidents: Iterable[Incident],
                  schema: str = "geomap") -> Path:
    return atomic_write_text(path, geojson_text(incidents, schema))


def write_csv(path: str | os.PathLike, incidents: Iterable[Incident],
              schema: str = "geomap", *, hxl: bool = False) -> Path:
    return atomic_write_text(path, csv_text(incidents, schema, hxl=hxl))


def _write_ogr(path, incidents, schema: str, driver: str, suffix: str, **options) -> Path:
    frame = geodataframe(incidents, schema)
    with atomic_target(path, suffix=suffix) as tmp:
        tmp.unlink()
        frame.to_file(tmp, driver=driver, engine="pyogrio", **options)
    return Path(path)


def write_gpkg(path: str | os.PathLike, incidents: Iterable[Incident],
               schema: str = "geomap", layer: str = "incidents") -> Path:
    """A GeoPackage (opens in QGIS) of the mapped incidents, via GDAL (pyogrio)."""
    return _write_ogr(path, incidents, schema, "GPKG", ".tmp.gpkg", layer=layer)


def write_fgb(path: str | os.PathLike, incidents: Iterable[Incident],
              schema: str = "geomap") -> Path:
    """A FlatGeobuf file (with its spatial index) of the mapped incidents, via GDAL."""
    return _write_ogr(path, incidents, schema, "FlatGeobuf", ".tmp.fgb")


def write_parquet(path: str | os.PathLike, incidents: Iterable[Incident],
                  schema: str = "geomap") -> Path:
    """GeoParquet (pyarrow; read by ``geopandas.read_parquet``, GDAL ≥ 3.5, QGIS)."""
    frame = geodataframe(incidents, schema)
    with atomic_target(path, suffix=".tmp.parquet") as tmp:
        frame.to_parquet(tmp, index=False)
    return Path(path)


def format_of(path: str | os.PathLike) -> str:
    """The export format named by a file's extension."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{path}: unknown export format {suffix or '(no extension)'!r} "
                         f"(use one of: {', '.join(FORMATS)})")
    return FORMATS[suffix]


def write(path: str | os.PathLike, incidents: Iterable[Incident], *,
          schema: str = "geomap", hxl: bool = False) -> Path:
    """Write incidents to ``path`` in the format its extension names (atomically).

    Parameters
    ----------
    path : path
        ``.geojson``, ``.csv``, ``.gpkg``, ``.parquet`` (GeoParquet) or ``.fgb``.
    schema : {"geomap", "acled", "ucdp"}
        Column set.
    hxl : bool
        CSV only: add the HXL hashtag row under the header.
    """
    fmt = format_of(path)
    _check_schema(schema)
    if hxl and fmt != "csv":
        raise InputError("--hxl applies to CSV output only")
    incidents = list(incidents)
    if fmt == "geojson":
        return write_geojson(path, incidents, schema)
    if fmt == "csv":
        return write_csv(path, incidents, schema, hxl=hxl)
    if fmt == "gpkg":
        return write_gpkg(path, incidents, schema)
    if fmt == "fgb":
        return write_fgb(path, incidents, schema)
    return write_parquet(path, incidents, schema)


# -- the library's reading entry point --------------------------------------------------

def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise InputError(f"not a date (YYYY-MM-DD): {value!r}") from err


def read_incidents(db: str | os.PathLike | None = None, *, province: str | None = None,
                   district: str | None = None, since: date | str | None = None,
                   until: date | str | None = None, event_type: str | None = None,
                   actor: str | None = None, min_fatalities: int | None = None,
                   min_confidence: float | None = None, include_rejected: bool = False,
                   schema: str = "geomap"):
    """Stored incidents as a ``geopandas.GeoDataFrame`` (EPSG:4326, the export columns).

    The filters are those of ``geomap query``: a province or district in any spelling
    or script (or an ISO code), dates as ``date`` or ``"YYYY-MM-DD"``, an event type or
    sub-type, an actor in any alias, a minimum number killed, a minimum confidence; the
    analysts' corrections applied (rejected incidents only with ``include_rejected``).

    Example (run as a test from the README)::

        frame = read_incidents("outputs/incidents.sqlite", province="Kabul")
        frame.crs.to_epsg()      # 4326
    """
    from ..store.incidents import DEFAULT_DB, Store, filter_ids

    with Store(db or DEFAULT_DB, create=False) as store:
        code, district_id, canonical_actor = filter_ids(
            store, province=province, district=district, actor=actor)
        found = store.incidents(admin1_code=code, admin2_id=district_id,
                                since=_as_date(since), until=_as_date(until),
                                event_type=event_type, actor=canonical_actor,
                                min_fatalities=min_fatalities, min_confidence=min_confidence,
                                include_rejected=include_rejected)
    return geodataframe(found, schema)
