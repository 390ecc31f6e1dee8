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

from timeline.events.lexicon import lexicon
from timeline.lang import DEFAULT_LANGUAGE
from timeline.models import DateSpan, Event, Source, Timeline
from timeline.render.common import (
    RELATION_LABELS,
    SOURCES_SHOWN,
    SOURCES_WHOLE,
    UNKNOWN_OUTLET,
    clock,
    counted,
    date_label,
    event_lanes,
    first_lane,
    event_phrase,
    key_events,
    marked_html,
    marked_parts,
    outlet,
    outlet_count,
    outlet_lanes,
    plain,
    precision_label,
    safe_url,
    short_date,
    source_label,
    source_phrase,
    sources_in_view,
    weight,
)

_HERE = Path(__file__).parent

# Okabe & Ito's colour-blind-safe palette, ordered so neighbouring lanes differ in lightness
# (they stay apart in greyscale); symbols and span patterns differ per lane as well.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "star", "hexagon", "triangle-down",
           "pentagon", "x"]
PATTERNS = ["", "/", "x", "\\", ".", "-", "|", "+"]
OTHER_COLOUR = "#8a8f98"  # the shared lane of the smaller outlets

# Rows of markers in a lane, in the order they are used: from its middle out, so that a lane of
# few markers has them in the middle, with room for their labels above and below (the top lane's
# top row has none).  Markers closer than about a hundred and fiftieth of the time shown go on
# different rows; more events of one lane on one day than there are rows become one grouped
# marker showing their number.
_ROWS = (-0.08, 0.08, -0.24, 0.24)
_KEY_ROWS = (-0.06, 0.06, -0.18, 0.18, -0.3, 0.3)  # key events: never grouped, more rows
_CLOSE = 1 / 150
_SPAN_ROWS = (0.36, 0.45)  # where period bars sit below a lane's markers, in lanes
_DENSE = 300  # markers in a lane above which they are drawn smaller
_ECHO_SIZE = 8  # a key event in the lane of an outlet that reported it after another did
_DAY_MS = 86_400_000
_CORE_SHARE = 0.9  # the initial view holds at least this share of the key events...
_NEAR_DAYS = 183  # ...and every other key event this close to them (or their period's length)
_LANE_CHARS = 26  # characters of a lane name beside the chart


def _json_for_script(data) -> str:
    """JSON that can sit inside a <script> element: nothing in it can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _is_period(span: DateSpan) -> bool:
    return span.start != span.end


def _point_x(span: DateSpan) -> str:
    """Where a one-day event sits: at its time, else at midday (the middle of its day); the
    midnight that ends a day (24:00, which plotly cannot place) at the day's last minute."""
    hour, minute = clock(span) or (12, 0)
    return f"{span.start.isoformat()} {'23:59' if hour == 24 else f'{hour:02d}:{minute:02d}'}"


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


def _marker_rows(days: list[float], gap: float, rows_of=_ROWS) -> list[float]:
    """A row for each marker (by day, in order) so that markers closer than ``gap`` do not touch."""
    last = [-math.inf] * len(rows_of)
    rows = []
    for day in days:
        free = [r for r in range(len(rows_of)) if day - last[r] >= gap]
        row = free[0] if free else min(range(len(rows_of)), key=lambda r: last[r])
        last[row] = day
        rows.append(rows_of[row])
    return rows



