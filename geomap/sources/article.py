"""The article record every source yields, and the text cleaning at the reader boundary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..text.reader import Document, make_document, scrub

__all__ = ["Article", "clean_text"]


def clean_text(text: str) -> str:
    r"""Text safe for every later stage (:func:`geomap.reader.scrub`): lone surrogates
    become U+FFFD and NUL a space, so offsets do not move.

    >>> clean_text("Kabul\x00 \ud800blast")
    'Kabul  \ufffdblast'
    """
    return scrub(text)


@dataclass(frozen=True, slots=True)
class Article:
    """One article from any source.

    ``source`` says where it was read (a file, or ``file:LINE`` for a record in a
    JSONL/CSV file); ``id``, ``url``, ``title`` and ``outlet`` are what the source said
    of the article, when it said it; ``language`` which language pack reads it.
    """

    text: str
    published: date | None
    source: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    #: the code of the language it is written in (:data:`geomap.lang.LANGUAGES`); None:
    #: detected from the text when it is read (:func:`geomap.text.detect.detect`)
    language: str | None = None

    def document(self) -> Document:
        """The :class:`~geomap.reader.Document` the extraction pipeline reads."""
        return make_document(self.text, published=self.published, source=self.source,
                             language=self.language)
