"""The incident store: an embedded SQLite database file.

Ingest commits in batches (every ``batch_size`` articles, 500 by default), each batch one
transaction: a crash or ``kill -9`` mid-ingest loses at most the batch in flight, never
half an article. Articles are keyed by a hash of their text and publication date, so
re-ingesting an article adds nothing and running an interrupted ingest again resumes it:
the stored articles are skipped and the store ends with exactly the rows of an
uninterrupted run. (Before batching, one ingest was one transaction.) A new article that
reports a known incident adds its sources to that incident (see :mod:`geomap.merge`).

The database is in WAL mode, so readers (``query``, ``provinces``, ``map``) are never
blocked by a running ingest; opening a store for reading writes nothing. A second writer
waits up to ``busy_timeout`` seconds for the first, then fails with a clear message.

Tables: ``articles`` (one row per ingested article), ``incidents`` (one row
per event, indexed columns for queries plus the full record as JSON: the extraction,
never edited by hand) and ``corrections`` (the analysts' append-only log of decisions,
see :mod:`geomap.store.corrections`). Every reading method shows the incidents with the
log applied: rejected and merged-away incidents are left out (``include_rejected=True``
shows the rejected), and each record carries ``review_status`` and ``reviewed_by``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..errors import InputError, StoreError
from ..incident import Incident, SourceRef, incident_from_properties
from .corrections import Applied, Correction, DecisionError, Problem, apply_corrections

if TYPE_CHECKING:
    from ..places.gazetteer import Gazetteer
    from ..text.reader import Document

# Writing needs the merge rules and the gazetteer; reading them is left to the writing
# methods, so that a query (a new process each time) does not compile the codebooks.

__all__ = ["Store", "IngestReport", "article_key", "filter_ids", "DEFAULT_DB", "BATCH_SIZE",
           "BUSY_TIMEOUT", "Correction", "Problem"]


def filter_ids(store: "Store", *, province: str | None = None,
               district: str | None = None, actor: str | None = None
               ) -> tuple[str | None, str | None, str | None]:
    """(province code, district id, canonical actor) of query filters given as names in
    any spelling, script or alias; InputError (with close names) for an unknown place.
    The CLI's filters and :func:`geomap.read_incidents` both read them here."""
    code = district_id = canonical_actor = None
    if province:
        code = store.province_code(province)
        if code is None:
            close = ", ".join(store.gazetteer.suggest(province, kind="province"))
            raise InputError(f"unknown province {province!r} (did you mean: {close}?)")
    if district:
        gazetteer = store.gazetteer
        ranked = [c for c in gazetteer.lookup(district, kind="district", limit=10)
                  if c.place.kind == "district" and (code is None or c.place.admin1_code == code)]
        if not ranked:
            close = ", ".join(gazetteer.suggest(district, kind="district"))
            raise InputError(f"unknown district {district!r} (did you mean: {close}?)")
        district_id = ranked[0].place.id
    if actor:
        from ..rules.lexicon import find_actors

        hits = find_actors(actor)
        canonical_actor = hits[0].actor if hits else actor
    return code, district_id, canonical_actor

#: Articles per committed batch.
BATCH_SIZE = 500
#: Seconds a writer waits for another writer before giving up.
BUSY_TIMEOUT = 30.0

#: Default store location, relative to the working directory.
DEFAULT_DB = Path("outputs") / "incidents.sqlite"

