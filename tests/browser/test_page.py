"""The HTML page in a real browser: it loads cleanly, shows the events, and behaves."""

from __future__ import annotations

import datetime as dt

import pytest
from synthetic import (
    ATTACKS,
    BIG,
    LINK,
    SPUTNIK,
    TEMPLATE,
    REVERSED,
    collection,
    event,
    hostile_timeline,
    many_events,
    outlet_timeline,
    report,
    seed_timeline,
)

from timeline.models import Source, Timeline
from timeline.render import render
from timeline.render.common import OTHER_OUTLETS, plain

pytestmark = pytest.mark.browser

# Where each drawn marker is (page pixels) and which events it stands for.
MARKERS_JS = """() => {
  const chart = document.getElementById('chart');
  const xa = chart._fullLayout.xaxis, ya = chart._fullLayout.yaxis;
  const box = chart.getBoundingClientRect();
  const out = [];
  chart._fullData.forEach((trace, t) => {
    if (trace.visible !== true || trace.type !== 'scatter') return;
    trace.customdata.forEach((indices, k) => out.push({
      trace: t, lane: chart.data[t].lane, meta: chart.data[t].meta, indices: indices,
      x: box.left + xa._offset + xa.d2p(trace.x[k]), y: box.top + ya._offset + ya.d2p(trace.y[k]),
    }));
  });
  return out;
}"""

TRACES_JS = "() => document.getElementById('chart').data.map(t => t.lane)"

LABELS_JS = """() => [...document.querySelectorAll('#chart .annotation-text-g')].map(g => {
  const r = g.getBoundingClientRect();
  return {text: g.textContent, box: [r.left, r.top, r.right, r.bottom]};
})"""


@pytest.fixture(scope="module")
def story():
    """A story's coverage: 300 articles from 12 outlets, 6,000 events, the 30 best key."""
    return collection(articles=300, events=6_000, outlets=12)


def built_sample(samples_dir):
    """The timeline the pipeline builds from samples/ (skips while the pipeline cannot)."""
    import timeline

    try:
        built = timeline.build_timeline(timeline.load_articles([samples_dir]))
    except NotImplementedError:
        pytest.skip("the pipeline cannot build samples/ yet")
    if not built.dated:
        pytest.skip("the pipeline finds no dated events in samples/ yet")
    return built


@pytest.fixture(params=["seed", "samples"])
def sample(request, open_html, samples_dir):
    """The hand-built seed timeline, and the one the pipeline builds from samples/, as pages."""
    timeline = seed_timeline() if request.param == "seed" else built_sample(samples_dir)
    return timeline, open_html(render(timeline, "html"), "sample.html")


def click_list(page, button: str) -> None:
    """Click a list's button (``#all-list``, ``#undated-list``) and wait until the lists are whole:
    a long one is built a chunk at a time, aria-busy meanwhile."""
    page.click(button)
    page.wait_for_function("() => !document.querySelector('#event-list[aria-busy=true], #undated-events[aria-busy=true]')",
                           timeout=30_000)


def overlapping(boxes):
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["box"][0] < b["box"][2] - 1 and b["box"][0] < a["box"][2] - 1
            and a["box"][1] < b["box"][3] - 1 and b["box"][1] < a["box"][3] - 1]


def test_sample_page_loads_offline_without_errors(sample):
    _, opened = sample
    assert opened.errors == []
    assert opened.requests == []


def test_the_chart_offers_no_button_that_sends_it_online(sample):
    _, opened = sample
    page = opened.page
    page.hover("#chart")  # (the mode bar shows on hover)
    titles = page.evaluate("""() => [...document.querySelectorAll('#chart .modebar-btn')]
        .map(b => b.getAttribute('data-title') || '')""")
    assert titles and not any("share" in t.lower() or "chart studio" in t.lower() or "cloud" in t.lower()
                              for t in titles), titles


def test_every_dated_event_is_in_the_chart_and_the_list_in_order(sample):
    timeline, opened = sample
    page = opened.page
    charted = {i for m in page.evaluate(MARKERS_JS) for i in m["indices"]}
    bars = page.evaluate("""() => document.getElementById('chart')._fullData
        .filter(t => t.type === 'bar').flatMap(t => t.customdata.map(c => c[0]))""")
    assert charted | set(bars) == set(range(len(timeline.dated)))
    listed = page.locator("#events ol.events > li h3").all_text_contents()
    assert listed == [e.title for e in timeline.dated]  # a few events: every one is key
    if timeline.undated:
        click_list(page, "#undated-list")
        undated = page.locator("#undated li.event h3").all_text_contents()
        assert undated == [e.title for e in timeline.undated]