# ---- what the page's script receives --------------------------------------------------------
#
# The payload is one JSON document:
#   lanes      [[name, articles, colour, symbol], ...]  the chart's lanes, top to bottom
#   articles   [[label, url or null, published or null, outlet], ...]  every article cited
#   dates      [[label, precision, ISO day or ""], ...]  the distinct dates (and undated relations)
#   texts      [sentence, ...]  every distinct sentence (plain text), once
#   events     [[title, date, sentence, sources, weight, key, phrase], ...]  the dated events in
#              order, then the undated ones; ``date`` indexes ``dates``; ``sentence`` is a text
#              index, or [text index, start, end] with the date phrase from start to end (offsets
#              in UTF-16 code units, as JavaScript counts); ``title`` is the title, or [prefix,
#              start, end] when it ends with a stretch of its sentence (prefix + that stretch);
#              ``sources`` holds an article index, or [article index, its own sentence] (as
#              ``sentence``); ``weight`` orders labels (higher first); ``phrase`` is the date as
#              written when it is not marked in the sentence, else null
#   dated      how many of ``events`` are dated (they come first)
#   sources    [whole, shown]: an event's list names all its sources up to ``whole``, else the
#              first ``shown`` (its sources come in that order: sources_in_view) and the number
#              of the others, which open on request
#   figure     {"layout": ..., "key": traces, "all": traces}: the chart with the key events
#              only, and with every dated event; trace ``customdata`` holds event indices
#   frame      [start, end]: where the key events are (the initial view)
#   dangling   [word, ...]  the words a title cut short for a label must not end on ('declared an…')


def _published(source: Source) -> str | None:
    return short_date(source.published.date()) if source.published else None


