"""Analysts' corrections: an append-only log of decisions, applied to extracted incidents.

Extraction stays pure; what ``query``, ``export`` and ``map`` show is the extraction with
this log applied, in order, by :func:`apply_corrections`. A decision names an incident by
its stable id (:func:`geomap.incident.incident_id`), so a later ingest of the same or new
articles meets the same ids and the log applies again. A decision that no longer applies
(its incident is gone, a merge partner vanished, an edit names an unknown place) is
returned as a :class:`Problem`, never dropped in silence.

Decisions (``action``):

- ``accept`` / ``reject``: the incident is right / not a real incident (rejected
  incidents are left out of every view unless asked for);
- ``edit``: new values for some of :data:`EDITABLE` (``place_id`` is a gazetteer id);
- ``merge``: the incident is the same event as ``other``: its sources join ``other``
  (the merge rules of :func:`geomap.extract.merge.merge_pair`) and it disappears;
- ``split``: the sources at ``sources`` (0-based) become a new incident, id
  ``<id>-s<seq>``;
- ``undo``: the decision number ``target`` is cancelled.

>>> c = Correction("edit", "inc-0123456789ab", "ana", changes=(("fatalities", 3),))
>>> c.payload()
'{"changes": {"fatalities": 3}}'
>>> Correction.from_row(7, "2026-01-01T00:00:00Z", "ana", "edit", "inc-0123456789ab",
...                     c.payload(), "").changes
(('fatalities', 3),)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Mapping, Sequence

from ..errors import InputError
from ..incident import Incident, Review
from ..places.records import Place

__all__ = ["Correction", "DecisionError", "Problem", "Applied", "apply_corrections", "touched_ids", "ACTIONS",
           "EDITABLE", "STATUS_OF"]

ACTIONS = ("accept", "reject", "edit", "merge", "split", "undo")
#: the fields an edit may set
EDITABLE = ("event_date", "event_type", "sub_event_type", "place_id", "location",
            "fatalities", "injured", "detained", "actor1", "actor2")
#: the review status a decision leaves on its incident
STATUS_OF = {"accept": "accepted", "reject": "rejected", "edit": "edited", "merge": "edited",
             "split": "edited"}
_COUNTS = ("fatalities", "injured", "detained")
_MAX_COUNT = 1_000_000


@dataclass(frozen=True, slots=True)
class Correction:
    """One decision of the log (``seq`` and ``at`` are given by the store)."""

    action: str
    incident_id: str
    reviewer: str
    changes: tuple[tuple[str, object], ...] = ()
    other: str | None = None
    sources: tuple[int, ...] = ()
    target: int | None = None
    note: str = ""
    seq: int | None = None
    at: str | None = None

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"unknown decision {self.action!r} (one of {', '.join(ACTIONS)})")
        if not self.reviewer.strip():
            raise ValueError("a decision needs a reviewer's name")
        if self.action == "edit":
            if not self.changes:
                raise ValueError("an edit needs at least one field")
            for name, value in self.changes:
                _check_field(name, value)
        if self.action == "merge" and (not self.other or self.other == self.incident_id):
            raise ValueError("a merge needs another incident's id")
        if self.action == "split" and (not self.sources or min(self.sources) < 0):
            raise ValueError("a split needs the positions of the sources to move")
        if self.action == "undo" and self.target is None:
            raise ValueError("an undo needs the number of the decision it cancels")

    def payload(self) -> str:
        """The action's arguments as the JSON text the log stores."""
        out: dict = {}
        if self.changes:
            out["changes"] = dict(self.changes)
        if self.other:
            out["other"] = self.other
        if self.sources:
            out["sources"] = list(self.sources)
        if self.target is not None:
            out["target"] = self.target
        return json.dumps(out, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_row(cls, seq: int, at: str, reviewer: str, action: str, incident_id: str,
                 payload: str, note: str) -> "Correction":
        args = json.loads(payload)
        return cls(action, incident_id, reviewer,
                   changes=tuple(args.get("changes", {}).items()), other=args.get("other"),
                   sources=tuple(args.get("sources", ())), target=args.get("target"),
                   note=note, seq=seq, at=at)


def _check_field(name: str, value: object) -> None:
    if name not in EDITABLE:
        raise ValueError(f"{name!r} cannot be edited (one of {', '.join(EDITABLE)})")
    if name in _COUNTS:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or not 0 <= value <= _MAX_COUNT):
            raise ValueError(f"{name} must be a whole number from 0 to {_MAX_COUNT:,}")
    elif name == "event_date":
        if value is not None:
            try:
                date.fromisoformat(str(value))
            except ValueError as err:
                raise ValueError(f"event_date {value!r} is not a date (YYYY-MM-DD)") from err
    elif name in ("event_type", "sub_event_type", "place_id"):
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{name} cannot be empty")
    elif value is not None and not isinstance(value, str):
        raise ValueError(f"{name} must be text")


@dataclass(frozen=True, slots=True)
class Problem:
    """A decision of the log that no longer applies, and why."""

    seq: int | None
    action: str
    incident_id: str
    reason: str

    def __str__(self) -> str:
        number = f"#{self.seq} " if self.seq is not None else ""
        return f"decision {number}({self.action} {self.incident_id}): {self.reason}"