def test_labels_never_overlap(sample):
    _, opened = sample
    labels = opened.page.evaluate(LABELS_JS)
    assert labels, "no event title is shown on the chart"
    assert overlapping(labels) == []


PLACED_JS = """() => {
  const chart = document.getElementById('chart'), full = chart._fullLayout;
  const xa = full.xaxis, ya = full.yaxis, rect = chart.getBoundingClientRect();
  return (chart.layout.annotations || []).map((a, i) => {
    const mx = rect.left + xa._offset + xa.d2p(a.x), my = rect.top + ya._offset + ya.d2p(a.y);
    const r = chart.querySelector(`.annotation[data-index="${i}"] .annotation-text-g`).getBoundingClientRect();
    return {marker: [mx, my], box: [r.left, r.top, r.right, r.bottom], line: a.showarrow ? [mx, my, mx + a.ax, my + a.ay] : null};
  });
}"""


def _crossing(a, b) -> bool:
    def side(p, q, r):
        turn = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return (turn > 1e-6) - (turn < -1e-6)
    p1, p2, q1, q2 = a[:2], a[2:], b[:2], b[2:]
    return side(p1, p2, q1) * side(p1, p2, q2) < 0 and side(q1, q2, p1) * side(q1, q2, p2) < 0


def test_a_crowded_chart_labels_each_event_near_its_day_without_crossing_lines(story, open_html):
    """A label may move off its marker to find room, but never so far that a reader of the
    printed chart would date the event by another month, and its leader line crosses no other."""
    placed = open_html(render(story, "html")).page.evaluate(PLACED_JS)
    assert len(placed) >= 10
    for label in placed:
        x, (left, _, right, _) = label["marker"][0], label["box"]
        assert max(0.0, left - x, x - right) <= 110, label
    lines = [label["line"] for label in placed if label["line"]]
    assert [(a, b) for i, a in enumerate(lines) for b in lines[i + 1:] if _crossing(a, b)] == []


LANE_BANDS_JS = """() => {
  const chart = document.getElementById('chart'), full = chart._fullLayout, ya = full.yaxis;
  const rect = chart.getBoundingClientRect();
  return (chart.layout.annotations || []).map((a, i) => {
    const lane = Math.round(a.y), edges = [lane - 0.5, lane + 0.5].map(y => rect.top + ya._offset + ya.d2p(y));
    const r = chart.querySelector(`.annotation[data-index="${i}"] .annotation-text-g`).getBoundingClientRect();
    return {band: [Math.min(...edges), Math.max(...edges)], middle: (r.top + r.bottom) / 2};
  });
}"""


def test_a_label_stands_in_its_own_outlets_lane(story, open_html):
    """A label moved off its marker stays in the band of the marker's lane: one in a neighbouring
    lane credits the event to the wrong outlet."""
    bands = open_html(render(story, "html")).page.evaluate(LANE_BANDS_JS)
    assert len(bands) >= 10
    assert [b for b in bands if not b["band"][0] <= b["middle"] <= b["band"][1]] == []


def test_a_narrow_chart_labels_as_many_key_events_with_shorter_labels(story, open_html):
    """On a phone a label is cut shorter (to fit the chart's width) rather than left out: the 44
    characters of a desktop's label had left most key events of a story unlabelled at 390 px."""
    html = render(story, "html")
    counted = "() => (document.getElementById('chart').layout.annotations || []).length"
    wide = open_html(html, "wide.html", width=1280).page.evaluate(counted)
    narrow = open_html(html, "narrow.html", width=390, height=844, touch=True).page.evaluate(counted)
    assert narrow >= wide // 2 and narrow >= 8, (narrow, wide)


def test_on_a_phone_the_date_axis_of_five_outlets_lanes_is_on_the_first_screen(open_html):
    # (at the desktop's lane spacing five lanes put the axis below the first screen of a 360 x 740 phone)
    html = render(collection(articles=120, events=1_500, outlets=5), "html")
    page = open_html(html, "phone.html", width=360, height=740, touch=True).page
    axis = page.evaluate("""() => { const chart = document.getElementById('chart'), ya = chart._fullLayout.yaxis;
        return chart.getBoundingClientRect().top + ya._offset + ya._length; }""")
    lanes = page.evaluate("() => document.getElementById('chart')._fullLayout.yaxis.tickvals.length")
    assert lanes == 5 and axis <= 740, axis
    desktop = open_html(html, "desktop.html", width=1280, height=900).page.evaluate(
        "() => document.getElementById('chart')._fullLayout.height")
    assert desktop == 650  # (a desktop keeps its spacing)


