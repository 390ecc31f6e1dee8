"""Placing underspecified values on the calendar (timeline.temporal.resolve), without any text."""

from __future__ import annotations

import pytest

from timeline.temporal.resolve import format_at, granularity, in_year_of, resolve

WEDNESDAY = "2017-09-06"


@pytest.mark.parametrize("template, direction, tense, expected", [
    # weekdays: the same weekday without a cue is the anchor day itself
    ("XXXX-WXX-3", "~", None, "2017-09-06"),
    ("XXXX-WXX-3", "~", "past", "2017-09-06"),
    ("XXXX-WXX-7", "~", "past", "2017-09-03"),
    ("XXXX-WXX-5", "~", "future", "2017-09-08"),
    ("XXXX-WXX-3", "<", None, "2017-08-30"),  # last Wednesday
    ("XXXX-WXX-3", ">", None, "2017-09-13"),  # next Wednesday
    ("XXXX-WXX-5T16:00", "~", "future", "2017-09-08T16:00"),
    ("XXXX-WXX-WE", "~", "past", "2017-W35-WE"),  # the weekend just gone
    # a year to choose
    ("XXXX-08-30", "~", None, "2017-08-30"),
    ("XXXX-01", "~", "past", "2017-01"),
    ("XXXX-01", "~", "future", "2018-01"),
    ("XXXX-04", "<", None, "2017-04"),  # last April
    ("XXXX-09", "<", None, "2016-09"),  # "last September" in September is a year back
    ("XXXX-Q4", "~", "past", "2016-Q4"),  # a past quarter has begun
    ("XXXX-Q3", "~", None, "2017-Q3"),
    ("XXXX-SU", "<", None, "2017-SU"),
    ("XXXX-08", "~", "future", "2018-08"),  # "will open in August": the August to come
    ("XXXX-08", "~", None, "2017-08"),  # without a cue: the nearest
    # a month to choose for a day of a month ("on the 15th"), the same way
    ("XXXX-XX-04", "~", "past", "2017-09-04"),
    ("XXXX-XX-28", "~", "past", "2017-08-28"),  # (the 28th to come is not of a past sentence)
    ("XXXX-XX-04", "~", "future", "2017-10-04"),  # (not a day just gone: a month is soon)
    ("XXXX-XX-31", "~", "future", "2017-10-31"),  # (September has no 31st)
    ("XXXX-XX-08T10:00", "~", None, "2017-09-08T10:00"),
    # relative to the anchor
    ("[D-1]", "~", None, "2017-09-05"),
    ("[W-1]", "~", None, "2017-W35"),
    ("[M+1]", "~", None, "2017-10"),
    ("[Q-1]", "~", None, "2017-Q2"),
    ("[Y-2]", "~", None, "2015"),
    ("[Y-1]-04", "~", None, "2016-04"),
    ("[D]TMO", "~", None, "2017-09-06TMO"),
    ("[DE]", "~", None, "201"),
    # plain values are kept
    ("P3Y", "~", None, "P3Y"),
    ("PRESENT_REF", "~", None, "PRESENT_REF"),
    ("2014-10", "~", None, "2014-10"),
    # the first given weekday on or after a day (holidays on a weekday)
    ("XXXX-11-22+4", "~", None, "2017-11-23"),  # Thanksgiving, the fourth Thursday of November
    ("XXXX-11-22+4", "<", None, "2016-11-24"),  # last Thanksgiving
    ("XXXX-11-02+2", "~", None, "2017-11-07"),  # Election Day, the Tuesday after the first Monday
    ("2020-11-02+2", "~", None, "2020-11-03"),  # Election Day 2020
    ("2024-09-01+7", "~", None, "2024-09-01"),  # the day itself when it is that weekday
    # ... from a day moved: "Saturday week", "Wednesday week" (said on a Wednesday, a week today)
    ("[D+7]+6", "~", None, "2017-09-16"),
    ("[D+7]+3", "~", None, "2017-09-13"),
    # days counted from Easter Sunday
    ("XXXX-E+0", "<", None, "2017-04-16"),  # last Easter
    ("XXXX-E+0", ">", None, "2018-04-01"),  # next Easter
    ("2000-E-2", "~", None, "2000-04-21"),  # Good Friday 2000
    ("2019-E+49", "~", None, "2019-06-09"),  # Pentecost 2019
])
def test_resolve_against_a_publication_date(template, direction, tense, expected):
    assert resolve(template, WEDNESDAY, direction, tense) == (expected, True)


