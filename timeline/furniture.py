"""Page furniture: sentences an outlet prints around its articles, not news.

A scraped article carries what its page carried: the outlet's notices ("The Associated Press
contributed to this report", "Views expressed in the comments do not represent ..."), links to
other stories, the blurb of a blog, a sidebar.  They come verbatim in article after article of
one outlet, on day after day.  News does not: a happening is told on its days, and when it is
told again later (a background sentence) it is most often dated ("The explosion of the rig in
April killed 11 people").

So a sentence is furniture when one outlet prints it word for word in at least
:data:`FURNITURE_ARTICLES` articles published on at least :data:`FURNITURE_DAYS` different days, and
none of its reports dates anything to a calendar period.  Its events are dropped before merging.
Wire copy reprinted by several outlets is not furniture (it is counted outlet by outlet), nor is
a story an outlet updates during one day, nor an article without an outlet or a date.

Measured on t17-dev (1,862 articles from 3 and 5 outlets, readers' comments already left out):
445 of 56,384 events are dropped (0.8%), from 64 sentences: notices ("The Associated Press
contributed to this report" on 20 days), calls for readers' stories, blog blurbs, the steps of
an explainer box reprinted for weeks, and a few background sentences without a date; repeated
sentences that carry a date (chronologies, "in April", "on 1 June") stay.

Pure functions over events, so that one machine (:func:`drop_furniture`) and a cluster (the
sightings of each partition, :func:`add_sightings`, :func:`furniture`) decide the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from timeline.models import Event, Source
from timeline.temporal.calendar import timex_span

FURNITURE_DAYS = 3  # different publication days an outlet repeats the sentence on
FURNITURE_ARTICLES = 3  # and articles it repeats it in

Key = tuple[str, str]  # (outlet, sentence as compared)


@dataclass
class Sighting:
    """Where a sentence of one outlet was seen: which articles, on which days, dated or not."""

    articles: set[str] = field(default_factory=set)
    days: set = field(default_factory=set)
    dated: bool = False

    def add(self, other: Sighting) -> None:
        self.articles |= other.articles
        self.days |= other.days
        self.dated = self.dated or other.dated


def _outlet(source: Source) -> str:
    """The outlet of a report (its ``source``, else its web site), or '' when unknown."""
    if source.source and source.source.strip():
        return source.source.strip().casefold()
    return (source.site or "").casefold()


def sentence_key(source: Source) -> Key | None:
    """What a report's sentence is compared by: its outlet and its words (case and spacing
    aside); None when the outlet or the sentence is unknown."""
    outlet = _outlet(source)
    text = " ".join((source.sentence or "").split()).casefold()
    return (outlet, text) if outlet and text else None


def _dates(source: Source) -> bool:
    """Whether the report's own time phrase names a calendar period ('April', 'on 1 June'), not
    only 'now' or 'recently'."""
    expression = source.time_expression
    return (expression is not None and expression.type in ("DATE", "TIME")
            and timex_span(expression.value) is not None)


def sightings(events: Iterable[Event]) -> dict[Key, Sighting]:
    """Every sentence of the reports of ``events``, with where it was seen."""
    seen: dict[Key, Sighting] = {}
    for event in events:
        for source in event.sources:
            key = sentence_key(source)
            if key is None:
                continue
            sighting = seen.setdefault(key, Sighting())
            sighting.articles.add(source.article_key)
            if source.published is not None:
                sighting.days.add(source.published.date())
            sighting.dated = sighting.dated or _dates(source)
    return seen


def add_sightings(parts: Iterable[dict[Key, Sighting]]) -> dict[Key, Sighting]:
    """The sightings of several parts of a collection, together."""
    total: dict[Key, Sighting] = {}
    for part in parts:
        for key, sighting in part.items():
            total.setdefault(key, Sighting()).add(sighting)
    return total


def furniture(seen: dict[Key, Sighting]) -> frozenset[Key]:
    """The sentences that are page furniture (see the module text)."""
    return frozenset(key for key, s in seen.items()
                     if not s.dated and len(s.days) >= FURNITURE_DAYS and len(s.articles) >= FURNITURE_ARTICLES)


def is_news(event: Event, found: frozenset[Key]) -> bool:
    """Whether an (unmerged) event comes from a sentence that is not furniture."""
    return not found or not any(sentence_key(source) in found for source in event.sources)


def drop_furniture(events: list[Event]) -> list[Event]:
    """``events`` without those told by page furniture, in the same order."""
    found = furniture(sightings(events))
    return [event for event in events if is_news(event, found)] if found else events
