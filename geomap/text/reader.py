"""Reading articles: bytes → checked text, publication date, sentences.

Bad input (missing, empty, binary, not UTF-8, too large) raises
:class:`~geomap.errors.InputError` with one clear line; the readers of every input
format live in :mod:`geomap.sources`. The optional header
``date YYYY-MM-DD`` at the start of a file sets the publication date; it is
blanked out (same length) so character offsets still point into the file.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..errors import InputError

__all__ = ["Document", "Sentence", "read_article", "make_document", "split_sentences",
           "parse_date", "normalize_breaks", "scrub", "MAX_BYTES"]

#: Largest article accepted, in bytes (see :data:`geomap.sources.MAX_ARTICLE_BYTES`).
MAX_BYTES = 2 * 1024 * 1024

_HEADER = re.compile(r"\A\ufeff?\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Document:
    """An article: its text, publication date, where it came from and its language."""

    text: str
    published: date | None
    source: str
    #: the code of the language pack that reads it (:func:`geomap.lang.get_pack`)
    language: str = "en"
    #: "day", or "month" when only the month of publication is known (a ``date 2022-11``
    #: header): ``published`` is then the month's last day, the latest it can be
    published_precision: str = "day"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document: character span and paragraph number."""

    start: int
    end: int
    text: str
    paragraph: int


def parse_date(value: str) -> date:
    """A ``YYYY-MM-DD`` date, or InputError."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError as err:
        raise InputError(f"not a date (want YYYY-MM-DD): {value!r}") from err


# Unicode line and paragraph breaks that are not "\n": LINE SEPARATOR (340 of 724 ISAF
# releases use it), PARAGRAPH SEPARATOR, NEXT LINE, form feed, vertical tab, a lone CR.
# Each becomes one "\n" and the CR of CRLF a space, so character offsets do not move.
_LINE_BREAKS = re.compile("[\r\u2028\u2029\x85\x0c\x0b]")


def normalize_breaks(text: str) -> str:
    r"""Every line break as ``\n``, same length.

    >>> normalize_breaks("KABUL (Jan. 25)\u2028A force detained two.\r\nEnd")
    'KABUL (Jan. 25)\nA force detained two. \nEnd'
    """
    return _LINE_BREAKS.sub("\n", text.replace("\r\n", " \n"))


# Code points no encoder accepts (lone surrogates, from a bad decode or a JSON "\ud800")
# and NUL: replaced, same length, so nothing past the reader ever sees them.
_UNENCODABLE = re.compile("[\ud800-\udfff\x00]")


def scrub(text: str) -> str:
    r"""Text every later stage can encode: lone surrogates become U+FFFD, NUL a space.

    >>> scrub("Kabul\ud800 \x00attack")
    'Kabul\ufffd  attack'
    """
    return _UNENCODABLE.sub(lambda m: " " if m.group(0) == "\x00" else "\ufffd", text)


def make_document(text: str, *, published: date | None = None, source: str = "<text>",
                  language: str | None = "en") -> Document:
    """A Document from text; a ``date YYYY-MM-DD`` (or ``date YYYY-MM``) header overrides
    ``published``; ``language=None``: detected from the text
    (:func:`geomap.text.detect.detect`), as articles read from sources are.

    >>> make_document("در ولسوالی سنگین سه سرباز کشته شدند.", language=None).language
    'fa'
    """
    text = normalize_breaks(scrub(text))
    if not text.strip():
        raise InputError(f"{source}: empty article")
    header = _HEADER.match(text)
    precision = "day"
    if header:
        published, precision = parse_header_date(header.group(1))
        text = " " * header.end() + text[header.end():]
    if language is None:
        from .detect import detect

        language = detect(text)
    return Document(text=text, published=published, source=source, language=language,
                    published_precision=precision)


def parse_header_date(value: str) -> tuple[date, str]:
    """The date of a ``date`` header and its precision: ``2021-05-04`` is that day,
    ``2022-11`` the last day of November 2022 at month precision (relative days resolve
    against the latest day the article can have been published).

    >>> parse_header_date("2022-11")
    (datetime.date(2022, 11, 30), 'month')
    """
    if len(value) == 7:
        try:
            first = date.fromisoformat(value + "-01")
        except ValueError as err:
            raise InputError(f"not a month (want YYYY-MM): {value!r}") from err
        last = calendar.monthrange(first.year, first.month)[1]
        return first.replace(day=last), "month"
    return parse_date(value), "day"


def read_article(path: str | Path, *, published: date | None = None) -> Document:
    """Read and check one plain-text article file (through the bounded reader of
    :mod:`geomap.sources`: regular files, pipes, devices and symlinks alike)."""
    from ..sources.bounded import display_name, open_input
    from ..sources.txt import read_txt

    name = display_name(path)
    with open_input(path) as stream:
        return read_txt(stream, name, published).document()


# Sentence ends: . ! ? and the Persian-script ؟ ۔ (optionally closing quotes/brackets)
# then space and a capital, digit, quote or bracket — but not after common abbreviations.
_SENT_END = re.compile(r"""[.!?؟۔]["'”’)\]»]*\s+(?=["'“‘(\[«]?[A-Z0-9\u0600-\u06ff])""")


@lru_cache(maxsize=None)
def _abbreviation(language: str) -> re.Pattern:
    """A full stop that ends an abbreviation of the language (its pack's data file) or,
    where the language writes capitals, an initial ("J. Smith")."""
    from ..lang import get_pack

    pack = get_pack(language)
    words = "|".join(re.escape(word) for word in pack.abbreviations)
    initial = r"|\b[A-Z]" if pack.writing_system.has_case else ""
    if not words and not initial:
        return re.compile(r"(?!)")          # (no abbreviation: every full stop may end one)
    return re.compile(rf"(?:\b(?:{words}){initial})\.$")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[A-Z\u0600-\u06ff\"“])")


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Split text into sentences, keeping character offsets (``language`` says which
    abbreviations end no sentence).

    >>> [s.text for s in split_sentences("Blasts hit Kabul. Dr. Ali said 3 died.")]
    ['Blasts hit Kabul.', 'Dr. Ali said 3 died.']
    """
    abbreviation = _abbreviation(language)
    sentences: list[Sentence] = []
    para_start = 0
    for para_no, para_end in enumerate(_paragraph_ends(text)):
        start = para_start
        for m in _SENT_END.finditer(text, para_start, para_end):
            # only the last characters can hold an abbreviation ("Gen.", "U.S."): searching
            # the whole growing head would make a text of abbreviations quadratic
            if abbreviation.search(text, max(start, m.start() - 12), m.start() + 1):
                continue
            _append(sentences, text, start, m.start() + 1 + len(m.group(0).rstrip()) - 1,
                    para_no)
            start = m.end()
        _append(sentences, text, start, para_end, para_no)
        para_start = para_end
    return sentences


def _paragraph_ends(text: str) -> list[int]:
    ends = [m.start() for m in _PARAGRAPH.finditer(text)]
    return [e for e in ends if e > 0] + [len(text)]


def _append(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    # (str.strip drops exactly the characters str.isspace calls spaces)
    piece = text[start:end]
    kept = piece.strip()
    if kept:
        start += len(piece) - len(piece.lstrip())
        out.append(Sentence(start, start + len(kept), kept, para))