class DecisionError(InputError):
    """A decision that cannot apply to the store as it is; ``index`` is its position in
    the batch given to :meth:`geomap.store.incidents.Store.correct`."""

    def __init__(self, message: str, index: int) -> None:
        super().__init__(message)
        self.index = index


@dataclass(frozen=True, slots=True)
class Applied:
    """The incidents after the log (merged-away ones gone, each with its review) and
    the decisions that did not apply."""

    incidents: dict[str, Incident]
    problems: tuple[Problem, ...]


def touched_ids(log: Sequence[Correction]) -> set[str]:
    """Every stored incident id the log names (the ones it may change)."""
    ids = {c.incident_id for c in log}
    ids.update(c.other for c in log if c.other)
    return ids


def apply_corrections(incidents: Mapping[str, Incident], log: Sequence[Correction],
                      places: Mapping[str, Place]) -> Applied:
    """``incidents`` (by id: at least every one :func:`touched_ids` names that the store
    holds) after the decisions of ``log`` in order; ``places`` is the gazetteer's
    ``places`` (for edits of the place). Pure: the inputs are not changed."""
    out = dict(incidents)
    reviews: dict[str, Review] = {}
    problems: list[Problem] = []
    undone = _undone(log, problems)
    for c in log:
        if c.seq in undone or c.action == "undo":
            continue
        incident = out.get(c.incident_id)
        if incident is None:
            problems.append(Problem(c.seq, c.action, c.incident_id,
                                    "the incident is not in the store"))
            continue
        try:
            changed = _apply(c, incident, out, places)
        except ValueError as err:
            problems.append(Problem(c.seq, c.action, c.incident_id, str(err)))
            continue
        for changed_id in changed:
            reviews[changed_id] = Review(STATUS_OF[c.action], c.reviewer, c.at, c.note)
    done = {i: inc.with_(review=reviews.get(i, Review())) for i, inc in out.items()}
    return Applied(done, tuple(problems))


def _undone(log: Sequence[Correction], problems: list[Problem]) -> set[int]:
    by_seq = {c.seq: c for c in log}
    undone: set[int] = set()
    for c in log:
        if c.action != "undo":
            continue
        target = by_seq.get(c.target)
        if target is None or target.action == "undo" or c.target in undone:
            problems.append(Problem(c.seq, c.action, c.incident_id,
                                    f"no decision #{c.target} left to undo"))
        else:
            undone.add(c.target)
    return undone


def _apply(c: Correction, incident: Incident, out: dict[str, Incident],
           places: Mapping[str, Place]) -> tuple[str, ...]:
    """Apply one decision to ``out`` in place; the ids whose review it sets."""
    if c.action in ("accept", "reject"):
        return (incident.id,)
    if c.action == "edit":
        out[incident.id] = edited(incident, dict(c.changes), places)
        return (incident.id,)
    if c.action == "merge":
        from ..extract.merge import merge_pair

        other = out.get(c.other)
        if other is None:
            raise ValueError(f"the incident to merge into, {c.other}, is not in the store")
        out[other.id] = merge_pair(other, incident)
        del out[incident.id]
        return (other.id,)
    # split
    if max(c.sources) >= len(incident.sources) or len(set(c.sources)) >= len(incident.sources):
        raise ValueError(f"the incident has {len(incident.sources)} source(s): cannot move "
                         f"{', '.join(map(str, sorted(set(c.sources))))}")
    moved = tuple(s for k, s in enumerate(incident.sources) if k in c.sources)
    kept = tuple(s for k, s in enumerate(incident.sources) if k not in c.sources)
    new = incident.with_(sources=moved, id=f"{incident.id}-s{c.seq}")
    out[incident.id] = incident.with_(sources=kept)
    out[new.id] = new
    return incident.id, new.id


def edited(incident: Incident, changes: Mapping[str, object],
           places: Mapping[str, Place]) -> Incident:
    """The incident with an edit's values (ValueError for a value that cannot apply)."""
    for name, value in changes.items():
        _check_field(name, value)
    fields: dict = {k: v for k, v in changes.items()
                    if k in _COUNTS or k in ("event_type", "sub_event_type", "actor1", "actor2")}
    if "event_date" in changes:
        value = changes["event_date"]
        fields["event_date"] = date.fromisoformat(value) if value else None
        fields["date_precision"] = "day" if value else None
    if "place_id" in changes:
        from ..places.resolve import precision_codes

        place = places.get(changes["place_id"])
        if place is None:
            raise ValueError(f"no place {changes['place_id']!r} in the gazetteer")
        geo, where = precision_codes(place, near=False)
        fields.update(place=place, geo_precision=geo, where_prec=where, country="Afghanistan",
                      location=place.name)
    if changes.get("location"):
        fields["location"] = changes["location"]
    new_actors = [a for a in (fields.get("actor1"), fields.get("actor2")) if a]
    if new_actors:
        fields["actors"] = tuple(dict.fromkeys((*incident.actors, *new_actors)))
    return incident.with_(**fields)
