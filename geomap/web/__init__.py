"""The pages' JavaScript, CSS and HTML, kept as files beside the code.

One folder per page (``map/`` for the incident map); :func:`asset` reads a file once and
keeps it. The files ship inside the package (wheel included), so they are found in an
installed geomap as in a checkout.

>>> asset("map/incidents.js").startswith("var __LAYER__ = (function () {")
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["asset"]


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """The text of the web asset ``name``, a ``/``-separated path under ``geomap/web/``.

    Read once per process (cached). A missing file raises ``FileNotFoundError``.
    """
    resource = resources.files(__name__)
    for part in name.split("/"):
        resource = resource.joinpath(part)
    return resource.read_text(encoding="utf-8")
