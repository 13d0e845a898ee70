"""The two sample articles shipped inside the package: what ``geomap run`` reads by default.

A checkout has them in ``seeds/``; a wheel carries the same files as ``geomap/_seeds``
(pyproject's ``force-include``). Each is read with its known publication date and named
``seeds/FILE``, as ``geomap run seeds --published 2021-11-03`` names it from a checkout, so
the two commands write the same bytes wherever geomap is installed.

>>> [d.published.isoformat() for d in read_samples()]
['2021-11-03', '2021-11-04']
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Iterator

from ..text.reader import Document, read_article

__all__ = ["PUBLISHED", "sample_dir", "read_samples"]

#: Sample file → its publication date. ``000`` has no ``date`` line and reports the attack
#: of 2 November 2021 as "On November 2nd" (published 2021-11-03); ``001`` starts with
#: ``date 2021-11-04``, which wins over this table as it wins over ``--published``.
PUBLISHED = {
    "000_f548904bbe22a22a.txt": date(2021, 11, 3),
    "001_8b239d0a68e52fc3.txt": date(2021, 11, 4),
}


def sample_dir() -> Path:
    """Where the sample files are: inside the wheel, else the checkout's ``seeds/``."""
    package = Path(__file__).resolve().parent.parent
    shipped = package / "_seeds"
    if shipped.is_dir():
        return shipped
    return package.parent / "seeds"


def read_samples(published: date | None = None) -> Iterator[Document]:
    """The sample articles in file order, each with its date from :data:`PUBLISHED`.

    ``published`` replaces the table's dates, as ``--published`` does for files without
    a ``date`` line (a ``date`` line still wins).
    """
    directory = sample_dir()
    for name, known in PUBLISHED.items():
        document = read_article(directory / name, published=published or known)
        yield replace(document, source=f"seeds/{name}")
