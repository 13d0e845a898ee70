"""Self-contained, offline folium maps of incidents (all folium code lives here).

The HTML carries its own Leaflet (inlined from the ``xstatic-leaflet`` package): no CDN
script or stylesheet, no tile server. The province polygons are the base layer and a
choropleth; online OpenStreetMap tiles are an option (then the page needs the network
to show them).

Incidents scale to 100,000 and more: they reach the page as compact columns, the
integers the first render needs as one Int32 array, the texts (dictionary-coded) as
JSON read after the first render, each gzip-compressed and base64-encoded; the browser
decompresses them natively (``DecompressionStream``). They are drawn on one canvas and clustered in the page on a pixel grid; a popup's content is
built only when it opens, with ``textContent`` (article text is never parsed as HTML).
Incidents at one point open as a list, each entry reachable; ``map.html#incident=ID``
opens that incident. A panel (bottom left) filters by date, event type and actor (any
alias) and draws incidents and fatalities per month by event type for what is shown;
clicking a province lists its incidents with their totals.

The same incidents give byte-identical HTML: folium's random element ids are replaced
by sequential ones and the compressed data carries no timestamp. The page's own
JavaScript, CSS and legend are files in ``geomap/web/map/`` (:func:`geomap.web.asset`).
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from string import Template

from ..web import asset
from .fileio import atomic_write_text

__all__ = ["build_map", "write_map", "map_data", "EVENT_COLORS", "CLUSTER_COLORS"]

#: Marker colour per ACLED event type.
EVENT_COLORS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#7f7f7f",
}
#: Cluster bubbles (fewer than 10, fewer than 100, more incidents): blues, a hue no
#: event type uses.
CLUSTER_COLORS = ["#9ecae1", "#4292c6", "#08519c"]
_OTHER_TYPE_COLOR = "#17becf"
_CHOROPLETH = ["#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"]
_AFGHANISTAN = [[29.3, 60.5], [38.5, 74.9]]   # south-west, north-east (lat, lon)
_PRECISIONS = ["day", "week", "month", "year"]
_EPOCH = date(1970, 1, 1)


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    """(inline <script>, inline <style>) of Leaflet, from XStatic."""
    import xstatic.pkg.leaflet as leaflet

    base = Path(leaflet.BASE_DIR)
    js = (base / "leaflet.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    css = (base / "leaflet.css").read_text(encoding="utf-8")
    return f"<script>{js}</script>", f"<style>{css}</style>"


def _safe_json(value) -> str:
    """JSON that can sit inside a <script> element: no tag, comment or entity can start."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class _Codes:
    """A dictionary code: each distinct value gets the next index."""

    def __init__(self, values=()) -> None:
        self.values: list = []
        self._index: dict = {}
        for value in values:
            self(value)

    def __call__(self, value) -> int:
        key = json.dumps(value) if isinstance(value, list) else value
        if key not in self._index:
            self._index[key] = len(self.values)
            self.values.append(value)
        return self._index[key]


def map_data(incidents: list[dict]) -> dict:
    """The page's incident data: one list per column, strings dictionary-coded.

    ``pts`` is a flat [lat, lon, lat, lon, ...] list of distinct points and ``p`` each
    incident's point; ``d`` is days since 1970-01-01 (None when undated); ``a`` indexes
    ``actorSets`` (the actors a record carries, ``actor1``/``actor2`` included).
    """
    from ..rules.lexicon import ACTOR_ALIASES

    types = _Codes(EVENT_COLORS)
    subtypes, places, targets, files = _Codes(), _Codes(), _Codes(), _Codes()
    provinces, points, actor_sets = _Codes(), _Codes(), _Codes()
    actors = sorted({a for f in incidents for a in _actors_of(f["properties"])})
    actor_index = {a: n for n, a in enumerate(actors)}
    cols = {k: [] for k in ("id", "p", "t", "s", "d", "dp", "k", "w", "x", "a", "pr", "loc",
                            "tg", "gp", "wp", "q", "cf")}
    for feature in incidents:
        lon, lat = feature["geometry"]["coordinates"]
        p = feature["properties"]
        day = p.get("event_date")
        cols["id"].append(p["id"])
        cols["p"].append(points((round(lat, 6), round(lon, 6))))
        cols["t"].append(types(p["event_type"]))
        cols["s"].append(subtypes(p.get("sub_event_type") or ""))
        cols["d"].append((date.fromisoformat(day) - _EPOCH).days if day else None)
        cols["dp"].append(_PRECISIONS.index(p["date_precision"])
                          if p.get("date_precision") in _PRECISIONS else len(_PRECISIONS))
        cols["k"].append(p.get("fatalities"))
        cols["w"].append(p.get("injured"))
        cols["x"].append(p.get("detained"))
        cols["a"].append(actor_sets(sorted(actor_index[a] for a in _actors_of(p))))
        cols["pr"].append(provinces((p.get("admin1_code") or "", p.get("admin1") or "")))
        cols["loc"].append(places(", ".join(x for x in (p.get("location"), p.get("admin2"),
                                                        p.get("admin1")) if x)))
        cols["tg"].append(targets(p["target"]) if p.get("target") else None)
        cols["gp"].append(p.get("geo_precision"))
        cols["wp"].append(p.get("where_prec"))
        cols["cf"].append(p.get("confidence"))
        cols["q"].append([[files(s.get("file", "")), s.get("quote", "")]
                          for s in p.get("sources", [])])
    aliases = {}
    for actor in actors:
        for alias in (actor, *ACTOR_ALIASES.get(actor, ())):
            aliases.setdefault(alias.lower(), actor_index[actor])
    colours = [EVENT_COLORS.get(t, _OTHER_TYPE_COLOR) for t in types.values]
    return {"types": types.values, "colours": colours, "sub": subtypes.values,
            "places": places.values, "targets": targets.values, "files": files.values,
            "provinces": [list(v) for v in provinces.values],
            "pts": [c for point in points.values for c in point],
            "actors": actors, "aliases": aliases, "actorSets": actor_sets.values,
            "precisions": _PRECISIONS + [""], **cols}


