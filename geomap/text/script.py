"""Persian-script text (Dari, Pashto) in one canonical form, offsets kept.

News in Dari and Pashto writes the same word with different code points: Arabic
``ي`` or Persian ``ی``, Arabic ``ك`` or Persian ``ک``, ``ۀ`` or ``ه``, digits in three
scripts (``۱۲`` ``١٢`` ``12``), words joined or split by a zero-width non-joiner,
stretched with tatweel, or marked with vowel signs. :func:`normalise` writes each in
one form so that a codebook word matches every spelling; Pashto's own letters
(ټ ډ ړ ږ ښ ګ ڼ ۍ ې) are kept, they tell Pashto from Dari. :func:`letters` also folds
Pashto's letters onto their Dari neighbours (ګ → گ, ې ۍ → ی) for matching names and
words that either language may spell either way.

Most changes replace one character by one (the offsets do not move); vowel signs and
tatweel are dropped, so :class:`Normalised` keeps, for each character of the new text,
the offset of the character it came from: :meth:`Normalised.span` turns a span of the
normalised text back into a span of the original, which ``sources`` quote.

>>> n = normalise("در ولايت كابل ۱۲ تـــن")
>>> n.text
'در ولایت کابل 12 تن'
>>> n.span(n.text.index("12"), n.text.index("12") + 2)
(14, 16)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Normalised", "normalise", "letters", "match_form", "to_ascii_digits", "PASHTO_LETTERS",
           "SENTENCE_ENDS"]

#: letters that Pashto writes and Dari does not
PASHTO_LETTERS = frozenset("ټډړږښګڼۍېځڅ")
#: characters that end a sentence in Persian-script text besides "." and "!"
SENTENCE_ENDS = "؟۔"

# one character for one: Arabic letter forms to Persian ones, every digit set to ASCII,
# the Arabic thousands and decimal separators, the zero-width non-joiner (which joins
# or splits a word: "ده‌ها", "کشته‌شدند") and no-break spaces to a plain space
_DIGITS = {
    **{chr(0x06F0 + d): str(d) for d in range(10)},     # Persian digits ۰–۹
    **{chr(0x0660 + d): str(d) for d in range(10)},     # Arabic-Indic digits ٠–٩
    "٬": ",", "٫": ".",
}
_LETTER_FORMS = {"ي": "ی", "ى": "ی", "ك": "ک", "ڪ": "ک", "ة": "ه", "ۀ": "ه", "ہ": "ه",
                 "ە": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و"}
_ONE_FOR_ONE = str.maketrans({
    **_LETTER_FORMS, **_DIGITS,
    "\u200c": " ", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})
_DIGITS = str.maketrans(_DIGITS)
# dropped: tatweel, vowel signs and other combining marks of the Arabic block, the
# zero-width joiner and the direction marks
_DROPPED = re.compile("[\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200d\u200e\u200f"
                      "\u202a-\u202e\u2066-\u2069]")
# Pashto letters onto the Dari ones they are read as when a word may be spelt either way
_PASHTO_AS_DARI = {"ګ": "گ", "ې": "ی", "ۍ": "ی"}
_FOLD_PASHTO = str.maketrans(_PASHTO_AS_DARI)
# names: letter forms only (spaces and digits as written, which English text keeps too)
_NAME_LETTERS = str.maketrans({**_LETTER_FORMS, **_PASHTO_AS_DARI, "\u200c": " "})


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text and, when characters were dropped, where each came from.

    ``origin[i]`` is the offset in the original text of character ``i`` of ``text``
    (with one more entry, the original's length); ``origin`` is empty when the
    normalisation kept every character in place.
    """

    text: str
    origin: tuple[int, ...] = ()

    def offset(self, index: int) -> int:
        """The original offset of position ``index`` of the normalised text."""
        return self.origin[index] if self.origin else index

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the normalised text as a span of the original text."""
        if not self.origin or end <= start:
            return self.offset(start), self.offset(end)
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> Normalised:
    """Persian-script letter forms, ASCII digits, no vowel signs, tatweel or ZWNJ.

    >>> normalise("حملۀ انتحاری").text
    'حمله انتحاری'
    >>> normalise("ده\u200cها تَن").text
    'ده ها تن'
    >>> normalise("ټپيان شول").text
    'ټپیان شول'
    """
    mapped = text.translate(_ONE_FOR_ONE)
    if not _DROPPED.search(mapped):
        return Normalised(mapped)
    kept = [i for i, ch in enumerate(mapped) if not _DROPPED.match(ch)]
    return Normalised("".join(mapped[i] for i in kept), tuple(kept) + (len(text),))


def letters(text: str) -> str:
    """Normalised text with Pashto's ګ ې ۍ read as Dari's گ ی ی (same length): the form
    in which names and codebook words are matched.

    >>> letters("د ننګرهار ولایت کې")
    'د ننگرهار ولایت کی'
    """
    return text.translate(_FOLD_PASHTO)


def match_form(text: str) -> str:
    """Persian-script letters in one form, Pashto's as Dari's, a ZWNJ as a space (same
    length; digits, vowel signs and tatweel as written): the form the gazetteer's names are
    matched in, at the offsets of the text as written.

    >>> match_form("د ننګرهار ولايت")
    'د ننگرهار ولایت'
    """
    return text if text.isascii() else text.translate(_NAME_LETTERS)


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits and separators as ASCII (same length); other
    characters that ``str.isdigit`` accepts (², ⓪) are left alone.

    >>> to_ascii_digits("۱۴۰۰٫۵ و ١٢٬٠٠٠ و ²")
    '1400.5 و 12,000 و ²'
    """
    return text.translate(_DIGITS)