def test_on_the_narrowest_phone_long_outlet_names_and_a_long_heading_do_not_widen_the_page(open_html):
    sizes = {"Frankfurter Allgemeine Zeitung": 3, "The Sydney Morning Herald": 3, "Süddeutsche Zeitung": 2}
    html = render(outlet_timeline(sizes), "html", title="https://example.org/" + "a" * 200)
    page = open_html(html, "narrow-names.html", width=320, height=640, touch=True).page
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_hovering_a_marker_shows_its_title_date_and_phrase(sample):
    timeline, opened = sample
    page = opened.page
    marker = next(m for m in page.evaluate(MARKERS_JS) if len(m["indices"]) == 1)
    event = timeline.dated[marker["indices"][0]]
    page.mouse.move(marker["x"], marker["y"])
    hover = page.locator("#chart .hoverlayer .hovertext")
    hover.wait_for(timeout=5_000)
    text = hover.evaluate("""g => [...g.querySelectorAll('text > tspan.line')]
        .map(line => line.textContent).join(' ')""")
    assert event.title in text
    assert event.time_expression.text in text
    assert "known to the day" in text


def test_clicking_a_marker_shows_details_with_safe_source_links(sample):
    timeline, opened = sample
    page = opened.page
    markers = [m for m in page.evaluate(MARKERS_JS) if len(m["indices"]) == 1]
    # a marker whose event has a link, when the timeline has one
    marker = max(markers, key=lambda m: any(s.url for s in timeline.dated[m["indices"][0]].sources))
    event = timeline.dated[marker["indices"][0]]
    page.mouse.click(marker["x"], marker["y"])
    details = page.locator("#details")
    details.wait_for(state="visible", timeout=5_000)
    assert details.locator("h3").first.inner_text() == event.title
    assert details.locator(".sources > li").count() == len(event.sources)
    links = details.locator("a[target=_blank]")
    assert links.count() == sum(1 for s in event.sources if s.url)
    for k in range(links.count()):
        assert links.nth(k).get_attribute("rel") == "noopener noreferrer"
        assert links.nth(k).get_attribute("href").startswith(("http://", "https://"))


def test_an_outlet_box_hides_and_shows_its_lane(story, open_html):
    opened = open_html(render(story, "html"))
    page = opened.page
    markers = page.evaluate(MARKERS_JS)
    lanes = sorted({m["lane"] for m in markers})
    assert len(lanes) > 2
    lane = lanes[1]
    hidden = """n => document.getElementById('chart')._fullData
        .filter(t => t.visible !== true).length === n"""
    page.locator(f"#controls input[data-lane='{lane}']").uncheck()
    page.wait_for_function(hidden, arg=sum(1 for t in page.evaluate(TRACES_JS) if t == lane))
    after = page.evaluate(MARKERS_JS)
    assert all(m["lane"] != lane for m in after)
    assert len(after) == sum(1 for m in markers if m["lane"] != lane)
    drawn = page.locator("#chart .cartesianlayer .scatterlayer .point").count()
    assert drawn == len(after)
    page.locator(f"#controls input[data-lane='{lane}']").check()
    page.wait_for_function(hidden, arg=0)
    assert len(page.evaluate(MARKERS_JS)) == len(markers)


def test_a_long_title_with_room_beside_it_is_shown_whole(open_html):
    long_titles = ["The harbour commission voted to close the old ferry pier after years of decline",
                   "Fishermen blockaded the port of Westport in protest at the closure of the pier"]
    events = [event(f"e{n}", title, report(SPUTNIK, title + " on that day.", title.split()[2], "that day", day))
              for n, (title, day) in enumerate(zip(long_titles, ["2017-03-01", "2017-08-30"]))]
    opened = open_html(render(Timeline(events=events, articles=[SPUTNIK]), "html"))
    shown = {label["text"] for label in opened.page.evaluate(LABELS_JS)}
    assert shown == set(long_titles)  # (labels are first cut at 44 characters, then widened)


