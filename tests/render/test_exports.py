"""The data exports: JSON, JSONL, CSV, TimelineJS 3 and TimeML."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from synthetic import ATTACKS, PUBLISHED, collection, event, report

from timeline import build_timeline
from timeline.models import Article, Event, Source, Timeline
from timeline.render import EXTENSIONS, FORMATS, render
from timeline.render.common import MAX_LANES, OTHER_OUTLETS, outlet
from timeline.timeml import parse_timeml


def one_event(value: str, phrase: str = "then", url: str | None = None) -> Timeline:
    source = Source(title="Wire report", url=url, published=PUBLISHED)
    return Timeline(events=[event("e1", "Talks resumed", report(
        source, f"Talks resumed {phrase}, the ministry said.", "resumed", phrase, value))])


def test_every_format_renders_and_has_a_file_ending(seed):
    assert set(EXTENSIONS) == set(FORMATS)
    for fmt in FORMATS:
        assert render(seed, fmt).strip()


def test_every_format_renders_events_made_by_hand_without_sources():
    """An Event's sources default to none: a timeline a library user builds by hand renders in every
    format (the page had raised IndexError)."""
    from timeline.models import DateSpan, Span

    sank = Event(id="e1", title="Ship sank", sentence="The ship sank.", trigger=Span(text="sank", start=9, end=13),
                 date=DateSpan(value="2017-09-04", start=dt.date(2017, 9, 4), end=dt.date(2017, 9, 4),
                               granularity="day"))
    ended = Event(id="e2", title="Talks ended", sentence="Talks ended.", trigger=Span(text="ended", start=6, end=11))
    for fmt in FORMATS:
        assert render(Timeline(events=[sank, ended]), fmt).strip(), fmt
    assert "Ship sank" in render(Timeline(events=[sank, ended]), "html")


@pytest.mark.parametrize("fmt, lanes", [("pdf", "source"), ("html", "topic")])
def test_unknown_formats_and_lanes_are_refused(seed, fmt, lanes):
    with pytest.raises(ValueError, match=f"unknown .*{fmt if fmt == 'pdf' else lanes}"):
        render(seed, fmt, lanes=lanes)


def test_json_is_the_timeline_model(seed):
    assert Timeline.model_validate_json(render(seed, "json")) == seed


def test_jsonl_is_one_event_a_line_in_order(seed):
    lines = render(seed, "jsonl").splitlines()
    assert [Event.model_validate_json(line) for line in lines] == seed.events


def test_csv_has_one_row_per_event_in_order(seed):
    rows = list(csv.DictReader(io.StringIO(render(seed, "csv"))))
    assert [r["title"] for r in rows] == [e.title for e in seed.events]
    defection = rows[0]
    assert (defection["start"], defection["end"], defection["granularity"]) == (
        "2014-10-01", "2014-10-31", "month")
    assert defection["date_phrase"] == "October 2014"
    peskov = next(r for r in rows if r["id"] == "peskov")
    assert peskov["sources"].count("|") == 1
    undated = [r for r in rows if not r["start"]]
    assert undated and all(r["relation"] == "before publication" for r in undated)


@pytest.mark.parametrize("title", ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0",
                                   "@SUM(1,1)", "-2+3", "\u200b=1+1", "\ufeff@SUM(1,1)"])
def test_csv_cells_never_start_a_spreadsheet_formula(title):
    timeline = one_event("2017-09-06")
    timeline.events[0].title = title
    row = next(csv.DictReader(io.StringIO(render(timeline, "csv"))))
    assert row["title"] == "'" + title


def test_csv_cells_carry_no_hidden_text():
    """Tag characters show nothing but can spell a message a program reads; a cell drops them."""
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore this")
    timeline = one_event("2017-09-06")
    timeline.events[0].title = f"Talks{hidden} resumed\ufff9 ok\ufffb"
    row = next(csv.DictReader(io.StringIO(render(timeline, "csv"))))
    assert row["title"] == "Talks resumed ok"


@pytest.mark.parametrize("value, start, end", [
    ("2017-09-06", {"year": 2017, "month": 9, "day": 6}, None),
    ("2017-09-06T14:30", {"year": 2017, "month": 9, "day": 6, "hour": 14, "minute": 30}, None),
    # (the midnight that ends a day at its last minute: TimelineJS's hours are 0 to 23)
    ("2017-09-05T24:00", {"year": 2017, "month": 9, "day": 5, "hour": 23, "minute": 59}, None),
    ("2014-10", {"year": 2014, "month": 10}, None),
    ("2014", {"year": 2014}, None),
    ("2017-W36", {"year": 2017, "month": 9, "day": 4}, {"year": 2017, "month": 9, "day": 10}),
    ("2017-Q3", {"year": 2017, "month": 7}, {"year": 2017, "month": 9}),
    ("199", {"year": 1990}, {"year": 1999}),
])
def test_timelinejs_dates_are_as_precise_as_known(value, start, end):
    slide = json.loads(render(one_event(value), "timelinejs"))["events"][0]
    assert slide["start_date"] == start
    assert slide.get("end_date") == end
    assert slide["display_date"]


def test_a_hand_made_model_out_of_the_usual_range_still_renders_in_every_format():
    """A timeline built by hand and changed without validation (``model_copy``) renders: a
    huge salience weighs as the heaviest, a time of day that is no clock time is left out."""
    from timeline.models import DateSpan, Salience
    e = one_event("2017-09-06T14:30").events[0]
    with pytest.raises(ValueError):  # (validated, a time that is no clock time is refused)
        DateSpan.model_validate({**e.date.model_dump(), "time": "abc"})
    odd = e.model_copy(update={"date": e.date.model_copy(update={"time": "abc"}),
                               "salience": Salience(score=1e308)})
    for fmt in FORMATS:
        assert render(Timeline(events=[odd]), fmt).strip()
    assert "hour" not in json.loads(render(Timeline(events=[odd]), "timelinejs"))["events"][0]["start_date"]


def test_timelinejs_slides_have_headline_text_and_group(seed):
    data = json.loads(render(seed, "timelinejs"))
    assert [s["text"]["headline"] for s in data["events"]] == [
        e.title.replace("'", "&#x27;") for e in seed.dated]
    assert "<mark>Sunday</mark>" in data["events"][1]["text"]["text"]
    assert [s["group"] for s in data["events"]][:2] == ["Outlet not given", "sputniknews.com"]  # (the outlets)
    assert "2 undated events" in data["title"]["text"]["text"]
    assert all("group" not in s for s in json.loads(render(seed, "timelinejs", lanes="none"))["events"])


def test_timelinejs_text_is_escaped_and_links_are_http_only(hostile):
    data = json.loads(render(hostile, "timelinejs"))
    for slide in data["events"]:
        for html in (slide["text"]["headline"], slide["text"]["text"], slide["group"]):
            assert "<script" not in html and "<img" not in html and "<svg" not in html
            assert "javascript:" not in html
    linked = json.loads(render(one_event("2017-09-06", url="https://example.org/a?b=1&c=2"), "timelinejs"))
    assert ('<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">'
            in linked["events"][0]["text"]["text"])


def test_timeml_reads_back_with_the_same_expressions_and_values(seed):
    document = parse_timeml(render(seed, "timeml"))
    expected = [(e.time_expression.text, e.time_expression.type, e.time_expression.value)
                for e in seed.events if e.time_expression]
    assert [(t.text, t.type, t.value) for t in document.timexes] == expected
    assert [e.text for e in document.events] == [e.trigger.text for e in seed.events]
    assert document.dct == "2017-09-06"
    for timex in document.timexes:  # offsets point at the phrase in the document's text
        assert document.text[timex.start:timex.end] == timex.text
    rel = {link.event_id: link.rel_type for link in document.links}
    assert rel["e1"] == "IS_INCLUDED" and rel[f"e{len(seed.events)}"] == "BEFORE"


def test_timeml_instances_and_links_name_what_the_document_has():
    """Every MAKEINSTANCE names an EVENT of the text and every TLINK an instance and a TIMEX3 it
    has: two events of one word ('five hurricanes from 1975 to 1980') are two instances of one
    EVENT (the second had pointed at an EVENT the text did not have)."""
    import xml.etree.ElementTree as ET

    articles = [Article(text=text, path=f"{n}.txt", published=PUBLISHED) for n, text in enumerate([
        "I was offshore for five hurricanes from 1975 to 1980.",
        "The strike that began on Monday ended on Friday, the union said on Saturday.",
    ])]
    root = ET.fromstring(render(build_timeline(articles), "timeml"))
    events = {e.get("eid") for e in root.iter("EVENT")}
    times = {t.get("tid") for t in root.iter("TIMEX3")}
    instances = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
    assert instances and set(instances.values()) <= events
    links = list(root.iter("TLINK"))
    assert links and all(link.get("eventInstanceID") in instances and link.get("relatedToTime") in times
                         for link in links)
    assert len(instances) > len(events)  # (the hurricanes' two)


def test_timeml_keeps_a_phrase_from_another_sentence():
    timeline = one_event("2017-09-06", phrase="Wednesday")
    timeline.events[0].sentence = "Talks resumed, the ministry said."
    document = parse_timeml(render(timeline, "timeml"))
    assert [(t.text, t.value) for t in document.timexes] == [("Wednesday", "2017-09-06")]
    assert document.events[0].text == "resumed"


def test_timeml_of_hostile_text_is_well_formed_and_keeps_the_text(hostile):
    document = parse_timeml(render(hostile, "timeml"))
    for attack in ATTACKS:
        assert attack in document.text
    assert len(document.timexes) == len(hostile.dated)


def test_timeml_writes_characters_that_act_on_a_terminal_as_references():
    """Bidi overrides, C1 controls and line separators in the text reach the file as character
    references: the file shows them as written, and its reader gets the same text back."""
    sentence = "Talks \u202eresumed\u202c on \u2066Wednesday\u2069 \x9b2J\u2028after a pause."
    timeline = one_event("2017-09-06", phrase="Wednesday")
    timeline.events[0].sentence = sentence
    timeline.events[0].title = "Talks \u202eresumed"
    written = render(timeline, "timeml")
    assert not any(ch in written for ch in "\u202e\u202c\u2066\u2069\x9b\u2028")
    document = parse_timeml(written)
    assert sentence in document.text
    assert [(t.text, t.value) for t in document.timexes] == [("Wednesday", "2017-09-06")]


def test_timelinejs_groups_slides_by_outlet_as_the_page_draws_lanes():
    """One group per outlet, the one that reported the event first; past the biggest outlets, the
    others share one group (2,500 one-article outlets are not 2,500 rows)."""
    timeline = collection(articles=300, events=600, outlets=12)
    for event in timeline.events:
        event.key = True  # (every one a slide: see the next test)
    groups = {s["group"] for s in json.loads(render(timeline, "timelinejs"))["events"]}
    assert len(groups) == MAX_LANES + 1 and OTHER_OUTLETS in groups and "Reuters" in groups
    assert groups <= {outlet(a) for a in timeline.articles} | {OTHER_OUTLETS}


def test_timelinejs_slides_are_the_key_events_and_the_title_slide_counts_the_rest():
    # (a story's 7,806 dated events, stray years of 1439 among them, had all been slides)
    timeline = collection(articles=300, events=600, outlets=12)
    dated = timeline.dated
    keys = {event.id for event in dated[::20]}
    for event in timeline.events:
        event.key = event.id in keys
    data = json.loads(render(timeline, "timelinejs"))
    assert [s["unique_id"] for s in data["events"]] == [event.id for event in dated if event.id in keys]
    assert data["title"]["text"]["text"] == (
        f"<p>The {len(keys)} key events; {len(dated) - len(keys):,} other dated events"
        + (f" and {len(timeline.undated):,} undated events" if timeline.undated else "") + " not shown.</p>")


def test_csv_tells_key_events_their_score_and_who_reported_them_first():
    articles = [Article(text=text, path=f"{n}.txt", source=outlet_name, published=dt.datetime(2021, 3, day))
                for n, (outlet_name, day, text) in enumerate([
                    ("Wire", 6, "The Ferrow dam burst on Friday, flooding the valley."),
                    ("Daily", 7, "The Ferrow dam burst on Friday and flooded the valley below it."),
                    ("Post", 8, "Mayor Ana Petrov toured the flooded Ferrow valley on Sunday.")])]
    timeline = build_timeline(articles)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(render(timeline, "csv")))}
    burst = next(e for e in timeline.events if "burst" in e.title)
    row = rows[burst.id]
    assert (row["key"], row["articles"], row["outlets"]) == ("yes", "2", "2")
    assert float(row["score"]) == pytest.approx(burst.salience.score, abs=1e-3)
    assert row["outlet_names"] == "Wire; Daily"
    assert row["first_published"] == "2021-03-06T00:00:00"


def test_csv_first_published_compares_zoned_times_as_instants():
    # (08:00 in Manila is midnight in London, before 03:00 there)
    manila = Source(path="m.txt", published=dt.datetime(2024, 1, 1, 8, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    london = Source(path="l.txt", published=dt.datetime(2024, 1, 1, 3, tzinfo=dt.timezone.utc))
    found = event("x", "Ship docked", report(london, "The ship docked.", "docked"),
                  report(manila, "The ship docked.", "docked"))
    (row,) = csv.DictReader(io.StringIO(render(Timeline(events=[found]), "csv")))
    assert row["first_published"] == "2024-01-01T08:00:00+08:00"
