"""The pipeline: streaming one article at a time, workers, the summary, the built timeline."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import Counter

import pytest

import timeline
from timeline.models import Article, ArticleError
from timeline.pipeline import (
    BATCH_SIZE,
    BATCHES_PER_WORKER,
    ExtractionBug,
    Summary,
    build_timeline,
    iter_article_events,
)
from timeline.timeml import read_corpus


@pytest.fixture(scope="module")
def feed(timebank_dir, tmp_path_factory):
    """A JSONL feed of 60 TimeBank articles with their creation dates, with bad lines among them."""
    lines = [json.dumps({"text": doc.text, "published": doc.dct, "title": doc.doc_id})
             for doc in read_corpus(timebank_dir)[:60]]
    lines[7] = "{broken"
    lines[30] = json.dumps({"title": "no text"})
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_results_are_identical_and_in_order_whatever_the_workers(feed):
    one = list(iter_article_events([feed], workers=1))
    two = list(iter_article_events([feed], workers=2))
    assert one == two
    assert [item.path for item, _ in one] == [f"{feed}:{n}" for n in range(1, 61)]
    assert sum(len(events) for _, events in one) > 60
    assert any(event.date is not None for _, events in one for event in events)


def test_more_workers_than_cores_are_not_started(monkeypatch, feed):
    import timeline.pipeline

    started = []
    monkeypatch.setattr(timeline.pipeline, "usable_cores", lambda: 2)
    monkeypatch.setattr(timeline.pipeline, "_in_processes", lambda inputs, workers: started.append(workers) or iter(()))
    list(iter_article_events([feed], workers=64))
    assert started == [2]


def test_build_timeline_is_the_same_with_workers(feed):
    assert build_timeline([feed], workers=2) == build_timeline([feed], workers=1)


def test_html_pages_are_read_in_the_workers_with_the_same_result(tmp_path):
    page = ("<html><head><title>Talks in Vladivostok</title>"
            '<meta property="article:published_time" content="2017-09-06T10:00:00+03:00"></head>'
            "<body><nav>Home | World</nav><article><h1>Talks in Vladivostok</h1>"
            "<p>Putin met the South Korean leader on Wednesday at the Eastern Economic Forum. "
            "Kremlin spokesman Dmitry Peskov said on Tuesday that sanctions were pointless.</p>"
            "</article><footer>Copyright</footer></body></html>")
    for number in range(12):
        (tmp_path / f"{number:02d}.html").write_text(page, encoding="utf-8")
    (tmp_path / "99.html").write_bytes(b"")
    one = list(iter_article_events([tmp_path], published="2017-09-07", workers=1))
    two = list(iter_article_events([tmp_path], published="2017-09-07", workers=2))
    assert one == two
    first, events = one[0]
    assert first.title == "Talks in Vladivostok" and first.published == dt.datetime(2017, 9, 7)
    assert "Copyright" not in first.text and events
    assert one[-1][0].reason == "empty"


@pytest.mark.parametrize("workers", [1, 2])
def test_the_stream_reads_only_a_bounded_window_ahead(workers):
    pulled = Counter()

    def endless():
        for number in itertools.count():
            pulled["articles"] += 1
            yield Article(text=f"Officials met on Monday, day {number}.", path=f"a{number}", published="2017-09-06")

    taken = list(itertools.islice(iter_article_events(endless(), workers=workers), 50))
    assert [item.path for item, _ in taken] == [f"a{n}" for n in range(50)]
    window = 1 if workers == 1 else workers * BATCHES_PER_WORKER * BATCH_SIZE + BATCH_SIZE
    assert pulled["articles"] <= 50 + window


def test_a_bad_input_is_reported_in_place_and_the_rest_continue(tmp_path):
    (tmp_path / "a.txt").write_text("Peskov said on Wednesday that sanctions were pointless.")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    given = Article(text="Putin met Moon on Wednesday.", path="given", published="2017-09-06")
    results = list(iter_article_events([tmp_path, given, tmp_path / "missing.txt"]))
    kinds = [(type(item).__name__, getattr(item, "reason", None)) for item, _ in results]
    assert kinds == [("Article", None), ("ArticleError", "empty"), ("ArticleError", "binary"),
                     ("Article", None), ("ArticleError", "missing")]
    assert all(events == [] for item, events in results if isinstance(item, ArticleError))


def test_an_extraction_failure_is_a_bug_naming_the_article_not_a_bad_input(monkeypatch):
    def extract(text, published, source=None):
        if "boom" in text:
            raise RuntimeError("cannot cope\nwith this")
        return []

    monkeypatch.setattr("timeline.pipeline.extract_events", extract)
    articles = [Article(text="fine", path="a"), Article(text="boom", path="b"), Article(text="fine", path="c")]
    with pytest.raises(ExtractionBug, match="events of 'b': RuntimeError: cannot cope") as raised:
        build_timeline(articles)
    assert isinstance(raised.value.__cause__, RuntimeError)


def test_published_overrides_articles_given_as_models():
    article = Article(text="The minister resigned on Sunday.", path="x", published="2017-01-01")
    (item, _), = iter_article_events([article], published="2017-09-06")
    assert item.published == dt.datetime(2017, 9, 6)


def test_articles_given_as_models_without_path_url_or_title_are_each_their_own():
    """Three such articles reporting one happening are its three sources; two unrelated statements
    on one day by the same speaker, each in its own article, stay two events."""
    p = dt.datetime(2017, 9, 6)
    texts = ["The stadium roof collapsed on Monday, killing ten people.",
             "Ten people died when the stadium roof collapsed on Monday.",
             "The stadium roof collapsed on Monday.",
             "Officials said on Monday the plan was unworkable.",
             "Officials said on Monday the harvest was excellent."]
    events = timeline.build_timeline([Article(text=t, published=p) for t in texts]).events
    assert max(len({s.article_key for s in e.sources}) for e in events if "collapsed" in e.title) == 3
    statements = [e for e in events if e.kind == "statement"]
    assert sorted(len(e.sources) for e in statements) == [1, 1]


def test_articles_given_as_models_with_one_title_and_no_path_or_url_are_each_their_own():
    """Two outlets' reports under one headline ('Breaking news') are two articles, not one: each
    is a source of the happening they both report, and each outlet counts."""
    p = dt.datetime(2010, 4, 22)
    texts = [("The Deepwater Horizon oil rig exploded on Tuesday in the Gulf of Mexico, killing 11 workers.", "Reuters"),
             ("An explosion on Tuesday destroyed the Deepwater Horizon oil rig in the Gulf of Mexico and killed 11 "
              "workers.", "AP")]
    built = timeline.build_timeline([Article(text=t, title="Breaking news", source=o, published=p) for t, o in texts])
    (blast,) = [e for e in built.events if e.date and e.date.value == "2010-04-20"]
    assert len({s.article_key for s in blast.sources}) == 2
    assert (blast.salience.articles, blast.salience.outlets) == (2, 2)
    assert [a.title for a in built.articles] == ["Breaking news"] * 2


def test_numbers_of_numpy_are_whole_numbers_like_any(samples_dir):
    """A count computed with NumPy (``np.int64``) is a whole number: ``top`` and ``workers`` take it
    as ``summarize``'s ``dates`` does (it was refused as 'not a whole number')."""
    import numpy as np

    built = build_timeline(samples_dir, top=np.int64(3), workers=np.int64(1))
    assert built == build_timeline(samples_dir, top=3, workers=1)
    assert sum(1 for e in built.events if e.key) == 3
    with pytest.raises(ValueError, match="top must be a whole number"):
        build_timeline(samples_dir, top=np.float64(3))


