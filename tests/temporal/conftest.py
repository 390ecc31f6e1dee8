"""The tweets development corpus, beside TimeBank (see tests/conftest.py for where corpora are);
the helpers of this folder (``timex_values.py``) importable by its tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def tweets_dir() -> Path:
    """The tweets corpus; tests that need it skip with a reason when it is absent."""
    env = os.environ.get("TIMELINE_CORPORA")
    path = (Path(env) if env else REPO.parent / "shared" / "corpora") / "tweets-train"
    if not path.is_dir() or not any(path.glob("*.tml")):
        pytest.skip(f"tweets corpus not found at {path} (set TIMELINE_CORPORA to its parent folder)")
    return path
