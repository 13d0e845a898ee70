"""The incident store: an embedded SQLite database file.

One ``ingest`` is one transaction: a crash or kill mid-ingest leaves the
store as it was. Articles are keyed by a hash of their text and publication
date, so re-ingesting an article adds nothing; a new article that reports
a known incident adds its sources to that incident (see :mod:`geomap.merge`).

Tables: ``articles`` (one row per ingested article), ``incidents`` (one row
per event, indexed columns for queries plus the full record as JSON).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Iterable

from .errors import StoreError
from .gazetteer import Gazetteer, load_gazetteer
from .incident import Incident, incident_from_properties
from .merge import date_span, merge_pair, same_event
from .reader import Document

__all__ = ["Store", "IngestReport", "article_key", "DEFAULT_DB"]

#: Default store location, relative to the working directory.
DEFAULT_DB = Path("outputs") / "incidents.sqlite"

_SCHEMA = """
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
CREATE INDEX IF NOT EXISTS incidents_admin1 ON incidents (admin1_code, event_date);
CREATE INDEX IF NOT EXISTS incidents_same_event
    ON incidents (admin1_code, date_precision, event_date);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents (event_date);
PRAGMA user_version = 2;
"""


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
                 gazetteer: Gazetteer | None = None, create: bool = True) -> None:
        self.path = Path(path)
        self._gazetteer = gazetteer
        if not create and not self.path.exists():
            raise StoreError(f"no incident store at {self.path} (run 'geomap ingest' first)")
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.executescript(_SCHEMA)
            columns = {r[1] for r in self._db.execute("PRAGMA table_info(incidents)")}
            if "detained" not in columns:        # a version-1 store: add the column
                self._db.execute("ALTER TABLE incidents ADD COLUMN detained INTEGER")
        except (OSError, sqlite3.Error) as err:
            raise StoreError(f"cannot open incident store {self.path}: {err}") from err

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------

    def ingest(self, items: Iterable[tuple[Document, list[Incident]]],
               progress: Callable[[], None] | None = None) -> IngestReport:
        """Add articles and their incidents in one transaction."""
        added = skipped = new = merged = 0
        unplaced: list[Incident] = []
        try:
            self._db.execute("BEGIN IMMEDIATE")
            for document, incidents in items:
                key = article_key(document)
                if self._db.execute("SELECT 1 FROM articles WHERE key = ?", (key,)).fetchone():
                    skipped += 1
                else:
                    added += 1
                    self._db.execute(
                        "INSERT INTO articles (key, source, published, incidents) VALUES (?,?,?,?)",
                        (key, document.source,
                         document.published.isoformat() if document.published else None,
                         len(incidents)))
                    for incident in incidents:
                        if not incident.mapped:
                            unplaced.append(incident)
                        if self._add(incident):
                            merged += 1
                        else:
                            new += 1
                if progress:
                    progress()
            self._db.execute("COMMIT")
        except BaseException as err:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if isinstance(err, sqlite3.Error):
                raise StoreError(f"incident store {self.path}: {err}") from err
            raise
        return IngestReport(added, skipped, new, merged, tuple(unplaced))

    def _add(self, incident: Incident) -> bool:
        """Insert, or merge into a stored report of the same event; True if merged."""
        for existing in self._candidates(incident):
            if same_event(existing, incident):
                self._write(merge_pair(existing, incident), replace=True)
                return True
        self._write(incident, replace=False)
        return False

    def _candidates(self, incident: Incident) -> list[Incident]:
        if incident.place is None or incident.event_date is None:
            return []
        start, end = date_span(incident.event_date, incident.date_precision)
        # cheap column tests first (same district or a province-level report; agreeing
        # type), so only plausible reports are decoded and compared by same_event
        place = incident.place
        common = ("SELECT record, event_date, id FROM incidents WHERE admin1_code = ?"
                  " AND (admin2_id IS NULL OR ? IS NULL OR admin2_id = ?)"
                  " AND (event_type = ? OR sub_event_type = 'Attack' OR ? = 'Attack')"
                  " AND date_precision IN ({}) AND event_date BETWEEN ? AND ?")
        head = (place.admin1_code, place.admin2_id or None, place.admin2_id or None,
                incident.event_type, incident.sub_event_type)
        # one indexed range per stored precision (a month is stored as its 1st day,
        # a year as 1 January)
        rows = self._db.execute(
            " UNION ALL ".join([common.format("'day', 'week'"), common.format("'month'"),
                                common.format("'year'")]) + " ORDER BY 2, 3",
            head + ((start - timedelta(days=7)).isoformat(),
                    (end + timedelta(days=7)).isoformat())
            + head + (start.replace(day=1).isoformat(), end.isoformat())
            + head + (f"{start.year}-01-01", f"{end.year}-12-31"))
        return [self._load(r[0]) for r in rows]

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

    # -- reading ---------------------------------------------------------------

    def incidents(self, **filters) -> list[Incident]:
        """Stored incidents matching every filter given (see :meth:`records`)."""
        return [self._load_props(props) for props in self._select(**filters)]

    def records(self, **filters) -> list[dict]:
        """Stored incidents as plain dicts (GeoJSON properties plus ``lat``, ``lon``),
        without rebuilding records: the fast path for JSON output."""
        return list(self._select(**filters))

    def _select(self, *, admin1_code: str | None = None, admin2_id: str | None = None,
                since: date | None = None, until: date | None = None,
                event_type: str | None = None, actor: str | None = None,
                min_fatalities: int | None = None, mapped_only: bool = True):
        """Stored property dicts matching every filter given, by date then id."""
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
            where.append("(lower(event_type) LIKE ? OR lower(sub_event_type) LIKE ?)")
            args += [f"%{event_type.lower()}%"] * 2
        if min_fatalities is not None:
            where.append("fatalities >= ?"); args.append(min_fatalities)
        sql = "SELECT record, lat, lon FROM incidents"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY event_date IS NULL, event_date, id"
        try:
            rows = self._db.execute(sql, args).fetchall()
        except sqlite3.Error as err:
            raise StoreError(f"incident store {self.path}: {err}") from err
        for record, lat, lon in rows:
            props = json.loads(record)
            if actor and actor not in props["actors"] and actor not in (
                    props.get("actor1"), props.get("actor2")):
                continue
            props["lat"], props["lon"] = lat, lon
            yield props

    def province_totals(self) -> dict[str, dict[str, int]]:
        """Incidents, fatalities and injured per province code (all 34, zeros included)."""
        totals = {p.admin1_code: {"incidents": 0, "fatalities": 0, "injured": 0}
                  for p in self.gazetteer.provinces()}
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
