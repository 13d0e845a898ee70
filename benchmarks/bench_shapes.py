"""Extraction time per MB for hostile text shapes, next to ordinary news (linear time).

    python benchmarks/bench_shapes.py [--mb 2] [--sizes 0.2,2,20]

Shapes: ordinary news (the benchmark corpus of bench_extract.py), one huge line with no
sentence breaks, no punctuation at all, one place name repeated, thousands of numbers,
abbreviations repeated ("Jan. Jan. ..."). For each size, CPU seconds and seconds per MB;
a shape is linear when its s/MB stays flat as the size grows.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from geomap.extract.incidents import extract_text  # noqa: E402

WORDS = ("the forces killed three insurgents in Kandahar province and detained several "
         "suspects near Kabul on Monday while police said a roadside bomb wounded two").split()


def shapes(size: int, rng: random.Random) -> dict[str, str]:
    from bench_extract import corpus

    news = "\n\n".join(corpus(size / 1e6))[:size]
    words = " ".join(rng.choice(WORDS) for _ in range(size // 5))
    return {
        "ordinary news": news,
        "one line, no sentence breaks": news.replace("\n", " ").replace(". ", " ")[:size],
        "no punctuation": words[:size],
        "one name repeated": ("Kandahar " * (size // 9 + 1))[:size],
        "thousands of numbers": " ".join(str(rng.randint(1, 9999)) for _ in range(size // 4))[:size],
        "abbreviations repeated": ("(Jan. " * (size // 6 + 1))[:size],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0.2,2", help="MB, comma-separated")
    args = parser.parse_args(argv)
    extract_text("warm-up: a bomb killed two in Kabul", published=date(2021, 5, 5))
    print(f"{'shape':32s} {'MB':>6s} {'CPU s':>8s} {'s/MB':>7s}")
    for mb in (float(x) for x in args.sizes.split(",")):
        for name, text in shapes(int(mb * 1e6), random.Random(0)).items():
            started = time.process_time()
            extract_text(text, published=date(2021, 5, 5))
            took = time.process_time() - started
            print(f"{name:32s} {len(text) / 1e6:6.2f} {took:8.2f} {took / (len(text) / 1e6):7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
