"""The models at the library's boundaries.

Everything a caller receives (or hands in) is one of these pydantic models; the stages in between
work on plain values.  All models serialise to JSON with ``model_dump(mode="json")``.

Offsets (``start``/``end``) are character offsets into the text of the article they come from,
``end`` exclusive, as in Python slicing.
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
from enum import Enum
from typing import Literal, Optional
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, model_validator

from timeline.terminal import SHOWN_CHARS, quoted

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class Granularity(str, Enum):
    """How precisely a date is known."""

    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    MILLENNIUM = "millennium"


class Relation(str, Enum):
    """Where an event lies relative to the article's publication, as its tense tells."""

    BEFORE = "before"
    OVERLAP = "overlap"
    AFTER = "after"
    UNKNOWN = "unknown"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(_Model):
    """One news article, as read from a file, a record or stdin."""

    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    path: Optional[str] = Field(None, description="the file (or 'file:line' for JSONL, '-' for stdin)")
    source: Optional[str] = Field(None, description="the outlet, e.g. 'Sputnik'")
    published: Optional[dt.datetime] = Field(
        None, description="publication time; a date alone is midnight with no zone"
    )

    @property
    def label(self) -> str:
        """A short human name for the article: its title, else its file, else its url."""
        return self.title or self.path or self.url or "article"


class ArticleError(_Model):
    """An input that could not be read; ``message`` is one line naming the problem."""

    path: str
    message: str
    reason: str = Field("unreadable", description="short category for summaries: empty, binary, ...")

    def __str__(self) -> str:  # the one-line error the CLI prints
        return f"{self.path}: {self.message}"


class TimeExpression(_Model):
    """A time expression found in text, with its TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str = Field(description="TIMEX3 value: 2017-09-03, 2014-10, 2017-W36, P3Y, PAST_REF, ...")
    mod: Optional[str] = Field(None, description="TIMEX3 mod: START, MID, END, APPROX, BEFORE, ...")
    quant: Optional[str] = Field(None, description="TIMEX3 quant for sets: EACH, EVERY, ...")
    freq: Optional[str] = Field(None, description="TIMEX3 freq for sets: 2X, ...")
    resolved: bool = Field(
        True,
        description="False when the value needed an anchor that was missing (value keeps X's)",
    )
    anchor: Optional[str] = Field(
        None, description="what the value was anchored to: 'publication', 'context' or None"
    )
    rule: Optional[str] = Field(None, description="the rule that produced it, for explanations")


class DateSpan(_Model):
    """The calendar period an event is placed in."""

    value: str = Field(description="the TIMEX3 value the period comes from")
    start: dt.date = Field(description="first day of the period")
    end: dt.date = Field(description="last day of the period (inclusive)")
    granularity: Granularity
    time: Optional[str] = Field(None, pattern=r"^\d\d:\d\d$", description="time of day when known, 'HH:MM'")

    @model_validator(mode="after")
    def _in_order(self) -> "DateSpan":
        if self.start > self.end:  # (no period ends before it starts: ordering and merging assume it)
            raise ValueError(f"a period cannot end ({self.end}) before it starts ({self.start})")
        return self


class Span(_Model):
    """A piece of text with its offsets in the article."""

    text: str
    start: int
    end: int


class Source(_Model):
    """One article's report of an event."""

    title: Optional[str] = None
    url: Optional[str] = None
    path: Optional[str] = None
    source: Optional[str] = Field(None, description="the outlet that published the article, e.g. 'Reuters'")
    published: Optional[dt.datetime] = None
    sentence: str = ""
    sentence_start: int = Field(0, description="offset of the sentence in the article text")
    trigger: Optional[Span] = None
    time_expression: Optional[TimeExpression] = None

    @property
    def label(self) -> str:
        return self.title or self.path or self.url or "article"

    @property
    def article_key(self) -> str:
        """Which article this is: its file, else its url, else its title."""
        return self.path or self.url or self.title or ""

    @property
    def site(self) -> Optional[str]:
        """The web site of its ``url``: see :func:`web_site`."""
        return web_site(self.url)


