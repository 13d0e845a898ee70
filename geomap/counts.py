"""Casualty counts: killed and wounded, with conservative rules.

"at least 25" → 25, "more than 100" → 100, "over 50" → 50, "dozens" → 12,
"tens" → 10, "hundreds" → 100, "a police officer was killed" → 1,
"no casualties" → 0, ranges take the low end ("25 to 30" → 25).

>>> [(c.kind, c.value) for c in find_counts("At least 25 people were killed and over 50 wounded")]
[('killed', 25), ('wounded', 50)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Count", "find_counts", "parse_number"]

_UNITS = {"zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4,
          "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
          "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_VAGUE = {"dozens": 12, "dozen": 12, "a dozen": 12, "scores": 20, "tens": 10,
          "hundreds": 100, "a hundred": 100, "thousands": 1000}
_WORD = "|".join(sorted((w for w in list(_UNITS) + list(_TENS) if w not in ("a", "an", "no")),
                       key=len, reverse=True))
_NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_WORD})\b(?:[\s-](?:{_WORD})\b)?"
        rf"(?:\s+(?:hundred|thousand)\b)?(?:\s+and\s+(?:{_WORD})\b)?|dozens|a\s+dozen|scores|tens|"
        rf"hundreds|thousands|a\s+hundred|an?)")
_QUAL = r"(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as|" \
        r"no\s+fewer\s+than|at\s+most|approximately|roughly|an\s+estimated|another)\s+)?"
_KILL = r"(?:killed|dead|died|deaths?|slain|martyred|lost\s+their\s+lives|lost\s+his\s+life|" \
        r"bodies|fatalities|killing|perished)"
_WOUND = r"(?:wounded|injured|hurt|injuries|injuring|wounding)"
_NOT_PEOPLE = r"(?:minutes?|hours?|days?|weeks?|months?|years?|km|kilometers?|kilometres?|miles?|" \
              r"metres?|meters?|percent|per\s+cent|%|times|am|pm|o'clock|vehicles?|houses?|" \
              r"explosions?|blasts?|bombs?|rockets?|mortars?|attacks?)"
_GAP = r"(?:\s+(?!(?:and|but|while|when)\b)[A-Za-z'’-]+){0,5}?"
_RANGE = rf"(?:\s*(?:-|–|to|or)\s*{_NUM})?"

# NUM ... (were) killed / wounded; "(42 people were killed)", "120 dead".
_BEFORE = re.compile(
    rf"\b{_QUAL}(?P<num>{_NUM}){_RANGE}(?!\s+{_NOT_PEOPLE}\b){_GAP}\s+"
    rf"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|got|being|reportedly|also|later)\s+)*"
    rf"(?P<verb>{_KILL}|{_WOUND})\b", re.IGNORECASE)
# killing / killed / wounding NUM ...
_AFTER = re.compile(
    rf"\b(?P<verb>killing|killed|kills|kill|wounding|injuring|wounded|injured|massacred|"
    rf"shot\s+dead|shooting\s+dead|gunned\s+down|"
    rf"executed|beheaded|claimed\s+the\s+lives\s+of)\s+{_QUAL}(?P<num>{_NUM}){_RANGE}(?!\s+{_NOT_PEOPLE}\b)",
    re.IGNORECASE)
# left / leaving NUM (people) dead / wounded
_LEFT = re.compile(
    rf"\b(?:left|leaving)\s+{_QUAL}(?P<num>{_NUM}){_RANGE}(?:\s+[A-Za-z'’-]+){{0,3}}?\s+"
    rf"(?P<verb>dead|killed|{_WOUND})\b", re.IGNORECASE)
# killed / shot dead a policeman, wounding a child: one person
_PERSON = r"(?:person|man|woman|child|boy|girl|civilian|soldier|policeman|police\s*officer|officer|" \
          r"journalist|reporter|official|commander|member|student|teacher|worker|fighter|" \
          r"militant|guard|driver|cleric|imam|elder|doctor|judge|prosecutor|activist|pilot|" \
          r"governor|chief|leader|employee|passer-?by|resident|farmer|shopkeeper|trader)"
_ONE = re.compile(
    rf"\b(?P<verb>killed|killing|kills|shot\s+dead|shooting\s+dead|gunned\s+down|martyred|"
    rf"shot\s+and\s+martyred|shot\s+and\s+killed|wounded|wounding|injured|injuring)\s+"
    rf"(?:a|an|one)\s+(?:[A-Za-z-]+\s+){{0,2}}?{_PERSON}\b", re.IGNORECASE)
# "the policeman was shot dead", "a police officer was martyred"
_ONE_PASSIVE = re.compile(
    rf"\b(?:the|a|an|one)\s+(?:[A-Za-z-]+\s+){{0,2}}?{_PERSON}\s+(?:was|has\s+been|had\s+been)\s+"
    rf"(?:\w+\s+)?(?P<verb>shot\s+dead|killed|martyred|gunned\s+down|wounded|injured)\b",
    re.IGNORECASE)
# "Three militants and two militiamen were killed", "a bomber and her two companions were killed"
_SUM = re.compile(
    rf"\b{_QUAL}(?P<a>{_NUM})\s+(?:(?!(?:were|was|are|is|{_KILL}|{_WOUND})\b)[A-Za-z-]+\s+){{1,3}}?"
    rf"(?:and|with|along\s+with)\s+"
    rf"(?:(?:his|her|their)\s+)?(?P<b>{_NUM})\s+(?:[A-Za-z-]+\s+){{0,3}}?"
    rf"(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?P<verb>{_KILL}|{_WOUND})\b",
    re.IGNORECASE)
# "Twenty-one insurgents, including 13 al-Qaeda members, were killed": the total
_INCLUDING = re.compile(
    rf"\b{_QUAL}(?P<num>{_NUM})\s+(?:[A-Za-z-]+\s+){{0,3}}?[A-Za-z-]+,?\s+including\s+[^.;]{{1,80}}?,?"
    rf"\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?P<verb>{_KILL}|{_WOUND})\b",
    re.IGNORECASE)
# "a commander was killed along with his seven men": one plus the others
_ALONG_WITH = re.compile(
    rf"\b(?:was|has\s+been)\s+(?P<verb>killed|wounded|injured)\s+(?:along\s+)?with\s+"
    rf"(?:his|her|their)\s+(?P<num>{_NUM})\b", re.IGNORECASE)
# "Five people were killed in Kabul and three in Herat": the verb is left out
_ELLIPSIS = re.compile(rf"\b(?:and|while|with)\s+{_QUAL}(?P<num>{_NUM})\s+(?:more\s+|others?\s+)?"
                       rf"(?=(?:in|at|near)\s+[A-Z])")
_TOLL = re.compile(rf"\bdeath\s+toll\s+(?:\w+\s+){{0,3}}?(?:to|of|at|reached|is|was)\s+"
                   rf"{_QUAL}(?P<num>{_NUM})\b", re.IGNORECASE)
_NONE = re.compile(r"\bno\s+(?:casualties|deaths|fatalities|injuries|immediate\s+reports?\s+of\s+"
                   r"casualties)\b|\bno\s*(?:one|body)\s+(?:was|were|has\s+been|had\s+been)\s+"
                   rf"(?:reported\s+)?(?P<verb>{_KILL}|{_WOUND})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty figure found in text."""

    kind: str          # "killed" | "wounded"
    value: int
    start: int
    end: int
    phrase: str


