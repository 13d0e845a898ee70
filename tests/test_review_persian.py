"""The review page shows a Dari source sentence right to left, its names in their script."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from geomap.extract.incidents import extract
from geomap.review.server import ReviewApp, make_server
from geomap.store.incidents import Store
from geomap.text.reader import make_document

from .test_review_server import _page, chromium  # noqa: F401  (a fixture)

#: A Dari report of our own words.
DARI = ("صبح امروز در انفجار یک ماین کنار جاده در ولسوالی نادعلی ولایت هلمند دو غیرنظامی "
        "کشته و سه تن دیگر زخمی شدند.")


@pytest.fixture
def served(tmp_path):
    db = tmp_path / "review.sqlite"
    doc = make_document(DARI, published=date(2022, 5, 1), source="dari.txt", language=None)
    with Store(db) as store:
        store.ingest([(doc, extract(doc))])
    review = ReviewApp(db, {}, "ana")
    server = make_server(review, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield review, server, db
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_a_dari_source_sentence_reads_right_to_left(served, chromium, tmp_path):  # noqa: F811
    with _page(chromium, tmp_path / "profile", served) as browser:
        browser.wait_for("document.querySelector('#sources blockquote')")
        shown = browser.evaluate(
            "(function () { var q = document.querySelector('#sources blockquote');"
            " var s = getComputedStyle(q);"
            " return [s.direction, s.unicodeBidi, s.letterSpacing, q.textContent,"
            " getComputedStyle(document.getElementById('fields')).direction]; })()")
    direction, bidi, spacing, text, fields = shown
    assert (direction, bidi, spacing) == ("rtl", "plaintext", "normal")
    assert "ولسوالی نادعلی" in text and "زخمی شدند" in text    # whole words, unescaped
    assert fields == "ltr"                                     # the English fields as they were
