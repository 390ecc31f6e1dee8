"""A long article costs work in proportion to its length, even on one line with no sentence end:
the split cuts such a stretch into sentences of at most MAX_SENTENCE_CHARS characters, and the
events layer does a bounded amount of work per sentence."""

from __future__ import annotations

import os
import sys

import timeline
from timeline.events import extract_events
from timeline.text import MAX_SENTENCE_CHARS, split_sentences

PUBLISHED = "2017-09-06"
# one long line, no sentence end: dates, verbs and plain words
MIXED = ("the council met on Monday and voted last week while residents protested in March 1990 "
         "and the old bridge near the mill was repaired two days later ")
# one long line of date-like words only: every word is in or near a time expression
DATES = "Monday March 1990 last week Tuesday the year ago Sept 30 today two days later next month "
# sentences of news: dated happenings, sayings that retell them, a question
NEWS = ("Police arrested the mayor at his home on Tuesday, his party said. The council met on Monday, it said. "
        "Officials said the bridge, which opened in 1990, is unsafe. Will the court rule next week? ")


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def test_a_megabyte_line_is_cut_at_spaces_into_sentences_no_longer_than_the_cap():
    text = _repeat(MIXED, 1_000_000)
    sentences = split_sentences(text)
    assert len(sentences) >= len(text) // MAX_SENTENCE_CHARS
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE_CHARS
    for s in sentences:
        assert text[s.start:s.end] == s.text
        assert s.start == 0 or text[s.start - 1] == " "  # no word is cut in two
    # nothing is lost: the pieces, in order, are the whole text less the spaces they were cut at
    assert " ".join(s.text for s in sentences) == text.strip()


def test_a_line_with_no_space_is_cut_at_the_cap():
    text = "x" * (3 * MAX_SENTENCE_CHARS + 5)
    assert [s.end - s.start for s in split_sentences(text)] == [MAX_SENTENCE_CHARS] * 3 + [5]


def test_a_sentence_as_long_as_the_cap_stays_whole_and_one_longer_is_cut():
    words = ("word " * MAX_SENTENCE_CHARS)[:MAX_SENTENCE_CHARS - 2] + "s"  # with its stop, the cap
    assert [s.text for s in split_sentences(words + ". Next one.")] == [words + ".", "Next one."]
    longer = words + "s more"
    assert len(split_sentences(longer)) == 2


def test_ordinary_sentences_are_not_cut():
    text = "The council voted on Tuesday to close the bridge. Repairs begin in March.\nA new paragraph."
    assert [s.text for s in split_sentences(text)] == [
        "The council voted on Tuesday to close the bridge.", "Repairs begin in March.", "A new paragraph."]


def test_events_of_a_long_single_line_lie_inside_the_text():
    text = _repeat(MIXED, 200_000)
    events = extract_events(text, PUBLISHED)
    assert len(events) > 1000  # every piece still gives its events
    for event in events:
        trigger = event.trigger
        assert 0 <= trigger.start < trigger.end <= len(text)
        assert text[trigger.start:trigger.end] == trigger.text
        assert len(event.sentence) <= MAX_SENTENCE_CHARS
        assert event.sentence in text
    assert any(e.date is not None for e in events)


def _calls(text: str) -> int:
    """The function calls made while extracting the events of ``text`` (a measure of work)."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += event in ("call", "c_call")

    return _counted(text, sys.setprofile, profile, lambda: count)


def _lines(text: str) -> int:
    """The lines of the tool's own code run while extracting the events of ``text`` (a measure of
    work that counts a loop's steps too, not only the calls made)."""
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(_PACKAGE):
            return None
        count += event == "line"
        return trace

    return _counted(text, sys.settrace, trace, lambda: count)


_PACKAGE = os.path.dirname(timeline.__file__) + os.sep  # (the tool's own code, wherever it is installed)


def _counted(text: str, hook, counter, count) -> int:
    """``count()`` after extracting the events of ``text`` with ``counter`` set by ``hook``."""
    hook(counter)
    try:
        extract_events(text, PUBLISHED)
    finally:
        hook(None)
    return count()


def test_ten_times_the_text_is_about_ten_times_the_work():
    extract_events("Warm up on Friday, the council said.", PUBLISHED)
    # (date-like words are the worst case: no event word near any expression)
    small, large = _calls(_repeat(DATES, 4_000)), _calls(_repeat(DATES, 40_000))
    # linear work gives a ratio near 10; work quadratic in the sentence length gives ~100
    assert large / small < 20, (small, large)


def test_ten_times_the_news_is_about_ten_times_the_work():
    extract_events("Warm up on Friday, the council said.", PUBLISHED)
    small, large = _calls(_repeat(NEWS, 10_000)), _calls(_repeat(NEWS, 100_000))
    # (calls are counted, not timed: linear work gives 10.0 here, a look back over every event
    # of the article for each saying gave 13)
    assert large / small < 11, (small, large)


def test_twice_the_dates_in_one_sentence_is_about_twice_the_work():
    """Inside one sentence too (at most MAX_SENTENCE_CHARS), the work grows with its length: the
    search for each date's event word stops past the last word that could be one, and whether a
    date opens its clause is read from one table of the sentence, not by reading back from each
    date (a line of nothing but dates, 'Q3 Q3 Q3 ...', took minutes a megabyte)."""
    extract_events("Warm up on Friday, the council said.", PUBLISHED)
    for unit in (DATES, "Q3 ", "Jan. "):
        small, large = _lines(_repeat(unit, 900)), _lines(_repeat(unit, 1800))
        assert len(split_sentences(_repeat(unit, 1800))) == 1
        # linear work gives a ratio near 2; work quadratic in the sentence's length near 4
        assert large / small < 2.6, (unit, small, large)
