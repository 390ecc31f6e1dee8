"""The command line: build, events, tag, eval; outputs, messages and exit codes."""

from __future__ import annotations

import io
import json
import re
import shutil
import os
import sys
from concurrent.futures.process import BrokenProcessPool

import pytest
from typer.testing import CliRunner

from timeline.cli import _progress, app
from timeline.timeml import read_corpus

runner = CliRunner()


def run(*args, input=None):
    result = runner.invoke(app, [str(arg) for arg in args], input=input)
    assert "Traceback" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def stderr_lines(result):
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.fixture
def mixed_folder(samples_dir, tmp_path):
    """The two samples, an article without a date, and one file of each kind of bad input."""
    folder = tmp_path / "in"
    shutil.copytree(samples_dir, folder)
    (folder / "undated.txt").write_text("Peskov said the talks would continue.", encoding="utf-8")
    bad = {
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02\x03PK",
        "latin1.txt": "Caf\xe9 owners protested on Monday.".encode("latin-1"),
        "front.md": b"---\ntitle Oil\n---\nText.",
        "feb30.md": b"---\npublished: February 30, 2017\n---\nText.",
    }
    for name, content in bad.items():
        (folder / name).write_bytes(content)
    return folder, sorted(bad)


# --- events --------------------------------------------------------------------------------------

FOUNDING_EVENTS = [
    # (a phrase of the sentence, a word of the trigger, the date)
    ("defected in October 2014", "defected", "2014-10"),
    ("presumed test of a H-bomb", "test", "2017-09-03"),
    ("Peskov", "said", "2017-09-06"),
    ("Eastern Economic Forum (EEF)", "met", "2017-09-06"),
    ("Yury Ushakov said", "said", "2017-09-06"),
]


def test_events_json_lists_the_founding_events_in_order(samples_dir):
    result = run("events", samples_dir, "--json", "--workers", 1)
    assert result.exit_code == 0, result.stderr
    events = json.loads(result.stdout)
    positions = []
    for phrase, trigger, date in FOUNDING_EVENTS:
        found = [i for i, e in enumerate(events)
                 if phrase in e["sentence"] and trigger in e["trigger"]["text"]
                 and e["date"] and e["date"]["value"] == date]
        assert found, f"no event {trigger!r} dated {date} in {phrase!r}"
        positions.append(found[0])
    assert positions == sorted(positions)
    peskov = events[positions[2]]
    assert {s["path"].rsplit("/", 1)[1] for s in peskov["sources"]} == {
        "peskov-sanctions-pointless.txt", "russia-oil-no-problem.txt"}
    dates = {e["date"]["value"] for e in events if e["date"]}
    assert dates <= {"2014-10", "2017-09-03", "2017-09-06"}


def test_events_table_is_readable_and_the_summary_goes_to_stderr(samples_dir):
    result = run("events", samples_dir)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines and all(line[:12].strip() for line in lines)  # each line starts with its date
    assert stderr_lines(result)[-1].startswith("2 articles read,")


def test_events_table_writes_centuries_as_readers_do_and_keeps_its_columns(tmp_path):
    article = tmp_path / "history.txt"
    article.write_text("---\npublished: 2011-01-10\n---\nThe plague swept the port in the 14th century. "
                       "The council met at 7:30 p.m. on Friday. Officials are reviewing the rules. "
                       "The empire collapsed in the 1st century.\n")
    result = run("events", article)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("1300s ") and "plague" in line.lower() for line in lines)
    assert any(line.startswith("0s ") and "empire" in line.lower() for line in lines)  # (not '1s': it starts in 1)
    assert any(line.startswith("(around) ") for line in lines)  # (not the model's 'overlap')
    starts = {len(line) - len(line[line.index(" "):].lstrip()) for line in lines}
    assert len(starts) == 1  # (every title starts in one column, however long a date)


def test_a_date_phrase_wrapped_over_two_lines_is_shown_on_one(tmp_path):
    article = tmp_path / "wrapped.txt"
    article.write_text("---\npublished: 2011-01-10\n---\nThe plant was closed on March 3,\n2009, after a fire.\n")
    result = run("events", article)
    assert result.exit_code == 0
    assert "2009-03-03   Plant was closed  [March 3, 2009]" in result.stdout.splitlines()


