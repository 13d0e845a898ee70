"""People in noun phrases: "three suspected insurgents", "a Taliban leader and several
associates", "his driver and guard", "the commander and three of his men".

The noun must name people (``codebook/people.csv``); vague quantities come from
``codebook/quantities.csv``; titles from ``geomap/lang/en/data/titles.csv``. The
function words of the phrases (determiners, joins, stops) are English grammar, so code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..codebook import people
from ..lang.en.words import titles
from ..places.names import CALENDAR_WORDS
from .numbers import number_at as _number_at, vague_at as _vague_at
from .verbs import _AUX, _SAID, _VERBS

@dataclass(frozen=True, slots=True)
class Head:
    """The person noun heading a phrase ("a Taliban *commander*")."""

    end: int            # index of the token after it
    cls: str            # its class in codebook/people.csv: combatant, security, civilian, person
    singular: bool
    at: int             # its own index


@dataclass(frozen=True, slots=True)
class Item:
    """One counted item of a phrase: "three insurgents", "a commander", "Mullah Omar"."""

    value: int
    end: int            # index of the token after it
    cls: str            # the noun's class, or "name" for a person's name
    additive: bool      # "another", "other", "more": people beyond those counted before


@dataclass(frozen=True, slots=True)
class Phrase:
    """Items joined by "and", commas, "along with"...: "a commander and three of his men"."""

    start: int          # index of its first token
    total: int
    end: int            # index of the token after it
    classes: tuple[str, ...]
    additive: bool      # (its first item's)
    parts: tuple[int, ...]


_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z']+)*|\S")
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
               ("about",), ("around",), ("approximately",), ("roughly",), ("all",))
_QUALIFIER_FIRST = frozenset(qual[0] for qual in _QUALIFIERS)
_ADDITIVE = frozenset("additional another other more further".split())


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), *m.span()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=1)
def _pair_first_words() -> frozenset[str] | None:
    """First words of the two-word person nouns ("police officer"); None: look every pair up."""
    if "" in people():
        return None
    return frozenset(noun.split(" ")[0] for noun in people() if " " in noun)


def _head(words: list[str], raw: list[str], i: int) -> Head | None:
    """The person noun heading the modifiers from ``words[i]`` — the last person noun of
    the run ("a Taliban commander")."""
    table = people()
    firsts = _pair_first_words()
    best = None
    j = i
    while j < len(words) and j - i < 7:
        w = words[j]
        pair = f"{w} {words[j + 1]}" if j + 1 < len(words) else ""
        if (firsts is None or w in firsts) and pair in table:
            best = Head(j + 2, *table[pair], j + 1)
            j += 2
            continue
        if w in table:
            best = Head(j + 1, *table[w], j)
        elif "-" in w and w.rsplit("-", 1)[1] in table:
            best = Head(j + 1, *table[w.rsplit("-", 1)[1]], j)    # "a bomb-maker"
        elif w == "-" and j > i and j + 1 < len(words) and words[j + 1] in table:
            pass                     # (the same with its first part blanked: "a     -maker")
        elif w == "of" and j > i and j + 1 < len(raw) and raw[j + 1][:1].isupper():
            pass                                   # "Islamic Movement of Uzbekistan leader"
        elif w in _STOP or w in _VERBS or w in _DETERMINERS or not (w[0].isalpha() or w in "()") \
                or _number_at(words, j) or _vague_at(words, j):
            break
        j += 1
    if best is not None and best.cls == "person" and words[best.at] in ("member", "members") \
            and best.end < len(words) and words[best.end] == "of":
        best = _members_of(words, best)
    return best


def _members_of(words: list[str], head: Head) -> Head:
    """"members of a family" are civilians, "members of a Taliban group" fighters, "members
    of the Afghan National Army" security forces: the class the "of" phrase names."""
    after = head.end
    k = after + 1
    while k < len(words) and k - after <= 3 and words[k] in _FAMILY_DETERMINERS:
        k += 1
    if k < len(words) and words[k] in ("family", "families", "household"):
        return Head(k + 1, "civilian", head.singular, head.at)   # "eight members of a family"
    for j in range(after + 1, min(len(words), after + 7)):
        w = words[j]
        if w in _STOP or not w[0].isalnum():
            break
        cls = "security" if w in _SECURITY_BODIES else people().get(w, ("person",))[0]
        if cls != "person":
            return Head(head.end, cls, head.singular, head.at)   # (the phrase read as before)
    return head


#: bodies whose members are security forces ("members of the Afghan National Army")
_SECURITY_BODIES = frozenset("army ana anp andsf ansf nds police military".split())


