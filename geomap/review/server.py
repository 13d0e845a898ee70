"""The review page's server: the standard library's ``ThreadingHTTPServer`` on 127.0.0.1.

Why the standard library: the page needs a handful of fixed routes, JSON in and out and
three static files; a framework would add a dependency (and its own attack surface) for
none of that. What it guards:

- it listens on the loopback address only, and answers only requests whose ``Host`` is
  that address or ``localhost`` (a DNS-rebinding page cannot reach it by another name);
- every request carries the access token printed at start (``?token=`` on the first
  page; the page then sends it in the ``X-Geomap-Token`` header); without it: 403;
- state changes are POSTs of JSON with the token in that header (a form on another site
  can neither set the header nor send JSON without a preflight);
- only the app's own routes exist (no file is served by a path from the request);
- pages are sent with a Content-Security-Policy that allows no inline script and no
  other origin, and article text reaches the page as JSON strings the page sets as text.

Decisions go through :meth:`geomap.store.incidents.Store.correct`: one transaction each,
so a ``kill -9`` of the server leaves the log with the decision whole or absent.
"""

from __future__ import annotations

import hmac
import json
import os
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from ..errors import GeomapError, InputError
from ..store.corrections import EDITABLE, Correction
from .highlights import highlights
from .queue import review_queue

__all__ = ["ReviewApp", "make_server", "serve", "HOST"]

HOST = "127.0.0.1"
_ASSETS = {"/review.js": ("review.js", "text/javascript; charset=utf-8"),
           "/review.css": ("review.css", "text/css; charset=utf-8")}
_LEAFLET = {"/leaflet.js": ("leaflet.js", "text/javascript; charset=utf-8"),
            "/leaflet.css": ("leaflet.css", "text/css; charset=utf-8")}
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
_MAX_BODY = 64 * 1024


@dataclass
class ReviewApp:
    """What the server serves: a store, the queue's filters, the reviewer, the token."""

    db: Path
    filters: dict = field(default_factory=dict)
    reviewer: str = "reviewer"
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    _gazetteer: object = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def store(self, *, write: bool = False):
        from ..places.gazetteer import load_gazetteer
        from ..store.incidents import Store

        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return Store(self.db, gazetteer=self._gazetteer, create=write)

    # -- the API -----------------------------------------------------------------

    def queue(self) -> dict:
        """The queue as the page reads it, with the log and the decisions that no
        longer apply."""
        with self.store() as store:
            incidents = review_queue(store, **{**self.filters, "include_rejected": True})
            log = store.corrections()
            problems = [str(p) for p in store.problems()]
        return {"reviewer": self.reviewer, "incidents": [_item(i) for i in incidents],
                "log": [{"seq": c.seq, "at": c.at, "reviewer": c.reviewer, "action": c.action,
                         "id": c.incident_id, "other": c.other, "target": c.target,
                         "note": c.note} for c in log],
                "problems": problems}

    def places(self, query: str) -> list[dict]:
        """Gazetteer places for a name in any spelling or script (search as you type)."""
        query = query.strip()
        if not query:
            return []
        with self.store() as store:
            found = store.gazetteer.lookup(query, limit=12, allow_common=True)
        return [{"id": c.place.id, "name": c.place.name, "kind": c.place.kind,
                 "admin1": c.place.admin1, "admin2": c.place.admin2 or None,
                 "lat": c.place.lat, "lon": c.place.lon} for c in found]

    def decide(self, body: dict) -> dict:
        """Record one decision (JSON from the page); its number."""
        if not isinstance(body, dict):
            raise InputError("a decision is a JSON object")
        changes = body.get("changes") or {}
        if not isinstance(changes, dict) or not set(changes) <= set(EDITABLE):
            raise InputError(f"changes may name only {', '.join(EDITABLE)}")
        try:
            decision = Correction(
                str(body.get("action", "")), str(body.get("id", "")), self.reviewer,
                changes=tuple(changes.items()),
                other=str(body["other"]) if body.get("other") else None,
                sources=tuple(int(k) for k in body.get("sources") or ()),
                target=int(body["target"]) if body.get("target") is not None else None,
                note=str(body.get("note") or ""))
        except (TypeError, ValueError) as err:
            raise InputError(str(err)) from err
        with self._lock, self.store(write=True) as store:
            [seq] = store.correct([decision])
        return {"seq": seq}

    def boundaries(self) -> dict:
        with self.store() as store:
            features = [f for f in store.gazetteer.boundaries()["features"]
                        if f["properties"]["kind"] == "province"]
        return {"type": "FeatureCollection", "features": features}


