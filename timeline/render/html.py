"""The HTML page: a plotly timeline chart, then the same events as a readable, printable list.

The page is one self-contained file.  The chart's traces and every event's details travel as one
JSON document in a ``<script type="application/json">`` element (``<``, ``>``, ``&`` and the line
separators escaped, so no text can close the element); ``page.js`` builds the hover texts, the
labels that fit and the click details from it with escaping / DOM text nodes.  The list below the
chart is plain HTML with every piece of article text escaped.  A Content-Security-Policy lets only
the page's own scripts run (by hash), so markup that slipped through could not execute either.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import math
from html import escape
from pathlib import Path

from plotly.offline import get_plotlyjs, get_plotlyjs_version

from timeline.models import DateSpan, Event, Source, Timeline
from timeline.render.common import (
    RELATION_LABELS,
    counted,
    date_label,
    event_phrase,
    lanes_of,
    marked_html,
    precision_label,
    safe_url,
    short_date,
    source_label,
    source_phrase,
)

_HERE = Path(__file__).parent

# Okabe & Ito's colour-blind-safe palette, ordered so neighbouring lanes differ in lightness
# (they stay apart in greyscale); symbols and span patterns differ per lane as well.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "star", "hexagon", "triangle-down",
           "pentagon", "x"]
PATTERNS = ["", "/", "x", "\\", ".", "-", "|", "+"]

# Rows of markers in a lane, in the order they are used: markers closer than about a hundred
# and fiftieth of the time shown go on different rows; more events of one lane on one day than
# there are rows become one grouped marker showing their number.
_ROWS = (-0.24, -0.08, 0.08, 0.24)
_CLOSE = 1 / 150
_SPAN_ROWS = (0.36, 0.45)  # where period bars sit below a lane's markers, in lanes
_DENSE = 300  # markers in a lane above which they are drawn smaller
_LONG_LIST = 200  # events in a list above which the browser lays out only what is in view
_DAY_MS = 86_400_000


def _json_for_script(data) -> str:
    """JSON that can sit inside a <script> element: nothing in it can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _parts(sentence: str, where) -> list[str]:
    """``[before, phrase, after]`` when the phrase was found, else ``[sentence]``."""
    if not where:
        return [sentence]
    start, end = where
    return [sentence[:start], sentence[start:end], sentence[end:]]


def _published(source: Source) -> str | None:
    return short_date(source.published.date()) if source.published else None


def _details(event: Event) -> dict:
    """What the page's JavaScript shows for one dated event (hover and click)."""
    sentence = _parts(event.sentence, event_phrase(event))
    return {
        "title": event.title,
        "date": date_label(event.date),
        "precision": precision_label(event.date.granularity),
        "phrase": event.time_expression.text if event.time_expression else None,
        "sentence": sentence,
        "sources": [
            {
                "label": source_label(s),
                "url": safe_url(s.url),
                "published": _published(s),
                "sentence": _parts(s.sentence, source_phrase(s))
                if s.sentence and s.sentence != event.sentence else None,
            }
            for s in event.sources
        ],
    }


def _is_period(span: DateSpan) -> bool:
    return span.start != span.end


def _point_x(span: DateSpan) -> str:
    """Where a one-day event sits: at its time, else at midday (the middle of its day)."""
    return f"{span.start.isoformat()} {span.time or '12:00'}"


def _frame(dated: list[Event]) -> tuple[dt.date, dt.date]:
    """The initial x range: every event (to the end of its last day), with a margin."""
    first = min(e.date.start for e in dated)
    last = max(e.date.end for e in dated)
    margin = max(dt.timedelta(days=1), (last - first) * 0.04)
    after = margin + dt.timedelta(days=1)
    start = first - margin if first - dt.date.min > margin else dt.date.min
    end = last + after if dt.date.max - last > after else dt.date.max
    return start, end


