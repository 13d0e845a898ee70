"""Sentence tables of each language pack, one runner for all of them.

Each ``tests/lang/<code>/<table>.tsv`` holds test sentences written for these tests (in
the pack's language, never taken from the evaluation data), one a row, tab-separated,
``#`` lines are comments. The table's name says which rule it checks:

- ``counts.tsv``: text, the figures in text order (``killed=12 wounded=9``; ``-`` none);
- ``dates.tsv``: publication date, text, the first date's value and precision (``-`` none);
- ``events.tsv``: text, the ACLED sub-event type (``-``: no event type);
- ``clauses.tsv``: text, ``reaction``, ``not_an_event``, ``tally`` or ``-``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geomap.lang import LANGUAGES, get_pack

HERE = Path(__file__).parent


def _check_counts(pack, text, figures):
    got = " ".join(f"{c.kind}={c.value}" for c in pack.find_counts(text)) or "-"
    assert got == figures


def _check_dates(pack, published, text, value, precision):
    refs = pack.find_dates(text, date.fromisoformat(published))
    got = (refs[0].value.isoformat(), refs[0].precision) if refs else ("-", "-")
    assert got == (value, precision)


def _check_events(pack, text, sub_event_type):
    kind = pack.classify_event(text)
    assert (kind.sub_event_type if kind else "-") == sub_event_type


def _check_clauses(pack, text, clause):
    got = [name for name, found in (("reaction", pack.is_reaction(text)),
                                    ("not_an_event", pack.is_not_an_event(text)),
                                    ("tally", pack.tally_span(text) is not None)) if found]
    assert got == ([] if clause == "-" else [clause])


CHECKS = {"counts": (_check_counts, 2), "dates": (_check_dates, 4),
          "events": (_check_events, 2), "clauses": (_check_clauses, 2)}


def _rows():
    for code in LANGUAGES:
        for path in sorted((HERE / code).glob("*.tsv")):
            lines = path.read_text(encoding="utf-8").splitlines()
            for line_no, line in enumerate(lines, start=1):
                if line.strip() and not line.startswith("#"):
                    yield pytest.param(code, path.stem, line.split("\t"),
                                       id=f"{code}/{path.name}:{line_no}")


@pytest.mark.parametrize("code, table, fields", list(_rows()))
def test_row(code, table, fields):
    assert table in CHECKS, f"no runner for tests/lang/{code}/{table}.tsv"
    check, width = CHECKS[table]
    assert len(fields) == width, f"want {width} tab-separated fields, got {fields}"
    check(get_pack(code), *fields)


def test_every_pack_has_tables():
    for code in LANGUAGES:
        assert {p.stem for p in (HERE / code).glob("*.tsv")} == set(CHECKS), code
