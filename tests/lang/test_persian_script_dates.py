"""Dates in Dari and Pashto: Solar Hijri days in three month-name sets, Gregorian
months in Dari and Pashto, weekdays and relative days, across Nowruz and year ends."""

from datetime import date

import pytest

from geomap.lang import fa, ps

FA, PS = fa.rules(), ps.rules()
PUBLISHED = date(2021, 5, 4)            # a Tuesday; 14 Sawr 1400


def test_no_publication_date_resolves_only_full_dates():
    assert FA.find_dates("دیروز و روز دوشنبه و ۲۴ حمل", None) == []


@pytest.mark.parametrize(("grammar", "text", "expected"), [
    (FA, "۱۴ ثور ۱۴۰۰\nدیروز سه تن کشته شدند.", date(2021, 5, 4)),
    (FA, "کابل، ۱۴ ثور ۱۴۰۰\nمتن", date(2021, 5, 4)),
    (PS, "د ۱۴۰۰ کال د غویی ۱۴مه\nمتن", date(2021, 5, 4)),
    (FA, "در ۲۴ حمل ۱۴۰۰ در یک رویداد طولانی که در این خبر یاد شده است سه تن کشته شدند\n", None),
])
def test_the_articles_own_date_on_its_first_line(grammar, text, expected):
    found = grammar.dateline_date(text, None)
    assert (found[0] if found else None) == expected


def test_deictic_days():
    refs = FA.find_dates("روز دوشنبه و دیروز", PUBLISHED)
    assert [FA.is_deictic(r) for r in refs] == [False, True]


@pytest.mark.parametrize(("grammar", "text", "expected"), [
    (FA, "کابل (پژواک ۲۴ حمل ۹۹): دیروز سه تن کشته شدند.", date(2020, 4, 12)),
    (FA, "هرات (خبرگزاری، ۲ ثور ۱۴۰۰) - دیروز دو تن زخمی شدند.", date(2021, 4, 22)),
    (PS, "کندهار (پژواک، ۲۴ وری ۱۴۰۰): پرون دوه تنه ووژل شول.", date(2021, 4, 13)),
    (PS, "د ۱۴۰۰ل کال د وري ۲۴مه\nمتن", date(2021, 4, 13)),
    (FA, "کابل (پژواک): دیروز سه تن کشته شدند.", None),
])
def test_a_datelines_date(grammar, text, expected):
    found = grammar.dateline_date(text, None)
    assert (found[0] if found else None) == expected
    if found:                               # (its span: the line or the parenthesis)
        start, end = found[1]
        assert 0 <= start < end <= 60 and "(" not in text[start:end]
