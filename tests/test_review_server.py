"""The review server: loopback only, the token on every request, POSTs for changes, only
the app's routes; and the page in a real headless browser, reviewed with real clicks and
keys, its decisions seen by ``query`` and ``map`` and kept by a second ingest."""

from __future__ import annotations

import http.client
import json
import threading
from contextlib import contextmanager
from datetime import date

import pytest
from typer.testing import CliRunner

from geomap.cli import app as cli
from geomap.review.server import HOST, ReviewApp, make_server, url_of
from geomap.store.incidents import Store
from geomap.text.reader import Document

from .cdp import Browser, require_chromium
from .test_corrections import _item
from .test_review_sheet import ROOT_SEEDS

PUBLISHED = date(2021, 11, 3)
#: an article of my own whose text tries to run code in the page
HOSTILE = ('Militants killed three guards in Nad Ali district of Helmand province on Sunday '
           '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>, police said.')


def _ingest(db) -> None:
    result = CliRunner().invoke(cli, ["ingest", ROOT_SEEDS, "--published",
                                      PUBLISHED.isoformat(), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output


@pytest.fixture
def served(tmp_path):
    db = tmp_path / "review.sqlite"
    _ingest(db)
    with Store(db) as store:
        doc, incidents = _item(HOSTILE, "hostile.txt")
        store.ingest([(doc, incidents)])
    review = ReviewApp(db, {}, "ana")
    server = make_server(review, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield review, server, db
    server.shutdown()
    server.server_close()


def _request(server, method: str, path: str, *, headers=None, body: bytes | None = None):
    conn = http.client.HTTPConnection(HOST, server.server_address[1], timeout=10)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data


def test_it_listens_on_loopback_only(served):
    _, server, _ = served
    assert server.server_address[0] == "127.0.0.1"


@pytest.mark.parametrize("path", ["/", "/review.js", "/api/queue", "/api/places?q=Kabul",
                                  "/leaflet.js"])
def test_every_route_needs_the_token(served, path):
    review, server, _ = served
    assert _request(server, "GET", path)[0].status == 403
    wrong = {"X-Geomap-Token": "x" * len(review.token)}
    assert _request(server, "GET", path, headers=wrong)[0].status == 403
    good = {"X-Geomap-Token": review.token}
    assert _request(server, "GET", path, headers=good)[0].status == 200


def test_the_first_page_takes_the_token_from_the_address(served):
    review, server, _ = served
    response, body = _request(server, "GET", f"/?token={review.token}")
    assert response.status == 200 and b"review.js" in body
    assert "script-src 'self'" in response.getheader("Content-Security-Policy")
    assert "HttpOnly" in response.getheader("Set-Cookie")
    cookie = response.getheader("Set-Cookie").split(";")[0]
    assert _request(server, "GET", "/review.css", headers={"Cookie": cookie})[0].status == 200


def test_another_host_name_is_refused(served):
    review, server, _ = served
    headers = {"X-Geomap-Token": review.token, "Host": "attacker.example"}
    assert _request(server, "GET", "/api/queue", headers=headers)[0].status == 403


@pytest.mark.parametrize("path", ["/../../etc/passwd", "/index.html", "/__init__.py",
                                  "/geomap/web/review/review.js", "/api/queue/../../x"])
def test_nothing_outside_the_app_is_served(served, path):
    review, server, _ = served
    response, _ = _request(server, "GET", path, headers={"X-Geomap-Token": review.token})
    assert response.status == 404


def test_changes_are_posts_with_the_token_in_a_header(served):
    review, server, db = served
    with Store(db, create=False) as store:
        target = store.records()[0]["id"]
    body = json.dumps({"action": "reject", "id": target}).encode()
    json_type = {"Content-Type": "application/json"}
    # a cookie (what a cross-site form would carry) is not enough, nor a form post
    cookie = {"Cookie": f"geomap_review={review.token}", **json_type}
    assert _request(server, "POST", "/api/decide", headers=cookie, body=body)[0].status == 403
    form = {"X-Geomap-Token": review.token, "Content-Type": "text/plain"}
    assert _request(server, "POST", "/api/decide", headers=form, body=body)[0].status == 415
    bad = json.dumps({"action": "reject", "id": "inc-000000000000"}).encode()
    response, data = _request(server, "POST", "/api/decide",
                              headers={"X-Geomap-Token": review.token, **json_type}, body=bad)
    assert response.status == 422 and b"not in the store" in data
    with Store(db, create=False) as store:
        assert store.corrections() == []
    response, data = _request(server, "POST", "/api/decide",
                              headers={"X-Geomap-Token": review.token, **json_type}, body=body)
    assert response.status == 200 and json.loads(data) == {"seq": 1}
    with Store(db, create=False) as store:
        [decision] = store.corrections()
    assert (decision.action, decision.incident_id, decision.reviewer) == ("reject", target, "ana")


def test_the_queue_highlights_place_figures_and_day(served):
    review, server, _ = served
    _, data = _request(server, "GET", "/api/queue", headers={"X-Geomap-Token": review.token})
    queue = json.loads(data)["incidents"]
    confidences = [i["confidence"] for i in queue]
    assert confidences == sorted(confidences)
    hostile = next(i for i in queue if i["sources"][0]["file"].endswith("hostile.txt"))
    quote = hostile["sources"][0]["quote"]
    marked = {(quote[h["start"]:h["end"]], h["kind"]) for h in hostile["sources"][0]["highlights"]}
    assert {("three", "figures"), ("Nad Ali", "place"), ("on Sunday", "day")} <= marked


# -- in a real browser ------------------------------------------------------------------

@pytest.fixture(scope="module")
def chromium():
    return require_chromium("review page check")


def _press(browser, key: str) -> None:
    for kind in ("keyDown", "keyUp"):
        browser.call("Input.dispatchKeyEvent", session=True, type=kind, key=key,
                     code=f"Key{key.upper()}", text=key if kind == "keyDown" else "")


def _current(browser) -> str:
    return browser.evaluate("document.getElementById('incident').getAttribute('data-id')")


def _saved(browser, before: int) -> None:
    browser.wait_for(f"geomapReview.state.log.length > {before}")


def _showing(browser, incident_id: str) -> None:
    browser.wait_for("document.getElementById('incident').getAttribute('data-id') === "
                     + json.dumps(incident_id))


@contextmanager
def _page(chromium: str, profile, served):
    """The review page of ``served`` open in chromium, its queue loaded."""
    review, server, _ = served
    with Browser(chromium, str(profile), loopback=True) as browser:
        browser.navigate(url_of(server, review))
        browser.wait_for("window.geomapReview && geomapReview.ready", timeout=30)
        yield browser


@pytest.mark.browser
def test_a_queue_reviewed_with_clicks_and_keys(served, chromium, tmp_path):
    db = served[2]
    with _page(chromium, tmp_path / "profile", served) as browser:
        assert browser.evaluate("location.search") == ""        # the token left the address
        queue = browser.evaluate("geomapReview.state.items.map(function (i) { return i.id; })")
        first = _current(browser)
        assert first == queue[0]
        _press(browser, "a")                                     # accept: on to the next
        _saved(browser, 0)
        _showing(browser, queue[1])
        _press(browser, "j")
        third = _current(browser)
        assert third == queue[2]
        _press(browser, "k")
        assert _current(browser) == queue[1]
        browser.click_element("#reject")                         # a real click
        _saved(browser, 1)
        rejected = queue[1]
        # an edit: the figures, and the place found by its Dari name as one types
        _showing(browser, third)
        browser.evaluate("(function () { var f = document.getElementById('edit');"
                         " f.elements.fatalities.value = '11'; })()")
        browser.click_element("#place-search")
        browser.call("Input.insertText", session=True, text="لشکرگاه")
        browser.wait_for("document.querySelector('#place-results li[data-place]')")
        browser.click_element("#place-results li[data-place]")
        browser.click_element("#save")
        _saved(browser, 2)
        # the hostile article's text is shown as text, and ran nothing
        hostile = browser.evaluate(
            "geomapReview.state.items.filter(function (i) {"
            " return i.sources[0].file.indexOf('hostile') >= 0; })[0].id")
        browser.click_element(f'#queue-list li[data-id="{hostile}"]')
        browser.wait_for("document.querySelector('#sources blockquote') && document"
                         ".querySelector('#sources blockquote').textContent.indexOf('<img') >= 0")
        assert browser.evaluate("typeof window.pwned") == "undefined"
        assert browser.evaluate("document.querySelectorAll('#sources img, #sources script')"
                                ".length") == 0
    runner = CliRunner()
    shown = {r["id"]: r for r in json.loads(runner.invoke(
        cli, ["query", "--format", "json", "--db", str(db)]).stdout)}
    assert shown[first]["review_status"] == "accepted" and rejected not in shown
    assert (shown[third]["fatalities"], shown[third]["admin1"], shown[third]["reviewed_by"]) \
        == (11, "Helmand", "ana")
    # the map leaves the rejected incident out
    page = str(tmp_path / "map.html")
    drawn = runner.invoke(cli, ["map", "-o", page, "--db", str(db)])
    assert f"({len(shown)} incidents)" in drawn.stderr
    drawn = runner.invoke(cli, ["map", "-o", page, "--db", str(db), "--include-rejected"])
    assert f"({len(shown) + 1} incidents)" in drawn.stderr
    # a second ingest of the same files keeps every decision
    _ingest(db)
    again = {r["id"]: r for r in json.loads(runner.invoke(
        cli, ["query", "--format", "json", "--db", str(db)]).stdout)}
    assert rejected not in again and again[third]["fatalities"] == 11


def test_the_command_prints_the_address_and_serves_it(tmp_path):
    import re
    import subprocess
    import sys

    db = tmp_path / "cli.sqlite"
    _ingest(db)
    server = subprocess.Popen([sys.executable, "-m", "geomap", "review", "--no-browser",
                               "--db", str(db)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline().strip()
        match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]{20,})", line)
        assert match, line
        port, token = int(match.group(1)), match.group(2)
        for path, status in ((f"/?token={token}", 200), ("/", 403)):
            conn = http.client.HTTPConnection(HOST, port, timeout=10)
            conn.request("GET", path)
            assert conn.getresponse().status == status
            conn.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.browser
def test_merge_split_and_undo_from_the_page(served, chromium, tmp_path):
    db = served[2]
    with _page(chromium, tmp_path / "profile", served) as browser:
        state = "geomapReview.state"
        # the first incident with two sources or more: split its second one off
        several = browser.evaluate(f"{state}.items.filter(function (i) {{"
                                   " return i.sources.length > 1; })[0].id")
        before = browser.evaluate(f"{state}.items.filter(function (i) {{"
                                  f" return i.id === {json.dumps(several)}; }})[0].sources.length")
        browser.click_element(f'#queue-list li[data-id="{several}"]')
        _showing(browser, several)
        browser.click_element("#sources li:nth-child(2) input.split-source")
        browser.click_element("#split")
        _saved(browser, 0)
        browser.wait_for(f"{state}.items.some(function (i) {{"
                         f" return i.id.indexOf({json.dumps(several + '-s')}) === 0; }})")
        # merge the current incident into the one the list offers first
        other = browser.evaluate("document.getElementById('merge-into').value")
        browser.click_element("#merge")
        _saved(browser, 1)
        browser.wait_for(f"!{state}.items.some(function (i) {{"
                         f" return i.id === {json.dumps(several)}; }})")
        # undo the merge: the key u on the incident it went into
        browser.click_element(f'#queue-list li[data-id="{other}"]')
        _showing(browser, other)
        _press(browser, "u")
        _saved(browser, 2)
        browser.wait_for(f"{state}.items.some(function (i) {{"
                         f" return i.id === {json.dumps(several)}; }})")
    with Store(db, create=False) as store:
        actions = [c.action for c in store.corrections()]
        shown = {r["id"]: r for r in store.records()}
    assert actions == ["split", "merge", "undo"]
    assert several in shown and other in shown
    assert len(shown[f"{several}-s1"]["sources"]) == 1
    assert len(shown[several]["sources"]) == before - 1


_POSTER = """
import http.client, json, sys
port, token, target = int(sys.argv[1]), sys.argv[2], sys.argv[3]
k = 0
while True:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("POST", "/api/decide", body=json.dumps(
        {"action": "accept", "id": target, "note": "n" * 2000 + str(k)}),
        headers={"X-Geomap-Token": token, "Content-Type": "application/json"})
    conn.getresponse().read()
    conn.close()
    k += 1
"""


def test_kill_9_of_the_server_during_writes_leaves_whole_decisions(tmp_path):
    import re
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "kill.sqlite"
    _ingest(db)
    with Store(db, create=False) as store:
        target = store.records()[0]["id"]
    server = subprocess.Popen([sys.executable, "-m", "geomap", "review", "--no-browser",
                               "--db", str(db)], stdout=subprocess.PIPE, text=True)
    poster = None
    try:
        port, token = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=(.+)",
                                   server.stdout.readline().strip()).groups()
        poster = subprocess.Popen([sys.executable, "-c", _POSTER, port, token, target],
                                  stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with Store(db, create=False) as store:
                if len(store.corrections()) >= 5:
                    break
            time.sleep(0.05)
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait()
        if poster is not None:
            poster.kill()
            poster.wait()
    with Store(db) as store:                 # opens, recovers the WAL, reads every decision
        log = store.corrections()
        assert len(log) >= 5 and store.problems() == ()
        assert [c.seq for c in log] == list(range(1, len(log) + 1))
        assert all(c.note.startswith("n" * 2000) and c.action == "accept" for c in log)
