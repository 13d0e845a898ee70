"""Name normalisation: the keys under which gazetteer names are indexed.

Two keys per name:

``fold``
    case, diacritics, punctuation, hyphens/spaces, Arabic-script letter
    variants and connectives ("Mazar-i-Sharif" = "Mazar-e Sharif" =
    "Mazari Sharif" → ``"mazarsharif"``).
``phonetic``
    a looser key that also merges the vowel and consonant spellings that
    transliterations of Dari/Pashto disagree on ("Panjsher" = "Panjshir",
    "Qandahar" = "Kandahar", "Sar-e Pol" = "Sari Pul").

>>> fold("Mazar-i-Sharif") == fold("Mazari Sharif") == fold("Mazar-e Sharif")
True
>>> phonetic("Panjsher") == phonetic("Panjshir")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lang.en.words import calendar

__all__ = ["fold", "phonetic", "tokens", "split_generic", "is_arabic_script", "GENERIC_KIND",
           "CALENDAR_WORDS"]

#: Month and weekday names: capitalised in text, never a place or a person's name.
CALENDAR_WORDS = frozenset(name for kind in ("month", "weekday")
                           for name, _, _ in calendar(kind))    # (lang/en/data/calendar.csv)

# Arabic-script letter variants written interchangeably in Dari/Pashto text.
_ARABIC_MAP = str.maketrans({
    "ي": "ی", "ى": "ی", "ې": "ی", "ۍ": "ی", "ئ": "ی",
    "ك": "ک", "ګ": "گ",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ؤ": "و",
    "\u0640": "",   # tatweel
    "\u200c": " ", "\u200d": "",  # zero-width (non-)joiner
    "‘": "", "’": "", "'": "", "`": "", "ʼ": "", "ʻ": "",
})
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.,/()\[\]\"«»؛،]+")
_CONNECTIVES = frozenset({"i", "e", "ye", "yi", "al", "el", "ul", "ol"})

# Generic words naming the kind of a place, in English, Dari and Pashto
# transliteration and Arabic script. They are stripped from names before
# lookup and turned into a kind hint.
GENERIC_KIND: dict[str, str] = {
    "province": "province", "provinces": "province", "wolayat": "province",
    "wilayat": "province", "velayat": "province", "welayat": "province",
    "vilayat": "province", "viloyati": "province", "ولایت": "province",
    "ولايت": "province", "استان": "province", "ولایات": "province",
    "district": "district", "districts": "district", "woleswali": "district",
    "uluswali": "district", "woluswali": "district", "ولسوالی": "district",
    "ولسوالۍ": "district", "ولسوالي": "district", "شهرستان": "district",
    "city": "city", "town": "city", "شهر": "city", "ښار": "city",
}
_GENERIC_PREFIX = re.compile(
    r"^(?:the\s+)?(?:province|district|city|town)\s+of\s+", re.IGNORECASE)


def is_arabic_script(text: str) -> bool:
    """True when ``text`` holds Arabic-script letters (Dari, Pashto, Arabic)."""
    return any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in text)


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    """Lower-case, diacritic-free tokens of ``name`` (connectives kept)."""
    text = unicodedata.normalize("NFKC", name).translate(_ARABIC_MAP).casefold()
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(ch))
    return tuple(t for t in _SEPARATORS.split(text) if t)


def split_generic(name: str) -> tuple[str, str | None]:
    """Strip generic kind words from ``name`` and return (base, kind hint).

    >>> split_generic("Kandahar province")
    ('Kandahar', 'province')
    >>> split_generic("ولایت پنجشیر")
    ('پنجشیر', 'province')
    >>> split_generic("Kabul")
    ('Kabul', None)
    """
    name = name.strip()
    hint = None
    m = _GENERIC_PREFIX.match(name)
    if m:
        hint = GENERIC_KIND[m.group(0).split()[-2].lower()]
        name = name[m.end():]
    words = name.split()
    kept = []
    for word in words:
        kind = GENERIC_KIND.get(word.casefold().strip(".,"))
        if kind and len(words) > 1:
            hint = hint or kind
            continue
        kept.append(word)
    return " ".join(kept), hint


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Exact-match key: no case, diacritics, separators or connectives.

    >>> fold("Pul-e-Khumri") == fold("Puli Khumri") == fold("pul i khumri")
    True
    """
    toks = [t for t in tokens(name) if t not in _CONNECTIVES]
    out = []
    for i, tok in enumerate(toks):
        # "Mazari Sharif": an izafe -i/-e glued to a non-final word.
        if i < len(toks) - 1 and len(tok) > 3 and tok[-1] in "ie" and tok.isascii():
            tok = tok[:-1]
        out.append(tok)
    return "".join(out)


_PHONETIC_RULES = [
    (re.compile(r"ou|oo|o|w(?=[^aeiou]|$)"), "u"),
    (re.compile(r"ee|e|y(?=[^aeiou]|$)"), "i"),
    (re.compile(r"iy(?=[aiu])|(?<=[^aiu])y(?=[aiu])"), "i"),
    (re.compile(r"aa"), "a"),
    (re.compile(r"q"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"h$"), ""),
]


@lru_cache(maxsize=65536)
def phonetic(name: str) -> str:
    """Loose key merging transliteration variants (Latin names only).

    >>> phonetic("Qandahar") == phonetic("Kandahar")
    True
    >>> phonetic("Sar-e Pol") == phonetic("Sari Pul")
    True
    """
    key = fold(name)
    if not key.isascii():
        return key
    for pattern, repl in _PHONETIC_RULES:
        key = pattern.sub(repl, key)
    return key
