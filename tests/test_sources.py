"""Input formats as sources: txt, JSONL, CSV, HTML, gzip, directories, stdin — the same
articles give the same incidents; bad records are reported with their line and skipped;
every input is read in bounded memory."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from datetime import date

import pytest
from typer.testing import CliRunner

from geomap.errors import InputError
from geomap.sources import MAX_ARTICLE_BYTES, Article, expand_paths, read_sources, read_stream

from geomap.cli import app

#: Three short articles written for these tests (two report incidents, one does not).
ARTICLES = [
    {"id": "a1", "published": "2021-05-04", "url": "https://example.org/sangin",
     "title": "Roadside bomb in Helmand", "source": "Example News",
     "text": "A roadside bomb killed three soldiers in Sangin district of Helmand on Monday, "
             "officials said. Nobody claimed responsibility.\nThe soldiers were on a patrol "
             "near the district centre when their vehicle struck the device, a spokesman for "
             "the provincial governor told reporters.\nResidents said the road had been "
             "closed for several hours afterwards while security forces searched the area."},
    {"id": "a2", "published": "2021-06-10", "url": "https://example.org/kunduz",
     "title": "Clash in Kunduz", "source": "Example Wire",
     "text": "Taliban fighters attacked a checkpoint in Kunduz province on Tuesday, killing "
             "five police officers and wounding seven, the provincial police chief said.\n"
             "The fighting lasted for about two hours before reinforcements arrived from the "
             "provincial capital, according to the chief.\nA spokesman for the group said "
             "in a statement that its fighters had seized weapons and ammunition."},
    {"id": "a3", "published": "2021-06-11", "url": "https://example.org/saffron",
     "title": "Saffron harvest", "source": "Example News",
     "text": "Farmers in Herat began the saffron harvest this week, and prices rose.\n"
             "Traders said demand from abroad was strong this year and that the quality of "
             "the crop was good after a wet spring.\nThe growers' association expects "
             "exports to rise again next year if the weather is kind."},
]

_PAGE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="{published}T08:00:00Z">
<meta property="og:site_name" content="{source}"><link rel="canonical" href="{url}">
</head><body>
<nav><a href="/">Home</a> | <a href="/w">Suicide bomber kills 40 in Kandahar: live</a></nav>
<div class="advertisement" id="ad-top">Sponsored: a bomb killed 20 in Khost yesterday,
read more</div>
<main><article><h1>{title}</h1>{paragraphs}</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/x">Suicide attack kills 30 in
Kabul on Friday</a></li></ul></aside></main>
<section class="comments"><h3>Comments</h3><div class="comment"><p>Reader: gunmen killed
9 people in Jalalabad city on Sunday, my cousin said.</p></div></section>
<footer>Copyright. Related: 12 killed in a blast in Ghazni province.</footer>
</body></html>"""


