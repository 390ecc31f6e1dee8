"""Shared pieces of the renderers: links, readable dates, the phrase in its sentence."""

from __future__ import annotations

import pytest

import datetime as dt

from timeline.models import Source, Span
from timeline.render.common import (date_label, first_lane, locate, outlet, outlet_lanes, safe_url, source_label,
                                    sources_in_view)
from timeline.temporal.calendar import timex_span

from synthetic import event, report


@pytest.mark.parametrize("url, link", [
    ("https://www.reuters.com/world/asia-pacific/", True),
    ("http://example.org/a?b=c#d", True),
    ("HTTPS://EXAMPLE.ORG/", True),
    ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False),
    (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:msgbox", False),
    ("//evil.example/x", False),
    ("file:///etc/passwd", False),
    ("https://exa mple.org/", False),
    ("samples/article.txt", False),
    ("", False),
    (None, False),
])
def test_only_http_addresses_become_links(url, link):
    assert (safe_url(url) is not None) == link


def test_a_layout_control_in_a_link_is_percent_encoded_as_a_browser_sends_it():
    """A right-to-left override in an address ('.../report\u202efdp.exe') never reaches the page or
    TimelineJS as written, where it would turn the text around it."""
    assert safe_url("https://example.org/report\u202efdp.exe?a=\u2066b") == \
        "https://example.org/report%E2%80%AEfdp.exe?a=%E2%81%A6b"
    assert safe_url("https://example.org/a\u200fb\u200bc") == "https://example.org/a%E2%80%8Fb%E2%80%8Bc"  # (marks, zero width)
    assert safe_url("https://example.org/caf\u00e9") == "https://example.org/caf\u00e9"  # (a letter is no control)


@pytest.mark.parametrize("value, label", [
    ("2017-09-06", "Wednesday 6 September 2017"),
    ("2017-09-03T14:30", "Sunday 3 September 2017, 14:30"),
    ("2014-10", "October 2014"),
    ("2014", "2014"),
    ("2017-W36", "4 September – 10 September 2017"),
    ("2017-Q4", "1 October – 31 December 2017"),
    ("2017-WI", "1 December 2017 – 28 February 2018"),
])
def test_dates_read_as_a_reader_writes_them(value, label):
    assert date_label(timex_span(value)) == label


def test_the_phrase_is_found_by_its_offsets_or_else_by_its_text():
    sentence = "Peskov said Wednesday that talk of Wednesday's suspension is pointless."
    second = sentence.rindex("Wednesday")
    assert locate(sentence, 1000, Span(text="Wednesday", start=1000 + second, end=0)) == (
        second, second + len("Wednesday"))
    # offsets from a different text: the first occurrence is taken
    assert locate(sentence, 0, Span(text="Wednesday", start=5000, end=0)) == (12, 21)
    assert locate(sentence, 0, Span(text="Friday", start=0, end=6)) is None


@pytest.mark.parametrize("source, label", [
    (Source(title="  Russia Supplying Oil\nto North Korea? ", path="a.txt"), "Russia Supplying Oil to North Korea?"),
    (Source(path="samples/peskov-sanctions-pointless.txt"), "peskov-sanctions-pointless.txt"),
    (Source(url="https://sputniknews.com/asia/2017/"), "sputniknews.com"),
    (Source(), "Unknown source"),
])
def test_sources_have_short_names(source, label):
    assert source_label(source) == label


def test_a_key_event_is_in_the_lane_of_the_first_outlet_to_report_it_once_it_happened():
    preview = report(Source(path="p.txt", source="Daily", published=dt.datetime(2021, 3, 18)),
                     "The council will vote on Friday.", "vote", "Friday", "2021-03-19")
    wire = report(Source(path="w.txt", source="Wire", published=dt.datetime(2021, 3, 19, 18)),
                  "The council voted on Friday to close the port.", "voted", "Friday", "2021-03-19")
    late = report(Source(path="l.txt", source="Weekly", published=dt.datetime(2021, 3, 25)),
                  "The council voted on Friday to close the port.", "voted", "Friday", "2021-03-19")
    lanes = {"daily": 0, "wire": 1, "weekly": 2}
    assert first_lane(event("e", "Council voted", preview, late, wire), lanes, "source") == 1
    # an event only ever announced stays with the first to announce it
    assert first_lane(event("e", "Council will vote", preview), lanes, "source") == 0


def test_a_report_dated_to_the_day_only_comes_after_one_of_that_day_with_its_time():
    def voted(outlet: str, published: dt.datetime) -> Source:
        return report(Source(path=f"{outlet}.txt", source=outlet, published=published),
                      "The council voted on Friday to close the port.", "voted", "Friday", "2021-03-19")
    local = voted("Local", dt.datetime(2021, 3, 19))  # (its day only)
    wire = voted("Wire", dt.datetime(2021, 3, 19, 11, 52, tzinfo=dt.timezone(dt.timedelta(hours=-5))))
    paper = voted("Paper", dt.datetime(2021, 3, 19, 15, 0, tzinfo=dt.timezone.utc))
    lanes = {"local": 0, "wire": 1, "paper": 2}
    assert first_lane(event("e", "Council voted", local, wire, paper), lanes, "source") == 2  # 15:00 UTC < 16:52 UTC
    assert first_lane(event("e", "Council voted", local, wire), lanes, "source") == 1
    earlier = voted("Local", dt.datetime(2021, 3, 18))
    assert first_lane(event("e", "Council voted", wire, earlier), lanes, "source") == 1  # (the day before: a preview)


def test_a_long_list_of_sources_shows_the_first_report_of_all_and_each_outlets_first():
    # the event's sentence is from a BBC report of 30 April; the BBC told it first, on 20 April
    def told(outlet: str, day: int, k: int) -> Source:
        return Source(path=f"{outlet}{k}.txt", source=outlet, published=dt.datetime(2010, 4, day))
    sources = [told("BBC", 30, 0), *[told("Reuters", 28 - k, k) for k in range(5)], told("BBC", 20, 9),
               told("Guardian", 26, 1), told("Fox", 25, 2), told("Fox", 23, 3)]
    shown = [(s.source, s.published.day) for s in sources_in_view(sources)]
    assert shown[:5] == [("BBC", 30), ("BBC", 20), ("Fox", 23), ("Reuters", 24), ("Guardian", 26)]
    assert [day for _, day in shown[5:]] == sorted(day for _, day in shown[5:])  # the others, earliest first
    assert sorted(shown) == sorted((s.source, s.published.day) for s in sources)


def test_an_outlet_name_with_invisible_characters_is_the_same_outlet():
    assert outlet(Source(source="Reuters\u200b")) == outlet(Source(source="\ufeffReuters")) == "Reuters"


def test_an_outlet_named_as_one_of_the_pages_own_lanes_is_not_that_lane():
    articles = [Source(source="Other outlets", title=f"o{n}") for n in range(5)]
    articles += [Source(source="Outlet not given", title="x"), Source(title="nameless")]
    articles += [Source(source=f"Outlet {n}", title=f"a{n}{k}") for n in range(9) for k in range(2)]
    names, lane_of, _ = outlet_lanes(articles, [], "source")
    assert len(names) == len(set(names))  # no two lanes of one name
    assert outlet(articles[0]) == "\u201cOther outlets\u201d" and "Other outlets" in names
    assert outlet(articles[5]) != outlet(articles[6]) == "Outlet not given"
