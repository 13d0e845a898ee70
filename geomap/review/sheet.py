"""The review sheet: the queue as a CSV file for spreadsheet users, and back.

:func:`write_sheet` writes one row per incident, least confident first: ``id``,
``confidence``, an empty ``decision`` column, the editable fields under the names of the
geomap CSV and, to read while deciding, ``review_status`` and the source sentences
(``notes``); a ``note`` column takes the reviewer's note. In each row the reviewer writes
``accept``, ``reject`` or ``edit`` (after changing values) in ``decision``, or leaves it
empty. :func:`read_sheet` turns the rows into decisions, checking every row first: a bad
row is an :class:`~geomap.errors.InputError` listing ``FILE:LINE: reason`` for each, and
:func:`import_sheet` then writes nothing; otherwise all decisions go to the log in one
transaction.

A place is edited by its name (``location``) in any spelling or script, narrowed by
``admin1`` and ``admin2`` when given; it must be a gazetteer place.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..outputs.export import actor_pair, neutralise
from ..store.corrections import Correction, DecisionError
from .queue import review_queue

if TYPE_CHECKING:
    from ..incident import Incident
    from ..places.records import Place
    from ..store.incidents import Store

__all__ = ["SHEET_COLUMNS", "EDIT_COLUMNS", "write_sheet", "read_sheet", "import_sheet",
           "sheet_values", "SheetRow"]

#: the fields a reviewer may change, under the geomap CSV's names
EDIT_COLUMNS = ["event_date", "event_type", "sub_event_type", "location", "admin1", "admin2",
                "fatalities", "injured", "detained", "actor1", "actor2"]
SHEET_COLUMNS = ["id", "confidence", "decision", *EDIT_COLUMNS, "note", "review_status",
                 "notes"]
_DECISIONS = ("accept", "reject", "edit", "")
_COUNTS = ("fatalities", "injured", "detained")
_PLACE = ("location", "admin1", "admin2")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def sheet_values(incident: Incident) -> dict[str, str]:
    """The editable fields of an incident as the sheet writes them (text)."""
    place = incident.place
    actor1, actor2 = actor_pair(incident)
    values = {
        "event_date": incident.event_date.isoformat() if incident.event_date else "",
        "event_type": incident.event_type, "sub_event_type": incident.sub_event_type,
        "location": incident.location,
        "admin1": place.admin1 if place else "", "admin2": (place.admin2 or "") if place else "",
        "actor1": actor1, "actor2": actor2,
    }
    for name in _COUNTS:
        value = getattr(incident, name)
        values[name] = "" if value is None else str(value)
    return values


def write_sheet(path: str | os.PathLike, store: Store, **filters) -> int:
    """Write the review queue (the filters of ``query``) to ``path``; the rows written."""
    from ..outputs.fileio import atomic_write_text

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SHEET_COLUMNS, lineterminator="\n")
    writer.writeheader()
    queue = review_queue(store, **filters)
    for incident in queue:
        row = {"id": incident.id, "confidence": incident.confidence, "decision": "",
               **sheet_values(incident), "note": "",
               "review_status": incident.review.status if incident.review else "unreviewed",
               "notes": " | ".join(s.quote for s in incident.sources)}
        writer.writerow({k: neutralise(v) for k, v in row.items()})
    atomic_write_text(path, buffer.getvalue())
    return len(queue)


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One decision read from a sheet and the line it came from."""

    line: int
    decision: Correction


