"""Snapshot of everything ``extract_text`` finds, to prove a speed change moves nothing.

    python benchmarks/snapshot_extract.py --out /tmp/snapshot.jsonl [--eval-dir ../shared/eval]
    cmp /tmp/snapshot-before.jsonl /tmp/snapshot-after.jsonl

Runs the pipeline over every real article of the evaluation sets (read from
``--eval-dir`` at run time: their text never enters the repository), the seeds, the
generated benchmark corpus, the real sentences re-mixed into new articles (deterministic
seed: more sentence neighbourhoods than the articles alone) and the fuzz generator's
hostile inputs, and writes one JSON line per incident (its ``properties()``) or per
untyped exception. The output belongs in /tmp, never in the repository; an optimisation
is accepted only when the file stays byte-identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

SEEDS_PUBLISHED = date(2021, 11, 3)
CORPUS_PUBLISHED = date(2021, 11, 4)


def real_articles(eval_dir: Path) -> list[tuple[str, str, date | None]]:
    """(source, text, published) of the two evaluation JSONL files."""
    out = []
    for line in (eval_dir / "ucdp_aec_afg_articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        out.append((f"ucdp:{row['id']}", row["article"],
                    date.fromisoformat(row["publication_date"][:10])))
    for line in (eval_dir / "isaf_dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        out.append((f"isaf:{row['id']}", row["text"], date.fromisoformat(row["publication_date"])))
    return out


def inputs(eval_dir: Path, corpus_mb: float, remixes: int,
           fuzz: int) -> list[tuple[str, str, date | None]]:
    from bench_extract import corpus
    from fuzz_extract import DATES, one_text
    from geomap.text.reader import split_sentences

    real = real_articles(eval_dir)
    items = list(real)
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        items.append((f"seed:{path.name}", path.read_text(encoding="utf-8"), SEEDS_PUBLISHED))
    items += [(f"corpus:{k}", text, CORPUS_PUBLISHED)
              for k, text in enumerate(corpus(corpus_mb))]
    rng = random.Random(11)
    sentences = [s.text for _, text, _ in real for s in split_sentences(text)]
    dates = [published for _, _, published in real]
    for k in range(remixes):
        body = [rng.choice(sentences) for _ in range(rng.randint(3, 25))]
        joiner = rng.choice([" ", "\n", "\n\n"])
        items.append((f"remix:{k}", joiner.join(body), rng.choice(dates + [None])))
    rng = random.Random(5)
    for k in range(fuzz):
        items.append((f"fuzz:{k}", one_text(rng), rng.choice(DATES)))
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--corpus-mb", type=float, default=2.0)
    parser.add_argument("--remixes", type=int, default=3000)
    parser.add_argument("--fuzz", type=int, default=3000)
    args = parser.parse_args()
    if ROOT in args.out.resolve().parents:
        parser.error("the snapshot holds evaluation text: write it outside the repository")
    from geomap.errors import GeomapError
    from geomap.extract.incidents import extract_text

    items = inputs(args.eval_dir, args.corpus_mb, args.remixes, args.fuzz)
    digest = hashlib.sha256()
    incidents = 0
    started = time.process_time()
    with args.out.open("w", encoding="utf-8") as out:
        for source, text, published in items:
            try:
                found = extract_text(text, published=published, source=source)
            except GeomapError as err:
                line = json.dumps({"source": source, "error": type(err).__name__})
            except Exception as err:             # noqa: BLE001 - an untyped one is a result
                line = json.dumps({"source": source, "untyped": f"{type(err).__name__}: {err}"})
            else:
                incidents += len(found)
                line = "\n".join(json.dumps(i.properties(), ensure_ascii=False, sort_keys=True)
                                 for i in found) or json.dumps({"source": source, "none": True})
            out.write(line + "\n")
            digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
    print(f"{len(items):,} inputs, {incidents:,} incidents in {time.process_time() - started:.1f} "
          f"s CPU -> {args.out} sha256 {digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
