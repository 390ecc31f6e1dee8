"""How fast a collection's timeline page opens in Chromium, and how big it is.

    python benchmarks/bench_page.py [--runs 3] [--only NAME]

Renders synthetic collections as ``timeline build`` makes them (``tests/render/synthetic.py``:
articles from several outlets, about a third of the events dated, a few stray dates centuries
away, salience scored and the 30 best events key), offline, opens each page in headless
Chromium and measures, from navigation start:

- ``interactive``: the chart is drawn, its hover, click and controls are attached and the labels
  that fit are placed (the page sets ``data-ready``);
- ``hover``: a real mouse move onto a marker until its hover text is shown;
- ``all events``: a click on the chart's "All events" control until every dated event is drawn.

Side by side, the peer: the plain plotly page one would otherwise write for the same points
(every dated event, one ``plotly.graph_objects.Scatter`` per lane, titles on hover,
``to_html`` with plotly.js inlined, no list, no labels), and the ratio.

Collections and budgets (issue 9):

- ``300 articles``: 300 articles from 8 outlets, 15,000 events: interactive in under 3 s, the
  page under 5 MB besides plotly.js;
- ``2,500 outlets``: 2,500 articles, each from a different site (no ``source``), 12,500 events:
  interactive in under 5 s.

Prints a table of medians over ``--runs``.  The numbers depend on the machine and its load:
run it on a quiet machine, and compare the ratio to the peer rather than absolute seconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "render"))
sys.path.insert(0, str(REPO / "tests" / "browser"))

from conftest import ARGS, READY, chromium_path
from synthetic import collection

from timeline.render import render
from timeline.render.common import event_lanes, outlet_lanes

PLAIN_READY = "#chart .scatterlayer .point"

COLLECTIONS = {
    "300 articles": (dict(articles=300, events=15_000, outlets=8), 3.0),
    "2,500 outlets": (dict(articles=2_500, events=12_500, outlets=None), 5.0),
}
SIZE_BUDGET_MB = 5.0  # the 300-article page, besides plotly.js


def plain_plotly_page(timeline) -> str:
    """The peer: every dated event, one scatter per lane (outlet), titles on hover."""
    import plotly.graph_objects as go

    names, lane_of, _ = outlet_lanes(timeline.articles, timeline.events, "source")
    by_lane: dict[int, list] = {}
    for e in timeline.dated:
        by_lane.setdefault(event_lanes(e, lane_of, "source")[0], []).append(e)
    figure = go.Figure([
        go.Scatter(x=[e.date.start.isoformat() for e in events], y=[names[lane]] * len(events),
                   hovertext=[e.title for e in events], mode="markers", name=names[lane])
        for lane, events in sorted(by_lane.items())
    ])
    figure.update_xaxes(rangeslider_visible=True)
    return figure.to_html(include_plotlyjs=True, div_id="chart")


MARKER_JS = """() => {
  const chart = document.getElementById('chart'), box = chart.getBoundingClientRect();
  const xa = chart._fullLayout.xaxis, ya = chart._fullLayout.yaxis;
  const t = chart._fullData.find(t => t.type === 'scatter' && t.visible === true && t.x.length);
  return [box.left + xa._offset + xa.d2p(t.x[0]), box.top + ya._offset + ya.d2p(t.y[0])];
}"""


def plotly_only_page() -> str:
    """The floor: a page that only loads plotly.js (which every page here parses first)."""
    from plotly.offline import get_plotlyjs

    return (f"<!DOCTYPE html><html><body><script>{get_plotlyjs()}</script>"
            "<script>document.body.setAttribute('data-ready', 'true')</script></body></html>")


def open_timings(browser, path: Path, ours: bool, ready: str | None = None) -> dict:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(path.as_uri())
    page.wait_for_selector(ready or (READY if ours else PLAIN_READY), state="attached", timeout=120_000)
    result = {"interactive": page.evaluate("performance.now()") / 1000}
    if ours:
        start = time.perf_counter()
        page.mouse.move(*page.evaluate(MARKER_JS))
        page.wait_for_selector("#chart .hoverlayer .hovertext", timeout=30_000)
        result["hover"] = time.perf_counter() - start
        if page.locator("#controls button[data-mode=all]").count():
            start = time.perf_counter()
            page.click("#controls button[data-mode=all]")
            page.wait_for_selector("#chart[data-mode=all][data-drawn=true]", state="attached",
                                   timeout=120_000)
            result["all events"] = time.perf_counter() - start
    page.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=list(COLLECTIONS), help="measure one collection")
    args = parser.parse_args()

    executable = chromium_path()
    if not executable:
        sys.exit("bench_page: no Chromium found (install Debian's chromium or set TIMELINE_CHROMIUM)")
    from playwright.sync_api import sync_playwright
    from plotly.offline import get_plotlyjs

    plotly_mb = len(get_plotlyjs().encode()) / 1e6
    print(f"Chromium {executable}; medians of {args.runs} runs; plotly.js is {plotly_mb:.2f} MB")
    print("(a shared, loaded machine makes these noisy: compare the ratios)")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        floor_path = Path(folder) / "plotly-only.html"
        floor_path.write_text(plotly_only_page(), encoding="utf-8")
        floor = statistics.median(open_timings(browser, floor_path, False, READY)["interactive"]
                                  for _ in range(args.runs))
        print(f"a page with plotly.js alone: {floor:.2f} s (the floor of every page below)")
        for name, (shape, budget) in COLLECTIONS.items():
            if args.only and name != args.only:
                continue
            timeline = collection(**shape)
            start = time.perf_counter()
            html = render(timeline, "html")
            render_s = time.perf_counter() - start
            peer = plain_plotly_page(timeline)
            ours_path, peer_path = Path(folder) / "timeline.html", Path(folder) / "plain.html"
            ours_path.write_text(html, encoding="utf-8")
            peer_path.write_text(peer, encoding="utf-8")
            ours, plain = [], []
            for _ in range(args.runs):
                ours.append(open_timings(browser, ours_path, True))
                plain.append(open_timings(browser, peer_path, False))

            def median(runs, key):
                return statistics.median(run[key] for run in runs)

            size = len(html.encode()) / 1e6 - plotly_mb
            peer_size = len(peer.encode()) / 1e6 - plotly_mb
            interactive = median(ours, "interactive")
            print(f"\n{name}: {len(timeline.articles):,} articles, {len(timeline.events):,} events "
                  f"({len(timeline.dated):,} dated, {len(timeline.key_events)} key)")
            print(f"  render (Python)              {render_s:6.2f} s")
            print(f"  page besides plotly.js       {size:6.2f} MB"
                  + (f"  (budget {SIZE_BUDGET_MB:.0f} MB)" if name == "300 articles" else "")
                  + f"   plain plotly page: {peer_size:.2f} MB")
            print(f"  interactive                  {interactive:6.2f} s  (budget {budget:.0f} s)"
                  f"   plain plotly page: {median(plain, 'interactive'):.2f} s"
                  f"   ratio {interactive / median(plain, 'interactive'):.2f}")
            print(f"  hover shown after mouse move {median(ours, 'hover'):6.2f} s")
            if all("all events" in run for run in ours):
                print(f"  'All events' drawn           {median(ours, 'all events'):6.2f} s")
        browser.close()


if __name__ == "__main__":
    main()
