"""What several renderers share: lanes, readable dates and counts, safe links, the phrase in its sentence.

Pure functions of the models; no format knows another's output.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from html import escape
from pathlib import PurePath
from urllib.parse import quote, urlsplit

from timeline.models import DateSpan, Event, Granularity, Source, Span, TimeExpression
from timeline.temporal.calendar import clock
from timeline.text import name_key, without_invisible

LANES = ("source", "none")
SINGLE_LANE = "Events"
UNKNOWN_SOURCE = "Unknown source"
UNKNOWN_OUTLET = "Outlet not given"  # the one lane of articles with neither an outlet nor a web address
OTHER_OUTLETS = "Other outlets"
ALL_OUTLETS = "All outlets"  # the one lane when no outlet has enough articles for its own
MAX_LANES = 8  # outlets that keep a lane of their own; the rest share OTHER_OUTLETS
_OWN_LANES = frozenset(name.casefold() for name in (SINGLE_LANE, UNKNOWN_OUTLET, OTHER_OUTLETS, ALL_OUTLETS))

# Characters that change how the text around them is laid out or read, and that no title needs:
# the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069: "Bank
# \u202egnp.exe" would show as "Bank exe.png"), C0 and C1 controls, and the line/paragraph
# separators.  Right-to-left text keeps its direction: it comes from its letters, not from these.
_LAYOUT_CONTROLS = re.compile("[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]+")
# characters that hide text, showing none themselves: tags (U+E0000 to U+E007F, which can carry a
# message no reader sees) and interlinear annotation marks
_HIDING = re.compile("[\U000e0000-\U000e007f\ufff9-\ufffb]+")

RELATION_LABELS = {
    "before": "before publication",
    "overlap": "around publication",
    "after": "after publication",
    "unknown": "position unknown",
}


def check_lanes(lanes: str) -> None:
    if lanes not in LANES:
        raise ValueError(f"unknown lanes {lanes!r}: choose one of {', '.join(LANES)}")


def plain(text: str | None) -> str:
    """``text`` safe to lay out as one run of plain text: layout controls (bidi overrides and
    isolates, control characters, line separators) become spaces, runs of spaces one space, and
    characters that hide text (tags, interlinear annotation marks) are dropped."""
    if not text:
        return ""
    return " ".join(_LAYOUT_CONTROLS.sub(" ", _HIDING.sub("", text)).split())


def outlet(source: Source) -> str:
    """The outlet an article comes from: its ``source``, else its web site, else UNKNOWN_OUTLET;
    without the invisible characters that would make two lanes of one name ('Reuters' and
    'Reuters' followed by a zero-width space), and in quotation marks when it has the name of
    one of the page's own lanes ('Other outlets')."""
    name = plain(without_invisible(source.source or "")) or plain(source.site)
    if not name:
        return UNKNOWN_OUTLET
    # (an outlet named as one of the page's own lanes is quoted: it is not that lane)
    return f"\u201c{name}\u201d" if name.casefold() in _OWN_LANES else name


def outlet_key(source: Source) -> str:
    """The outlet of an article as outlets are compared: one outlet however its name is written
    ('Reuters', 'reuters ', 'REUTERS')."""
    return name_key(outlet(source))


_UNKNOWN_KEY = name_key(UNKNOWN_OUTLET)


def source_label(source: Source) -> str:
    """A short name for an article: its title, else its file name, else its web host."""
    if source.title and source.title.strip():
        return " ".join(source.title.split())
    if source.path:
        return PurePath(source.path).name or source.path
    if source.url:
        return source.site or source.url
    return UNKNOWN_SOURCE


def _article_key(source: Source) -> tuple:
    return (source.path, source.url, source.title, source.source)


def outlet_count(articles: list[Source], events: list[Event]) -> int:
    """How many outlets (compared as :func:`outlet_key` compares them) ``articles`` and the sources of ``events`` come
    from, the unknown one aside."""
    names = {outlet_key(source) for source in articles}
    names.update(outlet_key(source) for event in events for source in event.sources)
    return len(names - {_UNKNOWN_KEY})


