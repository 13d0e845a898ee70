"""Gazetteer records: a place and a ranked lookup candidate."""

from __future__ import annotations

from dataclasses import dataclass

from .coords import check_latlon, lonlat

__all__ = ["Place", "Candidate", "KINDS", "SPECIFICITY", "contains", "TOWN_RADIUS_KM"]

#: Kinds of place, most to least administrative.
KINDS = ("province", "district", "city", "town", "airport", "landmark", "area")
#: How precisely a kind locates an event (higher = more specific).
SPECIFICITY = {"landmark": 6, "airport": 6, "area": 5, "town": 4, "city": 3, "district": 2,
               "province": 1}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer row. Province and district come from the polygons."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    admin1_code: str
    admin1: str
    admin2_id: str = ""
    admin2: str = ""
    population: int = 0
    source: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r} for {self.id}")
        check_latlon(self.lat, self.lon)

    @property
    def __geo_interface__(self) -> dict:
        return {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": lonlat(self.lat, self.lon)},
            "properties": self.as_dict(),
        }

    def as_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "kind": self.kind,
            "admin1": self.admin1, "admin1_code": self.admin1_code,
            "admin2": self.admin2 or None, "admin2_id": self.admin2_id or None,
            "lat": self.lat, "lon": self.lon,
        }


#: How far from a town's point a place still counts as in the town.
TOWN_RADIUS_KM = 20.0


def contains(outer: Place, inner: Place) -> bool:
    """True when ``inner`` lies within ``outer``: a province holds its places, a
    district the places assigned to it, a town what lies within TOWN_RADIUS_KM."""
    from .geodesy import distance_km

    if outer.admin1_code != inner.admin1_code:
        return False
    if outer.kind == "province":
        return True
    if outer.kind == "district":
        return inner.admin2_id == outer.id
    if outer.kind in ("city", "town"):
        return distance_km(outer.lat, outer.lon, inner.lat, inner.lon) <= TOWN_RADIUS_KM
    return False


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place proposed for a name, with its score (0–1) and the reason."""

    place: Place
    score: float
    matched: str
    reason: str

    def as_dict(self, query: str) -> dict:
        return {"query": query, **self.place.as_dict(),
                "score": round(self.score, 3), "matched": self.matched,
                "reason": self.reason}
