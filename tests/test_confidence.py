"""confidence: a fixed rule over what an incident records; every part moves it the
documented way, and every incident of the pipeline carries one."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract.confidence import LEAD, confidence
from geomap.extract.incidents import extract_text
from geomap.incident import Incident, SourceRef

SENTENCE = "Four guards were killed in a night raid on a post in Nad Ali district on 4 May."


def _incident(gaz, *, reason="'district' cue; exact name; date from 'on 4 May'",
              place_id="AF-HEL-nad-ali", quotes=(SENTENCE,), start=0, fatalities=4,
              sub="Armed clash") -> Incident:
    sources = tuple(SourceRef("a.txt", q, start + 200 * k, start + 200 * k + len(q))
                    for k, q in enumerate(quotes))
    place = gaz.places[place_id]
    where = 4 if place.kind == "province" else 3
    return Incident("Battles", sub, place.name, place, 2, where, date(2021, 5, 4), "day",
                    fatalities, None, (), None, sources, reason)


def test_the_best_evidence_is_near_one_and_every_doubt_lowers_it(gaz):
    best = confidence(_incident(gaz, quotes=(SENTENCE,) * 3))
    assert best == 1.0
    base = confidence(_incident(gaz))
    for doubt in (
        dict(reason="fuzzy match (91%); date from 'on 4 May'"),
        dict(reason="'province' cue; exact name; date from 'on 4 May'", place_id="AF-HEL"),
        dict(reason="'district' cue; exact name; date from 'on 4 May' earlier in the text"),
        dict(reason="'district' cue; exact name; no date in the text: publication date"),
        dict(fatalities=12),                       # a figure no source sentence writes
        dict(sub="Attack"),
        dict(start=LEAD * 5),                      # told deep in the article
    ):
        assert confidence(_incident(gaz, **doubt)) < base, doubt


@pytest.mark.parametrize("text", [
    "Two civilians were killed by a roadside mine in Nawa district of Helmand on Monday.",
    "Dozens of fighters were detained in Kandahar city, police said.",
])
def test_every_extracted_incident_has_a_confidence_in_range(text):
    found = extract_text(text, published=date(2021, 6, 9), source="t.txt")
    assert found
    for incident in found:
        assert 0 <= incident.properties()["confidence"] <= 1
        assert incident.confidence == confidence(incident)   # deterministic
