"""A synthetic news corpus, generated (offline, deterministic) for tests and benchmarks.

Mostly non-violent articles with a share of incident reports; some events are reported
by two outlets in different words, so the store's same-event merging is exercised.
Place names come from the gazetteer itself. No third-party text is used.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Iterator

_OUTLETS = ["Example News", "Example Wire", "Kabul Daily (synthetic)", "Regional Times"]
_ATTACKS = [
    ("A roadside bomb killed {n} {victims} in {district} district of {province} province "
     "on {weekday}, officials said."),
    ("Gunmen attacked a checkpoint in {district} district of {province} province on "
     "{weekday}, killing {n} {victims} and wounding {m}, a spokesman said."),
    ("A suicide bomber blew himself up near a market in {district} district of {province} "
     "province on {weekday}, killing {n} {victims}."),
    ("Clashes between Taliban fighters and security forces in {district} district of "
     "{province} province left {n} {victims} dead on {weekday}."),
]
_RETELLING = ("{outlet} reported that {n} {victims} were killed in {district} district of "
              "{province} province on {weekday} in an attack.")
_VICTIMS = ["soldiers", "police officers", "civilians", "people"]
_CALM = [
    "Farmers in {province} began the harvest this week, and prices at the market rose.",
    "Officials in {province} opened a new school building on {weekday} for 400 pupils.",
    "Traders in {province} said demand for dried fruit was strong this season.",
    "A football tournament in {province} drew large crowds over the weekend.",
    "The provincial council of {province} met on {weekday} to discuss the budget.",
]
_FILLER = ("Residents said life in the area had returned to normal. The local council "
           "discussed the water supply and the repair of roads before the winter. ")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def districts(gazetteer) -> list[tuple[str, str]]:
    """(district, province) name pairs of the gazetteer, in a fixed order."""
    provinces = {p.admin1_code: p.name for p in gazetteer.provinces()}
    pairs = {(p.name, provinces[p.admin1_code]) for p in gazetteer.places.values()
             if p.kind == "district" and p.admin1_code in provinces and p.name.isascii()
             and p.name != provinces[p.admin1_code]}
    return sorted(pairs)


def articles(n: int, gazetteer, *, seed: int = 7, violent_share: float = 0.3,
             filler: int = 2) -> Iterator[dict]:
    """``n`` article records (id, published, url, title, source, text), deterministic."""
    rng = random.Random(seed)
    places = districts(gazetteer)
    start = date(2020, 1, 1)
    pending: list[dict] = []            # events to report again by a second outlet
    for i in range(n):
        published = start + timedelta(days=rng.randrange(700))
        weekday_of = published - timedelta(days=rng.randrange(1, 4))
        fields = {"weekday": _WEEKDAYS[weekday_of.weekday()],
                  "province": rng.choice(places)[1]}
        if pending and rng.random() < 0.5:
            event = pending.pop()
            text = _RETELLING.format(outlet=rng.choice(_OUTLETS), **event["fields"])
            published = event["published"]
        elif rng.random() < violent_share:
            district, province = rng.choice(places)
            fields.update(district=district, province=province, n=rng.randrange(1, 30),
                          m=rng.randrange(1, 40), victims=rng.choice(_VICTIMS))
            text = rng.choice(_ATTACKS).format(**fields)
            if rng.random() < 0.3:
                pending.append({"fields": fields, "published": published})
        else:
            text = rng.choice(_CALM).format(**fields)
        body = text + " " + _FILLER * filler
        yield {"id": f"syn-{i}", "published": published.isoformat(),
               "url": f"https://example.org/{i}", "title": f"Synthetic article {i}",
               "source": rng.choice(_OUTLETS), "text": body.strip()}


def write_jsonl(path, n: int, gazetteer, **kwargs) -> int:
    """Write ``n`` articles as JSONL; returns the bytes written."""
    size = 0
    with open(path, "w", encoding="utf-8") as handle:
        for record in articles(n, gazetteer, **kwargs):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            size += len(line.encode("utf-8"))
            handle.write(line)
    return size
