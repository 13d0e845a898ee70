"""How far geomap's ``confidence`` can be trusted: a reliability table on the dev sets.

    python evaluation/reliability.py ../shared/eval [--json FILE]

Every mapped incident of the evaluation articles (read at run time from the directory,
never copied into the repository) is scored against its article's gold, as
``evaluate.py`` matches it:

- UCDP-AEC articles: right province (the gold ``adm_1``), right district (where the gold
  has an ``adm_2``), right figures (fatalities in the gold deaths range, where the
  incident states fatalities);
- ISAF press releases: right province (one of the gold provinces).

An incident is *right* when it is right in each of these that applies. The table bins
confidence and gives each bin's share right per column (hits / scored); below it, the
incidents sorted by confidence are cut in thirds: the share right in the most confident
third, and the share of all wrong incidents that the least confident third holds.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import _gold_places  # noqa: E402  (the gold matching of evaluate.py)

from geomap import load_gazetteer  # noqa: E402
from geomap.extract.incidents import extract_text  # noqa: E402

#: confidence bins: [low, high)
BINS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


@dataclass(frozen=True, slots=True)
class Scored:
    """One incident's confidence and whether it was right (None: not scored)."""

    confidence: float
    province: bool | None
    district: bool | None
    figures: bool | None

    @property
    def right(self) -> bool:
        return all(v is not False for v in (self.province, self.district, self.figures))


def score_articles(path: Path) -> list[Scored]:
    gaz = load_gazetteer()
    out = []
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        if not row.get("aligned"):
            continue
        published = date.fromisoformat(row["publication_date"][:10])
        gold_prov, gold_dist = _gold_places(gaz, row)
        low, high = row.get("deaths_low"), row.get("deaths_high")
        for incident in extract_text(row["article"], published=published, source=str(row["id"])):
            if not incident.mapped:
                continue
            place = incident.place
            out.append(Scored(
                incident.confidence,
                place.admin1_code == gold_prov.admin1_code if gold_prov else None,
                place.admin2_id == gold_dist.id if gold_dist else None,
                (low <= incident.fatalities <= high)
                if incident.fatalities is not None and low is not None else None))
    return out


def score_isaf(path: Path) -> list[Scored]:
    out = []
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        gold = set(row["gold_provinces"])
        published = date.fromisoformat(row["publication_date"])
        for incident in extract_text(row["text"], published=published, source=row["id"]):
            if incident.mapped:
                out.append(Scored(incident.confidence,
                                  incident.place.admin1_code in gold if gold else None,
                                  None, None))
    return out


def _share(values: list[bool | None]) -> dict:
    scored = [v for v in values if v is not None]
    return {"value": round(sum(scored) / len(scored), 3) if scored else None,
            "hits": sum(scored), "n": len(scored)}


def reliability(scored: list[Scored]) -> dict:
    table = []
    for low, high in BINS:
        inside = [s for s in scored if low <= s.confidence < high]
        table.append({"bin": f"{low:.1f}-{min(high, 1.0):.1f}", "incidents": len(inside),
                      "province": _share([s.province for s in inside]),
                      "district": _share([s.district for s in inside]),
                      "figures": _share([s.figures for s in inside]),
                      "right": _share([s.right for s in inside])})
    ranked = sorted(scored, key=lambda s: s.confidence)
    third = len(ranked) // 3
    wrong = [s for s in ranked if not s.right]
    return {"bins": table,
            "most confident third right": _share([s.right for s in ranked[len(ranked) - third:]]),
            "least confident third's share of the wrong": {
                "value": round(sum(not s.right for s in ranked[:third]) / len(wrong), 3)
                if wrong else None, "n": len(wrong)}}


def _cell(share: dict) -> str:
    return "–" if share["value"] is None else f"{share['value']:.2f} ({share['hits']}/{share['n']})"


def markdown(title: str, result: dict) -> str:
    lines = [f"**{title}**", "",
             "| confidence | incidents | province | district | figures | all right |",
             "| --- | --- | --- | --- | --- | --- |"]
    for row in result["bins"]:
        lines.append(f"| {row['bin']} | {row['incidents']} | {_cell(row['province'])} | "
                     f"{_cell(row['district'])} | {_cell(row['figures'])} | "
                     f"{_cell(row['right'])} |")
    top = result["most confident third right"]
    low = result["least confident third's share of the wrong"]
    lines += ["", f"Most confident third: {_cell(top)} right; least confident third holds "
                  f"{low['value']:.2f} of the {low['n']} wrong ones." if low["value"] is not None
              else ""]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_dir", type=Path, help="the directory of the evaluation sets")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures")
    args = parser.parse_args(argv)
    results = {}
    articles = args.eval_dir / "ucdp_aec_afg_articles.jsonl"
    isaf = args.eval_dir / "isaf_dev.jsonl"
    scored: list[Scored] = []
    if articles.exists():
        found = score_articles(articles)
        scored += found
        results["UCDP-AEC articles"] = reliability(found)
    if isaf.exists():
        found = score_isaf(isaf)
        scored += found
        results["ISAF press releases"] = reliability(found)
    if not results:
        parser.error(f"no evaluation set in {args.eval_dir}")
    results["both sets"] = reliability(scored)
    for title, result in results.items():
        print(markdown(title, result))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
