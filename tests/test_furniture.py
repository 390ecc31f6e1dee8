"""Page furniture: what an outlet prints around its articles day after day is not news."""

from __future__ import annotations

import datetime as dt

from timeline.furniture import FURNITURE_DAYS, drop_furniture, furniture, sightings
from timeline.models import Article
from timeline.pipeline import build_timeline

FOOTER = "Readers can follow the latest harbour news on our weekly newsletter."
BACKGROUND = "The storm of 3 January flooded the old harbour."
UNDATED_BACKGROUND = "The storm flooded the old harbour."


def story(outlet: str, days: int, extra: str, n0: int = 0) -> list[Article]:
    """One article a day from ``outlet``, each with its own news and the same ``extra`` line."""
    articles = []
    for n in range(days):
        day = dt.date(2021, 3, 1) + dt.timedelta(days=n)
        text = (f"The council met the harbour board on {day:%B} {day.day}, {day.year}, to discuss repair number {n0 + n}.\n"
                f"{extra}\n")
        articles.append(Article(text=text, path=f"{outlet}-{n0 + n}.txt", source=outlet,
                                published=dt.datetime.combine(day, dt.time(12))))
    return articles


def sentences_of(timeline) -> set[str]:
    return {s.sentence for e in timeline.events for s in e.sources}


def test_a_line_an_outlet_repeats_on_many_days_tells_no_event():
    timeline = build_timeline(story("Harbour Gazette", 5, FOOTER))
    found = sentences_of(timeline)
    assert FOOTER not in found
    assert sum("to discuss repair number" in s for s in found) == 5  # the news of each day stays


def test_a_repeated_background_sentence_with_a_date_is_kept():
    timeline = build_timeline(story("Harbour Gazette", 5, BACKGROUND))
    dated = [e for e in timeline.events if BACKGROUND in {s.sentence for s in e.sources}]
    assert dated and any(e.date is not None and e.date.start == dt.date(2021, 1, 3) for e in dated)
    assert sum(len(e.sources) for e in dated) >= 5  # every article that repeats it backs it


def test_wire_copy_in_several_outlets_is_not_furniture():
    """The same line in five outlets (one article each) is a story they all ran."""
    articles = [a for n, outlet in enumerate(["Gazette", "Herald", "Courier", "Post", "Times"])
                for a in story(outlet, 1, UNDATED_BACKGROUND, n0=n)]
    assert UNDATED_BACKGROUND in sentences_of(build_timeline(articles))


def test_an_outlet_repeating_a_line_on_fewer_days_keeps_it():
    articles = story("Harbour Gazette", FURNITURE_DAYS - 1, UNDATED_BACKGROUND)
    assert UNDATED_BACKGROUND in sentences_of(build_timeline(articles))
    articles = story("Harbour Gazette", FURNITURE_DAYS, UNDATED_BACKGROUND)
    assert UNDATED_BACKGROUND not in sentences_of(build_timeline(articles))


def test_without_an_outlet_nothing_is_furniture():
    articles = [a.model_copy(update={"source": None}) for a in story("x", 5, FOOTER)]
    assert FOOTER in sentences_of(build_timeline(articles))


def test_furniture_is_decided_alike_from_parts_of_a_collection():
    from timeline.events import extract_events
    from timeline.furniture import add_sightings

    events = [e for a in story("Harbour Gazette", 6, FOOTER) for e in extract_events(a.text, source=a)]
    whole = furniture(sightings(events))
    assert whole and all(key[1] == FOOTER.casefold() for key in whole)
    assert furniture(add_sightings([sightings(events[:5]), sightings(events[5:])])) == whole
    assert len(drop_furniture(events)) < len(events)


def test_an_article_whose_web_address_does_not_parse_is_still_read_and_its_site_is_unknown():
    """Article metadata is untrusted: 'http://[oops' must not stop the collection."""
    articles = [a.model_copy(update={"source": None, "url": f"http://[oops/{n}"})
                for n, a in enumerate(story("x", FURNITURE_DAYS, FOOTER))]
    timeline = build_timeline(articles)
    assert len(timeline.articles) == FURNITURE_DAYS and not timeline.errors
    assert FOOTER in sentences_of(timeline)  # no site known: nothing is furniture of an outlet