#: one person told by an ordinal or "other" with no noun after it
_ONE_MORE = frozenset({("the", "other"), ("a", "second"), ("a", "third"), ("a", "fourth"),
                       ("a", "fifth"), ("the", "second"), ("the", "third"), ("the", "fourth"),
                       ("the", "fifth")})
_COLLECTIVE = frozenset("group gang cell network team band ring unit squad".split())
_FAMILY_DETERMINERS = frozenset("a an one the same single own his her their whose local".split())


def _item(words: list[str], raw: list[str], i: int, open_noun: bool = False) -> Item | None:
    """One counted item at ``words[i]``, or None.

    "the insurgents" (definite plural, no number) are people already counted: None.
    With ``open_noun`` (after "shot dead", "killed", "arrested": verbs whose object is a
    person) "a carpet seller" counts one even though "seller" is not in the codebook."""
    i = _past_qualifier(words, i)
    if i >= len(words):
        return None
    if words[i] in ("a", "an"):
        inner = _collective_count(words, i)
        if inner is not None:
            return _item(words, raw, inner, open_noun=True)
    if _one_more(words, i):
        # "two were arrested and the other killed", "killed two and wounded a third",
        # "the fourth one was wounded"
        return Item(1, i + 2 + (words[i + 2:i + 3] == ["one"]), "person", False)
    if words[i] == "him" or (words[i] == "her" and (
            i + 1 == len(words) or not (words[i + 1][0].isalnum()))):
        return Item(1, i + 1, "person", False)     # "killing him", "shot her"
    start = i
    i, determiner = _determiner(words, i)
    amount = None if determiner else _amount(words, i)
    if amount is None and not determiner:
        return _named(words, raw, i, open_noun)
    value, used = amount if amount is not None else (None, 1)
    return _counted(words, raw, start, i, value, used, open_noun)


def _past_qualifier(words: list[str], i: int) -> int:
    """``i`` past "at least", "more than", "nearly"... at ``words[i]``."""
    for qual in (_QUALIFIERS if i < len(words) and words[i] in _QUALIFIER_FIRST else ()):
        if tuple(words[i:i + len(qual)]) == qual:
            return i + len(qual)
    return i


def _collective_count(words: list[str], i: int) -> int | None:
    """Where the number inside "a Daesh cell of five members", "a gang of four
    kidnappers" starts (``words[i]`` is "a"), or None."""
    for j in range(i + 1, min(i + 5, len(words) - 2)):
        if words[j] in _COLLECTIVE and words[j + 1] == "of" and _number_at(words, j + 2):
            return j + 2
        if words[j] in _STOP or not words[j].isalpha():
            break
    return None


def _one_more(words: list[str], i: int) -> bool:
    """"the other", "a third" (or "the fourth one") with no noun after it: one person (not
    "a third of them")."""
    if i + 1 >= len(words) or (words[i], words[i + 1]) not in _ONE_MORE:
        return False
    after = i + 2 + (words[i + 2:i + 3] == ["one"])
    return after == len(words) or (words[after] in _STOP and words[after] != "of") or \
        not words[after][0].isalnum()


def _determiner(words: list[str], i: int) -> tuple[int, bool]:
    """(where the count starts, whether ``words[i]`` is a determiner that counts one):
    "a", "the", "his", "Nangarhar's" are; "the two men" starts at "two"; "a number of",
    "one hundred" are amounts."""
    determiner = words[i] in _DETERMINERS and not _vague_at(words, i) and not (
        words[i] == "one" and (_number_at(words, i) or (0, 1))[1] > 1) or (
        len(words[i]) > 3 and words[i].endswith(("'s", "’s")))   # "Nangarhar's deputy governor"
    if determiner and i + 1 < len(words) and words[i] in ("the", "his", "her", "their") and \
            (_number_at(words, i + 1) or _vague_at(words, i + 1)):
        return i + 1, False                        # "the two men", "his three guards"
    return i, determiner


def _amount(words: list[str], i: int) -> tuple[int, int] | None:
    """(value, tokens used) of a number or vague quantity at ``words[i]``, with a range
    ("25 to 30": the low end) and "of his" ("three of his men") after it."""
    number = _number_at(words, i)
    if number is not None:
        value, used = number
        rest = _number_at(words, i + used + 1) if i + used + 1 < len(words) and \
            words[i + used] in ("to", "or", "-", "–") else None
        if rest:
            used += 1 + rest[1]                    # "25 to 30": the low end
        if i + used + 1 < len(words) and words[i + used] == "of" and \
                words[i + used + 1] in ("his", "her", "their", "the", "its"):
            used += 2                              # "three of his men"
        return value, used
    vague = _vague_at(words, i)
    if vague is not None:
        value, used = vague
        if tuple(words[i + used:i + used + 2]) in _OF_HIS:
            used += 2                              # "several of his associates"
        return value, used
    return None


