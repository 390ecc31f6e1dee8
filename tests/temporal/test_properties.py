"""Property tests of the tagger (issue 10): any text and any publication date, the calendar's ends
included, go through ``tag`` and ``extract_events`` without an exception, with offsets inside the
text and every value a well-formed TIMEX3 value."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timex_values import valid_value

WORDS = ["Monday", "tomorrow", "yesterday", "last", "next", "week", "year", "years", "decade",
         "century", "ago", "later", "earlier", "in", "since", "on", "February", "29", "31", "2017",
         "2100", "3014", "9999", "0001", "1000", "1800%", "999999", "days", "weeks", "the", "1800s",
         "10:33", "a.m.", "(1730)", "Avenue", "said", "met", ",", ".", "quarter", "first", "spring"]
TEXT = st.one_of(st.text(max_size=200),
                 st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join))
EDGE_DAYS = st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 1, 7), dt.date(9999, 12, 25),
                             dt.date(2016, 2, 29)])
PUBLISHED = st.one_of(
    st.none(),
    st.one_of(st.dates(), EDGE_DAYS),
    st.builds(lambda d, h, z: dt.datetime.combine(d, dt.time(h), tzinfo=dt.timezone(dt.timedelta(hours=z))),
              st.one_of(st.dates(), EDGE_DAYS), st.integers(0, 23), st.integers(-12, 14)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, PUBLISHED)
def test_tag_never_fails_and_gives_valid_values(text, published):
    for x in timeline.tag(text, published):
        assert 0 <= x.start < x.end <= len(text)
        assert x.text == text[x.start:x.end]
        assert valid_value(x.value), x


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, PUBLISHED)
def test_extract_events_never_fails(text, published):
    for event in timeline.extract_events(text, published=published):
        assert 0 <= event.trigger.start <= event.trigger.end <= len(text)
        if event.time_expression is not None:
            assert valid_value(event.time_expression.value)


def test_the_validator_refuses_malformed_values():
    for bad in ("2017-02-29", "2017-13", "P", "T25:00", "2017-09-06T25:00", "[D-1]", "XXXX-02-30", ""):
        assert not valid_value(bad)
    for good in ("2017-09-06", "BC4984", "10000-01-01", "199", "18", "XXXX-WXX-7TNI", "P2Y6M", "PXD", "PAST_REF"):
        assert valid_value(good)
