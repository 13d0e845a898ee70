"""geomap.ingest: the library's resumable ingest (what `geomap ingest` and `geomap run`
call): stored articles are skipped before extraction, an interrupted ingest resumes,
progress goes to a callback and bad articles to ``on_error``."""

from __future__ import annotations

from datetime import date

import pytest

import geomap.pipeline
from geomap.errors import InputError
from geomap.ingest import IngestProgress, IngestSummary, extracted, ingest
from geomap.sources import Article
from geomap.store.incidents import Store

DAY = date(2022, 4, 12)
#: Invented reports, one incident each in a different province.
TEXTS = [
    "Two policemen were killed in a roadside bomb blast in Kandahar city on Monday.",
    "A rocket struck a market in Herat city on Sunday, killing three civilians.",
    "Gunmen shot dead a school teacher in Jalalabad city on Saturday.",
]


def _articles(texts=TEXTS) -> list[Article]:
    return [Article(text, DAY, f"report{n}.txt") for n, text in enumerate(texts)]


@pytest.fixture
def store(tmp_path, gaz):
    with Store(tmp_path / "store.sqlite", gazetteer=gaz) as s:
        yield s


@pytest.fixture
def seen(monkeypatch):
    """The sources of the articles the pipeline is asked to extract."""
    sources: list[str] = []
    process = geomap.pipeline.process

    def recording(article, gazetteer=None):
        sources.append(article.source)
        return process(article, gazetteer)

    monkeypatch.setattr(geomap.pipeline, "process", recording)
    return sources


def test_ingest_adds_the_articles_and_their_incidents(store):
    summary = ingest(_articles(), store)
    assert isinstance(summary, IngestSummary)
    assert (summary.articles_added, summary.articles_stored, summary.articles_failed) \
        == (3, 0, 0)
    assert summary.incidents_added == 3 and summary.incidents_merged == 0
    assert store.counts() == (3, 3)


def test_stored_articles_are_skipped_before_extraction(store, seen):
    ingest(_articles()[:2], store)
    seen.clear()
    summary = ingest(_articles(), store)
    assert seen == ["report2.txt"]
    assert (summary.articles_added, summary.articles_stored) == (1, 2)
    assert store.counts() == (3, 3)


def test_an_interrupted_ingest_resumes_where_it_stopped(store, seen):
    def interrupt_at_the_third(progress: IngestProgress) -> None:
        if progress.articles == 3:
            raise KeyboardInterrupt            # as Ctrl-C while the third is stored

    with pytest.raises(KeyboardInterrupt):
        ingest(_articles(), store, batch_size=1, progress=interrupt_at_the_third)
    assert store.counts() == (2, 2)            # each batch of one was committed
    seen.clear()
    summary = ingest(_articles(), store, batch_size=1)
    assert seen == ["report2.txt"]
    assert (summary.articles_added, summary.articles_stored) == (1, 2)


def test_progress_is_told_after_each_article(store):
    ingest(_articles()[:1], store)
    progress: list[IngestProgress] = []
    ingest(_articles(), store, progress=progress.append)
    assert progress == [IngestProgress(1, 0), IngestProgress(2, 1), IngestProgress(3, 2)]


def test_an_unreadable_article_goes_to_on_error_and_the_rest_are_stored(store):
    errors: list[InputError] = []
    articles = _articles()
    articles.insert(1, Article("   ", DAY, "blank.txt"))
    summary = ingest(articles, store, on_error=errors.append)
    assert [str(e) for e in errors] == ["blank.txt: empty article"]
    assert (summary.articles_added, summary.articles_failed) == (3, 1)


def test_an_article_the_pipeline_fails_on_goes_to_on_error(store, monkeypatch):
    process = geomap.pipeline.process

    def failing(article, gazetteer=None):
        if article.source == "report1.txt":
            raise RuntimeError("broken rule")
        return process(article, gazetteer)

    monkeypatch.setattr(geomap.pipeline, "process", failing)
    errors: list[InputError] = []
    summary = ingest(_articles(), store, on_error=errors.append)
    assert [str(e) for e in errors] \
        == ["report1.txt: extraction failed (RuntimeError: broken rule); skipped"]
    assert (summary.articles_added, summary.articles_failed) == (2, 1)
    assert store.counts() == (2, 2)
    assert isinstance(errors[0], InputError)


def test_without_on_error_a_bad_article_is_raised(store):
    articles = _articles()
    articles.insert(2, Article("", DAY, "empty.txt"))
    with pytest.raises(InputError, match="empty.txt: empty article"):
        ingest(articles, store)


def test_unplaced_incidents_go_to_on_unplaced_or_into_the_summary(store, tmp_path, gaz):
    text = ["Five soldiers were killed in a clash near Quetta on Friday, officials said."]
    summary = ingest(_articles(text), store)
    assert summary.unplaced and not any(i.mapped for i in summary.unplaced)
    taken = []
    with Store(tmp_path / "other.sqlite", gazetteer=gaz) as other:
        summary = ingest(_articles(text), other, on_unplaced=taken.append)
    assert summary.unplaced == () and len(taken) == 1


def test_extracted_keeps_input_order_and_raises_without_on_error(monkeypatch):
    found = list(extracted(_articles()))
    assert [doc.source for doc, _ in found] == ["report0.txt", "report1.txt", "report2.txt"]
    assert all(len(incidents) == 1 for _, incidents in found)
    monkeypatch.setattr(geomap.pipeline, "process", lambda *a: 1 / 0)
    with pytest.raises(InputError, match="report0.txt: extraction failed"):
        list(extracted(_articles()))
