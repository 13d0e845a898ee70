"""Exports: RFC 7946 GeoJSON, ACLED-style CSV and GeoPackage, written atomically.

GeoJSON: WGS84 [lon, lat], no ``crs`` member, ≤ 7 decimals, deterministic
(incidents sorted by date then id, keys in a fixed order).
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Iterable

from .fileio import atomic_target, atomic_write_text
from .incident import Incident

__all__ = ["feature_collection", "geojson_text", "json_array", "csv_text", "records", "write_geojson",
           "write_csv", "write_gpkg", "CSV_COLUMNS", "sort_incidents"]

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, None: 3}

#: CSV columns, ACLED names first, then geomap's own.
CSV_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "event_type",
               "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2",
               "location", "latitude", "longitude", "geo_precision", "source", "notes",
               "fatalities", "injuries", "detained", "admin1_code", "place_id", "where_prec",
               "date_precision", "target", "source_outlet", "source_url", "source_title"]


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


def geojson_text(incidents: Iterable[Incident]) -> str:
    """RFC 7946 FeatureCollection text, one feature per line."""
    features = feature_collection(incidents)["features"]
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


def _csv_row(inc: Incident) -> dict:
    p = inc.properties()
    return {
        "event_id_cnty": inc.id, "event_date": p["event_date"] or "",
        "year": inc.event_date.year if inc.event_date else "",
        "time_precision": _TIME_PRECISION[inc.date_precision],
        "event_type": inc.event_type, "sub_event_type": inc.sub_event_type,
        "actor1": inc.actor1 or (inc.actors[0] if inc.actors else ""),
        "actor2": inc.actor2 or (inc.actors[1] if len(inc.actors) > 1 else ""),
        "country": inc.country, "admin1": p["admin1"] or "", "admin2": p["admin2"] or "",
        "location": inc.location,
        "latitude": inc.place.lat if inc.place else "",
        "longitude": inc.place.lon if inc.place else "",
        "geo_precision": inc.geo_precision or "",
        "source": "; ".join(dict.fromkeys(s.file for s in inc.sources)),
        "notes": " | ".join(s.quote for s in inc.sources),
        "fatalities": "" if inc.fatalities is None else inc.fatalities,
        "injuries": "" if inc.injured is None else inc.injured,
        "detained": "" if inc.detained is None else inc.detained,
        "admin1_code": p["admin1_code"] or "", "place_id": p["place_id"] or "",
        "where_prec": inc.where_prec, "date_precision": inc.date_precision or "",
        "target": inc.target or "",
        "source_outlet": _joined(s.outlet for s in inc.sources),
        "source_url": _joined(s.url for s in inc.sources),
        "source_title": _joined(s.title for s in inc.sources),
    }


def _joined(values) -> str:
    """Distinct known values, in source order, joined by "; "."""
    return "; ".join(dict.fromkeys(v for v in values if v))


def csv_text(incidents: Iterable[Incident]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for inc in sort_incidents(incidents):
        writer.writerow(_csv_row(inc))
    return buffer.getvalue()


def write_geojson(path: str | os.PathLike, incidents: Iterable[Incident]) -> Path:
    return atomic_write_text(path, geojson_text(incidents))


def write_csv(path: str | os.PathLike, incidents: Iterable[Incident]) -> Path:
    return atomic_write_text(path, csv_text(incidents))


def write_gpkg(path: str | os.PathLike, incidents: Iterable[Incident],
               layer: str = "incidents") -> Path:
    """A GeoPackage (opens in QGIS) of the mapped incidents, via GDAL (pyogrio)."""
    import geopandas

    rows = []
    for feature in feature_collection(incidents)["features"]:
        props = dict(feature["properties"])
        props["actors"] = "; ".join(props["actors"])
        props["sources"] = json.dumps(props["sources"], ensure_ascii=False)
        rows.append({"type": "Feature", "geometry": feature["geometry"], "properties": props})
    frame = geopandas.GeoDataFrame.from_features(rows, crs="EPSG:4326")
    with atomic_target(path, suffix=".tmp.gpkg") as tmp:
        tmp.unlink()
        frame.to_file(tmp, driver="GPKG", layer=layer, engine="pyogrio")
    return Path(path)
