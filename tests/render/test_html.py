"""The HTML page as a file: what it carries, how it escapes, how the chart is laid out.

What it does in a browser is tested in ``tests/browser``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest
from synthetic import (ATTACKS, BIG, LINK, PRESS, PUBLISHED, REVERSED, SPUTNIK, collection, event, hostile_timeline,
                       many_events, outlet_timeline, report)

from timeline.models import Salience, Source, Timeline
from timeline.render import render
from timeline.render.common import ALL_OUTLETS, OTHER_OUTLETS, UNKNOWN_OUTLET, plain
from timeline.render.html import PALETTE, SYMBOLS, robust_frame


class Page(HTMLParser):
    """The scripts, links and elements of a page."""

    def __init__(self, html: str):
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self.tags: list[tuple[str, dict]] = []
        self._script = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = (dict(attrs), [])

    def handle_data(self, data):
        if self._script:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None

    def payload(self) -> dict:
        return json.loads(next(text for attrs, text in self.scripts if attrs.get("id") == "timeline-data"))

    def events(self) -> list[list]:
        """The payload's event rows with titles and sentences spelled out, as page.js reads them:
        a sentence as [text] or [before, phrase, after], a source's own sentence likewise."""
        payload = self.payload()
        texts = [text.encode("utf-16-le") for text in payload["texts"]]

        def sentence(ref):
            if isinstance(ref, int):
                return [texts[ref].decode("utf-16-le")]
            text, start, end = texts[ref[0]], 2 * ref[1], 2 * ref[2]
            return [text[:start].decode("utf-16-le"), text[start:end].decode("utf-16-le"),
                    text[end:].decode("utf-16-le")]

        rows = []
        for title, date, ref, sources, *rest in payload["events"]:
            parts = sentence(ref)
            if not isinstance(title, str):
                whole = "".join(parts).encode("utf-16-le")
                title = title[0] + whole[2 * title[1]:2 * title[2]].decode("utf-16-le")
            sources = [[s[0], sentence(s[1])] if isinstance(s, list) else s for s in sources]
            rows.append([title, date, parts, sources, *rest])
        return rows

    def policy(self) -> str:
        return next(a["content"] for t, a in self.tags if a.get("http-equiv") == "Content-Security-Policy")


def traces(page: Page, kind: str | None = None, mode: str = "all") -> list[dict]:
    """The traces of the chart showing the key events (``mode`` 'key') or all of them."""
    return [t for t in page.payload()["figure"][mode] if kind in (None, t["meta"])]


def lane_names(page: Page) -> list[str]:
    return [lane[0] for lane in page.payload()["lanes"]]


def charted(page: Page, mode: str) -> set[int]:
    return {i for t in traces(page, mode=mode) for indices in t["customdata"] for i in indices}


@pytest.fixture(scope="module")
def seed_page():
    from synthetic import seed_timeline
    return render(seed_timeline(), "html")


def test_offline_page_carries_plotly_and_asks_nothing_from_the_network(seed_page):
    page = Page(seed_page)
    assert len(seed_page) > 3_000_000  # plotly.js is inside
    assert not [a for t, a in page.tags if a.get("src")]
    assert "default-src 'none'" in page.policy()


def test_cdn_page_is_small_and_loads_plotly_with_integrity(seed):
    html = render(seed, "html", cdn=True)
    assert len(html) < 200_000
    (src,) = [a for t, a in Page(html).tags if t == "script" and a.get("src")]
    assert src["src"].startswith("https://cdn.plot.ly/plotly-")
    assert src["integrity"].startswith("sha256-") and src["crossorigin"] == "anonymous"