def test_build_timeline_takes_models_paths_or_a_mix(samples_dir):
    from_paths = build_timeline(samples_dir)
    articles = [item for item, _ in iter_article_events(samples_dir)]
    assert build_timeline(articles) == from_paths
    assert build_timeline([articles[0], samples_dir / articles[1].path.rsplit("/", 1)[1]]) == from_paths
    assert [a.path for a in from_paths.articles] == [a.path for a in articles]
    assert from_paths.errors == []


def test_an_article_without_date_keeps_explicit_dates_and_leaves_relative_ones_unresolved():
    article = Article(
        text="The company announced the merger on September 3, 2017. "
        "Shareholders approved it on Sunday.",
        path="undated",
    )
    timeline = build_timeline([article])
    dated = {event.trigger.text: event.date.value for event in timeline.dated}
    assert dated.get("announced") == "2017-09-03"
    assert "approved" not in dated


@pytest.mark.parametrize(
    "summary, line",
    [
        (Summary(read=2, events=14), "2 articles read, 14 events"),
        (Summary(read=1, events=1), "1 article read, 1 event"),
        (Summary(read=10000, skipped=Counter(malformed=1200), events=154652),
         "10,000 articles read, 1,200 skipped (1,200 malformed), 154,652 events"),
        (Summary(read=8, skipped=Counter(empty=2, binary=1), undated=3, events=18),
         "8 articles read, 3 skipped (1 binary, 2 empty), 3 without publication date, 18 events"),
    ],
)
def test_summary_line(summary, line):
    assert str(summary) == line


