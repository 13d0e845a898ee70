"""Saved HTML pages: the main text (no navigation, ads or comments), title, outlet,
canonical URL and publication date from the page's metadata, via trafilatura."""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import BinaryIO

from ..errors import InputError
from .article import Article, clean_text
from .bounded import MAX_ARTICLE_BYTES, MAX_PAGE_BYTES, read_limited

__all__ = ["read_html"]

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


def _extractor():
    try:
        import trafilatura
    except ImportError as err:       # pragma: no cover - a dependency of geomap
        raise InputError("reading HTML needs trafilatura: pip install trafilatura") from err
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    return trafilatura


def read_html(stream: BinaryIO, name: str, published: date | None = None) -> Article:
    """One article from a saved HTML page; the page's own date wins over ``published``."""
    data = read_limited(stream, MAX_PAGE_BYTES, name)
    if not data.strip():
        raise InputError(f"{name}: empty article")
    try:
        page = _extractor().bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True, deduplicate=False)
    except Exception as err:         # lxml/trafilatura on hostile markup: one line, not a crash
        raise InputError(f"{name}: cannot read this HTML page "
                         f"({type(err).__name__}: {err})") from err
    text = clean_text(page.text or "") if page is not None else ""
    if not text.strip():
        raise InputError(f"{name}: no article text found in this HTML page")
    title = clean_text(page.title).strip() if page.title else None
    if title:                        # the headline is the title, not the article's text
        head, _, rest = text.partition("\n")
        if head.strip() == title and rest.strip():
            text = rest
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise InputError(f"{name}: article too large (the limit is "
                         f"{MAX_ARTICLE_BYTES // 2**20} MB)")
    found = _ISO_DATE.match(page.date or "")
    if found:
        try:
            published = date.fromisoformat(found.group(1))
        except ValueError:
            pass
    return Article(text=text, published=published, source=name, url=page.url or None,
                   title=title, outlet=clean_text(page.sitename).strip() if page.sitename
                   else None)
