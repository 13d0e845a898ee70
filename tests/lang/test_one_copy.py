"""No word list exists in two places: a data file of a language pack is the only copy.

The check reads every string constant of geomap's Python code (its syntax tree, so
comments and docstrings do not count) and fails when one constant holds several words
of the same data list: "said|says|told|announced" in a regex would be a second copy of
reporting_verbs.csv that could drift from it, as the three copies it replaced had.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import geomap
from geomap.codebook import one_alone_nouns, quantities
from geomap.lang.en import words

# (triggers.toml is not checked: it is the gate in front of every reader of events and
# counts, so its words are by design the words those readers' patterns name)

#: how many words of one list one string constant may hold before it is a copy
#: (a pattern may name a word or two of a list for its own grammar: "one", "said")
MOST = 3

LISTS = {
    "reporting_verbs.csv": lambda: set(words.reporting_verbs()),
    "numbers.csv (units, tens)": lambda: set(words.number_words()["unit"]) - {"one"}
    | set(words.number_words()["ten"]),
    "titles.csv": lambda: set(words.titles("name_title")) | set(words.titles("before_person")),
    "calendar.csv": lambda: {name for kind in ("month", "weekday")
                             for name, _, _ in words.calendar(kind)},
    "quantities.csv": lambda: {p for p in quantities() if " " not in p},
    "people.csv (one_alone)": lambda: set(one_alone_nouns()),
    "abbreviations.txt": lambda: {w.lower() for w in words.abbreviations() if w.isalpha()},
}


def _constants(path: Path):
    """(line, text) of every string constant that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef,
                                       ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                id(node) not in docstrings:
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):
            yield node.lineno, "".join(v.value for v in node.values
                                       if isinstance(v, ast.Constant))


def copies(lists: dict[str, set[str]], root: Path = Path(geomap.__file__).parent) -> list[str]:
    """Where a string constant of the code under ``root`` repeats more than MOST words
    of a list."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for line, text in _constants(path):
            tokens = set(re.findall(r"[a-z][a-z-]*", text.lower()))
            for name, entries in lists.items():
                shared = tokens & entries
                if len(shared) > MOST:
                    found.append(f"{path.name}:{line} repeats {name}: {sorted(shared)}")
    return found


def test_no_word_list_is_written_twice():
    assert copies({name: load() for name, load in LISTS.items()}) == []


def test_the_check_finds_a_copy(tmp_path):
    """(the check can fail: a regex with four reporting verbs is a copy; a docstring,
    or a constant with three, is not)"""
    (tmp_path / "rules.py").write_text(
        '"""said says told announced"""\n'
        'VERBS = r"\\b(?:said|says|told|announced)\\b"\n'
        'FEW = "said says told"\n', encoding="utf-8")
    verbs = {"verbs": {"said", "says", "told", "announced"}}
    assert copies(verbs, tmp_path) == [
        "rules.py:2 repeats verbs: ['announced', 'said', 'says', 'told']"]
