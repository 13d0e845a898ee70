"""Whole Dari and Pashto articles through the one extraction (written for these tests)."""

from datetime import date

import pytest

from geomap.extract.incidents import extract_text


def _seen(text: str, language: str | None = None):
    return [(i.location, i.place.admin1 if i.place else None, i.sub_event_type, i.fatalities,
             i.injured, i.detained, i.event_date) for i in extract_text(text, language=language)]


def test_the_issues_example():
    text = ("date 2021-05-04\nدر انفجار یک ماین کنار جاده در ولسوالی سنگین ولایت هلمند سه "
            "سرباز کشته و دو تن دیگر زخمی شدند.")
    assert _seen(text, None) == [("Sangin", "Helmand", "Remote explosive/landmine/IED", 3, 2,
                                  None, date(2021, 5, 4))]


def test_the_articles_own_solar_hijri_date_dates_yesterday():
    text = ("۱۲ جوزا ۱۴۰۰\nدیروز در ولسوالی اندر ولایت غزنی چهار جنگجوی طالب در درگیری با "
            "نیروهای امنیتی کشته شدند.")
    [seen] = _seen(text, "fa")
    assert seen[:4] == ("Andar", "Ghazni", "Armed clash", 4) and seen[-1] == date(2021, 6, 1)


def test_a_pashto_article_with_its_frames_and_a_weekday():
    text = ("date 2021-05-04\nد پکتیا ولایت د زرمت ولسوالۍ کې د دوشنبې په ورځ د امنیتي ځواکونو "
            "په هوايي برید کې اووه وسله وال ووژل شول.")
    assert _seen(text, None) == [("Zurmat", "Paktia", "Air/drone strike", 7, None, None,
                                  date(2021, 5, 3))]


@pytest.mark.parametrize("text", [
    # a roundup of a year's tolls over the country
    "date 2021-06-01\nوزیر دفاع روز دوشنبه در کابل صحبت کرد. در سال گذشته صدها غیرنظامی در "
    "حملات مختلف در کشور جان باختند.",
    "date 2021-06-01\nد کابل ښار اوسېدونکو وویل چې بازارونه ګڼه ګوڼه دي. تېر کال په هېواد کې "
    "په بېلابېلو بریدونو کې سلګونه ملکیان ووژل شول.",
    # a reaction
    "date 2021-06-01\nوزارت خارجه حمله روز گذشته در کابل را محکوم کرد.",
])
def test_no_incident(text):
    assert _seen(text, None) == []


def test_a_datelines_solar_date_dates_yesterday():
    text = ("کابل (پژواک ۲۴ حمل ۹۹): مقامات محلی می گویند که دیروز در انفجار یک ماین کنار جاده "
            "در ولسوالی اندر ولایت غزنی سه غیرنظامی کشته شدند.")
    assert _seen(text, None) == [("Andar", "Ghazni", "Remote explosive/landmine/IED", 3, None,
                                  None, date(2020, 4, 11))]


def test_a_long_place_phrase_between_the_people_and_their_verb():
    text = ("date 2021-05-20\nدر رویدادی دیگر، سه غیرنظامی در انفجار یک بمب کنار جاده در ولسوالی "
            "شیندند ولایت هرات جان باختند.")
    assert _seen(text, None) == [("Shindand", "Herat", "Remote explosive/landmine/IED", 3,
                                  None, None, date(2021, 5, 20))]


@pytest.mark.parametrize("text", [
    "date 2021-05-20\nسخنگوی طالبان ادعا کرد که جنگجویان این گروه ۲۰ سرباز را در ولسوالی "
    "ارغنداب ولایت کندهار کشته اند، اما وزارت دفاع گفت که در این درگیری دو سرباز کشته شدند.",
    "date 2021-05-20\nد طالبانو ویاند ادعا وکړه چې د کندهار ولایت په ارغنداب ولسوالۍ کې یې لس "
    "سرتیري وژلي دي، خو د دفاع وزارت وویل چې په نښته کې دوه سرتیري ووژل شول.",
])
def test_an_armed_groups_claim_gives_way_to_the_officials_figure(text):
    [seen] = _seen(text, None)
    assert (seen[0], seen[1], seen[3]) == ("Arghandab", "Kandahar", 2)   # (the ministry,
    # which speaks, is no place)
