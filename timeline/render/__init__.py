"""Renderers: a Timeline as an HTML page or as data other tools read.

``render(timeline, fmt)`` returns the text of one format:

- ``html``: the interactive page (plotly chart, then the events as a readable list);
- ``json``: the Timeline model; ``jsonl``: one event a line;
- ``csv``: one event a row;
- ``timelinejs``: TimelineJS 3 JSON;
- ``timeml``: TimeML 1.2 that ``timeline eval`` reads back.
"""

from __future__ import annotations

from pydantic_core import PydanticSerializationError

from timeline.models import Timeline, require
from timeline.render.common import LANES, check_lanes
from timeline.text import no_lone_surrogates

FORMATS = ("html", "json", "jsonl", "csv", "timelinejs", "timeml")

# The usual file name ending of each format, for callers that name output files.
EXTENSIONS = {
    "html": ".html",
    "json": ".json",
    "jsonl": ".jsonl",
    "csv": ".csv",
    "timelinejs": ".timelinejs.json",
    "timeml": ".tml",
}
# Every file name ending a format answers to (the first is the one it is given): ``-o t.htm``
# keeps its name.
SUFFIXES = {
    "html": (".html", ".htm"),
    "json": (".json",),
    "jsonl": (".jsonl", ".ndjson"),
    "csv": (".csv",),
    "timelinejs": (".timelinejs.json",),
    "timeml": (".tml", ".timeml"),
}


def render(timeline: Timeline, fmt: str, *, lanes: str = "source", cdn: bool = False,
           title: str | None = None) -> str:
    """``timeline`` in format ``fmt`` (one of ``FORMATS``).

    ``lanes`` ('source' or 'none') groups the events of the page and of TimelineJS; ``cdn``
    makes the page load plotly.js from its CDN instead of carrying it (a small file that needs
    the network); ``title`` heads the page and the TimelineJS title slide (plain text).  Raises
    ``ValueError`` for an unknown format or lanes.
    """
    require(timeline, Timeline, "timeline")
    if title is not None:
        require(title, str, "title")
    check_lanes(lanes)
    try:
        text = _render(timeline, fmt, lanes, cdn, title)
        text.encode("utf-8")
    except (UnicodeEncodeError, PydanticSerializationError) as error:
        # A lone surrogate (possible in a str, e.g. a file name in a foreign encoding) cannot be
        # written in any format: render a copy with U+FFFD in its place.  pydantic reports any
        # other exception raised while it writes JSON in the same class, Ctrl-C included (the
        # handler of a signal runs inside it): that one is no surrogate, and is not swallowed.
        if isinstance(error, PydanticSerializationError) and UnicodeEncodeError.__name__ not in str(error):
            raise
        text = _render(without_surrogates(timeline), fmt, lanes, cdn, title and no_lone_surrogates(title))
    return text


def without_surrogates(timeline: Timeline) -> Timeline:
    """``timeline`` with every lone surrogate in its text replaced by U+FFFD."""
    return Timeline.model_validate(_replace_surrogates(timeline.model_dump()))


def _replace_surrogates(value):
    if isinstance(value, str):
        return no_lone_surrogates(value)
    if isinstance(value, dict):
        return {key: _replace_surrogates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_replace_surrogates(item) for item in value]
    return value


def _render(timeline: Timeline, fmt: str, lanes: str, cdn: bool, title: str | None) -> str:
    # (each renderer imported when used: the page's brings plotly, which a stream of JSON lines,
    # `timeline events --jsonl`, has no use for)
    if fmt == "html":
        from timeline.render import html
        return html.render(timeline, lanes=lanes, cdn=cdn, title=title)
    if fmt == "timelinejs":
        from timeline.render import timelinejs
        return timelinejs.render(timeline, lanes=lanes, title=title)
    if fmt in ("json", "jsonl"):
        from timeline.render import json
        return json.render(timeline) if fmt == "json" else json.render_lines(timeline)
    if fmt == "csv":
        from timeline.render import csv
        return csv.render(timeline)
    if fmt == "timeml":
        from timeline.render import timeml
        return timeml.render(timeline)
    raise ValueError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")


__all__ = ["EXTENSIONS", "FORMATS", "LANES", "SUFFIXES", "render", "without_surrogates"]
