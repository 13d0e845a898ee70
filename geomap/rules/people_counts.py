"""Killed, wounded and detained people counted through noun phrases.

A casualty or detention verb with its people: "detained three suspected insurgents" (3),
"captured a Taliban leader and several associates" (1 + 3), "killing him together with
his driver and guard" (3), "the commander and three of his men were killed" (4), "a
father and his son were shot dead" (2). The phrases are read by :mod:`.phrases`.
"""

from __future__ import annotations

from .figures import Count, victims as _victims
from .numbers import number_at as _number_at
from .phrases import (_ADVERBS, _AFTER_BARE, _AUX, _BE, _INTRANSITIVE, _NOMINAL,
                      _PEOPLE_WORD_SET, _PHRASE_VERBS_BY_FIRST, _SAID, _TOOK, _VERBS, _phrase,
                      _phrase_ending_at, _tokens)
from ..codebook import people

__all__ = ["people_counts"]


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


