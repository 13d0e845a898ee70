"""The verbs people are counted from: casualty and detention verbs ("killed", "shot
dead", "the capture of", "took ... into custody") and the auxiliaries and adverbs around
them. English grammar of the people counter (:mod:`.people_counts`, :mod:`.phrases`);
the reporting verbs are the pack's data (``geomap/lang/en/data/reporting_verbs.csv``).
"""

from __future__ import annotations

from .dates import REPORTING_VERBS

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
            "assassination": "killed", "execution": "killed", "executions": "killed",
            "beheading": "killed"}
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
#: "left nine insurgents and two policemen dead": the people come between "left" and
#: the state they were left in
_LEFT = frozenset({"left", "leave", "leaves", "leaving"})
_STATES = {"dead": "killed", "wounded": "wounded", "injured": "wounded", "hurt": "wounded"}
#: a token people_counts starts from: without one of these words it finds nothing
_PEOPLE_WORDS = sorted(set(_VERBS) | set(_NOMINAL) | set(_PHRASE_VERBS_BY_FIRST) | _TOOK |
                       _LEFT)
_PEOPLE_WORD_SET = frozenset(_PEOPLE_WORDS)
_AUX = frozenset("was were is are been being be got get has have had".split())
_BE = frozenset("was were is are been being be got get".split())
_INTRANSITIVE = frozenset({"died", "perished", "succumbed", "lost"})   # ("lost their lives")
# after a verb with no object ("... commander killed in Kandahar."), the people came first
_AFTER_BARE = frozenset(". ; in on at near during while after when as by last yesterday today "
                        "overnight".split())
_ADVERBS = frozenset("also reportedly allegedly later subsequently then all both "
                     "successfully safely immediately".split())

# "The governor of Bamyan | said | five police officers were killed": a reporting verb ends
# the people phrase before it
_SAID = frozenset(REPORTING_VERBS)


