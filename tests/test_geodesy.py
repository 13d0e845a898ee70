"""distance_km: geopy's geodesic figure, without importing geopy for it."""

from __future__ import annotations

import pytest
from geopy.distance import geodesic

from geomap.places.geodesy import distance_km

PAIRS = [((34.5553, 69.2075), (31.6133, 65.7101)),      # Kabul - Kandahar
         ((36.7280, 68.8680), (36.7280, 68.8680)),      # the same point
         ((0, 0), (0, 179.5)), ((-89.9, 10), (89.9, -170)), ((33.0, 180), (33.0, -180))]


@pytest.mark.parametrize("a, b", PAIRS)
def test_the_same_figure_as_geopy(a, b):
    distance_km.cache_clear()
    assert distance_km(*a, *b) == geodesic(a, b).km


def test_coordinates_geopy_normalises_still_go_through_it():
    assert distance_km(34.0, 190.0, 34.0, -170.0) == geodesic((34.0, 190.0), (34.0, -170.0)).km
    with pytest.raises(ValueError):
        distance_km(95.0, 0.0, 0.0, 0.0)
