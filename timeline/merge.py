"""One event per happening: merging within and across articles, and ordering.

Two events are the same happening when their dates are compatible (the same day, or one's period
contains the other's), they are of the same kind, and they say the same thing: statements by the
same speaker, or occurrences named by the same verb or noun lemma ('met', 'meeting') with a
shared actor, the same article, or much the same title words.  An undated event can join a dated
one that lies within :data:`UNDATED_WINDOW_DAYS` of its article's publication on the side its
tense tells ("Peskov said" in one article, "Peskov said Wednesday" in another).

Scaling: events are blocked by :func:`date_block_key` (the year of their date, or of their
publication when undated) and, inside a block, by the kind and lemma or speaker; within such a
group only events whose periods overlap are compared (a sweep over start dates), and the matches
are joined as connected components.  So nothing compares every pair of events.

Distributed use (the Dask path): group events by :func:`date_block_key`, keeping their input
order inside each group; run :func:`merge_block` on each group; concatenate the results and
pass them to :func:`order_events`.  That equals :func:`merge_events` on the whole list.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import defaultdict
from contextlib import contextmanager
from typing import Iterable, NamedTuple, Optional

from timeline.events import lemma, lexicon
from timeline.models import Event, Relation, Source
from timeline.temporal.calendar import days_after

UNDATED_WINDOW_DAYS = 2  # an undated report of a past happening: up to this many days before publication
TITLE_OVERLAP = 0.5  # share of title words two reports of one happening have in common

_FAR = dt.date.max


# -- blocking -----------------------------------------------------------------------------------


def _published(event: Event) -> Optional[dt.date]:
    for source in event.sources:
        if source.published is not None:
            return source.published.date()
    return None


def date_block_key(event: Event) -> str:
    """The block an event is merged in: the year of its date ('2017', '1990-1991' for a period
    across years), the year of its article's publication when it has no date, else 'undated'.
    Events in different blocks are never merged."""
    if event.date is not None:
        start, end = event.date.start.year, event.date.end.year
        return str(start) if start == end else f"{start}-{end}"
    published = _published(event)
    return str(published.year) if published else "undated"


def _article(event: Event) -> str:
    return _source_key(event.sources[0]) if event.sources else ""


def _source_key(source: Source) -> str:
    """Which article a source is: its file, else its url, else its title."""
    return source.path or source.url or source.title or ""


def _window(event: Event) -> tuple[dt.date, dt.date] | None:
    """The days an event can lie on: its period, or near its article's publication."""
    if event.date is not None:
        return event.date.start, event.date.end
    published = _published(event)
    if published is None:
        return None
    before = days_after(published, -UNDATED_WINDOW_DAYS)  # held at the calendar's ends
    after = days_after(published, UNDATED_WINDOW_DAYS)
    if event.relation == Relation.BEFORE:
        return before, published
    if event.relation == Relation.AFTER:
        return published, after
    return before, after


