"""The wheel carries the gazetteer data and the sample articles; nothing heavy runs at
import."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest
from typer.testing import CliRunner

from geomap.cli import app
from geomap.sources.samples import PUBLISHED

from .conftest import ROOT

DATA_FILES = ["places.tsv", "names.tsv", "boundaries.geojson", "foreign.tsv",
              "common_words.txt"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d",
                    str(out)], cwd=ROOT, check=True, capture_output=True)
    (built,) = out.glob("geomap-*.whl")
    return built


def test_wheel_ships_gazetteer_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for data in DATA_FILES:
        assert f"geomap/_gazetteer/{data}" in names
    assert not [n for n in names if n.startswith("gazetteer/")]


def test_wheel_ships_the_sample_articles(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert sorted(n for n in names if n.startswith("geomap/_seeds/")) \
        == sorted(f"geomap/_seeds/{name}" for name in PUBLISHED)
    assert not [n for n in names if n.startswith("seeds/")]


def test_wheel_ships_the_web_assets(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    web = ROOT / "geomap" / "web"
    assets = [f"geomap/web/{p.relative_to(web).as_posix()}" for p in web.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts]
    assert "geomap/web/map/incidents.js" in assets
    assert sorted(n for n in names if n in assets) == sorted(assets)


def test_run_from_the_installed_wheel_writes_what_the_checkout_writes(wheel, tmp_path):
    """The wheel's files alone (unpacked first on sys.path, ahead of the editable
    checkout) run the main job in a directory with no seeds/ in it."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    here = subprocess.run([sys.executable, "-c", "import geomap.sources.samples as s; "
                           "print(s.sample_dir())"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, check=True).stdout.strip()
    assert here == str((site / "geomap" / "_seeds").resolve())
    installed = tmp_path / "installed"
    installed.mkdir()
    result = subprocess.run([sys.executable, "-m", "geomap", "run"], env=env, cwd=installed,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    checkout = tmp_path / "checkout"
    assert CliRunner().invoke(app, ["run", "--out", str(checkout)]).exit_code == 0
    for name in ("incidents.geojson", "incidents.csv", "map.html"):
        assert (installed / "outputs" / name).read_bytes() == (checkout / name).read_bytes()


def test_import_and_help_do_not_load_heavy_modules():
    code = ("import sys, geomap, geomap.cli; "
            "heavy = [m for m in ('geopandas', 'folium', 'shapely', 'pandas', 'geopy', "
            "'trafilatura', 'dask', 'distributed') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
