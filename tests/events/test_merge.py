"""Merging reports of one happening, and the order of the timeline."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

import pytest

from timeline.events import events_from_expressions, extract_events
from timeline.merge import (add_counts, block_edges, block_keys, info, join, merge_events, merge_groups,
                            order_events, word_counts)
from timeline.models import Article, TimeExpression
from timeline.timeml import parse_timeml


def article_events(path: str, text: str, dates: dict[str, str], published="2017-09-06"):
    """The events of one article, with the given phrases as its time expressions."""
    expressions = []
    for phrase, value in dates.items():
        start = text.index(phrase)
        expressions.append(TimeExpression(start=start, end=start + len(phrase), text=phrase,
                                          type="DATE", value=value))
    article = Article(text=text, path=path, published=dt.datetime.fromisoformat(published))
    return events_from_expressions(text, expressions, None, article)


def test_one_statement_reported_by_two_articles_is_one_event_with_both_sources():
    first = article_events("a.txt", "Kremlin spokesman Dmitry Peskov said Wednesday that oil supplies "
                                     "to North Korea are minimal.", {"Wednesday": "2017-09-06"})
    second = article_events("b.txt", "Trade with North Korea is minimal, Russian presidential press "
                                     "secretary Dmitry Peskov said.", {})
    (event,) = merge_events(first + second)
    assert event.date.value == "2017-09-06"
    assert [s.path for s in event.sources] == ["a.txt", "b.txt"]
    assert event.sources[1].sentence.startswith("Trade with North Korea")  # each keeps its sentence
    assert event.time_expression.text == "Wednesday"


def test_an_article_is_a_source_by_its_report_that_writes_the_date_out():
    """An article that tells a happening twice, by its weekday and by its date, is a source by the
    report that writes the date out: it tells the day more surely (and counts more for it)."""
    first = article_events("a.txt", "The leaders signed the Isel peace accord at Lake Isel on Friday.",
                           {"Friday": "2017-09-01"})
    second = article_events("b.txt", "The leaders signed the Isel peace accord at Lake Isel on Friday. "
                                      "How we got here: 1 September - The leaders signed the Isel peace "
                                      "accord at Lake Isel.", {"Friday": "2017-09-01", "1 September": "2017-09-01"})
    (event,) = [e for e in merge_events(first + second) if e.date is not None]
    assert [(s.path, s.time_expression.text) for s in event.sources] == [("a.txt", "Friday"), ("b.txt", "1 September")]


def test_different_happenings_on_the_same_day_stay_apart():
    text = ("Kremlin spokesman Dmitry Peskov said Wednesday that supplies are minimal. "
            "Putin met Moon Jae-in on Wednesday in Vladivostok. "
            "Kremlin aide Yury Ushakov said on Wednesday that the stances match.")
    events = article_events("a.txt", text, {})
    events = events_from_expressions(
        text,
        [TimeExpression(start=m, end=m + 9, text="Wednesday", type="DATE", value="2017-09-06")
         for m in _all(text, "Wednesday")],
        "2017-09-06", Article(text=text, path="a.txt"))
    merged = merge_events(events)
    titles = [e.title for e in merged if e.date is not None]
    assert len(titles) == 3
    assert titles[0].startswith("Dmitry Peskov:") and titles[2].startswith("Yury Ushakov:")
    assert titles[1].startswith("Putin met")


def test_a_live_pages_entries_at_different_clock_times_stay_different_happenings():
    entries = ["Rebels seized the police station in Kamdesh.", "The defence minister resigned over the Kamdesh siege.",
               "Troops retook the police station in Kamdesh.", "The United Nations condemned the Kamdesh siege.",
               "Aid convoys reached Kamdesh after the siege."]
    text = "\n\n".join(f"{clock} GMT: {entry}" for clock, entry in zip(["0915", "1040", "1205", "1330", "1610"], entries))
    merged = merge_events(extract_events(text, "2017-09-06T20:00:00Z"))
    dated = [e for e in merged if e.date is not None]
    assert [e.date.time for e in dated] == ["09:15", "10:40", "12:05", "13:30", "16:10"]
    assert any("retook" in e.title for e in dated) and any("condemned" in e.title for e in dated)
    # (nor do entries 25 minutes apart chain into one happening of an hour and more)
    text = "\n\n".join(f"{clock} a.m. ET: Officials said the death toll rose to {toll}."
                        for clock, toll in [("10:00", 12), ("10:25", 15), ("10:50", 19), ("11:15", 23), ("11:40", 31)])
    tolls = [e.title for e in merge_events(extract_events(text, "2017-09-06T20:00:00Z")) if e.date is not None]
    assert [title.rsplit(" ", 1)[-1] for title in tolls] == ["12", "15", "19", "23", "31"]
    # (one happening told at a rough time and at its exact one stays one)
    told = "The rocket lifted off at 10:02 a.m. from the cape. The rocket lifted off at about 10 a.m., NASA said."
    assert len([e for e in merge_events(extract_events(told, "2017-09-06T20:00:00Z")) if e.title == "Rocket lifted off"]) == 1


def _all(text: str, phrase: str) -> list[int]:
    found, start = [], text.find(phrase)
    while start >= 0:
        found.append(start)
        start = text.find(phrase, start + 1)
    return found


def test_same_happening_twice_in_one_article_is_one_event():
    text = ("Putin met earlier on the day with the South Korean leader in Vladivostok. "
            "The Kremlin said that today's meeting was not about sanctions.")
    events = article_events("a.txt", text, {"earlier on the day": "2017-09-06", "today": "2017-09-06"})
    merged = [e for e in merge_events(events) if e.date is not None]
    assert len(merged) == 1
    assert merged[0].trigger.text == "met"


def test_events_with_incompatible_dates_never_merge():
    first = article_events("a.txt", "Peskov said Wednesday that supplies are minimal.", {"Wednesday": "2017-09-06"})
    second = article_events("b.txt", "Peskov said Monday that supplies are minimal.", {"Monday": "2017-09-04"})
    merged = merge_events(first + second)
    assert [e.date.value for e in merged] == ["2017-09-04", "2017-09-06"]


def test_a_month_event_merges_with_a_day_inside_it():
    first = article_events("a.txt", "Ri Jong Ho defected in October 2014.", {"October 2014": "2014-10"})
    second = article_events("b.txt", "Ri Jong Ho defected on Oct. 12, 2014.", {"Oct. 12, 2014": "2014-10-12"})
    (event,) = merge_events(first + second)
    assert event.date.value == "2014-10-12"  # the more precise report leads
    assert {s.path for s in event.sources} == {"a.txt", "b.txt"}


def test_order_month_before_its_days_ties_in_article_order_undated_last():
    text = ("The minister resigned. Talks began on Sept. 3. Talks ended in September 2017. "
            "Protests began on 3 September. Troops withdrew in 2016.")
    events = article_events("a.txt", text, {"Sept. 3": "2017-09-03", "September 2017": "2017-09",
                                            "3 September": "2017-09-03", "2016": "2016"})
    ordered = merge_events(events)
    assert [(e.date.value if e.date else None, e.title) for e in ordered] == [
        ("2016", "Troops withdrew"),
        ("2017-09", "Talks ended"),  # the month before the days it contains
        ("2017-09-03", "Talks began"),  # a tie keeps article order
        ("2017-09-03", "Protests began"),
        (None, "Minister resigned"),  # undated events after the dated axis
    ]


def test_merging_by_blocks_equals_merging_everything():
    """What the Dask path relies on: merge each date block alone, concatenate, order."""
    rng = random.Random(3)
    speakers = ["Peskov", "Ushakov", "Lavrov"]
    events = []
    for n in range(60):
        day = dt.date(2016, 12, 28) + dt.timedelta(days=rng.randrange(8))
        speaker = rng.choice(speakers)
        text = f"{speaker} said on {day:%B} {day.day}, {day.year} that talks went well."
        phrase = f"{day:%B} {day.day}, {day.year}"
        events += article_events(f"art{n % 7}.txt", text, {phrase: day.isoformat()},
                                 published=(day + dt.timedelta(days=1)).isoformat())
    assert [e.id for e in by_blocks(events)] == [e.id for e in merge_events(events)]
    by_blocks_result = by_blocks(events)
    assert len(by_blocks_result) < len(events)


def by_blocks(events, parts=3):
    """The Dask path's composition: counts summed over parts, each block alone (in reverse
    order), one join, groups merged by parts, ordered by their roots."""
    items = list(enumerate(events))
    counts = add_counts(word_counts([e for i, e in items if i % parts == p]) for p in range(parts))
    blocks = defaultdict(list)
    for i, event in items:
        for key in block_keys(event):
            blocks[key].append((i, event))
    edges = [edge for key in reversed(list(blocks)) for edge in block_edges(blocks[key], key, counts)]
    roots = join({i: info(e) for i, e in items}, edges)
    merged = [pair for p in range(parts) for pair in merge_groups(
        [(i, e) for i, e in items if roots[i] % parts == p], roots)]
    return order_events([e for _, e in sorted(merged, key=lambda pair: pair[0])])


# -- a real multi-article story: two reports on the eve of the Pope's visit to Cuba (TimeBank) --

CUBA_STORY = ("ABC19980120.1830.0957.tml", "ea980120.1830.0071.tml")


@pytest.fixture(scope="module")
def cuba_story(timebank_dir):
    events = []
    for name in CUBA_STORY:
        doc = parse_timeml(timebank_dir / name)
        events += extract_events(doc.text, doc.dct_datetime, Article(text=doc.text, path=name))
    return events, merge_events(events)


def test_story_reported_twice_merges_the_shared_happenings(cuba_story):
    events, merged = cuba_story
    shared = [e for e in merged if {s.path for s in e.sources} == set(CUBA_STORY)]
    # Castro invited the Pope (told by both).  Castro's statements differ ("you can be a Communist
    # and still be a Christian" in one, "it's okay to be enthusiastic" in the other): they stay two.
    assert any("invited" in e.title for e in shared)
    castro = [e for e in merged if e.kind == "statement" and e.actors and e.actors[0].endswith("Castro")]
    assert len(castro) == 2 and all(len(e.sources) == 1 for e in castro)
    assert len(merged) < len(events)


def test_story_keeps_each_articles_sentence_and_distinct_happenings(cuba_story):
    _, merged = cuba_story
    for event in merged:
        paths = [s.path for s in event.sources]
        assert len(paths) == len(set(paths))
        assert all(s.sentence for s in event.sources)
    dated = [e for e in merged if e.date is not None]
    assert len({e.title for e in dated}) == len(dated)  # the cross put up today is not the visit


# -- happenings, not mentions: one happening in different words is one event --------------------


def _story(articles: dict[str, tuple[str, ...]], published="1998-08-08"):
    """The events of short articles {path: (outlet, text)} published on one day, or each at its own
    time {path: (outlet, text, published)}."""
    events = []
    for path, (outlet, text, *when) in articles.items():
        at = when[0] if when else published
        article = Article(text=text, path=path, source=outlet, published=dt.datetime.fromisoformat(at))
        events += extract_events(text, at, source=article)
    return events


BOMBING = {
    "wire.txt": ("Wire", "NAIROBI (Wire) - Bombs exploded outside the U.S. embassies in Nairobi and Dar es "
                         "Salaam on Friday, killing dozens of people and wounding hundreds."),
    "daily.txt": ("Daily", "Terrorist blasts at the American embassies in Nairobi and Dar es Salaam killed 257 "
                           "people on Friday, officials in Kenya and Tanzania said."),
    "post.txt": ("Post", "The bombings of the U.S. embassies in Nairobi and Dar es Salaam on Friday were "
                         "almost simultaneous."),
    "radio.txt": ("Radio", "Almost simultaneous attacks on the embassies in Nairobi and Dar es Salaam on "
                           "Friday killed 257 people."),
}


def test_one_bombing_told_in_different_words_by_four_outlets_is_one_event():
    merged = [e for e in merge_events(_story(BOMBING)) if e.date is not None]
    assert len(merged) == 1
    (bombing,) = merged
    assert bombing.date.value == "1998-08-07"
    assert {s.path for s in bombing.sources} == set(BOMBING)
    assert {s.source for s in bombing.sources} == {"Wire", "Daily", "Post", "Radio"}


def test_a_happening_many_outlets_report_is_titled_by_what_they_say_not_by_the_first_report():
    odd_first = {"blog.txt": ("Blog", "Here it was on Friday that the worst came: bombs ripped through the "
                                      "embassies in Nairobi and Dar es Salaam, killing 257 people.")}
    events = _story({**odd_first, **BOMBING})
    assert events[0].sources[0].path == "blog.txt" and "Nairobi" not in events[0].title
    (bombing,) = [e for e in merge_events(events) if e.date is not None]
    assert len(bombing.sources) == 5
    assert "Nairobi" in bombing.title  # a title the other four reports share words with


@pytest.mark.parametrize("cut", [
    "Bombings of the U.S. embassies in Nairobi and Dar es Salaam killed 257 people and",  # cut off
    "He bombed the U.S. embassies in Nairobi and Dar es Salaam",  # says not who
    "Their bombs hit the U.S. embassies in Nairobi and Dar es Salaam",  # whose, only the sentence before says
    "Has bombed the U.S. embassies in Nairobi and Dar es Salaam",  # the subject lost
])
def test_a_happening_is_titled_by_a_report_whose_title_reads_whole(cut):
    # the title sharing the most words with the others, but not whole, is not the one shown
    events = [e for e in _story(BOMBING) if e.date is not None]
    (bombing,) = [e for e in merge_events([events[0].model_copy(update={"title": cut})] + events[1:])
                  if e.date is not None]
    assert len(bombing.sources) == 4
    assert bombing.title in {e.title for e in events[1:]}


def test_a_happening_announced_before_its_day_is_titled_and_dated_by_the_report_after_it():
    events = []
    for path, published, text in [
        ("preview.txt", "2023-05-08", "The harbour commission will vote on Thursday on whether to close the old "
                                      "ferry pier in Westport."),
        ("report.txt", "2023-05-12", "The harbour commission in Westport voted on Thursday to close the old ferry pier."),
    ]:
        article = Article(text=text, path=path, published=dt.datetime.fromisoformat(published))
        events += extract_events(text, published, source=article)
    (vote,) = [e for e in merge_events(events) if e.date is not None]
    assert {s.path for s in vote.sources} == {"preview.txt", "report.txt"}
    assert "voted" in vote.title and "will" not in vote.title
    assert vote.date.value == "2023-05-11"


def test_a_happening_announced_with_its_day_and_reported_without_it_is_titled_by_the_report():
    events = []
    for path, published, text in [
        ("preview.txt", "2023-05-08", "The harbour commission will vote on Thursday on whether to close the old "
                                      "ferry pier in Westport."),
        ("report.txt", "2023-05-12", "The harbour commission in Westport voted to close the old ferry pier, ending "
                                     "a century of service."),
    ]:
        article = Article(text=text, path=path, published=dt.datetime.fromisoformat(published))
        events += extract_events(text, published, source=article)
    (vote,) = merge_events(events)
    assert {s.path for s in vote.sources} == {"preview.txt", "report.txt"}
    assert "voted" in vote.title and "will" not in vote.title
    assert vote.date.value == "2023-05-11"  # (the day only the announcement tells)
    # (not by a report of another vote the group took in: it says little the announcement says)
    other = Article(text="The harbour commission in Westport voted to hire a new director for the ferry service.",
                    path="other.txt", published=dt.datetime(2023, 5, 12))
    (vote,) = merge_events(events[:1] + extract_events(other.text, "2023-05-12", source=other))
    assert {s.path for s in vote.sources} == {"preview.txt", "other.txt"}  # (the merge took it in)
    assert "pier" in vote.title


def test_a_collection_whose_texts_hold_every_rare_letter_merges_alike():
    # the words of all reports are found at once, texts told apart by a letter none of them holds;
    # an article that holds all such letters must change nothing for the others
    runes = {"runes.txt": ("Museum", "On Friday the museum in Oslo showed visitors the letters "
                                     "\ua66e \u16a0 \u0b83 \u1bc0 on a stone found near the harbour.")}
    (plain,) = [e for e in merge_events(_story(BOMBING)) if e.date is not None and "Nairobi" in e.sentence]
    (bombing,) = [e for e in merge_events(_story({**BOMBING, **runes})) if e.date is not None and "Nairobi" in e.sentence]
    assert {s.path for s in bombing.sources} == set(BOMBING)
    assert bombing.title == plain.title


def test_another_happening_of_the_same_day_stays_apart_from_the_bombing():
    other = {"ferry.txt": ("Daily", "A ferry capsized on Lake Victoria near Mwanza on Friday, and "
                                    "fishermen rescued 40 passengers.")}
    merged = [e for e in merge_events(_story({**BOMBING, **other})) if e.date is not None]
    assert len(merged) == 2
    ferry = next(e for e in merged if any(s.path == "ferry.txt" for s in e.sources))
    assert [s.path for s in ferry.sources] == ["ferry.txt"]


def test_unrelated_statements_by_one_speaker_on_one_day_stay_apart():
    events = _story({
        "a.txt": ("Wire", "President Clinton said on Friday that the economy grew faster than expected "
                          "in the second quarter."),
        "b.txt": ("Daily", "President Clinton said on Friday that the embassy attackers would be hunted "
                           "down and punished."),
    })
    statements = [e for e in merge_events(events) if e.kind == "statement"]
    assert len(statements) == 2
    assert all(len(e.sources) == 1 for e in statements)


def test_the_same_statement_reported_by_two_outlets_is_one_event():
    events = _story({
        "a.txt": ("Wire", "President Clinton said on Friday that the embassy attackers would be hunted "
                          "down and brought to justice."),
        "b.txt": ("Daily", "The attackers of the embassies will be hunted down and brought to justice, "
                           "President Clinton said Friday."),
    })
    (statement,) = [e for e in merge_events(events) if e.kind == "statement"]
    assert {s.path for s in statement.sources} == {"a.txt", "b.txt"}
    assert statement.date.value == "1998-08-07"


def test_reports_from_one_sentence_stay_different_happenings_even_when_reprinted():
    text = "Rebels seized the airport at Goma and government troops withdrew to Kisangani on Sunday."
    events = _story({"a.txt": ("Wire", text), "b.txt": ("Daily", text)})
    merged = merge_events(events)
    assert sorted(e.trigger.text for e in merged) == ["seized", "withdrew"]
    assert all({s.path for s in e.sources} == {"a.txt", "b.txt"} for e in merged)


def test_an_article_published_on_the_last_day_of_the_calendar_does_not_break_the_merge():
    text = "Officials said the talks collapsed. The minister resigned."
    events = _story({"a.txt": ("Wire", text), "b.txt": ("Daily", text)}, published="9999-12-31")
    events += _story({"c.txt": ("Post", text)}, published="0001-01-01")
    merged = merge_events(events)
    assert merged and all(e.date is None for e in merged)
    assert {len(e.sources) for e in merged} == {1, 2}  # the reprint merges; year 1 stays apart
    assert [e.id for e in by_blocks(events)] == [e.id for e in merged]


def test_blocks_with_windows_across_their_edges_equal_merging_everything():
    """Undated reports (a window of days around publication) and a month across block edges."""
    rng = random.Random(5)
    places = ["Goma", "Kisangani", "Bukavu", "Kinshasa", "Kigali", "Mwanza"]
    events = []
    for n in range(80):
        day = dt.date(1998, 7, 27) + dt.timedelta(days=rng.randrange(12))
        place = rng.choice(places)
        dated = rng.random() < 0.5
        phrase = f"{day:%B} {day.day}, {day.year}"
        text = (f"Rebels attacked {place} " + (f"on {phrase}" if dated else "again") +
                f" and seized the {rng.choice(['airport', 'harbour', 'radio station'])}.")
        if n % 9 == 0:
            text, phrase = f"Fighting around {place} grew in August 1998.", "August 1998"
        dates = {phrase: (day.isoformat() if "August 1998" not in text else "1998-08")} if phrase in text else {}
        events += article_events(f"art{n % 11}.txt", text, dates, published=(day + dt.timedelta(days=1)).isoformat())
    merged = merge_events(events)
    assert [e.id for e in by_blocks(events)] == [e.id for e in merged]
    assert len(merged) < len(events)
    assert len({key for e in events for key in block_keys(e)}) > 2  # really several blocks


def test_merging_leaves_the_garbage_collector_running():
    """Issue 10 item 21: the merge used to switch the collector off for the whole process (and so
    for every thread of a Dask worker).  During a merge of a few thousand events it now runs."""
    import gc

    text = "Rebels seized the airport at Goma on Sunday and troops withdrew toward Kisangani."
    events = []
    for n in range(300):
        events += article_events(f"a{n}.txt", text, {"Sunday": "1998-08-02"})
    collections = []

    def count(phase, info):
        if phase == "start":
            collections.append(gc.isenabled())

    assert gc.isenabled()
    gc.callbacks.append(count)
    try:
        merged = merge_events(events * 5)
    finally:
        gc.callbacks.remove(count)
    assert collections and gc.isenabled()
    (seized,) = merged  # and a happening in every report does not vanish under the padding
    assert len(seized.sources) == 300


def test_reports_of_a_year_past_the_calendar_merge_in_that_year_and_never_near_publication():
    ancient = "Farmers settled the valley 7000 years ago."
    events = _story({"a.txt": ("Wire", ancient), "b.txt": ("Daily", ancient),
                     "c.txt": ("Post", "Farmers settled the valley."),
                     "d.txt": ("Radio", "The rocks formed 99999999999999999999999 years ago.")}, published="2017-09-06")
    merged = merge_events(events)
    beyond = {e.time_expression.value: sorted(s.path for s in e.sources)
              for e in merged if e.time_expression is not None and e.time_expression.value.startswith("BC")}
    assert beyond == {"BC4984": ["a.txt", "b.txt"], "BC99999999999999999997983": ["d.txt"]}
    # the same words undated in a third article: a report near its publication, not of 4984 BC
    assert [sorted(s.path for s in e.sources) for e in merged if e.time_expression is None] == [["c.txt"]]
    assert [e.id for e in by_blocks(events)] == [e.id for e in merged]


def test_a_pile_of_copies_is_one_event_and_each_copy_keeps_few_candidates(monkeypatch):
    from timeline import merge

    monkeypatch.setattr(merge, "MAX_CANDIDATES", 20)
    monkeypatch.setattr(merge, "MAX_SHARING", 50)
    monkeypatch.setattr(merge, "CHUNK_PAIRS", 1_000)  # (many slices of the block)
    monkeypatch.setattr(merge, "ROWWISE_PAIRS", 100)
    events = []
    for n in range(300):  # one wire report reprinted 300 times, every copy against every other
        events += article_events(f"copy{n}.txt", "Rebels shelled the airport near Misrata on Monday.",
                                 {"Monday": "2017-09-04"})
    items = list(enumerate(events))
    edges = block_edges(items, block_keys(events[0])[0], word_counts(events))
    assert len(edges) <= 300 * 20 < 300 * 299 // 2
    merged = merge_events(events)
    assert len(merged) == 1 and len(merged[0].sources) == 300


def test_a_short_sentence_reprinted_word_for_word_on_its_day_is_one_event(monkeypatch):
    """The padding that keeps short sentences from matching every other one (here made heavy, as
    in a large collection of rare words) never keeps a sentence apart from its own copy."""
    from timeline import merge

    monkeypatch.setattr(merge, "PAD_WORDS", 10.0)
    copy = "Many people died on Sunday."
    events = _story({"a.txt": ("Wire", copy), "b.txt": ("Daily", copy),
                     "c.txt": ("Post", "Many people fled on Sunday.")}, published="2011-03-07")
    merged = [e for e in merge_events(events) if e.date is not None]
    assert sorted(sorted(s.path for s in e.sources) for e in merged) == [["a.txt", "b.txt"], ["c.txt"]]


@pytest.mark.parametrize("copy", ["The summit is on Friday.", "The vote is tomorrow.", "The summit is at 9:15 tonight."])
def test_a_sentence_of_one_word_and_its_date_reprinted_is_one_event(copy):
    """A copy needs no words in common beyond its own: 'The summit is on Friday' has one."""
    events = _story({"a.txt": ("Wire", copy), "b.txt": ("Daily", copy)}, published="2017-09-06")
    merged = [e for e in merge_events(events) if e.date is not None]
    assert [sorted(s.path for s in e.sources) for e in merged] == [["a.txt", "b.txt"]]


def test_short_sentences_alike_but_for_a_pronoun_are_no_copies():
    events = _story({"a.txt": ("Wire", "He won on Friday."), "b.txt": ("Daily", "She won on Friday.")},
                    published="2017-09-06")
    assert len([e for e in merge_events(events) if e.date is not None]) == 2


def test_what_was_not_done_is_another_happening():
    events = _story({"a.txt": ("Wire", "The plant closed on Friday."),
                     "b.txt": ("Daily", "The plant did not close on Friday."),
                     "c.txt": ("Post", "The plant didn't close on Friday, workers said."),
                     "d.txt": ("Herald", "The plant was closed on Friday.")}, published="2017-09-06")
    merged = [e for e in merge_events(events) if e.date is not None and e.kind != "statement"]
    assert sorted(sorted(s.path for s in e.sources) for e in merged) == [["a.txt", "d.txt"], ["b.txt", "c.txt"]]


HIJACKING = {
    "wire.txt": ("Wire", "Pirates hijacked a Panamanian-flagged cargo ship off the coast of Yemen on Tuesday, "
                         "seizing its 18 crew."),
    "daily.txt": ("Daily", "The ship was hijacked on Tuesday off Yemen."),
    "post.txt": ("Post", "The cargo ship was hijacked on Tuesday about 200 miles off the Yemeni coast."),
}


def test_a_happening_a_recap_names_in_few_words_on_its_day_is_one_event_with_the_lead():
    """A lead and the short recaps of other outlets share few words but the happening's verb, its day
    and where it was; a like happening of that day somewhere else, or one told apart, stays apart."""
    elsewhere = {"radio.txt": ("Radio", "A tanker was hijacked on Tuesday off Nigeria.")}
    merged = [e for e in merge_events(_story({**HIJACKING, **elsewhere}, "2017-09-06")) if e.date is not None]
    assert sorted(sorted(s.path for s in e.sources) for e in merged) == [sorted(HIJACKING), ["radio.txt"]]
    told_apart = {**HIJACKING, "post.txt": ("Post", "Another cargo ship was hijacked on Tuesday about 200 miles off "
                                                    "the Yemeni coast.")}
    merged = [e for e in merge_events(_story(told_apart, "2017-09-06")) if e.date is not None]
    assert ["post.txt"] in [[s.path for s in e.sources] for e in merged]


QUAKE = {
    "wire.txt": ("Wire", "A powerful earthquake shook the northern Andes of Peru before dawn on Thursday, killing at "
                         "least 23 people."),
    "daily.txt": ("Daily", "A magnitude 6.8 earthquake hit a remote highland area of northern Peru early on Thursday."),
    "post.txt": ("Post", "Rescuers in Peru dug through rubble after Thursday's earthquake flattened adobe homes."),
}


def test_a_happening_outlets_tell_by_other_verbs_of_its_noun_is_one_event():
    """'A powerful earthquake shook', 'A magnitude 6.8 earthquake hit', "Thursday's earthquake flattened":
    three verbs, one happening its noun names; what is reckoned from it ('since the earthquake') stays apart."""
    since = {"blog.txt": ("Blog", "Schools in northern Peru reopened on Thursday for the first time since the "
                                  "earthquake.")}
    merged = [e for e in merge_events(_story({**QUAKE, **since}, "2017-09-09")) if e.date is not None]
    assert sorted(sorted(s.path for s in e.sources) for e in merged) == [["blog.txt"], sorted(QUAKE)]


def test_an_undated_lead_in_the_past_is_one_happening_with_the_report_of_its_day():
    """'X has resigned ...' opening an article is the news of its day: one event with the dated report
    of another outlet; not a lead whose time phrase went to another of its verbs."""
    lead = "Housing Secretary Martin Oduya has resigned after leaked emails showed he pressed planning " \
           "officials in Leeds to approve a riverside tower scheme."
    dated = "Martin Oduya resigned on Wednesday as opposition parties demanded an inquiry into donations to " \
            "the governing party."
    events = _story({"pa.txt": ("PA", lead, "2025-06-04T11:45:00+01:00"),
                     "reuters.txt": ("Reuters", dated, "2025-06-04T13:20:00+01:00")})
    assert ["pa.txt", "reuters.txt"] in [sorted(s.path for s in e.sources) for e in merge_events(events)]
    # (a lead whose time phrase went to another of its verbs is not undated news of the day)
    freight = {"a.txt": ("Wire", "A freight train derailed in Quebec on Saturday, spilling crude oil into a river.")}
    commuter = {"b.txt": ("Post", "A commuter train derailed near Montreal, Quebec, on Saturday, injuring 12 "
                                  "passengers.")}
    merged = merge_events(_story({**freight, **commuter}, "2014-11-15"))
    assert ["a.txt", "b.txt"] not in [sorted(s.path for s in e.sources) for e in merged]


def test_a_happening_named_after_in_is_the_sentences_own_but_not_after_a_phrase_of_another():
    """'killed in the blast' tells the blast; 'fell on fears over the cost of the earthquake' a fall."""
    blast = {"wire.txt": ("Wire", "A blast ripped through the Kessler plant in Brackton on Tuesday, the state police "
                                  "said."),
             "daily.txt": ("Daily", "Nine workers were killed in the blast at the Kessler plant in Brackton on "
                                    "Tuesday, as the night shift began.")}
    merged = merge_events(_story(blast, "2017-09-06"))
    assert ["daily.txt", "wire.txt"] in [sorted(s.path for s in e.sources) for e in merged]
    quake = {"wire.txt": ("Wire", "A powerful earthquake struck northern Peru on Friday, killing 23 people."),
             "daily.txt": ("Daily", "Shares of mining companies in northern Peru fell sharply on Friday on fears "
                                    "over the cost of the earthquake.")}
    merged = merge_events(_story(quake, "2017-09-09"))
    assert ["daily.txt", "wire.txt"] not in [sorted(s.path for s in e.sources) for e in merged]


def test_an_undated_lead_of_the_next_day_is_not_the_like_happening_of_the_day_before():
    events = _story({"a.txt": ("a.txt", "A child died of swine flu in Texas on Tuesday, health officials said.",
                               "2009-04-28T20:00:00"),
                     "b.txt": ("b.txt", "Two more people have died of the virus in Texas and Mexico.",
                               "2009-04-29T09:00:00")})
    assert ["a.txt", "b.txt"] not in [sorted(s.path for s in e.sources) for e in merge_events(events)]


def test_a_period_that_ends_before_it_starts_is_refused_when_made():
    """Ordering and merging assume a period's start is not after its end (merging such a date had
    raised IndexError): a DateSpan made so, or read so from JSON, is refused with the reason."""
    from pydantic import ValidationError

    from timeline.models import DateSpan

    with pytest.raises(ValidationError, match="cannot end .2017-09-01. before it starts .2017-09-30."):
        DateSpan(value="2017-09", start=dt.date(2017, 9, 30), end=dt.date(2017, 9, 1), granularity="month")
    with pytest.raises(ValidationError, match="before it starts"):
        DateSpan.model_validate_json('{"value": "2017-09", "start": "2017-09-30", "end": "2017-09-01", '
                                     '"granularity": "month"}')
    day = DateSpan(value="2017-09-04", start=dt.date(2017, 9, 4), end=dt.date(2017, 9, 4), granularity="day")
    assert day.start == day.end
