"""Long fuzz run of extract_text: >= 100,000 generated texts, counts of what went wrong.

    python tests/fuzz/fuzz_extract.py [--n 100000] [--seed 1]

Each input mixes words that reach every stage (places, counts, dates, actors,
background clauses, datelines) with hostile material: lone surrogates, NUL, Unicode
line separators, 400-digit numbers, texts without spaces or punctuation, a name
repeated thousands of times, publication dates at the calendar's ends. Prints the number
of untyped exceptions (anything but a GeomapError) by type and place, and of inputs that
took more than 2 s of CPU. Exit status 1 when either is not zero.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
import traceback
from datetime import date

from geomap.errors import GeomapError
from geomap.extract.incidents import extract_text

WORDS = ("killed wounded detained arrested captured shot dead several numerous dozens of "
         "insurgents Taliban Daesh ISKP police in near Kabul Kandahar Helmand Panjshri Marjeh "
         "province district city village Monday Friday yesterday last year today March 2009 "
         "at least more than 1,000,000 12 one hundred and twenty the a an who was "
         "responsible for suicide bomber airstrike seized IEDs KABUL, Afghanistan "
         "(Jan. 25, 2013) – . , ; ( ) / ' ’ :").split()
HOSTILE = ["\ud800", "\udfff", "\x00", "\u2028", "\u2029", "\r\n", "\x0c", "\u200f",
           "9" * 400, "99999999999999999999", "<script>alert(1)</script>", "=cmd|' calc'!A0",
           "ولایت پنجشیر", "🙂"]
DATES = [date(1, 1, 1), date(9999, 12, 31), date(2021, 5, 5), date(2012, 2, 29), None]


def one_text(rng: random.Random) -> str:
    shape = rng.random()
    pool = WORDS + HOSTILE
    if shape < 0.02:                             # a single name repeated
        return (rng.choice(WORDS) + " ") * rng.randint(100, 5000)
    if shape < 0.04:                             # thousands of numbers
        return " ".join(str(rng.randint(0, 10 ** rng.randint(1, 9))) for _ in range(2000))
    if shape < 0.06:                             # random code points
        return "".join(chr(rng.randint(1, 0x10FFFF)) for _ in range(rng.randint(1, 300)))
    words = [rng.choice(pool) for _ in range(rng.randint(1, 120))]
    joiner = "" if shape < 0.12 else " "
    return joiner.join(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    errors: collections.Counter = collections.Counter()
    typed = slow = 0
    worst, worst_text = 0.0, ""
    started = time.process_time()
    for _ in range(args.n):
        text, published = one_text(rng), rng.choice(DATES)
        t0 = time.process_time()
        try:
            extract_text(text, published=published)
        except GeomapError:
            typed += 1
        except Exception as err:                 # noqa: BLE001 - counting is the point
            frame = traceback.extract_tb(err.__traceback__)[-1]
            errors[f"{type(err).__name__} in {frame.name} ({frame.filename.rsplit('/', 1)[-1]})"] += 1
        took = time.process_time() - t0
        if took > worst:
            worst, worst_text = took, text
        slow += took > 2.0
    total = time.process_time() - started
    print(f"{args.n:,} inputs in {total:.0f} s CPU: {sum(errors.values())} untyped exceptions, "
          f"{typed} typed (GeomapError), {slow} over 2 s CPU (slowest {worst:.2f} s)")
    print(f"  slowest input ({len(worst_text):,} characters): {worst_text[:70]!r}")
    for where, count in errors.most_common():
        print(f"  {count:6d}  {where}")
    return 1 if errors or slow else 0


if __name__ == "__main__":
    sys.exit(main())
