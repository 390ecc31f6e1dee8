"""Fixtures: the hand-built timelines of ``synthetic.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import hostile_timeline, seed_timeline


@pytest.fixture
def seed():
    return seed_timeline()


@pytest.fixture
def hostile():
    return hostile_timeline()
