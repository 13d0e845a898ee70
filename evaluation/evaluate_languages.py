"""Score geomap on a dev set of articles in Dari and Pashto, ACLED-coded by hand.

    python evaluation/evaluate_languages.py [tests/lang/devset.jsonl] [--json out.json] [--misses]

The dev set (``tests/lang/devset.jsonl``) holds reports written for geomap's tests, one
JSON object a line: ``id``, ``language`` (``fa`` / ``ps``), ``text`` (with a ``date
YYYY-MM-DD`` header or the article's own Solar Hijri date on its first line) and the gold
``incidents`` (``admin1``, ``admin2`` as the gazetteer names them, ``event_type``,
``sub_event_type``, ``event_date``, ``fatalities``, ``injured``, ``detained``; null =
not reported). Each article is read as the pipeline reads it, language detected unless
``--as-given``.

Each gold incident is paired with the article's extracted incident that agrees with it
most (province, then district, day, type); the figures, each ``{"value", "n", "hits"}``:

- province / district: the paired incident is in the gold province / district;
- fatalities, injured, detained: the paired incident's figure equals the gold one
  (a figure not reported = null on both sides);
- day: the paired incident's date is the gold day; type: its ACLED sub-event type;
- false incidents per article: extracted incidents paired with no gold incident.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from geomap import load_gazetteer
from geomap.extract import extract
from geomap.places.names import fold
from geomap.sources import Article
from geomap.text.detect import detect

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "lang" / "devset.jsonl"
_FIGURES = ("province", "district", "fatalities", "injured", "detained", "day", "type")


def _pair_score(gold: dict, props: dict) -> tuple:
    return (props["admin1"] == gold["admin1"], _same(props.get("admin2"), gold["admin2"]),
            props["event_date"] == gold["event_date"],
            props["sub_event_type"] == gold["sub_event_type"])


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and fold(a) == fold(b)


def score(rows: list[dict], *, as_given: bool = False, show_misses: bool = False) -> dict:
    """The figures over ``rows`` (the dev set's articles)."""
    gaz = load_gazetteer()
    hits = dict.fromkeys(_FIGURES, 0)
    gold_n = false = languages_ok = 0
    for row in rows:
        language = row["language"] if as_given else detect(row["text"])
        languages_ok += language == row["language"]
        article = Article(row["text"], None, row["id"], language=language)
        found = [i.properties() for i in extract(article.document(), gaz)]
        unpaired = list(range(len(found)))
        for gold in row["incidents"]:
            gold_n += 1
            best = max(unpaired, key=lambda k: _pair_score(gold, found[k]), default=None)
            props = found[best] if best is not None else None
            if best is not None:
                unpaired.remove(best)
            got = {
                "province": props is not None and props["admin1"] == gold["admin1"],
                "district": props is not None and _same(props.get("admin2"), gold["admin2"]),
                "day": props is not None and props["event_date"] == gold["event_date"],
                "type": props is not None and props["sub_event_type"] == gold["sub_event_type"],
            }
            for figure in ("fatalities", "injured", "detained"):
                got[figure] = props is not None and props[figure] == gold[figure]
            for figure, ok in got.items():
                hits[figure] += ok
            if show_misses and not all(got.values()):
                missed = ", ".join(f for f, ok in got.items() if not ok)
                shown = {k: props[k] for k in ("location", "admin1", "admin2", "event_date",
                         "sub_event_type", "fatalities", "injured", "detained")} if props else None
                print(f"{row['id']}: missed {missed}\n  gold {gold}\n  got  {shown}",
                      file=sys.stderr)
        false += len(unpaired)
    out = {f: {"value": round(hits[f] / gold_n, 3) if gold_n else None, "n": gold_n,
               "hits": hits[f]} for f in _FIGURES}
    out["false_per_article"] = {"value": round(false / len(rows), 3) if rows else None,
                                "n": len(rows), "hits": false}
    out["language_detected"] = {"value": round(languages_ok / len(rows), 3) if rows else None,
                                "n": len(rows), "hits": languages_ok}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("devset", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument("--misses", action="store_true", help="print each miss to stderr")
    parser.add_argument("--as-given", action="store_true",
                        help="read each article in its labelled language, not the detected one")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.devset.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    figures = {}
    for language in sorted({r["language"] for r in rows}) + ["all"]:
        chosen = [r for r in rows if language in ("all", r["language"])]
        figures[language] = score(chosen, as_given=args.as_given,
                                  show_misses=args.misses and language == "all")
    names = list(figures["all"])
    print(f"{'figure':<20}" + "".join(f"{lang:>16}" for lang in figures))
    for name in names:
        cells = "".join(f"{f[name]['value']:>8.3f} ({f[name]['hits']:>2}/{f[name]['n']:>2})"
                        for f in figures.values())
        print(f"{name:<20}{cells}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
