"""News reports: one runner over sentence tables kept as data.

``failure_classes.jsonl`` holds every example of ``news_failure_classes.md`` (invented
sentences, one per line: the class, the ``date`` header the article carries, its text and
the incidents expected); ``sentences*.jsonl`` hold this project's own sentences for the
same classes, in other words. An expected incident lists only the fields it checks; the
number of incidents must match exactly (``[]``: the text reports none). ``admin2`` is
compared folded, either name containing the other ("Pech" finds "Dara-I-Pech"), or by
sound ("Sayedabad" finds "Saydabad").

A line with ``"open"`` names a class not fixed yet: its test is expected to fail (strict,
so that a fix shows up and the line is updated).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geomap.extract import extract
from geomap.places.names import fold, phonetic
from geomap.text.reader import make_document, parse_date

HERE = Path(__file__).parent


def _cases(name: str):
    for number, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            marks = [pytest.mark.xfail(reason=row["open"], strict=True)] if row.get("open") else []
            yield pytest.param(row, id=f"{row['class']}-{name.split('.')[0]}-{number}", marks=marks)


def _agrees(key: str, want, got) -> bool:
    if key == "admin2" and want is not None:
        a, b = fold(want), fold(got or "")
        return bool(b) and (a in b or b in a or phonetic(want) == phonetic(got))
    return want == got


def _run(row: dict) -> list[dict]:
    text = f"date {row['date']}\n{row['text']}"
    document = make_document(text, source="<test>")
    return [i.properties() for i in extract(document)]


def _check(row: dict) -> None:
    found = _run(row)
    expect = row["expect"]
    summary = [{k: inc.get(k) for k in ("location", "admin1", "admin2", "fatalities", "injured",
                                          "detained", "event_date", "sub_event_type")}
               for inc in found]
    assert len(found) == len(expect), summary
    for want, inc in zip(expect, found):
        assert all(_agrees(k, v, inc.get(k)) for k, v in want.items()), (want, summary)


@pytest.mark.parametrize("row", list(_cases("failure_classes.jsonl")))
def test_failure_class_examples(row):
    _check(row)


@pytest.mark.parametrize("row", [case for path in sorted(HERE.glob("sentences*.jsonl"))
                                 for case in _cases(path.name)])
def test_own_sentences(row):
    _check(row)
