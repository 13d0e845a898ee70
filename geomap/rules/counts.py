"""Casualty counts: killed and wounded, with conservative rules.

"at least 25" → 25, "more than 100" → 100, "over 50" → 50, "dozens" → 12,
"two dozen" → 24, "tens" → 10, "hundreds" → 100, "a police officer was killed" → 1,
"no casualties" → 0, ranges take the low end ("25 to 30" → 25).

The patterns of figures written around a number ("NUM were killed", "killing NUM", "the
death toll rose to NUM") live here; people counted through noun phrases in
:mod:`.people_counts`; numbers in :mod:`.numbers`; the figure record in :mod:`.figures`.

>>> [(c.kind, c.value) for c in find_counts("At least 25 people were killed and over 50 wounded")]
[('killed', 25), ('wounded', 50)]
"""

from __future__ import annotations

import re
from dataclasses import replace

from .anchors import Gate, guarded
from ..codebook import one_alone_nouns
from ..lang.en.script import YEAR
from .figures import MAX_COUNT, Count, victims_in as _victims_in
from .numbers import NUM as _NUM, parse_number
from .people_counts import people_counts
from .verbs import _PEOPLE_WORDS

__all__ = ["Count", "find_counts", "parse_number", "people_counts", "MAX_COUNT"]

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
#: (the nouns of codebook/people.csv marked one_alone; "police officer" also "policeofficer",
#: "passer-by" also "passerby")
_PERSON = "(?:" + "|".join(noun.replace(" ", r"\s*").replace("-", "-?")
                          for noun in one_alone_nouns()) + ")"
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
# "Twenty-one insurgents, including 13 al-Qaeda members, were killed", "six members of one
# family, among them two children, were killed": the total
_INCLUDING = re.compile(
    rf"\b{_QUAL}(?P<num>{_NUM})\s+(?:[A-Za-z-]+\s+){{0,3}}?[A-Za-z-]+,?\s+"
    rf"(?:including|among\s+them)\s+[^.;]{{1,80}}?,?"
    rf"\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?P<verb>{_KILL}|{_WOUND})\b",
    re.IGNORECASE)
# "a commander was killed along with his seven men": one plus the others
_ALONG_WITH = re.compile(
    rf"\b(?:was|has\s+been)\s+(?P<verb>killed|wounded|injured)\s+(?:along\s+)?with\s+"
    rf"(?:his|her|their)\s+(?P<num>{_NUM})\b", re.IGNORECASE)
# "Five people were killed in Kabul and three in Herat": the verb is left out
_ELLIPSIS = re.compile(rf"\b(?:and|while|with)\s+{_QUAL}(?P<num>{_NUM})\s+(?:more\s+|others?\s+)?"
                       rf"(?=(?:in|at|near)\s+[A-Z])")
_TOLL = re.compile(rf"\b(?:death\s+toll\s+(?:\w+\s+){{0,3}}?(?:to|of|at|reached|is|was)|"
                   # "The death toll from Friday's bombing of a school has risen to 85", "the
                   # toll had risen to 26" (a toll that rises is of the dead)
                   rf"(?:death\s+)?toll\s+(?:[\w'’-]+\s+){{0,12}}?(?:has\s+|had\s+)?(?:risen|rose|"
                   rf"climbed|jumped|increased|reached|stands|stood)(?:\s+to|\s+at)?)\s+"
                   # (not "a" alone: "the toll of a blast"; "a dozen", "a hundred" are)
                   rf"{_QUAL}(?!an?\b(?!\s+(?:dozen|hundred|thousand)\b))(?P<num>{_NUM})\b",
                   re.IGNORECASE)
# "put the number of wounded at 25", "the number of dead rose to 12"
_NUMBER_OF = re.compile(rf"\bnumber\s+of\s+(?P<verb>dead|{_KILL}|{_WOUND}|casualties)\s+"
                        rf"(?:(?:has\s+|had\s+)?(?:risen|rose|climbed|reached)\s+)?(?:at|to)\s+"
                        rf"{_QUAL}(?P<num>{_NUM})\b", re.IGNORECASE)
_NONE = re.compile(r"\bno\s+(?:casualties|deaths|fatalities|injuries|immediate\s+reports?\s+of\s+"
                   r"casualties)\b|\bno\s*(?:one|body)\s+(?:was|were|has\s+been|had\s+been)\s+"
                   rf"(?:reported\s+)?(?P<verb>{_KILL}|{_WOUND})", re.IGNORECASE)

# The engine tries these at every position of a sentence; behind a look-ahead of the
# characters they can start with, it leaves most positions at once (same matches).
_BEFORE, _AFTER, _LEFT, _ONE, _ONE_PASSIVE, _SUM, _INCLUDING, _ALONG_WITH, _ELLIPSIS, _TOLL, \
    _NONE, _NUMBER_OF = (guarded(p) for p in (_BEFORE, _AFTER, _LEFT, _ONE, _ONE_PASSIVE, _SUM,
                                              _INCLUDING, _ALONG_WITH, _ELLIPSIS, _TOLL, _NONE,
                                              _NUMBER_OF))


def _kind(verb: str) -> str:
    return "wounded" if re.fullmatch(_WOUND, verb, re.IGNORECASE) else "killed"


_ANY_CASUALTY = re.compile(r"kill|dead|die|death|wound|injur|hurt|casualt|martyr|bodies|slain|massacr|execut|behead|"
                           r"shot|gunned|perish|lives|fatalit|toll|detain|arrest|captur|apprehen|"
                           r"nabbed|assassin|custody|life", re.IGNORECASE)


