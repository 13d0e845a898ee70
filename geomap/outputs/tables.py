"""Text tables for the terminal, in the look of rich's default table, written directly.

rich lays a table out cell by cell (measuring, wrapping, styling): 21,000 rows of a
query take it about 15 s. A table of plain strings that fits the width needs none of
that — each column is as wide as its widest cell — so :func:`table_text` writes the same
box-drawn text itself and leaves to rich only what does not fit (where rich wraps
cells) or what it would read differently (line breaks, control characters).

Dari and Pashto cells keep the borders where they belong. Widths are display columns
(``rich.cells.cell_len``: a Persian letter is one column, ZWNJ, other format characters
and combining marks are none, wide East Asian characters two). A terminal that applies
the Unicode bidirectional algorithm (GNOME's VTE, Konsole, mlterm) shows each
right-to-left run right to left, but it would also reverse the order of two Persian
cells side by side (a border between two right-to-left runs joins them into one run)
and, detecting a row's direction from its first letter, mirror a row that starts with
one. A row holding right-to-left text therefore gets a LEFT-TO-RIGHT MARK (U+200E,
zero width) after each border: the row stays left to right, each cell in its column,
each Persian cell read right to left inside it. Other rows are left as they are.

>>> print(table_text([{"name": "Kabul", "kind": "city"}], ["name", "kind"]), end="")
┏━━━━━━━┳━━━━━━┓
┃ name  ┃ kind ┃
┡━━━━━━━╇━━━━━━┩
│ Kabul │ city │
└───────┴──────┘
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["table_text", "WIDTH"]

#: The console width tables are laid out for (rich's ``Console(width=...)``).
WIDTH = 200

# text rich would not print as it is: line breaks, other control characters, and
# console markup ("[bold]"), which rich reads as styles
_NOT_PLAIN = re.compile(r"[\x00-\x1f\x7f-\x9f\[\]]")
#: What ends a border's influence on a bidi terminal: see the module docstring.
_LRM = "\u200e"
_BORDERS = re.compile("([│┃])")
#: Scripts written right to left: Hebrew, Arabic and Persian letters and digits.
_RTL_BLOCKS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def _cells(rows: list[dict], columns: list[str]) -> list[list[str]]:
    return [["" if row.get(c) is None else str(row.get(c)) for c in columns] for row in rows]


def table_text(rows: list[dict], columns: list[str], width: int = WIDTH) -> str:
    """``rows`` (dicts) as a box-drawn table of ``columns``, one row a line."""
    body = _cells(rows, columns)
    fast = _direct(body, columns, width)
    text = fast if fast is not None else _with_rich(body, columns, width)
    return _left_to_right(text) if _RTL_BLOCKS.search(text) else text


def _right_to_left(line: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in line)


def _left_to_right(text: str) -> str:
    """Each row holding right-to-left text with an LRM after each of its borders."""
    return "".join(_BORDERS.sub("\\1" + _LRM, line) if _right_to_left(line) else line
                   for line in text.splitlines(keepends=True))


def _direct(body: list[list[str]], columns: list[str], width: int) -> str | None:
    from rich.cells import cell_len        # (display width: wide and combining characters)

    if _NOT_PLAIN.search("".join(columns) + "".join("".join(cells) for cells in body)):
        return None                        # rich would read it differently: let it
    def measure(cell: str) -> int:
        return len(cell) if cell.isascii() else cell_len(cell)

    widths = [max(map(measure, column)) for column in zip(columns, *body)]
    if sum(widths) + 3 * len(widths) + 1 > width:
        return None                        # rich would wrap cells: let it

    def pad(cell: str, w: int) -> str:
        return cell.ljust(w) if cell.isascii() else cell + " " * (w - cell_len(cell))

    def line(cells: list[str], bar: str) -> str:
        return bar + " " + f" {bar} ".join(map(pad, cells, widths)) + " " + bar + "\n"

    def rule(left: str, fill: str, cross: str, right: str) -> str:
        return left + cross.join(fill * (w + 2) for w in widths) + right + "\n"

    out = [rule("┏", "━", "┳", "┓"), line(columns, "┃"), rule("┡", "━", "╇", "┩")]
    out.extend(line(cells, "│") for cells in body)
    out.append(rule("└", "─", "┴", "┘"))
    return "".join(out)


def _with_rich(body: list[list[str]], columns: list[str], width: int) -> str:
    import io

    from rich.console import Console
    from rich.table import Table

    table = Table(*columns)
    for cells in body:
        table.add_row(*cells)
    buffer = io.StringIO()
    Console(width=width, file=buffer).print(table)
    return buffer.getvalue()