def _contains(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[0] and b[1] <= a[1]


def _compatible(a: _Report, b: _Report) -> bool:
    """Same day, or one period inside the other; an undated event within its window."""
    wa, wb = a.window, b.window
    if wa is None or wb is None:
        return wa is None and wb is None and a.article == b.article
    if a.dated and b.dated:
        return _contains(wa, wb) or _contains(wb, wa)
    if not a.dated and not b.dated:
        return wa[0] <= wb[1] and wb[0] <= wa[1]
    dated, window = (wa, wb) if a.dated else (wb, wa)
    return _contains(window, dated)


# -- similarity ---------------------------------------------------------------------------------


class _Report(NamedTuple):
    """What merging compares of one event, computed once."""

    window: Optional[tuple[dt.date, dt.date]]  # see _window(): the event's period when dated
    dated: bool
    group: tuple[str, str]  # (kind, speaker) for statements, (kind, lemma) otherwise
    surnames: frozenset[str]
    words: frozenset[str]  # the title's words, without stop words
    others: frozenset[str]  # the title's words that are not the trigger
    article: str


def _report(event: Event) -> _Report:
    lex = lexicon()
    surnames = frozenset(actor.split()[-1].lower() for actor in event.actors if actor)
    if event.kind == "statement":
        group = ("statement", event.actors[0].split()[-1].lower() if event.actors else event.title.lower())
    else:
        group = (event.kind, lemma(event.trigger.text, lex))
    words = frozenset(w for w in (t.strip(".,;:'\"\u2019").lower() for t in event.title.split())
                      if w and w not in lex.stopwords)
    others = frozenset(w for w in words if lemma(w, lex) != group[1])
    return _Report(_window(event), event.date is not None, group, surnames, words, others, _article(event))


def _alike(a: _Report, b: _Report) -> bool:
    """Whether two reports of the same group say the same: one speaker's statements, or the same
    lemma with a shared actor, in one article with nothing against it, or with similar titles."""
    if a.group[0] == "statement":
        return True  # one speaker, compatible dates: one statement
    if a.surnames & b.surnames:
        return True
    if a.article == b.article and not (a.surnames and b.surnames) and (
            not a.others or not b.others or a.others & b.others):
        return True  # a later mention in the same article: "today's meeting", "they talked"
    return bool(a.words and b.words) and len(a.words & b.words) / len(a.words | b.words) >= TITLE_OVERLAP


# -- merging ------------------------------------------------------------------------------------


class _Components:
    """Union-find over event indices that keeps each component's narrowest dated event, so that
    a chain of matches never joins events with incompatible dates."""

    def __init__(self, reports: list[_Report]) -> None:
        self.parent = list(range(len(reports)))
        self.dated: list[Optional[_Report]] = [r if r.dated else None for r in reports]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return
        di, dj = self.dated[ri], self.dated[rj]
        if di is not None and dj is not None and not _compatible(di, dj):
            return
        if ri > rj:
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.dated[ri] = _narrower(di, dj)


def _narrower(a: Optional[_Report], b: Optional[_Report]) -> Optional[_Report]:
    if a is None or b is None:
        return a or b
    return b if (b.window[1] - b.window[0]) < (a.window[1] - a.window[0]) else a


def _keys(report: _Report) -> list[tuple[str, ...]]:
    """The candidate groups of a report: its speaker; or its lemma with each actor, with its
    article, and (without actors) with the other events that have none."""
    if report.group[0] == "statement":
        return [report.group]
    keys = [(*report.group, "actor", s) for s in report.surnames]
    keys.append((*report.group, "article", report.article))
    if not report.surnames:
        keys.append((*report.group, "no actor"))
    return keys


def _candidate_pairs(reports: list[_Report]) -> Iterable[tuple[int, int]]:
    """Pairs of events that share a candidate group and whose date windows overlap (a sweep over
    start dates in each group)."""
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, report in enumerate(reports):
        for key in _keys(report):
            groups[key].append(i)
    for members in groups.values():
        windowed = sorted((reports[i].window[0], reports[i].window[1], i) for i in members
                          if reports[i].window is not None)
        for n, (_, end, i) in enumerate(windowed):
            for m in range(n + 1, len(windowed)):
                other_start, _, j = windowed[m]
                if other_start > end:
                    break
                yield (i, j) if i < j else (j, i)
        loose = [i for i in members if reports[i].window is None]
        for n, i in enumerate(loose):
            for j in loose[n + 1:]:
                yield i, j


def merge_block(events: list[Event]) -> list[Event]:
    """Merge the events of one block (same :func:`date_block_key`, in input order); the merged
    events come out in the input order of their first report."""
    reports = [_report(e) for e in events]
    components = _Components(reports)
    for i, j in _candidate_pairs(reports):
        if _alike(reports[i], reports[j]) and _compatible(reports[i], reports[j]):
            components.union(i, j)
    members: dict[int, list[Event]] = defaultdict(list)
    for i, event in enumerate(events):
        members[components.find(i)].append(event)
    return [_merged(group) for _, group in sorted(members.items())]


def _merged(group: list[Event]) -> Event:
    """One event from its reports: the best-dated report leads; one source per article."""
    if len(group) == 1:
        return group[0]
    dated = [e for e in group if e.date is not None]
    lead = min(dated, key=lambda e: e.date.end - e.date.start) if dated else group[0]
    ordered = [lead] + [e for e in group if e is not lead]
    sources: dict[str, Source] = {}
    for event in ordered:
        for source in event.sources:
            sources.setdefault(_source_key(source), source)
    actors: list[str] = []
    for event in ordered:
        actors.extend(a for a in event.actors if a not in actors)
    return lead.model_copy(update={"sources": list(sources.values()), "actors": actors})


def order_events(events: list[Event]) -> list[Event]:
    """Timeline order: dated events by start, a longer period before the days it contains, ties
    in input order; then undated events by their article's publication, in input order."""
    dated = [e for e in events if e.date is not None]
    undated = [e for e in events if e.date is None]
    dated.sort(key=lambda e: (e.date.start, -(e.date.end - e.date.start).days, e.date.time or ""))
    undated.sort(key=lambda e: _published(e) or _FAR)
    return dated + undated


def merge_events(events: list[Event]) -> list[Event]:
    """Merge events that report the same happening, within and across articles; returns them in
    timeline order (see :func:`order_events`)."""
    blocks: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        blocks[date_block_key(event)].append(event)
    with _no_gc():  # merging allocates much and frees nothing cyclic: skip the collector's scans
        merged = [event for block in blocks.values() for event in merge_block(block)]
        return order_events(merged)


@contextmanager
def _no_gc():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
