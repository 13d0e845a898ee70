import pytest

from geomap.places.names import fold, phonetic, split_generic

SAME_FOLD = [
    ("Mazar-i-Sharif", "Mazar-e Sharif"), ("Mazar-i-Sharif", "Mazari Sharif"),
    ("Mazar-e-Sharif", "mazar e sharif"), ("Pul-e-Khumri", "Puli Khumri"),
    ("Dasht-e-Barchi", "Dashti Barchi"), ("KABUL", "kabul"), ("Kābul", "Kabul"),
    ("Lashkar Gah", "Lashkargah"), ("Sar-e Pol", "Sar e Pol"),
    ("كابل", "کابل"),                      # Arabic kaf vs Persian keheh
    ("هرات", "هرات\u200c"),                 # zero-width non-joiner
]
SAME_PHONETIC = [("Panjsher", "Panjshir"), ("Qandahar", "Kandahar"), ("Sar-e Pol", "Sari Pul"),
                 ("Kondoz", "Kunduz"), ("Paktiya", "Paktia")]


@pytest.mark.parametrize("a,b", SAME_FOLD)
def test_fold_merges_spellings(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize("a,b", SAME_PHONETIC)
def test_phonetic_merges_transliterations(a, b):
    assert phonetic(a) == phonetic(b)


@pytest.mark.parametrize("a,b", [("Kabul", "Kunar"), ("Herat", "Helmand"), ("Khost", "Khash")])
def test_different_names_stay_different(a, b):
    assert phonetic(a) != phonetic(b)


@pytest.mark.parametrize("query,base,hint", [
    ("Kandahar province", "Kandahar", "province"),
    ("Kandahar city", "Kandahar", "city"),
    ("Sangin district", "Sangin", "district"),
    ("province of Herat", "Herat", "province"),
    ("ولایت پنجشیر", "پنجشیر", "province"),
    ("Wolayat Kunar", "Kunar", "province"),
    ("Kabul", "Kabul", None),
    ("District", "District", None),          # a lone generic word is kept
])
def test_split_generic(query, base, hint):
    assert split_generic(query) == (base, hint)
