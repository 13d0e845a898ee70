"""Distances in kilometres (geodesic, WGS84) — never in degrees."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["distance_km"]


@lru_cache(maxsize=65536)
def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance between two (lat, lon) points, in km.

    >>> round(distance_km(34.5553, 69.2075, 31.6133, 65.7101))
    462
    """
    from geopy.distance import geodesic

    return geodesic((lat1, lon1), (lat2, lon2)).km