@pytest.mark.parametrize("cdn", [False, True])
def test_only_the_pages_own_scripts_may_run(seed, cdn):
    page = Page(render(seed, "html", cdn=cdn))
    policy = page.policy()
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    for attrs, text in page.scripts:
        if attrs.get("type") == "application/json" or attrs.get("src"):
            continue
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_hostile_text_never_becomes_markup():
    timeline = hostile_timeline()
    html = render(timeline, "html")
    page = Page(html)
    assert [t for t, a in page.tags if t in ("img", "svg", "iframe", "object")] == []
    assert not [a for t, a in page.tags if any(k.startswith("on") for k in a)]
    assert not [a for t, a in page.tags if t == "a" and not a["href"].startswith(("http", "#"))]
    data = next(text for attrs, text in page.scripts if attrs.get("id") == "timeline-data")
    assert not re.search(r"[<>&\u2028\u2029]", data)
    # the escaping is only JSON's: the page's script gets every text back, as plain text
    titles = [row[0] for row in page.events()]
    assert titles == [plain(e.title) for e in timeline.dated + timeline.undated]
    assert ATTACKS[0] in titles
    for attack in ATTACKS:
        assert attack not in html.replace(data, "")


def test_the_page_is_headed_by_the_title_given_as_plain_text(seed):
    assert "<h1>Timeline</h1>" in render(seed, "html")  # no title given
    html = render(seed, "html", title="Nuclear tests: <script>alert(1)</script> & talks\u202e")
    assert "<h1>Nuclear tests: &lt;script&gt;alert(1)&lt;/script&gt; &amp; talks</h1>" in html
    assert re.search(r"<title>Nuclear tests: &lt;script&gt;alert\(1\)&lt;/script&gt; &amp; talks: \d+ dated", html)
    timelinejs = json.loads(render(seed, "timelinejs", title="Nuclear <i>tests</i>"))
    assert timelinejs["title"]["text"]["headline"] == "Nuclear &lt;i&gt;tests&lt;/i&gt;"


def test_the_list_has_every_event_in_order_with_dates_and_sources(seed_page, seed):
    page = Page(seed_page)
    times = [a["datetime"] for t, a in page.tags if t == "time"]
    assert times == [e.date.start.isoformat() for e in seed.dated]  # a few events: all are key
    assert '<h2 id="undated-heading">Undated events</h2>' in seed_page  # listed on request
    assert [row[0] for row in page.events()[len(seed.dated):]] == [e.title for e in seed.undated]
    for e in seed.dated:
        assert e.title.replace("'", "&#x27;") in seed_page
    (link,) = [a for t, a in page.tags if t == "a" and a.get("href", "").startswith("http")][:1]
    assert link["target"] == "_blank" and link["rel"] == "noopener noreferrer"
    assert "<mark>October 2014</mark>" in seed_page


def test_lanes_by_outlet_or_one_lane(seed):
    # the seed articles give no outlet: the one with a web address is in its site's lane
    by_source = Page(render(seed, "html"))
    assert sorted(lane_names(by_source)) == sorted(["sputniknews.com", UNKNOWN_OUTLET])
    figure = by_source.payload()["figure"]
    assert figure["layout"]["showlegend"] is False  # the lanes are named by the page's controls
    assert len(figure["layout"]["yaxis"]["tickvals"]) == 2
    assert {t["lane"] for t in figure["all"]} == {0, 1}
    single = Page(render(seed, "html", lanes="none"))
    assert lane_names(single) == ["Events"]
    assert {t["lane"] for t in single.payload()["figure"]["all"]} == {0}


def test_past_eight_outlets_the_smaller_ones_share_a_lane():
    sizes = {f"Outlet{k}": 20 - k for k in range(12)}
    page = Page(render(outlet_timeline(sizes), "html"))
    assert lane_names(page) == [f"Outlet{k}" for k in range(8)] + [OTHER_OUTLETS]
    assert [lane[1] for lane in page.payload()["lanes"]] == [20 - k for k in range(8)] + [sum(20 - k for k in range(8, 12))]
    # nine outlets need no 'other' lane
    nine = Page(render(outlet_timeline({f"Outlet{k}": 2 for k in range(9)}), "html"))
    assert OTHER_OUTLETS not in lane_names(nine) and len(lane_names(nine)) == 9


def test_an_outlet_is_one_lane_whatever_its_case():
    page = Page(render(outlet_timeline({"Reuters": 2, "reuters": 1, " REUTERS ": 1, "BBC": 1}), "html"))
    assert lane_names(page) == ["Reuters", "BBC"]
    assert page.payload()["lanes"][0][1] == 4


