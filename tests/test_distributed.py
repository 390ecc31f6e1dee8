"""The Dask path: the same timeline on a two-worker LocalCluster as in one process."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("dask.bag", reason="the dask extra is not installed")
pytest.importorskip("distributed", reason="the dask extra is not installed")

import dask.bag as db
from dask.distributed import Client, LocalCluster
from typer.testing import CliRunner

from timeline.cli import app
from timeline.distributed import build_timeline_dask
from timeline.pipeline import build_timeline, iter_inputs
from timeline.timeml import read_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


@pytest.fixture
def client(cluster):
    with Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def corpus(timebank_dir, samples_dir, tmp_path_factory):
    """The samples, 50 TimeBank articles as text files with their dates, and a bad file."""
    folder = tmp_path_factory.mktemp("corpus")
    for doc in read_corpus(timebank_dir)[:50]:
        (folder / f"{doc.doc_id}.txt").write_text(f"---\npublished: {doc.dct}\n---\n{doc.text}", encoding="utf-8")
    (folder / "zz-empty.txt").write_bytes(b"")
    return [str(samples_dir), str(folder)]


def test_a_list_of_paths_gives_the_single_process_timeline(client, corpus):
    expected = build_timeline(corpus)
    assert len(expected.dated) > 50 and expected.errors
    assert build_timeline_dask(corpus, partitions=5) == expected


def test_a_file_given_twice_is_read_once_on_the_cluster_as_in_one_process(client, corpus, samples_dir):
    first = str(next(p for p in sorted(samples_dir.iterdir()) if p.suffix == ".txt"))
    inputs = [*corpus, first, str(samples_dir / ".." / samples_dir.name)]  # (again, and by another name)
    expected = build_timeline(inputs)
    assert expected == build_timeline(corpus)
    assert build_timeline_dask(inputs, partitions=5) == expected


def test_a_bag_of_articles_gives_the_single_process_timeline(client, corpus):
    articles = list(iter_inputs(corpus))
    bag = db.from_sequence(articles, npartitions=4)
    assert build_timeline_dask(bag) == build_timeline(articles)


def test_articles_with_no_path_nor_url_are_each_their_own_on_the_cluster(client):
    """Articles given as models with no path nor url (one headline for all) are each an article of
    their own on the cluster too, whatever partition they fall in: as a list, named as in one
    process; as a bag, named by partition (each partition had numbered its own from 1, and four
    articles made two)."""
    import datetime as dt

    from timeline.models import Article

    published = dt.datetime(2010, 4, 22)
    texts = ["The Deepwater Horizon oil rig exploded on Tuesday, killing 11 workers.",
             "An explosion on Tuesday destroyed the Deepwater Horizon oil rig.",
             "The oil rig exploded on Tuesday in the Gulf of Mexico.",
             "Eleven workers died when the rig exploded on Tuesday."]
    articles = [Article(text=t, title="Breaking news", published=published) for t in texts]
    expected = build_timeline(articles)
    assert build_timeline_dask(articles, partitions=2) == expected
    from_bag = build_timeline_dask(db.from_sequence(articles, npartitions=2))
    assert len({a.path for a in from_bag.articles}) == 4
    assert sorted((e.title, len({s.article_key for s in e.sources})) for e in from_bag.events) \
        == sorted((e.title, len({s.article_key for s in e.sources})) for e in expected.events)
    assert sum(len({s.article_key for s in e.sources}) for e in expected.dated) == 4


def test_reports_of_one_happening_in_two_articles_merge_on_the_cluster(client, samples_dir):
    timeline = build_timeline_dask([samples_dir], partitions=2)
    assert timeline == build_timeline(samples_dir)
    assert any(len({s.path for s in e.sources}) == 2 for e in timeline.dated)


def test_cli_scheduler_option_uses_the_cluster(cluster, corpus):
    runner = CliRunner()
    local = runner.invoke(app, ["events", *corpus, "--json", "--workers", "1"])
    remote = runner.invoke(app, ["events", *corpus, "--json", "--scheduler", cluster.scheduler_address])
    assert local.exit_code == remote.exit_code == 1  # the empty file
    assert json.loads(remote.stdout) == json.loads(local.stdout)
    assert "zz-empty.txt: empty file" in remote.stderr


def test_cli_scheduler_tells_one_files_repeated_problem_a_few_times_then_counts_it(cluster, tmp_path):
    """Ten records of one feed with one same bad date: five lines, then how many more, as in one
    process (the cluster's errors were each told)."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": f"Talks {n} ended on Monday.", "published": "yesterday"}) + "\n"
                            for n in range(10)), encoding="utf-8")
    runner = CliRunner()
    local = runner.invoke(app, ["events", str(feed), "--workers", "1"])
    remote = runner.invoke(app, ["events", str(feed), "--scheduler", cluster.scheduler_address])
    assert local.exit_code == remote.exit_code == 1
    lines = remote.stderr.splitlines()
    assert [line for line in lines if line.startswith("error:")] \
        == [line for line in local.stderr.splitlines() if line.startswith("error:")]
    assert len([line for line in lines if line.startswith("error:")]) == 6 and "5 more records" in remote.stderr