def _item(incident) -> dict:
    props = incident.properties()
    props["lat"] = incident.place.lat if incident.place else None
    props["lon"] = incident.place.lon if incident.place else None
    props["note"] = incident.review.note if incident.review else ""
    for source, out in zip(incident.sources, props["sources"]):
        out["highlights"] = [s.as_dict() for s in highlights(incident, source.quote)]
    return props


def _asset(name: str) -> bytes:
    return files("geomap.web.review").joinpath(name).read_bytes()


def _leaflet(name: str) -> bytes:
    import xstatic.pkg.leaflet as leaflet

    return (Path(leaflet.BASE_DIR) / name).read_bytes()


class _Handler(BaseHTTPRequestHandler):
    server_version = "geomap-review"
    sys_version = ""
    app: ReviewApp

    def log_message(self, format: str, *args) -> None:     # quiet: the terminal is the UI
        pass

    # -- checks ------------------------------------------------------------------

    def _allowed(self, token: str | None) -> bool:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        if host not in (HOST, "localhost"):
            return False
        return token is not None and hmac.compare_digest(token, self.app.token)

    def _send(self, status: int, body: bytes, kind: str = "application/json; charset=utf-8",
              *, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", _CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Frame-Options", "DENY")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, value) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"))

    def _refuse(self, status: int = 403, message: str = "forbidden") -> None:
        self._json(status, {"error": message})

    # -- routes ------------------------------------------------------------------

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        token = self.headers.get("X-Geomap-Token") or (query.get("token") or [None])[0] \
            or _cookie(self.headers.get("Cookie"))
        if not self._allowed(token):
            return self._refuse()
        try:
            if url.path == "/":
                # the token rides in a same-site cookie for the page's own scripts and styles
                cookie = (f"geomap_review={self.app.token}; Path=/; HttpOnly; "
                          "SameSite=Strict")
                return self._send(200, _asset("index.html"), "text/html; charset=utf-8",
                                  extra={"Set-Cookie": cookie})
            if url.path in _ASSETS:
                name, kind = _ASSETS[url.path]
                return self._send(200, _asset(name), kind)
            if url.path in _LEAFLET:
                name, kind = _LEAFLET[url.path]
                return self._send(200, _leaflet(name), kind)
            if url.path == "/api/queue":
                return self._json(200, self.app.queue())
            if url.path == "/api/places":
                return self._json(200, self.app.places((query.get("q") or [""])[0]))
            if url.path == "/api/boundaries":
                return self._json(200, self.app.boundaries())
        except GeomapError as err:
            return self._refuse(500, str(err))
        return self._refuse(404, "not found")

    def do_POST(self) -> None:
        if not self._allowed(self.headers.get("X-Geomap-Token")):
            return self._refuse()
        if urlsplit(self.path).path != "/api/decide":
            return self._refuse(404, "not found")
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            return self._refuse(415, "send JSON")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._refuse(400, "bad Content-Length")
        if not 0 < length <= _MAX_BODY:
            return self._refuse(413 if length else 400, "a decision is a small JSON object")
        try:
            body = json.loads(self.rfile.read(length).decode("utf-8"))
            return self._json(200, self.app.decide(body))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return self._refuse(400, "not JSON")
        except InputError as err:
            return self._refuse(422, str(err))
        except GeomapError as err:
            return self._refuse(500, str(err))

    do_HEAD = do_GET


def _cookie(header: str | None) -> str | None:
    for part in (header or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == "geomap_review":
            return value
    return None


def make_server(app: ReviewApp, port: int = 0) -> ThreadingHTTPServer:
    """A server for ``app`` on 127.0.0.1:``port`` (0: a free port), not yet serving."""
    handler = type("ReviewHandler", (_Handler,), {"app": app})
    try:
        server = ThreadingHTTPServer((HOST, port), handler)
    except OSError as err:
        raise InputError(f"cannot listen on {HOST}:{port}: {err.strerror or err}") from err
    server.daemon_threads = True
    return server


def url_of(server: ThreadingHTTPServer, app: ReviewApp) -> str:
    return f"http://{HOST}:{server.server_address[1]}/?token={app.token}"


def serve(db: str | os.PathLike, *, filters: dict | None = None, reviewer: str = "reviewer",
          port: int = 0, open_browser: bool = True, announce: Callable[[str], None] = print,
          on_problems: Callable | None = None) -> None:
    """Serve the review page until interrupted; ``announce`` gets its address."""
    app = ReviewApp(Path(db), dict(filters or {}), reviewer)
    if on_problems is not None:
        with app.store() as store:
            on_problems(store)
    server = make_server(app, port)
    url = url_of(server, app)
    announce(url)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        server.serve_forever()
    finally:
        server.server_close()
