"""Which language an article is written in: English (``en``), Dari (``fa``) or Pashto
(``ps``), offline, from the script and a few words.

The rules, in order:

1. **Script.** More Latin letters than Persian-script letters is English (an English
   report that quotes a Dari name stays English).
2. **Pashto or Dari.** Each word that only one of the two writes is a vote: Pashto's
   own letters (ټ ډ ړ ږ ښ ګ ڼ ۍ ې ځ څ) and its function words (د، په، کې، چې، ته، او،
   شول، وویل …), against Dari's (در، از، را، می، است، شد، گفت، و …). The larger count
   wins; a tie, or no vote at all, is Dari, the larger of the two presses.

A registry package with a trained model (fastText's lid.176, langdetect, lingua) would
add tens of megabytes, or a download, to tell apart three languages whose own letters
and function words already do; see ``tests/text/detect_sentences.tsv`` for the measure.

>>> detect("Three soldiers were killed in Sangin district.")
'en'
>>> detect("در ولسوالی سنگین سه سرباز کشته شدند.")
'fa'
>>> detect("د سنګین په ولسوالۍ کې درې سرتیري ووژل شول.")
'ps'
"""

from __future__ import annotations

import re

from .script import PASHTO_LETTERS, normalise

__all__ = ["detect", "LANGUAGES"]

#: the languages geomap reads
LANGUAGES = ("en", "fa", "ps")
#: characters read: the lead of an article says which language it is in
_SAMPLE = 4000

_LETTERS = r"\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\u0750-\u077f"
_WORD = re.compile(f"[{_LETTERS}]+")
# function words that one of the two languages writes and the other does not (in the
# normalised form: ی for ي, ک for ك; Pashto's letters kept)
_PASHTO_WORDS = frozenset(
    "د په کې کی چې چی ته او دا دې دی وو شول شوې شوی شوي ووژل وویل ویلي وايي وای "
    "نه ځای پر سره لپاره کړی کړې کړل کړ شو وشو وشوه وه ټپیان ټپي مړه وروسته پورې".split())
_DARI_WORDS = frozenset(
    "در از را می است اند شد شدند شده گفت گفته کرد کردند کرده و با این آن که برای "
    "یک تن نفر زخمی کشته گردید گردیدند بود بودند هم نیز دیگر".split())
_LATIN = re.compile(r"[A-Za-z]")
_PERSIAN_SCRIPT = re.compile(f"[{_LETTERS}]")


def detect(text: str) -> str:
    """``en``, ``fa`` or ``ps`` for a text (its first few thousand characters).

    >>> detect("")
    'en'
    """
    sample = text[:_SAMPLE]
    if sample.isascii() or _PERSIAN_SCRIPT.search(sample) is None:
        return "en"                     # (no Persian-script letter at all: the usual case)
    latin = len(_LATIN.findall(sample))
    persian = len(_PERSIAN_SCRIPT.findall(sample))
    if persian <= latin:
        return "en"
    words = _WORD.findall(normalise(sample).text)
    pashto = sum(1 for w in words if w in _PASHTO_WORDS or not PASHTO_LETTERS.isdisjoint(w))
    dari = sum(1 for w in words if w in _DARI_WORDS)
    return "ps" if pashto > dari else "fa"
