"""The project's own promises: README's set-up commands and CI run the same test command."""

from __future__ import annotations

import re

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", readme, flags=re.S)


def test_readme_opens_with_build_and_test_commands():
    commands = _readme_commands()
    assert len(commands) >= 2
    build, test = commands[0], commands[1]
    assert "pip install" in build and "timeline build samples" in build
    assert "pip install" in test and "pytest" in test


def test_ci_runs_exactly_the_readme_test_command():
    test_command = _readme_commands()[1].strip()
    ci_lines = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    assert test_command in ci_lines