def test_events_jsonl_streams_one_event_a_line(samples_dir):
    result = run("events", samples_dir, "--jsonl")
    assert result.exit_code == 0
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all({"title", "sentence", "sources"} <= set(e) for e in events)
    assert f"{len(events)} events" in result.stderr


def test_events_from_stdin_with_published():
    text = "Kremlin spokesman Dmitry Peskov said Wednesday that sanctions were pointless."
    result = run("events", "-", "--json", "--published", "2017-09-06", input=text)
    assert result.exit_code == 0, result.stderr
    said = [e for e in json.loads(result.stdout) if e["trigger"]["text"] == "said"]
    assert said and said[0]["date"]["value"] == "2017-09-06"


def test_workers_do_not_change_the_output(timebank_dir, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": d.text, "published": d.dct})
                              for d in read_corpus(timebank_dir)[:40]), encoding="utf-8")
    one = run("events", feed, "--json", "--workers", 1)
    two = run("events", feed, "--json", "--workers", 2)
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and json.loads(one.stdout)


# --- bad input -----------------------------------------------------------------------------------


def test_bad_inputs_are_reported_one_line_each_and_the_good_ones_still_written(mixed_folder, tmp_path):
    folder, bad_names = mixed_folder
    out = tmp_path / "out" / "timeline.html"
    result = run("build", folder, "-o", out, "--json", tmp_path / "events.json")
    assert result.exit_code == 1
    errors = [line for line in stderr_lines(result) if line.startswith("error: ")]
    assert sorted(line.split(": ")[1].rsplit("/", 1)[1] for line in errors) == bad_names
    warnings = [line for line in stderr_lines(result) if line.startswith("warning: ")]
    assert len(warnings) == 1 and "undated.txt: no publication date" in warnings[0]
    assert out.stat().st_size > 0
    events = json.loads((tmp_path / "events.json").read_text())
    assert {s["path"].rsplit("/", 1)[1] for e in events for s in e["sources"]} >= {
        "peskov-sanctions-pointless.txt", "russia-oil-no-problem.txt"}
    assert "3 articles read, 5 skipped (1 bad-date, 1 binary, 1 empty, 1 malformed, 1 undecodable)" in result.stderr


def test_events_exit_non_zero_when_an_input_failed(mixed_folder):
    folder, _ = mixed_folder
    result = run("events", folder, "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)  # the good articles' events are still printed


def test_quiet_keeps_errors_only(mixed_folder):
    folder, bad_names = mixed_folder
    result = run("events", folder, "--quiet")
    assert result.exit_code == 1
    assert len(stderr_lines(result)) == len(bad_names)
    assert all(line.startswith("error: ") for line in stderr_lines(result))


def test_missing_input_is_an_error_not_a_traceback(tmp_path):
    result = run("events", tmp_path / "nowhere")
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nowhere'}: no such file or folder" in result.stderr


def test_a_worker_that_dies_is_one_line_not_a_traceback(monkeypatch, samples_dir):
    def dying(*args):
        yield from ()
        raise BrokenProcessPool("killed")

    monkeypatch.setattr("timeline.cli.iter_article_events", dying)
    result = run("events", samples_dir)
    assert result.exit_code == 1
    assert "error: a worker process stopped abruptly" in result.stderr


@pytest.mark.parametrize("command", ["events", "tag", "summary", "build"])
def test_a_folder_without_articles_is_an_error(tmp_path, command):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    result = run(command, tmp_path, "-o", tmp_path / "page.html") if command == "build" else run(command, tmp_path)
    assert result.exit_code == 1
    assert "error: no articles found" in result.stderr


@pytest.mark.parametrize("command", ["events", "summary", "build"])
def test_files_a_folder_holds_that_are_not_read_are_counted(samples_dir, tmp_path, command):
    folder = tmp_path / "in"
    shutil.copytree(samples_dir, folder)
    (folder / "report.pdf").write_bytes(b"%PDF")
    (folder / "scans").mkdir()
    for name in ("a.jpg", "b.JPG", "notes.docx", ".hidden.pdf"):
        (folder / "scans" / name).write_bytes(b"x")
    (folder / "elsewhere").symlink_to(tmp_path)  # (a link to a folder is not followed, nor counted)
    args = ("-o", folder / "page.html") if command == "build" else ()  # (nor the page this run writes)
    result = run(command, folder, folder / "scans", *args)  # (a folder inside another is counted once)
    assert result.exit_code == 0
    assert "4 other files not read (2 .jpg, 1 .docx, 1 .pdf)" in result.stderr
    assert "not read" not in run(command, samples_dir, *args).stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--published", "2017-02-30"], "--published"),
        (["--published", "next week"], "--published"),
        # (a zone no clock keeps, told in the user's words, not the parser's)
        (["--published", "2017-09-06T10:00-24:00"], "(UTC offset out of range: at most 23:59 either way)"),
        (["--format", "pdf"], "unknown format 'pdf'"),
        (["--lanes", "authors"], "authors"),
    ],
)
def test_bad_options_exit_2_with_a_message(samples_dir, tmp_path, args, message):
    result = run("build", samples_dir, "-o", tmp_path / "t.html", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "t.html").exists()


