"""How fast a large timeline page opens in Chromium, and how big it is.

    python benchmarks/bench_page.py [--events 5000] [--runs 3]

Renders a synthetic timeline of ``--events`` events (8 outlets, three years, busy days, month- and
year-precise events) offline and with ``--cdn``, opens the offline page in headless Chromium and
measures, from navigation start:

- ``parsed``: the document is parsed (DOMContentLoaded),
- ``interactive``: the chart is drawn, its hover and click handlers are attached and the labels
  that fit are placed (the page sets ``data-ready``),
- ``hover``: a real mouse move onto a marker until its hover text is shown.

Side by side, the same events as the plain plotly page one would otherwise write
(``plotly.graph_objects.Scatter`` per source, ``to_html`` with plotly.js inlined, no list, no
labels), without and with a range slider, and the ratios.  Prints a table; medians over ``--runs``.
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
from synthetic import many_events

from timeline.render import render

PLAIN_READY = "#chart .scatterlayer .point"


def plain_plotly_page(timeline, slider: bool) -> str:
    """The peer: one scatter per source on a date axis, titles on hover, plotly's own HTML."""
    import plotly.graph_objects as go

    by_source: dict[str, list] = {}
    for e in timeline.dated:
        by_source.setdefault(e.sources[0].title, []).append(e)
    figure = go.Figure([
        go.Scatter(x=[e.date.start.isoformat() for e in events], y=[name] * len(events),
                   hovertext=[e.title for e in events], mode="markers", name=name)
        for name, events in by_source.items()
    ])
    figure.update_xaxes(rangeslider_visible=slider)
    return figure.to_html(include_plotlyjs=True, div_id="chart")


def open_timings(browser, path: Path, ready: str, hover: bool) -> dict:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(path.as_uri())
    page.wait_for_selector(ready, state="attached", timeout=120_000)
    ready_ms = page.evaluate("performance.now()")
    parsed_ms = page.evaluate(
        "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    result = {"parsed": parsed_ms / 1000, "interactive": ready_ms / 1000}
    if hover:
        marker = page.evaluate("""() => {
          const chart = document.getElementById('chart'), box = chart.getBoundingClientRect();
          const xa = chart._fullLayout.xaxis, ya = chart._fullLayout.yaxis;
          const t = chart._fullData.find(t => t.type === 'scatter' && t.meta === 'events');
          return [box.left + xa._offset + xa.d2p(t.x[0]), box.top + ya._offset + ya.d2p(t.y[0])];
        }""")
        start = time.perf_counter()
        page.mouse.move(*marker)
        page.wait_for_selector("#chart .hoverlayer .hovertext", timeout=30_000)
        result["hover"] = time.perf_counter() - start
    page.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    executable = chromium_path()
    if not executable:
        sys.exit("bench_page: no Chromium found (install Debian's chromium or set TIMELINE_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    timeline = many_events(args.events)
    start = time.perf_counter()
    offline = render(timeline, "html")
    render_s = time.perf_counter() - start
    cdn = render(timeline, "html", cdn=True)
    peers = {"plain plotly": plain_plotly_page(timeline, slider=False),
             "plain plotly + slider": plain_plotly_page(timeline, slider=True)}

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        pages = {}
        for name, html in (("timeline", offline), *peers.items()):
            pages[name] = Path(folder) / f"{name.replace(' ', '-').replace('+', 'and')}.html"
            pages[name].write_text(html, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        timings = {name: [] for name in pages}
        for _ in range(args.runs):
            timings["timeline"].append(open_timings(browser, pages["timeline"], READY, hover=True))
            for name in peers:
                timings[name].append(open_timings(browser, pages[name], PLAIN_READY, hover=False))
        browser.close()

    def median(name, key):
        return statistics.median(run[key] for run in timings[name])

    print(f"{args.events} events, {args.runs} runs (medians), Chromium {executable}")
    print(f"render (Python):              {render_s:6.2f} s")
    print(f"page size offline:            {len(offline.encode()) / 1e6:6.2f} MB")
    print(f"page size --cdn:              {len(cdn.encode()) / 1e6:6.2f} MB")
    print(f"plain plotly page size:       {len(peers['plain plotly'].encode()) / 1e6:6.2f} MB")
    print(f"timeline parsed:              {median('timeline', 'parsed'):6.2f} s")
    print(f"timeline interactive:         {median('timeline', 'interactive'):6.2f} s")
    print(f"hover shown after mouse move: {median('timeline', 'hover'):6.2f} s")
    for name in peers:
        ratio = median("timeline", "interactive") / median(name, "interactive")
        print(f"{name + ' interactive:':30s}{median(name, 'interactive'):6.2f} s  (timeline / it: {ratio:.2f})")


if __name__ == "__main__":
    main()
