"""Self-contained, offline folium maps of incidents (all folium code lives here).

The HTML carries its own Leaflet and Leaflet.markercluster (inlined from the
``xstatic-leaflet`` / ``xstatic-leaflet-markercluster`` packages): no CDN script
or stylesheet, no tile server. The province polygons are the base layer and a
choropleth; online OpenStreetMap tiles are an option (then the page needs the
network to show them).

Incidents are one clustered layer built in the browser from a compact JSON
array, so 100,000 incidents stay usable (one folium object per marker does
not scale). Article text never reaches the page as HTML: the data is JSON
with ``<``, ``>`` and ``&`` escaped, and popups are built with ``textContent``.
``map.html#incident=ID`` opens that incident's popup (a link you can share); a date
control (bottom left) shows only the incidents of a period.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from .fileio import atomic_write_text

__all__ = ["build_map", "write_map", "EVENT_COLORS"]

#: Marker colour per ACLED event type.
EVENT_COLORS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#7f7f7f",
}
_CHOROPLETH = ["#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"]
_AFGHANISTAN = [[29.3, 60.5], [38.5, 74.9]]   # south-west, north-east (lat, lon)


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    """(inline <script>, inline <style>) of Leaflet and markercluster, from XStatic."""
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as cluster

    def read(base: str, name: str) -> str:
        return (Path(base) / name).read_text(encoding="utf-8")

    js = read(leaflet.BASE_DIR, "leaflet.js") + "\n" + read(cluster.BASE_DIR,
                                                           "leaflet.markercluster.js")
    css = "\n".join([read(leaflet.BASE_DIR, "leaflet.css"),
                     read(cluster.BASE_DIR, "MarkerCluster.css"),
                     read(cluster.BASE_DIR, "MarkerCluster.Default.css")])
    js = js.replace("</script", "<\\/script")
    return f"<script>{js}</script>", f"<style>{css}</style>"


def _safe_json(value) -> str:
    """JSON that can sit inside a <script> element: no tag, comment or entity can start."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _rows(incidents: list[dict]) -> list[list]:
    """Compact rows for the browser: [lat, lon, colour index, killed, wounded, props]."""
    types = list(EVENT_COLORS)
    rows = []
    for feature in incidents:
        lon, lat = feature["geometry"]["coordinates"]
        p = feature["properties"]
        colour = types.index(p["event_type"]) if p["event_type"] in types else len(types) - 1
        precision = f"geo_precision {p.get('geo_precision')}, where_prec {p.get('where_prec')}"
        place = ", ".join(x for x in (p.get("location"), p.get("admin2"), p.get("admin1")) if x)
        quotes = [[s.get("file", ""), s.get("quote", "")] for s in p.get("sources", [])]
        rows.append([round(lat, 6), round(lon, 6), colour, p.get("fatalities"),
                     p.get("injured"), p.get("id"), p.get("event_date") or "undated",
                     p.get("date_precision") or "", p.get("sub_event_type") or "",
                     ", ".join(p.get("actors") or []), p.get("target") or "", place,
                     precision, quotes])
    return rows


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


def build_map(incidents: list[dict], provinces: dict, totals: dict[str, dict], *,
              title: str = "geomap incidents", tiles: str | None = None,
              choropleth: str = "fatalities") -> str:
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
    folium.GeoJson(
        shaded, name=f"Provinces ({choropleth})", overlay=False, control=True,
        style_function=lambda f: {"fillColor": _colour(f["properties"][choropleth], bins),
                                  "color": "#555", "weight": 1, "fillOpacity": 0.7},
        tooltip=folium.GeoJsonTooltip(fields=["name", "incidents", "fatalities", "injured"],
                                      aliases=["Province", "Incidents", "Killed", "Wounded"]),
    ).add_to(fmap)

    layer = _layer_class()(_rows(incidents), list(EVENT_COLORS.values()))
    layer.add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    fmap.get_root().html.add_child(Element(_legend(bins, choropleth)), name="geomap_legend")
    fmap.fit_bounds(_AFGHANISTAN)
    return fmap.get_root().render()


def _legend(bins: list[int], choropleth: str) -> str:
    items = "".join(f'<div><span style="background:{c}"></span>{name}</div>'
                    for name, c in EVENT_COLORS.items())
    labels = [f"{b}" if i == len(bins) - 1 or bins[i + 1] - 1 <= b else f"{b}–{bins[i + 1] - 1}"
              for i, b in enumerate(bins)]
    labels[-1] += "+"
    scale = "".join(f'<div><span class="sq" style="background:{c}"></span>{label}</div>'
                    for c, label in zip(_CHOROPLETH, labels))
    return f"""
<style>
 .geomap-legend {{position:fixed; bottom:28px; right:12px; z-index:1000; background:#fff;
   padding:8px 10px; border:1px solid #999; border-radius:4px; font:12px sans-serif;}}
 .geomap-legend span {{display:inline-block; width:11px; height:11px; border-radius:50%;
   margin-right:6px; vertical-align:middle;}}
 .geomap-legend span.sq {{border-radius:0; border:1px solid #999;}}
 .geomap-popup {{max-height:340px; overflow-y:auto;}}
 .geomap-time {{background:#fff; padding:4px 6px; font:12px sans-serif;}}
 .geomap-time input {{font:12px sans-serif; margin:0 2px;}}
 .geomap-popup td {{vertical-align:top; padding:1px 4px;}}
 .geomap-popup blockquote {{margin:4px 0; padding-left:6px; border-left:3px solid #ccc;
   max-height:120px; overflow:auto;}}
</style>
<div class="geomap-legend"><b>Event type</b> (marker size: killed){items}
<b>Province {choropleth}</b>{scale}<div style="color:#666">Data: GeoNames, geoBoundaries</div></div>
"""


