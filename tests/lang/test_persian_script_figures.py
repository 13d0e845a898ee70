"""Dari and Pashto figures beyond what the shared table runner checks (test_tables.py):
whose side the people were on, figures said to be additional, offsets into the text as
written, and events that the gate and the trigger test agree on."""

from datetime import date
from pathlib import Path

import pytest

from geomap.lang import fa, ps

HERE = Path(__file__).parent
RULES = {"fa": fa.rules(), "ps": ps.rules()}


def _table(name: str):
    for code in RULES:
        for line in (HERE / code / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                yield pytest.param(code, *line.split("\t"), id=f"{code}-{line[:24]}")


@pytest.mark.parametrize(("code", "text", "figures"), list(_table("counts.tsv")))
def test_a_figure_quotes_the_text_as_written(code, text, figures):
    for count in RULES[code].find_counts(text):
        assert text[count.start:count.end] == count.phrase


@pytest.mark.parametrize(("code", "published", "text", "value", "precision"),
                         list(_table("dates.tsv")))
def test_a_date_quotes_the_text_as_written(code, published, text, value, precision):
    for ref in RULES[code].find_dates(text, date.fromisoformat(published)):
        assert text[ref.start:ref.end] == ref.phrase


@pytest.mark.parametrize(("code", "text", "sub_event_type"), list(_table("events.tsv")))
def test_an_event_word_is_a_trigger(code, text, sub_event_type):
    assert RULES[code].has_trigger(text) == (sub_event_type != "-")


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("fa", "سه سرباز کشته و دو تن دیگر زخمی شدند.",
     [("killed", 3, "security", False), ("wounded", 2, "person", True)]),
    ("fa", "دست کم ۲۰ جنگجوی طالب و ۴ سرباز کشته شدند.",
     [("killed", 20, "combatant", False), ("killed", 4, "security", False)]),
    ("fa", "شماری از غیرنظامیان زخمی شدند.", [("wounded", 3, "civilian", False)]),
    ("fa", "۲ سرباز کشته شدند و ۲ سرباز دیگر نیز کشته شدند.",
     [("killed", 2, "security", False), ("killed", 2, "security", True)]),
    ("ps", "درې سرتیري ووژل شول او دوه نور ټپیان شول.",
     [("killed", 3, "security", False), ("wounded", 2, "person", True)]),
    ("ps", "دوه سرتیري مړه او یو ملکی ټپی شو.",
     [("killed", 2, "security", False), ("wounded", 1, "civilian", False)]),
    ("ps", "څلور طالبان ونیول شول.", [("detained", 4, "combatant", False)]),
])
def test_whose_side_and_whether_additional(code, text, expected):
    assert [(c.kind, c.value, c.victims, c.additive) for c in RULES[code].find_counts(text)] \
        == expected
