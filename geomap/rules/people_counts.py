"""Killed, wounded and detained people counted through noun phrases.

A casualty or detention verb with its people: "detained three suspected insurgents" (3),
"captured a Taliban leader and several associates" (1 + 3), "killing him together with
his driver and guard" (3), "the commander and three of his men were killed" (4), "a
father and his son were shot dead" (2). The phrases are read by :mod:`.phrases`; each
shape of sentence is one rule below (a :class:`Verb` in, a :class:`Reading` or None
out), tried in the order :func:`people_counts` gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from .figures import Count, victims as _victims
from .numbers import number_at as _number_at
from .phrases import Phrase, _phrase, _phrase_ending_at, _tokens, partitive
from .verbs import (_ADVERBS, _AFTER_BARE, _AUX, _BE, _INTRANSITIVE, _LEFT, _NOMINAL,
                    _PEOPLE_WORD_SET, _PHRASE_VERBS_BY_FIRST, _SAID, _STATES, _TOOK, _VERBS)
from ..codebook import people

__all__ = ["people_counts", "Verb", "Reading", "Sentence"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A text as tokens: as written (``raw``), lower case (``words``) and their spans."""

    text: str
    spans: list[tuple[str, int, int]]
    raw: list[str]
    words: list[str]

    @classmethod
    def of(cls, text: str) -> "Sentence":
        spans = _tokens(text)
        raw = [t for t, _, _ in spans]
        return cls(text, spans, raw, [t.lower() for t in raw])


@dataclass(frozen=True, slots=True)
class Verb:
    """A word that may count people, at ``words[at]``: a casualty or detention verb of
    ``width`` words ("shot dead"), a noun ("the capture of") or "took" (None kind)."""

    word: str
    at: int
    kind: str | None       # "killed" | "wounded" | "detained", None for a noun or "took"
    width: int
    intent: bool           # "to arrest", "not take": no event
    also: bool             # "were also killed", "died too": perhaps people beyond those counted

    @property
    def open_noun(self) -> bool:
        """Whose object is a person even when the codebook does not know the noun: not
        "captured" (a district) nor "wounded"/"injured" ("wished the injured a recovery")."""
        return self.kind != "wounded" and self.word not in ("captured", "capturing")


@dataclass(frozen=True, slots=True)
class Reading:
    """People a verb counts, read from tokens ``first`` to ``last`` (inclusive)."""

    kind: str
    first: int
    last: int
    total: int
    classes: tuple[str, ...]
    additive: bool
    parts: tuple[int, ...] = ()
    also: bool = False
    out_of: str = ""        # (Count.out_of: "one of the wounded later died")

    def count(self, sentence: Sentence) -> Count:
        start, end = sentence.spans[self.first][1], sentence.spans[self.last][2]
        return Count(self.kind, self.total, start, end, sentence.text[start:end],
                     self.additive or self.also, _victims(self.classes), self.parts,
                     self.also and not self.additive, out_of=self.out_of)


def _reading(kind: str, first: int, last: int, found: Phrase, also: bool) -> Reading:
    return Reading(kind, first, last, found.total, found.classes, found.additive, found.parts,
                   also)


def people_counts(text: str) -> list[Count]:
    """Killed, wounded and detained people counted through noun phrases.

    >>> [(c.kind, c.value) for c in people_counts(
    ...     "Forces captured a Taliban leader and several associates.")]
    [('detained', 4)]
    >>> [(c.kind, c.value) for c in people_counts(
    ...     "The commander and three of his men were killed.")]
    [('killed', 4)]
    """
    sentence = Sentence.of(text)
    out: list[Count] = []
    too = "too" in sentence.words or "well" in sentence.words     # (for _also_after)
    for k, w in enumerate(sentence.words):
        if w not in _PEOPLE_WORD_SET:
            continue                      # no verb, two-word verb or "the death of" here
        reading = _read_verb(sentence, _verb_at(sentence.words, k, too))
        if reading is not None:
            out.append(reading.count(sentence))
    return out


def _verb_at(words: list[str], k: int, too: bool = True) -> Verb:
    """The verb at ``words[k]``; ``too``: whether the sentence may hold "too" / "as well"."""
    kind, width = _VERBS.get(words[k]), 1
    if kind is None:
        for phrase, phrase_kind in _PHRASE_VERBS_BY_FIRST.get(words[k], ()):
            if tuple(words[k:k + len(phrase)]) == phrase:
                kind, width = phrase_kind, len(phrase)
                break
    return Verb(words[k], k, kind, width,
                intent=k > 0 and words[k - 1] in ("to", "not", "never"),
                also=any(x == "also" for x in words[max(0, k - 2):k]) or
                (too and _also_after(words, k + width)))


def _also_after(words: list[str], at: int) -> bool:
    """"his driver died too", "two guards were wounded as well": an addition, like "also"
    ("too" or "as well" ending the verb's clause, a few words on at most; not "as well as")."""
    for j in range(at, min(len(words), at + 6)):
        width = 1 if words[j] == "too" else 2 if tuple(words[j:j + 2]) == ("as", "well") else 0
        if width:
            return j + width == len(words) or not words[j + width][0].isalnum()
        if not words[j][0].isalnum() or words[j] in _VERBS or words[j] in _SAID:
            return False
    return False