def _actors_of(props: dict) -> list[str]:
    return list(dict.fromkeys([*(props.get("actors") or []),
                               *(a for a in (props.get("actor1"), props.get("actor2")) if a)]))


#: Integer columns the first render, the filters and the chart need: sent as one
#: little-endian Int32 array (column after column), gzip + base64; the browser views
#: them in place, with no parsing. Missing values: days ``_NO_DAY``, counts -1.
_INT_COLUMNS = ("p", "t", "d", "dp", "k", "w", "a", "pr")
_NO_DAY = -2 ** 31
#: Small tables sent as plain JSON; everything else (ids, texts) is decompressed after
#: the first render, for the popups and ``#incident=ID``.
_META = ("types", "colours", "provinces", "pts", "actors", "aliases", "actorSets",
         "precisions")


def _gzip64(raw: bytes) -> str:
    """gzip without a timestamp (deterministic) + base64: inert inside <script>."""
    return base64.b64encode(gzip.compress(raw, compresslevel=6, mtime=0)).decode("ascii")


def _packed(data: dict) -> tuple[str, str, str]:
    """(meta JSON, integer columns, detail JSON) of :func:`map_data` for the page."""
    import sys
    from array import array

    columns = array("i")
    for name in _INT_COLUMNS:
        missing = _NO_DAY if name == "d" else -1
        columns.extend(missing if v is None else v for v in data[name])
    if sys.byteorder == "big":
        columns.byteswap()
    meta = {k: data[k] for k in _META}
    meta["n"] = len(data["id"])
    meta["columns"] = list(_INT_COLUMNS)
    detail = {k: v for k, v in data.items() if k not in _META and k not in _INT_COLUMNS}
    raw = json.dumps(detail, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return _safe_json(meta), _gzip64(columns.tobytes()), _gzip64(raw)


def _bins(values: list[int]) -> list[int]:
    top = max(values) if values else 0
    if top <= 0:
        return [0, 1, 2, 3, 4]
    step = max(1, -(-top // 4))
    return [0, 1, step, 2 * step, 3 * step]


def _colour(value: int, bins: list[int]) -> str:
    index = 0
    for i, edge in enumerate(bins):
        if value >= edge:
            index = i
    return _CHOROPLETH[index]


def _fix_ids(root) -> None:
    """Sequential element ids in document order instead of folium's random ones."""
    counter = 0

    def walk(element) -> None:
        nonlocal counter
        counter += 1
        element._id = f"{counter:04d}"
        for child in element._children.values():
            walk(child)

    walk(root)


def build_map(incidents: list[dict], provinces: dict, totals: dict[str, dict], *,
              title: str = "geomap incidents", tiles: str | None = None,
              choropleth: str = "fatalities", incident_layer: bool = True) -> str:
    """The HTML of a self-contained map.

    Parameters
    ----------
    incidents : list of dict
        GeoJSON Point features with geomap incident properties.
    provinces : dict
        FeatureCollection of province polygons (properties ``id``, ``name``).
    totals : dict
        ``{admin1_code: {"incidents": n, "fatalities": n, "injured": n}}``.
    tiles : str, optional
        ``"OpenStreetMap"`` adds online tiles; default none (works offline).
    choropleth : {"fatalities", "incidents"}
        What the province shading shows.
    incident_layer : bool
        False leaves the incidents out (the province layer alone, e.g. to compare).
    """
    import folium
    from branca.element import Element

    if choropleth not in ("fatalities", "incidents"):
        raise ValueError("choropleth must be 'fatalities' or 'incidents'")
    fmap = folium.Map(location=[34.0, 66.0], zoom_start=6, tiles=None, control_scale=True)
    fmap.default_js, fmap.default_css = [], []      # no CDN: assets are inlined below
    script, style = _assets()
    fmap.get_root().header.add_child(Element(style), name="geomap_css")
    fmap.get_root().header.add_child(Element(script), name="geomap_js")
    fmap.get_root().title = title
    if tiles:
        folium.TileLayer(tiles, name="OpenStreetMap (online)").add_to(fmap)

    values = [totals.get(f["properties"]["id"], {}).get(choropleth, 0)
              for f in provinces["features"]]
    bins = _bins(values)
    shaded = {"type": "FeatureCollection", "features": []}
    for feature in provinces["features"]:
        code = feature["properties"]["id"]
        t = totals.get(code, {"incidents": 0, "fatalities": 0, "injured": 0})
        shaded["features"].append({"type": "Feature", "geometry": feature["geometry"],
                                   "properties": {"name": feature["properties"]["name"],
                                                  "code": code, **t}})
    province_layer = folium.GeoJson(
        shaded, name=f"Provinces ({choropleth})", overlay=False, control=True,
        style_function=lambda f: {"fillColor": _colour(f["properties"][choropleth], bins),
                                  "color": "#555", "weight": 1, "fillOpacity": 0.7},
        tooltip=folium.GeoJsonTooltip(fields=["name", "incidents", "fatalities", "injured"],
                                      aliases=["Province", "Incidents", "Killed", "Wounded"]),
    )
    province_layer.add_to(fmap)
    if incident_layer:
        _layer_class()(map_data(incidents), province_layer).add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    fmap.get_root().html.add_child(Element(_legend(bins, choropleth)), name="geomap_legend")
    fmap.fit_bounds(_AFGHANISTAN)
    _fix_ids(fmap.get_root())
    return fmap.get_root().render()


def _legend(bins: list[int], choropleth: str) -> str:
    items = "".join(f'<div><span style="background:{c}"></span>{name}</div>'
                    for name, c in EVENT_COLORS.items())
    clusters = "".join(f'<span style="background:{c}"></span>' for c in CLUSTER_COLORS)
    labels = [f"{b}" if i == len(bins) - 1 or bins[i + 1] - 1 <= b else f"{b}–{bins[i + 1] - 1}"
              for i, b in enumerate(bins)]
    labels[-1] += "+"
    scale = "".join(f'<div><span class="sq" style="background:{c}"></span>{label}</div>'
                    for c, label in zip(_CHOROPLETH, labels))
    page = Template(asset("map/legend.html")).substitute(
        css=asset("map/style.css"), items=items, clusters=clusters, choropleth=choropleth,
        scale=scale)
    return "\n" + page          # the leading newline keeps the page as it always was


#: A slot the incident layer's script (``geomap/web/map/incidents.js``: the layer, the
#: filter panel, the chart and the popups, plain JS over Leaflet) leaves for the page to
#: fill in: ``__NAME__``, an identifier or inside a string, so the file is valid JavaScript.
_SLOT = re.compile(r"__([A-Z][A-Z_]*)__")


@lru_cache(maxsize=1)
def _layer_class():
    """The folium Layer of incidents (defined lazily: folium loads only when a map is made)."""
    import folium
    import jinja2

    class IncidentLayer(folium.map.Layer):
        _template = jinja2.Template("\n{% macro script(this, kwargs) %}\n{{ this.script }}"
                                   "{% endmacro %}\n")

        def __init__(self, data: dict, province_layer) -> None:
            super().__init__(name=f"Incidents ({len(data['id']):,})", overlay=True,
                             control=True)
            self._name = "IncidentLayer"
            self.meta, self.core, self.detail = _packed(data)
            self.cluster_json = _safe_json(CLUSTER_COLORS)
            self._provinces = province_layer

        @property
        def script(self) -> str:
            """The layer's script, its names and data filled in (when the page renders)."""
            values = {"LAYER": self.get_name(), "MAP": self._parent.get_name(),
                      "PROVINCE_LAYER": (self._provinces.get_name()
                                         if self._provinces is not None else "null"),
                      "CLUSTER_COLORS": self.cluster_json, "CORE": self.core,
                      "META": self.meta, "DETAIL": self.detail}
            return _SLOT.sub(lambda slot: values[slot[1]], asset("map/incidents.js"))

    return IncidentLayer


def write_map(path: str | os.PathLike, incidents: list[dict], provinces: dict,
              totals: dict[str, dict], **options) -> Path:
    """Build the map and write it atomically (a failed build leaves no file behind)."""
    return atomic_write_text(path, build_map(incidents, provinces, totals, **options))