def test_articles_without_outlet_go_to_their_site_or_one_lane():
    by_site = Page(render(outlet_timeline({"": 3}), "html"))
    assert lane_names(by_site) == ["site0.example", "site1.example", "site2.example"]
    nameless = Page(render(outlet_timeline({"": 30}, url=False), "html"))
    assert lane_names(nameless) == [UNKNOWN_OUTLET]


def test_an_outlet_with_nothing_dated_has_no_empty_lane_but_is_counted():
    timeline = outlet_timeline({"Reuters": 2, "BBC": 1})
    quiet = Source(title="Analysis", source="Al Jazeera", published=PUBLISHED, url="https://aljazeera.example/a")
    undated = event("u0", "Talks went on", report(quiet, "Talks went on behind closed doors.", "went"))
    html = render(Timeline(events=[*timeline.events, undated], articles=[*timeline.articles, quiet]), "html")
    assert lane_names(Page(html)) == ["Reuters", "BBC"]  # Al Jazeera's lane would have no marker
    reuters_quiet = Source(title="Comment", source="Reuters", published=PUBLISHED, url="https://reuters.example/c")
    more = Timeline(events=[*timeline.events, undated], articles=[*timeline.articles, quiet, reuters_quiet])
    assert Page(render(more, "html")).payload()["lanes"][0][:2] == ["Reuters", 3]  # (each lane counts all its articles)
    assert "from 4 articles by 3 outlets" in html  # (the page's summary line still counts it)


def test_thousands_of_one_article_sites_make_one_lane_not_one_each():
    page = Page(render(outlet_timeline({"": 2500}), "html"))
    assert lane_names(page) == [ALL_OUTLETS]
    assert page.payload()["lanes"][0][1] == 2500


def test_lanes_of_a_collection_are_its_biggest_outlets():
    page = Page(render(collection(articles=300, events=3000, outlets=12), "html"))
    names = lane_names(page)
    assert len(names) == 9 and names[-1] == OTHER_OUTLETS and names[0] == "Reuters"


def test_lanes_differ_in_colour_and_symbol():
    figure = Page(render(many_events(200, outlets=8), "html")).payload()["figure"]
    markers = {t["lane"]: (t["marker"]["color"], t["marker"]["symbol"])
               for t in figure["all"] if t["meta"] == "events"}
    assert len(markers) == 8
    assert len({c for c, s in markers.values()}) == 8 == len({s for c, s in markers.values()})
    assert set(PALETTE) >= {c for c, s in markers.values()} and set(SYMBOLS) >= {s for c, s in markers.values()}


def test_periods_are_bars_over_their_whole_period_and_days_are_points(seed_page):
    page = Page(seed_page)
    (bar,) = traces(page, "spans")
    assert bar["base"] == ["2014-10-01"]
    assert bar["x"] == [31 * 86_400_000]
    days = [x for t in traces(page, "events") for x in t["x"]]
    assert "2017-09-03 12:00" in days


def test_initial_view_frames_every_event(seed_page, seed):
    start, end = Page(seed_page).payload()["figure"]["layout"]["xaxis"]["range"]
    assert start < "2014-10-01" and end > "2017-09-07"


def dated_event(id: str, value: str, sources: int = 1, key: bool = False, score: float | None = None):
    article = Source(title=f"Story {id}", source="Wire", published=PUBLISHED)
    found = event(id, f"Event {id}", *[report(article.model_copy(update={"path": f"{id}-{k}"}),
                                              f"It happened in {value}.", "happened", value, value)
                                       for k in range(sources)])
    salience = Salience(score=score) if score is not None else None
    return found.model_copy(update={"key": key, "salience": salience})


def test_the_view_spans_the_key_events_not_stray_years():
    days = [f"2009-04-{d:02d}" for d in range(10, 30)]
    events = [dated_event(f"e{k}", day, key=True) for k, day in enumerate(days)]
    events += [dated_event("avenue", "1600", key=True), dated_event("clock", "1730", key=True)]
    events += [dated_event(f"minor{k}", "2011-01-01") for k in range(5)]  # not key: not framed
    events.sort(key=lambda e: e.date.start)
    page = Page(render(Timeline(events=events), "html"))
    start, end = page.payload()["figure"]["layout"]["xaxis"]["range"]
    assert "2009-03-01" < start < "2009-04-10" and "2009-04-29" < end < "2009-06-01"
    assert charted(page, "all") == set(range(len(events)))  # the strays are still drawn


