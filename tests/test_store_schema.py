"""The store's schema: older stores are migrated when opened for writing, and the
same-event lookup reads one index range per date window whatever the store's size."""

from __future__ import annotations

import sqlite3

import pytest

from geomap.extract.incidents import extract
from geomap.text.reader import read_article
from geomap.store.incidents import _VERSION as _STORE_VERSION, Store

from .conftest import SEED_NO_DATE, SEED_PUBLISHED, SEED_WITH_DATE

#: The indexes of a version-3 store (before the same-event index put the date first).
V3_INDEXES = """
CREATE INDEX incidents_admin1 ON incidents (admin1_code, event_date);
CREATE INDEX incidents_merge
    ON incidents (admin1_code, admin2_id, date_precision, event_date, event_type,
                  sub_event_type, id, place_id, fatalities, injured, detained);
"""
COLUMNS = ("id, event_date, date_precision, event_type, sub_event_type, admin1_code, "
           "admin2_id, place_id, lat, lon, fatalities, injured, detained, record")


def _items():
    for path in (SEED_NO_DATE, SEED_WITH_DATE):
        doc = read_article(path, published=SEED_PUBLISHED)
        yield doc, extract(doc)


def _rows(path) -> list[tuple]:
    with sqlite3.connect(path) as con:
        return con.execute(f"SELECT {COLUMNS} FROM incidents ORDER BY id").fetchall()


def _indexes(path) -> set[str]:
    with sqlite3.connect(path) as con:
        return {name for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def _version(path) -> int:
    with sqlite3.connect(path) as con:
        return con.execute("PRAGMA user_version").fetchone()[0]


def _downgrade(path, version: int) -> None:
    """Give a store the indexes (and for version 1 the columns) of an older version."""
    with sqlite3.connect(path) as con:
        con.execute("DROP INDEX incidents_probe")
        if version == 1:
            con.execute("ALTER TABLE incidents DROP COLUMN detained")
        else:
            con.executescript(V3_INDEXES)
        con.execute(f"PRAGMA user_version = {version}")


@pytest.fixture
def reference(tmp_path):
    """Rows of a store that ingested both articles with the current schema."""
    path = tmp_path / "reference.sqlite"
    with Store(path) as store:
        docs = list(_items())
        store.ingest(docs[:1])
        store.ingest(docs[1:])
    return _rows(path)


@pytest.mark.parametrize("version", [1, 3])
def test_an_older_store_is_migrated_and_merges_as_a_new_one(tmp_path, reference, version):
    path = tmp_path / "old.sqlite"
    docs = list(_items())
    with Store(path) as store:
        store.ingest(docs[:1])
    _downgrade(path, version)
    with Store(path, create=False) as reader:      # reading an old store writes nothing
        assert reader.incidents(admin1_code="AF-KAB")
    assert _version(path) == version
    with Store(path) as store:
        report = store.ingest(docs[1:])
    assert report.incidents_merged >= 1
    assert _version(path) == _STORE_VERSION
    assert _indexes(path) == {"incidents_probe", "incidents_date"}
    if version == 1:    # the column added by the migration: figures read again from records
        assert [r[:12] + r[13:] for r in _rows(path)] == [r[:12] + r[13:] for r in reference]
    else:
        assert _rows(path) == reference


@pytest.mark.parametrize("district", [True, False], ids=["district-level", "province-level"])
def test_same_event_lookup_is_one_index_range_per_window(tmp_path, district):
    """Seeking the province, precision and date window (not the province alone) is what
    keeps an ingest's cost flat as the store grows (benchmarks/bench_corpus.py)."""
    with Store(tmp_path / "s.sqlite") as store:
        store.ingest(_items())
        (incident,) = store.incidents(admin1_code="AF-KAB")[:1]
        if not district:
            province = store.gazetteer.province("Kabul")
            incident = incident.with_(place=province)
        sql = []
        store._db.set_trace_callback(sql.append)
        store._candidates(incident)
        store._db.set_trace_callback(None)
        (query,) = [s for s in sql if "incidents_probe" in s]
        plan = [row[3] for row in store._db.execute("EXPLAIN QUERY PLAN " + query)]
    searches = [step for step in plan if step.startswith("SEARCH")]
    assert len(searches) == 3
    for step in searches:
        assert "COVERING INDEX incidents_probe (admin1_code=? AND date_precision=? AND " \
               "event_date>? AND event_date<?)" in step
