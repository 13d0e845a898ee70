"""geomap — offline incident mapper for news about violence in Afghanistan.

Article text → place mentions → located, dated, counted incidents →
an incident store → GeoJSON, CSV, GeoPackage and self-contained folium maps.
Everything runs offline against the gazetteer shipped with the package.

>>> from geomap import load_gazetteer
>>> load_gazetteer().best("Mazar-e Sharif").place.admin1
'Balkh'
"""

from .errors import GazetteerError, GeomapError, InputError, OutputError, StoreError

__all__ = [
    "Candidate", "Gazetteer", "GazetteerError", "GeomapError", "InputError",
    "OutputError", "Place", "StoreError", "load_gazetteer", "AfghanGazetteer", "read_incidents",
]
__version__ = "0.1.0"


#: names loaded on first use, so that ``geomap --help`` starts without the gazetteer code
_LAZY = {"Gazetteer": "places.gazetteer", "load_gazetteer": "places.gazetteer",
         "Candidate": "places.records", "Place": "places.records"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    # geopy is imported only when the geocoder is asked for.
    if name == "AfghanGazetteer":
        from .places.geocoder import AfghanGazetteer
        return AfghanGazetteer
    # the store, pandas and geopandas load only when incidents are read.
    if name == "read_incidents":
        from .outputs.export import read_incidents
        return read_incidents
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")