def test_a_robust_frame_keeps_evenly_spread_events():
    spans = [dated_event(f"e{k}", f"{2000 + k}-06-01").date for k in range(12)]
    assert robust_frame(spans) == (dt.date(2000, 6, 1), dt.date(2011, 6, 1))
    # a far event among few is a stray only when the others are close together
    spans.append(dated_event("far", "1066").date)
    assert robust_frame(spans)[0] == dt.date(2000, 6, 1)


def test_key_events_by_default_and_every_event_on_request():
    events = [dated_event(f"e{k}", f"2017-09-{k % 28 + 1:02d}", key=k % 10 == 0) for k in range(100)]
    page = Page(render(Timeline(events=events), "html"))
    keys = {k for k in range(100) if k % 10 == 0}
    assert charted(page, "key") == keys
    assert charted(page, "all") == set(range(100))
    assert [row[5] for row in page.payload()["events"]] == [int(k in keys) for k in range(100)]
    html = render(Timeline(events=events), "html")
    listed = [a["id"] for t, a in Page(html).tags if t == "li" and a.get("class", "").startswith("event")]
    assert listed == [f"event-{k + 1}" for k in sorted(keys)]  # the page lists the key events
    assert 'data-mode="all"' in html and "All events (100)" in html and "Key events (10)" in html


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_the_charts_toolbar_icons_are_seen_as_controls_must_be():
    # (plotly's own grey, rgba(68, 68, 68, 0.3), is 1.7:1 on white; a control needs 3:1)
    modebar = Page(render(Timeline(events=[dated_event("e0", "2017-09-01")]), "html")).payload()["figure"]["layout"]["modebar"]
    assert all((1.05) / (_luminance(modebar[part]) + 0.05) >= 3 for part in ("color", "activecolor"))


def test_without_key_marks_the_best_supported_events_are_key():
    events = [dated_event(f"e{k}", f"2017-09-{k % 28 + 1:02d}", sources=1 + (k % 7 == 0)) for k in range(60)]
    page = Page(render(Timeline(events=events), "html"))
    twice = {k for k in range(60) if k % 7 == 0}
    assert charted(page, "key") == twice | set(sorted(set(range(60)) - twice)[:30 - len(twice)])
    scored = [dated_event(f"e{k}", "2017-09-01", score=float(k)) for k in range(40)]
    assert charted(Page(render(Timeline(events=scored), "html")), "key") == set(range(10, 40))


def test_key_events_are_drawn_once_each_and_never_grouped():
    page = Page(render(same_day(9, key=True), "html"))
    assert not traces(page, "groups", mode="key")
    (markers,) = traces(page, "events", mode="key")
    assert sorted(i for indices in markers["customdata"] for i in indices) == list(range(9))
    assert len(set(markers["y"])) == 6  # spread over the lane's rows


def test_a_key_event_stands_out_in_the_first_outlets_lane_and_echoes_in_the_others():
    """Every outlet that reported a key event shows it in its lane, so no lane of an outlet that
    reported key events is empty: filled where it was reported first, hollow elsewhere."""
    def article(outlet: str, day: int) -> Source:
        return Source(title=f"{outlet} story", source=outlet, published=dt.datetime(2017, 9, day, 12))
    first, later, silent = (article("Wire", 4), article("Paper", 5), article("Weekly", 5))
    events = [event("e0", "Council voted", report(first, "The council voted on Monday.", "voted", "Monday", "2017-09-04"),
                    report(later, "The council voted on Monday.", "voted", "Monday", "2017-09-04")),
              event("e1", "Storm hit", report(silent, "A storm hit on Sunday.", "hit", "Sunday", "2017-09-03"))]
    events = [e.model_copy(update={"key": e.id == "e0"}) for e in events]
    page = Page(render(Timeline(events=events), "html"))
    lanes = lane_names(page)
    drawn = {(lanes[t["lane"]], t["meta"]): sorted(i for c in t["customdata"] for i in c) for t in traces(page, mode="key")}
    assert drawn == {("Wire", "events"): [0], ("Paper", "echoes"): [0]}
    (echo,) = traces(page, "echoes", mode="key")
    assert echo["marker"]["symbol"].endswith("-open")
    assert not traces(page, "echoes", mode="all")  # the view of all events draws each lane's alike


