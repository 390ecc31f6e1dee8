"""Shared fixtures: where the samples and the development corpora are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"


def corpora_dir() -> Path:
    """``$TIMELINE_CORPORA`` if set, else ``../shared/corpora`` beside the checkout."""
    env = os.environ.get("TIMELINE_CORPORA")
    return Path(env) if env else REPO.parent / "shared" / "corpora"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def timebank_dir() -> Path:
    """The TimeBank development corpus; tests that need it skip with a reason when it is absent."""
    path = corpora_dir() / "timebank"
    if not path.is_dir() or not any(path.glob("*.tml")):
        pytest.skip(f"TimeBank corpus not found at {path} (set TIMELINE_CORPORA to its parent folder)")
    return path
