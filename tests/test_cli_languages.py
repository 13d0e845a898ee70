"""English, Dari and Pashto articles in one run: each read in its language (detected, or
told with --lang), the same event in the three languages one incident with three
sources, each saying its language."""

import json

from typer.testing import CliRunner

from geomap.cli import app

RUNNER = CliRunner()
ARTICLES = {     # one roadside-mine blast, reported three times (written for this test)
    "en.txt": "date 2021-05-04\nA roadside mine exploded in Sangin district of Helmand "
              "province on Monday, killing three soldiers and wounding two others.\n",
    "fa.txt": "date 2021-05-04\nدر انفجار یک ماین کنار جاده در ولسوالی سنگین ولایت هلمند روز "
              "دوشنبه سه سرباز کشته و دو تن دیگر زخمی شدند.\n",
    "ps.txt": "date 2021-05-04\nد هلمند ولایت د سنګین ولسوالۍ کې د دوشنبې په ورځ د سړک غاړې ماین "
              "په چاودنه کې درې سرتیري ووژل شول او دوه نور ټپیان شول.\n",
}


def _corpus(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_one_event_in_three_languages_is_one_incident(tmp_path):
    result = RUNNER.invoke(app, ["extract", str(_corpus(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    [incident] = json.loads(result.stdout)
    assert (incident["location"], incident["admin1"], incident["sub_event_type"],
            incident["fatalities"], incident["injured"], incident["event_date"]) == \
        ("Sangin", "Helmand", "Remote explosive/landmine/IED", 3, 2, "2021-05-03")
    languages = {s["file"].rsplit("/", 1)[-1]: s.get("language", "en")
                 for s in incident["sources"]}
    assert languages == {"en.txt": "en", "fa.txt": "fa", "ps.txt": "ps"}
    fa = next(s for s in incident["sources"] if s["file"].endswith("fa.txt"))
    assert ARTICLES["fa.txt"][fa["start"]:fa["end"]] == fa["quote"]   # the text as written


def test_lang_tells_the_language(tmp_path):
    path = _corpus(tmp_path) / "fa.txt"
    told = RUNNER.invoke(app, ["extract", str(path), "--format", "json", "--lang", "fa"])
    wrong = RUNNER.invoke(app, ["extract", str(path), "--format", "json", "--lang", "en"])
    assert len(json.loads(told.stdout)) == 1
    assert json.loads(wrong.stdout) == []            # read as English: no sentence it knows


def test_an_unknown_language_is_a_usage_error(tmp_path):
    result = RUNNER.invoke(app, ["extract", str(_corpus(tmp_path)), "--lang", "de"])
    assert result.exit_code == 2


def test_ingest_stores_the_three_reports_as_one_incident(tmp_path):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    db = tmp_path / "store.sqlite"
    result = RUNNER.invoke(app, ["ingest", str(_corpus(corpus)), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert "3 article(s) added" in result.stderr and "1 new incident(s)" in result.stderr
