"""Plain-text articles: one per file, UTF-8 (or UTF-16 with a BOM), optional
``date YYYY-MM-DD`` first line."""

from __future__ import annotations

from datetime import date
from typing import BinaryIO

from ..errors import InputError
from ..text.reader import make_document
from .article import Article, clean_text
from .bounded import MAX_ARTICLE_BYTES, read_limited

__all__ = ["read_txt", "decode_text"]

# NUL in the first bytes means a binary file (an image, a PDF); later NULs are dropped.
_SNIFF = 8192


def decode_text(data: bytes, name: str) -> str:
    """Article bytes → clean text, or InputError (binary, not UTF-8, damaged UTF-16)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return clean_text(data.decode("utf-16"))
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: damaged UTF-16 text: {err.reason}") from err
    if b"\x00" in data[:_SNIFF]:
        raise InputError(f"{name}: looks like a binary file, not article text")
    try:
        return clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: not UTF-8 text (invalid byte 0x{data[err.start]:02x} at offset "
            f"{err.start}); convert it with e.g. 'iconv -f cp1252 -t utf-8'") from err


def read_txt(stream: BinaryIO, name: str, published: date | None = None) -> Article:
    """One article from a text stream; a ``date`` header overrides ``published``."""
    text = decode_text(read_limited(stream, MAX_ARTICLE_BYTES, name), name)
    document = make_document(text, published=published, source=name)
    return Article(text=document.text, published=document.published, source=name)
