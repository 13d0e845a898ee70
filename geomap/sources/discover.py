"""Which reader reads an input: by extension (``.gz`` looked through), or as told."""

from __future__ import annotations

import os
from datetime import date
from enum import Enum
from typing import BinaryIO, Callable, Iterable, Iterator

from ..errors import InputError
from .article import Article
from .bounded import STDIN, display_name, open_input, position, size_of
from .records import Fields, read_csv, read_jsonl

__all__ = ["Format", "FORMATS", "format_of", "expand_paths", "read_sources", "read_stream",
           "ReadStats"]


class Format(str, Enum):
    txt = "txt"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


#: File extensions and the format each names (any of them may end in ``.gz`` too).
FORMATS = {".txt": Format.txt, ".jsonl": Format.jsonl, ".ndjson": Format.jsonl,
           ".csv": Format.csv, ".html": Format.html, ".htm": Format.html}


def format_of(path: str | os.PathLike, override: Format | str | None = None) -> Format:
    """The format of an input: ``override`` if given, ``-`` is JSONL, else by extension.

    >>> format_of("corpus.ndjson.gz").value
    'jsonl'
    """
    if override:
        return Format(override)
    if str(path) == STDIN:
        return Format.jsonl
    name = str(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    fmt = FORMATS.get(os.path.splitext(name)[1])
    if fmt is None:
        raise InputError(f"{display_name(path)}: unknown input format (want "
                         f"{', '.join(FORMATS)}, optionally .gz; or say --format-in)")
    return fmt


def _known(name: str) -> bool:
    name = name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1] in FORMATS


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[str]:
    """Inputs named, with each directory replaced by its article files (recursively,
    by extension, sorted; symlinked directories are not followed). A missing path is
    kept, for its reader to report."""
    out: list[str] = []
    for path in paths:
        path = os.fspath(path)
        if path != STDIN and os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path, onerror=None):
                dirs.sort()
                found.extend(os.path.join(root, f) for f in sorted(files) if _known(f))
            if not found:
                raise InputError(f"{display_name(path)}: no article files in this directory "
                                 f"(want {', '.join(FORMATS)}, optionally .gz)")
            out.extend(found)
        else:
            out.append(path)
    return out


class ReadStats:
    """How far reading has got: for progress and ETA."""

    def __init__(self, paths: list[str]) -> None:
        sizes = [size_of(p) for p in paths]
        self.bytes_total = None if None in sizes else sum(sizes)
        self.bytes_done = 0
        single = all(str(p) != STDIN and format_of(p) in (Format.txt, Format.html)
                     for p in paths if _known(str(p)))
        self.articles_total = len(paths) if single and all(_known(str(p)) for p in paths) \
            else None
        self.bad = 0


def read_stream(stream: BinaryIO, fmt: Format | str, name: str, *,
                published: date | None = None, text_field: str | None = None,
                date_field: str | None = None,
                on_error: Callable[[InputError], None] | None = None) -> Iterator[Article]:
    """Articles of one already-open binary stream in format ``fmt``."""
    fmt = Format(fmt)
    if on_error is None:
        def on_error(err: InputError) -> None:
            raise err
    fields = Fields.make(text_field, date_field, published)
    if fmt is Format.jsonl:
        yield from read_jsonl(stream, name, fields, on_error)
    elif fmt is Format.csv:
        yield from read_csv(stream, name, fields, on_error)
    elif fmt is Format.html:
        from .html import read_html
        yield read_html(stream, name, published)
    else:
        from .txt import read_txt
        yield read_txt(stream, name, published)


def read_sources(paths: Iterable[str | os.PathLike], *, fmt: Format | str | None = None,
                 published: date | None = None, text_field: str | None = None,
                 date_field: str | None = None,
                 on_error: Callable[[InputError], None],
                 stats: ReadStats | None = None) -> Iterator[Article]:
    """Articles of every input in turn; each bad file or record goes to ``on_error``
    (one :class:`InputError` each) and reading goes on."""
    def bad(err: InputError) -> None:
        if stats is not None:
            stats.bad += 1
        on_error(err)

    for path in paths:
        name = display_name(path)
        base = stats.bytes_done if stats else 0
        try:
            kind = format_of(path, fmt)
            with open_input(path) as stream:
                for article in read_stream(stream, kind, name, published=published,
                                           text_field=text_field, date_field=date_field,
                                           on_error=bad):
                    if stats is not None:
                        done = position(stream)
                        if done is not None:
                            stats.bytes_done = base + done
                    yield article
        except InputError as err:
            bad(err)
        if stats is not None:
            size = size_of(path)
            stats.bytes_done = base + (size or 0)
