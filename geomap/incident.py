"""The incident record: one real event, its place, date, counts and sources."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import PurePath

from .places.coords import lonlat
from .places.records import Place

__all__ = ["Incident", "Review", "SourceRef", "incident_id", "incident_from_properties",
           "REVIEW_STATUSES"]

#: What an analyst made of an incident (see :mod:`geomap.store.corrections`).
REVIEW_STATUSES = ("unreviewed", "accepted", "edited", "rejected")


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where an incident was read: file, the quoted sentence and its offsets, what the
    source said of the article (its URL, title and outlet) when it said it, and the
    language it is written in (``en``, ``fa`` Dari, ``ps`` Pashto)."""

    file: str
    quote: str
    start: int
    end: int
    published: date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str = "en"

    def as_dict(self) -> dict:
        """The source as JSON; ``url``, ``title`` and ``outlet`` only when known and
        ``language`` only when it is not English, so records of English plain-text
        articles keep their earlier shape."""
        out = {"file": self.file, "quote": self.quote, "start": self.start, "end": self.end,
               "published": self.published.isoformat() if self.published else None}
        for key in ("url", "title", "outlet"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.language != "en":
            out["language"] = self.language
        return out


@dataclass(frozen=True, slots=True)
class Review:
    """An incident's review state, from the store's corrections log: ``status`` (one of
    :data:`REVIEW_STATUSES`), who decided last, when, and the decisions' notes."""

    status: str = "unreviewed"
    reviewer: str | None = None
    at: str | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.status not in REVIEW_STATUSES:
            raise ValueError(f"unknown review status {self.status!r}")


@dataclass(frozen=True, slots=True)
class Incident:
    """A located (or explicitly unlocated), dated, counted event.

    ``place`` is None when the text does not put the event in Afghanistan;
    ``country`` then says where it is ("Pakistan") or that it is unknown.
    """

    event_type: str
    sub_event_type: str
    location: str
    place: Place | None
    geo_precision: int | None
    where_prec: int
    event_date: date | None
    date_precision: str | None
    fatalities: int | None
    injured: int | None
    actors: tuple[str, ...]
    target: str | None
    sources: tuple[SourceRef, ...]
    reason: str
    country: str = "Afghanistan"
    id: str = ""
    detained: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    #: set on incidents read from a store (extraction alone has no review)
    review: Review | None = None

    def __post_init__(self) -> None:
        if self.place is None and self.country == "Afghanistan" and self.where_prec < 6:
            raise ValueError("an incident without a place must say where it is not")
        for value in (self.fatalities, self.injured, self.detained):
            if value is not None and value < 0:
                raise ValueError("casualty counts cannot be negative")
        if not self.sources:
            raise ValueError("an incident needs at least one source")
        if not self.id:
            object.__setattr__(self, "id", incident_id(self))

    @property
    def mapped(self) -> bool:
        """True when the incident has a point in Afghanistan."""
        return self.place is not None

    def with_(self, **changes) -> "Incident":
        return replace(self, **changes)

    @property
    def confidence(self) -> float:
        """How far the incident can be trusted, 0 to 1, from the evidence it records
        (see :mod:`geomap.extract.confidence`)."""
        from .extract.confidence import confidence

        return confidence(self)

    def properties(self) -> dict:
        """Flat properties, the GeoJSON/CSV/JSON field names."""
        p = self.place
        return {
            "id": self.id,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "detained": self.detained,
            "actors": list(self.actors),
            "actor1": self.actor1,
            "actor2": self.actor2,
            "target": self.target,
            "location": self.location,
            "place_id": p.id if p else None,
            "place_kind": p.kind if p else None,
            "admin1": p.admin1 if p else None,
            "admin1_code": p.admin1_code if p else None,
            "admin2": (p.admin2 or None) if p else None,
            "country": self.country,
            "geo_precision": self.geo_precision,
            "where_prec": self.where_prec,
            "resolution": self.reason,
            "confidence": self.confidence,
            "sources": [s.as_dict() for s in self.sources],
        } | self._review_properties()

    def _review_properties(self) -> dict:
        if self.review is None:
            return {}
        return {"review_status": self.review.status, "reviewed_by": self.review.reviewer}

    @property
    def __geo_interface__(self) -> dict:
        if self.place is None:
            raise ValueError(f"incident {self.id} has no place in Afghanistan to map")
        return {"type": "Feature", "id": self.id,
                "geometry": {"type": "Point",
                             "coordinates": lonlat(self.place.lat, self.place.lon)},
                "properties": self.properties()}


def incident_id(incident: Incident) -> str:
    """A stable id from what identifies an event: where, when and what."""
    where = incident.place.id if incident.place else incident.location
    when = incident.event_date.isoformat() if incident.event_date else "undated"
    first = incident.sources[0]
    key = f"{where}|{when}|{incident.event_type}|{PurePath(first.file).name}|{first.start}"
    return "inc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def incident_from_properties(props: dict, place: Place | None) -> Incident:
    """Rebuild an Incident from :meth:`Incident.properties` (as stored)."""
    return Incident(
        id=props["id"], event_type=props["event_type"], sub_event_type=props["sub_event_type"],
        location=props["location"], place=place, geo_precision=props["geo_precision"],
        where_prec=props["where_prec"],
        event_date=date.fromisoformat(props["event_date"]) if props["event_date"] else None,
        date_precision=props["date_precision"], fatalities=props["fatalities"],
        injured=props["injured"], actors=tuple(props["actors"]), target=props["target"],
        sources=tuple(SourceRef(s["file"], s["quote"], s["start"], s["end"],
                                date.fromisoformat(s["published"]) if s["published"] else None,
                                url=s.get("url"), title=s.get("title"), outlet=s.get("outlet"),
                                language=s.get("language", "en"))
                      for s in props["sources"]),
        reason=props["resolution"], country=props["country"],
        detained=props.get("detained"), actor1=props.get("actor1"), actor2=props.get("actor2"),
        review=(Review(props["review_status"], props.get("reviewed_by"))
                if props.get("review_status") else None))
