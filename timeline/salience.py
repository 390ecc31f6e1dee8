"""Salience: how much each merged event matters to the story, and which are the key events.

The score is made of parts a reader can check (kept on ``Event.salience``):

- how many articles, and how many outlets, report the event;
- how often the whole collection refers to the event's date;
- whether it is reported in an article's lead (its first sentences);
- whether it is reported after the fact, not only anticipated.

The key events are the best-scored dated events (``Event.key``).
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Optional

from timeline.models import Event, Relation, Salience, Source

LEAD_CHARS = 400  # a sentence starting this early in its article is in the lead paragraph
DEFAULT_TOP = 30  # key events when the caller does not say


def _article_key(source: Source) -> str:
    return source.path or source.url or source.title or ""


def _outlet(source: Source) -> str:
    return source.source or _article_key(source)


def _day(event: Event) -> Optional[str]:
    return event.date.start.isoformat() if event.date is not None else None


def date_mentions(events: list[Event]) -> Counter:
    """How many reports (sources of events) refer to each day, over the whole collection."""
    counts: Counter = Counter()
    for event in events:
        day = _day(event)
        if day is not None:
            counts[day] += len(event.sources)
    return counts


def _reported(event: Event) -> bool:
    """Told after the fact by at least one source: its date ends before that article appeared,
    or its tense puts it before publication."""
    if event.relation == Relation.BEFORE:
        return True
    if event.date is None:
        return False
    return any(s.published is not None and event.date.end < s.published.date() for s in event.sources)


def salience(event: Event, mentions: Counter) -> Salience:
    """The salience of one merged event, given the collection's date mentions."""
    articles = len({_article_key(s) for s in event.sources})
    outlets = len({_outlet(s) for s in event.sources})
    day = _day(event)
    mentioned = mentions.get(day, 0) if day else 0
    lead = any(s.sentence_start < LEAD_CHARS for s in event.sources)
    reported = _reported(event)
    score = (math.log1p(articles) + math.log1p(outlets) + 0.5 * math.log1p(mentioned)
             + 0.5 * lead + 0.5 * reported)
    return Salience(score=round(score, 4), articles=articles, outlets=outlets, date_mentions=mentioned,
                    lead=lead, reported=reported)


def score_events(events: list[Event], top: Optional[int] = None) -> list[Event]:
    """The events with their salience, the ``top`` best-scored dated ones marked key (default
    :data:`DEFAULT_TOP`); order is kept."""
    mentions = date_mentions(events)
    scored = [e.model_copy(update={"salience": salience(e, mentions)}) for e in events]
    limit = DEFAULT_TOP if top is None else max(0, top)
    ranked = sorted((i for i, e in enumerate(scored) if e.date is not None),
                    key=lambda i: -scored[i].salience.score)
    for i in ranked[:limit]:
        scored[i] = scored[i].model_copy(update={"key": True})
    return scored
