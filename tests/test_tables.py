"""The direct table writer gives rich's text, byte for byte, wherever it takes over."""

from __future__ import annotations

import random

import pytest

from geomap.outputs.tables import _with_rich, table_text

CELLS = ["", "Kabul", "Kandahār", "کابل", "ننگرهار", "Mazār-e Sharīf", "inc-fbfa6f07aa86",
         "2021-08-26", "170/?", "Remote explosive/landmine/IED", "Qaīşār", "日本語", "é́", "x" * 40]


@pytest.mark.parametrize("seed", range(40))
def test_direct_text_is_richs_text(seed):
    rng = random.Random(seed)
    columns = rng.sample(["event_date", "type", "location", "admin1", "id", "k"],
                         rng.randint(1, 6))
    rows = [{c: rng.choice(CELLS + [None, 7, 0.5]) for c in columns}
            for _ in range(rng.randint(0, 12))]
    body = [["" if r.get(c) is None else str(r.get(c)) for c in columns] for r in rows]
    assert table_text(rows, columns) == _with_rich(body, columns, 200)


@pytest.mark.parametrize("cell", ["two\nlines", "[bold]markup[/bold]", "tab\there",
                                  "w" * 300])
def test_what_rich_lays_out_itself_is_left_to_rich(cell):
    rows = [{"a": cell, "b": "x"}]
    assert table_text(rows, ["a", "b"]) == _with_rich([[cell, "x"]], ["a", "b"], 200)
