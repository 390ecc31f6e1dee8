"""TimelineJS 3 JSON: one slide per key event (the page's), dates as precise as they are known.

TimelineJS shows ``text.headline`` and ``text.text`` as HTML, so every piece of article text is
made plain as on the page (no bidi overrides or control characters), escaped, and only http(s)
addresses become links.
"""

from __future__ import annotations

import datetime as dt
import json
from html import escape

from timeline.models import DateSpan, Event, Granularity, Timeline
from timeline.render.common import (
    clock,
    counted,
    date_label,
    event_phrase,
    first_lane,
    key_events,
    marked_html,
    outlet_lanes,
    plain,
    safe_url,
    source_label,
)

# The date parts TimelineJS is given for each precision: a month is known to the month, etc.
_DAY_PARTS = ("year", "month", "day")
_PARTS = {
    Granularity.TIME: _DAY_PARTS,
    Granularity.DAY: _DAY_PARTS,
    Granularity.WEEK: _DAY_PARTS,
    Granularity.MONTH: ("year", "month"),
    Granularity.QUARTER: ("year", "month"),
    Granularity.SEASON: ("year", "month"),
    Granularity.HALF: ("year", "month"),
}
_YEAR_PARTS = ("year",)
# Periods that are one unit of their precision need no end date ('October 2014', '2014').
_SINGLE_UNIT = {Granularity.TIME, Granularity.DAY, Granularity.MONTH, Granularity.YEAR}


def _date(day: dt.date, parts: tuple[str, ...]) -> dict:
    return {part: getattr(day, part) for part in parts}


def _dates(span: DateSpan) -> dict:
    parts = _PARTS.get(span.granularity, _YEAR_PARTS)
    dates = {"start_date": _date(span.start, parts)}
    hour_minute = clock(span)
    if hour_minute:  # (the midnight that ends a day, 24:00, at its last minute: TimelineJS's hours are 0-23)
        hour, minute = (23, 59) if hour_minute[0] == 24 else hour_minute
        dates["start_date"].update(hour=hour, minute=minute)
    if span.granularity not in _SINGLE_UNIT:
        dates["end_date"] = _date(span.end, parts)
    dates["display_date"] = date_label(span)
    return dates


def _text(event: Event) -> str:
    sources = []
    for source in event.sources:
        label = escape(plain(source_label(source)))
        url = safe_url(source.url)
        sources.append(
            f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{label}</a>'
            if url else label
        )
    text = f"<p>{marked_html(event.sentence, event_phrase(event))}</p>"
    if sources:
        text += "<p>Sources: " + "; ".join(sources) + "</p>"
    return text


def _slide(event: Event, group: str | None) -> dict:
    slide = {
        "unique_id": event.id,
        **_dates(event.date),
        "text": {"headline": escape(plain(event.title)), "text": _text(event)},
    }
    if group is not None:
        slide["group"] = escape(plain(group))
    return slide


def render(timeline: Timeline, lanes: str = "source", title: str | None = None) -> str:
    """The TimelineJS 3 JSON of the key events, as the page shows them by default (a story's
    thousands of dated events, its stray years among them, are no slideshow: the other formats
    hold them all; ``--top`` sets how many); the other dated events and the undated ones (which
    cannot be placed) are counted on the title slide, which ``title`` heads.  With ``lanes``
    'source', each slide is in the group of the outlet that reported it first, as on the page
    (:func:`~timeline.render.common.outlet_lanes`: past the biggest outlets, the others share one
    group)."""
    names, lane_of, _ = outlet_lanes(timeline.articles, timeline.events, lanes)
    dated = timeline.dated
    shown = [event for event, key in zip(dated, key_events(dated)) if key]
    data: dict = {"events": [_slide(event, names[first_lane(event, lane_of, lanes)] if lanes != "none" else None)
                             for event in shown]}
    left = [counted(n, noun) for n, noun in ((len(dated) - len(shown), "other dated event"),
                                             (len(timeline.undated), "undated event")) if n]
    heading = plain(title)
    if left or heading:
        data["title"] = {"text": {
            "headline": escape(heading or "Timeline"),
            "text": f"<p>The {counted(len(shown), 'key event')}; {' and '.join(left)} not shown.</p>" if left else "",
        }}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