#: ``PRAGMA user_version`` of the schema below; an older store is migrated when opened
#: for writing. 3 -> 4: the same-event index puts the date before the district (a
#: province-level report then finds its candidates by one range, not by scanning its
#: province), and it serves the province filter too, so incidents_admin1 is dropped:
#: one index fewer to update per stored incident. 4 -> 5: the corrections log (append-only:
# triggers refuse UPDATE and DELETE).
_VERSION = 5

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    published TEXT,
    incidents INTEGER NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS incidents (
    id TEXT PRIMARY KEY,
    event_date TEXT,
    date_precision TEXT,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    admin1_code TEXT,
    admin2_id TEXT,
    place_id TEXT,
    lat REAL,
    lon REAL,
    fatalities INTEGER,
    injured INTEGER,
    detained INTEGER,
    record TEXT NOT NULL
);
DROP INDEX IF EXISTS incidents_admin1;
DROP INDEX IF EXISTS incidents_same_event;
DROP INDEX IF EXISTS incidents_merge;
CREATE INDEX IF NOT EXISTS incidents_probe
    ON incidents (admin1_code, date_precision, event_date, admin2_id, event_type,
                  sub_event_type, id, place_id, fatalities, injured, detained);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents (event_date);
CREATE TABLE IF NOT EXISTS corrections (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    reviewer TEXT NOT NULL,
    action TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{{}}',
    note TEXT NOT NULL DEFAULT ''
);
PRAGMA user_version = {_VERSION};
"""
# (each one statement: _SCHEMA is run statement by statement, split at ';')
_TRIGGERS = [f"""CREATE TRIGGER IF NOT EXISTS corrections_no_{verb.lower()}
    BEFORE {verb} ON corrections
    BEGIN SELECT RAISE(ABORT, 'the corrections log is append-only'); END"""
             for verb in ("UPDATE", "DELETE")]

# The columns same_event needs, to test a stored incident without decoding its record;
# incidents_probe covers them, so finding candidates never reads the table itself.
_PROBE_COLUMNS = ("id, place_id, event_date, date_precision, event_type, sub_event_type, "
                  "fatalities, injured, detained")
_PROBE_SOURCE = (SourceRef("<stored>", "", 0, 0),)
#: the record fields of a summary table (Store.summary_rows), besides the source count
_SUMMARY = ("event_date", "sub_event_type", "location", "admin1", "admin2", "fatalities",
            "injured", "geo_precision", "confidence", "review_status", "id")
#: the review of an incident no decision names
_UNREVIEWED = {"review_status": "unreviewed", "reviewed_by": None}
_UNREVIEWED_TEXT = json.dumps(_UNREVIEWED)[1:-1]


@dataclass(frozen=True, slots=True)
class IngestReport:
    articles_added: int
    articles_skipped: int
    incidents_added: int
    incidents_merged: int
    unplaced: tuple[Incident, ...]


def article_key(document: Document) -> str:
    """Identity of an article: its text and publication date, not its file name."""
    digest = hashlib.sha256(document.text.strip().encode("utf-8"))
    digest.update(str(document.published).encode())
    return digest.hexdigest()


class Store:
    """An incident database at ``path`` (created on first use)."""

    def __init__(self, path: str | os.PathLike = DEFAULT_DB, *,
                 gazetteer: Gazetteer | None = None, create: bool = True,
                 busy_timeout: float = BUSY_TIMEOUT) -> None:
        """Open for writing (``create=True``: made if missing) or, with ``create=False``,
        for reading only: nothing is written then, and a missing store is an error."""
        self.path = Path(path)
        self._gazetteer = gazetteer
        self._busy_timeout = busy_timeout
        self.readonly = not create
        if not create and not self.path.exists():
            raise StoreError(f"no incident store at {self.path} (run 'geomap ingest' first)")
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=busy_timeout)
            # a large store is read by index lookups all over the file: cache more of it
            # than SQLite's 2 MB default (64 MB at most), so lookups stay memory lookups
            self._db.execute("PRAGMA cache_size = -65536")
            if self.readonly:
                self._db.execute("PRAGMA query_only = ON")
                self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            else:
                self._setup()
        except sqlite3.OperationalError as err:
            raise self._error(err) from err
        except (OSError, sqlite3.Error) as err:
            raise StoreError(f"cannot open incident store {self.path}: {err}") from err

    def _setup(self) -> None:
        if self._db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")   # WAL: durable across a kill -9
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version != _VERSION:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                columns = {r[1] for r in self._db.execute("PRAGMA table_info(incidents)")}
                if columns and "detained" not in columns:   # a version-1 store: add the
                    self._db.execute("ALTER TABLE incidents ADD COLUMN detained INTEGER")
                for statement in _SCHEMA.split(";"):       # column before indexing it
                    if statement.strip():
                        self._db.execute(statement)
                for statement in _TRIGGERS:
                    self._db.execute(statement)
                self._add_confidence()
                self._db.execute("COMMIT")
            finally:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")

    def _add_confidence(self) -> None:
        """Records stored before confidence existed get it (their own evidence decides
        it), so --min-confidence and the review queue read every record alike."""
        rows = self._db.execute("SELECT record FROM incidents "
                                "WHERE json_extract(record, '$.confidence') IS NULL").fetchall()
        for (record,) in rows:
            self._write(self._load(record), replace=True)

    def _error(self, err: sqlite3.Error) -> StoreError:
        if isinstance(err, sqlite3.OperationalError) and "locked" in str(err):
            return StoreError(f"incident store {self.path} is being written by another process "
                              f"(waited {self._busy_timeout:g} s); try again when it has "
                              "finished")
        return StoreError(f"incident store {self.path}: {err}")

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from ..places.gazetteer import load_gazetteer

            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def province_code(self, name: str) -> str | None:
        """The ISO code of the province ``name`` denotes in any spelling, script or alias
        (None: no province). A name that is exactly one province's is read from the
        gazetteer's files without loading the gazetteer (a query's start-up)."""
        if self._gazetteer is None:
            from ..places.gazetteer import province_code

            code = province_code(name)
            if code is not None:
                return code
        place = self.gazetteer.province(name)
        return place.admin1_code if place else None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------

    def has(self, document: Document) -> bool:
        """True when this article is stored already."""
        return self._db.execute("SELECT 1 FROM articles WHERE key = ?",
                                (article_key(document),)).fetchone() is not None

    def ingest(self, items: Iterable[tuple[Document, list[Incident]]],
               progress: Callable[[], None] | None = None, *,
               batch_size: int = BATCH_SIZE,
               on_unplaced: Callable[[Incident], None] | None = None) -> IngestReport:
        """Add articles and their incidents, committing every ``batch_size`` articles.

        An exception (or a kill) loses only the batch in flight; what was committed
        stays, and ingesting the same articles again adds just the rest. Incidents with
        no place in Afghanistan go to ``on_unplaced`` as they come when it is given (so a
        long ingest does not hold them all), else into the report.
        """
        if self.readonly:
            raise StoreError(f"incident store {self.path} was opened for reading only")
        added = skipped = new = merged = 0
        unplaced: list[Incident] = []
        in_batch = 0
        try:
            self._db.execute("BEGIN IMMEDIATE")
            for document, incidents in items:
                key = article_key(document)
                if self._db.execute("SELECT 1 FROM articles WHERE key = ?", (key,)).fetchone():
                    skipped += 1
                else:
                    added += 1
                    in_batch += 1
                    self._db.execute(
                        "INSERT INTO articles (key, source, published, incidents) VALUES (?,?,?,?)",
                        (key, document.source,
                         document.published.isoformat() if document.published else None,
                         len(incidents)))
                    for incident in incidents:
                        if not incident.mapped:
                            (on_unplaced or unplaced.append)(incident)
                        if self._add(incident):
                            merged += 1
                        else:
                            new += 1
                    if in_batch >= batch_size:
                        self._db.execute("COMMIT")
                        self._db.execute("BEGIN IMMEDIATE")
                        in_batch = 0
                if progress:
                    progress()
            self._db.execute("COMMIT")
        except BaseException as err:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if isinstance(err, sqlite3.Error):
                raise self._error(err) from err
            raise
        return IngestReport(added, skipped, new, merged, tuple(unplaced))

    def _add(self, incident: Incident) -> bool:
        """Insert, or merge into a stored report of the same event; True if merged."""
        from ..extract.merge import merge_pair, same_event

        for row in self._candidates(incident):
            if same_event(self._probe(row), incident):
                existing = self._load(self._db.execute(
                    "SELECT record FROM incidents WHERE id = ?", (row[0],)).fetchone()[0])
                self._write(merge_pair(existing, incident), replace=True)
                return True
        self._write(incident, replace=False)
        return False

    def _probe(self, row: tuple) -> Incident:
        """A stored incident rebuilt from its indexed columns only: enough for
        same_event (place, date, type, counts), without decoding its JSON record."""
        (id_, place_id, event_date, precision, event_type, sub_event_type,
         fatalities, injured, detained) = row
        place = self.gazetteer.places.get(place_id) if place_id else None
        return Incident(id=id_, event_type=event_type, sub_event_type=sub_event_type,
                        location="", place=place, geo_precision=None, where_prec=6,
                        event_date=date.fromisoformat(event_date), date_precision=precision,
                        fatalities=fatalities, injured=injured, detained=detained, actors=(),
                        target=None, sources=_PROBE_SOURCE, reason="", country="")

    def _candidates(self, incident: Incident) -> list[tuple]:
        """Stored incidents that may be the same event, by indexed ranges only: the same
        province, the same district or none, a date window per stored precision. The cost
        depends on how many reports share that place and time, not on the store's size."""
        from ..rules.dates import shift
        from ..extract.merge import date_span

        if incident.place is None or incident.event_date is None:
            return []
        start, end = date_span(incident.event_date, incident.date_precision)
        place = incident.place
        windows = [("'day', 'week'", shift(start, -7).isoformat(), shift(end, 7).isoformat()),
                   # a month is stored as its 1st day, a year as 1 January
                   ("'month'", start.replace(day=1).isoformat(), end.isoformat()),
                   ("'year'", f"{start.year}-01-01", f"{end.year}-12-31")]
        # a district-level report can match the same district or a province-level report;
        # a province-level report can match any report in its province. The district is
        # tested inside the (province, precision, date) range of the index: seeking on it
        # would leave a province-level report to scan its province's every report.
        district = " AND (admin2_id = ? OR admin2_id IS NULL)" if place.admin2_id else ""
        parts, args = [], []
        for precisions, low, high in windows:
            parts.append(f"SELECT {_PROBE_COLUMNS} FROM incidents INDEXED BY incidents_probe"
                         f" WHERE admin1_code = ? AND date_precision IN ({precisions})"
                         f" AND event_date BETWEEN ? AND ?{district}"
                         " AND (event_type = ? OR sub_event_type = 'Attack' OR ? = 'Attack')")
            args += [place.admin1_code, low, high] + ([place.admin2_id] if district else [])
            args += [incident.event_type, incident.sub_event_type]
        return self._db.execute(" UNION ALL ".join(parts) + " ORDER BY 3, 1", args).fetchall()

    def _write(self, incident: Incident, *, replace: bool) -> None:
        p = incident.place
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        self._db.execute(
            f"{verb} INTO incidents (id, event_date, date_precision, event_type, sub_event_type, "
            "admin1_code, admin2_id, place_id, lat, lon, fatalities, injured, detained, record) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (incident.id, incident.event_date.isoformat() if incident.event_date else None,
             incident.date_precision, incident.event_type, incident.sub_event_type,
             p.admin1_code if p else None, (p.admin2_id or None) if p else None,
             p.id if p else None, p.lat if p else None, p.lon if p else None,
             incident.fatalities, incident.injured, incident.detained,
             json.dumps(incident.properties(), ensure_ascii=False)))

    def _load(self, record: str) -> Incident:
        return self._load_props(json.loads(record))

    def _load_props(self, props: dict) -> Incident:
        place = self.gazetteer.places.get(props["place_id"]) if props["place_id"] else None
        return incident_from_properties(props, place)

    # -- corrections -----------------------------------------------------------

    def corrections(self) -> list[Correction]:
        """The log of decisions, oldest first (empty for a store made before the log)."""
        try:
            rows = self._db.execute("SELECT seq, at, reviewer, action, incident_id, payload, "
                                    "note FROM corrections ORDER BY seq").fetchall()
        except sqlite3.OperationalError as err:
            if "no such table" in str(err):
                return []
            raise self._error(err) from err
        return [Correction.from_row(*row) for row in rows]

    def correct(self, decisions: Iterable[Correction]) -> list[int]:
        """Append decisions to the log in one transaction, after checking that each
        applies to the store as it is (with the decisions before it): all are written,
        or none (DecisionError naming the first that cannot apply). Their numbers."""
        if self.readonly:
            raise StoreError(f"incident store {self.path} was opened for reading only")
        decisions = list(decisions)
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                log = self.corrections()
                first = (log[-1].seq if log else 0) + 1
                pending = [replace(c, seq=first + k) for k, c in enumerate(decisions)]
                problems = [p for p in self._applied(log + pending).problems
                            if p.seq is not None and p.seq >= first]
                if problems:
                    raise DecisionError(str(problems[0]), problems[0].seq - first)
                seqs = []
                for c in decisions:
                    cursor = self._db.execute(
                        "INSERT INTO corrections (reviewer, action, incident_id, payload, note)"
                        " VALUES (?,?,?,?,?)",
                        (c.reviewer, c.action, c.incident_id, c.payload(), c.note))
                    seqs.append(cursor.lastrowid)
                self._db.execute("COMMIT")
                return seqs
            finally:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
        except sqlite3.Error as err:
            raise self._error(err) from err

    def adopt_log(self, path: str | os.PathLike) -> int:
        """Copy the corrections log of the store at ``path`` (a previous build of the same
        articles) into this store's empty log, numbers and times kept, so a rebuild
        keeps every decision; the number of decisions copied (0: no store there)."""
        if not Path(path).exists():
            return 0
        with Store(path, gazetteer=self._gazetteer, create=False) as old:
            log = old.corrections()
        if not log:
            return 0
        if self.corrections():
            raise StoreError(f"incident store {self.path} has a corrections log already")
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "INSERT INTO corrections (seq, at, reviewer, action, incident_id, payload, note)"
                " VALUES (?,?,?,?,?,?,?)",
                [(c.seq, c.at, c.reviewer, c.action, c.incident_id, c.payload(), c.note)
                 for c in log])
            self._db.execute("COMMIT")
        except sqlite3.Error as err:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise self._error(err) from err
        return len(log)

    def problems(self) -> tuple[Problem, ...]:
        """The decisions of the log that no longer apply to the stored incidents."""
        log = self.corrections()
        return self._applied(log).problems if log else ()

    def _applied(self, log: list[Correction]) -> Applied:
        """The incidents the log names (and those splits make), with the log applied."""
        from .corrections import touched_ids

        ids = sorted(touched_ids(log))
        stored = {}
        for k in range(0, len(ids), 500):
            chunk = ids[k:k + 500]
            rows = self._db.execute(
                f"SELECT record FROM incidents WHERE id IN ({','.join('?' * len(chunk))})",
                chunk).fetchall()
            for (record,) in rows:
                incident = self._load(record)
                stored[incident.id] = incident
        return apply_corrections(stored, log, self.gazetteer.places)

    # -- reading ---------------------------------------------------------------

    def incidents(self, **filters) -> list[Incident]:
        """Stored incidents matching every filter given (see :meth:`records`)."""
        return [self._load_props(props) for props in self._select(**filters)]

    def records(self, **filters) -> list[dict]:
        """Stored incidents as plain dicts (GeoJSON properties, ``review_status``,
        ``reviewed_by``, ``lat`` and ``lon``), without rebuilding records when no
        decision touches them: the fast path for JSON output."""
        return list(self._select(**filters))

    def record_lines(self, **filters) -> Iterator[str]:
        """The JSON text of :meth:`records`, one object per incident, spliced from the
        stored records without decoding them (unless an actor filter or the corrections
        log needs to look): the fast path for large JSON answers."""
        if filters.get("actor") or self._has_log():
            yield from (json.dumps(props, ensure_ascii=False)
                        for props in self._select(**filters))
            return
        filters.pop("actor", None)
        filters.pop("include_rejected", None)
        for record, lat, lon in self._rows(**filters):   # floats: repr() is json's text
            yield (f'{record[:-1]}, {_UNREVIEWED_TEXT}, "lat": {_number(lat)}, '
                   f'"lon": {_number(lon)}}}')

    def _has_log(self) -> bool:
        try:
            return self._db.execute("SELECT 1 FROM corrections LIMIT 1").fetchone() is not None
        except sqlite3.OperationalError:
            return False

    def _select(self, *, actor: str | None = None, include_rejected: bool = False,
                **filters) -> Iterator[dict]:
        """Stored property dicts matching every filter given, by date then id, with
        the corrections log applied."""
        log = self.corrections()
        if not log:
            for record, lat, lon in self._rows(**filters):
                props = json.loads(record)
                if actor and not _has_actor(props, actor):
                    continue
                props.update(_UNREVIEWED)
                props["lat"], props["lon"] = lat, lon
                yield props
            return
        # rows no decision touches come filtered by SQLite; the touched ones are
        # corrected here, then filtered alike
        plain = [(json.loads(record), lat, lon)
                 for record, lat, lon in self._rows(untouched=True, **filters)]
        out = []
        for props, lat, lon in plain:
            if actor and not _has_actor(props, actor):
                continue
            props.update(_UNREVIEWED)
            props["lat"], props["lon"] = lat, lon
            out.append(props)
        for incident in self._applied(log).incidents.values():
            props = incident.properties()
            props["lat"] = incident.place.lat if incident.place else None
            props["lon"] = incident.place.lon if incident.place else None
            if (include_rejected or props["review_status"] != "rejected") and \
                    _matches(props, incident.place and incident.place.admin2_id, actor=actor,
                             **filters):
                out.append(props)
        out.sort(key=lambda p: (p["event_date"] is None, p["event_date"] or "", p["id"]))
        yield from out

    def summary_rows(self, **filters) -> list[dict]:
        """What :meth:`records` holds for a table of incidents (event_date,
        sub_event_type, location, admin1, admin2, fatalities, injured, geo_precision,
        confidence, review_status, id and the number of sources), read by SQLite from
        the stored records without decoding them in Python when no decision touches
        them: the fast path for ``query``'s table."""
        if filters.get("actor") or self._has_log():
            return [{**{k: props[k] for k in _SUMMARY}, "sources": len(props["sources"])}
                    for props in self._select(**filters)]
        filters.pop("actor", None)
        filters.pop("include_rejected", None)
        columns = ("event_date, sub_event_type, json_extract(record, '$.location'), "
                   "json_extract(record, '$.admin1'), json_extract(record, '$.admin2'), "
                   "fatalities, injured, json_extract(record, '$.geo_precision'), "
                   "json_extract(record, '$.confidence'), 'unreviewed', id, "
                   "json_array_length(record, '$.sources')")
        return [dict(zip(_SUMMARY + ("sources",), row))
                for row in self._rows(columns=columns, **filters)]

    def _rows(self, *, admin1_code: str | None = None, admin2_id: str | None = None,
              since: date | None = None, until: date | None = None,
              event_type: str | None = None, min_fatalities: int | None = None,
              min_confidence: float | None = None, mapped_only: bool = True,
              untouched: bool = False, columns: str = "record, lat, lon") -> list[tuple]:
        """``columns`` (by default record, lat, lon) of the rows matching the column
        filters, by date then id (``untouched``: only rows no decision names)."""
        where, args = [], []
        if mapped_only:
            where.append("place_id IS NOT NULL")
        if admin1_code:
            where.append("admin1_code = ?"); args.append(admin1_code)
        if admin2_id:
            where.append("admin2_id = ?"); args.append(admin2_id)
        if since:
            where.append("event_date >= ?"); args.append(since.isoformat())
        if until:
            where.append("event_date <= ?"); args.append(until.isoformat())
        if event_type:
            # the user's text is matched literally: % _ and \ are escaped, not wildcards
            where.append("(lower(event_type) LIKE ? ESCAPE '\\' "
                         "OR lower(sub_event_type) LIKE ? ESCAPE '\\')")
            literal = (event_type.lower().replace("\\", "\\\\").replace("%", "\\%")
                       .replace("_", "\\_"))
            args += [f"%{literal}%"] * 2
        if min_fatalities is not None:
            where.append("fatalities >= ?"); args.append(min_fatalities)
        if min_confidence is not None:
            where.append("json_extract(record, '$.confidence') >= ?")
            args.append(min_confidence)
        if untouched:
            where.append("id NOT IN (SELECT incident_id FROM corrections UNION "
                         "SELECT json_extract(payload, '$.other') FROM corrections "
                         "WHERE action = 'merge')")
        sql = f"SELECT {columns} FROM incidents"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY event_date IS NULL, event_date, id"
        try:
            rows = self._db.execute(sql, args).fetchall()
        except sqlite3.Error as err:
            raise self._error(err) from err
        return rows

    def province_totals(self) -> dict[str, dict[str, int]]:
        """Incidents, fatalities and injured per province code (all 34, zeros included),
        with the corrections log applied (rejected and merged-away incidents left out)."""
        totals = {p.admin1_code: {"incidents": 0, "fatalities": 0, "injured": 0}
                  for p in self.gazetteer.provinces()}
        if self._has_log():
            rows = {}
            for props in self._select():
                n, killed, injured = rows.get(props["admin1_code"], (0, 0, 0))
                rows[props["admin1_code"]] = (n + 1, killed + (props["fatalities"] or 0),
                                              injured + (props["injured"] or 0))
            rows = [(code, *values) for code, values in rows.items()]
        else:
            rows = self._db.execute(
                "SELECT admin1_code, count(*), coalesce(sum(fatalities), 0), "
                "coalesce(sum(injured), 0) FROM incidents WHERE admin1_code IS NOT NULL "
                "GROUP BY admin1_code")
        for code, n, killed, injured in rows:
            totals.setdefault(code, {})
            totals[code] = {"incidents": n, "fatalities": killed, "injured": injured}
        return totals

    def counts(self) -> tuple[int, int]:
        """(articles, incidents) stored."""
        articles = self._db.execute("SELECT count(*) FROM articles").fetchone()[0]
        incidents = self._db.execute("SELECT count(*) FROM incidents").fetchone()[0]
        return articles, incidents