def _write_corpus(tmp_path):
    """The same articles as JSONL, CSV, gzipped JSONL and a folder of HTML pages."""
    jsonl = tmp_path / "corpus.jsonl"
    jsonl.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    with (tmp_path / "corpus.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ARTICLES[0]))
        writer.writeheader()
        writer.writerows(ARTICLES)
    with gzip.open(tmp_path / "corpus.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(jsonl.read_text(encoding="utf-8"))
    pages = tmp_path / "pages" / "2021"
    pages.mkdir(parents=True)
    for a in ARTICLES:
        paragraphs = "".join(f"<p>{p}</p>\n" for p in a["text"].split("\n"))
        (pages / f"{a['id']}.html").write_text(_PAGE.format(**a, paragraphs=paragraphs),
                                               encoding="utf-8")
    return {"jsonl": jsonl, "csv": tmp_path / "corpus.csv",
            "gz": tmp_path / "corpus.jsonl.gz", "html": tmp_path / "pages"}


def _events(features) -> list[tuple]:
    """What an incident says, without where it was read from (ids include the file)."""
    return sorted((f["properties"]["event_date"], f["properties"]["place_id"],
                   f["properties"]["sub_event_type"], f["properties"]["fatalities"],
                   f["properties"]["injured"],
                   tuple(s["quote"] for s in f["properties"]["sources"]),
                   tuple((s["url"], s["title"], s["outlet"])
                         for s in f["properties"]["sources"]))
                  for f in features)


def test_every_format_gives_the_same_incidents(tmp_path):
    corpus = _write_corpus(tmp_path)
    runner = CliRunner()
    seen = {}
    for kind, path in corpus.items():
        result = runner.invoke(app, ["extract", str(path)])
        assert result.exit_code == 0, (kind, result.output)
        seen[kind] = _events(json.loads(result.stdout)["features"])
    assert len(seen["jsonl"]) == 2                  # Sangin and Kunduz; the harvest is none
    assert {k: v == seen["jsonl"] for k, v in seen.items()} == dict.fromkeys(seen, True)
    places = {e[1] for e in seen["html"]}           # the pages' boilerplate added nothing
    assert not any(p and ("KHO" in p or "KAN" in p or "GHA" in p) for p in places)
    assert seen["jsonl"][0][6][0] == ("https://example.org/sangin", "Roadside bomb in Helmand",
                                      "Example News")


def test_csv_export_carries_source_url_title_outlet(tmp_path):
    corpus = _write_corpus(tmp_path)
    result = CliRunner().invoke(app, ["extract", str(corpus["jsonl"]), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["source_outlet"] for r in rows} == {"Example News", "Example Wire"}
    assert "https://example.org/kunduz" in {r["source_url"] for r in rows}
    assert "Clash in Kunduz" in {r["source_title"] for r in rows}


def test_stdin_is_jsonl(tmp_path):
    corpus = _write_corpus(tmp_path)
    result = CliRunner().invoke(app, ["extract", "-"],
                                input=corpus["jsonl"].read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    features = json.loads(result.stdout)["features"]
    assert len(features) == 2 and features[0]["properties"]["sources"][0]["file"] == "-:1"


def test_bad_lines_reported_with_line_number_and_skipped(tmp_path):
    lines = [json.dumps(ARTICLES[0]), "{not json", json.dumps({"title": "no text"}),
             json.dumps({"text": "A blast in Kabul killed 4 people."}),          # no date
             json.dumps({**ARTICLES[1], "published": "10/06/2021"}), "[1, 2]", "",
             json.dumps(ARTICLES[1])]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.sqlite"
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert [e.split(": ")[2].split(":")[1] for e in errors] == ["2", "3", "4", "5", "6"]
    assert "invalid JSON" in errors[0] and "no article text" in errors[1]
    assert "no publication date" in errors[2] and "not a date" in errors[3]
    assert "2 article(s) added" in result.stderr and "Traceback" not in result.output


def test_text_and_date_fields_override(tmp_path):
    path = tmp_path / "custom.jsonl"
    path.write_text(json.dumps({"story": ARTICLES[0]["text"], "when": "2021-05-04",
                                "text": "ignored"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--text-field", "story",
                                      "--date-field", "when"])
    assert result.exit_code == 0, result.output
    (feature,) = json.loads(result.stdout)["features"]
    assert feature["properties"]["event_date"] == "2021-05-03"


def test_format_in_overrides_the_extension(tmp_path):
    path = tmp_path / "dump.data"
    path.write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    runner = CliRunner()
    unknown = runner.invoke(app, ["extract", str(path)])
    assert unknown.exit_code == 2 and "unknown input format" in unknown.stderr
    told = runner.invoke(app, ["extract", str(path), "--format-in", "jsonl"])
    assert told.exit_code == 0 and len(json.loads(told.stdout)["features"]) == 1


def test_over_long_record_skipped_in_bounded_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "x" * (MAX_ARTICLE_BYTES + 10),
                                 "date": "2021-01-01"}) + "\n")
        handle.write(json.dumps(ARTICLES[0]) + "\n")
    errors = []
    articles = list(read_sources([path], on_error=errors.append))
    assert [a.id for a in articles] == ["a1"]
    assert "big.jsonl:1: line longer than the 2 MB limit" in str(errors[0])


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "csv", "html"])
def test_dev_zero_is_refused_not_read_forever(fmt):
    errors = []
    assert list(read_sources(["/dev/zero"], fmt=fmt, on_error=errors.append)) == []
    assert len(errors) == 1 and ("too large" in str(errors[0]) or "NUL" in str(errors[0]))


def test_a_pipe_is_read_through_the_same_bounded_reader(tmp_path):
    read_fd, write_fd = os.pipe()
    with os.fdopen(write_fd, "wb") as pipe:          # a pipe: no size to stat
        pipe.write(b"A blast in Kabul. " * 100)
    with os.fdopen(read_fd, "rb") as stream:
        (article,) = read_stream(stream, "txt", "<pipe>", published=date(2021, 1, 1))
    assert article.text.startswith("A blast in Kabul.")


def test_surrogates_and_nul_are_cleaned_at_the_boundary():
    line = b'{"text": "A blast \\ud800in Kabul\\u0000 killed 4.", "date": "2021-01-01"}\n'
    (article,) = read_stream(io.BytesIO(line), "jsonl", "s")
    assert article.text == "A blast \ufffdin Kabul  killed 4."
    article.text.encode("utf-8")                     # encodable: nothing past here breaks


def test_nul_after_the_first_bytes_of_a_text_file_becomes_a_space(tmp_path):
    path = tmp_path / "late_nul.txt"
    path.write_bytes(b"A blast in Kabul. " * 600 + b"\x00\x00 killed 3.")
    (article,) = read_sources([path], on_error=pytest.fail)
    assert "\x00" not in article.text and article.text.endswith(" killed 3.")


def test_non_utf8_file_name_and_symlink_loop_give_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink("loop.txt", folder / "loop.txt")
    bad_name = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(bad_name, "wb") as handle:
        handle.write(b"")
    result = CliRunner().invoke(app, ["extract", str(folder)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert "caf\\xe9.txt: empty article" in lines[0]
    assert "loop.txt: symlink loop" in lines[1]


def test_directory_recursion_by_extension(tmp_path):
    corpus = _write_corpus(tmp_path)
    (tmp_path / "notes.md").write_text("not an article")
    found = [os.path.relpath(p, tmp_path) for p in expand_paths([tmp_path])]
    assert found == ["corpus.csv", "corpus.jsonl", "corpus.jsonl.gz",
                     os.path.join("pages", "2021", "a1.html"),
                     os.path.join("pages", "2021", "a2.html"),
                     os.path.join("pages", "2021", "a3.html")]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no article files"):
        expand_paths([empty])
    assert corpus


def test_damaged_gzip_is_one_error(tmp_path):
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(b"not gzip data at all")
    errors = []
    assert list(read_sources([path], on_error=errors.append)) == []
    assert len(errors) == 1 and "broken.jsonl.gz" in str(errors[0])


def test_article_record_is_frozen():
    article = Article("text", None, "s")
    with pytest.raises(AttributeError):
        article.text = "other"
