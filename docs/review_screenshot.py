"""Regenerate ``docs/review.png``, the README's picture of the review page: a store built
from ``seeds/`` in a temporary directory, the review server on a free loopback port, and
headless Debian Chromium over its DevTools pipe (``tests/cdp.py``; every host name but
127.0.0.1 unresolvable, nothing downloaded)::

    .venv/bin/python docs/review_screenshot.py
"""

from __future__ import annotations

import base64
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.cdp import Browser, find_chromium  # noqa: E402

PNG = ROOT / "docs" / "review.png"
WIDTH, HEIGHT = 1280, 800


def main() -> None:
    import os

    os.chdir(ROOT)                   # the sources are named as a checkout names them
    from geomap.extract.incidents import extract
    from geomap.review.server import ReviewApp, make_server, url_of
    from geomap.store.incidents import Store
    from geomap.text.reader import read_article

    exe = find_chromium()
    if exe is None:
        raise SystemExit("docs/review_screenshot.py: Debian chromium is needed")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "incidents.sqlite"
        with Store(db) as store:
            docs = [read_article(p.relative_to(ROOT), published=date(2021, 11, 3))
                    for p in sorted((ROOT / "seeds").glob("*.txt"))]
            store.ingest((doc, extract(doc)) for doc in docs)
        app = ReviewApp(db, {}, "analyst")
        server = make_server(app, 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with Browser(exe, loopback=True) as browser:
                browser.call("Emulation.setDeviceMetricsOverride", session=True, width=WIDTH,
                             height=HEIGHT, deviceScaleFactor=1, mobile=False)
                browser.navigate(url_of(server, app))
                browser.wait_for("window.geomapReview && geomapReview.ready", timeout=30)
                browser.evaluate("document.querySelectorAll('#queue-list li')[4].click()")
                browser.wait_for("document.querySelectorAll('#locator path').length > 30")
                shot = browser.call("Page.captureScreenshot", session=True, format="png")
        finally:
            server.shutdown()
            server.server_close()
    PNG.write_bytes(base64.b64decode(shot["data"]))
    print(f"docs/review_screenshot.py: wrote {PNG}", file=sys.stderr)


if __name__ == "__main__":
    main()