def same_day(n: int, key: bool = False) -> Timeline:
    source = Source(title="Live blog", published=PUBLISHED)
    return Timeline(events=[
        event(f"e{k}", f"Update {k}", report(source, f"Update {k} came on Sunday.", "came", "Sunday",
                                              "2017-09-03")).model_copy(update={"key": key})
        for k in range(n)])


def test_a_lanes_markers_fill_it_from_the_middle_out():
    """The first markers of a lane sit by its middle, where their labels have room above and below
    (the top lane's top row has none above)."""
    for key, middle in ((True, 0.06), (False, 0.08)):
        (markers,) = traces(Page(render(same_day(2, key=key), "html")), "events", mode="key" if key else "all")
        assert sorted(abs(y) for y in markers["y"]) == [middle, middle]


def test_a_few_events_on_one_day_stand_apart():
    page = Page(render(same_day(3), "html"))
    (markers,) = traces(page, "events")
    assert len(set(markers["y"])) == 3
    assert not traces(page, "groups")


def test_a_busy_day_becomes_one_marker_showing_its_number():
    page = Page(render(same_day(9), "html"))
    assert not traces(page, "events")
    (group,) = traces(page, "groups")
    assert group["text"] == ["9"]
    assert sorted(group["customdata"][0]) == list(range(9))


def test_events_close_in_time_go_on_different_rows():
    source = Source(title="Wire", published=PUBLISHED)
    day = dt.date(2017, 1, 1)
    events = [event(f"e{k}", f"Event {k}", report(source, f"It rained on {day + dt.timedelta(k)}.",
                                                   "rained", str(day + dt.timedelta(k)),
                                                   (day + dt.timedelta(k)).isoformat()))
              for k in (0, 1, 200)]
    (markers,) = traces(Page(render(Timeline(events=events), "html")), "events")
    assert markers["y"][0] != markers["y"][1]  # a day apart on a 200-day chart
    assert markers["y"][2] == markers["y"][0]  # far apart: back on the first row


def test_hover_and_click_details_carry_the_phrase_in_its_sentence(seed_page):
    page = Page(seed_page)
    payload = page.payload()
    events, dates, articles = page.events(), payload["dates"], payload["articles"]
    title, date, sentence, sources, weight, key, phrase = events[1]
    assert dates[date][1] == "known to the day" and dates[date][2] == "2017-09-03"
    assert sentence[1] == "Sunday" and "".join(sentence).startswith("After North Korea")
    assert phrase is None  # the phrase is the marked part of the sentence
    peskov = events[2][3]
    labels = [articles[s[0] if isinstance(s, list) else s][0] for s in peskov]
    assert labels == ["peskov-sanctions-pointless.txt",
                      "Russia Supplying Oil to North Korea? No Problem, Says Putin's Press Secretary"]
    first = articles[peskov[0]]
    assert first[1].startswith("https://") and first[2] == "6 Sep 2017" and first[3] == "sputniknews.com"
    assert isinstance(peskov[1], list) and "Trade turnover" in "".join(peskov[1][1])


@pytest.mark.parametrize("value", ["0", "9", "2017-W01", "1066-10-14"])
def test_distant_periods_are_framed(value):
    source = Source(title="History", published=PUBLISHED)
    timeline = Timeline(events=[event("e", "Long ago", report(source, "It was in the age.", "was", "age", value))])
    start, end = Page(render(timeline, "html")).payload()["figure"]["layout"]["xaxis"]["range"]
    assert start <= timeline.events[0].date.start.isoformat() <= timeline.events[0].date.end.isoformat() <= end


def test_an_empty_timeline_still_makes_a_page():
    html = render(Timeline(), "html")
    assert "No dated events." in html and 'id="chart"' not in html