# Clustered circle markers built in the browser from a compact JSON array.
_INCIDENT_LAYER_JS = """
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.setMaxZoom(18);   // no tile layer sets it; clustering needs it
var {{ this.get_name() }} = L.markerClusterGroup({chunkedLoading: true,
    disableClusteringAtZoom: 12, maxClusterRadius: 40});
(function () {
  var colours = {{ this.colours_json }};
  var rows = {{ this.rows_json }};
  var byRow = {};
  function cell(row, label, text) {
    var tr = document.createElement("tr");
    var th = document.createElement("td"); th.textContent = label;
    var td = document.createElement("td"); td.textContent = text;
    tr.appendChild(th); tr.appendChild(td); row.appendChild(tr);
  }
  function n(v) { return v === null || v === undefined ? "?" : String(v); }
  function popup(r) {
    var box = document.createElement("div"); box.className = "geomap-popup";
    var head = document.createElement("b"); head.textContent = r[8] + " — " + r[6];
    box.appendChild(head);
    var table = document.createElement("table");
    cell(table, "Date", r[6] + (r[7] ? " (" + r[7] + ")" : ""));
    cell(table, "Killed / wounded", n(r[3]) + " / " + n(r[4]));
    cell(table, "Actors", r[9] || "—");
    cell(table, "Target", r[10] || "—");
    cell(table, "Place", r[11]);
    cell(table, "Precision", r[12]);
    cell(table, "Id", r[5]);
    box.appendChild(table);
    r[13].forEach(function (q) {
      var quote = document.createElement("blockquote");
      quote.textContent = "\u201c" + q[1] + "\u201d (" + q[0] + ")";
      box.appendChild(quote);
    });
    return box;
  }
  var markers = rows.map(function (r) {
    var killed = r[3] || 0;
    var m = L.circleMarker([r[0], r[1]], {radius: Math.min(30, 4 + 1.6 * Math.sqrt(killed)),
        color: "#333", weight: 1, fillColor: colours[r[2]], fillOpacity: 0.85});
    m.bindPopup(function () { return popup(r); }, {maxWidth: 360});
    byRow[r[5]] = r;
    return m;
  });
  {{ this.get_name() }}.addLayers(markers);

  // time control: show only incidents dated within [from, to] (undated ones always)
  var dates = rows.map(function (r) { return r[6]; }).filter(function (d) {
    return /^\\d{4}-\\d{2}-\\d{2}$/.test(d); }).sort();
  if (dates.length) {
    var TimeControl = L.Control.extend({
      options: {position: "bottomleft"},
      onAdd: function () {
        var box = L.DomUtil.create("div", "geomap-time leaflet-bar");
        var label = L.DomUtil.create("b", "", box); label.textContent = "Dates ";
        var from = L.DomUtil.create("input", "", box); from.type = "date";
        var to = L.DomUtil.create("input", "", box); to.type = "date";
        from.value = dates[0]; to.value = dates[dates.length - 1];
        var shown = L.DomUtil.create("span", "", box);
        function apply() {
          var keep = markers.filter(function (m, i) {
            var d = rows[i][6];
            return !/^\\d/.test(d) || ((!from.value || d >= from.value) && (!to.value || d <= to.value));
          });
          {{ this.get_name() }}.clearLayers();
          {{ this.get_name() }}.addLayers(keep);
          shown.textContent = " " + keep.length + " of " + markers.length;
        }
        from.onchange = apply; to.onchange = apply;
        shown.textContent = " " + markers.length + " of " + markers.length;
        L.DomEvent.disableClickPropagation(box);
        return box;
      }
    });
    new TimeControl().addTo({{ this._parent.get_name() }});
  }
  // after the whole page script has run (the layer is on the map, bounds are set)
  window.addEventListener("load", function () {
    var match = /#incident=([\\w-]+)/.exec(window.location.hash);
    var r = match && byRow[match[1]];
    if (r) {
      var map = {{ this._parent.get_name() }};
      map.setView([r[0], r[1]], 13, {animate: false});
      L.popup({maxWidth: 360}).setLatLng([r[0], r[1]]).setContent(popup(r)).openOn(map);
    }
  });
})();
{% endmacro %}
"""


@lru_cache(maxsize=1)
def _layer_class():
    """The folium Layer of incidents (defined lazily: folium loads only when a map is made)."""
    import folium
    from jinja2 import Template

    class IncidentLayer(folium.map.Layer):
        _template = Template(_INCIDENT_LAYER_JS)

        def __init__(self, rows: list[list], colours: list[str]) -> None:
            super().__init__(name=f"Incidents ({len(rows):,})", overlay=True, control=True)
            self._name = "IncidentLayer"
            self.rows_json = _safe_json(rows)
            self.colours_json = _safe_json(colours)

    return IncidentLayer


def write_map(path: str | os.PathLike, incidents: list[dict], provinces: dict,
              totals: dict[str, dict], **options) -> Path:
    """Build the map and write it atomically (a failed build leaves no file behind)."""
    return atomic_write_text(path, build_map(incidents, provinces, totals, **options))