def outlet_lanes(articles: list[Source], events: list[Event], lanes: str, most: int = MAX_LANES, key=None,
                 reporting: bool = False) -> tuple[list[str], dict[str, int], list[int]]:
    """The lanes of a collection's chart: ``(names, lane of each outlet, articles per lane)``.

    One lane per outlet (compared as :func:`outlet_key` compares them), the biggest first: most articles, then most
    reports of key events (``key(event)``, default ``event.key``), then most reports.  Past
    ``most`` + 1 outlets, the ``most`` biggest keep their lane (if they have more than one
    article) and the others share OTHER_OUTLETS: 2,500 one-article outlets make one lane.  The
    articles are ``articles`` (the timeline's) and any others that report ``events``; with
    ``reporting``, only the outlets that report one of ``events`` have a lane (a chart's: an outlet
    whose articles gave only undated events would be an empty lane), each counting all its articles.
    """
    if lanes == "none":
        return [SINGLE_LANE], {}, [len(articles)]
    key = key or (lambda event: event.key)
    seen: dict[tuple, Source] = {}
    for source in articles:
        seen.setdefault(_article_key(source), source)
    reports: Counter = Counter()
    key_reports: Counter = Counter()
    for event in events:  # outlets known only from the events still get a lane
        is_key = key(event)
        for source in event.sources:
            seen.setdefault(_article_key(source), source)
            name = outlet_key(source)
            reports[name] += 1
            key_reports[name] += is_key
    counts: Counter = Counter()
    shown: dict[str, str] = {}
    for source in seen.values():
        name = outlet_key(source)
        shown.setdefault(name, outlet(source))
        counts[name] += 1
    if reporting:
        counts = Counter({name: n for name, n in counts.items() if reports[name]})
    if not counts:
        counts[_UNKNOWN_KEY] = 0
        shown[_UNKNOWN_KEY] = UNKNOWN_OUTLET
    ranked = sorted(counts, key=lambda k: (-counts[k], -key_reports[k], -reports[k], k))
    # an outlet with a single article among many has no lane of its own
    kept = ranked if len(ranked) <= most + 1 else [k for k in ranked[:most] if counts[k] > 1]
    names = [shown[k] for k in kept]
    sizes = [counts[k] for k in kept]
    lane_of = {k: i for i, k in enumerate(kept)}
    if len(kept) < len(ranked):
        rest = ranked[len(kept):]
        names.append(OTHER_OUTLETS if kept else ALL_OUTLETS)
        sizes.append(sum(counts[k] for k in rest))
        lane_of.update({k: len(kept) for k in rest})
    return names, lane_of, sizes


def event_lanes(event: Event, lane_of: dict[str, int], lanes: str) -> list[int]:
    """The lanes (numbers from :func:`outlet_lanes`) ``event`` is drawn in."""
    if lanes == "none":
        return [0]
    found = dict.fromkeys(lane_of[outlet_key(s)] for s in event.sources)
    return list(found) or [lane_of.get(_UNKNOWN_KEY, 0)]


def comparable_time(when: dt.datetime) -> dt.datetime:
    """A publication time that compares with any other: a zoned one in UTC (clocks of different
    zones are compared in one), without its zone; an unzoned one as written."""
    if when.tzinfo is not None:
        try:
            when = when.astimezone(dt.timezone.utc)
        except OverflowError:  # (at the calendar's edge: its own clock)
            pass
        when = when.replace(tzinfo=None)
    return when


def first_lane(event: Event, lane_of: dict[str, int], lanes: str) -> int:
    """The lane of the outlet that reported ``event`` first once it had happened (by
    publication: an announcement written before the day does not decide; a report dated to the
    day only comes after one of that day with its time; the earlier listed source on a tie or
    without dates)."""
    if lanes == "none" or not event.sources:
        return event_lanes(event, lane_of, lanes)[0]
    day = event.date.start if event.date is not None else None

    def published(k: int):
        when = event.sources[k].published
        if when is None:
            return (2, dt.date.min, 1, dt.datetime.min, k)
        # (a day without its time is 'at some time that day': after one of that day whose time is
        # known)
        dated_only = when.tzinfo is None and when.time() == dt.time(0)
        when = comparable_time(when)
        return (1 if day is not None and when.date() < day else 0, when.date(), dated_only, when, k)

    first = event.sources[min(range(len(event.sources)), key=published)]
    return lane_of[outlet_key(first)]