def _span_rows(spans: list[tuple[int, DateSpan]]) -> list[float]:
    """A row for each period bar of a lane, so overlapping periods sit on different rows."""
    ends: list[dt.date] = [dt.date.min] * len(_SPAN_ROWS)
    rows = []
    for _, span in spans:
        free = [r for r, end in enumerate(ends) if end < span.start]
        row = free[0] if free else min(range(len(ends)), key=lambda r: ends[r])
        ends[row] = max(ends[row], span.end)
        rows.append(_SPAN_ROWS[row])
    return rows


def _marker_rows(days: list[float], gap: float) -> list[float]:
    """A row for each marker (by day, in order) so that markers closer than ``gap`` do not touch."""
    last = [-math.inf] * len(_ROWS)
    rows = []
    for day in days:
        free = [r for r in range(len(_ROWS)) if day - last[r] >= gap]
        row = free[0] if free else min(range(len(_ROWS)), key=lambda r: last[r])
        last[row] = day
        rows.append(_ROWS[row])
    return rows


def _lane_traces(lane: int, name: str, events: list[tuple[int, Event]], gap: float) -> list[dict]:
    """The traces of one lane: single markers, grouped dense days, and period bars."""
    colour = PALETTE[lane % len(PALETTE)]
    style = {"legendgroup": name, "name": _shorten(name, 40),
             "hovertemplate": "%{hovertext}<extra></extra>"}
    marker = {"color": colour, "symbol": SYMBOLS[lane % len(SYMBOLS)],
              "line": {"color": "white", "width": 1}}

    days: dict[str, list[int]] = {}
    spans: list[tuple[int, DateSpan]] = []
    for index, event in events:
        if _is_period(event.date):
            spans.append((index, event.date))
        else:
            days.setdefault(_point_x(event.date), []).append(index)

    single = {"x": [], "y": [], "customdata": []}
    grouped = {"x": [], "y": [], "customdata": [], "text": []}
    markers = []  # (day number, x, the events the marker stands for)
    for x, indices in days.items():
        each = [indices] if len(indices) > len(_ROWS) else [[i] for i in indices]
        markers += [(_day_number(x), x, chunk) for chunk in each]
    markers.sort(key=lambda m: m[0])
    for (_, x, indices), row in zip(markers, _marker_rows([m[0] for m in markers], gap)):
        target = single if len(indices) == 1 else grouped
        target["x"].append(x)
        target["y"].append(lane + row)
        target["customdata"].append(indices)
        if target is grouped:
            grouped["text"].append(str(len(indices)))

    size = 11 if len(markers) <= _DENSE else 8
    traces = []
    if single["x"]:
        traces.append({"type": "scatter", "mode": "markers", **style, **single,
                       "marker": {**marker, "size": size}, "meta": "events"})
    if grouped["x"]:
        traces.append({"type": "scatter", "mode": "markers+text", **style, **grouped,
                       "marker": {**marker, "size": 2 * size + 2, "opacity": 0.85},
                       "textfont": {"color": "white", "size": 11}, "meta": "groups"})
    if spans:
        traces.append({
            "type": "bar", "orientation": "h", **style,
            "base": [span.start.isoformat() for _, span in spans],
            "x": [((span.end - span.start).days + 1) * _DAY_MS for _, span in spans],
            "y": [lane + row for row in _span_rows(spans)],
            "customdata": [[index] for index, _ in spans],
            "width": 0.08,
            "marker": {"color": colour, "opacity": 0.75, "line": {"color": colour, "width": 1},
                       "pattern": {"shape": PATTERNS[lane % len(PATTERNS)], "fgcolor": "white",
                                   "size": 6}},
            "meta": "spans",
        })
    for k, trace in enumerate(traces):
        trace["showlegend"] = k == 0
    return traces


def _shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def _day_number(x: str) -> float:
    """A point's position in days: '2017-09-06 12:00' is 736578.5."""
    day, time = x.split(" ")
    hours, minutes = time.split(":")[:2]
    return dt.date.fromisoformat(day).toordinal() + (int(hours) * 60 + int(minutes)) / 1440


