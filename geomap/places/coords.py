"""The one place where (lat, lon) becomes (lon, lat).

geopy and folium speak (latitude, longitude); GeoJSON, shapely and
geopandas speak x = longitude, y = latitude. Every conversion in geomap
goes through these two functions.
"""

from __future__ import annotations

import math

__all__ = ["lonlat", "latlon", "check_latlon", "COORD_DECIMALS"]

#: Decimals kept in output coordinates (RFC 7946 advises ≤ 7; 6 is ~0.1 m).
COORD_DECIMALS = 6


def check_latlon(lat: float, lon: float) -> None:
    """Raise ValueError unless (lat, lon) is a finite WGS84 position."""
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError(f"coordinates must be finite, got ({lat}, {lon})")
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"not a (lat, lon) pair in range: ({lat}, {lon})")


def lonlat(lat: float, lon: float) -> list[float]:
    """GeoJSON position [lon, lat] from latitude and longitude, rounded.

    >>> lonlat(34.5553, 69.2075)
    [69.2075, 34.5553]
    """
    check_latlon(lat, lon)
    return [round(float(lon), COORD_DECIMALS), round(float(lat), COORD_DECIMALS)]


def latlon(position: list[float] | tuple[float, float]) -> tuple[float, float]:
    """(lat, lon) from a GeoJSON / shapely (x=lon, y=lat) position.

    >>> latlon([69.2075, 34.5553])
    (34.5553, 69.2075)
    """
    lon, lat = float(position[0]), float(position[1])
    check_latlon(lat, lon)
    return lat, lon