def test_cli_scheduler_with_standard_input_is_refused_in_one_line(samples_dir):
    """Standard input is this machine's: the cluster's workers would each read their own, empty
    (it was told 'empty file')."""
    text = next(samples_dir.glob("*.txt")).read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["events", "-", "--scheduler", "tcp://127.0.0.1:1"], input=text)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: standard input ('-') is read on this machine; it cannot be combined with --scheduler"]


def test_cli_bad_scheduler_address_is_one_line(samples_dir):
    result = CliRunner().invoke(app, ["events", str(samples_dir), "--scheduler", "tpc://127.0.0.1:8786"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler" in result.stderr and "Traceback" not in result.stderr


def test_cli_scheduler_address_of_no_dask_scheduler_is_one_line(samples_dir):
    """A web server where the scheduler should be: its reply is no Dask frame (it was read as
    one of 3 EiB, and the command ended in an internal error)."""
    import socket
    import threading

    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def answer():
        with server:
            while True:
                try:
                    connection, _ = server.accept()
                except OSError:
                    return
                with connection:
                    connection.sendall(b"HTTP/1.1 200 OK\r\n\r\n")

    threading.Thread(target=answer, daemon=True).start()
    try:
        result = CliRunner().invoke(app, ["build", str(samples_dir), "--scheduler", f"tcp://127.0.0.1:{port}"])
    finally:
        server.close()
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port} (")


def test_a_story_over_several_date_blocks_gives_the_single_process_timeline(client):
    """Reports of one happening on both sides of a block edge, undated ones near publication,
    statements by one speaker: merged, scored and keyed alike on the cluster."""
    import datetime as dt

    from timeline.merge import block_keys
    from timeline.models import Article

    places = ["Goma", "Bukavu", "Kisangani", "Kindu", "Uvira"]
    articles = []
    for n in range(40):
        day = dt.date(1998, 8, 1) + dt.timedelta(days=n % 20)
        place = places[n % len(places)]
        text = (f"Rebels seized the airport at {place} on {day:%B} {day.day}, {day.year}, witnesses said. "
                f"Government troops withdrew from {place} toward the border. "
                f"Minister Didier Mumengi said the army would retake {place} within days.")
        articles.append(Article(text=text, path=f"a{n:02d}.txt", source=f"Outlet{n % 4}",
                                published=dt.datetime.combine(day + dt.timedelta(days=n % 3), dt.time())))
    expected = build_timeline(articles)
    assert len({key for e in expected.events for key in block_keys(e)}) > 3
    assert any(len(e.sources) > 1 for e in expected.events) and expected.key_events
    assert build_timeline_dask(db.from_sequence(articles, npartitions=5)) == expected


def test_page_furniture_is_dropped_on_the_cluster_as_in_one_process(client):
    """A footer one outlet prints every day, spread over partitions: dropped alike."""
    import datetime as dt

    from timeline.models import Article

    footer = "Readers can follow the latest harbour news on our weekly newsletter."
    articles = []
    for n in range(12):
        day = dt.date(2021, 3, 1) + dt.timedelta(days=n)
        text = f"The council met the harbour board on {day:%B} {day.day}, {day.year}, about repair {n}.\n{footer}\n"
        articles.append(Article(text=text, path=f"g{n:02d}.txt", source="Harbour Gazette",
                                published=dt.datetime.combine(day, dt.time(12))))
    expected = build_timeline(articles)
    assert footer not in {s.sentence for e in expected.events for s in e.sources}
    assert build_timeline_dask(db.from_sequence(articles, npartitions=4)) == expected


def test_hostile_inputs_give_the_single_process_timeline_and_errors_on_the_cluster(client, tmp_path):
    """What one process refuses with a line, or reads around, the cluster refuses and reads alike:
    the same events and the same error lines, whatever partition a bad file lands in."""
    dated = "---\npublished: 2017-09-06\n---\nThe minister resigned on Monday. The plant closed on Tuesday.\n"
    files = {
        "ok.txt": dated.encode(),
        "nested.json": b"[" * 50_000 + b"]" * 50_000,
        "surrogate.json": json.dumps({"text": "Talks ended on Monday \ud800 here.", "published": "2017-09-06",
                                      "source": "x\u202eevil"}).encode(),
        "nul.txt": b"The talks\x00 ended on Monday.",
        "bom.txt": "\ufeff".encode("utf-16") + dated.encode("utf-16-le"),
        "cr.jsonl": b'{"text": "Talks ended on Monday.", "published": "2017-09-06"}\r'
                    b'{"text": "The plant closed on Tuesday.", "published": "2017-09-06"}\r',
        "bigint.json": b'{"text": "Talks ended on Monday.", "published": "2017-09-06", "n": ' + b"9" * 5000 + b"}",
        "\u202etxt.evil.txt": dated.encode(),
        "page.html": b'<html><head><meta charset="latin-1"><title>T<script>x</script></title></head>'
                     b"<body><p>The talks ended on Monday.</p></body></html>",
        "dots.txt": dated.encode() + b"." * 20_000,
        "feb30.md": b"---\npublished: February 30, 2017\n---\nText.",
        "empty.txt": b"",
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "bad\udcffname.txt").write_bytes(dated.encode())  # a name that is not UTF-8
    expected = build_timeline([str(tmp_path)])
    assert len(expected.errors) == 4 and len(expected.articles) == 10
    assert build_timeline_dask([str(tmp_path)], partitions=4) == expected


@pytest.mark.parametrize("arguments", [{"partitions": -1}, {"partitions": 0}, {"partitions": "2"},
                                       {"top": -1}, {"top": "3"}])
def test_bad_arguments_are_refused_before_any_work(samples_dir, arguments):
    # (a negative number of partitions had given an empty timeline, without a word)
    with pytest.raises(ValueError, match=next(iter(arguments))):
        build_timeline_dask([samples_dir], **arguments)


def test_an_articles_repeated_reports_are_kept_once_on_the_cluster_as_in_one_process():
    """An article that prints one sentence twice (a caption, a page of one sentence over and over)
    gives its report once to the merge in one process; the cluster's partitions did not drop the
    copies, and with them the merge weighed words otherwise (6,151 events of 300 h1n1 articles
    against 6,150)."""
    import datetime as dt

    from timeline.distributed import _partition_events
    from timeline.models import Article

    text = "The bridge collapsed on Monday. The bridge collapsed on Monday. Talks ended on Tuesday."
    article = Article(text=text, path="a.txt", published=dt.datetime(2017, 9, 6))
    _, events, _ = _partition_events([article], 0, None)
    assert sorted(e.title for _, e in events) == sorted(e.title for e in build_timeline([article]).events)
