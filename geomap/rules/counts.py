"""Casualty counts: killed and wounded, with conservative rules.

"at least 25" → 25, "more than 100" → 100, "over 50" → 50, "dozens" → 12,
"two dozen" → 24, "tens" → 10, "hundreds" → 100, "a police officer was killed" → 1,
"no casualties" → 0, ranges take the low end ("25 to 30" → 25).

>>> [(c.kind, c.value) for c in find_counts("At least 25 people were killed and over 50 wounded")]
[('killed', 25), ('wounded', 50)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .anchors import Gate, guarded
from ..codebook import people, quantities
from .dates import REPORTING_VERBS
from ..places.names import CALENDAR_WORDS

__all__ = ["Count", "find_counts", "parse_number", "people_counts", "MAX_COUNT"]

_UNITS = {"zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4,
          "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
          "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | {"hundred", "thousand"}
_WORD = "|".join(sorted((w for w in list(_UNITS) + list(_TENS) if w not in ("a", "an", "no")),
                       key=len, reverse=True))
_NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_WORD})\b(?:[\s-](?:{_WORD})\b)?"
        rf"(?:\s+(?:hundred|thousand|dozen)\b)?(?:\s+and\s+(?:{_WORD})\b)?|dozens|"
        rf"half\s+a\s+dozen|a\s+dozen|scores|tens|hundreds|thousands|a\s+hundred|an?)")
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
_TOLL = re.compile(rf"\bdeath\s+toll\s+(?:(?:\w+\s+){{0,3}}?(?:to|of|at|reached|is|was)|"
                   # "The death toll from Friday's bombing of a school has risen to 85"
                   rf"(?:[\w'’-]+\s+){{0,12}}?(?:has\s+|had\s+)?(?:risen|rose|climbed|"
                   rf"jumped|increased|reached|stands|stood)(?:\s+to|\s+at)?)\s+"
                   # (not "a" alone: "the toll of a blast"; "a dozen", "a hundred" are)
                   rf"{_QUAL}(?!an?\b(?!\s+(?:dozen|hundred|thousand)\b))(?P<num>{_NUM})\b",
                   re.IGNORECASE)
_NONE = re.compile(r"\bno\s+(?:casualties|deaths|fatalities|injuries|immediate\s+reports?\s+of\s+"
                   r"casualties)\b|\bno\s*(?:one|body)\s+(?:was|were|has\s+been|had\s+been)\s+"
                   rf"(?:reported\s+)?(?P<verb>{_KILL}|{_WOUND})", re.IGNORECASE)

# The engine tries these at every position of a sentence; behind a look-ahead of the
# characters they can start with, it leaves most positions at once (same matches).
_BEFORE, _AFTER, _LEFT, _ONE, _ONE_PASSIVE, _SUM, _INCLUDING, _ALONG_WITH, _ELLIPSIS, _TOLL, \
    _NONE = (guarded(p) for p in (_BEFORE, _AFTER, _LEFT, _ONE, _ONE_PASSIVE, _SUM, _INCLUDING,
                                  _ALONG_WITH, _ELLIPSIS, _TOLL, _NONE))


#: The largest figure read as a count of people: beyond it ("killed 99999999999999999999
#: people", a 400-digit string) a number is a typo, an id or an attack on the parser.
MAX_COUNT = 100_000


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty figure found in text."""

    kind: str          # "killed" | "wounded" | "detained"
    value: int
    start: int
    end: int
    phrase: str
    #: "another insurgent was killed", "also detained two": people beyond those counted
    additive: bool = False
    #: who they were (codebook/people.csv): combatant, security, civilian, person, mixed
    victims: str = ""
    #: the figures summed ("three militants and two militiamen": (3, 2))
    parts: tuple[int, ...] = ()
    #: additive only because of "also" ("two militiamen were also killed"), which may
    #: restate a part of an earlier figure
    loose: bool = False
    #: a figure an armed group claims ("the Taliban spokesman said nine soldiers were
    #: killed"): the most conservative figure wins, so it counts only when no one else
    #: gives one
    claimed: bool = False
    #: the whole toll this figure is an even share of, when one toll was given for several
    #: places (0: not a share)
    shared: int = 0

    def moved(self, offset: int) -> "Count":
        """The same figure ``offset`` characters further on (sentence → document)."""
        return Count(self.kind, self.value, self.start + offset, self.end + offset, self.phrase,
                     self.additive, self.victims, self.parts, self.loose, self.claimed,
                     self.shared)


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
    if text.replace(",", "").isdigit():
        digits = text.replace(",", "")
        return int(digits) if len(digits) <= 7 else None     # "99999999999999999999"
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


