"""Dates at and past the ends of Python's calendar, and days no calendar has (issue 10, items 5,
14, 15 and 17): never an OverflowError, never a date clamped or made up."""

from __future__ import annotations

import datetime as dt

import pytest

import timeline
from timeline.models import Article, Relation
from timeline.render import render
from timeline.temporal.calendar import Day, side_of, timex_span, timex_year
from timex_values import valid_value

STORY = ("The minister resigned on Monday. Tomorrow the board meets. Last week the mayor left. "
         "Next year the plant will close. The city was founded 999999 days ago. "
         "The council will meet again 99999999 weeks later. The fair runs from Thursday to Saturday. "
         "The final is on Saturday week.")
EDGES = ["9999-12-31", "9999-12-30", "0001-01-01", "2017-09-06T10:00:00+14:00", "9999-12-31T23:59:00-12:00",
         "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:00+14:00"]


def values(text, published="2017-09-06"):
    return {x.text: (x.value, x.resolved) for x in timeline.tag(text, published)}


@pytest.mark.parametrize("published", EDGES)
def test_the_calendar_edges_tag_and_extract_without_overflow(published):
    found = timeline.tag(STORY, published)
    assert all(valid_value(x.value) for x in found), [x.value for x in found]
    events = timeline.extract_events(STORY, published=published)
    assert {e.title for e in events} >= {"Minister resigned", "Mayor left", "City was founded"}


def test_a_timeline_of_articles_published_at_the_edges_builds_and_renders():
    articles = [Article(text=STORY, published=p, title=f"Report {n}") for n, p in enumerate(EDGES)]
    built = timeline.build_timeline(articles)
    assert not built.errors
    assert len({s.title for e in built.events for s in e.sources}) == len(EDGES)
    for fmt in ("html", "json", "jsonl", "csv", "timelinejs", "timeml"):
        assert render(built, fmt)


def test_offsets_past_the_last_day_are_counted_on_not_clamped():
    tagged = values("Tomorrow the board meets. Next year the plant will close.", "9999-12-31")
    assert tagged["Tomorrow"] == ("10000-01-01", True)
    assert tagged["Next year"] == ("10000", True)


def test_offsets_before_the_first_day_are_bc_years_with_no_year_zero():
    tagged = values("Yesterday the board met. Last year the plant closed.", "0001-01-01")
    assert tagged["Yesterday"] == ("BC0001-12-31", True)
    assert tagged["Last year"] == ("BC0001", True)


def test_large_offsets_give_their_real_year_before_the_era():
    # 2017 - 7000 = -4983 astronomically, which is 4984 BC (there is no year zero)
    assert values("Farmers settled the valley 7000 YEARS AGO.")["7000 YEARS AGO"] == ("BC4984", True)
    assert values("The rocks formed 99999999999 years ago.")["99999999999 years ago"] == ("BC99999997983", True)
    value, resolved = values("The city was founded 999999 days ago.")["999999 days ago"]
    assert value.startswith("BC0722-") and resolved


def test_an_event_past_the_calendar_keeps_its_value_off_the_axis_on_its_side():
    (event,) = timeline.extract_events("Farmers settled the valley 7000 years ago.", published="2017-09-06")
    assert event.time_expression.value == "BC4984"
    assert event.date is None  # no DateSpan can hold it: listed with the undated events
    assert event.relation == Relation.BEFORE
    (later,) = timeline.extract_events("The council will meet 99999999 weeks later.", published="2017-09-06")
    assert later.date is None and later.relation == Relation.AFTER


def test_decades_and_centuries_past_the_calendar_are_unresolved():
    tagged = values("Next decade the fund will be empty.", "9999-12-31")
    assert tagged["Next decade"] == ("XXX", False)


@pytest.mark.parametrize("text, value", [
    ("The treaty expires on January 1, 2100.", "2100-01-01"),
    ("The probe will arrive in October 3014.", "3014-10"),
    ("The lease runs until 2150.", "2150"),
    ("The colony was planned for the spring of 2300.", "2300-SP"),
])
def test_years_from_2100_on_are_read_as_written(text, value):
    assert value in [v for v, _ in values(text).values()]


