"""A newcomer's first minutes (issue 11): ``geomap run`` with no paths, ``--version``,
examples at the end of every ``--help``, and the README's picture of the map."""

from __future__ import annotations

import importlib.util
import shlex
import shutil
import struct
import tomllib
from datetime import date
from importlib.metadata import version

import pytest
import typer
from typer.testing import CliRunner

from geomap.cli import app
from geomap.text.reader import read_article
from geomap.sources.samples import PUBLISHED, read_samples, sample_dir

from .cdp import require_chromium
from .conftest import ROOT, SEEDS

COMMITTED = ("incidents.geojson", "incidents.csv", "map.html")
COMMANDS = sorted(typer.main.get_command(app).commands)


def _load_screenshot():
    spec = importlib.util.spec_from_file_location("screenshot", ROOT / "docs" / "screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- geomap run with no paths ---------------------------------------------------------------

def test_run_without_paths_writes_what_run_seeds_writes(runner, workdir):
    result = runner.invoke(app, ["run"])
    assert result.exit_code == 0, result.output
    assert "2 article(s), 8 mapped incident(s)" in result.stderr
    explicit = runner.invoke(app, ["run", "seeds", "--published", "2021-11-03",
                                   "--out", "explicit"])
    assert explicit.exit_code == 0, explicit.output
    for name in COMMITTED:
        assert (workdir / "outputs" / name).read_bytes() \
            == (workdir / "explicit" / name).read_bytes(), name
    stored = [runner.invoke(app, ["query", "--format", "json", "--db", f"{out}/incidents.sqlite"])
              for out in ("outputs", "explicit")]
    assert stored[0].exit_code == 0 and stored[0].stdout == stored[1].stdout
    assert '"seeds/000_f548904bbe22a22a.txt"' in stored[0].stdout


def test_run_without_paths_needs_no_seeds_directory(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)                   # an empty directory: the package has them
    result = runner.invoke(app, ["run", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "map.html").stat().st_size > 0


def test_sample_table_names_every_seed_with_its_date():
    assert sorted(PUBLISHED) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert sorted(PUBLISHED) == sorted(p.name for p in sample_dir().glob("*.txt"))
    for name, published in PUBLISHED.items():
        # a date line, where there is one, says what the table says
        assert read_article(SEEDS / name).published in (None, published)
    assert read_article(SEEDS / "000_f548904bbe22a22a.txt").published is None


def test_published_replaces_the_date_of_the_sample_without_a_date_line():
    documents = list(read_samples(date(2021, 11, 10)))
    assert [d.published for d in documents] == [date(2021, 11, 10), date(2021, 11, 4)]
    assert [d.source for d in documents] == [f"seeds/{name}" for name in PUBLISHED]


# -- --version and --help --------------------------------------------------------------------

def test_version_comes_from_the_package_metadata(runner):
    import geomap

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == f"geomap {version('geomap')}\n"
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert version("geomap") == declared == geomap.__version__, \
        "pyproject, geomap.__version__ and the installed metadata disagree (reinstall?)"


def _examples(runner, command: str) -> list[str]:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "100"})  # no wrapping
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
    assert "Examples:" in lines, f"{command} --help has no examples"
    return lines[lines.index("Examples:") + 1:]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_ends_with_one_or_two_examples(runner, command):
    examples = _examples(runner, command)
    assert 1 <= len(examples) <= 2, examples
    for example in examples:
        assert example == f"geomap {command}" or example.startswith(f"geomap {command} ")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_examples_parse(runner, command):
    """Every option and value of an example is one the command takes (the README test
    runs the same commands end to end)."""
    group = typer.main.get_command(app)
    for example in _examples(runner, command):
        args = shlex.split(example)[2:]
        group.commands[command].make_context(command, args, parent=typer.Context(group))


# -- the README's picture of the map --------------------------------------------------------

def test_readme_screenshot_shows_the_committed_map():
    screenshot = _load_screenshot()
    assert "](docs/map.png)" in (ROOT / "README.md").read_text(encoding="utf-8")
    shown = screenshot.png_text((ROOT / "docs" / "map.png").read_bytes())
    assert shown.get(screenshot.HASH_KEY) == screenshot.map_digest().encode(), \
        "docs/map.png is not a picture of outputs/map.html: run .venv/bin/python docs/screenshot.py"


@pytest.mark.browser
def test_screenshot_script_pictures_a_drawn_map(tmp_path):
    exe = require_chromium("screenshot")
    screenshot = _load_screenshot()
    png = tmp_path / "map.png"
    drawn = screenshot.screenshot(ROOT / "outputs" / "map.html", png, exe)
    assert drawn["markers"] + drawn["clusters"] >= 3
    data = png.read_bytes()
    assert struct.unpack(">II", data[16:24]) == (screenshot.WIDTH, screenshot.HEIGHT)
    assert screenshot.png_text(data)[screenshot.HASH_KEY] == screenshot.map_digest().encode()
    assert len(data) > 20_000                     # a blank page compresses to a few KB


def test_screenshot_script_rewrites_only_the_readme_table_block(tmp_path):
    screenshot = _load_screenshot()
    readme = tmp_path / "README.md"
    readme.write_text("no markers here\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        screenshot.update_readme("table\n", readme)
    readme.write_text("a\n<!-- incident-table -->\n```text\nold\n```\n"
                      "<!-- /incident-table -->\nb\n", encoding="utf-8")
    assert screenshot.update_readme("new\n", readme)
    assert readme.read_text(encoding="utf-8").splitlines()[3] == "new"
    assert not screenshot.update_readme("new\n", readme)

