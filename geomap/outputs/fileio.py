"""Atomic file writes: a temporary file beside the target, then a rename.

An interrupted run (crash, Ctrl-C, full disk) never leaves a half-written
GeoJSON, CSV or HTML file: the target is either the old file or the new one. The
temporary file is fsync'd before the rename and the directory after it, so a power
loss cannot leave an empty or truncated file under the target's name either.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import OutputError

__all__ = ["atomic_target", "atomic_write_text"]


@contextmanager
def atomic_target(path: str | os.PathLike, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``path``.

    ``suffix`` is the temporary file's extension, for writers that check it (GDAL).
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a directory")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
        os.close(fd)
        os.chmod(tmp, 0o644)
    except OSError as err:
        raise OutputError(f"cannot write {target}: {err.strerror or err}") from err
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        _fsync(tmp_path)
        os.replace(tmp_path, target)
        _fsync(target.parent)
    except OSError as err:
        raise OutputError(f"cannot write {target}: {err.strerror or err}") from err
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def _fsync(path: Path) -> None:
    """Flush a file's (or a directory's) data to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """Write text (UTF-8) to ``path`` atomically and return the path."""
    with atomic_target(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)
