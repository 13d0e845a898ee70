"""The wheel carries the gazetteer data; nothing heavy runs at import."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from .conftest import ROOT

DATA_FILES = ["places.tsv", "names.tsv", "boundaries.geojson", "foreign.tsv",
              "common_words.txt"]


def test_wheel_ships_gazetteer_data(tmp_path):
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d",
                    str(tmp_path)], cwd=ROOT, check=True, capture_output=True)
    (wheel,) = tmp_path.glob("geomap-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for data in DATA_FILES:
        assert f"geomap/_gazetteer/{data}" in names
    assert not [n for n in names if n.startswith("gazetteer/")]


def test_import_and_help_do_not_load_heavy_modules():
    code = ("import sys, geomap, geomap.cli; "
            "heavy = [m for m in ('geopandas', 'folium', 'shapely', 'pandas', 'geopy', "
            "'trafilatura', 'dask', 'distributed') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
