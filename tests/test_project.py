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


def test_the_package_gives_its_names_and_stages_on_first_use_and_says_which_it_has_not():
    """``import timeline`` loads nothing of its stages (the command must take a Ctrl-C while it
    starts up): each public name, and each stage, comes with first use; a name it has not is an
    AttributeError, as for any module."""
    import subprocess
    import sys

    probe = ("import sys, timeline\n"
             "before = sorted(m for m in sys.modules if m.startswith('timeline.') or m == 'pydantic')\n"
             "names = [getattr(timeline, name) for name in timeline.__all__]\n"
             "print(before, timeline.pipeline.__name__, hasattr(timeline, 'tagg'), hasattr(timeline, 'a.b'),\n"
             "      timeline.tag.__module__, 'pipeline' in dir(timeline))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]", "timeline.pipeline", "False", "False", "timeline.temporal", "True"]