def _read_verb(sentence: Sentence, verb: Verb) -> Reading | None:
    """The people ``verb`` counts, by the first rule whose shape the sentence has."""
    words, k = sentence.words, verb.at
    if verb.kind is None and verb.word in _TOOK:
        return _into_custody(sentence, verb)
    if verb.kind is None and verb.word in _LEFT:
        return _left_in_state(sentence, verb)
    if verb.word in _NOMINAL and k + 1 < len(words) and words[k + 1] == "of" and \
            (verb.kind is None or (k and words[k - 1] in _NOUN_DETERMINERS)):
        return _nominal(sentence, verb)   # ("the killing of a soldier": a noun too)
    if verb.kind is None and verb.word == "shot":
        return _shot_pronoun(sentence, verb)
    if verb.kind is None or verb.intent or (k and words[k - 1] == "the"):
        return None                   # "to arrest" (an intent), "the injured" (a noun)
    inverted = _inverted(sentence, verb)
    if inverted is not None:
        return inverted
    subject_end = _subject_end(sentence, verb)
    if subject_end is not None:
        return _out_of_casualties(sentence, verb, subject_end[0]) or \
            _subject(sentence, verb, *subject_end)
    return _object(sentence, verb)


#: determiners before a verb's noun form ("the killing of", "his arrest of")
_NOUN_DETERMINERS = frozenset("the his her their its this".split())
#: the casualties a later figure may come out of ("one of the wounded later died")
_CASUALTY_NOUNS = {"wounded": "wounded", "injured": "wounded"}


def _out_of_casualties(sentence: Sentence, verb: Verb, a: int) -> Reading | None:
    """"One of the wounded later died", "two of the injured succumbed", "four were
    wounded; one of them later died": people counted among the wounded before, now among
    the dead (Count.out_of; the incident's wounded
    figure gives them up)."""
    words = sentence.words
    if verb.kind != "killed" or a < 3:
        return None
    if words[a - 1] in _CASUALTY_NOUNS and tuple(words[a - 3:a - 1]) == ("of", "the"):
        first, out_of = a - 4, _CASUALTY_NOUNS[words[a - 1]]
    elif tuple(words[a - 2:a]) == ("of", "them") and \
            any(_VERBS.get(w) == "wounded" for w in words[:a - 3]):
        first, out_of = a - 3, "wounded"     # "Four were wounded; one of them later died"
    else:
        return None
    amount = _number_at(words, first) if first >= 0 else None
    if amount is None or amount[1] != 1:
        return None
    return Reading("killed", first, verb.at + verb.width - 1, amount[0], ("person",), True,
                   out_of=out_of)


#: words that tell a shooting wounded its victim ("shot him in the leg", "taken to hospital")
_WOUND_WORDS = frozenset("wounded wounding injured injuring injury injuries hurt hospital "
                         "hospitalised hospitalized survived survive leg legs arm arms".split())


def _shot_pronoun(sentence: Sentence, verb: Verb) -> Reading | None:
    """"... stopped a young shepherd at a checkpoint and shot him": a person the sentence
    named, shot, with nothing in the sentence saying he survived or was wounded, is one
    killed (ACLED codes the reported killing; "shot him in the leg" is no figure)."""
    words, k = sentence.words, verb.at
    if verb.intent or k + 1 >= len(words) or words[k + 1] not in ("him", "her"):
        return None
    if k + 2 < len(words) and words[k + 2] == "dead":
        return Reading("killed", k, k + 2, 1, ("person",), False)     # "shot him dead"
    if _WOUND_WORDS.intersection(words) or k + 2 < len(words) and words[k + 2][0].isalnum():
        return None                   # ("shot him twice in the leg"): the clause goes on
    return Reading("killed", k, k + 1, 1, ("person",), False)


def _into_custody(sentence: Sentence, verb: Verb) -> Reading | None:
    """"Police took the three men in the truck into custody"."""
    if verb.intent:
        return None
    found = _phrase(sentence.words, sentence.raw, verb.at + 1, open_noun=True)
    if found is None or tuple(sentence.words[found.end:found.end + 2]) != ("into", "custody"):
        return None
    return _reading("detained", verb.at, found.end + 1, found, verb.also)


def _left_in_state(sentence: Sentence, verb: Verb) -> Reading | None:
    """"The clash left nine insurgents and two policemen dead": the people between "left"
    and "dead" / "wounded", all of them."""
    found = _phrase(sentence.words, sentence.raw, verb.at + 1)
    if verb.intent or found is None or found.end >= len(sentence.words) or \
            sentence.words[found.end] not in _STATES:
        return None
    return _reading(_STATES[sentence.words[found.end]], verb.at, found.end, found, verb.also)


