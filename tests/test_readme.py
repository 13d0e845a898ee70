"""Every command and code example in the README runs, as a newcomer would copy it."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from typer.testing import CliRunner

from geomap.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[list[str]]:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    commands = []
    for block in blocks:
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith((".venv/bin/geomap ", "geomap ")):
                commands.append(shlex.split(line)[1:])
    return commands


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_readme_commands_paste_as_written():
    """After the two set-up commands, nothing needs an activated venv."""
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    bare = [line for block in blocks for line in block.splitlines()
            if re.match(r"(geomap|python|pip|pytest)\b", line.strip())]
    assert not bare, f"say .venv/bin/ in: {bare}"
    optional = [line for block in blocks for line in block.splitlines()
                if re.search(r"\s\[-", line.split("  #")[0])]
    assert not optional, f"usage brackets do not paste; name options in a comment: {optional}"


@pytest.fixture(scope="module")
def scheduler():
    """A real Dask cluster on this machine stands in for the README's tcp://10.0.0.5."""
    import warnings

    distributed = pytest.importorskip("distributed")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      host="127.0.0.1", dashboard_address=None) as cluster:
            yield cluster.scheduler_address


def test_readme_commands_run_in_order(workdir, scheduler):
    commands = _commands()
    assert commands[0] == ["run"]                 # the main job, as the first screen shows it
    assert ["run", "seeds", "--published", "2021-11-03"] in commands
    assert any("--scheduler" in args for args in commands)
    runner = CliRunner()
    for args in commands:
        args = [scheduler if a.startswith("tcp://10.0.0.5") else a for a in args]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
    for name in ("incidents.sqlite", "incidents.geojson", "incidents.csv", "incidents.gpkg",
                 "map.html", "charts/provinces.svg"):
        assert (workdir / "outputs" / name).stat().st_size > 0
    for name in ("acled.csv", "incidents.parquet"):
        assert (workdir / name).stat().st_size > 0


def test_readme_python_examples_run(workdir):
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(blocks) == 2
    result = CliRunner().invoke(app, ["run", "seeds", "--published", "2021-11-03"])
    assert result.exit_code == 0, result.output
    for block in blocks:                      # the second reads the store the run wrote
        scope: dict = {}
        exec(compile(block, "README.md", "exec"), scope)
    assert len(scope["kabul"]) >= 1 and scope["kabul"].crs.to_epsg() == 4326


def test_readme_incident_table_is_what_the_store_gives(workdir):
    (shown,) = re.findall(r"<!-- incident-table -->\n```text\n(.*?)```", README, re.S)
    runner = CliRunner()
    assert runner.invoke(app, ["run"]).exit_code == 0
    result = runner.invoke(app, ["query", "--format", "table"])
    assert result.exit_code == 0, result.output
    assert shown == result.stdout, \
        "README incident table is stale: run .venv/bin/python docs/screenshot.py"
