"""The Pashto pack's words: the same tables as Dari's (``data/*.csv``), Pashto's own
words in them, read by the same loaders (:func:`geomap.lang.fa.words.loaders`).

>>> DATA_FILES["numbers.csv"]()["درې"], DATA_FILES["casualties.csv"]()["ووژل شول"]
(3, 'killed')
"""

from __future__ import annotations

from ..fa.words import loaders

__all__ = ["DATA_FILES"]

#: every data file of the Pashto pack and its one loader (the contract test loads each)
DATA_FILES = loaders(__package__)
