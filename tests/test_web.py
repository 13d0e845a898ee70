"""The pages' JavaScript is valid JavaScript: each file under geomap/web and every inline
script of a rendered map pass ``node --check``.

Skipped with a message when node is missing locally; CI sets GEOMAP_REQUIRE_BROWSER=1,
which turns a missing node into a failure (.ci/run installs it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from geomap.outputs import maps
from geomap.web import asset

from .cdp import require_tool
from .test_maps import map_inputs

WEB = Path(maps.__file__).resolve().parent.parent / "web"
SCRIPTS = sorted(WEB.rglob("*.js"))


@pytest.fixture(scope="module")
def node() -> str:
    return require_tool(shutil.which("node"),
                        "node not installed (apt-get install nodejs) — JavaScript check skipped")


def _check(node: str, path: Path) -> None:
    result = subprocess.run([node, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_there_is_javascript_to_check():
    assert WEB / "map" / "incidents.js" in SCRIPTS


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: str(p.relative_to(WEB)))
def test_each_script_file_is_valid_javascript(node, path):
    _check(node, path)


def test_node_check_catches_a_syntax_error(node, tmp_path):
    broken = tmp_path / "broken.js"
    broken.write_text(asset("map/incidents.js").replace("function () {", "function ( {", 1),
                      encoding="utf-8")
    with pytest.raises(AssertionError, match="SyntaxError"):
        _check(node, broken)


@pytest.mark.parametrize("incident_layer", [True, False])
def test_every_inline_script_of_a_map_is_valid_javascript(node, tmp_path, incident_layer):
    html = maps.build_map(*map_inputs(), incident_layer=incident_layer)
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 3
    for n, script in enumerate(scripts):
        path = tmp_path / f"script{n}.js"
        path.write_text(script, encoding="utf-8")
        _check(node, path)


def test_the_page_fills_every_slot_of_the_layer_script():
    slots = {slot[0] for slot in maps._SLOT.finditer(asset("map/incidents.js"))}
    assert {"__MAP__", "__CORE__", "__META__", "__DETAIL__"} <= slots
    html = maps.build_map(*map_inputs())
    assert not [slot for slot in slots if slot in html]
    assert "{{" not in html and "{%" not in html and "$css" not in html


def test_assets_are_read_once():
    assert asset("map/style.css") is asset("map/style.css")
    with pytest.raises(FileNotFoundError):
        asset("map/no-such-file.js")
