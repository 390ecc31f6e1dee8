"""What several renderers share: lanes, readable dates and counts, safe links, the phrase in its sentence.

Pure functions of the models; no format knows another's output.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import PurePath
from urllib.parse import urlsplit

from timeline.models import DateSpan, Event, Granularity, Source, Span, TimeExpression

LANES = ("source", "none")
SINGLE_LANE = "Events"
UNKNOWN_SOURCE = "Unknown source"

RELATION_LABELS = {
    "before": "before publication",
    "overlap": "around publication",
    "after": "after publication",
    "unknown": "position unknown",
}


def check_lanes(lanes: str) -> None:
    if lanes not in LANES:
        raise ValueError(f"unknown lanes {lanes!r}: choose one of {', '.join(LANES)}")


def source_label(source: Source) -> str:
    """A short name for an article: its title, else its file name, else its web host."""
    if source.title and source.title.strip():
        return " ".join(source.title.split())
    if source.path:
        return PurePath(source.path).name or source.path
    if source.url:
        return urlsplit(source.url).hostname or source.url
    return UNKNOWN_SOURCE


def lanes_of(event: Event, lanes: str) -> list[str]:
    """The lanes ``event`` is drawn in: one per distinct source, or the single lane."""
    if lanes == "none":
        return [SINGLE_LANE]
    names = list(dict.fromkeys(source_label(s) for s in event.sources))
    return names or [UNKNOWN_SOURCE]


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) address that may become a link, else None."""
    if not url:
        return None
    url = url.strip()
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def date_label(span: DateSpan, weekday: bool = True) -> str:
    """The period of ``span`` as a reader writes it: 'Wednesday 6 September 2017', 'October 2014'."""
    start, end = span.start, span.end
    day = f"{start:%A} {_day(start)}" if weekday else _day(start)
    if span.granularity == Granularity.TIME and span.time:
        return f"{day}, {span.time}"
    if start == end:
        return day
    if span.granularity == Granularity.MONTH:
        return f"{start:%B} {start.year}"
    if span.granularity == Granularity.YEAR:
        return str(start.year)
    if start.year == end.year:
        return f"{start.day} {start:%B} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


def precision_label(granularity: Granularity) -> str:
    """How precisely a date is known, for readers: 'known to the month'."""
    unit = "time of day" if granularity == Granularity.TIME else granularity.value
    return f"known to the {unit}"


def counted(n: int, noun: str) -> str:
    """``n`` and ``noun``, in the plural unless ``n`` is one: '1 article', '3 articles'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b} {day.year}"


def locate(sentence: str, sentence_start: int, piece: TimeExpression | Span | None):
    """Where ``piece`` (with article offsets) lies in ``sentence``: ``(start, end)`` or None.

    The article offsets are trusted when they point at the piece's text; otherwise the piece's
    first occurrence in the sentence is taken.
    """
    if piece is None or not piece.text:
        return None
    start = piece.start - sentence_start
    end = start + len(piece.text)
    if 0 <= start and sentence[start:end] == piece.text:
        return start, end
    found = sentence.find(piece.text)
    return (found, found + len(piece.text)) if found >= 0 else None


def marked_html(sentence: str, where) -> str:
    """``sentence`` as escaped HTML, the date phrase at ``where`` (``(start, end)`` or None) in <mark>."""
    if not where:
        return escape(sentence)
    start, end = where
    return (escape(sentence[:start]) + "<mark>" + escape(sentence[start:end]) + "</mark>"
            + escape(sentence[end:]))


def first_source(event: Event) -> Source | None:
    return event.sources[0] if event.sources else None


def event_phrase(event: Event):
    """The date phrase's position in the event's sentence, or None."""
    src = first_source(event)
    return locate(event.sentence, src.sentence_start if src else 0, event.time_expression)


def source_phrase(source: Source):
    """The date phrase's position in the source's own sentence, or None."""
    return locate(source.sentence, source.sentence_start, source.time_expression)
