"""Hostile and odd input (issue 10): nothing lost, nothing injected, nothing hangs.

Each test names the item of the issue it guards.  The sentences are our own.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
from contextlib import suppress
from pathlib import Path

import pytest

import timeline.articles
from timeline.articles import iter_articles
from timeline.cli import app, events_table, printable
from timeline.models import Article, ArticleError, Event, Span, Timeline
from timeline.render import FORMATS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clitools import errors_of, run, runner, timeline_cli  # noqa: E402


BODY = "The minister resigned on Monday. The plant closed on Tuesday.\n"
DATED = f"---\npublished: 2017-09-06\n---\n{BODY}"
# Anything a terminal would act on, or that would start a new line.
TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")




# --- 1: what the code imports is declared ----------------------------------------------------------


def test_1_every_distribution_the_html_reader_imports_is_installed_without_extras(tmp_path):
    """pip 23.2 skips the extra lxml[html_clean] that justext asks for: whatever reading an HTML
    page imports must come from a requirement chain without extras, starting at pyproject.toml."""
    tomllib = pytest.importorskip("tomllib")
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    declared = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"]["dependencies"]
    reachable, todo = set(), [Requirement(r).name for r in declared]
    while todo:
        name = canonicalize_name(todo.pop())
        if name in reachable:
            continue
        reachable.add(name)
        try:
            requirements = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for line in requirements:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)  # requirement.extras are deliberately not followed

    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Plant closes</title></head><body><article><p>"
                    + BODY * 5 + "</p></article></body></html>", encoding="utf-8")

    def modules(code: str) -> set[str]:
        script = f"import sys, json; {code}; print(json.dumps(sorted(sys.modules)))"
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        return set(json.loads(done.stdout))

    startup = modules("pass")  # what the interpreter loads by itself (site hooks)
    loaded = modules(f"from timeline.articles import load_articles; load_articles([{str(page)!r}])") - startup
    providers = metadata.packages_distributions()
    imported = {canonicalize_name(dist) for module in loaded for dist in providers.get(module.split(".")[0], [])}
    imported.discard("timeline")
    assert "lxml-html-clean" in imported  # the module the issue is about is really used
    assert imported <= reachable, f"imported but not required without extras: {sorted(imported - reachable)}"


# --- 2: deeply nested JSON -------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_2_deeply_nested_json_is_one_error_line_and_the_others_are_written(tmp_path, samples_dir, workers):
    (tmp_path / "nested.json").write_text("[" * 100_000)
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"text": BODY, "published": "2017-09-06"}) + "\n"
        + '{"text": ' + "[" * 100_000 + "\n"
        + json.dumps({"text": BODY, "title": "Second", "published": "2017-09-06"}) + "\n")
    out = tmp_path / "t.json"
    result = run("build", tmp_path / "nested.json", tmp_path / "feed.jsonl", samples_dir,
                 "-o", out, "-f", "json", "--workers", workers)
    assert result.exit_code == 1
    assert sorted(errors_of(result)) == sorted([
        f"error: {tmp_path / 'feed.jsonl'}:2: malformed JSON (nested too deeply)",
        f"error: {tmp_path / 'nested.json'}: malformed JSON (nested too deeply)",
    ])
    written = json.loads(out.read_text())
    assert len(written["articles"]) == 4 and written["events"]


# --- 3: symbolic link loops ------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix", reason="needs POSIX symbolic links")
def test_3_symlink_loops_end_and_each_real_file_is_read_once(tmp_path):
    folder = tmp_path / "in" / "news"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(DATED)
    (folder / "b.md").write_text(DATED.replace("minister", "mayor"))
    os.symlink("..", folder / "up")  # a loop back to the parent
    os.symlink(".", folder / "self")
    os.symlink(folder, tmp_path / "in" / "again")  # a second way to the same folder
    os.symlink("a.txt", folder / "copy.txt")  # a second name for a file
    os.symlink("ping.txt", folder / "pong.txt")  # a loop between two links
    os.symlink("pong.txt", folder / "ping.txt")
    result = run("events", tmp_path / "in", folder / "a.txt", "--json", "--workers", 1)
    assert result.exit_code == 1
    events = json.loads(result.stdout)
    paths = sorted({s["path"] for e in events for s in e["sources"]})
    assert len(paths) == 2 and {Path(p).name for p in paths} == {"a.txt", "b.md"}
    assert "2 articles read, 2 skipped (2 unreadable)" in result.stderr
    errors = errors_of(result)
    assert len(errors) == 2 and all("Too many levels of symbolic links" in line for line in errors)
    assert {line.split(": ")[1].rsplit("/", 1)[1] for line in errors} == {"ping.txt", "pong.txt"}


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix", reason="needs POSIX symbolic links")
def test_3_a_link_to_a_folder_inside_the_folder_given_is_not_followed_out_of_it(tmp_path):
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "notes.txt").write_text(DATED.replace("minister", "lawyer"))
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(DATED)
    os.symlink(outside, folder / "elsewhere")
    result = run("events", folder, "--json", "--workers", 1)
    assert result.exit_code == 0
    assert {Path(s["path"]).name for e in json.loads(result.stdout) for s in e["sources"]} == {"a.txt"}


# --- 4: lone surrogates ----------------------------------------------------------------------------


def test_4_lone_surrogates_are_replaced_at_reading_and_every_output_works(tmp_path):
    record = '{"text": "%s", "title": "Plant \\ud800 closes", "url": "https://e.x/\\udfff", ' \
             '"source": "Wire \\ud800", "published": "2017-09-06"}' % BODY.strip()
    feed = tmp_path / "feed.jsonl"
    feed.write_text(record + "\n")
    (article,) = iter_articles([feed])
    assert (article.title, article.url, article.source) == ("Plant \ufffd closes", "https://e.x/\ufffd", "Wire \ufffd")
    out = tmp_path / "t.html"
    args = [arg for fmt in FORMATS for arg in ("-f", fmt)]
    result = run("build", feed, "-o", out, *args, "--json", tmp_path / "events.json")
    assert result.exit_code == 0, result.stderr
    assert json.loads((tmp_path / "t.json").read_text())["articles"][0]["title"] == "Plant \ufffd closes"
    for flag in ("--json", "--jsonl"):
        printed = run("events", feed, flag)
        assert printed.exit_code == 0 and "Plant \ufffd closes" in printed.stdout


def test_a_web_address_that_does_not_parse_sinks_no_output_and_becomes_no_link(tmp_path):
    """Untrusted metadata: 'http://[oops' (an unclosed IPv6 bracket) is kept as given, and
    every output and the summary still work; the page links nowhere for it."""
    records = [json.dumps({"text": BODY.strip(), "title": f"Plant {n}", "url": f"http://[oops/{n}",
                           "published": f"2017-09-0{n}"}) for n in (4, 5, 6)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(records) + "\n")
    out = tmp_path / "t.html"
    args = [arg for fmt in FORMATS for arg in ("-f", fmt)]
    result = run("build", feed, "-o", out, *args)
    assert result.exit_code == 0, result.stderr
    assert 'href="http://[oops' not in out.read_text(encoding="utf-8")
    assert run("summary", feed).exit_code == 0


def test_4_a_surrogate_given_by_a_library_caller_does_not_sink_a_format():
    from timeline.pipeline import build_timeline
    from timeline.render import render

    tl = build_timeline([Article(text=BODY, title="Plant \ud800", path="x\udcff.txt", published="2017-09-06")])
    assert tl.articles[0].title == "Plant \ufffd" and tl.events
    tl.events[0].title = "Closed \udfff"  # and should one reach a renderer, it is not sunk either
    for fmt in FORMATS:
        written = render(tl, fmt).encode("utf-8").decode("utf-8")
        assert fmt == "timeml" or "Closed \ufffd" in written  # TimeML carries no titles


@pytest.mark.skipif(sys.platform != "linux", reason="needs file names that are not UTF-8")
def test_4_a_file_name_that_is_not_utf8_is_read_and_printed_safely(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as out:
        out.write(DATED.encode())
    result = run("events", tmp_path, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["sources"][0]["path"].endswith("caf\ufffd.txt")


# --- 7: special files ------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_7_a_named_pipe_in_a_folder_is_skipped_with_a_line_not_waited_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(DATED)
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.jsonl")
    done = timeline_cli("events", folder, "--workers", 1, timeout=60)  # a wait here would time out
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert sorted(lines) == [f"error: {folder / name}: not a regular file (a named pipe); skipped"
                             for name in ("pipe.jsonl", "pipe.txt")]
    assert "1 article read, 2 skipped (2 special)" in done.stderr
    named = timeline_cli("events", folder / "pipe.txt", timeout=60)
    assert "not a regular file (a named pipe)" in named.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_7_a_device_is_refused_not_read_forever():
    (error,) = iter_articles(["/dev/zero"])
    assert isinstance(error, ArticleError) and error.reason == "special"
    assert "a character device" in error.message


# --- 9: CSV injection -----------------------------------------------------------------------------

FORMULA_LINE = re.compile(r"^[\s]*[=+\-@]|^[\t\r]")


def test_9_a_bare_cr_cannot_start_a_row_or_a_formula_in_the_csv(tmp_path):
    text = "\t=1+1 The minister resigned on Monday.\r=2+2 The plant closed on Tuesday."
    record = {"text": text, "title": "=3+3 report\r@SUM(1)", "published": "2017-09-06"}
    (tmp_path / "a.json").write_text(json.dumps(record))
    out = tmp_path / "t.csv"
    assert run("build", tmp_path / "a.json", "-o", out, "-f", "csv").exit_code == 0
    data = out.read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert rows[0][0] == "id" and len(rows) > 1 and {len(row) for row in rows} == {len(rows[0])}
    for line in re.split(r"\r\n|\r|\n", data):  # what an importer that splits on any break sees
        assert not FORMULA_LINE.match(line.lstrip('"')), line
    for row in rows:
        for cell in row:
            for line in cell.splitlines():
                assert not FORMULA_LINE.match(line), cell


# --- 11: terminal safety ---------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="needs control characters in file names")
def test_11_file_names_and_titles_cannot_act_on_the_terminal_or_forge_lines(tmp_path):
    names = ["\x1b[2Jclear.txt", "osc\x1b]0;pwned\x07.txt", "x\nerror: forged.txt", "bank\u202egnp.txt",
             "carriage\rreturn.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "ok.json").write_text(json.dumps({"text": BODY, "title": "\x1b[31mRed\x1b[0m \u202eplant",
                                                  "published": "2017-09-06"}))
    result = run("build", tmp_path, "-o", tmp_path / "out" / "t.html")
    lines = result.stderr.splitlines()
    assert not TERMINAL_UNSAFE.search(result.stderr.replace("\n", ""))
    assert len([line for line in lines if line.startswith("error: ")]) == len(names)
    assert not any("forged" in line and not line.startswith(f"error: {tmp_path}/x\\x0aerror") for line in lines)
    assert f"error: {tmp_path}/\\x1b[2Jclear.txt: empty file" in lines
    assert f"error: {tmp_path}/bank\\u202egnp.txt: empty file" in lines


def test_11_the_events_table_escapes_what_titles_carry():
    event = Event(id="e", title="\x1b[2J\x1b]8;;https://e.x\x07link \u202eevil\nforged", sentence="s",
                  trigger=Span(text="s", start=0, end=1))
    table = events_table([event])
    assert "\n" not in table and not TERMINAL_UNSAFE.search(table)
    assert "\\x1b[2J\\x1b]8;;https://e.x\\x07link \\u202eevil\\x0aforged" in table


def test_11_invisible_characters_are_shown_as_escapes():
    assert printable("soft\xadhyphen \u180evowel \U000e0041\U000e007ftag") == \
        "soft\\xadhyphen \\u180evowel \\U000e0041\\U000e007ftag"


def test_11_printable_leaves_ordinary_text_alone():
    text = "Peskov said Wednesday — «С днём» 東京 café\\n"
    assert printable(text) == text


# --- 12: NUL and control bytes ---------------------------------------------------------------------


def test_12_a_nul_anywhere_means_binary_whatever_its_position(tmp_path):
    for position in (10, 9000, 100_000):
        data = (BODY * 2000).encode()
        path = tmp_path / f"nul-{position}.txt"
        path.write_bytes(data[:position] + b"\0" + data[position:])
        (error,) = iter_articles([path])
        assert isinstance(error, ArticleError) and error.reason == "binary"


def test_12_control_characters_are_cleaned_from_the_text_and_fields(tmp_path):
    junk = "".join(map(chr, [1, 7, 8, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x85, 0x9b]))
    text = BODY * 400 + f"The union{junk}called a strike on Friday.\r\nTalks ended.\rVoters left.\n"
    path = tmp_path / "late.txt"
    path.write_bytes(f"---\npublished: 2017-09-06\n---\n{text}".encode())
    (article,) = iter_articles([path])
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", article.text)
    assert "Friday.\nTalks ended.\nVoters left." in article.text
    (record,) = iter_articles([_json(tmp_path, {"text": "Talks\u0000ended.", "title": "A\tb\nc\x1bd"})])
    assert (record.text, record.title) == ("Talks ended.", "A b c d")
    out = tmp_path / "t.html"  # --cdn: the page without plotly.js, whose code is not article text
    assert run("build", path, "-o", out, "-f", "html", "-f", "csv", "--cdn").exit_code == 0
    for name in ("t.html", "t.csv"):
        written = (tmp_path / name).read_text(encoding="utf-8")
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", written)


def test_12_a_terminal_escape_sequence_in_a_text_is_blanked_whole(tmp_path):
    """Text copied from a terminal carries its colours ('ESC[31m'): the sequence goes whole, not its
    escape character alone, which left '[31m' in titles ('0m Troops left the city')."""
    (record,) = iter_articles([_json(tmp_path, {
        "text": "\x1b[31mTroops\x1b[0m left the city on Monday. \x1b]0;a window title\x07Talks ended.",
        "title": "\x1b[1mRetreat\x1b[0m", "published": "2017-09-06"})])
    assert record.text.split() == ["Troops", "left", "the", "city", "on", "Monday.", "Talks", "ended."]
    assert record.title == "Retreat"


def _json(folder: Path, record: dict) -> Path:
    path = folder / "record.json"
    path.write_text(json.dumps(record))
    return path


# --- 18: output paths ------------------------------------------------------------------------------


@pytest.mark.parametrize("args, clash", [
    (["-o", "t.html", "-f", "json", "--json", "t.json"], "t.json"),
    (["-o", "t.json", "-f", "html", "-f", "json", "--json", "./t.json"], "t.json"),
    (["-o", "t.htm", "-f", "html", "--json", "t.htm"], "t.htm"),
])
def test_18_two_outputs_to_one_file_are_refused_before_any_work(samples_dir, tmp_path, monkeypatch, args, clash):
    monkeypatch.chdir(tmp_path)
    result = run("build", samples_dir, *args)
    assert result.exit_code == 2
    (line,) = errors_of(result)
    assert clash in line and "would be written there" in line
    assert "articles read" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("output, formats, written", [
    ("t.htm", ["html", "csv"], ["t.csv", "t.htm"]),
    ("T.HTML", ["html"], ["T.HTML"]),
    ("t.json", ["json", "timelinejs"], ["t.json", "t.timelinejs.json"]),
    ("t.timelinejs.json", ["json", "timelinejs"], ["t.json", "t.timelinejs.json"]),
    ("t.ndjson", ["jsonl", "timeml"], ["t.ndjson", "t.tml"]),
])
def test_18_the_given_suffix_is_kept_when_the_format_accepts_it(samples_dir, tmp_path, output, formats, written):
    args = [arg for fmt in formats for arg in ("-f", fmt)]
    assert run("build", samples_dir, "-o", tmp_path / output, *args).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(written)


# --- 19: Ctrl-C while writing ----------------------------------------------------------------------


@pytest.mark.parametrize("signum, code, line", [
    (signal.SIGINT, 130, "error: interrupted"),  # Ctrl-C
    (signal.SIGTERM, 128 + signal.SIGTERM, "error: terminated"),  # kill, a service manager, a container
])
def test_19_a_stop_during_a_write_leaves_it_whole_then_exits(samples_dir, tmp_path, monkeypatch, signum, code, line):
    real = os.replace
    stopped = []

    def replace(source, target):  # the signal arrives in the middle of writing the first file
        if not stopped:
            stopped.append(target)
            os.kill(os.getpid(), signum)
        return real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    out = tmp_path / "t.html"
    result = run("build", samples_dir, "-o", out, "-f", "html", "-f", "csv")
    assert result.exit_code == code
    assert errors_of(result) == [line]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv", "t.html"]  # whole, both: written together
    assert out.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_19_an_interrupt_that_breaks_a_write_leaves_no_part_file(samples_dir, tmp_path, monkeypatch):
    import timeline.cli

    def chmod(*args):
        raise KeyboardInterrupt  # as if delivered where it cannot be held

    monkeypatch.setattr(timeline.cli.os, "chmod", chmod)
    (tmp_path / "t.html").write_text("old page")
    result = run("build", samples_dir, "-o", tmp_path / "t.html")
    assert result.exit_code == 130
    assert [p.name for p in tmp_path.iterdir()] == ["t.html"]
    assert (tmp_path / "t.html").read_text() == "old page"


def _swallowing(signum):
    """A stand-in for pydantic writing JSON when a signal comes: the handler's exception is caught
    and another raised in its place (the first time; then it writes as ever)."""
    from pydantic_core import PydanticSerializationError
    real, calls = Timeline.model_dump_json, []

    def dump(self, *args, **kwargs):
        calls.append(self)
        if len(calls) > 1:
            return real(self, *args, **kwargs)
        try:
            os.kill(os.getpid(), signum)
            for _ in range(1000):  # (the handler runs between two of these)
                sum(range(1000))
        except KeyboardInterrupt as stop:
            raise PydanticSerializationError(f"Error serializing to JSON: {type(stop).__name__}") from None
        raise AssertionError("no signal came")
    return dump


@pytest.mark.parametrize("signum, code, line", [
    (signal.SIGINT, 130, "error: interrupted"),
    (signal.SIGTERM, 128 + signal.SIGTERM, "error: terminated"),
])
def test_19_a_stop_that_a_library_turns_into_its_own_error_still_stops(samples_dir, tmp_path, monkeypatch,
                                                                      signum, code, line):
    """pydantic reports an exception raised inside it while it writes JSON, Ctrl-C's included, as an
    error of its own: the run stops all the same, with no file written (the outputs are written
    together, once all are made)."""
    monkeypatch.setattr(Timeline, "model_dump_json", _swallowing(signum))
    out = tmp_path / "t.html"
    result = run("build", samples_dir, "-o", out, "-f", "html", "-f", "json", "-f", "csv")
    assert result.exit_code == code
    assert errors_of(result) == [line]
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("signum, code, line", [
    (signal.SIGINT, 130, "error: interrupted"),
    (signal.SIGTERM, 128 + signal.SIGTERM, "error: terminated"),
])
def test_19_a_stop_while_the_outputs_are_written_replaces_all_of_them_and_says_so(samples_dir, tmp_path, monkeypatch,
                                                                                  signum, code, line):
    """A stop that comes as the first of a run's files is written: every output is replaced, each
    named on its 'wrote' line, then the run stops (the page had been replaced alone, silently, the
    last run's CSV and JSON left beside it)."""
    import timeline.cli

    out = tmp_path / "t.html"
    for name in ("t.html", "t.json", "t.csv"):
        (tmp_path / name).write_text("the last run's", encoding="utf-8")
    real_write, calls = timeline.cli.write_file, []

    def write_file(path, text):
        if not calls:
            os.kill(os.getpid(), signum)
        calls.append(path)
        real_write(path, text)

    monkeypatch.setattr(timeline.cli, "write_file", write_file)
    result = run("build", samples_dir, "-o", out, "-f", "html", "-f", "json", "-f", "csv")
    assert result.exit_code == code
    assert errors_of(result)[-1] == line
    assert all((tmp_path / name).read_text(encoding="utf-8") != "the last run's" for name in ("t.html", "t.json", "t.csv"))
    assert sum(line.startswith("wrote ") for line in result.stderr.splitlines()) == 3


def test_19_a_library_caller_s_ctrl_c_while_json_is_written_is_not_taken_for_a_surrogate(monkeypatch):
    from pydantic_core import PydanticSerializationError

    from timeline.render import render

    monkeypatch.setattr(Timeline, "model_dump_json", _swallowing(signal.SIGINT))
    with pytest.raises(PydanticSerializationError, match="KeyboardInterrupt"):
        render(Timeline(events=[]), "json")


def test_19_ctrl_c_while_streaming_jsonl_stops_between_lines(samples_dir, monkeypatch):
    import timeline.cli

    real_out = timeline.cli._out

    def out(text, nl=True):  # Ctrl-C arrives in the middle of an article's lines
        real_out(text[:len(text) // 2], nl=False)
        os.kill(os.getpid(), signal.SIGINT)
        real_out(text[len(text) // 2:], nl=nl)

    monkeypatch.setattr(timeline.cli, "_out", out)
    result = run("events", samples_dir, "--jsonl", "--workers", 1)
    assert result.exit_code == 130
    assert result.stdout.endswith("\n") and all(json.loads(line) for line in result.stdout.splitlines())


def test_19_a_ctrl_c_between_results_stops_the_workers_before_the_command_ends(tmp_path, monkeypatch):
    """A Ctrl-C that lands while the command works on a result, not while it waits for the workers,
    had left the worker pool to be closed (its batches in flight waited for) only once the command
    had said it was interrupted, when no further Ctrl-C could stop it."""
    import timeline.cli
    import timeline.pipeline

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": BODY, "published": "2017-09-06"}) for _ in range(400)))
    pools, open_when_told = [], []
    real_error, real_renew = timeline.cli._error, timeline.pipeline._Pool.renew

    def renew(pool):
        pools.append(pool)
        real_renew(pool)

    def collect(results, top=None):
        next(iter(results))
        raise KeyboardInterrupt  # (pressed while the command works on the first result)

    def error(line):
        open_when_told.append([pool for pool in pools if pool.executor is not None])
        real_error(line)

    monkeypatch.setattr(timeline.cli, "collect_timeline", collect)
    monkeypatch.setattr(timeline.cli, "_error", error)
    monkeypatch.setattr(timeline.pipeline._Pool, "renew", renew)
    result = run("build", feed, "-o", tmp_path / "t.html", "--workers", 2)
    assert result.exit_code == 130 and open_when_told == [[]]


def test_19_a_command_called_from_other_code_leaves_its_signal_handlers_as_it_found_them(samples_dir, monkeypatch):
    """Called from a program that goes on after it (its arguments from sys.argv, its exit caught),
    an interrupted command had left Ctrl-C and SIGTERM ignored in that program for good."""
    import timeline.cli

    real_out = timeline.cli._out

    def out(text, nl=True):
        os.kill(os.getpid(), signal.SIGINT)
        real_out(text, nl=nl)

    monkeypatch.setattr(timeline.cli, "_out", out)
    monkeypatch.setattr(sys, "argv", ["timeline", "events", str(samples_dir), "--workers", "1"])
    before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    with pytest.raises(SystemExit) as stopped:
        timeline.cli.app()
    assert stopped.value.code == 130
    assert {signum: signal.getsignal(signum) for signum in before} == before


def _build_in_the_background(tmp_path) -> subprocess.Popen:
    """``timeline build`` of a large feed on two workers, in its own process group (its stderr
    piped), a few seconds into its work."""
    import time

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": BODY * 20, "published": "2017-09-06"}) for _ in range(20000)))
    command = [sys.executable, "-m", "timeline", "build", str(feed), "-o", str(tmp_path / "t.html"), "--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    time.sleep(5)
    return process


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")
@pytest.mark.parametrize("presses", [1, 2])  # (a second while the first stops the workers: it had waited for good)
def test_19_a_real_ctrl_c_exits_130_without_traceback(tmp_path, presses):
    import time

    process = _build_in_the_background(tmp_path)
    try:
        for press in range(presses):
            time.sleep(0.3 if press else 0)
            os.killpg(process.pid, signal.SIGINT)  # the process group as a whole: what Ctrl-C in a terminal does
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and stderr.strip().splitlines()[-1] == "error: interrupted"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.jsonl"]


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")
def test_19_ctrl_c_held_down_exits_130_in_one_line(tmp_path):
    """Ctrl-C held down (the key repeating) until the command has stopped: the presses after the
    first that stops it do not break into the interpreter's exit (a traceback from its threads,
    an exit by the signal rather than 130)."""
    import time

    process = _build_in_the_background(tmp_path)
    try:
        while process.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGINT)
            time.sleep(0.01)
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and stderr.splitlines()[0] == "error: interrupted"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.jsonl"]


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")
def test_19_a_real_sigterm_to_the_main_process_stops_its_workers_and_writes_nothing(tmp_path):
    """'kill PID' (a service manager, a container stopping) reaches the main process alone: it
    stops the workers it started, leaves no file, part file or process behind, and exits 143."""
    import time

    process = _build_in_the_background(tmp_path)
    try:
        os.kill(process.pid, signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
        left = True  # a worker, server or tracker still in its group (exited ones are reaped in a moment)
        for _ in range(150):
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                left = False
                break
            time.sleep(0.1)
        assert not left
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr and stderr.strip().splitlines()[-1] == "error: terminated"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.jsonl"]


def _group(leader: int) -> set[int]:
    """The processes of ``leader``'s process group still there (read from /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with suppress(OSError, IndexError, ValueError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                fields = stat[stat.rindex(")") + 2:].split()  # (after the command's name, which may hold spaces)
                if int(fields[2]) == leader and fields[0] != "Z":
                    found.add(int(entry))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 128 + signal.SIGTERM)])
def test_19_a_stop_as_the_first_workers_start_ends_the_run_and_every_process_in_one_line(tmp_path, signum, code):
    """Ctrl-C or 'kill' in the first second of a run, while its worker processes are being started
    (the moment a user who named the wrong folder stops it): each time the run ends with its one
    line, and no worker, half started, outlives it holding the terminal or a pipe (a worker caught
    starting had printed a traceback after the prompt, or waited for good, and the run with it)."""
    import time

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": BODY * 40, "published": "2017-09-06"}) for _ in range(400)))
    command = [sys.executable, "-m", "timeline", "events", str(feed), "-q", "--workers", "2"]
    for _ in range(4):  # (the moment is a race: a few runs)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)
        try:
            while process.poll() is None and len(_group(process.pid)) < 4:  # itself, the tracker, the server, a worker
                time.sleep(0.002)
            process.send_signal(signum)
            _, stderr = process.communicate(timeout=60)
            for _ in range(300):  # (until the group is gone: a process left waits for good)
                if not _group(process.pid):
                    break
                time.sleep(0.1)
            assert not _group(process.pid)
        finally:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        assert process.returncode == code, stderr
        assert "Traceback" not in stderr, stderr


_INTERRUPT_AT_IMPORT = """
import importlib.abc, os, signal, sys

class _CtrlC(importlib.abc.MetaPathFinder):  # Ctrl-C pressed as the module {module!r} starts loading
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, _CtrlC())
"""


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")
@pytest.mark.parametrize("module", ["timeline.cli", "typer", "pydantic"])
@pytest.mark.parametrize("how", ["script", "-m"])
def test_19_a_ctrl_c_while_the_command_starts_up_exits_130_without_traceback(tmp_path, module, how):
    """Loading the command takes a good part of a second (pydantic, typer): a Ctrl-C pressed then is
    told as one pressed later, not as the traceback of the import it stopped."""
    (tmp_path / "sitecustomize.py").write_text(_INTERRUPT_AT_IMPORT.format(module=module))
    script = ("import sys; from importlib.metadata import entry_points; "  # (what the installed 'timeline' runs)
              "(command,) = entry_points(group='console_scripts', name='timeline'); sys.exit(command.load()())")
    command = [sys.executable, "-c", script] if how == "script" else [sys.executable, "-m", "timeline"]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    result = subprocess.run([*command, "tag", "-"], input="Peskov said on Wednesday.", capture_output=True,
                            text=True, timeout=60, env=environment, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "error: interrupted\n")


# --- 20: encodings --------------------------------------------------------------------------------


def cafe_page(charset: str) -> str:
    """A page that declares ``charset``, about a caf\xe9 in S\xe3o Paulo."""
    return (f'<html><head><meta charset="{charset}"><title>Caf\xe9 closes</title></head><body><article>'
            "<p>The caf\xe9 owners in S\xe3o Paulo protested on Monday against the new tax on coffee. "
            "The city council met on Tuesday and postponed the vote on the new tax.</p></article></body></html>")


def test_20_a_declared_html_charset_is_honoured(tmp_path):
    page = cafe_page("iso-8859-1")
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("latin-1"))
    (article,) = iter_articles([path])
    assert isinstance(article, Article), article
    assert "caf\xe9 owners in S\xe3o Paulo" in article.text and article.title == "Caf\xe9 closes"
    undeclared = tmp_path / "undeclared.html"  # no declaration, not UTF-8: windows-1252, as browsers
    undeclared.write_bytes(page.replace('<meta charset="iso-8859-1">', "").replace("\xe9", "\u2019")
                           .encode("cp1252"))
    (article,) = iter_articles([undeclared])
    assert "caf\u2019 owners" in article.text


@pytest.mark.parametrize("charset", ["rot13", "base64", "hex", "zlib_codec", "bz2", "quopri", "uu", "undefined",
                                     "idna", "utf-7", "no-such-charset", "cp037", "cp500", "hz", "cp437", "mac-greek"])
def test_20_a_charset_that_is_no_text_encoding_is_read_as_undeclared(tmp_path, charset):
    # (a codec of bytes to bytes, or one browsers refuse, had stopped the whole run; one that Python knows
    # and browsers do not, EBCDIC's 'cp037', had turned the page into nonsense and the article was lost)
    path = tmp_path / "odd.html"
    path.write_bytes(cafe_page(charset).encode("utf-8"))
    (article,) = iter_articles([path])
    assert isinstance(article, Article), article
    assert "caf\xe9 owners in S\xe3o Paulo" in article.text


@pytest.mark.parametrize("label, text, encoding", [
    ("iso-8859-9", "The \u20ac tax rose on Monday after a long row.", "cp1254"),  # (a browser decodes it as windows-1254)
    ("gb2312", "\u4eca\u5929 The tax rose on Monday after a long row.", "gbk"),
    ("windows-874", "\u0e01 The tax rose on Monday after a long row.", "cp874"),  # (a label Python does not know)
])
def test_20_a_charset_label_is_decoded_as_browsers_decode_it(tmp_path, label, text, encoding):
    path = tmp_path / "page.html"
    path.write_bytes(f'<html><head><meta charset="{label}"></head><body><article><p>{text} The council met on '
                     'Tuesday and postponed the vote on the new tax.</p></article></body></html>'.encode(encoding))
    (article,) = iter_articles([path])
    assert isinstance(article, Article), article
    assert text in article.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_20_text_with_a_byte_order_mark_is_read_in_its_encoding(tmp_path, encoding):
    path = tmp_path / "bom.txt"
    data = DATED.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    (article,) = iter_articles([path])
    assert isinstance(article, Article) and article.text == BODY and article.published.year == 2017


def test_20_real_binaries_are_still_refused(tmp_path):
    for name, data in [("png.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), ("gz.html", b"\x1f\x8b\x08\0\0\0\0\0"),
                       ("bom-then-nul.txt", b"\xef\xbb\xbfText\0more")]:
        (tmp_path / name).write_bytes(data)
        (error,) = iter_articles([tmp_path / name])
        assert isinstance(error, ArticleError) and error.reason == "binary", name


# --- 21: a bug is not bad input --------------------------------------------------------------------


def test_21_a_bug_in_extraction_is_an_internal_error_naming_the_article(tmp_path, monkeypatch):
    def extract(text, published, source=None):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("timeline.pipeline.extract_events", extract)
    path = tmp_path / "a.txt"
    path.write_text(DATED)
    result = runner.invoke(app, ["events", str(path), "--workers", "1"])
    assert result.exit_code == 3
    first = errors_of(result)[0]
    assert first.startswith("error: internal error: ExtractionBug:") and str(path) in first
    assert "ZeroDivisionError" in first and "skipped" not in result.stderr


# --- limits ---------------------------------------------------------------------------------------


def test_limits_a_size_just_over_the_cap_is_not_told_as_the_cap_itself():
    # ('too large (32.0 MB; the limit is 32 MB)' read as a contradiction)
    from timeline.articles import MAX_BYTES, _too_large
    assert _too_large(MAX_BYTES + 1, line=True) == "too large (32,000,001 bytes; the limit is 32 MB a file or JSONL line)"
    # (a file is told how to be read whole: a spreadsheet's export of 7,000 articles is 38 MB)
    assert _too_large(MAX_BYTES + 1).endswith("JSONL line: save it as JSONL, an article a line, read whatever its size)")
    assert _too_large(3 * MAX_BYTES).startswith("too large (96.0 MB;")


def test_limits_a_file_or_jsonl_line_over_the_cap_is_refused_and_the_rest_read(tmp_path, monkeypatch):
    monkeypatch.setattr(timeline.articles, "MAX_BYTES", 2000)
    big = tmp_path / "big.txt"
    big.write_text(BODY * 100)
    (error,) = iter_articles([big])
    assert error.reason == "too-large" and "the limit is" in error.message
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": BODY}), json.dumps({"text": BODY * 100}), json.dumps({"text": BODY})]
    feed.write_text("\n".join(lines * 20) + "\n")  # the feed is larger than the cap: it is streamed
    found = list(iter_articles([feed]))
    assert [isinstance(item, Article) for item in found] == [True, False, True] * 20
    assert found[1].path == f"{feed}:2" and found[1].reason == "too-large"


def test_limits_a_gold_file_over_the_cap_is_refused_without_the_way_to_read_articles(tmp_path, monkeypatch):
    """A gold TimeML file or a journalist's timeline over the cap is named in one line with its size;
    the way to read a file of articles whole (save it as JSONL) is not given: it is none of theirs."""
    monkeypatch.setattr(timeline.articles, "MAX_BYTES", 2000)
    gold = tmp_path / "big.tml"
    gold.write_text("<TimeML>" + BODY * 100 + "</TimeML>")
    with pytest.raises(ValueError) as refused:
        timeline.articles.read_file(gold)
    assert str(refused.value).startswith(f"{gold}: too large (") and str(refused.value).endswith("MB a file)")
    assert "JSONL" not in str(refused.value)


def test_limits_an_article_of_more_text_than_any_news_is_refused_and_the_rest_read(tmp_path, monkeypatch):
    monkeypatch.setattr(timeline.articles, "MAX_TEXT_CHARS", 500)
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": text}) for text in (BODY, BODY * 20, BODY)) + "\n")
    found = list(iter_articles([feed]))
    assert [isinstance(item, Article) for item in found] == [True, False, True]
    assert found[1].path == f"{feed}:2" and found[1].reason == "too-long"
    assert "characters of text; the limit is 500 an article" in found[1].message
    result = runner.invoke(app, ["events", str(feed), "--workers", "1"])
    assert result.exit_code == 1 and len(errors_of(result)) == 1 and f"{feed}:2: too long" in errors_of(result)[0]


def test_json_output_escapes_what_a_terminal_or_javascript_would_act_on():
    from timeline.render import render
    from timeline.render.json import render_events

    event = Event(id="e", title="a\x9b2J \u2028 \u202e b", sentence="s", trigger=Span(text="s", start=0, end=1))
    for text in (render(Timeline(events=[event]), "json"), render(Timeline(events=[event]), "jsonl"),
                 render_events([event])):
        assert not TERMINAL_UNSAFE.search(text.replace("\n", ""))
        assert json.loads(text.splitlines()[0] if text.startswith("{\"") else text)



def test_19_a_threads_error_after_the_program_stops_prints_nothing():
    """Once Ctrl-C has stopped the program, a worker pool's thread that ends late (a busy machine)
    prints no 'Exception in thread ...' after 'error: interrupted' (in a process of its own: the
    test runner has a thread hook of its own)."""
    script = ("import threading\n"
              "from timeline import cli\n"
              "cli._as_program.append(True)\n"
              "cli.let_go_of_pools = lambda: None\n"
              "cli._stopping()\n"
              "def fails():\n"
              "    raise RuntimeError('the pool thread ended late')\n"
              "thread = threading.Thread(target=fails)\n"
              "thread.start()\n"
              "thread.join()\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == ""
