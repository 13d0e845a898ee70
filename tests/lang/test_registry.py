"""The language registry: a pack by code, a clear error for an unknown one."""

from __future__ import annotations

import pytest

from geomap.errors import GeomapError
from geomap.lang import LANGUAGES, LanguagePack, UnknownLanguageError, get_pack
from geomap.sources.article import Article
from geomap.text.reader import make_document


def test_every_registered_code_gives_its_own_pack():
    for code in LANGUAGES:
        pack = get_pack(code)
        assert isinstance(pack, LanguagePack) and pack.code == code


@pytest.mark.parametrize("code", ["xx", "EN", "", "english"])
def test_an_unknown_code_names_the_known_ones(code):
    with pytest.raises(UnknownLanguageError) as err:
        get_pack(code)
    assert isinstance(err.value, GeomapError) and isinstance(err.value, ValueError)
    assert all(known in str(err.value) for known in LANGUAGES)


def test_documents_and_articles_carry_their_language():
    assert make_document("Blast in Kabul.").language == "en"
    assert make_document("Blast in Kabul.", language="fa").language == "fa"
    article = Article("Blast in Kabul.", None, "<t>", language="ps")
    assert article.document().language == "ps"


def test_extraction_reads_the_rules_of_the_documents_language():
    from geomap.extract import extract
    document = make_document("A bomb killed two people in Kabul.", language="xx")
    with pytest.raises(UnknownLanguageError):
        extract(document)
