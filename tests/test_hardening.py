"""Hostile use of the store and the CLI options: one clear line and the documented exit
code, never a traceback; readers never write; a second writer waits, then says why."""

from __future__ import annotations

import hashlib
import json
import itertools
import sqlite3

import pytest
from typer.testing import CliRunner

from geomap.errors import StoreError
from geomap.extract.incidents import extract
from geomap.extract.merge import same_event
from geomap.text.reader import read_article
from geomap.store.incidents import Store

from geomap.cli import app

from .conftest import SEED_NO_DATE, SEED_PUBLISHED, SEED_WITH_DATE, SEEDS


def _items():
    for path in (SEED_NO_DATE, SEED_WITH_DATE):
        doc = read_article(path, published=SEED_PUBLISHED)
        yield doc, extract(doc)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.sqlite"
    with Store(path) as store:
        store.ingest(_items())
    return path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_store_is_in_wal_mode(db):
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_opening_for_reading_writes_nothing(db):
    before = _digest(db)
    with Store(db, create=False) as store:
        assert store.incidents()
        assert store.province_totals()
        with pytest.raises(StoreError, match="reading only"):
            store.ingest(_items())
    assert _digest(db) == before


def test_a_second_writer_waits_then_fails_with_a_clear_message(db):
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")                 # another ingest is writing
    try:
        with Store(db, busy_timeout=0.2) as store:
            with pytest.raises(StoreError, match="being written by another process"):
                store.ingest(_items())
            assert store.incidents()                  # reading still works meanwhile
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_batches_commit_what_came_before_a_crash(tmp_path):
    with Store(tmp_path / "b.sqlite") as store:
        def crashing():
            items = _items()
            yield next(items)
            raise KeyboardInterrupt
        with pytest.raises(KeyboardInterrupt):
            store.ingest(crashing(), batch_size=1)
        assert store.counts()[0] == 1
        report = store.ingest(_items(), batch_size=1)         # resume
        assert (report.articles_added, report.articles_skipped) == (1, 1)


def test_column_probe_decides_like_the_full_record(db):
    """The merge lookup tests stored incidents from their columns; it must agree with
    same_event on the full records (this fails if same_event starts to need more)."""
    with Store(db) as store:
        full = {i.id: i for i in store.incidents(mapped_only=False)}
        rows = store._db.execute("SELECT id, place_id, event_date, date_precision, "
                                 "event_type, sub_event_type, fatalities, injured, detained "
                                 "FROM incidents WHERE event_date IS NOT NULL").fetchall()
        probes = {row[0]: store._probe(row) for row in rows}
    others = [i for _, incidents in _items() for i in incidents]
    assert len(probes) >= 7
    for (pid, probe), other in itertools.product(probes.items(), others):
        assert same_event(probe, other) == same_event(full[pid], other), (pid, other.id)


def test_type_filter_matches_literally(db):
    with Store(db, create=False) as store:
        assert store.incidents(event_type="%") == []
        assert store.incidents(event_type="_") == []
        assert store.incidents(event_type="suicide")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("args", [
    ["query", "--province", ""], ["query", "--district", " "], ["map", "--type", ""],
    ["query", "--min-fatalities", "99999999999999999999"], ["query", "--min-fatalities", "-1"],
    ["ingest", str(SEEDS), "--jobs", "99999999999999999999"], ["extract", str(SEEDS), "-j", "-2"],
    ["ingest", str(SEEDS), "--batch-size", "0"], ["extract", str(SEEDS), "--text-field", ""],
])
def test_bad_option_values_are_one_line_exit_2(runner, db, args):
    result = runner.invoke(app, args + (["--db", str(db)] if args[0] != "extract" else []))
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert result.stderr.startswith("geomap: error: --")


def test_ingest_of_a_missing_file_creates_no_store(runner, tmp_path):
    db = tmp_path / "new" / "s.sqlite"
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", str(db)])
    assert result.exit_code == 2 and "no such file" in result.stderr
    assert not db.exists() and not db.parent.exists()


def test_extract_accepts_directories(runner):
    result = runner.invoke(app, ["extract", str(SEEDS), "--published", "2021-11-03",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count('"id": "inc-') >= 7


def test_store_that_is_not_a_database_is_exit_3(runner, tmp_path):
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"this is not a database" * 100)
    result = runner.invoke(app, ["query", "--db", str(bogus)])
    assert result.exit_code == 3 and result.stderr.count("\n") == 1


def test_atomic_write_fsyncs_file_then_directory(tmp_path, monkeypatch):
    import os

    from geomap.outputs import fileio

    synced = []
    real = os.fsync

    def spy(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(fileio.os, "fsync", spy)
    target = tmp_path / "out.geojson"
    fileio.atomic_write_text(target, "{}")
    assert target.read_text() == "{}"
    assert synced[0].startswith(str(tmp_path / ".out.geojson.")) and synced[1] == str(tmp_path)


def test_record_lines_are_the_records_as_json(db):
    with Store(db, create=False) as store:
        for filters in ({}, {"admin1_code": "AF-KAB"}, {"min_fatalities": 20},
                        {"actor": "Taliban"}):
            expected = [json.dumps(r, ensure_ascii=False) for r in store.records(**filters)]
            assert list(store.record_lines(**filters)) == expected and expected


def test_ingest_reports_unplaced_incidents_as_it_stores_them(runner, tmp_path):
    path = tmp_path / "pk.txt"
    path.write_text("A blast in Peshawar killed 8 people on Monday.", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(path), "--published", "2021-11-04", "--db",
                                 str(tmp_path / "s.sqlite"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "not mapped" in result.stderr and "Peshawar is outside Afghanistan" in result.stderr


@pytest.mark.parametrize("header", ["date 0001-01-01", "date 9999-12-31"])
def test_ingest_of_articles_dated_at_the_calendars_ends(tmp_path, header):
    for name, verb in (("a.txt", "killed"), ("b.txt", "left dead")):  # two reports of one
        (tmp_path / name).write_text(f"{header}\nA bomb {verb} three soldiers in Herat "  # event
                                     f"yesterday and last year.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                      "--db", str(tmp_path / "s.db"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.exception is None