def test_summary_counts_what_a_stream_did(tmp_path):
    (tmp_path / "a.txt").write_text("---\npublished: 2017-09-06\n---\nPeskov said on Wednesday it was pointless.")
    (tmp_path / "b.txt").write_text("Putin met Moon in Vladivostok.")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.md").write_text("---\npublished: 2017-02-30\n---\nText.")
    summary = Summary()
    for item, events in iter_article_events(tmp_path):
        summary.add(item, events)
    assert (summary.read, summary.undated, dict(summary.skipped)) == (2, 1, {"empty": 1, "bad-date": 1})
    assert Summary.of(build_timeline(tmp_path)).skipped == summary.skipped


def test_a_path_object_of_the_callers_own_is_read_by_its_name(samples_dir):
    class Named:  # (an os.PathLike that is no pathlib.Path)
        def __init__(self, path):
            self.path = path

        def __fspath__(self):
            return str(self.path)

    paths = sorted(samples_dir.glob("*.txt"))
    assert [a.path for a in timeline.load_articles([Named(p) for p in paths])] == [str(p) for p in paths]


@pytest.mark.parametrize("call, error, message", [
    (lambda: timeline.tag(None), TypeError, "text must be str, not NoneType"),
    (lambda: timeline.tag(b"Talks on Monday."), TypeError, "text must be str, not bytes"),
    (lambda: timeline.tag("Talks on Monday.", lang=None), TypeError, "lang must be str, not NoneType"),
    (lambda: timeline.extract_events(5), TypeError, "text must be str, not int"),
    (lambda: timeline.extract_events(timeline.Article(text="Talks on Monday.", path="a.txt")), TypeError,
     "extract_events(article.text, source=article)"),
    (lambda: timeline.extract_events("Talks on Monday.", source="Valley Post"), TypeError,
     "source must be Article or Source, not str"),
    (lambda: timeline.extract_events("Talks on Monday.", lang="xx"), ValueError,
     "lang must be a language with data (en), not 'xx'"),
    (lambda: timeline.merge_events(None), TypeError, "events must be list or tuple, not NoneType"),
    (lambda: timeline.merge_events(["an event"]), TypeError, "each of events must be Event, not str"),
    (lambda: timeline.summarize([]), TypeError, "timeline must be Timeline, not list"),
    (lambda: timeline.build_timeline([], workers="2"), TypeError, "workers must be a whole number, not str"),
    (lambda: timeline.build_timeline([], workers=0), ValueError, "workers must be 1 or more, not 0"),
    # the split of the text, when the caller gives it: a list of timeline.text.Sentence
    (lambda: timeline.tag("Talks on Monday.", sentences=5), TypeError, "sentences must be list or tuple, not int"),
    (lambda: timeline.tag("Talks on Monday.", sentences=[(0, 16)]), TypeError,
     "each of sentences must be Sentence, not tuple"),
    # paths and articles: not a byte string read byte by byte, nor a record taken for a path
    (lambda: timeline.load_articles(b"/tmp"), TypeError, "paths must be a path or a list of paths, not bytes"),
    (lambda: timeline.load_articles(None), TypeError, "paths must be a path or a list of paths, not NoneType"),
    (lambda: timeline.build_timeline([{"text": "Talks on Monday."}]), TypeError,
     "articles must be Articles or paths, not dict"),
    (lambda: timeline.build_timeline(None), TypeError, "articles must be an Article, a path or a list of them"),
    (lambda: __import__("timeline.render").render.render(None, "html"), TypeError,
     "timeline must be Timeline, not NoneType"),
    (lambda: __import__("timeline.render").render.render(timeline.Timeline(), "html", title=5), TypeError,
     "title must be str, not int"),
    # a timeline made by hand (or read back from JSON) with a score that is no number
    (lambda: timeline.Salience(score=float("nan")), ValueError, "finite number"),
])
def test_a_wrong_argument_to_the_library_is_named_in_its_error(call, error, message):
    with pytest.raises(error) as raised:
        call()
    assert message in str(raised.value)


