"""The ``geomap`` command line: thin typer commands over the library.

Each module imported below registers its commands on the one app (:mod:`.app`) when it
is imported, in the order ``geomap --help`` lists them: a new command family is a module
of ``@app.command()`` functions plus its name on the import line.
"""

from .app import app
from . import places, extract, store, outputs, review  # noqa: E402,F401  (each registers its commands)

__all__ = ["app"]