def test_a_title_cut_for_its_label_does_not_end_on_a_word_that_leads_into_more(open_html):
    # (titles whose first 44 characters end in 'an', 'the', 'of': side by side, with no room to widen)
    titles = ["World Health Organization declared an influenza pandemic after weeks of debate",
              "Fishermen blockaded the port of Westport in the protest at the closure of the pier",
              "The harbour commission voted for the closure of the old ferry pier after years"]
    days = ["2017-03-01", "2017-03-02", "2017-03-03"]
    events = [event(f"e{n}", title, report(SPUTNIK, title + " on that day.", title.split()[2], "that day", day))
              for n, (title, day) in enumerate(zip(titles, days))]
    opened = open_html(render(Timeline(events=events, articles=[SPUTNIK]), "html"), width=900)
    labels = [label["text"] for label in opened.page.evaluate(LABELS_JS)]
    cut = [text for text in labels if text.endswith("…")]
    assert cut and all(any(title.startswith(text[:-1]) for title in titles) for text in cut)
    assert not any(text[:-1].split()[-1].lower() in {"an", "a", "the", "of", "in", "at", "among"} for text in cut)


def test_on_a_touch_screen_a_swipe_over_the_chart_scrolls_the_page(open_html):
    page = open_html(render(seed_timeline(), "html"), width=390, height=700, touch=True).page
    session = page.context.new_cdp_session(page)
    x, y = page.evaluate("""() => { const r = document.querySelector('#chart .nsewdrag').getBoundingClientRect();
                                    return [r.left + r.width / 2, r.top + r.height / 2]; }""")
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 25 * step}]})
        page.wait_for_timeout(20)
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_function("() => window.scrollY > 0")
    # ...and with a mouse, a drag still zooms
    assert open_html(render(seed_timeline(), "html"), "mouse.html").page.evaluate(
        "() => document.getElementById('chart')._fullLayout.dragmode") == "zoom"


def test_labels_follow_the_zoom(open_html):
    timeline = seed_timeline()
    opened = open_html(render(timeline, "html"))
    page = opened.page
    before = {label["text"] for label in page.evaluate(LABELS_JS)}
    page.evaluate("""() => Plotly.relayout('chart', {'xaxis.range': ['2017-09-02', '2017-09-08']})""")
    page.wait_for_function("""n => document.querySelectorAll('#chart .annotation-text-g').length > n""",
                           arg=0)
    page.wait_for_timeout(300)
    labels = page.evaluate(LABELS_JS)
    shown = {label["text"] for label in labels}
    assert not any(text.startswith("Ri Jong Ho") for text in shown)  # October 2014 is out of view
    assert shown != before and overlapping(labels) == []
    september = [e for e in timeline.dated if e.date.start.year == 2017]
    assert len(shown) >= len(september)


def test_cdn_page_without_network_still_lists_the_events(open_html):
    timeline = seed_timeline()
    opened = open_html(render(timeline, "html", cdn=True), offline=True)
    assert all(url.startswith("https://cdn.plot.ly/") for url in opened.requests)
    listed = opened.page.locator("#events ol.events > li h3").all_text_contents()
    assert listed == [e.title for e in timeline.dated]


def test_single_lane_page_has_no_legend(open_html):
    opened = open_html(render(seed_timeline(), "html", lanes="none"))
    assert opened.errors == []
    assert opened.page.locator("#chart .legend").count() == 0
    assert opened.page.locator("#controls input[data-lane]").count() == 0
    assert {m["lane"] for m in opened.page.evaluate(MARKERS_JS)} == {0}


def test_hostile_text_shows_as_text_and_runs_nothing(open_html, artifacts):
    timeline = hostile_timeline()
    opened = open_html(render(timeline, "html"), "hostile.html")
    page = opened.page
    click_list(page, "#undated-list")
    for marker in page.evaluate(MARKERS_JS):  # hover and click everything
        page.mouse.move(marker["x"], marker["y"])
        page.mouse.click(marker["x"], marker["y"])
    assert page.evaluate("window.__pwned") is None
    assert opened.errors == []
    assert opened.requests == []
    assert page.locator("img, iframe, object, embed").count() == 0
    assert page.locator("[onerror], [onload]").count() == 0
    assert page.locator("a[href^='javascript' i]").count() == 0
    listed = page.locator("#events").inner_text()
    for attack in ATTACKS:
        assert attack.replace('"', "") in listed.replace('"', "")
    # the very long word wraps inside the page instead of widening it
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(artifacts / "hostile.png"), full_page=True)


def test_sample_screenshot(sample, artifacts, request):
    _, opened = sample
    path = artifacts / f"sample-{request.node.callspec.id}.png"
    opened.page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


