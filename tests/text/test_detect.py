"""Language detection on a labelled table of sentences written for these tests."""

from pathlib import Path

import pytest

from geomap.text.detect import LANGUAGES, detect

_TABLE = Path(__file__).with_name("detect_sentences.tsv")
ROWS = [tuple(line.rstrip("\n").split("\t", 1)) for line in
        _TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def test_the_table_covers_every_language():
    counts = {lang: sum(1 for row in ROWS if row[0] == lang) for lang in LANGUAGES}
    assert all(n >= 20 for n in counts.values()), counts


@pytest.mark.parametrize(("language", "sentence"), ROWS)
def test_detect(language, sentence):
    assert detect(sentence) == language


@pytest.mark.parametrize(("text", "language"), [
    ("", "en"),
    ("12 34 ۱۲", "en"),                       # no letters at all: nothing says otherwise
    ("Kabul (کابل) police said two died.", "en"),
    ("کابل", "fa"),                            # a name alone: Dari, the larger press
    ("ووژل", "ps"),
    ("د", "ps"),
])
def test_short_and_mixed_texts(text, language):
    assert detect(text) == language