def _has_actor(props: dict, actor: str) -> bool:
    return actor in props["actors"] or actor in (props.get("actor1"), props.get("actor2"))


def _matches(props: dict, district: str | None, *, actor: str | None = None, admin1_code: str | None = None,
             admin2_id: str | None = None, since: date | None = None,
             until: date | None = None, event_type: str | None = None,
             min_fatalities: int | None = None, min_confidence: float | None = None,
             mapped_only: bool = True) -> bool:
    """The filters of :meth:`Store._rows`, on a corrected record."""
    day = props["event_date"]
    fatalities = props["fatalities"]
    kinds = (props["event_type"].lower(), props["sub_event_type"].lower())
    return not (
        (mapped_only and props["place_id"] is None)
        or (admin1_code and props["admin1_code"] != admin1_code)
        or (admin2_id and district != admin2_id)
        or (since and (day is None or day < since.isoformat()))
        or (until and (day is None or day > until.isoformat()))
        or (event_type and not any(event_type.lower() in k for k in kinds))
        or (min_fatalities is not None and (fatalities is None or fatalities < min_fatalities))
        or (min_confidence is not None and props["confidence"] < min_confidence)
        or (actor and not _has_actor(props, actor)))


def _number(value: float | None) -> str:
    return "null" if value is None else repr(value)
