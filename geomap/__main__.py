"""``python -m geomap`` — the same as the ``geomap`` command."""

from .cli import app

if __name__ == "__main__":
    app(prog_name="geomap")