def test_a_long_bad_date_is_shown_cut_short():
    result = run("events", "-", "--published", "x" * 5_000, input="He left on Monday.")
    assert result.exit_code == 2 and len(result.stderr) < 300 and "\u2026" in result.stderr


# --- build ---------------------------------------------------------------------------------------


def test_build_writes_the_page_with_every_event(samples_dir, tmp_path):
    out = tmp_path / "timeline.html"
    result = run("build", samples_dir, "-o", out)
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    events = json.loads(run("events", samples_dir, "--json").stdout)
    assert events
    titles = page_titles(page)
    for event in events:
        assert event["title"] in titles


def test_build_heads_the_page_with_the_title_given(samples_dir, tmp_path):
    out = tmp_path / "timeline.html"
    assert run("build", samples_dir, "-o", out, "--title", "Korea: tests & talks").exit_code == 0
    assert "<h1>Korea: tests &amp; talks</h1>" in out.read_text(encoding="utf-8")


def page_titles(page: str) -> list[str]:
    """The titles the page's script shows: the payload's titles, a title that quotes its sentence
    (``[prefix, start, end]``, offsets in UTF-16 code units) spelled out."""
    data = json.loads(re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', page, re.S)[1])
    texts = data["texts"]
    titles = []
    for title, _, sentence, *_ in data["events"]:
        if not isinstance(title, str):
            text = texts[sentence if isinstance(sentence, int) else sentence[0]].encode("utf-16-le")
            title = title[0] + text[2 * title[1]:2 * title[2]].decode("utf-16-le")
        titles.append(title)
    return titles


def test_build_writes_each_format_beside_the_page(samples_dir, tmp_path):
    out = tmp_path / "out" / "timeline.html"
    args = ["-f", "html", "-f", "csv", "-f", "timelinejs", "-f", "json"]
    result = run("build", samples_dir, "-o", out, *args, "--json", tmp_path / "events.json", "--lanes", "none")
    assert result.exit_code == 0, result.stderr
    written = sorted(p.name for p in out.parent.iterdir())
    assert written == ["timeline.csv", "timeline.html", "timeline.json", "timeline.timelinejs.json"]
    assert json.loads((out.parent / "timeline.json").read_text())["events"] == json.loads(
        (tmp_path / "events.json").read_text())


@pytest.mark.parametrize("command", ["build", "events", "tag", "summary", "eval"])
def test_help_shows_flags_as_flags_and_values_by_what_they_are(command):
    # (the boxed help showed '--quiet -q <bool>', and a user wrote '--quiet true', read as a file to read)
    text = run(command, "--help").stdout
    assert "<bool>" not in text and "<str>" not in text and "<int" not in text
    assert ("-q, --quiet  " in text) == (command != "tag")


@pytest.mark.parametrize("name, head", [("story.csv", '"id","start"'), ("story.tml", "<?xml"),
                                        ("story.timelinejs.json", '{\n  "events"'), ("story.txt.html", "<!DOCTYPE")])
def test_with_no_format_given_the_file_name_chooses_it(samples_dir, tmp_path, name, head):
    # ('-o story.csv' had written story.html, and no CSV)
    result = run("build", samples_dir, "-q", "-o", tmp_path / name.replace(".txt.html", ".txt"))
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(head)


def test_a_file_name_no_format_writes_is_told_where_the_page_went(samples_dir, tmp_path):
    # ('-o story.tsv' wrote story.tsv.html without a word)
    result = run("build", samples_dir, "-o", tmp_path / "story.tsv")
    assert result.exit_code == 0 and [p.name for p in tmp_path.iterdir()] == ["story.tsv.html"]
    assert "warning: story.tsv: no format is written as .tsv; the page goes to story.tsv.html" in result.stderr


def test_a_failed_output_leaves_no_partial_file(samples_dir, tmp_path, monkeypatch):
    import errno
    import os

    real = os.replace

    def replace(source, target):
        if str(target).endswith(".csv"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    out = tmp_path / "timeline.html"
    (tmp_path / "timeline.csv").write_text("old")
    result = run("build", samples_dir, "-o", out, "-f", "csv", "-f", "html")
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'timeline.csv'}: not written (No space left on device)" in result.stderr
    assert (tmp_path / "timeline.csv").read_text() == "old"
    assert out.exists()  # the next output is still written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.csv", "timeline.html"]


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX permissions")
def test_a_rebuilt_output_keeps_its_read_and_write_permissions(samples_dir, tmp_path):
    private = tmp_path / "private.html"
    private.write_text("previous build")
    private.chmod(0o600)
    assert run("build", samples_dir, "-o", private, "-q").exit_code == 0
    assert (private.stat().st_mode & 0o7777) == 0o600 and "previous build" not in private.read_text()
    special = tmp_path / "special.html"
    special.write_text("previous build")
    special.chmod(0o4755)  # (no set-id or execute bit is carried over to a page)
    assert run("build", samples_dir, "-o", special, "-q").exit_code == 0
    assert (special.stat().st_mode & 0o7777) == 0o644


def test_a_build_that_reads_no_article_leaves_the_earlier_page_as_it_was(tmp_path):
    page = tmp_path / "timeline.html"
    page.write_text("the page of an earlier build")
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "bad.json").write_text("{not json")
    for given in ("empty.jsonl", "bad.json"):
        result = run("build", tmp_path / given, "-o", page)
        assert result.exit_code == 1 and "wrote" not in result.stderr
        assert page.read_text() == "the page of an earlier build"


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX links")
def test_an_output_named_by_a_loop_of_links_is_refused_in_one_line(samples_dir, tmp_path):
    (tmp_path / "a.html").symlink_to(tmp_path / "b.html")
    (tmp_path / "b.html").symlink_to(tmp_path / "a.html")
    result = run("build", samples_dir, "-o", tmp_path / "a.html", "-q")
    assert result.exit_code == 2  # (had been an internal error: a RuntimeError from resolving the loop)
    assert stderr_lines(result) == [f"error: {tmp_path / 'a.html'}: cannot be written (Too many levels of symbolic links)"]