def web_site(url: Optional[str]) -> Optional[str]:
    """The web site of ``url`` ('www.bbc.co.uk/news/1' -> 'bbc.co.uk'), or None (no url, or one
    that does not parse: article metadata is untrusted)."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


class Salience(_Model):
    """Why an event matters to the story, in parts a reader can check.

    ``score`` combines the parts (higher is more important); the parts are what it is made of.
    """

    score: float = Field(0.0, allow_inf_nan=False, description="the combined score: higher is more important")
    articles: int = Field(0, description="distinct articles that report the event")
    outlets: int = Field(0, description="distinct outlets (sources) that report it")
    date_mentions: int = Field(0, description="how often the whole collection refers to the event's date")
    lead: bool = Field(False, description="reported in an article's lead paragraph")
    reported: bool = Field(False, description="reported after the fact, not only anticipated")
    copies: int = Field(0, description="reports that are reprints of another article's text (wire copy)")
    topicality: float = Field(0.0, allow_inf_nan=False,
                              description="how widely the collection's articles use the words of its "
                                          "sentence, 0..1: the story's own happenings score high")


class Event(_Model):
    """A happening a reader would write down, with where it was reported.

    ``sentence``, ``trigger`` and ``time_expression`` are those of the first source; every source
    keeps its own sentence.  ``date`` is empty for events the articles give no date for; their
    ``relation`` to publication then says what the tense tells.
    """

    id: str
    title: str
    sentence: str
    trigger: Span
    time_expression: Optional[TimeExpression] = None
    date: Optional[DateSpan] = None
    relation: Relation = Relation.UNKNOWN
    kind: Literal["occurrence", "statement", "state"] = "occurrence"
    actors: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    salience: Optional[Salience] = Field(None, description="how much the event matters, once merged")
    key: bool = Field(False, description="one of the story's key events (the best-scored ones)")

    @property
    def dated(self) -> bool:
        return self.date is not None


class Timeline(_Model):
    """The merged, ordered events of a set of articles."""

    events: list[Event] = Field(default_factory=list, description="dated events in order, then undated")
    articles: list[Source] = Field(default_factory=list, description="the articles read")
    errors: list[ArticleError] = Field(default_factory=list, description="inputs that failed")

    @property
    def dated(self) -> list[Event]:
        return [e for e in self.events if e.date is not None]

    @property
    def undated(self) -> list[Event]:
        return [e for e in self.events if e.date is None]

    @property
    def key_events(self) -> list[Event]:
        return [e for e in self.events if e.key]


class SummarySource(_Model):
    """An article that a summary sentence comes from or is supported by."""

    sentence: int = Field(description="index of the sentence (in the day's ``sentences``) it supports")
    title: Optional[str] = None
    source: Optional[str] = Field(None, description="the outlet")
    url: Optional[str] = None
    path: Optional[str] = None
    published: Optional[dt.datetime] = None


class DaySummary(_Model):
    """One day of a summary timeline: the sentences that best say what happened, with sources."""

    date: dt.date
    sentences: list[str] = Field(default_factory=list)
    sources: list[SummarySource] = Field(
        default_factory=list, description="the articles behind each sentence (``sentence`` is its index)"
    )


def require(value, kinds, what: str) -> None:
    """A ``TypeError`` naming the argument (``what``) when ``value`` is not of ``kinds`` (a type
    or a tuple of types): a caller's mistake told as one, not as an error from deep inside."""
    if not isinstance(value, kinds):
        names = " or ".join(kind.__name__ for kind in (kinds if isinstance(kinds, tuple) else (kinds,)))
        raise TypeError(f"{what} must be {names}, not {type(value).__name__}")


def require_workers(workers) -> int:
    """A number of worker processes as an int: a ``TypeError`` or ``ValueError`` for one that is no
    whole number (of any integer type: NumPy's too) of 1 or more."""
    if isinstance(workers, bool) or not isinstance(workers, numbers.Integral):
        raise TypeError(f"workers must be a whole number, not {type(workers).__name__}")
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    return int(workers)


def coerce_published(value: "dt.datetime | dt.date | str | None") -> Optional[dt.datetime]:
    """A publication date given as a datetime, a date or an ISO string, as a datetime.

    A date alone becomes midnight with no zone; a date with a zone ('2017-09-06+03:00'), midnight
    in that zone.  Raises ``ValueError`` on an impossible date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    text = str(value).strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        if _DAY_ZONE.match(text):  # a day with a zone and no time ('2017-09-06+03:00'): its midnight there
            text = f"{text[:10]}T00:00{text[10:]}"
        elif not _ISO_DAY_FIRST.match(text):  # (Python also reads '20170906' and '2017-W36-3')
            raise ValueError("not YYYY-MM-DD")
        elif text[10:11] not in ("", "T", "t", " "):  # (Python takes any character there: '2017-09-06x10:30')
            raise ValueError("a time follows its day after 'T' or a space")
        # (ISO's end of the day, '24:00', is the next day's start; a leap second, ':60', the second before)
        text, next_day = _END_OF_DAY.subn(r"\g<1>00:00", text, 1)
        found = dt.datetime.fromisoformat(_LEAP_SECOND.sub(r"\g<1>59", text, 1))
        return found + dt.timedelta(days=1) if next_day else found
    except (ValueError, OverflowError) as exc:
        if len(text) > SHOWN_CHARS:  # (the value, and the parser's message that repeats it, cut short)
            raise ValueError(f"invalid date {quoted(text)} (not ISO 8601: use "
                             "2017-09-06 or 2017-09-06T10:00+03:00)") from None
        reason = "UTC offset out of range: at most 23:59 either way" if "offset must be" in str(exc) else exc
        raise ValueError(f"invalid date {value!r} ({reason})") from None


_ISO_DAY_FIRST = re.compile(r"\d{4}-\d\d-\d\d(?![\d-])")  # a date written as the day first: 2017-09-06
_DAY_ZONE = re.compile(r"\d{4}-\d\d-\d\d[+-]\d\d(?::?\d\d)?$")
_END_OF_DAY = re.compile(r"^(\d{4}-\d\d-\d\d[T ])24:00(?=(?::00(?:\.0+)?)?(?:[+-]|$))")
_LEAP_SECOND = re.compile(r"^(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:)60(?=[.+-]|$)")