def _figure(dated: list[Event], lane_names: list[str], lanes: str) -> dict:
    by_lane: dict[str, list[tuple[int, Event]]] = {name: [] for name in lane_names}
    for index, event in enumerate(dated):
        for name in lanes_of(event, lanes):
            by_lane[name].append((index, event))
    frame = _frame(dated) if dated else None
    gap = (frame[1] - frame[0]).days * _CLOSE if frame else 0
    data = [trace for lane, name in enumerate(lane_names)
            for trace in _lane_traces(lane, name, by_lane[name], gap)]
    n = len(lane_names)
    shaded = [{"type": "rect", "xref": "paper", "yref": "y", "x0": 0, "x1": 1,
               "y0": lane - 0.5, "y1": lane + 0.5, "fillcolor": "#f4f6f8", "line": {"width": 0},
               "layer": "below"} for lane in range(1, n, 2)]
    label_width = max(len(name) for name in lane_names) if lane_names else 0
    return {
        "data": data,
        "layout": {
            "height": min(max(260 + 110 * n, 420), 1100),
            "margin": {"l": 20 + 7 * min(label_width, 26) if lanes != "none" else 20,
                       "r": 44, "t": 40 if n > 1 else 16, "b": 24},
            "xaxis": {"type": "date", "range": [day.isoformat() for day in frame] if frame else None,
                      "rangeslider": {"visible": True, "thickness": 0.09},
                      "gridcolor": "#dde1e6", "linecolor": "#6b7280", "ticks": "outside"},
            "yaxis": {"tickvals": list(range(n)),
                      "ticktext": [_shorten(name, 26) for name in lane_names],
                      "showticklabels": lanes != "none",
                      "range": [n - 0.5, -0.5], "fixedrange": True, "showgrid": False,
                      "zeroline": False},
            "shapes": shaded,
            "showlegend": n > 1,
            "legend": {"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom",
                       "title": {"text": "Show or hide:"}},
            "modebar": {"orientation": "v"},
            "hovermode": "closest",
            "hoverlabel": {"bgcolor": "white", "bordercolor": "#374151", "align": "left",
                           "font": {"size": 13, "color": "#111827"}},
            "barmode": "overlay",
            "dragmode": "zoom",
            "plot_bgcolor": "white",
            "paper_bgcolor": "white",
            "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                     "size": 13, "color": "#1f2937"},
        },
    }


def _source_html(source: Source) -> str:
    label = escape(source_label(source))
    url = safe_url(source.url)
    item = (f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer" dir="auto">{label}</a>'
            if url else f'<cite dir="auto">{label}</cite>')
    published = _published(source)
    if published:
        item += f' <span class="published">(published {escape(published)})</span>'
    return f"<li>{item}</li>"


def _item_html(event: Event, item_id: str, when: str) -> str:
    sources = "".join(_source_html(s) for s in event.sources)
    phrase = event.time_expression.text if event.time_expression else None
    said = f' <span class="phrase">“{escape(phrase)}”</span>' if phrase else ""
    return (
        f'<li id="{item_id}" class="event">'
        f'<p class="when">{when}{said}</p>'
        f'<h3 class="title" dir="auto">{escape(event.title)}</h3>'
        f'<p class="sentence" dir="auto">{marked_html(event.sentence, event_phrase(event))}</p>'
        + (f'<ul class="sources" aria-label="Sources">{sources}</ul>' if sources else "")
        + "</li>"
    )


def _dated_when(span: DateSpan) -> str:
    return (f'<time datetime="{span.start.isoformat()}">{escape(date_label(span))}</time>'
            f' <span class="precision">{precision_label(span.granularity)}</span>')


def _summary(timeline: Timeline) -> str:
    dated, undated = timeline.dated, timeline.undated
    parts = [counted(len(dated), "dated event")]
    if dated:
        first = min(dated, key=lambda e: e.date.start).date
        last = max(dated, key=lambda e: e.date.end).date
        parts[0] += f" from {date_label(first, weekday=False)} to {date_label(last, weekday=False)}"
    if undated:
        parts.append(f"{len(undated)} undated")
    articles = len(timeline.articles)
    if articles:
        parts.append(f"from {counted(articles, 'article')}")
    return ", ".join(parts)