def test_a_renderer_that_raises_is_an_internal_error_not_an_output_problem(samples_dir, tmp_path, monkeypatch):
    import timeline.render

    def render(timeline_, fmt, **options):
        raise KeyError("lane")

    monkeypatch.setattr(timeline.render, "render", render)
    result = runner.invoke(app, ["build", str(samples_dir), "-o", str(tmp_path / "t.html")])
    assert result.exit_code == 3
    lines = stderr_lines(result)
    assert "error: internal error: KeyError: 'lane'" in lines
    assert any("bug in timeline" in line and "--debug" in line for line in lines)
    assert "Traceback" not in result.stderr
    debug = runner.invoke(app, ["--debug", "build", str(samples_dir), "-o", str(tmp_path / "t.html")])
    assert isinstance(debug.exception, KeyError)  # --debug lets the traceback through


# --- tag and eval --------------------------------------------------------------------------------


def test_tag_prints_each_time_expression_with_its_value(samples_dir):
    result = run("tag", samples_dir / "russia-oil-no-problem.txt")
    assert result.exit_code == 0
    rows = [line.split(None, 3) for line in result.stdout.splitlines()]
    assert ["DATE", "2014-10", "'October 2014'"] in [row[1:] for row in rows]


def test_tag_takes_several_paths_and_heads_each_article_with_its_own(samples_dir, tmp_path):
    other = tmp_path / "note.txt"
    other.write_text("---\npublished: 2020-03-02\n---\nThe vote was on Friday.", encoding="utf-8")
    result = run("tag", samples_dir / "russia-oil-no-problem.txt", other)
    assert result.exit_code == 0
    heads = [line for line in result.stdout.splitlines() if line.startswith("== ")]
    assert heads == [f"== {samples_dir / 'russia-oil-no-problem.txt'}", f"== {other}"]
    assert "2020-02-28" in result.stdout.split(heads[1])[1]