def _units(text: str) -> int:
    """The length of ``text`` as JavaScript counts it (UTF-16 code units)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


_TITLE_PREFIX = 40  # characters before a title's stretch of its sentence, at most
_TITLE_STRETCH = 12  # characters of the sentence a title must end with to refer to it


def _title(title: str, sentence: str) -> str | list:
    """The title, or ``[prefix, start, end]`` when it ends with a stretch of ``sentence``
    (``'Jack Rudloe: '`` + the words he said)."""
    if len(title) < _TITLE_STRETCH or title[-_TITLE_STRETCH:] not in sentence:
        return title
    for k in range(min(len(title) - _TITLE_STRETCH + 1, _TITLE_PREFIX)):
        at = sentence.find(title[k:])
        if at >= 0:
            start = _units(sentence[:at])
            return [title[:k], start, start + _units(title[k:])]
    return title


class _Tables:
    """The articles, dates and sentences the events refer to, each stored once."""

    def __init__(self):
        self.articles: list[list] = []
        self.dates: list[list] = []
        self.texts: list[str] = []
        self._articles: dict[tuple, int] = {}
        self._dates: dict[tuple, int] = {}
        self._texts: dict[str, int] = {}
        self._known: dict[tuple, int] = {}

    def sentence(self, parts: list[str]) -> int | list:
        """A sentence's reference: its text's index, or [index, start, end] of the phrase."""
        text = "".join(parts)
        index = self._texts.get(text)
        if index is None:
            index = self._texts[text] = len(self.texts)
            self.texts.append(text)
        if len(parts) == 3:
            start = _units(parts[0])
            return [index, start, start + _units(parts[1])]
        return index

    def article(self, source: Source) -> int:
        known = (source.title, source.url, source.path, source.source, source.published)
        found = self._known.get(known)  # (an article's every report: its row made once)
        if found is not None:
            return found
        row = [plain(source_label(source)), safe_url(source.url), _published(source),
               plain(outlet(source))]
        key = tuple(row) + (source.path,)
        if key not in self._articles:
            self._articles[key] = len(self.articles)
            self.articles.append(row)
        found = self._known[known] = self._articles[key]
        return found

    def date(self, row: list) -> int:
        key = tuple(row)
        if key not in self._dates:
            self._dates[key] = len(self.dates)
            self.dates.append(row)
        return self._dates[key]


def _event_row(event: Event, key: bool, tables: _Tables) -> list:
    if event.date is not None:
        date = tables.date([date_label(event.date), precision_label(event.date.granularity),
                            event.date.start.isoformat()])
    else:
        date = tables.date([f"undated, {RELATION_LABELS[event.relation.value]}", "", ""])
    where = event_phrase(event)
    parts = marked_parts(event.sentence, where)
    sentence = tables.sentence(parts)
    sources = []
    for s in sources_in_view(event.sources):
        article = tables.article(s)
        own = s.sentence and s.sentence != event.sentence
        sources.append([article, tables.sentence(marked_parts(s.sentence, source_phrase(s)))] if own else article)
    phrase = event.time_expression.text if event.time_expression and not where else None
    return [_title(plain(event.title), "".join(parts)), date, sentence, sources, weight(event), int(key),
            plain(phrase) or None]


# ---- the chart ---------------------------------------------------------------------------------


def robust_frame(spans: list[DateSpan], share: float = _CORE_SHARE) -> tuple[dt.date, dt.date]:
    """The period where ``spans`` are, without strays: the shortest stretch holding ``share`` of
    their starts, widened to the spans near it (within its length, and at least
    :data:`_NEAR_DAYS`).  A "1600 Pennsylvania Avenue" read as a year among events of 2009 is
    left out; events spread evenly are all kept."""
    starts = sorted(span.start.toordinal() for span in spans)
    n = len(starts)
    m = max(1, math.ceil(share * n))
    i = min(range(n - m + 1), key=lambda k: (starts[k + m - 1] - starts[k], k))
    low, high = starts[i], starts[i + m - 1]
    reach = max(high - low, _NEAR_DAYS)
    kept = [span for span in spans if low - reach <= span.start.toordinal() <= high + reach]
    return min(s.start for s in kept), max(s.end for s in kept)


def _with_margin(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    """The view of ``first`` to ``last`` (to the end of its day), with a margin."""
    margin = max(dt.timedelta(days=1), (last - first) * 0.04)
    after = margin + dt.timedelta(days=1)
    start = first - margin if first - dt.date.min > margin else dt.date.min
    end = last + after if dt.date.max - last > after else dt.date.max
    return start, end


def _lane_traces(lane: int, events: list[tuple[int, Event]], gap: float, big: bool,
                 style: tuple[str, str], echoes: frozenset[int] = frozenset()) -> list[dict]:
    """The traces of one lane: single markers, grouped dense days, and period bars; and the
    echoes, small and hollow, of the key events (``echoes``) another outlet reported first."""
    colour, symbol = style
    marker = {"color": colour, "symbol": symbol, "line": {"color": "white", "width": 1}}

    days: dict[str, list[int]] = {}
    spans: list[tuple[int, DateSpan]] = []
    for index, event in events:
        if _is_period(event.date):
            if index not in echoes:  # (a period is drawn once: bars in every lane would hide the markers)
                spans.append((index, event.date))
        else:
            days.setdefault(_point_x(event.date), []).append(index)

    single = {"x": [], "y": [], "customdata": []}
    grouped = {"x": [], "y": [], "customdata": [], "text": []}
    echoed = {"x": [], "y": [], "customdata": []}
    markers = []  # (day number, x, the events the marker stands for)
    rows_of = _KEY_ROWS if big else _ROWS
    for x, indices in days.items():
        each = [indices] if len(indices) > len(rows_of) and not big else [[i] for i in indices]
        markers += [(_day_number(x), x, chunk) for chunk in each]
    markers.sort(key=lambda m: m[0])
    for (_, x, indices), row in zip(markers, _marker_rows([m[0] for m in markers], gap, rows_of)):
        target = grouped if len(indices) > 1 else echoed if indices[0] in echoes else single
        target["x"].append(x)
        target["y"].append(lane + row)
        target["customdata"].append(indices)
        if target is grouped:
            grouped["text"].append(str(len(indices)))

    size = 12 if big else 11 if len(markers) <= _DENSE else 8
    style = {"lane": lane, "hoverinfo": "text", "showlegend": False}
    traces = []
    if single["x"]:
        traces.append({"type": "scatter", "mode": "markers", **style, **single,
                       "marker": {**marker, "size": size}, "meta": "events"})
    if grouped["x"]:
        traces.append({"type": "scatter", "mode": "markers+text", **style, **grouped,
                       "marker": {**marker, "size": 2 * size + 2, "opacity": 0.85},
                       "textfont": {"color": "white", "size": 11}, "meta": "groups"})
    if echoed["x"]:
        traces.append({"type": "scatter", "mode": "markers", **style, **echoed,
                       "marker": {"color": colour, "symbol": f"{symbol}-open", "size": _ECHO_SIZE,
                                  "line": {"width": 1.5}},
                       "meta": "echoes"})
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
    return traces


def _slider(view: tuple[dt.date, dt.date], extent: tuple[dt.date, dt.date]) -> list[str]:
    """The range slider's span: the initial view and as much again on each side, as far as
    there are events (the whole period, strays included, is one click away: 'Whole period')."""
    width = view[1] - view[0]
    start = view[0] - width if view[0] - dt.date.min > width else dt.date.min
    end = view[1] + width if dt.date.max - view[1] > width else dt.date.max
    return [max(start, min(extent[0], view[0])).isoformat(), min(end, max(extent[1], view[1])).isoformat()]


def _lane_style(lane: int, other: bool = False) -> tuple[str, str]:
    if other:
        return OTHER_COLOUR, "x"
    return PALETTE[lane % len(PALETTE)], SYMBOLS[lane % len(SYMBOLS)]


def _day_number(x: str) -> float:
    """A point's position in days: '2017-09-06 12:00' is 736578.5."""
    day, time = x.split(" ")
    hours, minutes = time.split(":")[:2]
    return dt.date.fromisoformat(day).toordinal() + (int(hours) * 60 + int(minutes)) / 1440


