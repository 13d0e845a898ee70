"""Record formats: JSONL/NDJSON (one article per line) and CSV (one per row).

The article text is the first present of ``text body content article maintext``,
its date the first of ``published publication_date date date_publish`` (ISO
``YYYY-MM-DD``, a time may follow), plus ``id``, ``url``, ``title`` and
``source``/``outlet`` when present. A bad record (invalid JSON, no text, no or a bad
date when no default is given, too large) is reported with its line number and skipped.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO, Callable, Iterator

from ..errors import InputError
from .article import Article, clean_text
from .bounded import MAX_ARTICLE_BYTES, bounded_lines

__all__ = ["Fields", "read_jsonl", "read_csv", "TEXT_FIELDS", "DATE_FIELDS"]

TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
DATE_FIELDS = ("published", "publication_date", "date", "date_publish")
_OUTLET_FIELDS = ("source", "outlet")
_ISO_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:$|[T ]|\s)")

OnError = Callable[[InputError], None]


@dataclass(frozen=True, slots=True)
class Fields:
    """Which record fields hold the text and the date, and the default date."""

    text: tuple[str, ...] = TEXT_FIELDS
    date: tuple[str, ...] = DATE_FIELDS
    published: date | None = None

    @classmethod
    def make(cls, text_field: str | None = None, date_field: str | None = None,
             published: date | None = None) -> "Fields":
        return cls((text_field,) if text_field else TEXT_FIELDS,
                   (date_field,) if date_field else DATE_FIELDS, published)


def _first(record: dict, names: tuple[str, ...]):
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _string(value) -> str | None:
    if value is None:
        return None
    return clean_text(value if isinstance(value, str) else str(value)).strip() or None


def _date(value, where: str) -> date:
    match = _ISO_DATE.match(value) if isinstance(value, str) else None
    try:
        if match:
            return date.fromisoformat(match.group(1))
    except ValueError:
        pass
    raise InputError(f"{where}: not a date (want YYYY-MM-DD): {str(value)[:40]!r}")


def article_from_record(record, fields: Fields, where: str) -> Article:
    """An Article from one parsed record (a dict), or InputError naming ``where``."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    record = {str(k).lower(): v for k, v in record.items()}
    text = _first(record, fields.text)
    if text is None:
        raise InputError(f"{where}: no article text (no field {'|'.join(fields.text)})")
    if not isinstance(text, str):
        raise InputError(f"{where}: the article text is not a string")
    text = clean_text(text)
    if not text.strip():
        raise InputError(f"{where}: empty article")
    if len(text) > MAX_ARTICLE_BYTES // 2 and len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise InputError(f"{where}: article too large (the limit is "
                         f"{MAX_ARTICLE_BYTES // 2**20} MB)")
    raw_date = _first(record, fields.date)
    if raw_date is not None:
        published = _date(raw_date, where)
    elif fields.published is not None:
        published = fields.published
    else:
        raise InputError(f"{where}: no publication date (no field {'|'.join(fields.date)}, "
                         "no --published)")
    return Article(text=text, published=published, source=where,
                   id=_string(record.get("id")), url=_string(record.get("url")),
                   title=_string(record.get("title")),
                   outlet=_string(_first(record, _OUTLET_FIELDS)))


def _too_long(name: str, number: int) -> InputError:
    return InputError(f"{name}:{number}: line longer than the {MAX_ARTICLE_BYTES // 2**20} MB "
                      "limit for one article; skipped")


def read_jsonl(stream: BinaryIO, name: str, fields: Fields, on_error: OnError) -> Iterator[Article]:
    """Articles of a JSONL stream, one per non-blank line."""
    for number, line in bounded_lines(stream, MAX_ARTICLE_BYTES, name):
        where = f"{name}:{number}"
        if line is None:
            on_error(_too_long(name, number))
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as err:       # JSONDecodeError, bad UTF-8
            reason = err.msg if isinstance(err, json.JSONDecodeError) else "not UTF-8 text"
            on_error(InputError(f"{where}: invalid JSON ({reason}); skipped"))
            continue
        try:
            yield article_from_record(record, fields, where)
        except InputError as err:
            on_error(err)


def read_csv(stream: BinaryIO, name: str, fields: Fields, on_error: OnError) -> Iterator[Article]:
    """Articles of a CSV stream with a header row (UTF-8, optional BOM)."""
    def lines() -> Iterator[str]:
        for number, line in bounded_lines(stream, MAX_ARTICLE_BYTES, name):
            if line is None:
                on_error(_too_long(name, number))
                yield "\n"
                continue
            try:
                text = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                on_error(InputError(f"{name}:{number}: not UTF-8 text; skipped"))
                yield "\n"
                continue
            yield clean_text(text)

    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_ARTICLE_BYTES)
    try:
        reader = csv.DictReader(lines())
        while True:
            start = reader.line_num + 1          # the line the next record starts on
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                on_error(InputError(f"{name}:{reader.line_num}: bad CSV ({err}); skipped"))
                continue
            where = f"{name}:{start}"
            if None in row:          # more cells than header columns
                row.pop(None)
            try:
                yield article_from_record(row, fields, where)
            except InputError as err:
                on_error(err)
    finally:
        csv.field_size_limit(previous)
