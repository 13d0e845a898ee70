"""Bad input gives one clear InputError, never a traceback or silent loss."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.errors import GeomapError, InputError
from geomap.text.reader import make_document, read_article, split_sentences


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "empty article"),
    ("blank.txt", b"  \n\n\t ", "empty article"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("latin1.txt", "Kaboul: l'explosion a tué".encode("latin-1"), "not UTF-8"),
])
def test_bad_files(tmp_path, name, data, message):
    with pytest.raises(InputError, match=message):
        read_article(_write(tmp_path, name, data))


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_directory(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_article(tmp_path)


def test_huge_file_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:           # sparse: 1 GB without using the disk
        handle.truncate(1024 ** 3)
    with pytest.raises(InputError, match="too large"):
        read_article(path)


def test_errors_share_one_root():
    assert issubclass(InputError, GeomapError) and issubclass(InputError, ValueError)


def test_date_header_sets_publication_and_keeps_offsets():
    doc = make_document(" date 2021-11-04 The attack.\nMore.", published=date(2000, 1, 1))
    assert doc.published == date(2021, 11, 4)
    assert doc.text.index("The attack") == len(" date 2021-11-04 ")


def test_utf16_with_bom(tmp_path):
    path = _write(tmp_path, "u16.txt", "A blast in Kabul.".encode("utf-16"))
    assert read_article(path).text == "A blast in Kabul."


def test_sentences_keep_offsets():
    text = "Blasts hit Kabul. Gen. Ali said 3 died in the U.S. embassy area.\n\nNew para."
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
    assert [s.text[:6] for s in split_sentences(text)] == ["Blasts", "Gen. A", "New pa"]
