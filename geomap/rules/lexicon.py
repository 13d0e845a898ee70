"""Word lists that turn sentences into event types, actors and targets.

Event types follow ACLED's taxonomy (event_type / sub_event_type). Actors
are normalised through an alias table (ISKP = ISIS-K = Daesh = IS-K ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .anchors import Gate, Starts, guarded
from ..codebook import actors, people

__all__ = ["EventType", "classify_event", "subtype_rank", "is_not_an_event", "tally_span",
           "find_actors", "find_targets", "ACTOR_ALIASES", "is_reaction", "has_trigger",
           "ActorHit", "background_spans", "blank"]


@dataclass(frozen=True, slots=True)
class EventType:
    event_type: str
    sub_event_type: str
    keyword: str


#: a person a place word may qualify ("the district police chief")
_ROLE_AFTER = r"(?:chiefs?|governors?|commanders?|leaders?|officials?)\b"
_TERRITORY = (r"(?:district|districts|district\s+(?:centre|center|headquarters)|town|city|"
              r"village|villages|area|areas|territory|base|bases|check\s*points?|outposts?|"
              r"posts?|headquarters|capital|province|valley|border\s+crossing|crossing|"
              r"control)\b")

#: a thing set on fire (not "set fire to a debate")
_BURNT = (r"\s+(?:[\w'’-]+\s+){0,3}?(?:schools?|houses?|homes?|shops?|stores?|vehicles?|"
          r"cars?|trucks?|tankers?|buses?|buildings?|offices?|clinics?|hospitals?|mosques?|"
          r"bridges?|markets?|towers?|compounds?|checkpoints?|posts?|tyres?|tires?|crops?|"
          r"fields?)")
_SETTING_FIRE = rf"set\s+(?:fire\s+to|on\s+fire|ablaze){_BURNT}"
#: arson and looting
_ARSON = rf"{_SETTING_FIRE}|(?:torched|burn(?:ed|t)\s+down){_BURNT}|looted|looting|ransacked"

# (pattern, event_type, sub_event_type), strongest first: a "suicide bombing"
# is a suicide bomb even when the sentence also says "explosion".
_EVENT_RULES: list[tuple[re.Pattern, str, str]] = [(re.compile(rx, re.IGNORECASE), et, st)
                                                   for rx, et, st in [
    (r"\bsuicide\s+(?:bomb\w*|attack\w*|blast\w*|car\s+bomb\w*|vest)|\bsuicide\s+bombers?\b|"
     r"\bself-?detonat\w*|\bblew\s+(?:himself|herself|themselves)\s+up",
     "Explosions/Remote violence", "Suicide bomb"),
    (r"\b(?:air\s*strikes?|airstrikes?|air\s+raids?|drone\s+strikes?|air\s+attacks?|"
     r"bombed\s+from\s+the\s+air|air\s+forces?\s+(?:struck|bombed|targeted)|"
     r"air\s+weapons\s+teams?|close\s+air\s+support|precision\s+(?:air\s*)?strikes?|"
     r"aerial\s+(?:bomb\w*|attacks?|strikes?)|(?:aircraft|helicopters?|gunships?|drones?|"
     r"jets?|planes?)\s+(?:\w+\s+)?(?:engaged|fired|struck|dropped|bombed|targeted|attacked)|"
     r"(?:unmanned|armed)\s+aerial)",
     "Explosions/Remote violence", "Air/drone strike"),
    # (a rocket-propelled grenade is a direct-fire weapon of a firefight, not shelling)
    (r"\b(?:rockets?(?![\s-]+propelled)|mortars?|shell(?:s|ing|ed)|artillery|missiles?)\b",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    (r"(?<!propelled[\s-])\bgrenades?\b", "Explosions/Remote violence", "Grenade"),
    (r"\b(?:roadside\s+bombs?|road-side\s+bombs?|ieds?|improvised\s+explosive|landmines?|"
     r"mines?\b(?!\s+ministry)|magnetic\s+bombs?|sticky\s+bombs?|car\s+bombs?|"
     r"explosions?|blasts?|explosives?|bomb(?:s|ing|ings|ed)?\b|exploded|detonat\w+|"
     r"(?:unexploded\s+(?:ordnance|mortar|shell|bomb|rocket)s?|explosive\s+remnants|"
     r"UXOs?)\b(?=.*\b(?:went\s+off|exploded|detonated|killed|killing|wounded|wounding|"
     r"injured|injuring)\b)|went\s+off)",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    (r"\b(?:targeted\s+killings?|assassinat\w+|gunned\s+down|shot\s+dead)",
     "Violence against civilians", "Attack"),
    # ("kidnappers" are people: "the arrest of two kidnappers" is an arrest)
    (r"\b(?:kidnapp(?!ers?\b)\w+|abduct(?!ors?\b)\w+|hostages?)\b",
     "Violence against civilians", "Abduction/forced disappearance"),
    (r"\b(?:clash\w*|fighting|fought|firefights?|gun\s*fights?|gun\s*battles?|battles?|"
     r"exchange\s+of\s+fire|offensive|ambush\w*|raid\w*|stormed|storming|"
     r"(?:attacked|attacks?\s+(?:on|against))\s+(?:a\s+|an\s+|the\s+)?"
     r"(?:(?:security|police|army|military|border)\s+)?"
     r"(?:check\s*points?|posts?|outposts?|bases?|convoys?))",
     "Battles", "Armed clash"),
    (r"\b(?:recaptur\w+|retook|retaken|retake|regain\w*\s+control|reclaim\w*|"
     r"(?:cleared|freed|liberated)\s+(?:\w+\s+){0,3}?(?:of|from)\s+(?:the\s+)?(?:Taliban|"
     r"insurgents|militants))",
     "Battles", "Government regains territory"),
    (r"\b(?:(?:captured|seized|overran|overrun|took\s+control\s+of|taken\s+over|took\s+over|"
     r"capture\s+of|fall\s+of)"
     # ("captured Zaranj, the capital of Nimroz": a name and a comma before the word)
     # (but "captured the Nawa district Taliban shadow governor" is a man)
     rf"\s+(?:\w+,?\s+){{0,3}}?{_TERRITORY}(?!\s+(?:[\w'’-]+\s+){{0,3}}?{_ROLE_AFTER})|"
     rf"{_TERRITORY}\s+(?:\w+\s+){{0,3}}?(?:fell|was\s+"
     r"overrun|was\s+captured)|fell\s+to\s+(?:the\s+)?(?:Taliban|insurgents|militants))",
     "Battles", "Non-state actor overtakes territory"),
    (r"\b(?:detain\w*|arrest(?:ed|s|ing)|apprehend\w*|captur(?:ed|ing)|"
     r"(?:capture|arrest|detention)\s+of|"
     r"(?:taken|took|taking|takes)\s+(?:\w+\s+){0,6}?into\s+custody|"
     r"in\s+(?:police\s+)?custody|nabbed)\b",
     "Strategic developments", "Arrests"),
    (r"\b(?:gunmen|gunman|shooting|shot|opened\s+fire|gunfire|attack(?:s|ed|ing)?|"
     r"massacre\w*|beheaded|executed|killed|killing|murdered|stabbed|deaths?\s+of)\b",
     "Violence against civilians", "Attack"),
    # a crowd's violence: "protesters torched a police vehicle" (ACLED's riots)
    (rf"\b(?:protesters|protestors|demonstrators|rioters|mobs?)\b(?=.*\b(?:{_ARSON}|"
     r"stoned|clashed|attacked|stormed)\b)",
     "Riots", "Violent demonstration"),
    # arson and looting with no one hurt: "the Taliban set fire to a school" (ACLED's
    # property destruction; an attack on people, above, comes first)
    (rf"\b(?:{_ARSON})\b", "Strategic developments", "Looting/property destruction"),
]]

_EVENT_RULES = [(guarded(pattern), et, st) for pattern, et, st in _EVENT_RULES]
_EVENT_GATE = Gate([pattern for pattern, _, _ in _EVENT_RULES])
_SUBTYPE_ORDER = list(dict.fromkeys(sub for _, _, sub in _EVENT_RULES))


def subtype_rank(sub_event_type: str) -> int:
    """How specific a sub-event type is (0 = most: "Suicide bomb"; generic "Attack" last)."""
    if sub_event_type == "Attack":
        return len(_SUBTYPE_ORDER)
    return _SUBTYPE_ORDER.index(sub_event_type) if sub_event_type in _SUBTYPE_ORDER \
        else len(_SUBTYPE_ORDER)


# Verbs that make a sentence a reaction or commentary about an event, not a report of one.
_REACTION = re.compile(
    r"\b(?:condemn\w*|denounc\w*|deplor\w*|condolence\w*|mourn\w*|sympath\w*|"
    r"expressed|called\s+on|urged|vowed|warned|denied|denies|denying)\b", re.IGNORECASE)
# Words that show a sentence reports violence at all.
class _Keywords:
    """Whole words and word stems found in one Aho–Corasick pass (much faster than a
    big regex alternation). A stem ("bomb") matches any word it begins ("bombing")."""

    def __init__(self, words: list[str], stems: list[str]) -> None:
        import ahocorasick_rs

        self._stem = [False] * len(words) + [True] * len(stems)
        self.words, self.stems = tuple(words), tuple(stems)
        self._automaton = ahocorasick_rs.AhoCorasick(
            words + stems, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def search(self, text: str) -> bool:
        low = text.lower()
        for index, start, end in self._automaton.find_matches_as_indexes(low):
            if start and low[start - 1].isalnum():
                continue
            if self._stem[index] or end == len(low) or not low[end].isalnum():
                return True
        return False


#: someone setting fire to a thing: an event word (a fire that "burned down" shops may
#: have had no one behind it)
_SET_FIRE = re.compile(_SETTING_FIRE, re.IGNORECASE)

# Words that show a sentence reports violence at all ("attacks" alone is background).
_TRIGGER = _Keywords(
    words="""explosion explosions blast blasts attack attacked attacking killed killing killings
    kills dead died wounded injured fighting firefight gunfire gunmen gunman shot shooting
    rocket rockets mortar mortars shelling grenade grenades ied ieds mine mines explosive
    explosives exploded suicide stormed executed beheaded captured seized overran
    detained detaining arrested arresting apprehended apprehending capturing nabbed custody
    recaptured retook wounding injuring artillery shelled torched looted ransacked""".split()
    + ["opened fire", "air strike", "air strikes", "airstrike", "airstrikes", "drone strike",
       "drone strikes", "death toll", "air weapons team", "close air support",
       "fell to the taliban", "fell to taliban", "fell to the insurgents",
       # (not "burned down": a fire does that alone; not "lost their lives": so do road
       # accidents and floods, whose dead count only beside a word of violence; "set fire
       # to" a thing is read by has_trigger's own pattern, not "set fire to a debate")
       "precision strike", "engaged the enemy", "engaged the insurgents",
       # nominal reports: "confirmed the capture of a facilitator", "resulted in the
       # death of a Taliban leader" (counts read them through codebook nouns)
       "capture of", "arrest of", "arrests of", "detention of", "death of", "deaths of"],
    stems="bomb clash detonat assassinat ambush kidnapp abduct raid massacre casualt".split())


# Sentences about plans, trials and arrests mention attacks that are not events of their own.
_NOT_AN_EVENT = re.compile(
    r"\b(?:plott\w*|plotted|plann\w*|plans?\s+to|intend\w*|threaten\w*|sentenc\w*|"
    r"convicted|found\s+guilty|trial|accused|charged\s+with|mastermind\w*|suspected\s+of|"
    r"vowed|would\s+attack|could\s+attack|might\s+attack|warned)\b", re.IGNORECASE)


# A tally over a stretch of days, not an event's figures: "30 bombs over the previous two
# weeks, with 40 people dead", "so far this year" (a day and a night, "over the past 24
# hours", is a release's own operations and stays; fighting "over the past few days" with
# no figures is still fighting)
_TALLY = re.compile(
    r"\b(?:over|in|during|for|within)\s+the\s+(?:past|previous|last|preceding)\s+"
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few|couple\s+of)\s+)?"
    r"(?:days|weeks|months|years|week|month|year)\b(?!\s+of\b)|"    # ("the last week of May")
    r"\bsince\s+the\s+(?:start|beginning)\s+of\b|\bso\s+far\s+this\s+(?:year|month)\b|"
    r"\bthis\s+year\s+alone\b", re.IGNORECASE)

_NOT_AN_EVENT, _REACTION, _TALLY = guarded(_NOT_AN_EVENT), guarded(_REACTION), guarded(_TALLY)
_CLAUSE_GATE = Gate([_NOT_AN_EVENT, _REACTION, _TALLY])


def is_not_an_event(text: str) -> bool:
    """True for plans, threats, trials: "was involved in plotting to attack Kabul University"."""
    return 0 in _CLAUSE_GATE.possible(text) and _NOT_AN_EVENT.search(text) is not None


def tally_span(text: str) -> tuple[int, int] | None:
    """Where the text tallies figures over days or longer ("over the previous 10 days,
    leaving 60 dead"): many events at once, none of them by place and day; or None."""
    m = _TALLY.search(text) if 2 in _CLAUSE_GATE.possible(text) else None
    return m.span() if m else None


def has_trigger(text: str) -> bool:
    """True when the text reports violence (an event word, not only commentary)."""
    return _TRIGGER.search(text) or ("fire" in text and _SET_FIRE.search(text) is not None)


def trigger_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words, stems) :func:`has_trigger` looks for, lower case; besides them it reads
    "set fire to" in a text holding "fire"."""
    return _TRIGGER.words, _TRIGGER.stems


def is_reaction(text: str) -> bool:
    """True for reactions ("Qatar condemned the attack"), which report no new event."""
    return 1 in _CLAUSE_GATE.possible(text) and _REACTION.search(text) is not None


@lru_cache(maxsize=4096)
def classify_event(text: str) -> EventType | None:
    """The ACLED event type and sub-type the text describes, strongest rule first.

    >>> classify_event("a suicide bomber blew himself up near a mosque").sub_event_type
    'Suicide bomb'
    """
    possible = _EVENT_GATE.possible(text)
    for at, (pattern, event_type, sub_type) in enumerate(_EVENT_RULES):
        if at not in possible:
            continue                     # its anchor words are not in the text
        m = pattern.search(text)
        if m:
            return EventType(event_type, sub_type, m.group(0).lower())
    return None


#: canonical actor name → aliases, from codebook/actors.csv (all-caps aliases such as
#: "ANA" or "IS" match only in capitals).
ACTOR_ALIASES: dict[str, tuple[str, ...]] = actors()


@dataclass(frozen=True, slots=True)
class ActorHit:
    actor: str
    start: int
    end: int


def _actor_variants(alias: str) -> set[str]:
    low = alias.lower()
    return {low, low.replace("-", " "), low.replace(" ", "-"), low.replace("-", "")}


class _ActorMatcher:
    """Actor aliases in one Aho–Corasick pass; all-caps aliases ("IS", "ANA") only match
    in capitals, so the pronoun "is" and the name "Ana" are not actors."""

    def __init__(self) -> None:
        import ahocorasick_rs

        self._targets: dict[str, tuple[str, bool]] = {}
        for canon, aliases in ACTOR_ALIASES.items():
            for alias in aliases:
                exact_case = alias.isupper() and alias.isascii()
                for variant in _actor_variants(alias):
                    self._targets.setdefault(variant, (canon, exact_case))
        self._patterns = sorted(self._targets)
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def find(self, text: str) -> list[ActorHit]:
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        hits = []
        for index, start, end in self._automaton.find_matches_as_indexes(low):
            if (start and (low[start - 1].isalnum() or low[start - 1] == "-")) or \
                    (end < len(low) and (low[end].isalnum() or low[end] == "-")):
                continue
            canon, exact_case = self._targets[self._patterns[index]]
            if exact_case and not text[start:end].replace("-", "").replace(" ", "").isupper():
                continue
            hits.append(ActorHit(canon, start, end))
        return hits


_ACTORS: _ActorMatcher | None = None


def find_actors(text: str) -> list[ActorHit]:
    """Actor mentions, normalised to one name per actor.

    >>> sorted({h.actor for h in find_actors("ISIS-K and Daesh; the Taleban")})
    ['Islamic State Khorasan Province (ISKP)', 'Taliban']
    """
    global _ACTORS
    if _ACTORS is None:
        _ACTORS = _ActorMatcher()
    return _ACTORS.find(text)


_TARGETS: list[tuple[re.Pattern, str]] = [(re.compile(rx, re.IGNORECASE), label) for rx, label in [
    (r"\bhospitals?\b|\bclinics?\b|\bhealth\s+(?:centre|center|workers?)", "hospital"),
    (r"\bmosques?\b|\bimam\s*bargah|\bshrines?\b|\btakyakhana|\bmasjid", "mosque"),
    (r"\bairports?\b|\bairfields?\b|\bair\s+base|\bairbase", "airport"),
    (r"\bschools?\b|\buniversit\w+|\bmadrasa\w*|\beducational\s+cent\w+|\bstudents?\b", "school"),
    (r"\bcheck\s*points?\b|\boutposts?\b|\bsecurity\s+posts?\b", "checkpoint"),
    (r"\bconvoys?\b", "convoy"),
    (r"\bmarkets?\b|\bbazaars?\b", "market"),
    (r"\bwedding\w*\b|\bfuneral\w*\b", "gathering"),
    (r"\bbus(?:es)?\b|\bminibus\w*|\bvehicles?\b|\bcars?\b", "vehicle"),
    (r"\bpolice\s+(?:station|headquarters|hq|compound)", "police station"),
    (r"\bmilitary\s+(?:base|compound|academy)|\barmy\s+(?:base|corps)", "military base"),
    (r"\bembass\w+|\bconsulate", "embassy"),
    (r"\bhotels?\b|\bguest\s*houses?\b", "hotel"),
    (r"\bministry\b|\bgovernment\s+(?:office|building|compound)|\bgovernor'?s?\s+(?:office|compound)",
     "government building"),
    (r"\bcivilians?\b|\bresidents?\b|\bworshippers?\b|\bchildren\b", "civilians"),
]]

_TARGETS = [(guarded(pattern), label) for pattern, label in _TARGETS]
_TARGET_GATE = Gate([pattern for pattern, _ in _TARGETS])


def find_targets(text: str) -> list[str]:
    """Target labels in text order of first appearance ("hospital", "mosque"...)."""
    return list(_targets(text))


@lru_cache(maxsize=4096)
def _targets(text: str) -> tuple[str, ...]:
    hits = []
    possible = _TARGET_GATE.possible(text)
    for at, (pattern, label) in enumerate(_TARGETS):
        m = pattern.search(text) if at in possible else None
        if m:
            hits.append((m.start(), label))
    return tuple(label for _, label in sorted(hits))


# -- background: what a sentence says about someone, not what happened -----------------
#
# "a facilitator responsible for IED attacks", "the leader, who directed attacks against
# Afghan forces", "seized two IEDs", "an IED cell leader", "The facilitator supplied
# weapons to insurgents": words that would make an explosion, a battle or a count of a
# sentence that reports none. Their spans are blanked (same length) before event types,
# triggers and counts are read; the text itself and its offsets are untouched.
# a described clause ends at punctuation or where the main clause's verb takes over
# ("a member involved in targeted killings | was killed by NDS forces")
_CLAUSE_END = r"(?:(?!\s(?:was|were|is|are|has|have|had)\s)[^.;:,\n()])*"
_ROLE_VERBS = (r"(?:coordinat(?:ed|es|e)|facilitat(?:ed|es|e)|organi[sz](?:ed|es|e)|"
               r"orchestrat(?:ed|es|e)|direct(?:ed|s)?|plann?(?:ed|s)|conduct(?:ed|s)|"
               r"suppl(?:ied|ies|y)|provid(?:ed|es|e)|transport(?:ed|s)|smuggl(?:ed|es|e)|"
               r"procur(?:ed|es|e)|emplac(?:ed|es|e)|buil(?:t|ds)|manufactur(?:ed|es)|"
               r"distribut(?:ed|es)|financ(?:ed|es)|fund(?:ed|s)|leads|led|oversaw|oversees|"
               r"command(?:ed|s)|train(?:ed|s)|recruit(?:ed|s)|plott(?:ed)|masterminded|"
               r"carr(?:ied|ies)\s+out|assist(?:ed|s)|help(?:ed|s)|acquir(?:ed|es)|"
               r"mov(?:ed|es)|traffick(?:ed|s)|sold|sells|shipp(?:ed)|stor(?:ed|es)|hid|hides|"
               r"operat(?:ed|es)|ran|runs|used|uses)")
_ARMS = (r"(?:weapons?|arms|rifles?|guns?|grenades?|rockets?|launchers?|rounds|ammunition|"
         r"explosives?|IEDs?|vests?|AK-47s?|pistols?|RPGs?)\b")
#: what is found or seized rather than used (the list after "found", "seized", "a cache of")
_FOUND = (r"(?:weapons?|arms|ammunition|IEDs?|explosives?|devices?|mines?|bombs?|rockets?|"
          r"mortars?|grenades?|rifles?|firearms|caches?|materials?|components?|vests?|"
          r"munitions|ordnance|rounds|drugs|narcotics|opium|heroin)\b")
#: words that start a clause of its own inside a list: the list has ended ("found weapons,
#: and later killed two insurgents firing rockets")
_EVENT_VERB = (r"(?:kill(?:ed|ing|s)?|detain(?:ed|ing|s)?|arrest(?:ed|ing|s)?|"
               r"captur(?:ed|ing|es)|fir(?:ed|ing)|attack(?:ed|ing|s)?|shot|shoot(?:ing|s)?|"
               r"wound(?:ed|ing)|injur(?:ed|ing)|explod(?:ed|es|ing)|detonat(?:ed|es|ing)|"
               r"launch(?:ed|es|ing)?|us(?:ed|ing)|target(?:ed|ing)|hit|struck|"
               r"ambush(?:ed|ing)|clash(?:ed|es)|engag(?:ed|ing)|later|then)\b")


def _more(item: str) -> str:
    """More items of a list of weapons after the first, past its commas (", one mine,
    and several rounds"), none of them a clause of its own."""
    return (rf"(?:,\s+(?:and\s+)?(?:(?!{_EVENT_VERB})[\w'’()-]+\s+){{0,5}}?{item}"
            rf"{_ITEM_END})*")


#: the rest of a listed item: up to punctuation, the main clause's verb, or an event verb
#: ("... and hand grenades | attacked a post")
_ITEM_END = rf"(?:(?!\s(?:was|were|is|are|has|have|had)\s)(?!\s{_EVENT_VERB})[^.;:,\n()])*"
_PEOPLE = "(?:" + "|".join(sorted(map(re.escape, people()), key=len, reverse=True)) + ")"
_BACKGROUND = [re.compile(rx, re.IGNORECASE) for rx in [
    # relative and descriptive clauses about a person
    rf"\b(?:responsible|blamed|wanted)\s+for\b{_CLAUSE_END}",
    rf"\b(?:involved|implicated|participat\w*)\s+in\b{_CLAUSE_END}",
    rf"\b(?:suspected|accused|convicted)\s+(?:of|in)\b{_CLAUSE_END}",
    rf"\b(?:believed|known|thought|reported|alleged)\s+to\s+(?:be|have)\b{_CLAUSE_END}",
    rf"\b(?:linked|tied|connected|associated|affiliated)\s+(?:to|with)\b{_CLAUSE_END}",
    rf"\bin\s+connection\s+with\b{_CLAUSE_END}",
    rf"\b(?:who|which|whose)\s+(?:\w+\s+){{0,2}}?(?:(?:is|was|are|were|has|have|had)\s+"
    rf"(?:\w+\s+)?)?{_ROLE_VERBS}{_CLAUSE_END}",
    rf"\b(?:is|was|were|are)\s+(?:allegedly\s+|reportedly\s+)?behind\b{_CLAUSE_END}",
    # what a named person does or did: "The facilitator supplied weapons ...",
    # "He coordinated attacks against ..."
    rf"(?:^|(?<=[.!?]\s))(?:(?:The|This|That|These|Both)\s+(?:[\w'’-]+\s+){{0,3}}?{_PEOPLE}"
    rf"|He|She|They)\s+(?:(?:is|was|are|were|has|have|had|also|allegedly|reportedly)\s+)*"
    rf"{_ROLE_VERBS}\b(?!\s+to\b){_CLAUSE_END}",
    # weapons found, not used: "seized two IEDs", "discovered a weapons cache consisting of
    # two rockets, one anti-personnel mine and ..." (the list goes on past its commas)
    rf"\b(?:seiz(?:ed|ing|es)|found|discovered|discovering|recovered|recovering|"
    rf"confiscat(?:ed|ing)|destroy(?:ed|ing)|defus(?:ed|ing)|dismantl(?:ed|ing)|"
    rf"uncover(?:ed|ing)|disarm(?:ed|ing)|neutrali[sz](?:ed|ing))\s+(?:[\w'’-]+,?\s+){{0,8}}?"
    rf"{_FOUND}{_ITEM_END}{_more(_FOUND)}",
    # attacks that did not happen: "foiled a plan to attack Kabul", "would-be bombers"
    r"\b(?:foil(?:ed|s|ing)?|thwart(?:ed|s|ing)?|avert(?:ed|s|ing)?|prevent(?:ed|s|ing)?)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:plans?|plots?|attacks?|attempts?|bombings?)"
    r"(?:(?!\s(?:and|but|was|were|is|are|has|have|had)\s)[^.;:,\n()])*",
    r"\bwould-be(?:\s+suicide)?(?=\s+(?:bombers?|attackers?)\b)",
    # a commemoration: "the anniversary of the death of Ahmad Shah Massoud"
    rf"\b(?:anniversar(?:y|ies)|commemorat\w+|memory|memorial|remembrance)\s+of\b{_CLAUSE_END}",
    # weapons carried, not used: "insurgents armed with automatic weapons, rocket-propelled
    # grenade launchers and hand grenades" (the list goes on past its commas)
    rf"\barmed\s+with\s+(?:[\w'’-]+\s+){{0,4}}?{_ARMS}{_ITEM_END}{_more(_ARMS)}",
    # bombs being laid, not going off: "when the two men tried to plant a landmine",
    # "spotted insurgents emplacing an IED" (the event is what happened to them; "killed
    # while planting a mine" may be the mine going off, and stays)
    r"(?:\b(?:attempt(?:ed|ing)?|tr(?:ied|ying))\s+to\s+(?:emplace|plant|lay|bury|place)|"
    r"\b(?:spotted|observed|seen|saw|caught|identified)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:emplacing|planting|laying|burying|placing))\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:IEDs?|improvised\s+explosive\s+devices?|(?:roadside\s+)?bombs?|(?:land)?mines?|"
    r"explosives?)\b",
    # weapon words naming a person's trade: "an IED facilitator", "bomb maker", "IED cell"
    r"\b(?:IED|IEDs|improvised\s+explosive\s+devices?|roadside\s+bombs?|bombs?|explosives?|"
    r"weapons?|suicide(?:\s+bomb(?:er|ing)?)?|mortar|rocket|grenade|mines?)(?:[\s-]+(?:and|"
    r"weapons?|explosives?|bomb|attack|making|facilitation|smuggling|trafficking|"
    r"emplacement)){0,3}(?:\s*\([A-Z]{2,6}s?\))?"     # "improvised explosive device (IED)
    r"(?=[\s-]+(?:facilitators?|makers?|emplacers?|cells?|networks?|"     # commander"
    r"experts?|traffickers?|smugglers?|suppliers?|specialists?|leaders?|commanders?|"
    r"materials?|components?|builders?|coordinators?|financiers?|caches?|factory|"
    r"facilitation|making|emplacement|precursors?|parts?|producers?)\b)",
]]
_BACKGROUND = [guarded(pattern) for pattern in _BACKGROUND]
_BACKGROUND_GATE = Gate(_BACKGROUND)
_BACKGROUND_STARTS = Starts(_BACKGROUND)


_CAPITALISED = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_NAME_LIST = re.compile(rf"(?:,\s*(?:and\s+)?{_CAPITALISED})+(?:,?\s+and\s+{_CAPITALISED})?"
                        r"(?=\s+(?:provinces|districts)\b|\s*[.;])"
                        r"(?:\s+(?:provinces|districts)\b)?")


def background_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that describe people or weapons rather than report an event.

    >>> text = "Troops detained a Taliban leader responsible for IED attacks in Kandahar."
    >>> [text[s:e] for s, e in background_spans(text)]
    ['responsible for IED attacks in Kandahar']
    """
    spans = []
    possible = _BACKGROUND_GATE.possible(text)
    for at in range(len(_BACKGROUND)):
        if at not in possible:
            continue
        for m in _BACKGROUND_STARTS.finditer(at, text):
            if m.end() > m.start():
                end = m.end()
                if text.startswith(",", end):
                    # "attacks ... in Kabul, Kandahar and Herat provinces": the clause's
                    # list of names goes on past its commas
                    more = _NAME_LIST.match(text, end)
                    end = more.end() if more else end
                spans.append((m.start(), end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` replaced by spaces (same length, offsets kept)."""
    if not spans:
        return text
    parts, at = [], 0
    for s, e in spans:
        parts.append(text[at:s])
        parts.append(" " * (e - s))
        at = e
    parts.append(text[at:])
    return "".join(parts)