def test_a_day_no_calendar_has_is_a_date_with_the_day_unknown():
    assert values("The vote was held on February 29, 2017.")["February 29, 2017"] == ("2017-02-XX", False)
    assert values("The vote was held on April 31.")["April 31"] == ("XXXX-04-XX", False)
    assert values("The vote was held on February 29, 2016.")["February 29, 2016"] == ("2016-02-29", True)
    (event,) = timeline.extract_events("The council voted on February 29, 2017.", published="2017-09-06")
    assert event.date is None



@pytest.mark.parametrize("text, published, expected", [
    # a leap day without its year is not placed most of a year ahead: as far ahead as any day told in
    # the past may be, at most; as far back as any day
    ("Rebels seized the airport on Feb. 29.", "2023-03-31", ("XXXX-02-29", False)),
    ("The minister returned on February 29.", "2023-10-20", ("XXXX-02-29", False)),
    ("The minister will return on February 29.", "2023-10-20", ("2024-02-29", True)),
    ("Rebels seized the airport on Feb. 29.", "2024-03-05", ("2024-02-29", True)),
    ("The referendum, held on 29 February, was boycotted.", "2024-11-20", ("2024-02-29", True)),
])
def test_a_leap_day_without_its_year_is_the_one_near_or_unknown(text, published, expected):
    (found,) = timeline.tag(text, published)
    assert (found.value, found.resolved) == expected

def test_the_proleptic_calendar_agrees_with_python_where_both_exist():
    for ordinal in (1, 59, 60, 366, 719163, 736578, dt.date.max.toordinal()):
        day = dt.date.fromordinal(ordinal)
        ours = Day.fromordinal(ordinal)
        assert (ours.year, ours.month, ours.day) == (day.year, day.month, day.day)
        assert ours.isocalendar() == tuple(day.isocalendar())
        assert ours.toordinal() == ordinal
    assert Day.fromordinal(0).isoformat() == "BC0001-12-31"


def test_values_past_the_calendar_have_a_year_and_a_side_but_no_span():
    assert timex_span("BC4984") is None and timex_year("BC4984") == -4983
    assert side_of("BC0001-12-31", dt.date(1, 1, 1)) == -1
    assert side_of("10000", dt.date(9999, 12, 31)) == 1
    assert timex_span("9999-W52") is None  # its Sunday is in the year 10000


@pytest.mark.parametrize("unit", ["days ago", "years ago", "weeks from now", "decades ago"])
def test_a_count_too_long_to_be_one_is_no_count(unit):
    # (a number of 4,301 digits is more than Python converts to an int: it must not stop the article)
    text = f"It happened {'9' * 4301} {unit}. The bridge reopened 5 days ago."
    found = timeline.tag(text, "2017-09-06")
    assert ("5 days ago", "2017-09-01") in [(e.text, e.value) for e in found]


@pytest.mark.parametrize("text, value", [
    ("It happened 1.5 days ago.", "XXXX-XX-XX"),  # a count that is not whole names no day
    ("It will end 2.5 years from now.", "2020"),  # a whole number of months: 30 from September 2017
    ("It was half a century ago.", "1967"),  # (a year, not the century it falls in)
    ("It was 17.2 years ago.", "XXXX"),
    ("It lasted 1.9999999999999 hours.", "PT2H"),  # (not 1 hour and 60 minutes)
    ("It lasted 2.99999999999999999 minutes.", "PT3M"),
])
def test_fractional_counts_give_timex_values(text, value):
    (expression,) = timeline.tag(text, "2017-09-06")
    assert expression.value == value and "[" not in expression.value



def test_a_date_whose_digits_mix_scripts_has_a_value_in_ascii_digits():
    # (a pattern's \d takes any script's digits: the value stays TIMEX3, as its span is)
    (found,) = timeline.tag("The plant closed on March 3, 2\u0660\u0661\u0667.", "2018-01-01")
    assert found.value == "2017-03-03" and valid_value(found.value)
