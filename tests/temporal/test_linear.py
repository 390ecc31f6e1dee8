"""Tagging time grows linearly with the text: no pattern backtracks catastrophically."""

from __future__ import annotations

import time

import pytest

from timeline import tag

# date-like words in long repetitive runs, the input that makes careless patterns explode
UNITS = [
    "On Friday, Sept. 6, 1990, the third quarter of 1989 ended; 12 days ago, in May, profit rose "
    "30% over the past two years, from a year earlier, the same day. ",
    "Sept. Sept. May March nineteen nineteen the past the past a few a few 30 to 30 to ",
    "1111111111111111111111111111111111111111 '''' year-year-year-ago early-mid-late      ",
    "In 2019, on April 2 ",  # a year opening a sentence, then a day it refines, with no full stop ever
]


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):  # the better of two runs, to shrug off a busy machine
        start = time.process_time()
        tag(text, "2017-09-06")
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.slow
@pytest.mark.parametrize("unit", UNITS, ids=["sentence", "repeated-words", "digits-and-hyphens", "refined-years"])
def test_a_megabyte_takes_about_eight_times_as_long_as_an_eighth(unit):
    tag("warm up on Friday", "2017-09-06")
    eighth = unit * (2**17 // len(unit))  # 128 KB
    small, large = _seconds(eighth), _seconds(eighth * 8)  # 1 MB
    # linear time gives a ratio near 8; quadratic would give 64
    assert large / max(small, 1e-3) < 20, (small, large)


@pytest.mark.slow
def test_a_run_of_blanks_opening_a_line_is_read_once():
    """Where a line may open a list's entry, its opening blanks are read once, not once for each
    place the entry's date could start: eight times the blanks take about eight times as long."""
    tag("warm up on Friday", "2017-09-06")
    small, large = (_seconds("March\n" + " " * n + "3, on Tuesday\n" + " " * n + "at 3 p.m.") for n in (2_000, 16_000))
    assert large / max(small, 1e-3) < 20, (small, large)


@pytest.mark.slow
def test_a_run_of_numbers_between_commas_is_read_once():
    """A data series pasted into an article ('147,592,877,831,...'): a run eight times as long takes
    about eight times as long, not 64 (each number had looked along the whole run for an era)."""
    tag("warm up on Friday", "2017-09-06")
    series = ",".join(str(100 + n * 37 % 900) for n in range(6_000))
    small, large = (_seconds("Counts: " + series[:n] + ".") for n in (2_000, 16_000))
    assert large / max(small, 1e-3) < 20, (small, large)
