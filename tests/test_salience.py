"""Salience: the parts of the score as a reader expects them, wire copy counted once, key events."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import build_timeline
from timeline.events import extract_events
from timeline.models import Article
from timeline.salience import MIN_TOP, PER_DAY, automatic_top, one_happening, score_events

WIRE = ("Rebels seized the airport at Goma on Sunday after a day of heavy fighting. "
        "Government troops withdrew toward Kisangani on Sunday, witnesses said. "
        "Aid agencies suspended flights into the region on Monday and evacuated their staff.")


def article(path, outlet, text, published="1998-08-04"):
    return Article(text=text, path=path, source=outlet, published=dt.datetime.fromisoformat(published))


def find(timeline, word):
    return next(e for e in timeline.events if word in e.title)


def test_wire_copy_reprinted_by_two_outlets_counts_once_but_both_are_sources():
    timeline = build_timeline([
        article("wire.txt", "Wire", WIRE, "1998-08-03"),
        article("daily.txt", "Daily", "By our correspondent. " + WIRE, "1998-08-04"),
        article("post.txt", "Post", "Heavy fighting ended on Sunday when rebels seized Goma airport, "
                                    "the town's only runway, from the retreating army.", "1998-08-04"),
    ])
    seized = find(timeline, "seized")
    assert {s.path for s in seized.sources} == {"wire.txt", "daily.txt", "post.txt"}
    assert seized.salience.articles == 3 and seized.salience.outlets == 3
    assert seized.salience.copies == 1  # the reprint
    flights = find(timeline, "suspended")
    assert {s.path for s in flights.sources} == {"wire.txt", "daily.txt"}
    assert flights.salience.copies == 1
    # two outlets' own words are not copies of each other
    assert seized.salience.articles - seized.salience.copies == 2


def test_one_outlet_written_two_ways_is_one_outlet_on_the_score_the_csv_and_the_page():
    from timeline.render import render

    timeline = build_timeline([
        article("a.txt", "Reuters", "Rebels seized the airport at Goma on Sunday, witnesses said."),
        article("b.txt", "reuters ", "The airport at Goma was seized by rebels on Sunday, its staff said."),
    ])
    seized = find(timeline, "seized")
    assert seized.salience.articles == 2 and seized.salience.outlets == 1  # (not two outlets' accounts)
    row = next(line for line in render(timeline, "csv").splitlines() if "seized" in line)
    assert '"Reuters"' in row and "reuters " not in row
    assert "by 2 outlets" not in render(timeline, "html")


def test_more_articles_and_outlets_score_higher_and_parts_read_as_expected():
    timeline = build_timeline([
        article("a.txt", "Wire", "Rebels seized the airport at Goma on Sunday. " + "Nothing else happened. " * 30
                + "A minister resigned in Kinshasa on Sunday over the defeat."),
        article("b.txt", "Daily", "The airport at Goma was seized by rebels on Sunday, its staff said."),
        article("c.txt", "Radio", "Talks between the rebels and the government will open in Lusaka on Friday."),
    ])
    seized, resigned, talks = find(timeline, "seized"), find(timeline, "resigned"), find(timeline, "Lusaka")
    assert seized.salience.articles == 2 and seized.salience.outlets == 2
    assert resigned.salience.articles == 1 and resigned.salience.outlets == 1
    assert seized.salience.score > resigned.salience.score
    assert seized.salience.lead and not resigned.salience.lead  # the last sentence of a long article
    assert seized.salience.reported and not talks.salience.reported  # Friday is still to come
    # the collection refers to Sunday three times (two reports of the seizure, the resignation)
    assert seized.salience.date_mentions == resigned.salience.date_mentions == 3
    assert talks.salience.date_mentions == 1


def test_key_events_are_distinct_days_of_the_story_not_one_busy_day_or_history():
    texts = []
    for n in range(6):
        texts.append(article(f"busy{n}.txt", f"Outlet{n}",
                             "Rebels seized the airport at Goma on Sunday. Troops withdrew from Bukavu on Sunday. "
                             "Shops closed in Kisangani on Sunday. Prices rose in Kinshasa on Sunday. "
                             "The border with Rwanda closed on Sunday.", "1998-08-03"))
    texts.append(article("later.txt", "Daily", "Talks opened in Lusaka on August 20, 1998.", "1998-08-21"))
    texts.append(article("history.txt", "Daily", "Mobutu seized power on November 24, 1965.", "1998-08-21"))
    timeline = build_timeline(texts, top=4)
    key = timeline.key_events
    assert len(key) == 3  # two of the busy day at most, then the talks; 1965 is background
    days = [e.date.value for e in key]
    assert days.count("1998-08-02") == PER_DAY and "1998-08-20" in days
    assert all(e.salience is not None for e in timeline.events)


def test_what_was_said_at_a_happening_does_not_take_a_second_key_place():
    texts = [article(f"b{n}.txt", f"Outlet{n}",
                     "Mayor Ana Ruiz opened the Tolbridge over the Vesna on Sunday. "
                     "Ruiz said on Sunday that the bridge would halve journeys across the valley. "
                     "The ferry across the Vesna made its last crossing on Monday.") for n in range(4)]
    texts += [article(f"c{n}.txt", f"Outlet{n}", "Tolls on the Tolbridge were suspended on Wednesday after protests.",
                      "1998-08-06") for n in range(2)]
    timeline = build_timeline(texts, top=3)
    opened = find(timeline, "opened")
    said = next(e for e in timeline.events if e.kind == "statement")
    assert said.salience.score > find(timeline, "suspended").salience.score  # ranked above the tolls...
    assert opened.key and not said.key  # ...but told at the opening: the tolls take the place
    assert [e.date.value for e in timeline.key_events] == ["1998-08-02", "1998-08-03", "1998-08-05"]


def test_two_statements_of_a_day_by_one_body_named_or_by_its_initials_take_one_key_place():
    texts = [article(f"a{n}.txt", f"Outlet{n}",
                     "The Vesna River Authority said on Sunday that the dam would be drained by the summer. "
                     "VRA director Ana Ruiz said on Sunday that engineers had found cracks in its wall.")
             for n in range(4)]
    texts += [article(f"c{n}.txt", f"Outlet{n}", "Fishermen blockaded the Tolbridge on Wednesday in protest.",
                      "1998-08-06") for n in range(2)]
    timeline = build_timeline(texts, top=2)
    statements = [e for e in timeline.events if e.kind == "statement"]
    assert len(statements) == 2 and sum(e.key for e in statements) == 1
    assert find(timeline, "blockaded").key


@pytest.mark.parametrize("one, other, same", [
    ("BP capped the well", "The well was capped by BP", True),
    ("Police arrested two men", "Police released two men", False),
    ("The Senate passed the bill", "The House passed the bill", False),
])
def test_two_events_of_a_day_are_one_happening_only_when_one_title_holds_all_the_others_words(one, other, same):
    """(For the key events: two key places of a day go to two happenings, not one told twice.)"""
    dated = [next(e for e in extract_events(text + " on Tuesday.", "1998-08-06") if e.date) for text in (one, other)]
    assert one_happening(*dated) is same


def test_two_doings_of_one_person_on_a_day_told_by_one_article_take_one_key_place():
    # (the key events give another day's happening the place a second doing of his would take)
    day = ("BP chief executive Tony Hayward testified before a House committee on Thursday. "
           "Tony Hayward toured the flooded marshes of the coast by boat on Thursday evening.")
    texts = [article(f"a{n}.txt", f"Outlet{n}", day, "1998-08-07") for n in range(3)]
    texts += [article(f"c{n}.txt", f"Outlet{n}", "Fishermen blockaded the Tolbridge on Wednesday in protest.",
                      "1998-08-06") for n in range(2)]
    timeline = build_timeline(texts, top=2)
    hayward = [e for e in timeline.events if e.date and e.date.start.isoformat() == "1998-08-06" and "Hayward" in e.title]
    assert len(hayward) == 2 and sum(e.key for e in hayward) == 1
    assert find(timeline, "blockaded").key


def test_doings_of_two_people_or_bodies_sharing_a_last_word_are_two_happenings():
    text = ("Hillary Clinton campaigned in Ohio on Tuesday. Bill Clinton toured a car factory in Iowa on Tuesday. "
            "North Korea fired a missile on Tuesday. South Korea raised its alert on Tuesday.")
    timeline = build_timeline([article("a.txt", "Wire", text, "1998-08-06")])
    dated = [e for e in timeline.events if e.date]
    for one, other in (("Hillary", "Bill"), ("North Korea", "South Korea")):
        first, second = (next(e for e in dated if e.title.startswith(name)) for name in (one, other))
        assert not one_happening(first, second)


def test_automatic_number_of_key_events_follows_the_coverage():
    one_day = build_timeline([article("a.txt", "Wire", WIRE)])
    assert automatic_top(one_day.events) == MIN_TOP
    spread = [e.model_copy(update={"sources": [s.model_copy(update={"published": dt.datetime(1998, 1, 1) + dt.timedelta(days=k)})
                                               for s in e.sources]})
              for k, e in zip(range(0, 120, 10), one_day.events * 12)]
    assert automatic_top(spread) == 21  # coverage of 111 days: twice its square root


def test_a_long_story_of_few_articles_keys_the_happenings_two_articles_tell():
    # a year of coverage asks for 38 key events; 6 happenings are told twice, 24 once
    places = ["Goma", "Bukavu", "Uvira", "Kindu", "Kalemie", "Kisangani"]
    told, day = [], dt.date(1998, 1, 5)
    for n in range(30):
        place = places[n % 6] if n < 6 else f"village number {n}"
        text = f"Rebels seized {place} on {day:%B} {day.day}, {day.year}."
        told.append(article(f"a{n}.txt", "Wire", text, f"{day + dt.timedelta(days=1)}"))
        if n < 6:
            told.append(article(f"b{n}.txt", "Daily", text, f"{day + dt.timedelta(days=2)}"))
        day += dt.timedelta(days=12)
    timeline = build_timeline(told)
    assert automatic_top(timeline.events) > 20
    keys = [e for e in timeline.events if e.key]
    assert len(keys) == 6 and all(e.salience.articles == 2 for e in keys)


def test_scores_at_the_calendar_edges_do_not_overflow():
    timeline = build_timeline([article("a.txt", "Wire", "Rebels seized Goma in 0001.", "0001-01-09"),
                               article("b.txt", "Wire", "Rebels seized Goma yesterday.", "9999-12-31")])
    assert not timeline.errors and timeline.events
    assert all(e.salience is not None for e in timeline.events)
    assert score_events(timeline.events, top=0) and not any(e.key for e in score_events(timeline.events, top=0))


def test_a_few_articles_have_every_dated_event_key():
    timeline = build_timeline([article("a.txt", "Wire", WIRE),
                               article("b.txt", "Daily", "The rebels had taken Bukavu in October 1996.")])
    dated = timeline.dated
    assert 0 < len(dated) <= MIN_TOP
    assert [e.key for e in dated] == [True] * len(dated)  # a month-precise event too: nothing to choose


def test_a_happening_of_the_story_outranks_an_equally_reported_aside():
    """Two outlets print a flood report and, from a wire roundup, a football result: equal in
    articles, outlets, date mentions, lead and tense, the flood is the story (its words are the
    collection's), so it ranks first."""
    roundup = " In football, the Hawks beat the Owls in the cup final on Saturday."
    timeline = build_timeline([
        article("a.txt", "Courier", "The river burst its banks at Harlow on Saturday, flooding homes." + roundup,
                "2021-03-08"),
        article("b.txt", "Herald", "Flood water from the river burst into homes at Harlow on Saturday." + roundup,
                "2021-03-08"),
        article("c.txt", "Post", "The river at Harlow rose again overnight and more homes may flood.",
                "2021-03-08"),
    ])
    flood, final = find(timeline, "burst"), find(timeline, "Hawks")
    parts = ("articles", "outlets", "date_mentions", "lead", "reported", "copies")
    assert [getattr(flood.salience, p) for p in parts] == [getattr(final.salience, p) for p in parts]
    assert flood.salience.topicality == 1.0  # 'river', 'homes', 'Harlow': every article's words
    assert final.salience.topicality < flood.salience.topicality
    assert flood.salience.score > final.salience.score


def test_a_story_reprinted_hundreds_of_times_is_one_group_found_in_linear_work(monkeypatch):
    from datasketch import MinHash

    from timeline.events import extract_events
    from timeline.salience import copies_of

    compared = []
    jaccard = MinHash.jaccard
    monkeypatch.setattr(MinHash, "jaccard", lambda self, other: compared.append(1) or jaccard(self, other))
    events = []
    for n in range(300):
        events += extract_events(WIRE + f" Reporter {n} filed from Goma.", "1998-08-04",
                                 article(f"copy{n:03}.txt", f"Outlet {n % 7}", WIRE))
    originals = copies_of(events)
    assert len(originals) >= 295 and set(originals.values()) == {"copy000.txt"}  # (MinHash is an estimate)
    assert len(compared) <= 10 * 300  # (a few for each copy; every pair would be 44,850)


def test_a_happening_titled_by_its_noun_alone_is_no_key_event():
    # ('The blast' tells a reader nothing the day does not: the key place goes to a titled happening)
    texts = [article(f"a{n}.txt", f"Outlet{n}", "Investigators are examining the cause of Tuesday's blast.",
                     "1998-08-06") for n in range(4)]
    texts += [article(f"b{n}.txt", f"Outlet{n}", "The governor toured the damaged Ferrow plant on Wednesday.",
                      "1998-08-06") for n in range(2)]
    timeline = build_timeline(texts, top=1)
    (key,) = [e for e in timeline.events if e.key]
    assert "governor" in key.title.lower()
    blast = next(e for e in timeline.events if e.date is not None and "blast" in e.title.lower())
    assert blast.salience.articles > key.salience.articles  # (though the blast is told more)


def test_a_forecast_only_told_before_its_day_is_no_key_event():
    # ('could resume by Thursday' in four articles of Monday: nothing after tells that it did)
    texts = [article(f"a{n}.txt", f"Outlet{n}", "Drilling of the relief well at Macondo could resume by Thursday, "
                                                "engineers said.", "1998-08-03") for n in range(8)]
    texts += [article(f"b{n}.txt", f"Outlet{n}", "The governor toured the damaged Ferrow plant on Sunday.",
                      "1998-08-03") for n in range(2)]
    texts += [article("c.txt", "Outlet0", "Ferrow's workers went back to the plant on Friday.", "1998-08-08")]
    timeline = build_timeline(texts, top=1)  # (coverage to Saturday: Thursday is a day of the story)
    (key,) = [e for e in timeline.events if e.key]
    assert "governor" in key.title.lower()
    drilling = next(e for e in timeline.events if e.date is not None and "resume" in e.title.lower())
    assert drilling.salience.articles > key.salience.articles  # (though the forecast is told more)


def test_a_happening_whose_title_leans_on_an_unseen_sentence_is_no_key_event():
    # ('Her son also died': whose? the key place goes to a title that reads alone)
    texts = [article(f"a{n}.txt", f"Outlet{n}", "Officials said her son also died on Sunday in the Glasgow hospital.",
                     "1998-08-04") for n in range(4)]
    texts += [article(f"b{n}.txt", f"Outlet{n}", "The governor toured the Glasgow hospital on Monday.", "1998-08-04")
              for n in range(2)]
    timeline = build_timeline(texts, top=1)
    (key,) = [e for e in timeline.events if e.key]
    assert "governor" in key.title.lower()
    died = next(e for e in timeline.events if e.date is not None and "died" in e.title.lower())
    assert died.title.lower().startswith("her son") and died.salience.articles > key.salience.articles
