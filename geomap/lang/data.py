"""Reading a language pack's data files: one reader per file format, each validating.

A pack's words live in ``geomap/lang/<code>/data/``: ``.txt`` (one entry a line, ``#``
comments), ``.csv`` (a header row, named columns) and ``.toml`` (patterns and their
labels). Every reader refuses an empty entry, a repeated entry and a missing column with
:class:`~geomap.lang.LanguageDataError` naming the file and line, so a coder's typo
fails the tests instead of silently dropping a word. Each file has one loader, in the
pack's ``words`` module, cached there (read once per process).
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from importlib.resources import files

__all__ = ["read_words", "read_rows", "read_toml", "data_path", "compile_pattern",
           "expand_fragments"]


def data_path(package: str, name: str):
    """The data file ``name`` of a pack (``geomap.lang.en``), as a Traversable."""
    return files(package) / "data" / name


def _error(package: str, name: str, message: str):
    from . import LanguageDataError
    return LanguageDataError(f"{package.rsplit('.', 1)[-1]}/data/{name}: {message}")


def read_words(package: str, name: str) -> tuple[str, ...]:
    """The entries of a ``.txt`` word list, in file order (``#`` starts a comment).

    >>> read_words("geomap.lang.en", "abbreviations.txt")[:3]
    ('Mr', 'Mrs', 'Ms')
    """
    out: list[str] = []
    seen: set[str] = set()
    text = data_path(package, name).read_text(encoding="utf-8")
    for line_no, line in enumerate(text.splitlines(), start=1):
        entry = " ".join(line.split("#", 1)[0].split())
        if not entry:
            continue
        if entry in seen:
            raise _error(package, name, f"line {line_no}: {entry!r} is listed twice")
        seen.add(entry)
        out.append(entry)
    if not out:
        raise _error(package, name, "no entries")
    return tuple(out)


def read_rows(package: str, name: str, columns: tuple[str, ...],
              key: str | None = None) -> list[dict[str, str]]:
    """The rows of a ``.csv`` table with at least ``columns``; with ``key``, that column
    must be filled and unique."""
    text = data_path(package, name).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in columns if c not in (reader.fieldnames or ())]
    if missing:
        raise _error(package, name, f"missing column(s) {', '.join(missing)}")
    rows, seen = [], set()
    for line_no, row in enumerate(reader, start=2):
        if any(row.get(c) is None for c in columns):
            raise _error(package, name, f"line {line_no}: too few fields")
        if key is not None:
            value = row[key].strip()
            if not value:
                raise _error(package, name, f"line {line_no}: empty {key}")
            if value in seen:
                raise _error(package, name, f"line {line_no}: {value!r} is listed twice")
            seen.add(value)
        rows.append(row)
    if not rows:
        raise _error(package, name, "no rows")
    return rows


def read_toml(package: str, name: str) -> dict:
    """A ``.toml`` file as a dict (a syntax error names the file)."""
    try:
        return tomllib.loads(data_path(package, name).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise _error(package, name, str(err)) from err


_FRAGMENT = re.compile(r"\{([A-Z][A-Z_]*)\}")


def compile_pattern(package: str, name: str, alternatives: list[str],
                    fragments: dict[str, str] | None = None) -> str:
    """One regex from a rule's ``alternatives`` (joined by ``|``), with ``{NAME}`` replaced
    by the file's fragment of that name; it must compile.

    >>> compile_pattern("geomap.lang.en", "x", ["a{B}", "c"], {"B": "b+"})
    'ab+|c'
    """
    if not alternatives or any(not a for a in alternatives):
        raise _error(package, name, f"an empty pattern in {alternatives!r}")
    fragments = fragments or {}

    def fill(m: re.Match) -> str:
        if m.group(1) not in fragments:
            raise _error(package, name, f"unknown fragment {{{m.group(1)}}}")
        return fragments[m.group(1)]

    pattern = "|".join(_FRAGMENT.sub(fill, a) for a in alternatives)
    try:
        re.compile(pattern)
    except re.error as err:
        raise _error(package, name, f"bad pattern {pattern[:60]!r}: {err}") from err
    return pattern


def expand_fragments(package: str, name: str, fragments: dict[str, list[str] | str]) -> dict[str, str]:
    """Named pieces of pattern, each a string or a list of alternatives (joined by ``|``),
    each free to use the fragments defined before it in the file (``{BURNT}``)."""
    out: dict[str, str] = {}
    for key, value in fragments.items():
        alternatives = [value] if isinstance(value, str) else list(value)
        out[key] = compile_pattern(package, name, alternatives, out)
    return out
