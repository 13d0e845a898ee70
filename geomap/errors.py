"""The one exception root of geomap and its few subclasses.

Each subclass also inherits the matching built-in, so callers may catch
either ``GeomapError`` or the familiar ``ValueError`` / ``OSError``.
"No match" is a result (``None`` or an empty list), never an exception.
"""

from __future__ import annotations

__all__ = ["GeomapError", "InputError", "GazetteerError", "StoreError", "OutputError"]


class GeomapError(Exception):
    """Root of every error geomap raises on purpose."""


class InputError(GeomapError, ValueError):
    """Bad user input: a missing, empty, binary or oversized file, a bad date or option."""


class GazetteerError(GeomapError, OSError):
    """The gazetteer data files are missing or damaged."""


class StoreError(GeomapError, OSError):
    """The incident store cannot be opened, read or written."""


class OutputError(GeomapError, OSError):
    """An output file cannot be written."""
