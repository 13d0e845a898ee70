"""Regenerate ``docs/dari.png`` for the README's "Dari and Pashto" section: the map of
the Dari and Pashto samples in ``examples/dari-pashto/`` with the popup of the Sangin
incident open, its Dari quote right to left beside the English fields.

    .venv/bin/python docs/dari_screenshot.py

The samples go through the commands a user runs (``geomap ingest``, ``geomap map``) into
a temporary directory; the picture is taken as ``docs/screenshot.py`` takes the README's
first one (headless Debian Chromium over its DevTools pipe, nothing downloaded).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshot import ROOT, screenshot  # noqa: E402

SAMPLES = ROOT / "examples" / "dari-pashto"
PNG = ROOT / "docs" / "dari.png"
#: The incident whose popup is shown: the one at this place.
SHOWN = "AF-HEL-sangin"
#: The south of the country around the open popup, its quote scrolled into view.
ZOOM_OUT = ("var at = geomap.map._popup.getLatLng();"
            " geomap.map.setView([at.lat + 1.9, at.lng - 0.8], 7, {animate: false});"
            " var box = document.querySelector('.leaflet-popup-content .geomap-popup');"
            " box.scrollTop = box.scrollHeight;")


def geomap(*args: str) -> str:
    return subprocess.run([sys.executable, "-m", "geomap", *args], capture_output=True,
                          text=True, check=True, cwd=ROOT).stdout


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db, html = Path(tmp) / "incidents.sqlite", Path(tmp) / "map.html"
        geomap("ingest", str(SAMPLES.relative_to(ROOT)), "--lang", "auto", "--db", str(db), "--quiet")
        geomap("map", "-o", str(html), "--db", str(db))
        rows = json.loads(geomap("query", "--format", "json", "--db", str(db)))
        shown = next(r["id"] for r in rows if r["place_id"] == SHOWN)
        drawn = screenshot(html, PNG, fragment=f"#incident={shown}", size=(1100, 700),
                           prepare=ZOOM_OUT)
    print(f"docs/dari_screenshot.py: wrote {PNG} ({drawn['markers']} markers, popup of "
          f"{shown})", file=sys.stderr)


if __name__ == "__main__":
    main()
