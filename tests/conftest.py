"""Shared fixtures: the real gazetteer (loaded once) and the seed articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_NO_DATE = SEEDS / "000_f548904bbe22a22a.txt"
SEED_WITH_DATE = SEEDS / "001_8b239d0a68e52fc3.txt"
#: Publication date given for the seed without a date line (it reports 2 Nov 2021).
SEED_PUBLISHED = date(2021, 11, 3)


@pytest.fixture(scope="session")
def gaz():
    from geomap import load_gazetteer

    return load_gazetteer()