def _named(words: list[str], raw: list[str], i: int, open_noun: bool) -> Item | None:
    """A person by name, with no number or determiner: "killed Mullah Dadullah", "killed
    Sherzai and his bodyguard", "killed Taliban commander Mullah Naqib"; a bare noun
    ("reporter, 15 fighters") is not a count."""
    if open_noun and _name_length(raw, i):
        return Item(1, i + _name_length(raw, i), "name", False)
    if open_noun and _one_name(raw, i) and not words[i].endswith("s") and (
            tuple(words[i + 1:i + 3]) in (("and", "his"), ("and", "her")) or (
                tuple(words[i + 1:i + 3]) in ((",", "a"), (",", "an")) and
                _head(words, raw, i + 3) is not None)):
        # "killed Sherzai and his bodyguard", "arrested Zahir, an IED maker": a person
        return Item(1, i + 1, "name", False)
    head = _head(words, raw, i)
    if open_noun and head is not None and head.singular:
        length = _name_length(raw, head.end) or _one_name(raw, head.end)
        if length:                                   # (or "Taliban leader Saifullah")
            return Item(1, head.end + length, _modified(words, i, head.at, head.cls), False)
    return None


def _counted(words: list[str], raw: list[str], start: int, i: int, value: int | None,
             used: int, open_noun: bool) -> Item | None:
    """The people an amount (``value``, None for a determiner) at ``words[i]`` counts:
    "several of them", "several others", or the person noun after it."""
    if value is not None and tuple(words[i + used:i + used + 2]) in _OF_THEM:
        return Item(value, i + used + 2, "person", False)    # "killing several of them"
    if value is not None and i + used < len(words) and words[i + used] == "others":
        return Item(value, i + used + 1, "person", True)     # "and detaining several others"
    head = _head(words, raw, i + used)
    if head is None and open_noun and words[start] in ("a", "an", "one"):
        head = _open_head(words, i + used)
    if head is None:
        return None
    cls = _modified(words, i, head.at, head.cls)
    additive = words[start] == "another" or any(w in _ADDITIVE for w in words[i:head.at])
    if value is None:
        if not head.singular:
            return None
        value = 1
    return Item(value, _past_of_phrase(words, head.end), cls, additive)


def _past_of_phrase(words: list[str], after: int) -> int:
    """Past an "of" phrase naming whose people they are: "two associates of the weapons
    dealer", "the deputy head of the Taliban's commission"."""
    if after + 1 < len(words) and words[after] == "of" and words[after + 1] in _DETERMINERS:
        j = after + 2
        while j < len(words) and j - after < 7 and words[j][0].isalpha() and \
                words[j] not in _STOP and words[j] not in _VERBS and \
                not _number_at(words, j):
            j += 1
        if j > after + 2:
            return j
    return after


_OF_HIS = {("of", "his"), ("of", "her"), ("of", "their"), ("of", "its"), ("of", "the")}
_OF_THEM = {("of", "them"), ("of", "those"), ("of", "these"), ("of", "whom")}
_TITLES = frozenset(titles("name_title"))     # (geomap/lang/en/data/titles.csv)


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


def _open_head(words: list[str], i: int) -> Head | None:
    """"a carpet seller": up to three lower-case words before a stop, the last singular."""
    j = i
    while j < len(words) and j - i < 3 and words[j].isalpha() and words[j] not in _STOP \
            and words[j] not in _VERBS and words[j] not in _DETERMINERS and words[j] not in _SAID:
        j += 1
    if j == i or (j < len(words) and words[j].isalpha() and words[j] not in _STOP) or \
            words[j - 1].endswith(("s", "ed")) or len(words[j - 1]) < 3:
        return None                 # (nor "an engagement followed": a verb is no noun)
    return Head(j, "person", True, j - 1)


def _modified(words: list[str], i: int, at: int, cls: str) -> str:
    """The class of a person noun at ``words[at]`` given its modifiers from ``words[i]``:
    "a Taliban commander", "a police officer" (the modifier says which side)."""
    if cls != "person":
        return cls
    named = [people()[w][0] for w in words[i:at] if w in people() and people()[w][0] != "person"]
    return named[0] if named else cls


