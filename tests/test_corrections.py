"""The corrections log: decisions applied to the extraction in every view, re-applied after
another ingest, reported when they no longer apply, written all-or-nothing."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date

import pytest

from geomap.errors import InputError, StoreError
from geomap.extract.incidents import extract
from geomap.store.corrections import Correction
from geomap.store.incidents import Store
from geomap.text.reader import Document

PUBLISHED = date(2021, 6, 9)
#: two reports of my own wording: a checkpoint attack and a roadside bomb
FIRST = ("Gunmen killed four police officers at a checkpoint in Nad Ali district of Helmand "
         "province on Sunday, officials said.\n\nSeparately, two children were wounded when "
         "a roadside bomb exploded in Chaghcharan, the capital of Ghor province, on Monday.")
SECOND = ("Three soldiers died when their vehicle hit a mine in Shindand district of Herat "
          "province on Saturday, the army said.")


def _item(text: str, source: str):
    doc = Document(text=text, published=PUBLISHED, source=source)
    return doc, extract(doc)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.sqlite") as s:
        s.ingest([_item(FIRST, "first.txt")])
        yield s


def _by_location(store, **filters) -> dict:
    return {r["location"]: r for r in store.records(**filters)}


def _ids(store) -> dict[str, str]:
    return {loc: r["id"] for loc, r in _by_location(store).items()}


def test_an_untouched_store_reads_unreviewed(store):
    rows = store.records()
    assert rows and {(r["review_status"], r["reviewed_by"]) for r in rows} == {
        ("unreviewed", None)}
    assert all(0 <= r["confidence"] <= 1 for r in rows)


def test_a_rejected_incident_leaves_every_view_unless_asked_for(store):
    nad_ali = _ids(store)["Nad Ali"]
    store.correct([Correction("reject", nad_ali, "ana", note="not an attack")])
    assert nad_ali not in {r["id"] for r in store.records()}
    assert nad_ali not in {i.id for i in store.incidents()}
    assert nad_ali not in "".join(store.record_lines())
    assert nad_ali not in {r["id"] for r in store.summary_rows()}
    shown = {r["id"]: r for r in store.records(include_rejected=True)}
    assert (shown[nad_ali]["review_status"], shown[nad_ali]["reviewed_by"]) == ("rejected", "ana")


def test_an_edit_shows_in_queries_and_their_filters(store):
    nad_ali = _ids(store)["Nad Ali"]
    store.correct([Correction("edit", nad_ali, "ana", changes=(
        ("fatalities", 5), ("place_id", "AF-KAB-kabul"), ("event_date", "2021-06-05")))])
    row = {r["id"]: r for r in store.records()}[nad_ali]
    assert (row["fatalities"], row["location"], row["admin1"], row["event_date"]) == (
        5, "Kabul", "Kabul", "2021-06-05")
    assert row["review_status"] == "edited"
    assert [r["id"] for r in store.records(admin1_code="AF-KAB")] == [nad_ali]
    assert store.records(admin1_code="AF-HEL") == []
    assert [r["id"] for r in store.records(min_fatalities=5)] == [nad_ali]
    assert store.records(until=date(2021, 6, 4)) == []
    # the stored extraction itself is untouched
    raw = store._db.execute("SELECT fatalities FROM incidents WHERE id = ?",
                            (nad_ali,)).fetchone()
    assert raw == (4,)


def test_merge_split_and_undo(store):
    ids = _ids(store)
    nad_ali, ghor = ids["Nad Ali"], ids["Chaghcharan"]
    [merge] = store.correct([Correction("merge", ghor, "ana", other=nad_ali)])
    merged = {r["id"]: r for r in store.records()}
    assert ghor not in merged and len(merged[nad_ali]["sources"]) == 2
    [split] = store.correct([Correction("split", nad_ali, "bo", sources=(1,))])
    after = {r["id"]: r for r in store.records()}
    assert f"{nad_ali}-s{split}" in after and len(after[nad_ali]["sources"]) == 1
    store.correct([Correction("undo", nad_ali, "bo", target=split),
                   Correction("undo", ghor, "bo", target=merge)])
    assert {r["id"] for r in store.records()} == {nad_ali, ghor}


def test_corrections_survive_a_second_ingest(store):
    ids = _ids(store)
    store.correct([Correction("reject", ids["Chaghcharan"], "ana"),
                   Correction("edit", ids["Nad Ali"], "ana", changes=(("injured", 1),))])
    report = store.ingest([_item(FIRST, "first.txt"), _item(SECOND, "second.txt")])
    assert (report.articles_added, report.articles_skipped) == (1, 1)
    rows = _by_location(store)
    assert "Chaghcharan" not in rows and "Shindand" in rows
    assert rows["Nad Ali"]["injured"] == 1
    assert store.problems() == ()


def test_a_decision_that_no_longer_applies_is_reported(store):
    nad_ali = _ids(store)["Nad Ali"]
    store.correct([Correction("accept", nad_ali, "ana")])
    # as if a changed extraction no longer found this incident
    store._db.execute("DELETE FROM incidents WHERE id = ?", (nad_ali,))
    [problem] = store.problems()
    assert (problem.seq, problem.incident_id) == (1, nad_ali)
    assert "not in the store" in str(problem)
    assert nad_ali not in {r["id"] for r in store.records()}


@pytest.mark.parametrize("bad, message", [
    (Correction("accept", "inc-000000000000", "ana"), "not in the store"),
    (Correction("edit", "{nad_ali}", "ana", changes=(("place_id", "AF-XXX-nowhere"),)),
     "no place"),
    (Correction("undo", "{nad_ali}", "ana", target=99), "no decision #99"),
    (Correction("split", "{nad_ali}", "ana", sources=(0,)), "cannot move"),
])
def test_a_batch_with_a_bad_decision_writes_nothing(store, bad, message):
    nad_ali = _ids(store)["Nad Ali"]
    bad = Correction(bad.action, bad.incident_id.format(nad_ali=nad_ali), bad.reviewer,
                     changes=bad.changes, sources=bad.sources, target=bad.target)
    with pytest.raises(InputError, match=message):
        store.correct([Correction("reject", nad_ali, "ana"), bad])
    assert store.corrections() == []


@pytest.mark.parametrize("kwargs, message", [
    (dict(action="approve"), "unknown decision"),
    (dict(reviewer=" "), "reviewer"),
    (dict(action="edit", changes=(("fatalities", -1),)), "whole number"),
    (dict(action="edit", changes=(("notes", "x"),)), "cannot be edited"),
    (dict(action="edit", changes=(("event_date", "June 5"),)), "not a date"),
    (dict(action="merge"), "another incident"),
])
def test_bad_decisions_are_refused_when_made(kwargs, message):
    args = dict(action="accept", incident_id="inc-000000000000", reviewer="ana") | kwargs
    with pytest.raises(ValueError, match=message):
        Correction(**args)


def test_the_log_is_append_only(store):
    nad_ali = _ids(store)["Nad Ali"]
    store.correct([Correction("accept", nad_ali, "ana")])
    for sql in ("UPDATE corrections SET reviewer = 'eve'", "DELETE FROM corrections"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store._db.execute(sql)
    with Store(store.path, create=False) as reader, pytest.raises(StoreError, match="reading"):
        reader.correct([Correction("accept", nad_ali, "ana")])


_WRITER = """
import sys
from geomap.store.incidents import Store
from geomap.store.corrections import Correction
store = Store(sys.argv[1])
target = sys.argv[2]
print("ready", flush=True)
while True:
    store.correct([Correction("accept", target, "w", note=str(k)) for k in range(200)])
