"""What a hostile audit of the outputs, `eval` and `summary` found: help written nowhere, gold
TimeML in encodings its declaration names or its byte order mark tells, characters that show
nothing on a terminal, and messages that named the wrong thing."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from clitools import errors_of, run  # noqa: E402

from timeline.terminal import printable  # noqa: E402

GOLD = ('<?xml version="1.0" encoding="{encoding}"?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2010-04-22" '
        'functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>The rig exploded on <TIMEX3 tid="t1" type="DATE" '
        'value="2010-04-20">Tuesday</TIMEX3>.</TEXT></TimeML>')
BODY = "The rig exploded on Tuesday, killing 11 workers, officials said on Wednesday."


def _cli(args, stdout) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from timeline.cli import app; app()", *map(str, args)]
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["summary", "--help"], ["eval", "--help"]])
def test_help_or_the_version_on_a_full_disk_is_one_line(args):
    """'timeline --version > /dev/full' printed a traceback of a hundred lines; 'summary --help'
    an internal error (exit 3)."""
    with open("/dev/full", "w") as full:
        result = _cli(args, full)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: standard output: not written (No space left on device)"


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX pipes")
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["build", "--help"]])
def test_help_to_a_reader_that_went_away_ends_silently_as_every_command_does(args):
    """A closed pipe after '--help' exited 1 (141 for the commands' own output, as the README says)."""
    read, write = os.pipe()
    os.close(read)
    try:
        result = _cli(args, write)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (141, "")


@pytest.mark.parametrize("encoding", ["x-bogus", "rot13", "utf-32"])
def test_gold_timeml_declaring_an_encoding_that_cannot_be_read_is_named_in_one_line(tmp_path, encoding):
    """An unknown or non-text encoding in the declaration was an internal error (exit 3), and
    'utf-32' named the folder, not the file."""
    gold = tmp_path / "d.tml"
    gold.write_text(GOLD.format(encoding=encoding), encoding="utf-8")
    result = run("eval", tmp_path)
    assert result.exit_code == 1
    assert errors_of(result) == [f"error: {gold}: the encoding its XML declaration names cannot be read "
                                 f"({_reason(encoding)})"]


def _reason(encoding: str) -> str:
    import xml.etree.ElementTree as ET

    try:
        ET.fromstring(GOLD.format(encoding=encoding).encode())
    except (LookupError, ValueError) as exc:
        return str(exc)
    raise AssertionError(f"{encoding} was read")


@pytest.mark.parametrize("encoding", ["utf-32", "utf-16", "utf-8-sig"])
def test_gold_timeml_is_read_by_its_byte_order_mark_as_an_article_is(tmp_path, encoding):
    """A UTF-32 gold file with its mark (which 'timeline events' reads) stopped the scoring as not
    well-formed; a mark that contradicts the declaration wins, as it does for articles."""
    (tmp_path / "d.tml").write_bytes(GOLD.format(encoding="UTF-8").encode(encoding))
    result = run("eval", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "strict      100.0  100.0  100.0" in result.stdout


@pytest.mark.parametrize("character", ["\u3164", "\u115f", "\uffa0", "\u034f", "\u17b4", "\ufe0f", "\U000e0100",
                                       "\u2800", "\U0001d173", "\u206a", "\U00013430", "\u0600"])
def test_characters_that_show_nothing_or_act_on_what_follows_are_escaped_on_a_terminal(character):
    """Hangul fillers, variation selectors, the braille blank and format characters went through:
    'report\\u3164.json' printed as another file's name."""
    assert printable(f"report{character}.json") == f"report\\{'U' if ord(character) > 0xFFFF else 'u'}" \
        f"{ord(character):{'08' if ord(character) > 0xFFFF else '04'}x}.json"


def test_every_control_and_format_character_is_escaped_on_a_terminal():
    kept = [hex(code) for code in range(0x110000)
            if unicodedata.category(chr(code)) in ("Cc", "Cf", "Cs", "Zl", "Zp") and printable(chr(code)) == chr(code)]
    assert kept == []


def test_a_summary_range_with_no_day_says_where_the_days_are(tmp_path):
    """'no dated event from 2013-01-01 to 2013-01-31; the dated events run from 1860-01-01 to
    2013-01-31' contradicted itself: a summary counts only events dated to a day."""
    (tmp_path / "a.json").write_text('{"text": "The rig exploded on Tuesday. The trial is due in January 2013. '
                                     'The family has fished there since the 1860s.", "published": "2010-04-22"}')
    result = run("summary", tmp_path, "--from", "2013-01", "--to", "2013-01", "-w", 1)
    assert "warning: no event dated to a day from 2013-01-01 to 2013-01-31; they run from 2010-04-20 to " \
           "2010-04-20" in result.stderr


def test_an_empty_output_name_is_said_to_be_empty(tmp_path):
    """"-o ''" was told as '--output .: a folder, not a file name', a name the user never wrote."""
    (tmp_path / "a.txt").write_text(BODY)
    result = run("build", tmp_path / "a.txt", "-o", "")
    assert result.exit_code == 2 and errors_of(result) == ["error: --output: an empty file name"]


def test_a_timelines_folder_that_is_a_looping_link_is_said_so(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    (story / "articles.jsonl").write_text('{"text": "%s", "published": "2010-04-22"}\n' % BODY)
    (story / "timelines").symlink_to("timelines")
    result = run("eval", "--timelines", tmp_path, "-w", 1)
    assert f"error: {story / 'timelines'}: is a broken or looping link; story not scored" in errors_of(result)


@pytest.mark.parametrize("given", ["２０１０", "٢٠١٠-٠٤", "２０１０-04-20"])
def test_a_day_in_other_digits_is_refused_in_every_form(tmp_path, given):
    """'--from ２０１０' and '--from ٢٠١٠-٠٤' were read as 2010, '２０１０-04-20' refused."""
    result = run("summary", tmp_path, "--from", given)
    assert result.exit_code == 2 and "invalid date" in result.stderr


def test_an_article_given_to_the_library_is_held_to_a_file_s_limits():
    """A 1 MB title given in an Article was copied into every event (87 MB of JSON for 28 events),
    and a text over the limit was extracted, where a file's was refused."""
    import datetime as dt

    from timeline import Article, build_timeline
    from timeline.articles import MAX_SOURCE_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS

    published = dt.datetime(2010, 4, 22)
    big = Article(text=BODY, title="T" * 10 * MAX_TITLE_CHARS, source="S" * 10 * MAX_SOURCE_CHARS,
                  url="https://example.com/" + "u" * MAX_URL_CHARS, published=published, path="big")
    long = Article(text="Officials said the pipe was inspected. " * (MAX_TEXT_CHARS // 30), published=published)
    timeline = build_timeline([big, long])
    (source,) = {source.article_key: source for event in timeline.events for source in event.sources}.values()
    assert len(source.title) == MAX_TITLE_CHARS and len(source.source) == MAX_SOURCE_CHARS and source.url is None
    assert [(error.path, error.reason) for error in timeline.errors] == [("(article 2)", "too-long")]


def test_gold_timeml_that_its_byte_order_mark_cannot_read_is_said_so(tmp_path):
    data = GOLD.format(encoding="UTF-8").encode("utf-32")
    (tmp_path / "d.tml").write_bytes(data[:-4] + b"\xff\xff\xff\x7f")  # (no code point)
    result = run("eval", tmp_path)
    assert result.exit_code == 1
    assert errors_of(result) == [f"error: {tmp_path / 'd.tml'}: not UTF-32-LE text (invalid byte at offset "
                                 f"{len(data) - 4})"]
