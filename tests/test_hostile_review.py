"""Hostile input a second review of every command found still mishandled, now guarded.

Each test shows what a user sees: one line naming the file, the exit code, the other inputs still
read, a page too complex to read refused at once.  The sentences and documents are our own.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clitools import errors_of, run, runner  # noqa: E402
from test_hostile_sweep import RECORDS, _story  # noqa: E402

from timeline.cli import app  # noqa: E402

EVENT = {"id": "x", "title": "War began", "sentence": "War began.", "sources": []}


def record(day: int) -> dict:
    return {"text": f"War began on September {day}, 2017.", "published": "2017-09-06"}


# --- one event-shaped record does not drop the feed ---------------------------------------------


def test_one_event_shaped_first_line_of_a_feed_costs_only_its_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in (EVENT, record(1), record(2), record(3))))
    result = run("events", feed)
    assert result.exit_code == 1
    assert errors_of(result) == [f"error: {feed}:1: an event this tool wrote (its JSON output), not an article"]
    assert "3 articles read, 1 skipped (1 own-output), 3 events" in result.stderr


def test_one_event_shaped_first_item_of_a_json_list_costs_only_its_item(tmp_path):
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([EVENT, record(1), record(2)]))
    result = run("events", listed)
    assert errors_of(result) == [f"error: {listed}[0]: an event this tool wrote (its JSON output), not an article"]
    assert "2 articles read, 1 skipped (1 own-output), 2 events" in result.stderr


def test_one_event_shaped_first_line_on_standard_input_costs_only_its_line():
    text = "".join(json.dumps(r) + "\n" for r in (EVENT, record(1), record(2)))
    result = runner.invoke(app, ["events", "-"], input=text)
    assert errors_of(result) == ["error: -:1: an event this tool wrote (its JSON output), not an article"]
    assert "2 articles read, 1 skipped (1 own-output), 2 events" in result.stderr


@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_a_feed_of_the_tools_own_events_is_still_refused_whole(tmp_path, count):
    feed = tmp_path / "events.jsonl"
    feed.write_text("".join(json.dumps(EVENT) + "\n" for _ in range(count)))
    result = run("events", feed)
    assert errors_of(result) == [f"error: {feed}: events this tool wrote (its JSON output), not articles"]
    assert "0 articles read, 1 skipped (1 own-output)" in result.stderr


# --- comments and processing instructions count against a page's limit ------------------------


@pytest.mark.parametrize("unit", ["<!-- x -->", "<?x y?>", "<!x>"], ids=["comments", "instructions", "bogus"])
def test_a_page_of_comments_is_refused_in_one_line_not_read_in_quadratic_time(tmp_path, unit):
    """The date reader's time grew with the square of a page's comments: 500,000 took 27 s."""
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>{unit * 40_001}<p>War began on September 4, 2017.</p></body></html>")
    result = run("events", page)
    assert result.exit_code == 1
    assert errors_of(result) == [f"error: {page}: too complex a page to read (over 40,000 HTML elements and "
                                 "comments, the limit for a page)"]


def test_a_page_with_comments_within_the_limit_is_still_read(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(f"<!DOCTYPE html><html><body>{'<!-- x -->' * 1_000}<p>War began on September 4, 2017.</p>"
                    "</body></html>")
    result = run("events", page, "--published", "2017-09-06")
    assert result.exit_code == 0, result.stderr
    assert "War began" in result.stdout


# --- a usage error is one line -----------------------------------------------------------------


@pytest.mark.parametrize("args, told", [
    (["summary", "{samples}", "--dates", "0"], "'--dates'"),
    (["build", "{samples}", "-o", "{tmp}/x.html", "--top", "0"], "'--top'"),
    (["build", "{samples}", "-o", "{tmp}/x.html", "--lanes", "bogus"], "'bogus' is not one of 'source', 'none'"),
    (["eval", "{tmp}/nonexistent"], "nonexistent' does not exist"),
    (["events", "{samples}", "--workers", "x"], "'--workers'"),
    (["summary"], "missing argument 'PATHS'"),
    (["--bogus"], "no such option: --bogus"),
    (["bogus"], "no such command 'bogus'"),
])
def test_a_bad_option_value_or_argument_is_one_error_line_and_exit_2(samples_dir, tmp_path, args, told):
    result = run(*(arg.format(samples=samples_dir, tmp=tmp_path) for arg in args))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()  # (no usage lines, no panel around it)
    assert line.startswith("error: ") and told in line and "--help" in line
    assert not (tmp_path / "x.html").exists()


def test_a_hostile_option_value_in_a_usage_error_is_escaped(samples_dir):
    result = run("build", samples_dir, "--lanes", "\x1b[31mRED\nforged line")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: invalid value for '--lanes'") and "'\\x1b[31mRED\\nforged line'" in line
    assert "\x1b" not in line


# --- eval --timelines names a story's missing articles, not its timelines folder -----------------


def test_a_story_folder_without_articles_is_named_not_its_timelines_folder(tmp_path):
    story = _story(tmp_path, "story", None)
    result = run("eval", "--timelines", story, "-q", "--workers", 1)
    assert result.exit_code == 1
    assert errors_of(result) == [f"error: {story / 'articles.jsonl'}: missing; story not scored"]


def test_a_story_folder_whose_articles_file_is_a_folder_is_named_so(tmp_path):
    story = _story(tmp_path, "story", None)
    (story / "articles.jsonl").mkdir()
    result = run("eval", "--timelines", story, "-q", "--workers", 1)
    assert result.exit_code == 1
    assert errors_of(result) == [f"error: {story / 'articles.jsonl'}: not a regular file (a folder); story not scored"]


def test_among_stories_an_articles_folder_costs_its_story_only(tmp_path):
    _story(tmp_path, "good", "\n".join(RECORDS) + "\n")
    odd = _story(tmp_path, "odd", None)
    (odd / "articles.jsonl").mkdir()
    result = run("eval", "--timelines", tmp_path, "-q", "--workers", 1)
    assert result.exit_code == 1
    assert errors_of(result) == [f"error: {odd / 'articles.jsonl'}: not a regular file (a folder); story not scored"]
    assert "mean of 1 timelines" in result.stdout


# --- a gold file that is no TimeML stops the scoring ---------------------------------------------


_DCT = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2017-09-07" functionInDocument="CREATION_TIME">'
        '2017-09-07</TIMEX3></DCT>')


@pytest.mark.parametrize("document, problem", [
    ("<html><body>The minister resigned on Monday.</body></html>",
     "not TimeML (its root element is <html>, not <TimeML>)"),
    ("<TimeML><DOCID>d1</DOCID></TimeML>", "not TimeML (no <TEXT> element)"),
    # (nor can one whose creation time is missing or no date: its relative expressions would all be wrong)
    ("<TimeML><TEXT>The minister resigned on Monday.</TEXT></TimeML>", "no usable creation time (no DCT)"),
    ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="10000-01-01" functionInDocument="CREATION_TIME">'
     '</TIMEX3></DCT><TEXT>The minister resigned on Monday.</TEXT></TimeML>',
     "no usable creation time (DCT value '10000-01-01')"),
    # (nor one whose expressions are no gold: scored, the file's mistakes would count as the tagger's)
    (_DCT + '<TEXT>It fell <TIMEX3 tid="t1" type="DATE">yesterday</TIMEX3>.</TEXT></TimeML>',
     "not usable as gold (TIMEX3 't1' has no value)"),
    (_DCT + '<TEXT>It fell <TIMEX3 tid="t1" type="BOGUS" value="2017-09-06">yesterday</TIMEX3>.</TEXT></TimeML>',
     "not usable as gold (TIMEX3 't1' has type 'BOGUS', not one of DATE, TIME, DURATION, SET)"),
    (_DCT + '<TEXT>It fell <TIMEX3 tid="t1" type="DATE" value="2017-09-06">yesterday</TIMEX3> and '
     '<TIMEX3 tid="t1" type="DATE" value="2017-09-07">today</TIMEX3>.</TEXT></TimeML>',
     "not usable as gold (TIMEX3 't1' is given twice)"),
    (_DCT + '<TEXT>It fell <TIMEX3 tid="t1" type="DATE" value="2017-09">in <TIMEX3 tid="t2" type="DATE" '
     'value="2017-09-06">September</TIMEX3></TIMEX3>.</TEXT></TimeML>',
     "not usable as gold ('September' inside 'in September': a TIMEX3 in another)"),
    # (and those the first checks let through: a creation time that is a week, or a day with more
    # after it; a value of blanks; the creation time's tid again; a TIMEX3 of no text inside another)
    (_DCT.replace('value="2017-09-07"', 'value="2017-W36"') + '<TEXT>It fell.</TEXT></TimeML>',
     "no usable creation time (DCT value '2017-W36')"),
    (_DCT.replace('value="2017-09-07"', 'value="2017-09-07garbage"') + '<TEXT>It fell.</TEXT></TimeML>',
     "no usable creation time (DCT value '2017-09-07garbage')"),
    (_DCT + '<TEXT>It fell <TIMEX3 tid="t1" type="DATE" value="  ">yesterday</TIMEX3>.</TEXT></TimeML>',
     "not usable as gold (TIMEX3 't1' has no value)"),
    (_DCT + '<TEXT>It fell <TIMEX3 tid="t0" type="DATE" value="2017-09-06">yesterday</TIMEX3>.</TEXT></TimeML>',
     "not usable as gold (TIMEX3 't0' is given twice)"),
    (_DCT + '<TEXT>It fell <TIMEX3 tid="t1" type="DATE" value="2017-09-06">yesterday<TIMEX3 tid="t2" type="TIME" '
     'value="2017-09-06T10:00"/></TIMEX3>.</TEXT></TimeML>',
     "not usable as gold ('' inside 'yesterday': a TIMEX3 in another)"),
], ids=["another-root", "no-text", "no-dct", "dct-no-date", "no-value", "no-type", "tid-twice", "nested",
        "dct-week", "dct-tail", "blank-value", "dct-tid-twice", "nested-empty"])
@pytest.mark.parametrize("option", [[], ["--events"]], ids=["tagger", "events"])
def test_a_gold_file_that_is_not_timeml_stops_the_scoring_in_one_line(tmp_path, document, problem, option):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "good.tml").write_text('<TimeML><DOCID>d0</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2017-09-07" '
                                   'functionInDocument="CREATION_TIME">2017-09-07</TIMEX3></DCT><TEXT>It rained on '
                                   '<TIMEX3 tid="t1" type="DATE" value="2017-09-06">6 September 2017</TIMEX3>.</TEXT>'
                                   '</TimeML>', encoding="utf-8")
    (gold / "odd.tml").write_text(document, encoding="utf-8")
    result = run("eval", gold, *option)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {gold / 'odd.tml'}: {problem}"]
    assert result.stdout == ""


# --- an output is on disk before it takes the old one's place -------------------------------------


def test_an_output_is_on_disk_before_it_replaces_the_old_one(tmp_path, monkeypatch):
    """A crash or a power cut right after the rename leaves the new file whole, not empty."""
    import os

    from timeline import cli

    done = []
    fsync, replace = os.fsync, os.replace
    monkeypatch.setattr(cli.os, "fsync", lambda fd: (done.append("fsync"), fsync(fd))[1])
    monkeypatch.setattr(cli.os, "replace", lambda a, b: (done.append("replace"), replace(a, b))[1])
    page = tmp_path / "page.html"
    page.write_text("old")
    cli.write_file(page, "new")
    assert done == ["fsync", "replace"] and page.read_text() == "new"
