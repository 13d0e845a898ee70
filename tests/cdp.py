"""A minimal Chrome DevTools Protocol client over ``--remote-debugging-pipe``.

Standard library only: chromium reads commands from fd 3 and writes replies and
events to fd 4, one JSON message per NUL-terminated frame. No port is opened and
nothing is downloaded. Used by the browser tests and benchmarks/bench_outputs.py.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import tempfile
import time

#: The flags every run uses: headless, offline, no background work, a fresh profile.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1280,900"]


class CDPError(RuntimeError):
    pass


def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def require_tool(exe: str | None, message: str) -> str:
    """``exe``, or (when it is None) skip the test locally with ``message`` and fail it on
    CI, where GEOMAP_REQUIRE_BROWSER is set: a test of the page must never be skipped there."""
    import pytest

    if exe is None:
        if os.environ.get("GEOMAP_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return exe


def require_chromium(what: str) -> str:
    """The chromium executable, or skip the test locally (fail it on CI)."""
    return require_tool(find_chromium(),
                        f"Debian chromium not installed (apt-get install chromium) — {what} skipped")


class Browser:
    """One headless chromium with one page (``self.session``)."""

    def __init__(self, exe: str, profile: str | None = None, *,
                 loopback: bool = False) -> None:
        """``loopback``: let the page reach 127.0.0.1 (a local server under test); every
        other host name stays unresolvable."""
        flags = [f"{f}, EXCLUDE 127.0.0.1" if loopback and f.startswith("--host-resolver")
                 else f for f in FLAGS]
        self._profile = profile or tempfile.mkdtemp(prefix="geomap-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire() -> None:                      # in the child: fds 3 and 4 are the pipe
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [exe, *flags, f"--user-data-dir={self._profile}", "--remote-debugging-pipe",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            pass_fds=(3, 4), preexec_fn=wire)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict] = []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"],
                                 flatten=True)["sessionId"]
        self.call("Page.enable", session=True)

    # -- the protocol ---------------------------------------------------------------
    def _read(self, timeout: float) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._from_child], [], [], timeout)
            if not ready:
                raise CDPError(f"chromium did not answer within {timeout} s")
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise CDPError("chromium closed the pipe: " + self._stderr())
            self._buffer += chunk
        frame, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(frame)

    def call(self, method: str, session: bool = False, timeout: float = 60, **params):
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read(timeout)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise CDPError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _stderr(self) -> str:
        self.proc.kill()
        return (self.proc.communicate()[1] or b"").decode(errors="replace")[-2000:]

    # -- what the tests use ---------------------------------------------------------
    def evaluate(self, expression: str, timeout: float = 60):
        result = self.call("Runtime.evaluate", session=True, timeout=timeout,
                           expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise CDPError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def navigate(self, url: str) -> None:
        self.call("Page.navigate", session=True, url=url)

    def wait_for(self, expression: str, timeout: float = 10, interval: float = 0.02) -> bool:
        """Poll a JS expression until it is truthy (in JS terms)."""
        expression = f"!!({expression})"
        deadline = time.perf_counter() + timeout
        while True:
            try:
                value = self.evaluate(expression)
            except CDPError:              # e.g. evaluated while the page is replaced
                value = None
            if value:
                return value
            if time.perf_counter() > deadline:
                raise CDPError(f"timed out waiting for {expression}")
            time.sleep(interval)

    def click(self, x: float, y: float) -> None:
        """A real left click at viewport coordinates."""
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            extra = {} if kind == "mouseMoved" else {"button": "left", "clickCount": 1}
            self.call("Input.dispatchMouseEvent", session=True, type=kind, x=x, y=y, **extra)

    def click_element(self, selector: str) -> None:
        """Click the first element matching a CSS selector (the centre of its first box)."""
        box = self.evaluate(
            f"(function () {{ var e = document.querySelector({json.dumps(selector)});"
            " if (!e) return null; e.scrollIntoView({block: 'nearest'});"
            " var r = e.getClientRects()[0];"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        if box is None:
            raise CDPError(f"no element {selector}")
        self.click(*box)

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=10)
        except (CDPError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
