"""Place frames of Dari and Pashto text (``persian=True``): names in every letter form,
the kind word before the name in Dari and after it in Pashto, and the province named with
a place constraining it. English text (``persian=False``) reads as it always has."""

import pytest

from geomap.places.gazetteer import load_gazetteer
from geomap.places.mentions import matcher_for
from geomap.places.resolve import group_places, resolve_mentions


def places(text: str, persian: bool = True) -> list[tuple[str, str, str]]:
    gaz = load_gazetteer()
    mentions = matcher_for(gaz).find(text, persian=persian)
    resolved = resolve_mentions(text, mentions, [(0, len(text))], persian=persian)
    return [(g.head.place.name, g.head.place.kind, g.head.place.admin1)
            for g in group_places(text, resolved)]


@pytest.mark.parametrize(("text", "expected"), [
    # Dari: the kind before the name; the district and its province one place
    ("در ولسوالی سنگین ولایت هلمند", [("Sangin", "district", "Helmand")]),
    # the province named after a place chooses among places of that name
    ("در ولسوالی مقر ولایت غزنی", [("Muqêr", "town", "Ghazni")]),
    ("در ولسوالی مقر ولایت بادغیس", [("Muqur", "district", "Badghis")]),
    # Pashto's letters and the Arabic yeh of its spelling
    ("په ننګرهار ولایت کې", [("Nangarhar", "province", "Nangarhar")]),
    ("د پکتيا ولایت د زرمت ولسوالۍ", [("Zurmat", "district", "Paktia")]),
    # a zero-width non-joiner inside a name
    ("در شهر جلال‌آباد", [("Jalālābād", "city", "Nangarhar")]),
    # a district spelt as the gazetteer does not, in a text that names its province
    ("در ولسوالی خوگیانی ولایت ننگرهار", [("Khogayani", "district", "Nangarhar")]),
    ("د ننګرهار ولایت د خوګیاني ولسوالۍ", [("Khogayani", "district", "Nangarhar")]),
    ("طالبان در ولسوالی اندر ولایت غزنی", [("Andar", "district", "Ghazni")]),
    # words that are also names: a month's day, an airfield
    ("روز ۲۶ میزان در ولسوالی سپین بولدک", [("Spin Boldak", "district", "Kandahar")]),
    ("در نزدیکی میدان هوایی شهر جلال‌آباد", [("Jalālābād", "city", "Nangarhar")]),
])
def test_frames(text, expected):
    assert places(text) == expected


def test_kind_before_the_name_is_dari_only():
    # read as English would, Sangin takes the kind word after it (Helmand's "ولایت")
    gaz = load_gazetteer()
    text = "ولسوالی سنگین ولایت هلمند"
    cues = [m.cue for m in matcher_for(gaz).find(text)]
    assert cues == ["province", None]
    assert [m.cue for m in matcher_for(gaz).find(text, persian=True)] == ["district", "province"]


def test_pashto_letters_are_matched_only_in_persian_text():
    assert places("په ننګرهار ولایت کې", persian=False) == []