@pytest.mark.parametrize("template, anchor, expected", [
    ("[.Y-1]", "1989-Q3", "1988-Q3"),  # a year earlier than a quarter is a quarter
    ("[.Y-1]", "1989-10-26", "1988-10-26"),
    ("[.Y=1988]", "1989-Q3", "1988-Q3"),  # "the 1988 period" after "the third quarter"
    ("[D]", "2017-08-30", "2017-08-30"),  # "the same day"
    ("[Y+1]", "1995", "1996"),  # "the following year"
    ("[.D+2]", "2017-01-05", "2017-01-07"),  # "two days later" keeps the day
    ("[.W+1]", "2017-01-05", "2017-01-12"),  # "a week later" too
    ("[Y+3]", "2016-03-03", "2019"),  # "three years later" names a year
])
def test_resolve_against_a_date_of_the_text(template, anchor, expected):
    assert resolve(template, anchor) == (expected, True)


@pytest.mark.parametrize("template, expected", [
    ("P2.5Y", "P2Y6M"),  # "2 1/2 years"
    ("P1.5Y", "P1Y6M"),  # "a year and a half"
    ("P0.5Y", "P6M"),  # "half a year"
    ("P1.5Q", "P1.5Q"),  # four and a half months: no whole number of days kept as it is
    ("P1.5D", "P1DT12H"),  # the hours belong to the time part
    ("P0.5D", "PT12H"),
    ("PT1.5H", "PT1H30M"),
    ("PT2.5M", "PT2M30S"),
    ("P1.3Y", "P1.3Y"),  # no whole number of months: kept as it is
])
def test_a_fraction_of_a_unit_is_written_in_the_next_smaller_one(template, expected):
    assert resolve(template, None) == (expected, True)


@pytest.mark.parametrize("template, expected", [("PXDE", "PXE"), ("PXCE", "PXC"), ("P2DE", "P2E")])
def test_decades_and_centuries_of_a_duration_take_their_timex_letters(template, expected):
    assert resolve(template, None) == (expected, True)


def test_month_arithmetic_keeps_to_the_calendar():
    assert resolve("[M-1]", "2017-03-31") == ("2017-02", True)
    assert resolve("[D+1]", "2016-02-28") == ("2016-02-29", True)


@pytest.mark.parametrize("template, expected", [
    ("XXXX-WXX-7", "XXXX-WXX-7"),
    ("XXXX-09-03", "XXXX-09-03"),
    ("[D-1]", "XXXX-XX-XX"),
    ("[Y]", "XXXX"),
    ("[Q-1]", "XXXX-QX"),
    # a movable day without a year is a day unknown, in its month if the rule knows it
    ("XXXX-11-22+4", "XXXX-11-XX"),
    ("XXXX-E-2", "XXXX-XX-XX"),
    ("XXXX-E+1TMO", "XXXX-XX-XXTMO"),
    ("[D+7]+6", "XXXX-XX-XX"),
])
def test_without_an_anchor_nothing_is_guessed(template, expected):
    assert resolve(template, None) == (expected, False)


def test_granularity_and_formatting_agree():
    import datetime as dt

    day = dt.date(2017, 9, 6)
    for code in ("D", "W", "M", "Q", "H", "Y", "DE", "CE"):
        assert granularity(format_at(day, code)) == code


def test_a_season_is_its_own_granularity():
    assert granularity("2017-SP") == "SE"  # not a month: "last spring" anchors no quarter


@pytest.mark.parametrize("value, later, expected", [
    ("2017-03", "2008-04", "2008-03"),  # 'March and April 2008'
    ("2017-12", "2009-01", "2008-12"),  # 'December and January 2009': the year before
    ("2017-12", "0000-01", None),  # no year before the first the notation writes
    ("2017-02-29", "2017-03", None),  # no such day that year
])
def test_a_listed_date_takes_the_year_it_can(value, later, expected):
    assert in_year_of(value, later) == expected