@pytest.mark.parametrize("text, shown", [
    ("Bank \u202egnp.exe report", "Bank gnp.exe report"),
    ("\u2067\u202bRight\u202c\u2069 to left", "Right to left"),
    ("Line\u2028break\x00and\x1b[2Jescape\x85", "Line break and [2Jescape"),
    ("رئيس الوزراء", "رئيس الوزراء"),  # right-to-left text keeps its letters
    (None, ""),
])
def test_plain_text_drops_what_reorders_or_controls(text, shown):
    assert plain(text) == shown


def test_hostile_outlets_and_titles_are_plain_text_everywhere_on_the_page():
    timeline = hostile_timeline()
    html = render(timeline, "html")
    page = Page(html)
    payload = page.payload()
    assert LINK in lane_names(page) and BIG in lane_names(page)  # raw: page.js escapes it for plotly
    assert [t for t, a in page.tags if t == "span" and "font-size" in a.get("style", "")] == []
    assert not [a for t, a in page.tags if t == "a" and "e.x" in a.get("href", "")]
    assert "\u202e" not in html and "\u202e" not in json.dumps(payload)
    assert plain(REVERSED) in [row[0] for row in page.events()]
    assert all(lane[0] == plain(lane[0]) for lane in payload["lanes"])


def test_top_sets_how_many_key_events_the_page_shows(tmp_path, samples_dir):
    from typer.testing import CliRunner

    from timeline.cli import app

    out = tmp_path / "t.html"
    result = CliRunner().invoke(app, ["build", str(samples_dir), "-o", str(out), "-f", "html",
                                      "-f", "json", "--top", "2", "-w", "1", "-q"])
    assert result.exit_code == 0, result.output
    built = Timeline.model_validate_json(out.with_suffix(".json").read_text())
    assert len(built.key_events) == 2
    assert charted(Page(out.read_text()), "key") == {
        k for k, e in enumerate(built.dated) if e.key}


def test_a_sentence_is_carried_once_and_titles_quote_it_exactly():
    """Two events of one sentence share its text; a title that quotes the sentence is carried as a
    reference to it and reads back exactly, also past characters JavaScript counts twice."""
    source = Source(title="Harbour news", published=PUBLISHED)
    sentence = "The 🚢 ferry Ŝtar sank on 3 May 2017 and the 🐟 market closed on 4 May 2017 in Bergen."
    sank = event("sank", "Harbour master 🚢: ferry Ŝtar sank on", report(source, sentence, "sank", "3 May 2017", "2017-05-03"))
    closed = event("closed", "the 🐟 market closed on", report(source, sentence, "closed", "4 May 2017", "2017-05-04"))
    page = Page(render(Timeline(events=[sank, closed]), "html"))
    assert page.payload()["texts"].count(sentence) == 1
    rows = page.events()
    assert [row[0] for row in rows] == ["Harbour master 🚢: ferry Ŝtar sank on", "the 🐟 market closed on"]
    assert [row[2][1] for row in rows] == ["3 May 2017", "4 May 2017"]
    assert all("".join(row[2]) == sentence for row in rows)
    assert any(not isinstance(row[0], str) for row in page.payload()["events"])  # quoted, not repeated


def test_an_event_at_the_midnight_that_ends_a_day_is_charted_on_that_day():
    """'The truce takes effect at midnight on Sunday' (24:00) sits at Sunday's last minute: a time
    plotly can place, so that the marker is drawn in every view, not dropped."""
    late = event("truce", "Truce takes effect", report(
        SPUTNIK, "The truce takes effect at midnight on Sunday.", "takes effect", "midnight on Sunday",
        "2017-09-03T24:00"))
    morning = event("talks", "Talks open", report(
        PRESS, "The talks opened at 10:30 on Sunday.", "opened", "10:30 on Sunday", "2017-09-03T10:30"))
    page = Page(render(Timeline(events=[late, morning], articles=[SPUTNIK, PRESS]), "html"))
    for mode in ("key", "all"):
        xs = [x for t in traces(page, mode=mode) for x in t["x"]]
        when = sorted(dt.datetime.strptime(x, "%Y-%m-%d %H:%M") for x in xs)
        assert when == [dt.datetime(2017, 9, 3, 10, 30), dt.datetime(2017, 9, 3, 23, 59)], (mode, xs)
