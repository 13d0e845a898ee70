"""The accuracy gate of CI (evaluation/check_baseline.py): its comparison rule, and a
baseline that covers the measures of every real set."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "evaluation" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check = _module("check_baseline")


def _fig(hits: int, n: int = 50, **extra) -> dict:
    return {"value": round(hits / n, 3), "n": n, "hits": hits, **extra}


@pytest.mark.parametrize("before,after,fails", [
    (40, 40, False), (40, 39, False), (40, 38, True), (40, 45, False)])
def test_a_share_may_lose_one_article_not_two(before, after, fails):
    failures = check.compare({"isaf": {"killed exact": _fig(after)}},
                             {"isaf": {"killed exact": _fig(before)}})
    assert bool(failures) is fails
    if fails:
        assert "killed exact" in failures[0] and "isaf" in failures[0]


def test_lower_is_better_figures_may_not_rise_by_more_than_one_article():
    base = {"aec": {"outside": {"value": 0.10, "n": 50, "lower_is_better": True}}}
    assert not check.compare({"aec": {"outside": {"value": 0.11, "n": 50}}}, base)
    assert check.compare({"aec": {"outside": {"value": 0.2, "n": 50}}}, base)


def test_a_missing_set_or_measure_fails():
    base = {"aec": {"gold province": _fig(49)}}
    assert check.compare({}, base)
    assert check.compare({"aec": {}}, base)


def test_the_committed_baseline_covers_every_real_set():
    baseline = json.loads((ROOT / "evaluation" / "baseline.json").read_text("utf-8"))
    assert set(baseline) == set(_module("evaluate").SETS)
    isaf = baseline["isaf_dev.jsonl"]
    for measure in ("with any incident", "gold province", "killed exact", "detained exact",
                    "detentions typed Arrests", "event date exact",
                    "mean share of incidents outside gold provinces"):
        assert isaf[measure]["value"] is not None
