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
from synthetic import ATTACKS, PUBLISHED, event, hostile_timeline, many_events, report

from timeline.models import Source, Timeline
from timeline.render import render
from timeline.render.html import PALETTE, SYMBOLS


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

    def policy(self) -> str:
        return next(a["content"] for t, a in self.tags if a.get("http-equiv") == "Content-Security-Policy")


def traces(page: Page, kind: str | None = None) -> list[dict]:
    return [t for t in page.payload()["figure"]["data"] if kind in (None, t["meta"])]


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
    # the escaping is only JSON's: the page's script gets every text back exactly
    titles = [e["title"] for e in page.payload()["events"]]
    assert titles == [e.title for e in timeline.dated]
    for attack in ATTACKS:
        assert attack not in html.replace(data, "")


def test_the_list_has_every_event_in_order_with_dates_and_sources(seed_page, seed):
    page = Page(seed_page)
    times = [a["datetime"] for t, a in page.tags if t == "time"]
    assert times == [e.date.start.isoformat() for e in seed.dated]
    assert '<h2 id="undated-heading">Undated events</h2>' in seed_page
    for e in seed.events:
        assert e.title.replace("'", "&#x27;") in seed_page
    (link,) = [a for t, a in page.tags if t == "a" and a.get("href", "").startswith("http")][:1]
    assert link["target"] == "_blank" and link["rel"] == "noopener noreferrer"
    assert "<mark>October 2014</mark>" in seed_page


def test_lanes_by_source_or_one_lane(seed):
    by_source = Page(render(seed, "html")).payload()["figure"]
    assert by_source["layout"]["showlegend"] is True
    assert len(by_source["layout"]["yaxis"]["tickvals"]) == 2
    names = {t["legendgroup"] for t in by_source["data"]}
    assert any(n.startswith("Russia Supplying Oil") for n in names)
    single = Page(render(seed, "html", lanes="none")).payload()["figure"]
    assert {t["legendgroup"] for t in single["data"]} == {"Events"}
    assert single["layout"]["showlegend"] is False


def test_lanes_differ_in_colour_and_symbol():
    figure = Page(render(many_events(200, outlets=8), "html")).payload()["figure"]
    markers = {t["legendgroup"]: (t["marker"]["color"], t["marker"]["symbol"])
               for t in figure["data"] if t["meta"] == "events"}
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


def same_day(n: int) -> Timeline:
    source = Source(title="Live blog", published=PUBLISHED)
    return Timeline(events=[
        event(f"e{k}", f"Update {k}", report(source, f"Update {k} came on Sunday.", "came", "Sunday",
                                              "2017-09-03")) for k in range(n)])


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
    events = Page(seed_page).payload()["events"]
    test = events[1]
    assert test["phrase"] == "Sunday" and test["precision"] == "known to the day"
    assert test["sentence"][1] == "Sunday" and "".join(test["sentence"]).startswith("After North Korea")
    peskov = events[2]
    assert [s["label"] for s in peskov["sources"]] == [
        "peskov-sanctions-pointless.txt",
        "Russia Supplying Oil to North Korea? No Problem, Says Putin's Press Secretary"]
    assert peskov["sources"][0]["url"].startswith("https://")
    assert peskov["sources"][0]["published"] == "6 Sep 2017"


@pytest.mark.parametrize("value", ["0", "9", "2017-W01", "1066-10-14"])
def test_distant_periods_are_framed(value):
    source = Source(title="History", published=PUBLISHED)
    timeline = Timeline(events=[event("e", "Long ago", report(source, "It was in the age.", "was", "age", value))])
    start, end = Page(render(timeline, "html")).payload()["figure"]["layout"]["xaxis"]["range"]
    assert start <= timeline.events[0].date.start.isoformat() <= timeline.events[0].date.end.isoformat() <= end


def test_an_empty_timeline_still_makes_a_page():
    html = render(Timeline(), "html")
    assert "No dated events." in html and 'id="chart"' not in html
