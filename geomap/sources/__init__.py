"""Input formats as sources: one small reader per format, all yielding :class:`Article`.

=========================  ================================================================
input                      reader
=========================  ================================================================
``*.txt``                  :mod:`.txt` — one article per file (optional ``date`` first line)
``*.jsonl`` ``*.ndjson``   :mod:`.records` — one article per line
``*.csv``                  :mod:`.records` — one article per row, same column names
``*.html`` ``*.htm``       :mod:`.html` — main text and date via trafilatura
``*.gz`` of any of them    decompressed while streaming
a directory                its files of those extensions, recursively, sorted
``-``                      JSONL on standard input
=========================  ================================================================

Every file-like input (regular file, pipe, device, symlink) goes through one bounded
reader (:mod:`.bounded`): no article may exceed :data:`MAX_ARTICLE_BYTES`, so memory stays
bounded whatever the input. Text is cleaned at this boundary (:func:`clean_text`): lone
surrogates and other unencodable code points become U+FFFD, NUL bytes are dropped.

>>> import io
>>> from geomap.sources import read_stream
>>> [a.title for a in read_stream(io.BytesIO(b'{"text": "A blast.", "date": "2021-11-03",'
...                                              b' "title": "Kabul"}\\n'), "jsonl", "<doc>")]
['Kabul']
"""

from __future__ import annotations

from .article import Article, clean_text
from .bounded import MAX_ARTICLE_BYTES, MAX_PAGE_BYTES
from .discover import (FORMATS, Format, ReadStats, expand_paths, format_of, read_sources,
                       read_stream)

__all__ = ["Article", "clean_text", "MAX_ARTICLE_BYTES", "MAX_PAGE_BYTES", "FORMATS", "Format",
           "expand_paths", "format_of", "read_sources", "read_stream", "ReadStats"]
