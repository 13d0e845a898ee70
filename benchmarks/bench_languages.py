"""Extraction speed per core by language: Dari and Pashto beside English.

    python benchmarks/bench_languages.py [--kb 400] [--eval-dir ../shared/eval]

Each language's articles are extracted, one after another in this process, until
``--kb`` KB of text have been read (the set repeated as needed); the figure is CPU
seconds of this process, so it is per core. Dari and Pashto: the reports of the dev set
(``tests/lang/devset.jsonl``, written for geomap's tests); English: the UCDP-AEC articles
of the evaluation directory (read at run time, never copied here). The gazetteer is
loaded, and each language's pack built, before the clock starts.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from geomap.extract import extract
from geomap.lang import get_pack
from geomap.places.gazetteer import load_gazetteer
from geomap.sources import Article

ROOT = Path(__file__).resolve().parents[1]


def articles(language: str, eval_dir: Path) -> list[Article]:
    if language == "en":
        path = eval_dir / "ucdp_aec_afg_articles.jsonl"
        return [Article(row["article"], None, f"ucdp:{row['id']}")
                for row in map(json.loads, path.open(encoding="utf-8"))]
    rows = map(json.loads, (ROOT / "tests" / "lang" / "devset.jsonl").open(encoding="utf-8"))
    return [Article(r["text"], None, r["id"], language=language)
            for r in rows if r["language"] == language]


def measure(items: list[Article], kb: float, gazetteer) -> tuple[float, int, int]:
    """(CPU seconds, characters, articles) to extract ``kb`` KB of ``items``' text."""
    done = chars = 0
    start = time.process_time()
    while chars < kb * 1024:
        article = items[done % len(items)]
        extract(article.document(), gazetteer)
        chars += len(article.text.encode("utf-8"))
        done += 1
    return time.process_time() - start, chars, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--kb", type=float, default=400)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args()
    gazetteer = load_gazetteer()
    print(f"{'language':<10}{'KB':>8}{'articles':>10}{'CPU s':>8}{'KB/s':>9}{'articles/s':>12}")
    for language in ("en", "fa", "ps"):
        get_pack(language)
        items = articles(language, args.eval_dir)
        extract(items[0].document(), gazetteer)          # (warm: matcher, caches)
        seconds, size, count = measure(items, args.kb, gazetteer)
        print(f"{language:<10}{size / 1024:>8.0f}{count:>10}{seconds:>8.2f}"
              f"{size / 1024 / seconds:>9.0f}{count / seconds:>12.0f}")


if __name__ == "__main__":
    main()
