"""Background: what a sentence says about someone, not what happened.

English grammar that stays code (relative clauses, lists of weapons found, a person's
trade): the patterns are shapes of sentences, not word lists; the person nouns they use
are the codebook's (``codebook/people.csv``).
"""

from __future__ import annotations

import re

from .anchors import Gate, Starts, guarded
from ..codebook import people

__all__ = ["background_spans", "blank"]

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
