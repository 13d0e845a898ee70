"""Regenerate the README's first screen from the current outputs: ``docs/map.png`` (a
screenshot of ``outputs/map.html`` in headless Debian Chromium) and the incident table
(``geomap query --format table`` on ``outputs/incidents.sqlite``, between the README's
``<!-- incident-table -->`` markers).

Run it after ``geomap run`` whenever the outputs change::

    .venv/bin/geomap run && .venv/bin/python docs/screenshot.py

Chromium is driven over its DevTools pipe (``tests/cdp.py``: headless, no sandbox, no GPU,
no background networking, no component updates, no sync, no first run, a fresh profile,
host names unresolvable), so nothing is downloaded. The PNG records the SHA-256 of the
map it shows (a ``tEXt`` chunk, :data:`HASH_KEY`), which lets a test tell a stale picture
from a current one without a browser. The script refuses to write a picture of a page
that drew no incident.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.cdp import Browser, CDPError, find_chromium  # noqa: E402

MAP = ROOT / "outputs" / "map.html"
PNG = ROOT / "docs" / "map.png"
README = ROOT / "README.md"
DB = ROOT / "outputs" / "incidents.sqlite"
#: The PNG text chunk that names the map shown: ``sha256:<hex of outputs/map.html>``.
HASH_KEY = b"geomap-map"
#: The view: wide enough for the panel (bottom left) and the legend beside the country.
WIDTH, HEIGHT = 1440, 860
READY = "window.geomap && geomap.ready && geomap.details"
TABLE = re.compile(r"(<!-- incident-table -->\n```text\n).*?(```\n<!-- /incident-table -->)",
                   re.S)


def map_digest(path: Path = MAP) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def png_text(data: bytes) -> dict[bytes, bytes]:
    """The ``tEXt`` chunks of a PNG, keyword → text."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    found, at = {}, 8
    while at < len(data):
        (length,), kind = struct.unpack(">I", data[at:at + 4]), data[at + 4:at + 8]
        if kind == b"tEXt":
            key, _, text = data[at + 8:at + 8 + length].partition(b"\0")
            found[key] = text
        at += 12 + length
    return found


def with_text(data: bytes, key: bytes, text: bytes) -> bytes:
    """The PNG with a ``tEXt`` chunk added after its header chunk."""
    body = b"tEXt" + key + b"\0" + text
    chunk = struct.pack(">I", len(body) - 4) + body + struct.pack(">I", zlib.crc32(body))
    end_of_header = 8 + 12 + struct.unpack(">I", data[8:12])[0]
    return data[:end_of_header] + chunk + data[end_of_header:]


def screenshot(map_html: Path = MAP, png: Path = PNG, exe: str | None = None, *,
               fragment: str = "", size: tuple[int, int] = (WIDTH, HEIGHT),
               prepare: str = "") -> dict:
    """Write ``png``, a picture of ``map_html`` once its incidents are drawn; returns what
    the page drew (``{"markers": n, "clusters": m}``). ``fragment`` (``#incident=ID``)
    opens that incident's popup first; ``prepare`` is JavaScript run before the picture
    (after it, the page gets half a second for Leaflet's transitions)."""
    if not map_html.is_file():
        raise SystemExit(f"docs/screenshot.py: no {map_html}: run .venv/bin/geomap run first")
    exe = exe or find_chromium()
    if exe is None:
        raise SystemExit("docs/screenshot.py: Debian chromium is needed "
                         "(sudo apt-get install chromium)")
    with Browser(exe) as browser:
        browser.call("Emulation.setDeviceMetricsOverride", session=True, width=size[0],
                     height=size[1], deviceScaleFactor=1, mobile=False)
        browser.navigate(map_html.resolve().as_uri() + fragment)
        browser.wait_for(READY + (" && document.querySelector('.leaflet-popup-content')"
                                  if fragment else ""), timeout=30)
        if prepare:
            browser.evaluate(f"(function () {{ {prepare} }})(), new Promise(function (done)"
                             " { setTimeout(function () { done(true); }, 500); })")
        state = json.loads(browser.evaluate(
            "new Promise(function (done) { requestAnimationFrame(function () {"
            " requestAnimationFrame(function () { done(JSON.stringify({drawn: geomap.drawn,"
            " error: geomap.error || null})); }); }); })"))
        if state["error"] or not sum(state["drawn"].values()):
            raise CDPError(f"{map_html}: the map drew no incident ({state}); no picture taken")
        shot = browser.call("Page.captureScreenshot", session=True, format="png",
                            captureBeyondViewport=False)
    data = with_text(base64.b64decode(shot["data"]), HASH_KEY, map_digest(map_html).encode())
    png.parent.mkdir(parents=True, exist_ok=True)
    png.write_bytes(data)
    return state["drawn"]


def incident_table(db: Path = DB) -> str:
    """``geomap query --format table`` on the store, as the README shows it."""
    if not db.is_file():
        raise SystemExit(f"docs/screenshot.py: no {db}: run .venv/bin/geomap run first")
    result = subprocess.run([sys.executable, "-m", "geomap", "query", "--format", "table",
                             "--db", str(db)], capture_output=True, text=True, check=True,
                            cwd=ROOT)
    return result.stdout


def update_readme(table: str, readme: Path = README) -> bool:
    """Put ``table`` between the README's markers; True if the README changed."""
    text = readme.read_text(encoding="utf-8")
    if not TABLE.search(text):
        raise SystemExit(f"{readme}: no <!-- incident-table --> block")
    new = TABLE.sub(lambda m: m.group(1) + table + m.group(2), text)
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--map", type=Path, default=MAP, help="the map to picture")
    parser.add_argument("-o", "--output", type=Path, default=PNG, help="the PNG to write")
    parser.add_argument("--no-readme", action="store_true",
                        help="only the picture; leave the README's incident table alone")
    args = parser.parse_args()
    drawn = screenshot(args.map, args.output)
    print(f"docs/screenshot.py: wrote {args.output} ({drawn['markers']} markers, "
          f"{drawn['clusters']} clusters drawn)", file=sys.stderr)
    if not args.no_readme:
        changed = update_readme(incident_table())
        print(f"docs/screenshot.py: README incident table "
              f"{'updated' if changed else 'already current'}", file=sys.stderr)


if __name__ == "__main__":
    main()
