"""A hostile-input sweep of every command (after issue 9): what was still broken, now guarded.

Each test shows what a user sees: one line naming the file, the exit code, nothing half written,
nothing waited on forever.  The sentences and documents are our own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

runner = CliRunner()

BODY = "The minister resigned on Monday. The plant closed on Tuesday.\n"


def run(*args):
    result = runner.invoke(app, [str(arg) for arg in args])
    assert "Traceback" not in result.output + result.stderr
    assert "internal error" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def errors_of(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def timeline_cli(*args, timeout=60) -> subprocess.CompletedProcess:
    """The real command in its own process, for what must not hang."""
    command = [sys.executable, "-c", "from timeline.cli import app; app()", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def article(folder: Path, name: str, published: str, source: str, body: str = BODY) -> Path:
    path = folder / name
    path.write_text(f"---\npublished: {published}\nsource: {source}\n---\n{body}", encoding="utf-8")
    return path


# --- publication dates with and without a zone in one collection ----------------------------------


def test_a_summary_mixing_zoned_and_unzoned_publication_dates_lists_every_source(tmp_path):
    article(tmp_path, "a.md", "2017-09-06", "Morning Post")
    article(tmp_path, "b.md", "2017-09-06T10:30:00+03:00", "Evening Star")
    result = run("summary", tmp_path, "--workers", 1)
    assert result.exit_code == 0, result.stderr
    assert "The minister resigned on Monday." in result.stdout
    assert "from Morning Post, Evening Star (2 articles)" in result.stdout
    days = json.loads(run("summary", tmp_path, "--json", "--workers", 1).stdout)
    published = {s["source"]: s["published"] for day in days for s in day["sources"]}
    assert published == {"Morning Post": "2017-09-06T00:00:00", "Evening Star": "2017-09-06T10:30:00+03:00"}
