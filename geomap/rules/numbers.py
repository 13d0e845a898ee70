"""Numbers in English text: digits and number words ("twenty-five", "two dozen"), and
the vague quantities of the codebook ("dozens", "several").

The words are data (``geomap/lang/en/data/numbers.csv``, ``codebook/quantities.csv``);
how they combine ("one hundred and twenty", "two dozen") is English grammar, so code.
"""

from __future__ import annotations

from functools import lru_cache

from ..codebook import figure_quantities, quantities
from ..lang.en.words import number_words

__all__ = ["parse_number", "number_at", "vague_at", "NUM", "NUMBER_WORDS", "UNITS", "TENS"]

#: number words (geomap/lang/en/data/numbers.csv): units with the articles that count
#: one ("a", "an", "no"), and tens
_UNITS = {**number_words()["unit"], **number_words()["article"]}
_TENS = number_words()["ten"]
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | {"hundred", "thousand"}
_WORD = "|".join(sorted((w for w in list(_UNITS) + list(_TENS) if w not in ("a", "an", "no")),
                       key=len, reverse=True))
#: number words a stray final "s" may follow ("Elevens insurgents died"): two and more,
#: not "ones" ("loved ones") nor "tens" (a vague quantity, codebook/quantities.csv)
_STRAY_S = frozenset(w for w, v in {**_UNITS, **_TENS}.items()
                     if v >= 2 and w != "ten" and w not in ("a", "an", "no"))
_STRAYED = "|".join(sorted(_STRAY_S, key=len, reverse=True))
_NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_STRAYED})s\b|"
        rf"(?:{_WORD})\b(?:[\s-](?:{_WORD})\b)?"
        rf"(?:\s+(?:hundred|thousand|dozen)\b)?(?:\s+and\s+(?:{_WORD})\b)?|"
        # "dozens", "a dozen": codebook/quantities.csv's figures
        + "|".join(phrase.replace(" ", r"\s+") for phrase in figure_quantities()) + "|an?)")


def parse_number(text: str) -> int | None:
    """An integer from digits or English number words.

    >>> parse_number("twenty-five"), parse_number("1,200"), parse_number("dozens")
    (25, 1200, 12)
    """
    text = " ".join(text.lower().replace("-", " ").split())
    if not text:
        return None
    if text in quantities():                       # "dozens", "a hundred": the codebook's
        return quantities()[text]
    # (isdecimal, not isdigit: "²" and "⓪" are digits that int() rejects)
    if text.replace(",", "").isdecimal():
        digits = text.replace(",", "")
        return int(digits) if len(digits) <= 7 else None     # "99999999999999999999"
    text = _unstrayed(text)
    total, current = 0, 0
    for word in text.split():
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "dozen":
            current = max(current, 1) * 12             # "two dozen" = 24
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


def _unstrayed(text: str) -> str:
    """"elevens" → "eleven": a number word with a stray final "s" (a typo), alone."""
    return text[:-1] if text.endswith("s") and text[:-1] in _STRAY_S else text


def number_at(words: list[str], i: int) -> tuple[int, int] | None:
    """(value, tokens used) of a number at ``words[i]``: digits or number words."""
    w = words[i]
    if "-" not in w and w not in _NUMBER_WORDS and not w[0].isdigit():
        if w[-1] == "s" and w[:-1] in _STRAY_S:
            return _UNITS.get(w[:-1]) or _TENS[w[:-1]], 1   # "elevens"
        return None                      # (the loop below would not take a word)
    if w[0].isdigit():
        digits = w.replace(",", "")
        if len(digits) > 6 or not digits.isdecimal():
            return None                  # (nor "²", "⓪": digits that int() rejects)
        return int(digits), 1
    j = i
    while j < len(words) and j - i < 5 and (
            words[j] in _UNITS or words[j] in _TENS or words[j] in ("hundred", "thousand")
            or all(p in _UNITS or p in _TENS for p in words[j].split("-"))
            or (words[j] == "and" and j > i and j + 1 < len(words) and
                (words[j + 1] in _UNITS or words[j + 1] in _TENS))):
        if words[j] in ("a", "an", "no") or (words[j] == "one" and j > i):
            break
        j += 1
    if j == i:
        return None
    if j < len(words) and words[j] == "dozen":
        j += 1                           # "two dozen"
    value = parse_number(" ".join(words[i:j]))
    return (value, j - i) if value is not None else None


def vague_at(words: list[str], i: int) -> tuple[int, int] | None:
    table = quantities()
    if i < len(words) and words[i] not in _vague_first_words():
        return None                      # no phrase of the table starts with this word
    for n in (4, 3, 2, 1):
        phrase = " ".join(words[i:i + n])
        if phrase in table:
            return table[phrase], n
    return None


@lru_cache(maxsize=1)
def _vague_first_words() -> frozenset[str]:
    return frozenset(phrase.split(" ")[0] for phrase in quantities())


UNITS, TENS, NUMBER_WORDS, NUM = _UNITS, _TENS, _NUMBER_WORDS, _NUM