def parse_number(text: str) -> int | None:
    """An integer from digits or English number words.

    >>> parse_number("twenty-five"), parse_number("1,200"), parse_number("dozens")
    (25, 1200, 12)
    """
    text = " ".join(text.lower().replace("-", " ").split())
    if not text:
        return None
    if text in _VAGUE:
        return _VAGUE[text]
    if text.replace(",", "").isdigit():
        return int(text.replace(",", ""))
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
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


def _kind(verb: str) -> str:
    return "wounded" if re.fullmatch(_WOUND, verb, re.IGNORECASE) else "killed"


_ANY_CASUALTY = re.compile(r"kill|dead|die|death|wound|injur|hurt|casualt|martyr|bodies|slain|massacr|execut|behead|"
                           r"shot|gunned|perish|lives|fatalit|toll", re.IGNORECASE)


def find_counts(text: str) -> list[Count]:
    """Killed and wounded figures in ``text``, in text order."""
    if not _ANY_CASUALTY.search(text):
        return []
    found: list[Count] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, value: int | None, m: re.Match) -> None:
        if value is None or any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(Count(kind, value, m.start(), m.end(), m.group(0)))

    for m in _NONE.finditer(text):
        verb = m.group("verb")
        for kind in ([_kind(verb)] if verb else ["killed", "wounded"]):
            found.append(Count(kind, 0, m.start(), m.end(), m.group(0)))
        taken.append((m.start(), m.end()))
    for m in _SUM.finditer(text):
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is not None and b is not None:
            add(_kind(m.group("verb")), a + b, m)
    for m in _INCLUDING.finditer(text):
        add(_kind(m.group("verb")), parse_number(m.group("num")), m)
    for m in _ALONG_WITH.finditer(text):
        others = parse_number(m.group("num"))
        add(_kind(m.group("verb")), None if others is None else others + 1, m)
    for m in _TOLL.finditer(text):
        add("killed", parse_number(m.group("num")), m)
    for m in _BEFORE.finditer(text):
        num = m.group("num").lower()
        if re.fullmatch(r"(?:19|20)\d\d", num) and re.search(r"\b(?:in|of|since|during)\s+$",
                                                           text[:m.start("num")]):
            continue                    # "in 2017 killed 30": a year, not a count
        if num in ("a", "an", "one") and not _singular_ok(m.group(0)):
            continue
        add(_kind(m.group("verb")), parse_number(num), m)
    for m in _ONE_PASSIVE.finditer(text):
        verb = m.group("verb").lower()
        add("killed" if re.match(r"shot|gunned|martyr", verb) else _kind(verb), 1, m)
    for m in _ONE.finditer(text):
        verb = m.group("verb").lower()
        add("killed" if re.match(r"shot|shooting|gunned|martyr", verb) else _kind(verb), 1, m)
    for rx in (_LEFT, _AFTER):
        for m in rx.finditer(text):
            verb = m.group("verb").lower()
            if m.group("num").lower() in ("a", "an"):
                continue
            kind = "killed" if "lives" in verb or verb.startswith(("shot", "shooting", "gunned")) \
                else _kind(verb)
            add(kind, parse_number(m.group("num")), m)
    for m in _ELLIPSIS.finditer(text):
        before = [c for c in found if c.end <= m.start()]
        if before and m.group("num").lower() not in ("a", "an"):
            add(before[-1].kind, parse_number(m.group("num")), m)
    found.sort(key=lambda c: c.start)
    return found


def _singular_ok(phrase: str) -> bool:
    """"a police officer was killed" is one; "a blast killed" is not a count."""
    return re.search(r"\b(?:was|has\s+been|had\s+been|got)\s+\w+$", phrase, re.IGNORECASE) \
        is not None
