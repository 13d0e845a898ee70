"""The one (lat, lon) ⇄ [lon, lat] conversion."""

import math

import pytest

from geomap.places.coords import latlon, lonlat


def test_lonlat_swaps_and_rounds():
    assert lonlat(34.55531234567, 69.20751234567) == [69.207512, 34.555312]


def test_round_trip():
    assert latlon(lonlat(31.6133, 65.7101)) == (31.6133, 65.7101)


@pytest.mark.parametrize("lat,lon", [(95.0, 10.0), (10.0, 200.0), (math.nan, 1.0),
                                     (1.0, math.inf)])
def test_rejects_out_of_range(lat, lon):
    with pytest.raises(ValueError):
        lonlat(lat, lon)


def test_kabul_is_not_swapped(gaz):
    kabul = gaz.best("Kabul city").place
    lon, lat = kabul.__geo_interface__["geometry"]["coordinates"]
    assert 69 < lon < 70 and 34 < lat < 35