_INVISIBLE_IN_LINKS = frozenset({"Cc", "Cf", "Zl", "Zp"})  # controls, format characters, line and paragraph separators


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) address that may become a link, else None; an
    invisible character in it (a bidi override or mark, a zero-width space, a line separator) is
    percent-encoded, as a browser sends it, so that none reaches the page as written."""
    if not url:
        return None
    url = url.strip()
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        return None
    url = "".join(quote(c, safe="") if unicodedata.category(c) in _INVISIBLE_IN_LINKS else c for c in url)
    try:
        parts = urlsplit(url)
    except ValueError:  # 'http://[oops': no address a link can go to
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def date_label(span: DateSpan, weekday: bool = True) -> str:
    """The period of ``span`` as a reader writes it: 'Wednesday 6 September 2017', 'October 2014'."""
    start, end = span.start, span.end
    day = f"{start:%A} {_day(start)}" if weekday else _day(start)
    if clock(span):
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
    """``n`` and ``noun``, in the plural unless ``n`` is one: '1 article', '2,500 articles'."""
    return f"{n} {noun}" if n == 1 else f"{n:,} {noun}s"


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


def marked_parts(sentence: str, where) -> list[str]:
    """``[before, phrase, after]`` (plain text, see :func:`plain`) when the date phrase was found
    at ``where`` (``(start, end)``), else ``[sentence]`` (``where`` is None)."""
    if not where:
        return [plain(sentence)]
    start, end = where
    before, phrase, after = sentence[:start], sentence[start:end], sentence[end:]
    # keep the spaces around the phrase that plain() would take from the pieces' ends
    return [plain(before) + (" " if before[-1:].isspace() else ""), plain(phrase),
            (" " if after[:1].isspace() else "") + plain(after)]


def marked_html(sentence: str, where) -> str:
    """``sentence`` as escaped HTML of plain text (see :func:`plain`), the date phrase at
    ``where`` (``(start, end)`` or None) in <mark>."""
    parts = marked_parts(sentence, where)
    if len(parts) == 3:
        return f"{escape(parts[0])}<mark>{escape(parts[1])}</mark>{escape(parts[2])}"
    return escape(parts[0])


SOURCES_WHOLE = 6  # an event with up to this many sources lists them all; one with more lists...
SOURCES_SHOWN = 5  # ...this many, and the number of the others, which open on request


def sources_in_view(sources: list[Source]) -> list[Source]:
    """``sources`` in the order a list of them shows: the first (the report the event's sentence
    comes from), then the earliest report of all when it came before that one, then the earliest
    report of each other outlet, up to :data:`SOURCES_SHOWN`; then the others; all but the first
    earliest first.  Of a happening told by two hundred articles, the few shown are five outlets'
    first reports rather than one outlet's five, and the first report of all is among them."""
    if not sources:  # (an event made by hand may have none)
        return []
    order = [0] + sorted(range(1, len(sources)), key=lambda k: (_published_day(sources[k]), k))
    if len(sources) <= SOURCES_WHOLE:
        return [sources[k] for k in order]
    chosen, outlets = [0], {outlet(sources[0])}
    if _published_day(sources[order[1]]) < _published_day(sources[0]):
        chosen.append(order[1])
        outlets.add(outlet(sources[order[1]]))
    for k in order[1:]:
        if len(chosen) == SOURCES_SHOWN:
            break
        if outlet(sources[k]) not in outlets:
            outlets.add(outlet(sources[k]))
            chosen.append(k)
    for k in order:  # (fewer outlets than that: the next reports fill the places)
        if len(chosen) == SOURCES_SHOWN:
            break
        if k not in chosen:
            chosen.append(k)
    shown = set(chosen)
    return [sources[k] for k in order if k in shown] + [sources[k] for k in order if k not in shown]


def _published_day(source: Source) -> dt.date:
    """The day a report was published; an undated one after every dated one."""
    return source.published.date() if source.published is not None else dt.date.max


def first_source(event: Event) -> Source | None:
    return event.sources[0] if event.sources else None


def event_phrase(event: Event):
    """The date phrase's position in the event's sentence, or None."""
    src = first_source(event)
    return locate(event.sentence, src.sentence_start if src else 0, event.time_expression)


def source_phrase(source: Source):
    """The date phrase's position in the source's own sentence, or None."""
    return locate(source.sentence, source.sentence_start, source.time_expression)


FALLBACK_KEY = 30  # key events of a timeline that marks none (one made by hand)
_WEIGHTIEST = 1e12  # a score beyond this (only set by hand) weighs as much


def weight(event: Event) -> int:
    """How strongly an event asks for a label: its salience, else its number of sources."""
    if event.salience is not None:
        return round(max(-_WEIGHTIEST, min(event.salience.score, _WEIGHTIEST)) * 100)
    return 100 * len(event.sources)


def key_events(dated: list[Event], fallback: int = FALLBACK_KEY) -> list[bool]:
    """Which dated events are key: those marked ``key``; when none is (a timeline made by hand),
    the ``fallback`` best by salience, else by number of sources."""
    if any(e.key for e in dated):
        return [e.key for e in dated]
    best = set(sorted(range(len(dated)), key=lambda i: -weight(dated[i]))[:fallback])
    return [i in best for i in range(len(dated))]