@pytest.mark.slow
def test_five_thousand_events_stay_readable(open_html, artifacts):
    timeline = many_events(5000)
    opened = open_html(render(timeline, "html"), "many.html")
    page = opened.page
    assert opened.errors == []
    assert opened.requests == []
    labels = page.evaluate(LABELS_JS)
    assert 0 < len(labels) < 200
    assert overlapping(labels) == []
    page.screenshot(path=str(artifacts / "five-thousand.png"))
    assert page.locator("#events ol.events > li").count() == 30  # the key events
    # the list of all is built a chunk at a time: the click shows the first items at once and
    # returns, the page answering while the rest are added (aria-busy meanwhile)
    first = page.evaluate("""() => { document.getElementById('all-list').click();
        const list = document.getElementById('event-list');
        return [list.children.length, list.getAttribute('aria-busy')]; }""")
    assert first[1] == "true" and 0 < first[0] < 5000
    page.wait_for_function("() => document.getElementById('event-list').getAttribute('aria-busy') === 'false'")
    assert page.locator("#events ol.events > li").count() == 5000
    titles = page.locator("#events ol.events > li h3").all_text_contents()
    assert titles == [e.title for e in timeline.dated]  # whole and in order


@pytest.mark.slow
def test_show_in_the_list_reaches_an_event_the_list_of_all_has_not_built_yet(open_html):
    """A marker's 'Show in the list' scrolls to its item in the list of all events, even one
    past the first chunk the list is built with."""
    timeline = many_events(5000)
    page = open_html(render(timeline, "html"), "reach.html").page
    page.click("#controls button[data-mode=all]")
    page.wait_for_selector("#chart[data-mode=all][data-drawn=true]")
    markers = page.evaluate(MARKERS_JS)
    left, top, right, bottom = page.evaluate("""() => { const c = document.getElementById('chart'),
        xa = c._fullLayout.xaxis, ya = c._fullLayout.yaxis, b = c.getBoundingClientRect();
        return [b.left + xa._offset, b.top + ya._offset, b.left + xa._offset + xa._length,
                b.top + ya._offset + ya._length]; }""")
    markers = [m for m in markers if left + 5 < m["x"] < right - 5 and top + 5 < m["y"] < bottom - 5]

    def alone(m):  # (no other marker under the mouse)
        return all(o is m or abs(o["x"] - m["x"]) > 14 or abs(o["y"] - m["y"]) > 14 for o in markers)
    late = [m for m in markers if len(m["indices"]) == 1 and m["indices"][0] >= 1000
            and not timeline.dated[m["indices"][0]].key and alone(m)]
    marker = min(late, key=lambda m: abs(m["x"] - (left + right) / 2) + abs(m["y"] - (top + bottom) / 2))
    i = marker["indices"][0]
    page.mouse.click(marker["x"], marker["y"])
    page.click(f'#details a.to-list[href="#event-{i + 1}"]')
    assert page.locator(f"#event-{i + 1}").count() == 1
    assert page.evaluate(f"""() => {{ const r = document.getElementById('event-{i + 1}').getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight; }}""")
    page.wait_for_function("() => document.getElementById('event-list').getAttribute('aria-busy') === 'false'")
    ids = page.evaluate("() => [...document.querySelectorAll('#event-list > li')].map(li => li.id)")
    assert ids == [f"event-{n + 1}" for n in range(len(timeline.dated))]  # whole, once each, in order


def test_markup_in_outlets_and_titles_is_shown_as_text(open_html, artifacts):
    opened = open_html(render(hostile_timeline(), "html"), "markup.html")
    page = opened.page
    assert opened.errors == []
    # no live link to e.x anywhere: not in the lane names, the labels or the lists
    assert page.locator("a[href*='e.x']").count() == 0
    assert page.locator("#chart a").count() == 0
    ticks = page.locator("#chart .ytick text").all_text_contents()
    assert any(t.startswith("<a") for t in ticks)  # the name, as text (as markup: "Verify")
    assert page.locator("#controls .lane-name", has_text=LINK).count() == 1
    # nothing is enlarged: no text on the chart or in the controls is larger than the page's own
    sizes = page.evaluate("""() => [...document.querySelectorAll('#chart text, #chart tspan, #controls *')]
        .map(e => parseFloat(getComputedStyle(e).fontSize))""")
    assert max(sizes) < 30
    labels = page.evaluate(LABELS_JS)
    assert any(BIG in label["text"] or label["text"].startswith("<span") for label in labels)
    assert any(label["text"] == TEMPLATE for label in labels)  # as written, not filled in
    assert TEMPLATE in ticks or page.locator("#controls .lane-name", has_text=TEMPLATE).count() == 1
    # hover over every marker: the hover text is text too
    for marker in page.evaluate(MARKERS_JS):
        page.mouse.move(marker["x"], marker["y"])
        assert page.locator("#chart .hoverlayer a").count() == 0
    # the override is gone: the title reads in its order, in the list and on the chart
    listed = page.locator("#events h3").all_text_contents()
    assert plain(REVERSED) in listed and "\u202e" not in page.content()
    page.screenshot(path=str(artifacts / "markup.png"), full_page=True)


