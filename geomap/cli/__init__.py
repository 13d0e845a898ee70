"""The ``geomap`` command line (thin typer commands over the library)."""

from .commands import app

__all__ = ["app"]