def _list_class(events: list[Event]) -> str:
    return "events long" if len(events) > _LONG_LIST else "events"


def _lists_html(timeline: Timeline) -> str:
    dated = "".join(_item_html(e, f"event-{k + 1}", _dated_when(e.date))
                    for k, e in enumerate(timeline.dated))
    html = ('<section id="events" aria-labelledby="events-heading">'
            '<h2 id="events-heading">Events in order</h2>'
            + (f'<ol class="{_list_class(timeline.dated)}">{dated}</ol>' if dated else "<p>No dated events.</p>")
            + "</section>")
    if timeline.undated:
        items = "".join(
            _item_html(e, f"undated-{k + 1}",
                       f'<span class="precision">undated, {RELATION_LABELS[e.relation.value]}</span>')
            for k, e in enumerate(timeline.undated))
        html += ('<section id="undated" aria-labelledby="undated-heading">'
                 '<h2 id="undated-heading">Undated events</h2>'
                 "<p class=\"note\">The articles mention these without a date; they are not on the chart.</p>"
                 f'<ul class="{_list_class(timeline.undated)}">{items}</ul></section>')
    if timeline.errors:
        items = "".join(f"<li>{escape(str(error))}</li>" for error in timeline.errors)
        html += ('<section id="errors" aria-labelledby="errors-heading">'
                 '<h2 id="errors-heading">Inputs that could not be read</h2>'
                 f"<ul>{items}</ul></section>")
    return html


def render(timeline: Timeline, lanes: str = "source", cdn: bool = False) -> str:
    """The page of ``timeline``: offline (plotly.js inside) unless ``cdn``."""
    dated = timeline.dated
    lane_names = list(dict.fromkeys(name for e in dated for name in lanes_of(e, lanes)))
    payload = {
        "figure": _figure(dated, lane_names, lanes),
        "events": [_details(e) for e in dated],
    }
    page_js = (_HERE / "page.js").read_text(encoding="utf-8")
    css = (_HERE / "page.css").read_text(encoding="utf-8")

    plotly_js = get_plotlyjs()
    if cdn:
        src = f"https://cdn.plot.ly/plotly-{get_plotlyjs_version()}.min.js"
        plotly_tag = (f'<script src="{src}" integrity="{_sha256(plotly_js)}" '
                      'crossorigin="anonymous" charset="utf-8"></script>')
        script_src = f"'{_sha256(page_js)}' https://cdn.plot.ly"
    else:
        plotly_tag = f"<script>{plotly_js}</script>"
        script_src = f"'{_sha256(plotly_js)}' '{_sha256(page_js)}'"
    policy = (f"default-src 'none'; script-src {script_src}; style-src 'unsafe-inline'; "
              "img-src data: blob:; base-uri 'none'; form-action 'none'")

    chart = ""
    if dated:
        chart = (
            '<figure class="chart">'
            f'<div id="chart" role="img" aria-label="Timeline chart of {len(dated)} dated events; '
            'the same events are listed below."></div>'
            '<figcaption>Hover over a marker for its details, click it to keep them below; drag '
            'to zoom, use the slider to move along; click a legend entry to show or hide it. '
            'Bars are events known only to the month, year or another period.</figcaption>'
            "</figure>"
            '<section id="details" aria-live="polite" hidden></section>'
        )
    summary = escape(_summary(timeline))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Timeline: {summary}</title>
<style>{css}</style>
</head>
<body>
<a class="skip" href="#events">Skip to the list of events</a>
<header><h1>Timeline</h1><p class="summary">{summary}</p></header>
<main>
{chart}
{_lists_html(timeline)}
</main>
<script type="application/json" id="timeline-data">{_json_for_script(payload)}</script>
{plotly_tag}
<script>{page_js}</script>
</body>
</html>
"""
