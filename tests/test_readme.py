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
    assert ["run", "seeds", "--published", "2021-11-03"] in commands
    assert any("--scheduler" in args for args in commands)
    runner = CliRunner()
    for args in commands:
        args = [scheduler if a.startswith("tcp://10.0.0.5") else a for a in args]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
    for name in ("incidents.sqlite", "incidents.geojson", "incidents.csv", "incidents.gpkg",
                 "map.html"):
        assert (workdir / "outputs" / name).stat().st_size > 0


def test_readme_python_example_runs():
    (block,) = re.findall(r"```python\n(.*?)```", README, re.S)
    exec(compile(block, "README.md", "exec"), {})
