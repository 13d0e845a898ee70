"""A source says which language it was read in; English sources keep their shape."""

from datetime import date

from geomap.incident import Incident, SourceRef, incident_from_properties


def _incident(language: str) -> Incident:
    source = SourceRef("a.txt", "سه سرباز کشته شدند", 0, 19, date(2021, 5, 4), language=language)
    return Incident(event_type="Battles", sub_event_type="Armed clash", location="Afghanistan",
                    place=None, geo_precision=None, where_prec=6, event_date=date(2021, 5, 4),
                    date_precision="day", fatalities=3, injured=None, actors=(), target=None,
                    sources=(source,), reason="test")


def test_a_dari_source_says_so_and_round_trips():
    props = _incident("fa").properties()
    assert props["sources"][0]["language"] == "fa"
    assert incident_from_properties(props, None).sources[0].language == "fa"


def test_an_english_source_keeps_its_earlier_shape():
    props = _incident("en").properties()
    assert "language" not in props["sources"][0]
    assert incident_from_properties(props, None).sources[0].language == "en"