def test_tag_warns_when_relative_dates_cannot_be_resolved(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("The minister resigned on Sunday.")
    result = run("tag", path)
    assert "no publication date" in result.stderr
    assert "(unresolved)" in result.stdout


def test_eval_prints_the_scores(timebank_dir, tmp_path):
    for source in sorted(timebank_dir.glob("*.tml"))[:3]:
        shutil.copy(source, tmp_path)
    result = run("eval", tmp_path, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)


def test_eval_of_a_missing_folder_is_a_usage_error(tmp_path):
    result = run("eval", tmp_path / "nowhere")
    assert result.exit_code == 2


# --- progress ------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("terminal, quiet, drawn", [(True, False, True), (True, True, False), (False, False, False)])
def test_progress_bar_only_on_a_terminal_and_not_quiet(monkeypatch, terminal, quiet, drawn):
    stderr = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    with _progress(4, quiet) as (advance, say):
        for _ in range(4):
            advance()
        say("error: a.txt: empty file")
    shown = stderr.getvalue()
    assert "error: a.txt: empty file" in shown
    assert ("4/4" in shown and "/s" in shown) == drawn


def test_a_message_on_the_progress_bar_shows_a_file_name_as_written(monkeypatch):
    monkeypatch.setattr(sys, "stderr", Terminal())
    with _progress(1, False) as (advance, say):
        say("error: :skull: [blink]report.txt: empty file")
    assert "error: :skull: [blink]report.txt: empty file" in sys.stderr.getvalue()  # no emoji, no markup


def test_eval_names_the_broken_gold_file_once(tmp_path):
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    result = run("eval", tmp_path)
    assert result.exit_code != 0
    lines = stderr_lines(result)
    assert len(lines) == 1
    assert lines[0].count(str(tmp_path)) == 1 and "broken.tml" in lines[0]


@pytest.mark.parametrize("args", [["build", "--help"], ["events", "samples"], ["build", "samples", "-o", "-"]])
def test_a_reader_that_stops_reading_is_no_error(args):
    """'timeline ... | head': when the reader of the output has gone, no 'internal error' and no
    traceback reach the terminal."""
    import subprocess
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    process = subprocess.Popen([sys.executable, "-c", "from timeline.cli import app; app()", *args], cwd=repo,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # gone before the interpreter has even started
    _, err = process.communicate(timeout=120)
    text = err.decode()
    assert "internal error" not in text and "Traceback" not in text and "BrokenPipe" not in text


@pytest.mark.parametrize("args", [["--json", "--workers", "1"], ["-o", "--quiet"]])
def test_an_option_taken_as_an_output_name_is_refused_before_any_work(samples_dir, tmp_path, monkeypatch, args):
    """'--json --workers 2' would make the JSON file '--workers': refused, nothing written."""
    monkeypatch.chdir(tmp_path)
    result = run("build", samples_dir, *args)
    assert result.exit_code == 2
    assert "looks like an option, not a file name" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["-events.json", "--workers"])
def test_a_file_name_starting_with_a_dash_can_still_be_written_as_a_path(samples_dir, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    result = run("build", samples_dir, "-q", "--json", f"./{name}")
    assert result.exit_code == 0, result.stderr
    assert json.loads((tmp_path / name).read_text(encoding="utf-8"))


def test_a_dash_writes_an_output_to_stdout_not_to_a_file_named_dash(samples_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("build", samples_dir, "-q", "--json", "-", "-o", "page.html")
    assert result.exit_code == 0, result.stderr
    events = json.loads(result.stdout)
    assert [e["title"] for e in events] == [e["title"] for e in json.loads(run("events", samples_dir, "--json").stdout)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]

    result = run("build", samples_dir, "-q", "-o", "-", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith('"id","start","end"') and len(result.stdout.splitlines()) == len(events) + 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


def test_dot_slash_dash_writes_a_file_named_dash_not_stdout(samples_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("build", samples_dir, "-q", "-o", "page.html", "--json", "./-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert json.loads((tmp_path / "-").read_text(encoding="utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["-", "page.html"]


def test_an_article_from_stdin_can_be_built_to_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = "Officials said the bridge reopened on Monday after repairs."
    result = run("build", "-", "--published", "2017-09-06", "-q", "-o", "-", "-f", "json", input=article)
    assert result.exit_code == 0, result.stderr
    dated = [(e["title"], e["date"]["value"]) for e in json.loads(result.stdout)["events"] if e["date"]]
    assert dated == [("Bridge reopened", "2017-09-04")]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args, message", [
    (["-o", "-", "-f", "html", "-f", "csv"], "--output -: standard output takes one format"),
    (["-o", "-", "--json", "-"], "standard output: both the html format and --json would be written there"),
])
def test_stdout_takes_one_output(samples_dir, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run("build", samples_dir, *args)
    assert result.exit_code == 2
    assert f"error: {message}" in result.stderr
    assert result.stdout == "" and list(tmp_path.iterdir()) == []


def test_workers_are_at_most_one_a_core(samples_dir, monkeypatch):
    """'-w 500' (a slip for '-w 5') started 500 processes, each holding its own language data."""
    import timeline.cli

    asked = []

    def recorded(paths, published=None, workers=1):
        asked.append(workers)
        return iter(())

    monkeypatch.setattr(timeline.cli, "usable_cores", lambda: 3)
    monkeypatch.setattr(timeline.cli, "estimate_count", lambda paths, limit=None: 10_000)
    monkeypatch.setattr(timeline.cli, "iter_article_events", recorded)
    for given, used in (("500", 3), ("2", 2)):
        run("events", samples_dir, "--jsonl", "-w", given, "-q")
        assert asked.pop() == used


def test_tag_streams_a_feed_instead_of_holding_it(monkeypatch):
    """'timeline tag' on a feed prints an article's expressions as it reads it, holding at most
    two articles (the feed may be larger than memory)."""
    import datetime as dt

    import timeline.cli
    from timeline.models import Article

    pulled = []

    def feed(paths, published=None):
        for n in range(1000):
            pulled.append(n)
            yield Article(text="Talks resumed on Monday.", path=f"feed.jsonl:{n + 1}",
                          published=dt.datetime(2017, 9, 6))

    seen_at_first_output = []
    real_out = timeline.cli._out

    def out(text, nl=True):
        if not seen_at_first_output:
            seen_at_first_output.append(len(pulled))
        real_out(text, nl)

    monkeypatch.setattr(timeline.cli, "iter_articles", feed)
    monkeypatch.setattr(timeline.cli, "_out", out)
    result = run("tag", "feed.jsonl")
    assert result.exit_code == 0
    assert result.stdout.count("2017-09-04") == 1000 and result.stdout.startswith("== feed.jsonl:1\n")
    assert seen_at_first_output == [2]


def test_a_closed_standard_stream_loses_no_output_silently_and_is_no_internal_error(tmp_path, samples_dir):
    import subprocess
    code = "from timeline.cli import app; app()"
    out = tmp_path / "page.html"
    # stderr closed ('2>&-'): the page is still written
    build = subprocess.run([sys.executable, "-c", code, "build", str(samples_dir), "-o", str(out), "-w", "1"],
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=None,
                           pass_fds=(), close_fds=True, preexec_fn=lambda: os.close(2), timeout=120)
    assert build.returncode == 0 and out.stat().st_size > 0
    # stdin closed ('<&-') and read: one line naming it
    read = subprocess.run([sys.executable, "-c", code, "events", "-", "-w", "1"], capture_output=True, text=True,
                          preexec_fn=lambda: os.close(0), timeout=120)
    assert read.returncode == 1 and "error: -: closed: nothing to read" in read.stderr
    assert "internal error" not in read.stderr and "Traceback" not in read.stderr
    # stdout closed ('>&-') where the results go: they are not silently dropped
    listed = subprocess.run([sys.executable, "-c", code, "events", str(samples_dir), "-w", "1"], text=True,
                            stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1),
                            timeout=120)
    assert listed.returncode == 1 and listed.stderr.splitlines() == ["error: standard output: not written (closed)"]


@pytest.mark.parametrize("args", [
    ["summary", "{samples}", "--from", "x" * 5000],
    ["build", "{samples}", "-f", "x" * 5000],
])
def test_a_long_bad_option_value_is_quoted_cut_short(samples_dir, args):
    result = run(*[str(samples_dir) if a == "{samples}" else a for a in args], "-w", 1)
    assert result.exit_code == 2
    (line,) = [line for line in stderr_lines(result) if line.startswith("error: ")]
    assert len(line) < 200 and "x" * 50 in line and "\u2026" in line


@pytest.mark.parametrize("module", ["timeline", "timeline.cli"])
def test_python_dash_m_runs_the_command_line(module):
    import subprocess
    done = subprocess.run([sys.executable, "-m", module, "tag", "-", "--published", "2017-09-06"],
                          input="The talks ended on Sunday.", capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "2017-09-03" in done.stdout and "Sunday" in done.stdout


def test_an_output_that_takes_part_of_a_write_gets_the_rest():
    # (an unbuffered standard output, PYTHONUNBUFFERED=1, takes what it can and says how much: the
    # page had been cut short on a full disk with exit 0)
    from timeline.cli import _write_all

    class Trickle(io.RawIOBase):
        def __init__(self):
            self.got = bytearray()

        def writable(self):
            return True

        def write(self, data):
            piece = bytes(data[:7])
            self.got += piece
            return len(piece)

    out = Trickle()
    _write_all(out, "<p>é</p>\n".encode("utf-8") * 100)
    assert bytes(out.got) == "<p>é</p>\n".encode("utf-8") * 100


def test_an_article_in_another_script_is_named_on_stderr_and_the_others_still_read(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "2023年4月2日，叛军占领了机场。政府军于4月3日夺回机场。当地官员称，冲突造成至少十二人"
                                        "死亡，数百人逃离家园。", "published": "2023-04-05"}, ensure_ascii=False) + "\n"
                    + json.dumps({"text": "Rebels seized the airport on Sunday, officials said.",
                                  "published": "2023-04-05"}) + "\n", encoding="utf-8")
    result = run("events", feed, "-w", "1")
    assert result.exit_code == 0 and "Rebels seized the airport" in result.stdout
    warnings = [line for line in stderr_lines(result) if line.startswith("warning: ")]
    assert len(warnings) == 1 and "feed.jsonl:1: written mostly in a script the English rules do not read" in warnings[0]


def test_version_is_one_line_and_exit_zero():
    result = run("--version")
    assert result.exit_code == 0
    assert re.fullmatch(r"timeline \S+\n", result.stdout)


def test_one_problem_of_many_records_of_a_feed_is_told_in_a_few_lines_and_counted(tmp_path):
    """A feed of thousands of records whose dates are numbers is one problem: its first lines are
    shown, then how many more records have it; every record is still counted, and the good ones read."""
    feed = tmp_path / "feed.jsonl"
    bad = [json.dumps({"text": "The minister resigned on Monday.", "published": 1240790400 + n}) for n in range(40)]
    feed.write_text("\n".join(bad + [json.dumps({"text": "The plant closed on Tuesday.", "published": "2010-04-23"})]))
    result = run("events", str(feed), "--workers", "1")
    errors = [line for line in stderr_lines(result) if line.startswith("error: ")]
    assert len(errors) == 6 and all("'published' is not a string" in line for line in errors)
    assert errors[-1].endswith("feed.jsonl: 35 more records with the same problem (record's 'published' is not a "
                               "string)")
    assert "1 article read, 40 skipped (40 malformed)" in result.stderr
