"""The founding articles' timeline, as ../shared/seeds/README.md says a reader knows it."""

from __future__ import annotations

import pytest

from timeline import extract_events, load_articles, merge_events


@pytest.fixture(scope="module")
def timeline(samples_dir):
    events = []
    for article in load_articles([str(samples_dir)]):
        events += extract_events(article.text, source=article)
    return merge_events(events)


def _find(events, *words):
    found = [e for e in events if all(w in e.title or w in e.sentence for w in words)]
    assert found, f"no event with {words}"
    return found[0]


def test_the_dated_happenings_in_order_with_their_dates(timeline):
    defection = _find(timeline, "defected")
    test = _find(timeline, "H-bomb")
    peskov = next(e for e in timeline if e.kind == "statement" and e.date and "Peskov" in e.title)
    meeting = _find(timeline, "Putin met")
    ushakov = next(e for e in timeline if e.kind == "statement" and e.date and "Ushakov" in e.title)
    assert defection.date.value == "2014-10"
    assert test.date.value == "2017-09-03"
    assert [peskov.date.value, meeting.date.value, ushakov.date.value] == ["2017-09-06"] * 3
    order = [e.id for e in timeline]
    positions = [order.index(e.id) for e in (defection, test, peskov, meeting, ushakov)]
    assert positions == sorted(positions)
    assert len({peskov.id, meeting.id, ushakov.id}) == 3


def test_peskovs_statement_is_one_event_with_both_articles(timeline):
    peskov = [e for e in timeline if e.kind == "statement" and e.actors and e.actors[0].endswith("Peskov")]
    assert len(peskov) == 1
    paths = {s.path.rsplit("/", 1)[-1] for s in peskov[0].sources}
    assert paths == {"peskov-sanctions-pointless.txt", "russia-oil-no-problem.txt"}
    assert all(s.sentence for s in peskov[0].sources)


def test_no_event_has_a_wrong_date(timeline):
    allowed = {"2014-10", "2017-09-03", "2017-09-06"}
    assert {e.date.value for e in timeline if e.date} <= allowed


def test_undated_happenings_are_kept_without_invented_dates(timeline):
    undated = [e for e in timeline if e.date is None]
    assert _find(undated, "Press conference in Beijing")
    assert _find(undated, "Moon Jae-in proposed")
    interview = _find(undated, "Ri Jong Ho")  # told the Voice of America, in his first interview
    assert "Voice of America" in interview.sentence
    dated_count = len(timeline) - len(undated)
    assert [e.date for e in timeline[dated_count:]] == [None] * len(undated)  # apart, after the dated