# find_counts' patterns, each run only where its anchor words are (geomap.anchors; the
# gate, _GATE, is defined below with the people counter's words)
_ANY, _NONE_AT, _PEOPLE_AT, _SUM_AT, _INCLUDING_AT, _ALONG_WITH_AT, _TOLL_AT, _BEFORE_AT, \
    _ONE_PASSIVE_AT, _ONE_AT, _LEFT_AT, _AFTER_AT, _ELLIPSIS_AT, _NUMBER_OF_AT = range(14)


def find_counts(text: str) -> list[Count]:
    """Killed and wounded figures in ``text``, in text order."""
    possible = _GATE.possible(text)
    if _ANY not in possible or not _ANY_CASUALTY.search(text):
        return []
    found: list[Count] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, value: int | None, m: re.Match) -> None:
        if value is None or value > MAX_COUNT or \
                any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(Count(kind, value, m.start(), m.end(), m.group(0),
                           victims=_victims_in(m.group(0))))

    def matches(at: int, pattern: re.Pattern):
        return pattern.finditer(text) if at in possible else ()

    for m in matches(_NONE_AT, _NONE):
        verb = m.group("verb")
        for kind in ([_kind(verb)] if verb else ["killed", "wounded"]):
            found.append(Count(kind, 0, m.start(), m.end(), m.group(0)))
        taken.append((m.start(), m.end()))
    for count in (people_counts(text) if _PEOPLE_AT in possible else ()):
        if count.value <= MAX_COUNT and \
                not any(s < count.end and count.start < e for s, e in taken):
            taken.append((count.start, count.end))
            found.append(count)
    for m in matches(_SUM_AT, _SUM):
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is not None and b is not None:
            add(_kind(m.group("verb")), a + b, m)
    for m in matches(_INCLUDING_AT, _INCLUDING):
        add(_kind(m.group("verb")), parse_number(m.group("num")), m)
    for m in matches(_ALONG_WITH_AT, _ALONG_WITH):
        others = parse_number(m.group("num"))
        add(_kind(m.group("verb")), None if others is None else others + 1, m)
    for m in matches(_TOLL_AT, _TOLL):
        add("killed", parse_number(m.group("num")), m)
    for m in matches(_NUMBER_OF_AT, _NUMBER_OF):
        verb = m.group("verb").lower()
        add("killed" if verb in ("dead", "casualties") else _kind(verb),
            parse_number(m.group("num")), m)
    for m in matches(_BEFORE_AT, _BEFORE):
        num = m.group("num").lower()
        if re.fullmatch(YEAR, num) and re.search(r"\b(?:in|of|since|during)\s+$",
                                                           text[:m.start("num")]):
            continue                    # "in 2017 killed 30": a year, not a count
        if num in ("a", "an", "one") and not _singular_ok(m.group(0)):
            continue
        add(_kind(m.group("verb")), parse_number(num), m)
    for m in matches(_ONE_PASSIVE_AT, _ONE_PASSIVE):
        verb = m.group("verb").lower()
        add("killed" if re.match(r"shot|gunned|martyr", verb) else _kind(verb), 1, m)
    for m in matches(_ONE_AT, _ONE):
        verb = m.group("verb").lower()
        add("killed" if re.match(r"shot|shooting|gunned|martyr", verb) else _kind(verb), 1, m)
    for at, rx in ((_LEFT_AT, _LEFT), (_AFTER_AT, _AFTER)):
        for m in matches(at, rx):
            verb = m.group("verb").lower()
            if m.group("num").lower() in ("a", "an"):
                continue
            kind = "killed" if "lives" in verb or verb.startswith(("shot", "shooting", "gunned")) \
                else _kind(verb)
            add(kind, parse_number(m.group("num")), m)
    for m in matches(_ELLIPSIS_AT, _ELLIPSIS):
        before = [c for c in found if c.end <= m.start()]
        if before and m.group("num").lower() not in ("a", "an"):
            add(before[-1].kind, parse_number(m.group("num")), m)
    found.sort(key=lambda c: c.start)
    return _others_than_those(found)


def _others_than_those(found: list[Count]) -> list[Count]:
    """"Two people were killed and five others were wounded": the others are other than
    the dead, not more wounded than some counted before. A figure marked additive by
    "other(s)" after a figure of another kind, and none of its own kind, in the same
    sentence is no addition ("another", "also", "more" still are)."""
    out = []
    for k, count in enumerate(found):
        if count.additive and not count.loose and re.search(r"\bothers?\b", count.phrase, re.I):
            earlier = found[:k]
            if earlier and all(c.kind != count.kind for c in earlier):
                count = replace(count, additive=False)
        out.append(count)
    return out


def _singular_ok(phrase: str) -> bool:
    """"a police officer was killed" is one; "a blast killed" is not a count."""
    return re.search(r"\b(?:was|has\s+been|had\s+been|got)\s+\w+$", phrase, re.IGNORECASE) \
        is not None


_GATE = Gate([_ANY_CASUALTY, _NONE, tuple(_PEOPLE_WORDS), _SUM, _INCLUDING, _ALONG_WITH, _TOLL,
              _BEFORE, _ONE_PASSIVE, _ONE, _LEFT, _AFTER, _ELLIPSIS,
              _NUMBER_OF])                                                 # (find_counts')
