"""The direct table writer gives rich's text, byte for byte, wherever it takes over."""

from __future__ import annotations

import random
import unicodedata

import pytest

from geomap.outputs.tables import _with_rich, table_text

LRM = "\u200e"

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
    # (less the marks that keep a row holding Persian left to right: tested below)
    assert table_text(rows, columns).replace(LRM, "") == _with_rich(body, columns, 200)


@pytest.mark.parametrize("cell", ["two\nlines", "[bold]markup[/bold]", "tab\there",
                                  "w" * 300])
def test_what_rich_lays_out_itself_is_left_to_rich(cell):
    rows = [{"a": cell, "b": "x"}]
    assert table_text(rows, ["a", "b"]) == _with_rich([[cell, "x"]], ["a", "b"], 200)


# Dari and Pashto cells: a ZWNJ inside a word (zero columns), a diacritic (zero), Persian
# digits, Arabic letter forms, tatweel (one column), and an English cell between them
PERSIAN_ROWS = [
    {"location": "ولسوالی سنگین", "admin1": "هلمند", "quote": "سه سرباز کشته\u200cشدند",
     "k": "۳/۲"},
    {"location": "Lashkar Gah", "admin1": "Helmand", "quote": "مُحمّد گفت", "k": "3/2"},
    {"location": "كابل", "admin1": "ننګرهار", "quote": "دوه تنه ټپیان شول", "k": "١٢"},
    {"location": "Kandahār", "admin1": "قندهـــار", "quote": "", "k": None},
]


def _columns_of(line: str) -> list[int]:
    """The display column of each border character of a printed table line."""
    from rich.cells import cell_len

    return [cell_len(line[:at]) for at, c in enumerate(line) if c in "┃│┏┳┓┡╇┩└┴┘"]


@pytest.mark.parametrize("width", [200, 60])        # written directly; wrapped by rich
def test_persian_cells_keep_the_borders_in_their_columns(width):
    from rich.cells import cell_len

    text = table_text(PERSIAN_ROWS, ["location", "admin1", "quote", "k"], width=width)
    lines = text.splitlines()
    assert len({cell_len(line) for line in lines}) == 1           # every line as wide
    assert len({tuple(_columns_of(line)) for line in lines}) == 1  # borders one above another
    for row in PERSIAN_ROWS:                                        # text unbroken, in order
        for cell in row.values():
            if cell and width == 200:
                assert cell in text.replace(LRM, "")
    assert "کشته\u200cشدند" in text                                  # the ZWNJ kept


def test_a_row_with_persian_stays_left_to_right_in_a_bidi_terminal():
    text = table_text(PERSIAN_ROWS, ["location", "admin1", "quote", "k"])
    for line in text.splitlines():
        rtl = any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in line)
        bars = sum(c in "│┃" for c in line)
        # after every border of such a row a strong left-to-right mark, so a border
        # between two Persian cells cannot join them into one reversed run
        assert line.count("│" + LRM) + line.count("┃" + LRM) == (bars if rtl else 0)
    english = table_text([{"a": "Kabul", "b": "Kandahār"}], ["a", "b"])
    assert LRM not in english