def _traces(chosen: list[tuple[int, Event]], lanes_of_event, first_of_event, styles: list,
            gap: float, big: bool) -> list[dict]:
    """The traces of the chosen events, in the lane of every outlet that reported them; a key
    event (``big``) stands out once, in the lane of the outlet that reported it first once it had
    happened, and is an echo (small, hollow, never labelled) in the other lanes."""
    n_lanes = len(styles)
    by_lane: list[list[tuple[int, Event]]] = [[] for _ in range(n_lanes)]
    echoes: list[set[int]] = [set() for _ in range(n_lanes)]
    for index, event in chosen:
        lanes = lanes_of_event(event)
        if big:
            first = first_of_event(event)
            lanes = [first] + [lane for lane in lanes if lane != first]
            for lane in lanes[1:]:
                echoes[lane].add(index)
        for lane in lanes:
            by_lane[lane].append((index, event))
    return [trace for lane in range(n_lanes)
            for trace in _lane_traces(lane, by_lane[lane], gap, big, styles[lane], frozenset(echoes[lane]))]


def _figure(dated: list[Event], keys: list[bool], lane_names: list[str], styles: list,
            lanes_of_event, first_of_event, frame: tuple[dt.date, dt.date] | None, lanes: str) -> dict:
    n = len(lane_names)
    gap = (frame[1] - frame[0]).days * _CLOSE if frame else 0
    extent = _with_margin(min(e.date.start for e in dated), max(e.date.end for e in dated)) if dated else None
    numbered = list(enumerate(dated))
    key_traces = _traces([(i, e) for i, e in numbered if keys[i]], lanes_of_event, first_of_event,
                         styles, gap, True)
    all_traces = _traces(numbered, lanes_of_event, first_of_event, styles, gap, False)
    shaded = [{"type": "rect", "xref": "paper", "yref": "y", "x0": 0, "x1": 1,
               "y0": lane - 0.5, "y1": lane + 0.5, "fillcolor": "#f4f6f8", "line": {"width": 0},
               "layer": "below"} for lane in range(1, n, 2)]
    label_width = max(len(name) for name in lane_names) if lane_names else 0
    named = lanes != "none" and n > 1
    return {
        "key": key_traces,
        "all": all_traces,
        # every event, strays included, within the calendar ('Whole period': plotly's own autorange
        # pads past the year 9999 and draws nothing)
        "whole": [day.isoformat() for day in extent] if extent else None,
        "layout": {
            "height": min(max(200 + 90 * n, 420), 960),
            "margin": {"l": 20 + 7 * min(label_width, _LANE_CHARS) if named else 20,
                       "r": 44, "t": 16, "b": 24},
            "xaxis": {"type": "date",
                      "range": [day.isoformat() for day in frame] if frame else None,
                      "rangeslider": {"visible": True, "thickness": 0.09,
                                      # (its lanes as the chart's, each marker whole: not cut at the edges)
                                      "yaxis": {"rangemode": "fixed", "range": [n - 0.1, -0.9]},
                                      **({"range": _slider(frame, extent)} if frame else {})},
                      "gridcolor": "#dde1e6", "linecolor": "#6b7280", "ticks": "outside"},
            "yaxis": {"tickvals": list(range(n)), "ticktext": [], "showticklabels": named,
                      "range": [n - 0.5, -0.5], "fixedrange": True, "showgrid": False,
                      "zeroline": False},
            "shapes": shaded,
            "showlegend": False,
            # (the toolbar's icons at 3:1 and more on white, as a control must be; plotly's own grey is 1.7:1)
            "modebar": {"orientation": "v", "color": "#4b5563", "activecolor": "#111827",
                        "bgcolor": "rgba(255, 255, 255, 0.85)"},
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


# ---- the list and the page ---------------------------------------------------------------------


def _source_html(source: Source) -> str:
    label = escape(plain(source_label(source)))
    url = safe_url(source.url)
    item = (f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer" dir="auto">{label}</a>'
            if url else f'<cite dir="auto">{label}</cite>')
    name = plain(outlet(source))
    if name != UNKNOWN_OUTLET:
        item += f' <span class="outlet" dir="auto">{escape(name)}</span>'
    published = _published(source)
    if published:
        item += f' <span class="published">(published {escape(published)})</span>'
    return f"<li>{item}</li>"


def _sources_html(sources: list[Source]) -> str:
    """An event's sources as its list shows them (page.js shows them the same way): all of them,
    or when they are many, the first few and the others behind their number."""
    if not sources:
        return ""
    ordered = sources_in_view(sources)
    shown = ordered if len(ordered) <= SOURCES_WHOLE else ordered[:SOURCES_SHOWN]
    html = f'<ul class="sources" aria-label="Sources">{"".join(_source_html(s) for s in shown)}</ul>'
    others = ordered[len(shown):]
    if others:
        html += (f'<details class="more-sources"><summary>{counted(len(others), "more article")}</summary>'
                 f'<ul class="sources" aria-label="More sources">{"".join(_source_html(s) for s in others)}</ul>'
                 "</details>")
    return html


def _item_html(event: Event, item_id: str) -> str:
    """A key event of the list (page.js builds the others the same way from the payload)."""
    phrase = plain(event.time_expression.text) if event.time_expression else ""
    said = f' <span class="phrase" dir="auto">“{escape(phrase)}”</span>' if phrase else ""
    when = (f'<time datetime="{event.date.start.isoformat()}">{escape(date_label(event.date))}</time>'
            f' <span class="precision">{precision_label(event.date.granularity)}</span>')
    return (
        f'<li id="{item_id}" class="event key">'
        f'<p class="when">{when}{said}</p>'
        f'<h3 class="title" dir="auto">{escape(plain(event.title))}</h3>'
        f'<p class="sentence" dir="auto">{marked_html(event.sentence, event_phrase(event))}</p>'
        + _sources_html(event.sources)
        + "</li>"
    )


def _period(first: dt.date, last: dt.date) -> str:
    if first.year == last.year:
        if first.month == last.month:
            return f"{first.day}–{last.day} {last:%B} {last.year}" if first != last else _day_text(first)
        return f"{first.day} {first:%B} – {_day_text(last)}"
    return f"{_day_text(first)} – {_day_text(last)}"


def _day_text(day: dt.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def _summary(timeline: Timeline, n_key: int, frame, outlets: int) -> str:
    dated, undated = timeline.dated, timeline.undated
    parts = []
    if dated and n_key < len(dated):
        parts.append(f"{counted(n_key, 'key event')} ({_period(*frame)}) among "
                     f"{counted(len(dated), 'dated event')}")
    elif dated:
        parts.append(f"{counted(len(dated), 'dated event')} ({_period(*frame)})")
    else:
        parts.append("no dated events")
    if undated:
        parts.append(f"{len(undated):,} undated")
    articles = len(timeline.articles)
    if articles:
        parts.append(f"from {counted(articles, 'article')}"
                     + (f" by {counted(outlets, 'outlet')}" if outlets > 1 else ""))
    return ", ".join(parts)


def _controls_html(lane_names: list[str], sizes: list[int], styles: list, n_key: int,
                   n_dated: int, lanes: str, outside: bool) -> str:
    """The buttons above the chart: key or all events, the whole period, the outlets shown."""
    mode = ""
    if n_key < n_dated:
        mode = ('<div class="mode" role="group" aria-label="Events on the chart">'
                f'<button type="button" data-mode="key" aria-pressed="true">Key events ({n_key:,})</button>'
                f'<button type="button" data-mode="all" aria-pressed="false">All events ({n_dated:,})</button>'
                "</div>")
    boxes = ""
    if lanes != "none" and len(lane_names) > 1:
        items = []
        for lane, (name, size) in enumerate(zip(lane_names, sizes)):
            colour = styles[lane][0]
            items.append(f'<label><input type="checkbox" checked data-lane="{lane}">'
                         f'<span class="swatch" style="background:{colour}"></span>'
                         f'<span class="lane-name" dir="auto">{escape(name)}</span>'
                         f' <span class="count">{counted(size, "article")}</span></label>')
        boxes = f'<div class="lanes" role="group" aria-label="Outlets shown">{"".join(items)}</div>'
    return ('<div id="controls" class="controls" hidden>'
            + mode
            + ('<button type="button" id="whole" aria-pressed="false"'
               ' title="Show every event, strays included; press again for the story\'s period">'
               'Whole period</button>' if outside else "")
            + f'{boxes}<span id="busy" role="status" hidden></span></div>')


def _lists_html(timeline: Timeline, keys: list[bool]) -> str:
    dated = timeline.dated
    key_items = "".join(_item_html(e, f"event-{k + 1}") for k, e in enumerate(dated) if keys[k])
    n_key = sum(keys)
    if not dated:
        body = "<p>No dated events.</p>"
        heading = "Events in order"
        button = ""
    else:
        heading = "Key events in order" if n_key < len(dated) else "Events in order"
        marked = " has-key" if n_key < len(dated) else ""
        body = f'<ol class="events{marked}" id="event-list" data-mode="key">{key_items}</ol>'
        button = (f'<p class="more"><button type="button" id="all-list" hidden>'
                  f'Show all {len(dated):,} dated events in order</button></p>'
                  if n_key < len(dated) else "")
    html = ('<section id="events" aria-labelledby="events-heading">'
            f'<h2 id="events-heading">{heading}</h2>{body}{button}</section>')
    if timeline.undated:
        html += ('<section id="undated" aria-labelledby="undated-heading">'
                 '<h2 id="undated-heading">Undated events</h2>'
                 f'<p class="note">The articles mention {counted(len(timeline.undated), "event")} '
                 'without a date; they are not on the chart.</p>'
                 '<p class="more"><button type="button" id="undated-list" hidden>'
                 f'Show the {len(timeline.undated):,} undated events</button></p>'
                 '<ul class="events" id="undated-events"></ul></section>')
    if timeline.errors:
        items = "".join(f"<li>{escape(plain(str(error)))}</li>" for error in timeline.errors)
        html += ('<section id="errors" aria-labelledby="errors-heading">'
                 '<h2 id="errors-heading">Inputs that could not be read</h2>'
                 f"<ul>{items}</ul></section>")
    return html


DEFAULT_HEADING = "Timeline"


def render(timeline: Timeline, lanes: str = "source", cdn: bool = False, title: str | None = None) -> str:
    """The page of ``timeline``: offline (plotly.js inside) unless ``cdn``; ``title`` is its
    heading (plain text; default :data:`DEFAULT_HEADING`)."""
    dated = timeline.dated
    keys = key_events(dated)
    n_key = sum(keys)
    key_ids = {id(e) for e, k in zip(dated, keys) if k}
    lane_names, lane_of, sizes = outlet_lanes(timeline.articles, dated, lanes, key=lambda e: id(e) in key_ids,
                                              reporting=True)
    frame = None
    if dated:
        frame = robust_frame([e.date for e, k in zip(dated, keys) if k] or [e.date for e in dated])
    view = _with_margin(*frame) if frame else None
    shared = len(lane_names) - 1 if len(lane_of) > len(lane_names) else -1  # the lane of many outlets
    styles = [_lane_style(lane, lane == shared) for lane in range(len(lane_names))]
    figure = _figure(dated, keys, lane_names, styles, lambda e: event_lanes(e, lane_of, lanes),
                     lambda e: first_lane(e, lane_of, lanes), view, lanes)
    tables = _Tables()
    events = ([_event_row(e, k, tables) for e, k in zip(dated, keys)]
              + [_event_row(e, False, tables) for e in timeline.undated])
    payload = {
        "lanes": [[name, size, *style] for name, size, style in zip(lane_names, sizes, styles)],
        "articles": tables.articles,
        "dates": tables.dates,
        "texts": tables.texts,
        "events": events,
        "dated": len(dated),
        "sources": [SOURCES_WHOLE, SOURCES_SHOWN],
        "figure": figure,
        "frame": [day.isoformat() for day in view] if view else None,
        "dangling": sorted(lexicon(DEFAULT_LANGUAGE).dangling),
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
        shown = "key events" if n_key < len(dated) else "events"
        chart = (
            _controls_html(lane_names, sizes, styles, n_key, len(dated), lanes,
                           outside=any(e.date.start < frame[0] or e.date.end > frame[1] for e in dated))
            + '<figure class="chart">'
            f'<div id="chart" role="img" aria-label="Timeline chart of the {shown}; '
            'the same events are listed below."></div>'
            '<figcaption>Hover over a marker for its details, click it to keep them below; drag '
            'to zoom with a mouse, use the slider to move along. '
            + ("Key events are the best scored: reported by more articles and outlets, their day "
               "referred to more often, told in lead paragraphs and after the fact; each stands out in the "
               "lane of the outlet that reported it first, hollow in the lanes of the others. "
               if n_key < len(dated) else "")
            + 'Bars are events known only to the month, year or another period.</figcaption>'
            "</figure>"
            '<section id="details" aria-live="polite" hidden></section>'
        )
    summary = escape(_summary(timeline, n_key, frame, outlet_count(timeline.articles, timeline.events)))
    heading = escape(plain(title) or DEFAULT_HEADING)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="timeline">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading}: {summary}</title>
<style>{css}</style>
</head>
<body>
<a class="skip" href="#events">Skip to the list of events</a>
<header><h1>{heading}</h1><p class="summary">{summary}</p></header>
<main>
{chart}
{_lists_html(timeline, keys)}
</main>
<script type="application/json" id="timeline-data">{_json_for_script(payload)}</script>
{plotly_tag}
<script>{page_js}</script>
</body>
</html>
"""