def _nominal(sentence: Sentence, verb: Verb) -> Reading | None:
    """"the capture of a Taliban facilitator", "resulted in the death of Mullah Omar"
    (its parts are not told apart, nor is "also" read)."""
    found = _phrase(sentence.words, sentence.raw, verb.at + 2,
                    open_noun=verb.word != "capture")
    if found is None:
        return None
    return Reading(_NOMINAL[verb.word], verb.at, found.end - 1, found.total, found.classes,
                   found.additive)


def _inverted(sentence: Sentence, verb: Verb) -> Reading | None:
    """"Also killed in the strike were a dozen insurgents": the subject after "were"."""
    words, k = sentence.words, verb.at
    if not _INVERTED_BEFORE.issuperset(words[:k]):
        return None
    at = _inverted_subject(words, k + verb.width)
    found = _phrase(words, sentence.raw, at, open_noun=verb.open_noun) if at is not None \
        else None
    return _reading(verb.kind, k, found.end - 1, found, verb.also) if found else None


def _subject_end(sentence: Sentence, verb: Verb) -> tuple[int, bool] | None:
    """Where the people before a passive verb end ("three insurgents | were (also)
    killed", "one insurgent being killed"), and whether the verb is a headline's (no aux
    at all: "A Taliban commander killed.", "Mullah Ahmad, who ..., died"); None when the
    verb is active ("have killed": the aux next to the verb must be a form of "be")."""
    words, k, width = sentence.words, verb.at, verb.width
    j = k
    while j > 0 and words[j - 1] in _ADVERBS:
        j -= 1
    headline = not (j > 0 and words[j - 1] in _AUX) and (
        verb.word in _INTRANSITIVE or k + width == len(words) or
        words[k + width] in _AFTER_BARE) and \
        _phrase(words, sentence.raw, k + width, open_noun=verb.open_noun) is None
    if not ((j > 0 and words[j - 1] in _BE) or headline):
        return None
    a = j - 1 if not headline else j
    while a > 0 and words[a - 1] in _AUX | _ADVERBS:
        a -= 1
    if headline and a > 0 and words[a - 1] == ",":
        a = _before_aside(words, a - 1)      # "Mullah Ahmad, who ..., died"
    return a, headline


def _subject(sentence: Sentence, verb: Verb, a: int, headline: bool) -> Reading | None:
    """The people whose phrase ends at ``a``, before the passive verb, with those "along
    with" them after it ("... was killed along with his seven men")."""
    found = _subject_phrase(sentence, verb, a, headline)
    if found is None:
        return None
    words, raw = sentence.words, sentence.raw
    total, classes, parts = found.total, found.classes, found.parts
    end = verb.at + verb.width
    for join in (("along", "with"), ("together", "with"), ("with",)):
        if tuple(words[end:end + len(join)]) == join:
            more = _phrase(words, raw, end + len(join))   # "... along with his seven men"
            if more is not None:
                total, end = total + more.total, more.end
                classes += more.classes
                parts += more.parts
            break
    return Reading(verb.kind, found.start, end - 1, total, classes, found.additive, parts,
                   verb.also)


def _subject_phrase(sentence: Sentence, verb: Verb, a: int, headline: bool) -> Phrase | None:
    """The people phrase that ends at ``a`` (or before an aside that ends there)."""
    words, raw, open_noun = sentence.words, sentence.raw, verb.open_noun
    found = _phrase_ending_at(words, raw, a, open_noun=open_noun)
    after = tuple(words[verb.at + verb.width:verb.at + verb.width + 2])
    if found is None and a > 0 and words[a - 1] in ("he", "she") and \
            after in (("along", "with"), ("together", "with")):
        # "He was detained along with two other suspects": he and the two
        return Phrase(a - 1, 1, a, ("person",), False, (1,))
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
    return found


def _object(sentence: Sentence, verb: Verb) -> Reading | None:
    """The people after an active verb: "detained three suspected insurgents"."""
    found = _phrase(sentence.words, sentence.raw, verb.at + verb.width,
                    open_noun=verb.open_noun)
    return _reading(verb.kind, verb.at, found.end - 1, found, verb.also) if found else None


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
    civilians,", ", most of them farmers,", and with ``raw`` a name after a role (", Mullah Nasir,")."""
    said = comma > 0 and words[comma - 1] in _SAID
    for i in range(comma - 1, max(0, comma - 40), -1):
        if words[i] == "," and i + 1 < len(words) and (
                words[i + 1] in _ASIDE_OPENERS or (said and comma - i <= 5) or
                partitive(words, i + 1) is not None or (
                    raw is not None and 1 < comma - i <= 5 and
                    all(w[:1].isupper() for w in raw[i + 1:comma]) and
                    i > 0 and words[i - 1] in people())):
            return i
    return comma


#: words that open an aside between people and their verb (", who ...", ", a senior
#: leader,", ", known as Qari Jalil,", ", mostly women and children,", ", all from Kunar,")
_ASIDE_OPENERS = frozenset("who which a an the known also identified named aka "
                           "mostly mainly largely all most many some both".split())