"""


def test_kill_9_during_a_write_leaves_whole_batches(store):
    nad_ali = _ids(store)["Nad Ali"]
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(store.path), nad_ali],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 30
        while not store.corrections() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    with Store(store.path) as again:
        written = len(again.corrections())
        assert written and written % 200 == 0
        assert again.problems() == ()


def test_a_store_from_before_confidence_gets_it_when_opened_for_writing(store):
    store._db.execute("UPDATE incidents SET record = json_remove(record, '$.confidence')")
    store._db.execute("PRAGMA user_version = 4")
    assert {r["confidence"] for r in store.summary_rows()} == {None}
    with Store(store.path) as migrated:
        rows = migrated.records()
        assert all(0 <= r["confidence"] <= 1 for r in rows)
        assert len(migrated.records(min_confidence=0.0)) == len(rows)


def test_province_totals_leave_rejected_incidents_out(store):
    nad_ali = _ids(store)["Nad Ali"]
    before = store.province_totals()["AF-HEL"]
    assert before["incidents"] == 1 and before["fatalities"] == 4
    store.correct([Correction("reject", nad_ali, "ana")])
    assert store.province_totals()["AF-HEL"] == {"incidents": 0, "fatalities": 0, "injured": 0}
    assert store.province_totals()["AF-GHO"]["incidents"] == 1