def _phrase(words: list[str], raw: list[str], i: int, stop: int | None = None,
            open_noun: bool = False) -> Phrase | None:
    """Items joined by "and", commas, "along with"... from ``words[i]``, ending by
    ``stop`` when given."""
    first = _item(words, raw, i, open_noun)
    if first is None:
        return None
    total, j, additive = first.value, first.end, first.additive
    classes = [first.cls]
    parts = [total]
    before_commas = None             # the phrase before a run of ", one person" items
    while (joined := _joined_item(words, raw, j, stop, open_noun)) is not None:
        join, nxt = joined
        if join != (",",) or nxt.value != 1:
            before_commas = None
        elif before_commas is None:
            before_commas = (total, j, len(classes), len(parts))
        if join == (",",) and "name" in (classes[-1], nxt.cls) and \
                classes[-1] != nxt.cls and total == 1 and nxt.value == 1:
            pass                     # "Mullah Omar, a Taliban leader": one person (but
            #                          "Abdul Rahim, Gul Agha and ...": names of a list)
        else:
            total += nxt.value
            parts.append(nxt.value)
        j = nxt.end
        classes.append(nxt.cls)
    if before_commas is not None and _speaker_ends(words, raw, j):
        # "killing four officers, the district governor, Mohammad Khan, said": the
        # one-person items after the last comma are who said it
        total, j, n_classes, n_parts = before_commas
        classes, parts = classes[:n_classes], parts[:n_parts]
    return Phrase(i, total, j, tuple(classes), additive, tuple(parts))


def _speaker_ends(words: list[str], raw: list[str], j: int) -> bool:
    """A reporting verb at ``words[j]``, or after a comma and a name there ("the district
    chief, Abdul Wahid, said")."""
    j += j < len(words) and words[j] == ","
    name = j
    while j < len(raw) and j - name < 4 and raw[j][:1].isupper() and raw[j].isalpha():
        j += 1
    j += j > name and j < len(words) and words[j] == ","
    return j < len(words) and words[j] in _SAID


def _joined_item(words: list[str], raw: list[str], j: int, stop: int | None,
                 open_noun: bool) -> tuple[tuple[str, ...], Item] | None:
    """The join at ``words[j]`` and the item after it, or None where the phrase ends."""
    for join in _JOINS_LONGEST_FIRST:
        k = j + len(join)
        if tuple(words[j:k]) != join:
            continue
        if partitive(words, k) is not None:
            return None              # "11 people, many of them soldiers": a part of them
        nxt = _item(words, raw, k, open_noun)
        if nxt is None and join[-1] in ("and", ",") and k < len(words):
            head = _head(words, raw, k)   # "his driver and guard"
            if head is not None and head.singular and head.at == k:
                nxt = Item(1, head.end, head.cls, False)
        if nxt is not None and join != (",",) and _speaker_ends(words, raw, nxt.end):
            return None              # "and a local official said" (after commas: _phrase)
        if nxt is not None and (stop is None or nxt.end <= stop):
            return join, nxt
    return None


#: words that count a part of people just counted: "most of them", "all of whom"
_PARTITIVE = frozenset("most many some all several both half each none few".split())


def partitive(words: list[str], i: int) -> int | None:
    """Index after "<quantity> of them/whom/those/these" at ``words[i]`` ("many of them",
    "two of whom", "most of them"): a part of the people counted before it, not more
    people; None when there is none."""
    if i >= len(words):
        return None
    if words[i] in _PARTITIVE:
        used = 1
    else:
        amount = _number_at(words, i) or _vague_at(words, i)
        if amount is None:
            return None
        used = amount[1]
    return i + used + 2 if tuple(words[i + used:i + used + 2]) in _OF_THEM else None


def _phrase_ending_at(words: list[str], raw: list[str], end: int, window: int = 16,
                     open_noun: bool = False) -> Phrase | None:
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
        if found is not None and (found.end == end or _postmodifier(words, found.end, end)):
            return found
    return None


def _postmodifier(words: list[str], start: int, end: int) -> bool:
    """"Several members | of Taliban in Nangarhar | were killed": a short of/in/from
    phrase between the people and their verb."""
    if 0 < end - start and words[start] in ("including", "among"):
        # "12 Taliban fighters | including a local commander | were killed", "25 others
        # including a governor, two of his guards and a police officer were wounded": the
        # total (the sub-list after "including" neither replaces nor adds to it)
        return not any(w in _VERBS or w in _AUX or w in _SAID or
                       w in (";", "who", "which", "that") for w in words[start:end])
    return 0 < end - start <= 8 and words[start] in ("of", "in", "from", "at", "near") and \
        not any(w in _VERBS or w in _AUX or w in _SAID or
                w in (",", ";", "and", "who", "which", "that") for w in words[start:end])
