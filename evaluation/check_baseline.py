"""Fail when an accuracy figure falls below the baseline main is known to reach.

    python evaluation/check_baseline.py --eval-dir ../shared/eval
    python evaluation/check_baseline.py --eval-dir ../shared/eval --update   # deliberate

Every figure of every real set (see ``evaluate.py``) is compared with
``evaluation/baseline.json``. A share may fall by at most one article or release (one
hit of its denominator); a "lower is better" figure (the share of incidents outside the
gold provinces, km errors, unmatched names) may rise by at most one article's worth.
Each failure prints one line naming the set and the measure; the exit status is 1.
Raising the baseline is a deliberate commit (``--update``) whose message says why.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BASELINE = HERE / "baseline.json"


def _allowed_drop(fig: dict) -> float:
    n = fig.get("n") or 0
    if fig.get("unit") == "km":
        return max(0.5, 0.1 * abs(fig["value"] or 0))
    if fig.get("count"):
        return 1.0
    return 1.0 / n if n else 0.0


def compare(current: dict[str, dict], baseline: dict[str, dict]) -> list[str]:
    """Lines naming every figure of ``current`` that fell below ``baseline``.

    >>> base = {"set": {"killed exact": {"value": 0.9, "n": 10, "hits": 9}}}
    >>> compare({"set": {"killed exact": {"value": 0.8, "n": 10, "hits": 8}}}, base)
    []
    >>> compare({"set": {"killed exact": {"value": 0.7, "n": 10, "hits": 7}}}, base)
    ['set: killed exact fell from 90.0% to 70.0% (9 → 7 of 10; at most one may be lost)']
    """
    failures = []
    for name, figures in baseline.items():
        if name not in current:
            failures.append(f"{name}: not evaluated (is the file missing?)")
            continue
        for measure, base in figures.items():
            now = current[name].get(measure)
            if now is None:
                failures.append(f"{name}: {measure} no longer measured")
                continue
            if base.get("value") is None or base.get("count") and not base.get(
                    "lower_is_better") and measure != "no match":
                continue                      # sizes of the sets, not accuracy
            if now.get("value") is None:
                failures.append(f"{name}: {measure} has no value now")
                continue
            lower = base.get("lower_is_better") or measure == "no match"
            if "hits" in base and "hits" in now and base["n"] == now["n"]:
                if now["hits"] < base["hits"] - 1:
                    failures.append(
                        f"{name}: {measure} fell from {base['value']:.1%} to "
                        f"{now['value']:.1%} ({base['hits']} → {now['hits']} of {now['n']}; "
                        f"at most one may be lost)")
                continue
            worse = now["value"] - base["value"] if lower else base["value"] - now["value"]
            if worse > _allowed_drop(base) + 1e-9:
                failures.append(f"{name}: {measure} worsened from {base['value']} to "
                                f"{now['value']} (allowed {_allowed_drop(base):.3g})")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, required=True)
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    parser.add_argument("--update", action="store_true",
                        help="write the current figures as the new baseline")
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"check_baseline: {args.eval_dir} is not a directory", file=sys.stderr)
        return 2
    from evaluate import evaluate_all

    started = time.perf_counter()
    current = evaluate_all(args.eval_dir)
    took = time.perf_counter() - started
    if args.update:
        args.baseline.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n",
                                 encoding="utf-8")
        print(f"baseline written to {args.baseline} ({len(current)} sets, {took:.1f} s)")
        return 0
    baseline = json.loads(args.baseline.read_text(encoding="utf-8"))
    failures = compare(current, baseline)
    for line in failures:
        print(f"ACCURACY DROP {line}", file=sys.stderr)
    checked = sum(len(f) for f in baseline.values())
    print(f"accuracy: {checked} figures of {len(baseline)} sets checked against "
          f"{args.baseline.name} in {took:.1f} s: "
          f"{'FAILED, ' + str(len(failures)) + ' below baseline' if failures else 'ok'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