def _plain(value: str | None) -> str:
    """A cell as written, without the quote :func:`neutralise` put before a formula."""
    value = (value or "").strip()
    if value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def read_sheet(path: str | os.PathLike, store: Store, reviewer: str) -> list[SheetRow]:
    """The decisions of a filled-in sheet; InputError with one ``FILE:LINE: reason``
    line per bad row (nothing is decided then)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read review sheet {path}: {err}") from err
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("id", "decision") if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{path}:1: not a review sheet (no {', '.join(missing)} column)")
    rows = list(_numbered(reader))
    wanted = {_plain(row.get("id")) for _, row in rows}
    current = {i.id: i for i in store.incidents(mapped_only=False, include_rejected=True)
               if i.id in wanted}
    out, errors = [], []
    for line, row in rows:
        try:
            decision = _decision(row, current, store, reviewer)
        except (InputError, ValueError) as err:
            errors.append(f"{path}:{line}: {err}")
            continue
        if decision is not None:
            out.append(SheetRow(line, decision))
    if errors:
        raise InputError("\n".join(errors))
    return out


def _numbered(reader: csv.DictReader):
    """(line, row) with the line each row starts on."""
    line = reader.line_num + 1
    for row in reader:
        yield line, row
        line = reader.line_num + 1


def _decision(row: dict, current: dict[str, Incident], store: Store,
              reviewer: str) -> Correction | None:
    decision = _plain(row.get("decision")).lower()
    if decision not in _DECISIONS:
        raise InputError(f"decision {decision!r} is not accept, reject, edit or empty")
    incident_id = _plain(row.get("id"))
    incident = current.get(incident_id)
    if incident is None:
        raise InputError(f"no incident {incident_id!r} in the store")
    before = sheet_values(incident)
    after = {name: _plain(row[name]) for name in EDIT_COLUMNS if row.get(name) is not None}
    changed = {name: value for name, value in after.items() if value != before[name]}
    note = _plain(row.get("note"))
    if decision in ("", "accept", "reject"):
        if changed:
            raise InputError(f"{', '.join(changed)} changed but the decision is "
                             f"{decision or 'empty'} (write edit)")
        if not decision:
            return None
        return Correction(decision, incident_id, reviewer, note=note)
    if not changed:
        raise InputError("decision edit but no value changed")
    return Correction("edit", incident_id, reviewer, changes=tuple(_changes(changed, after,
                                                                            store).items()),
                      note=note)


def _changes(changed: dict[str, str], after: dict[str, str], store: Store) -> dict:
    out: dict = {}
    for name, value in changed.items():
        if name in _COUNTS:
            if value and not value.isdigit():
                raise InputError(f"{name} {value!r} is not a whole number")
            out[name] = int(value) if value else None
        elif name == "event_date":
            try:
                out[name] = date.fromisoformat(value).isoformat() if value else None
            except ValueError:
                raise InputError(f"event_date {value!r} is not a date (YYYY-MM-DD)") from None
        elif name in ("event_type", "sub_event_type"):
            if not value:
                raise InputError(f"{name} cannot be empty")
            out[name] = value
        elif name in ("actor1", "actor2"):
            out[name] = value or None
    if any(name in changed for name in _PLACE):
        place = find_place(store, after.get("location", ""), after.get("admin1", ""),
                           after.get("admin2", ""))
        out["place_id"] = place.id
        out["location"] = after.get("location") or place.name
    return out


def find_place(store: Store, name: str, admin1: str = "", admin2: str = "") -> Place:
    """The gazetteer place ``name`` denotes (any spelling or script) inside ``admin1`` and
    ``admin2`` when given; InputError naming close names when there is none."""
    gazetteer = store.gazetteer
    code = None
    if admin1:
        code = store.province_code(admin1)
        if code is None:
            raise InputError(f"admin1 {admin1!r} is not a province")
    query = name or admin2 or admin1
    if not query:
        raise InputError("location, admin1 and admin2 are all empty")
    kind = None if name else ("district" if admin2 else "province")
    district = None
    if admin2:
        hits = [c.place for c in gazetteer.lookup(admin2, kind="district", limit=10)
                if c.place.kind == "district" and (code is None or c.place.admin1_code == code)]
        if not hits:
            raise InputError(f"admin2 {admin2!r} is not a district"
                             + (f" of {admin1}" if admin1 else ""))
        district = hits[0]
    for candidate in gazetteer.lookup(query, kind=kind, limit=20):
        place = candidate.place
        if code and place.admin1_code != code:
            continue
        if district and place.kind != "province" and place.admin2_id != district.admin2_id:
            continue
        return place
    close = ", ".join(gazetteer.suggest(query, kind=kind))
    raise InputError(f"no place {query!r}" + (f" in {admin1}" if admin1 else "")
                     + f" in the gazetteer (close: {close})")


def import_sheet(path: str | os.PathLike, store: Store, reviewer: str) -> int:
    """Apply a filled-in sheet in one transaction; the decisions written. Nothing is
    written when a row is bad (InputError with ``FILE:LINE: reason`` lines)."""
    rows = read_sheet(path, store, reviewer)
    try:
        store.correct([row.decision for row in rows])
    except DecisionError as err:
        raise InputError(f"{path}:{rows[err.index].line}: {err}") from err
    return len(rows)