LONE_SURROGATE_JS = """() => {
  const lone = /[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?:^|[^\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]/;
  return [...document.querySelectorAll('#chart text, #chart tspan')].map(e => e.textContent)
    .filter(t => lone.test(t));
}"""


def test_text_cut_short_never_parts_an_emoji(open_html):
    # titles, lane names and sentences with no space to cut at are cut at a whole character:
    # a half emoji draws as a box or a question mark
    odd = "\U0001F525" * 70
    outlets = [SPUTNIK.model_copy(update={"source": "\U0001F4F0" * 40}),
               SPUTNIK.model_copy(update={"source": "x" + "\U0001F4F0" * 40, "path": "other.txt"})]
    events = [event(f"e{n}", ("x" * n) + odd, report(article, "On that day " + ("y" * n) + odd * 6, "day",
                                                       "that day", day))
              for n, (article, day) in enumerate(zip(outlets, ["2017-03-01", "2017-08-30"]))]
    opened = open_html(render(Timeline(events=events, articles=outlets), "html"))
    page = opened.page
    for marker in page.evaluate(MARKERS_JS):
        page.mouse.move(marker["x"], marker["y"])
        page.wait_for_selector("#chart .hoverlayer .hovertext")
        assert page.evaluate(LONE_SURROGATE_JS) == []
    labels = page.evaluate(LABELS_JS)
    assert len(labels) == 2 and all(label["text"].endswith("\u2026") for label in labels)
    assert page.evaluate(LONE_SURROGATE_JS) == []


def test_a_collection_has_outlet_lanes_and_key_events_by_default(story, open_html, artifacts):
    opened = open_html(render(story, "html"), "story.html")
    page = opened.page
    assert opened.errors == [] and opened.requests == []
    names = page.locator("#controls .lane-name").all_text_contents()
    assert len(names) == 9 and names[-1] == OTHER_OUTLETS and names[0] == "Reuters"
    assert page.locator("#chart .ytick").count() == 9
    # the key events, each standing out once (and hollow in the lanes of the other outlets that
    # reported it), and titled where the labels fit without overlapping, never twice
    keys = {k for k, e in enumerate(story.dated) if e.key}
    markers = page.evaluate(MARKERS_JS)
    shown = {i for m in markers for i in m["indices"]}
    filled = [i for m in markers if m["meta"] != "echoes" for i in m["indices"]]
    assert shown == keys and sorted(filled) == sorted(keys)
    lanes = {lane: name for lane, name in enumerate(names)}
    for k in keys:
        outlets = {lanes[m["lane"]] for m in markers if k in m["indices"]}
        assert outlets == {plain(s.source) if plain(s.source) in names else OTHER_OUTLETS
                           for s in story.dated[k].sources}
    labels = page.evaluate(LABELS_JS)
    titles = {story.dated[k].title for k in keys}
    assert len(labels) >= len(keys) // 2 and len(labels) <= len(keys) and overlapping(labels) == []
    assert all(label["text"].rstrip("…") and any(t.startswith(label["text"].rstrip("…")) for t in titles)
               for label in labels)
    # the view is where the key events are, not the stray years
    start, end = page.evaluate("() => document.getElementById('chart')._fullLayout.xaxis.range")
    assert start.startswith("2011") and end.startswith("2011")
    page.screenshot(path=str(artifacts / "story.png"))