@pytest.mark.parametrize("pause", [0.0, 1.0], ids=["at-once", "while-waiting"])
def test_a_worker_killed_mid_run_loses_no_article(tmp_path, monkeypatch, pause):
    """A worker the system kills (as its out-of-memory killer does) breaks the pool: every article
    still comes, in order, with the events it has with one worker, and the run goes on in a new
    pool (the break noticed at once, or while the pool waited for its output to be read)."""
    import os
    import signal
    import time

    import timeline.pipeline

    lines = [json.dumps({"text": f"The council of town {n} met on Monday. It voted on Tuesday to close the bridge.",
                         "published": "2024-05-08", "title": f"Town {n}"}) for n in range(300)]
    feed = tmp_path / "towns.jsonl"
    feed.write_text("\n".join(lines), encoding="utf-8")
    pools = []
    real = timeline.pipeline._Pool.renew

    def renew(self):
        real(self)
        pools.append(self.executor)

    monkeypatch.setattr(timeline.pipeline._Pool, "renew", renew)
    monkeypatch.setattr(timeline.pipeline, "usable_cores", lambda: 2)
    expected = list(iter_article_events([feed], workers=1))
    got = []
    for n, result in enumerate(iter_article_events([feed], workers=2)):
        got.append(result)
        if n == 3:
            os.kill(next(iter(pools[0]._processes)), signal.SIGKILL)
            time.sleep(pause)
    assert got == expected
    assert len(pools) > 1  # (a new pool took over)


def test_an_article_that_kills_its_worker_again_is_skipped_with_its_name_and_the_rest_come(tmp_path, monkeypatch):
    """The batches a dead worker broke are done again an article at a time; the one whose process
    dies again is an error naming it, and every other article comes with its events."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    import timeline.pipeline

    class Pool:  # worker processes as the test plays them: the process given 'Town 5' dies
        def __init__(self, workers):
            pass

        def renew(self):
            pass

        abandon = close = renew

        def submit(self, function, argument):
            future = Future()
            if any(getattr(item, "title", None) == "Town 5" for item in (argument if isinstance(argument, list)
                                                                          else [argument])):
                future.set_exception(BrokenProcessPool("killed"))
            else:
                future.set_result(function(argument))
            return future

    lines = [json.dumps({"text": f"The council of town {n} met on Monday.", "published": "2024-05-08",
                         "title": f"Town {n}"}) for n in range(40)]
    feed = tmp_path / "towns.jsonl"
    feed.write_text("\n".join(lines), encoding="utf-8")
    expected = list(iter_article_events([feed], workers=1))
    monkeypatch.setattr(timeline.pipeline, "_Pool", Pool)
    monkeypatch.setattr(timeline.pipeline, "usable_cores", lambda: 2)
    got = list(iter_article_events([feed], workers=2))
    assert [r for n, r in enumerate(got) if n != 5] == [r for n, r in enumerate(expected) if n != 5]
    error, events = got[5]
    assert isinstance(error, ArticleError) and events == []
    assert error.path == f"{feed}:6" and "stopped abruptly" in error.message


@pytest.mark.parametrize("refusals, started", [(1, True), (2, False)])
def test_a_worker_that_cannot_be_started_once_is_started_again_then_the_pool_is_broken(monkeypatch, refusals, started):
    """The process that starts workers may die with them (killed by the same hand): the next start
    is refused once ('connection refused') and works when tried again; refused twice, the pool is
    broken, which the command line reports in one line."""
    from concurrent.futures.process import BrokenProcessPool

    import timeline.pipeline

    refused = []

    class Executor:  # a pool whose workers cannot be started the first ``refusals`` times
        def __init__(self, *args, **kwargs):
            pass

        def submit(self, function, argument):
            if len(refused) < refusals:
                refused.append(1)
                raise ConnectionRefusedError(111, "Connection refused")
            return f"{function.__name__}({argument})"

        def shutdown(self, wait=True, cancel_futures=False):
            pass

    monkeypatch.setattr(timeline.pipeline, "ProcessPoolExecutor", Executor)
    monkeypatch.setattr(timeline.pipeline, "STARTER_WAIT", 0)
    pool = timeline.pipeline._Pool(2)
    if started:
        assert pool.submit(len, "abc") == "len(abc)"
    else:
        with pytest.raises(BrokenProcessPool, match="no worker process could be started"):
            pool.submit(len, "abc")
