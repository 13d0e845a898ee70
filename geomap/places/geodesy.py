"""Distances in kilometres (geodesic, WGS84) — never in degrees."""

from __future__ import annotations

from functools import lru_cache
from math import isfinite

__all__ = ["distance_km"]

#: WGS84 in kilometres, as geopy's ``geodesic`` uses it: (semi-major axis, flattening)
_WGS84_KM = (6378.137, 1 / 298.257223563)


@lru_cache(maxsize=1)
def _wgs84():
    from geographiclib.geodesic import Geodesic

    return Geodesic(*_WGS84_KM)


@lru_cache(maxsize=65536)
def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance between two (lat, lon) points, in km.

    The figure ``geopy.distance.geodesic(...).km`` gives, computed with geographiclib
    (which geopy uses) directly, so that extraction does not import geopy's geocoders
    and HTTP stack; coordinates geopy would normalise or refuse still go through geopy.

    >>> round(distance_km(34.5553, 69.2075, 31.6133, 65.7101))
    462
    """
    points = tuple(float(v or 0.0) for v in (lat1, lon1, lat2, lon2))
    if all(isfinite(v) for v in points) and abs(points[0]) <= 90 and abs(points[2]) <= 90 \
            and abs(points[1]) <= 180 and abs(points[3]) <= 180:
        from geographiclib.geodesic import Geodesic

        return _wgs84().Inverse(*points, Geodesic.DISTANCE)["s12"]
    from geopy.distance import geodesic

    return geodesic((lat1, lon1), (lat2, lon2)).km
