"""How English news writes: the assumptions the readers make, named (see
:mod:`geomap.lang.pack`). Grammar, not words, so code; the pack and the English readers
of :mod:`geomap.rules` read them from here.
"""

from __future__ import annotations

__all__ = ["YEAR", "DIGITS", "HAS_CASE", "DIRECTION", "ASCII_ANCHORS"]

#: a year of the news: 1900-2099 in Gregorian digits ("in 2017 killed 30" is a year)
YEAR = r"(?:19|20)\d\d"
#: the digits numbers are written in
DIGITS = "0123456789"
#: capital letters exist, and a capitalised word may be a name
HAS_CASE = True
DIRECTION = "ltr"
#: the anchor scan (geomap.rules.anchors) may skip words that are not ASCII
ASCII_ANCHORS = True
