"""Many machines: the pipeline on a Dask cluster, merging on the cluster too.

``build_timeline_dask`` takes a Dask bag of inputs (Article models or paths), or a plain list of
them, and returns the same ``Timeline`` as ``timeline.build_timeline`` on one machine:

1. each partition's inputs are read and turned into events on the workers;
2. events are shuffled into blocks by date (``timeline.merge.date_block_key``) and merged within
   each block on the workers (``merge_block``), so no process ever merges every event;
3. only the merged events come back, to be put in timeline order (``order_events``).

Paths are read by the workers, so they must see the same files (a shared or network file
system, or the same relative paths from the workers' working directory).

Needs the ``dask`` extra: ``pip install 'timeline[dask]'``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import dask
import dask.bag as db

from timeline.articles import expand_path
from timeline.merge import date_block_key, merge_block, order_events
from timeline.models import ArticleError, Timeline, coerce_published
from timeline.pipeline import article_events, article_source, iter_inputs

MAX_PARTITIONS = 1000  # a list of paths is cut into at most this many partitions by default

def build_timeline_dask(inputs, published=None, partitions: int | None = None) -> Timeline:
    """The timeline of ``inputs`` computed on the current Dask scheduler (e.g. a ``Client``).

    ``inputs``: a ``dask.bag.Bag`` of Article models or paths, or a list of them (folders in a
    list are expanded here, on the caller's machine, into one path a file).  ``partitions``: how
    many partitions a list is cut into (default: about one per 8 files, at most MAX_PARTITIONS).
    """
    override = coerce_published(published)
    bag = inputs if isinstance(inputs, db.Bag) else _bag_of(inputs, partitions)
    numbered = db.from_delayed(
        [dask.delayed(_partition_events)(part, index, override) for index, part in enumerate(bag.to_delayed())]
    )
    read = numbered.map(_read_report)
    blocks = (
        numbered.map(_numbered_events).flatten()
        .groupby(lambda numbered_event: date_block_key(numbered_event[1]))
        .map(_merge_block)
    )
    reports, merged = dask.compute(read, blocks)
    articles = [report for _, report in sorted(reports, key=lambda pair: pair[0])]
    # Blocks in the order of their first event, as merge_events concatenates them (ties keep it).
    events = [event for _, block in sorted(merged, key=lambda pair: pair[0]) for event in block]
    return Timeline(
        events=order_events(events),
        articles=[report for report in articles if not isinstance(report, ArticleError)],
        errors=[report for report in articles if isinstance(report, ArticleError)],
    )


def _bag_of(inputs, partitions: int | None) -> db.Bag:
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    items = [path for item in inputs for path in (expand_path(item) if isinstance(item, (str, Path)) else [item])]
    if not items:
        return db.from_sequence([], npartitions=1)
    return db.from_sequence(items, npartitions=partitions or min(max(1, len(items) // 8), MAX_PARTITIONS))


def _partition_events(items, partition: int, published: dt.datetime | None):
    """Every article of one partition with its events, numbered (partition, article) in order."""
    return [((partition, number), *article_events(item))
            for number, item in enumerate(iter_inputs(list(items), published))]


def _read_report(numbered_result):
    """What comes back per article: its place, and its Source or its error."""
    place, item, _ = numbered_result
    return place, item if isinstance(item, ArticleError) else article_source(item)


def _numbered_events(numbered_result):
    place, _, events = numbered_result
    return [((*place, number), event) for number, event in enumerate(events)]


def _merge_block(block):
    """One date block merged, its events first put back in article order; keyed by its first."""
    _, numbered_events = block
    numbered_events = sorted(numbered_events, key=lambda pair: pair[0])
    return numbered_events[0][0], merge_block([event for _, event in numbered_events])
