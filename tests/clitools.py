"""Running the command line in tests: in-process through typer's runner, or as a real process."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from timeline.cli import app

runner = CliRunner()


def run(*args):
    """The command run in-process; never a traceback, never an exception other than its exit."""
    result = runner.invoke(app, [str(arg) for arg in args])
    assert "Traceback" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def errors_of(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def timeline_cli(*args, timeout=120) -> subprocess.CompletedProcess:
    """The real command in its own process (for what must not hang, and for signals)."""
    command = [sys.executable, "-c", "from timeline.cli import app; app()", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