def test_the_all_events_control_draws_every_dated_event(story, open_html):
    page = open_html(render(story, "html"), "story.html").page
    # (a redraw of thousands of events takes seconds: the page says so while it draws, then not)
    page.evaluate("""() => { const react = Plotly.react; Plotly.react = function () {
        window.busyWhileDrawing = document.getElementById('busy').textContent; return react.apply(this, arguments); }; }""")
    page.click("#controls button[data-mode=all]")
    page.wait_for_selector("#chart[data-mode=all][data-drawn=true]")
    assert page.evaluate("() => window.busyWhileDrawing") == f"Drawing {len(story.dated):,} events\u2026"
    assert page.locator("#busy").is_hidden() and page.get_attribute("#chart", "aria-busy") is None
    shown = {i for m in page.evaluate(MARKERS_JS) for i in m["indices"]}
    bars = page.evaluate("""() => document.getElementById('chart')._fullData
        .filter(t => t.type === 'bar').flatMap(t => t.customdata.map(c => c[0]))""")
    assert shown | set(bars) == set(range(len(story.dated)))
    assert page.get_attribute("#controls button[data-mode=all]", "aria-pressed") == "true"
    assert overlapping(page.evaluate(LABELS_JS)) == []
    page.click("#whole")  # the whole period: the stray years come into view
    page.wait_for_function("""() => document.getElementById('chart')._fullLayout.xaxis.range[0] < '1800'""")
    assert page.get_attribute("#whole", "aria-pressed") == "true"
    page.click("#controls button[data-mode=key]")
    page.wait_for_selector("#chart[data-mode=key][data-drawn=true]")
    assert {i for m in page.evaluate(MARKERS_JS) for i in m["indices"]} == {
        k for k, e in enumerate(story.dated) if e.key}
    # the key events come back in the story's period, the slider's too, and the toggle is released
    axis = "() => { const x = document.getElementById('chart')._fullLayout.xaxis; return [x.range, x.rangeslider.range]; }"
    (start, end), (slider_start, _) = page.evaluate(axis)
    assert start.startswith("2011") and end.startswith("2011") and slider_start > "1800"
    assert page.get_attribute("#whole", "aria-pressed") == "false"


def test_the_whole_period_pressed_again_goes_back_to_the_storys(story, open_html):
    page = open_html(render(story, "html"), "story.html").page
    first = page.evaluate("() => document.getElementById('chart')._fullLayout.xaxis.range")
    page.click("#whole")
    page.wait_for_function("""() => document.getElementById('chart')._fullLayout.xaxis.range[0] < '1800'""")
    page.click("#whole")
    page.wait_for_function("""() => document.getElementById('chart')._fullLayout.xaxis.range[0] > '1800'""")
    assert page.evaluate("() => document.getElementById('chart')._fullLayout.xaxis.range") == first
    assert page.get_attribute("#whole", "aria-pressed") == "false"


def test_the_whole_period_reaches_a_stray_near_the_calendars_end(story, open_html):
    # (plotly's own autorange pads past the year 9999 and drew an empty chart)
    stray = story.dated[0]
    stray = stray.model_copy(update={"date": stray.date.model_copy(update={
        "value": "9999-12-30", "start": dt.date(9999, 12, 30), "end": dt.date(9999, 12, 30)}), "key": False})
    page = open_html(render(story.model_copy(update={"events": [*story.events, stray]}), "html"), "stray.html").page
    page.click("#controls button[data-mode=all]")
    page.wait_for_selector("#chart[data-mode=all][data-drawn=true]")
    page.click("#whole")
    page.wait_for_function("""() => document.getElementById('chart')._fullLayout.xaxis.range[1] >= '9999'""")
    start, end = page.evaluate("() => document.getElementById('chart')._fullLayout.xaxis.range")
    assert start < "2012" and "9999-12-30" <= end[:10] <= "9999-12-31"
    assert len(page.evaluate(MARKERS_JS)) > 0


def test_the_list_gives_the_key_events_then_all_on_request(story, open_html):
    page = open_html(render(story, "html"), "story.html").page
    keys = [e for e in story.dated if e.key]
    assert page.locator("#events-heading").inner_text() == "Key events in order"
    assert page.locator("#events ol.events > li h3").all_text_contents() == [e.title for e in keys]
    assert page.locator("#events ol.events > li.key").count() == len(keys)
    click_list(page, "#all-list")
    items = page.locator("#events ol.events > li")
    assert items.count() == len(story.dated)
    assert page.locator("#events ol.events > li.key").count() == len(keys)
    first = page.evaluate("() => [...document.querySelectorAll('#events ol.events > li h3')].slice(0, 40).map(h => h.textContent)")
    assert first == [e.title for e in story.dated[:40]]
    click_list(page, "#all-list")
    assert page.locator("#events ol.events > li").count() == len(keys)
    click_list(page, "#undated-list")
    assert page.locator("#undated ul.events > li").count() == len(story.undated)


