"""The one bounded reader for every file-like input.

Regular files, pipes, devices (``/dev/zero``), symlinks, gzip members and standard input
are all read through :func:`open_input` and then only in bounded pieces
(:func:`read_limited`, :func:`bounded_lines`): no piece is ever larger than its limit,
so a 1 GB line or an endless device costs no more memory than one article.
Failures of the file system (missing, unreadable, a symlink loop, a damaged gzip
stream) become one :class:`~geomap.errors.InputError` line naming the input.
"""

from __future__ import annotations

import errno
import gzip
import os
import stat
import sys
import zlib
from contextlib import contextmanager
from typing import BinaryIO, Iterator

from ..errors import InputError

__all__ = ["MAX_ARTICLE_BYTES", "MAX_PAGE_BYTES", "display_name", "open_input", "position", "size_of",
           "read_limited", "bounded_lines", "STDIN"]

#: Largest article accepted, in bytes of UTF-8 text: a news article is a few kilobytes,
#: so anything larger is a mistake (a whole corpus in one field, a binary file).
#: It applies to each article, not to a file: a JSONL or CSV file may be any size.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024

#: Largest saved HTML page accepted (markup, scripts and styles before the main text
#: is extracted; the extracted text must then fit :data:`MAX_ARTICLE_BYTES`).
MAX_PAGE_BYTES = 8 * 1024 * 1024

#: The name that means standard input.
STDIN = "-"

_CHUNK = 1 << 16


def display_name(path: str | os.PathLike) -> str:
    """A path as it can always be printed: undecodable bytes shown as ``\\xNN``.

    >>> display_name(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    """
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def _os_error(name: str, err: OSError | EOFError | zlib.error) -> InputError:
    if isinstance(err, FileNotFoundError):
        return InputError(f"{name}: no such file")
    if isinstance(err, PermissionError):
        return InputError(f"{name}: permission denied")
    if isinstance(err, IsADirectoryError):
        return InputError(f"{name}: is a directory, not an article file")
    if isinstance(err, (gzip.BadGzipFile, zlib.error, EOFError)):
        return InputError(f"{name}: damaged gzip data: {err}")
    if err.errno == errno.ELOOP:
        return InputError(f"{name}: symlink loop (too many levels of symbolic links)")
    return InputError(f"{name}: cannot read: {err.strerror or err}")


@contextmanager
def open_input(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary stream of the input at ``path`` (``-`` = standard input), decompressed
    when the name ends in ``.gz``. Read it only with the bounded helpers below."""
    name = display_name(path)
    if str(path) == STDIN:
        yield sys.stdin.buffer
        return
    try:
        handle = open(path, "rb")            # follows symlinks; ELOOP for a loop
    except OSError as err:
        raise _os_error(name, err) from err
    try:
        if os.path.isdir(path):
            raise InputError(f"{name}: is a directory, not an article file")
        yield gzip.GzipFile(fileobj=handle, mode="rb") if str(path).endswith(".gz") else handle
    finally:
        handle.close()


def read_limited(stream: BinaryIO, limit: int, name: str) -> bytes:
    """All of ``stream`` if it has at most ``limit`` bytes, else InputError (having read
    no more than ``limit + 1`` bytes)."""
    try:
        data = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise _os_error(name, err) from err
    if len(data) > limit:
        raise InputError(f"{name}: too large (over {limit // 2**20} MB; the limit for one "
                         f"article is {limit // 2**20} MB)")
    return data


def bounded_lines(stream: BinaryIO, limit: int, name: str) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` for each line; ``None`` for a line longer than ``limit``,
    which is skipped without being held in memory. An over-long line of binary data
    (NUL bytes: ``/dev/zero``, an image) ends the input with an InputError."""
    number = 0
    try:
        while True:
            line = stream.readline(limit + 1)
            if not line:
                return
            number += 1
            if len(line) > limit and not line.endswith(b"\n"):
                if b"\x00" in line:         # /dev/zero, an image: not text, and maybe endless
                    raise InputError(f"{name}:{number}: binary data (NUL bytes), not text; "
                                     "stopped reading this input")
                while line and not line.endswith(b"\n"):      # drain the rest of the line
                    line = stream.readline(_CHUNK)
                yield number, None
            else:
                yield number, line
    except (OSError, EOFError, zlib.error) as err:
        raise _os_error(name, err) from err


def position(stream: BinaryIO) -> int | None:
    """Bytes consumed from the underlying file (compressed bytes for gzip), if known."""
    raw = getattr(stream, "fileobj", stream)
    try:
        return raw.tell()
    except (OSError, ValueError, AttributeError):
        return None


def size_of(path: str | os.PathLike) -> int | None:
    """Size of a regular file, None for anything else (pipes, devices, stdin)."""
    if str(path) == STDIN:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size if stat.S_ISREG(st.st_mode) else None