def _kind(verb: str) -> str:
    return "wounded" if re.fullmatch(_WOUND, verb, re.IGNORECASE) else "killed"


_ANY_CASUALTY = re.compile(r"kill|dead|die|death|wound|injur|hurt|casualt|martyr|bodies|slain|massacr|execut|behead|"
                           r"shot|gunned|perish|lives|fatalit|toll|detain|arrest|captur|apprehen|"
                           r"nabbed|assassin|custody|life", re.IGNORECASE)


# find_counts' patterns, each run only where its anchor words are (geomap.anchors; the
# gate, _GATE, is defined below with the people counter's words)
_ANY, _NONE_AT, _PEOPLE_AT, _SUM_AT, _INCLUDING_AT, _ALONG_WITH_AT, _TOLL_AT, _BEFORE_AT, \
    _ONE_PASSIVE_AT, _ONE_AT, _LEFT_AT, _AFTER_AT, _ELLIPSIS_AT = range(13)


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
    for m in matches(_BEFORE_AT, _BEFORE):
        num = m.group("num").lower()
        if re.fullmatch(r"(?:19|20)\d\d", num) and re.search(r"\b(?:in|of|since|during)\s+$",
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
    return found


def _singular_ok(phrase: str) -> bool:
    """"a police officer was killed" is one; "a blast killed" is not a count."""
    return re.search(r"\b(?:was|has\s+been|had\s+been|got)\s+\w+$", phrase, re.IGNORECASE) \
        is not None


# -- people counted through noun phrases -------------------------------------------------
#
# A casualty or detention verb with its people: "detained three suspected insurgents" (3),
# "captured a Taliban leader and several associates" (1 + 3), "killing him together with
# his driver and guard" (3), "the commander and three of his men were killed" (4), "a father
# and his son were shot dead" (2). The noun must name people (codebook/people.csv); vague
# quantities come from codebook/quantities.csv.

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z']+)*|\S")
_VERBS = {
    "killed": "killed", "killing": "killed", "kills": "killed", "slew": "killed",
    "executed": "killed", "executing": "killed", "beheaded": "killed", "massacred": "killed",
    "martyred": "killed", "assassinated": "killed", "died": "killed", "perished": "killed",
    "succumbed": "killed",
    "wounded": "wounded", "wounding": "wounded", "injured": "wounded", "injuring": "wounded",
    "detained": "detained", "detaining": "detained", "arrested": "detained",
    "arresting": "detained", "captured": "detained", "capturing": "detained",
    "apprehended": "detained", "apprehending": "detained", "nabbed": "detained",
}
_NOMINAL = {"capture": "detained", "arrest": "detained", "arrests": "detained",
            "detention": "detained", "apprehension": "detained",
            "death": "killed", "deaths": "killed", "killing": "killed", "killings": "killed",
            "assassination": "killed"}
#: verbs of several words, each a whole phrase ("shot dead", "was taken into custody")
_PHRASE_VERBS = {("shot", "dead"): "killed", ("shooting", "dead"): "killed",
                 ("gunned", "down"): "killed", ("gunning", "down"): "killed",
                 ("taken", "into", "custody"): "detained",
                 ("lost", "their", "lives"): "killed", ("lost", "his", "life"): "killed",
                 ("lost", "her", "life"): "killed"}


def _by_first_word(phrases: dict[tuple[str, ...], str]) -> dict[str, list]:
    """Phrase verbs by their first word, the longest first."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, kind in sorted(phrases.items(), key=lambda kv: -len(kv[0])):
        table.setdefault(words[0], []).append((words, kind))
    return table


_PHRASE_VERBS_BY_FIRST = _by_first_word(_PHRASE_VERBS)
#: "took ... into custody": the people come between the verb and "into custody"
_TOOK = frozenset({"took", "take", "takes", "taking", "taken"})
#: a token people_counts starts from: without one of these words it finds nothing
_PEOPLE_WORDS = sorted(set(_VERBS) | set(_NOMINAL) | set(_PHRASE_VERBS_BY_FIRST) | _TOOK)
_PEOPLE_WORD_SET = frozenset(_PEOPLE_WORDS)
_GATE = Gate([_ANY_CASUALTY, _NONE, tuple(_PEOPLE_WORDS), _SUM, _INCLUDING, _ALONG_WITH, _TOLL,
              _BEFORE, _ONE_PASSIVE, _ONE, _LEFT, _AFTER, _ELLIPSIS])     # (find_counts')
_AUX = frozenset("was were is are been being be got get has have had".split())
_BE = frozenset("was were is are been being be got get".split())
_INTRANSITIVE = frozenset({"died", "perished", "succumbed", "lost"})   # ("lost their lives")
# after a verb with no object ("... commander killed in Kandahar."), the people came first
_AFTER_BARE = frozenset(". ; in on at near during while after when as by last yesterday today "
                        "overnight".split())
_ADVERBS = frozenset("also reportedly allegedly later subsequently then all both "
                     "successfully safely immediately".split())
_JOIN = {("and",), (",",), (",", "and"), ("along", "with"), ("together", "with"),
         (",", "along", "with"), (",", "together", "with"),
         ("as", "well", "as"), ("plus",), ("with",)}
_JOINS_LONGEST_FIRST = sorted(_JOIN, key=len, reverse=True)   # (", and" before ",")
_STOP = frozenset("in at on during near from by for into after before while when who whom "
                  "including among like such "
                  "which that whose as to and or but nor than was were is are been being "
                  "has have had will would could this these those there here it its "
                  "they them we he she not no lost".split())
_DETERMINERS = {"a": 1, "an": 1, "one": 1, "another": 1, "the": 1, "his": 1, "her": 1,
                "their": 1, "its": 1, "this": 1, "that": 1}
_QUALIFIERS = (("at", "least"), ("more", "than"), ("no", "fewer", "than"), ("as", "many", "as"),
               ("up", "to"), ("an", "estimated"), ("over",), ("nearly",), ("almost",),
               ("about",), ("around",), ("approximately",), ("roughly",))
_QUALIFIER_FIRST = frozenset(qual[0] for qual in _QUALIFIERS)
_ADDITIVE = frozenset("additional another other more further".split())


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), *m.span()) for m in _TOKEN.finditer(text)]


def _number_at(words: list[str], i: int) -> tuple[int, int] | None:
    """(value, tokens used) of a number at ``words[i]``: digits or number words."""
    w = words[i]
    if "-" not in w and w not in _NUMBER_WORDS and not w[0].isdigit():
        return None                      # (the loop below would not take a word)
    if w[0].isdigit():
        if len(w.replace(",", "")) > 6:
            return None
        return int(w.replace(",", "")), 1
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


def _vague_at(words: list[str], i: int) -> tuple[int, int] | None:
    table = quantities()
    if i < len(words) and words[i] not in _vague_first_words():
        return None                      # no phrase of the table starts with this word
    for n in (4, 3, 2, 1):
        phrase = " ".join(words[i:i + n])
        if phrase in table:
            return table[phrase], n
    return None


@lru_cache(maxsize=1)
def _pair_first_words() -> frozenset[str] | None:
    """First words of the two-word person nouns ("police officer"); None: look every pair up."""
    if "" in people():
        return None
    return frozenset(noun.split(" ")[0] for noun in people() if " " in noun)


@lru_cache(maxsize=1)
def _vague_first_words() -> frozenset[str]:
    return frozenset(phrase.split(" ")[0] for phrase in quantities())


def _head(words: list[str], raw: list[str], i: int) -> tuple[int, str, bool, int] | None:
    """The person noun heading the modifiers from ``words[i]`` — the last person noun of
    the run ("a Taliban commander"): (index after it, class, singular, its index)."""
    table = people()
    firsts = _pair_first_words()
    best = None
    j = i
    while j < len(words) and j - i < 7:
        w = words[j]
        pair = f"{w} {words[j + 1]}" if j + 1 < len(words) else ""
        if (firsts is None or w in firsts) and pair in table:
            best = (j + 2, *table[pair], j + 1)
            j += 2
            continue
        if w in table:
            best = (j + 1, *table[w], j)
        elif w == "of" and j > i and j + 1 < len(raw) and raw[j + 1][:1].isupper():
            pass                                   # "Islamic Movement of Uzbekistan leader"
        elif w in _STOP or w in _VERBS or w in _DETERMINERS or not (w[0].isalpha() or w in "()") \
                or _number_at(words, j) or _vague_at(words, j):
            break
        j += 1
    if best is not None and best[1] == "person" and words[best[3]] in ("member", "members") \
            and best[0] < len(words) and words[best[0]] == "of":
        best = _members_of(words, best)
    return best


def _members_of(words: list[str], head: tuple[int, str, bool, int]) -> tuple:
    """"members of a family" are civilians, "members of a Taliban group" fighters, "members
    of the Afghan National Army" security forces: the class the "of" phrase names."""
    after = head[0]
    k = after + 1
    while k < len(words) and k - after <= 3 and words[k] in _FAMILY_DETERMINERS:
        k += 1
    if k < len(words) and words[k] in ("family", "families", "household"):
        return (k + 1, "civilian", head[2], head[3])     # "eight members of a family"
    for j in range(after + 1, min(len(words), after + 7)):
        w = words[j]
        if w in _STOP or not w[0].isalnum():
            break
        cls = "security" if w in _SECURITY_BODIES else people().get(w, ("person",))[0]
        if cls != "person":
            return (head[0], cls, head[2], head[3])      # (the phrase itself read as before)
    return head


#: bodies whose members are security forces ("members of the Afghan National Army")
_SECURITY_BODIES = frozenset("army ana anp andsf ansf nds police military".split())


#: one person told by an ordinal or "other" with no noun after it
_ONE_MORE = frozenset({("the", "other"), ("a", "second"), ("a", "third"), ("a", "fourth"),
                       ("a", "fifth"), ("the", "second"), ("the", "third"), ("the", "fourth"),
                       ("the", "fifth")})
_COLLECTIVE = frozenset("group gang cell network team band ring unit squad".split())
_FAMILY_DETERMINERS = frozenset("a an one the same single own his her their whose local".split())


def _item(words: list[str], raw: list[str], i: int,
          open_noun: bool = False) -> tuple[int | None, int, str, bool] | None:
    """One counted item at ``words[i]``: (value, index after, class, additive), or None.

    "the insurgents" (definite plural, no number) are people already counted: None.
    With ``open_noun`` (after "shot dead", "killed", "arrested": verbs whose object is a
    person) "a carpet seller" counts one even though "seller" is not in the codebook."""
    for qual in (_QUALIFIERS if i < len(words) and words[i] in _QUALIFIER_FIRST else ()):
        if tuple(words[i:i + len(qual)]) == qual:
            i += len(qual)
            break
    if i >= len(words):
        return None
    if words[i] in ("a", "an"):
        # "a Daesh cell of five members", "a gang of four kidnappers": the number inside
        for j in range(i + 1, min(i + 5, len(words) - 2)):
            if words[j] in _COLLECTIVE and words[j + 1] == "of" and _number_at(words, j + 2):
                return _item(words, raw, j + 2, open_noun=True)
            if words[j] in _STOP or not words[j].isalpha():
                break
    if i + 1 < len(words) and (words[i], words[i + 1]) in _ONE_MORE and (
            i + 2 == len(words) or (words[i + 2] in _STOP and words[i + 2] != "of") or
            not words[i + 2][0].isalnum()):                   # (not "a third of them")
        # "two were arrested and the other killed", "killed two and wounded a third"
        return 1, i + 2, "person", False
    if words[i] == "him" or (words[i] == "her" and (
            i + 1 == len(words) or not (words[i + 1][0].isalnum()))):
        return 1, i + 1, "person", False           # "killing him", "shot her"
    start = i
    determiner = words[i] in _DETERMINERS and not _vague_at(words, i) and not (  # "a number
        words[i] == "one" and (_number_at(words, i) or (0, 1))[1] > 1) or (  # of", "one hundred"
        len(words[i]) > 3 and words[i].endswith(("'s", "’s")))   # "Nangarhar's deputy governor"
    if determiner and i + 1 < len(words) and words[i] in ("the", "his", "her", "their") and \
            (_number_at(words, i + 1) or _vague_at(words, i + 1)):
        i += 1                                     # "the two men", "his three guards"
        determiner = False
    value, used = None, 0
    number = None if determiner else _number_at(words, i)
    vague = None if determiner or number else _vague_at(words, i)
    if number is not None:
        value, used = number
        rest = _number_at(words, i + used + 1) if i + used + 1 < len(words) and \
            words[i + used] in ("to", "or", "-", "–") else None
        if rest:
            used += 1 + rest[1]                    # "25 to 30": the low end
        if i + used + 1 < len(words) and words[i + used] == "of" and \
                words[i + used + 1] in ("his", "her", "their", "the", "its"):
            used += 2                              # "three of his men"
    elif vague is not None:
        value, used = vague
        if tuple(words[i + used:i + used + 2]) in _OF_HIS:
            used += 2                              # "several of his associates"
    elif determiner:
        used = 1
    elif open_noun and _name_length(raw, i):
        return 1, i + _name_length(raw, i), "name", False     # "killed Mullah Dadullah"
    elif open_noun and _one_name(raw, i) and not words[i].endswith("s") and (
            tuple(words[i + 1:i + 3]) in (("and", "his"), ("and", "her")) or (
                tuple(words[i + 1:i + 3]) in ((",", "a"), (",", "an")) and
                _head(words, raw, i + 3) is not None)):
        # "killed Sherzai and his bodyguard", "arrested Zahir, an IED maker": a person
        return 1, i + 1, "name", False
    else:
        head = _head(words, raw, i)  # "killed Taliban commander Mullah Naqib"
        if open_noun and head is not None and head[2]:
            length = _name_length(raw, head[0]) or _one_name(raw, head[0])
            if length:                                   # (or "Taliban leader Saifullah")
                return 1, head[0] + length, _modified(words, i, head[3], head[1]), False
        return None                  # a bare noun ("reporter, 15 fighters") is not a count
    if value is not None and tuple(words[i + used:i + used + 2]) in _OF_THEM:
        return value, i + used + 2, "person", False      # "killing several of them"
    if value is not None and i + used < len(words) and words[i + used] == "others":
        return value, i + used + 1, "person", True       # "and detaining several others"
    head = _head(words, raw, i + used)
    if head is None and open_noun and words[start] in ("a", "an", "one"):
        head = _open_head(words, i + used)
    if head is None:
        return None
    after, cls, singular, at = head
    cls = _modified(words, i, at, cls)
    additive = words[start] == "another" or any(w in _ADDITIVE for w in words[i:at])
    if value is None:
        if not singular:
            return None
        value = 1
    if after + 1 < len(words) and words[after] == "of" and words[after + 1] in _DETERMINERS:
        j = after + 2                # "two associates of the weapons dealer", "the deputy
        while j < len(words) and j - after < 7 and words[j][0].isalpha() and \
                words[j] not in _STOP and words[j] not in _VERBS and \
                not _number_at(words, j):               # head of the Taliban's commission"
            j += 1
        if j > after + 2:
            after = j
    return value, after, cls, additive


_OF_HIS = {("of", "his"), ("of", "her"), ("of", "their"), ("of", "its"), ("of", "the")}
_OF_THEM = {("of", "them"), ("of", "those"), ("of", "these"), ("of", "whom")}
_TITLES = frozenset("mullah mawlawi maulawi maulvi mawlavi qari haji hajji sheikh commander "
                    "dr mr mrs ms general gen col colonel lt capt captain maj major sgt "
                    "sayed syed".split())


def _name_length(raw: list[str], i: int) -> int:
    """Tokens of a person's name at ``raw[i]``: a title and a name ("Mullah Omar"), or two
    or more capitalised words ("Mohammad Rahim"); 0 when there is none."""
    j = i
    while j < len(raw) and raw[j][:1].isupper() and raw[j].isalpha() and j - i < 4:
        j += 1
    n = j - i
    if n >= 2 and (raw[i].lower() in _TITLES or n >= 2 and all(
            r.lower() not in _STOP and r.lower() not in people() for r in raw[i:j])):
        return n
    return 0


def _one_name(raw: list[str], i: int) -> int:
    """1 when ``raw[i]`` is a one-word name after a role ("Taliban leader Saifullah"): a
    capitalised word that is not a noun of the codebook, a weekday or a month."""
    if i >= len(raw) or not (raw[i][:1].isupper() and raw[i].isalpha() and len(raw[i]) >= 3):
        return 0
    word = raw[i].lower()
    if word in _STOP or word in people() or word in CALENDAR_WORDS or word in _VERBS:
        return 0
    return 1


def _open_head(words: list[str], i: int) -> tuple[int, str, bool, int] | None:
    """"a carpet seller": up to three lower-case words before a stop, the last singular."""
    j = i
    while j < len(words) and j - i < 3 and words[j].isalpha() and words[j] not in _STOP \
            and words[j] not in _VERBS and words[j] not in _DETERMINERS:
        j += 1
    if j == i or (j < len(words) and words[j].isalpha() and words[j] not in _STOP) or \
            words[j - 1].endswith(("s", "ed")) or len(words[j - 1]) < 3:
        return None                 # (nor "an engagement followed": a verb is no noun)
    return j, "person", True, j - 1


def _modified(words: list[str], i: int, at: int, cls: str) -> str:
    """The class of a person noun at ``words[at]`` given its modifiers from ``words[i]``:
    "a Taliban commander", "a police officer" (the modifier says which side)."""
    if cls != "person":
        return cls
    named = [people()[w][0] for w in words[i:at] if w in people() and people()[w][0] != "person"]
    return named[0] if named else cls


def _phrase(words: list[str], raw: list[str], i: int, stop: int | None = None,
            open_noun: bool = False):
    """Items joined by "and", commas, "along with"...: (total, index after, classes, additive)."""
    first = _item(words, raw, i, open_noun)
    if first is None:
        return None
    total, j, cls, additive = first
    classes = [cls]
    parts = [total]
    while True:
        for join in _JOINS_LONGEST_FIRST:
            k = j + len(join)
            if tuple(words[j:k]) == join:
                nxt = _item(words, raw, k, open_noun)
                if nxt is None and join[-1] in ("and", ",") and k < len(words):
                    head = _head(words, raw, k)   # "his driver and guard"
                    if head is not None and head[2] and head[3] == k:
                        nxt = (1, head[0], head[1], False)
                if nxt is not None and (stop is None or nxt[1] <= stop):
                    if join == (",",) and "name" in (classes[-1], nxt[2]) and \
                            total == 1 and nxt[0] == 1:
                        pass             # "Mullah Omar, a Taliban leader": one person
                    else:
                        total += nxt[0]
                        parts.append(nxt[0])
                    j = nxt[1]
                    classes.append(nxt[2])
                    break
        else:
            return total, j, classes, additive, tuple(parts)


def _phrase_ending_at(words: list[str], raw: list[str], end: int, window: int = 16,
                     open_noun: bool = False):
    """The longest people phrase that ends exactly at ``end`` (before "were killed")."""
    for i in range(max(0, end - window), end):
        if i and (_number_at(words, i - 1) or words[i - 1] in ("hundred", "thousand", "and")
                  and i > 1 and _number_at(words, i - 2)):
            continue                 # not from the middle of "one hundred and twenty"
        if i > 1 and words[i - 2] == "according" and words[i - 1] == "to":
            continue                 # "According to the governor, five were killed": a source
        if open_noun and i and words[i] in ("a", "an") and words[i - 1].endswith("ed") and \
                _head(words, raw, i + 1) is None:
            continue                 # "attacked a checkpoint and two soldiers were killed":
        found = _phrase(words, raw, i, stop=end, open_noun=open_noun)   # the verb's object
        if found is not None and (found[1] == end or _postmodifier(words, found[1], end)):
            return i, found
    return None


def _postmodifier(words: list[str], start: int, end: int) -> bool:
    """"Several members | of Taliban in Nangarhar | were killed": a short of/in/from
    phrase between the people and their verb."""
    if 0 < end - start <= 10 and words[start] in ("including", "among"):
        # "12 Taliban fighters | including a local commander | were killed": the total
        return not any(w in _VERBS or w in _AUX or w in (";", "who", "which", "that")
                       for w in words[start:end])
    return 0 < end - start <= 8 and words[start] in ("of", "in", "from", "at", "near") and \
        not any(w in _VERBS or w in _AUX or w in _SAID or
                w in (",", ";", "and", "who", "which", "that") for w in words[start:end])


# "The governor of Bamyan | said | five police officers were killed": a reporting verb ends
# the people phrase before it
_SAID = frozenset(REPORTING_VERBS)


def people_counts(text: str) -> list[Count]:
    """Killed, wounded and detained people counted through noun phrases.

    >>> [(c.kind, c.value) for c in people_counts(
    ...     "Forces captured a Taliban leader and several associates.")]
    [('detained', 4)]
    >>> [(c.kind, c.value) for c in people_counts(
    ...     "The commander and three of his men were killed.")]
    [('killed', 4)]
    """
    toks = _tokens(text)
    raw = [t for t, _, _ in toks]
    words = [t.lower() for t in raw]
    out: list[Count] = []

    def emit(kind: str, first: int, last: int, total: int, classes: list[str],
             additive: bool, parts: tuple = (), also: bool = False) -> None:
        """A count read from tokens ``first`` to ``last`` (inclusive)."""
        out.append(Count(kind, total, toks[first][1], toks[last][2],
                         text[toks[first][1]:toks[last][2]], additive or also,
                         _victims(classes), parts, also and not additive))

    for k, w in enumerate(words):
        if w not in _PEOPLE_WORD_SET:
            continue                      # no verb, two-word verb or "the death of" here
        kind = _VERBS.get(w)
        width = 1
        if kind is None:
            for phrase, phrase_kind in _PHRASE_VERBS_BY_FIRST.get(w, ()):
                if tuple(words[k:k + len(phrase)]) == phrase:
                    kind, width = phrase_kind, len(phrase)
                    break
        intent = k > 0 and words[k - 1] in ("to", "not", "never")   # "to arrest", "not take"
        also = any(x == "also" for x in words[max(0, k - 2):k])
        if kind is None and w in _TOOK:
            # "Police took the three men in the truck into custody"
            found = None if intent else _phrase(words, raw, k + 1, open_noun=True)
            if found is not None and tuple(words[found[1]:found[1] + 2]) == ("into", "custody"):
                total, after, classes, additive, parts = found
                emit("detained", k, after + 1, total, classes, additive, parts, also)
            continue
        if kind is None and w in _NOMINAL and k + 1 < len(words) and words[k + 1] == "of":
            found = _phrase(words, raw, k + 2,     # "the capture of a Taliban facilitator",
                            open_noun=w != "capture")
            if found is not None:                  # "resulted in the death of Mullah Omar"
                emit(_NOMINAL[w], k, found[1] - 1, found[0], found[2], found[3])
            continue
        if kind is None or intent or (k and words[k - 1] == "the"):
            continue                  # "to arrest" (an intent), "the injured" (a noun)
        # whose object is a person even when the codebook does not know the noun: not
        # "captured" (a district) nor "wounded"/"injured" ("wished the injured a recovery")
        open_noun = kind != "wounded" and w not in ("captured", "capturing")
        if _INVERTED_BEFORE.issuperset(words[:k]):
            # "Also killed in the strike were a dozen insurgents": the subject after "were"
            at = _inverted_subject(words, k + width)
            found = _phrase(words, raw, at, open_noun=open_noun) if at is not None else None
            if found is not None:
                total, after, classes, additive, parts = found
                emit(kind, k, after - 1, total, classes, additive, parts, also)
                continue
        # passive: "three insurgents were (also) killed", "one insurgent being killed"
        j = k
        while j > 0 and words[j - 1] in _ADVERBS:
            j -= 1
        # ("have killed" is active: the aux next to the verb must be a form of "be");
        # "Mullah Ahmad, who was wounded ..., died", "A Taliban commander killed." (a
        # headline: no aux at all) read the people before the verb the same way
        headline = not (j > 0 and words[j - 1] in _AUX) and (
            w in _INTRANSITIVE or k + width == len(words) or words[k + width] in _AFTER_BARE) \
            and _phrase(words, raw, k + width, open_noun=open_noun) is None
        if (j > 0 and words[j - 1] in _BE) or headline:
            a = j - 1 if not headline else j
            while a > 0 and words[a - 1] in _AUX | _ADVERBS:
                a -= 1
            if headline and a > 0 and words[a - 1] == ",":
                a = _before_aside(words, a - 1)      # "Mullah Ahmad, who ..., died"
            found = _phrase_ending_at(words, raw, a, open_noun=open_noun)
            if found is None and a > 0 and words[a - 1] in ("he", "she") and \
                    tuple(words[k + width:k + width + 2]) in (("along", "with"),
                                                             ("together", "with")):
                # "He was detained along with two other suspects": he and the two
                found = (a - 1, (1, a, ["person"], False, (1,)))
            if found is None and not headline and a > 1 and words[a - 1] == "," and \
                    "with" in words[max(0, a - 9):a - 1]:
                # "Mullah Rahim, along with four of his fighters, was killed" (only this
                # aside: "Qari Zia, a senior leader, was killed" is one man, not two)
                found = _phrase_ending_at(words, raw, a - 1, open_noun=open_noun)
            if found is None and not headline and a > 1 and words[a - 1] == ",":
                # "The bomb maker, known as Qari Jalil, was killed": the people before it
                opening = _before_aside(words, a - 1, raw)
                if opening < a - 1:
                    found = _phrase_ending_at(words, raw, opening, open_noun=open_noun)
            if found is not None:
                i, (total, _, classes, additive, parts) = found
                end = k + width
                for join in (("along", "with"), ("together", "with"), ("with",)):
                    if tuple(words[end:end + len(join)]) == join:
                        more = _phrase(words, raw, end + len(join))   # "... along with his
                        if more is not None:                          # seven men"
                            total, end = total + more[0], more[1]
                            classes += more[2]
                            parts += more[4]
                        break
                emit(kind, i, end - 1, total, classes, additive, parts, also)
            continue
        found = _phrase(words, raw, k + width, open_noun=open_noun)
        if found is not None:
            total, after, classes, additive, parts = found
            emit(kind, k, after - 1, total, classes, additive, parts, also)
    return out


#: what may come before a clause-initial verb whose subject follows it ("Also killed
#: were...", "Among those detained was...")
_INVERTED_BEFORE = frozenset({"also", "among", "those", "the", "'", '"', "“", "|"})


def _inverted_subject(words: list[str], at: int) -> int | None:
    """Where the subject starts in "killed (in the strike) were N ...": after "were" or
    "was", past a short prepositional phrase; None when the words are not that shape."""
    j = at
    if j < len(words) and words[j] in ("in", "during", "on", "at", "by", "near"):
        while j < len(words) and j - at < 8 and words[j] not in ("were", "was"):
            if words[j] in (",", ";", ".") or words[j] in _VERBS or words[j] in _AUX:
                return None
            j += 1
    return j + 1 if j < len(words) and words[j] in ("were", "was") else None


def _before_aside(words: list[str], comma: int, raw: list[str] | None = None) -> int:
    """Index of the comma opening an aside that ends at ``comma`` (or ``comma``): ", who
    ...,", ", a senior leader,", ", known as Qari Jalil,", ", police said,", ", five of them
    civilians,", and with ``raw`` a name after a role (", Mullah Nasir,")."""
    said = comma > 0 and words[comma - 1] in _SAID
    for i in range(comma - 1, max(0, comma - 40), -1):
        if words[i] == "," and i + 1 < len(words) and (
                words[i + 1] in _ASIDE_OPENERS or (said and comma - i <= 5) or
                (tuple(words[i + 2:i + 4]) in (("of", "them"), ("of", "whom")) and
                 _number_at(words, i + 1) is not None) or (
                    raw is not None and 1 < comma - i <= 5 and
                    all(w[:1].isupper() for w in raw[i + 1:comma]) and
                    i > 0 and words[i - 1] in people())):
            return i
    return comma


#: words that open an aside between people and their verb (", who ...", ", a senior
#: leader,", ", known as Qari Jalil,")
_ASIDE_OPENERS = frozenset("who which a an the known also identified named aka".split())


def _victims_in(phrase: str) -> str:
    """The class of the people a matched phrase names ("left four policemen dead")."""
    table = people()
    classes = [table[w][0] for w in re.findall(r"[a-z][a-z'-]*", phrase.lower()) if w in table]
    return _victims(classes) if classes else ""


def _victims(classes: list[str]) -> str:
    named = [c for c in classes if c not in ("person", "name")]
    return named[0] if named and len(set(named)) == 1 else ("mixed" if named else "person")