def test_a_resized_window_keeps_the_chart_whole_above_the_list(open_html):
    """After the window is resized the chart keeps its height and still ends above the event list
    (plotly's responsive resize takes the size of the chart's box)."""
    opened = open_html(render(seed_timeline(), "html"))
    page = opened.page
    box = "() => { const c = document.getElementById('chart').getBoundingClientRect(); " \
          "return [c.width, c.height, c.bottom, document.getElementById('events').getBoundingClientRect().top]; }"
    width, height, _, _ = page.evaluate(box)
    page.set_viewport_size({"width": int(width * 0.7), "height": 700})
    page.wait_for_function("w => document.getElementById('chart').getBoundingClientRect().width < w", arg=width)
    page.wait_for_timeout(500)
    new_width, new_height, bottom, list_top = page.evaluate(box)
    drawn = page.evaluate("() => document.querySelector('#chart .main-svg').getBoundingClientRect().height")
    assert new_width < width and new_height == height and drawn == height
    assert bottom <= list_top


def _many_told(outlets: list[str]) -> Timeline:
    """A march told by one article of each of ``outlets`` (in that order), a vote told by three
    of them, and six lesser happenings by one each; the march and the vote are key."""
    papers = [Source(title=f"Report {k}", source=name, url=f"https://{name.lower()}.example.com/{k}",
                     published=dt.datetime(2011, 1, 29, 8)) for k, name in enumerate(outlets)]
    march = event("march", "Protesters marched on the square", *[
        report(p, "Protesters marched on the square on Friday, witnesses said.", "marched", "on Friday",
               "2011-01-28") for p in papers])
    vote = event("vote", "Parliament voted", *[
        report(p, "Parliament voted on Saturday.", "voted", "on Saturday", "2011-01-29") for p in papers[:3]])
    lesser = [event(f"e{k}", f"Shop {k} reopened", report(papers[k], f"Shop {k} reopened on Thursday.",
                                                          "reopened", "on Thursday", "2011-01-27"))
              for k in range(6)]
    events = [*lesser, march.model_copy(update={"key": True}), vote.model_copy(update={"key": True})]
    return Timeline(events=events, articles=papers)


def test_an_event_told_by_many_articles_names_a_few_outlets_and_opens_the_others(open_html):
    # 30 articles: twelve Reuters reports, then the BBC's, the Guardian's and AP's among others
    outlets = ["Reuters"] * 12 + ["BBC", "Reuters", "Guardian"] + ["AP"] * 15
    timeline = _many_told(outlets)
    page = open_html(render(timeline, "html")).page

    def check(item, sentences: bool):
        shown = item.locator(":scope > ul.sources > li")
        assert shown.count() == 5  # the first report, then the first of each other outlet
        names = shown.locator(".outlet").all_text_contents()
        assert names == ["Reuters", "Reuters", "BBC", "Guardian", "AP"]
        more = item.locator(":scope > details.more-sources")
        assert more.locator("summary").inner_text() == "25 more articles"
        hidden = more.locator("ul.sources > li")
        assert hidden.count() == 25 and not hidden.first.is_visible()
        more.locator("summary").click()
        assert hidden.first.is_visible() and hidden.nth(24).is_visible()
        # every article is named once, shown or behind the number
        labels = shown.locator("a").all_text_contents() + hidden.locator("a").all_text_contents()
        assert sorted(labels) == sorted(f"Report {k}" for k in range(30))
        if sentences:
            assert item.locator("ul.sources > li .sentence").count() == 0  # (one sentence: told once)

    march = next(m for m in page.evaluate(MARKERS_JS) if 6 in m["indices"])
    page.mouse.click(march["x"], march["y"])  # its details below the chart (with each report's sentence)
    page.locator("#details").wait_for(state="visible", timeout=5_000)
    check(page.locator("#details article").first, True)
    keys = page.locator("#events ol.events > li")
    assert keys.count() == 2
    check(keys.nth(0), False)
    assert keys.nth(1).locator("ul.sources > li").count() == 3 and keys.nth(1).locator("details").count() == 0
    click_list(page, "#all-list")  # the list page.js builds shows them the same way
    items = page.locator("#events ol.events > li")
    assert items.count() == 8
    check(items.nth(6), False)
    assert items.nth(0).locator("ul.sources > li").count() == 1 and items.nth(0).locator("details").count() == 0


def test_an_event_told_by_a_few_more_than_shown_names_them_all(open_html):
    page = open_html(render(_many_told(["Reuters", "BBC", "AP", "Guardian", "AFP", "CNN"]), "html")).page
    march = page.locator("#events ol.events > li").nth(0)
    assert march.locator("ul.sources > li").count() == 6 and march.locator("details").count() == 0
