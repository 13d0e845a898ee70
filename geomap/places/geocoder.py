"""The gazetteer as a geopy geocoder.

Works wherever geopy geocoders do, offline:

>>> from geopy.extra.rate_limiter import RateLimiter
>>> geocode = RateLimiter(AfghanGazetteer().geocode, min_delay_seconds=0)
>>> geocode("Mazar-i-Sharif").raw["admin1"]
'Balkh'

and ``geopandas.tools.geocode(names, provider=AfghanGazetteer)``.
"""

from __future__ import annotations

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from .gazetteer import Gazetteer, load_gazetteer
from .locate import locate
from .records import Place

__all__ = ["AfghanGazetteer"]


def _address(place: Place) -> str:
    parts = [place.name]
    if place.admin2 and place.admin2 != place.name and place.kind != "district":
        parts.append(f"{place.admin2} District")
    if place.kind != "province":
        parts.append(f"{place.admin1} Province")
    else:
        parts[0] = f"{place.name} Province"
    parts.append("Afghanistan")
    return ", ".join(parts)


def _location(place: Place, raw: dict) -> Location:
    return Location(_address(place), Point(place.lat, place.lon), raw)


class AfghanGazetteer(Geocoder):
    """Offline geocoder over the geomap gazetteer (no network, ever).

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        Defaults to the shipped gazetteer.
    kind : str, optional
        Preferred kind for every query ("province", "district", "city"...).
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, kind: str | None = None,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.gazetteer = gazetteer or load_gazetteer()
        self.kind = kind

    def geocode(self, query, *, exactly_one: bool = True, timeout=None,
                kind: str | None = None, limit: int = 5):
        """A ``Location`` for ``query`` (raw = gazetteer row + score), or None."""
        if not isinstance(query, str) or not query.strip():
            return None
        ranked = locate(self.gazetteer, query, kind=kind or self.kind, limit=limit)
        if not ranked:
            return None
        locations = [_location(c.place, c.as_dict(query)) for c in ranked]
        return locations[0] if exactly_one else locations

    def reverse(self, query, *, exactly_one: bool = True, timeout=None):
        """The district containing a ``(lat, lon)`` point, or None outside Afghanistan."""
        point = Point(query)
        place = self.gazetteer.reverse(point.latitude, point.longitude)
        if place is None:
            return None
        loc = Location(_address(place), point, place.as_dict())
        return loc if exactly_one else [loc]

