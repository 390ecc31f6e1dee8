"""Many machines: the pipeline on a Dask cluster, merging on the cluster too.

``build_timeline_dask`` takes a Dask bag of inputs (Article models or paths), or a plain list of
them, and returns the same ``Timeline`` as ``timeline.build_timeline`` on one machine:

1. each partition's inputs are read and turned into events on the workers, which keep them
   sorted into date blocks (``timeline.merge.date_block_key``);
2. one task a block gathers that block's events from every partition and merges them
   (``merge_block``), so events travel once, worker to worker, and no process merges them all;
3. only the merged events come back, to be put in timeline order (``order_events``).

Paths are read by the workers, so they must see the same files (a shared or network file
system, or the same relative paths from the workers' working directory).

Needs the ``dask`` extra: ``pip install 'timeline[dask]'``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import dask
import dask.bag as db

from timeline.articles import expand_path
from timeline.merge import date_block_key, merge_block, order_events
from timeline.models import ArticleError, Timeline, coerce_published
from timeline.pipeline import article_events, article_source, iter_inputs
from timeline.salience import score_events

# A list of paths is cut into partitions of about this many files (a task of a few tenths of a
# second: smaller ones cost more in scheduling than they gain), and at most so many partitions.
FILES_PER_PARTITION = 100
MAX_PARTITIONS = 1000


def build_timeline_dask(inputs, published=None, partitions: int | None = None, top: int | None = None) -> Timeline:
    """The timeline of ``inputs`` computed on the current Dask scheduler (e.g. a ``Client``).

    ``inputs``: a ``dask.bag.Bag`` of Article models or paths, or a list of them (folders in a
    list are expanded here, on the caller's machine, into one path a file).  ``partitions``: how
    many partitions a list is cut into (default: one per FILES_PER_PARTITION files, at most
    MAX_PARTITIONS).
    """
    override = coerce_published(published)
    bag = inputs if isinstance(inputs, db.Bag) else _bag_of(inputs, partitions)
    parts = dask.persist(*[dask.delayed(_partition_events)(items, index, override)
                           for index, items in enumerate(bag.to_delayed())])
    reports, keys = dask.compute([dask.delayed(_reports)(part) for part in parts],
                                 [dask.delayed(_block_keys)(part) for part in parts])
    merges = [dask.delayed(_merge_block)([dask.delayed(_block)(part, key) for part in parts])
              for key in sorted(set().union(*keys))]
    merged = dask.compute(*merges)
    articles = [report for _, report in sorted((pair for part in reports for pair in part), key=lambda pair: pair[0])]
    # Blocks in the order of their first event, as merge_events concatenates them (ties keep it).
    events = [event for _, block in sorted(merged, key=lambda pair: pair[0]) for event in block]
    return Timeline(
        events=score_events(order_events(events), top),
        articles=[report for report in articles if not isinstance(report, ArticleError)],
        errors=[report for report in articles if isinstance(report, ArticleError)],
    )


def _bag_of(inputs, partitions: int | None) -> db.Bag:
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    items = [path for item in inputs for path in (expand_path(item) if isinstance(item, (str, Path)) else [item])]
    if not items:
        return db.from_sequence([], npartitions=1)
    return db.from_sequence(items, npartitions=partitions or min(max(1, len(items) // FILES_PER_PARTITION), MAX_PARTITIONS))


def _partition_events(items, partition: int, published: dt.datetime | None):
    """One partition read and extracted: a report an article, and its events by date block.

    Articles are numbered (partition, article) and events (partition, article, event), so the
    input order can be restored anywhere.
    """
    reports, blocks = [], defaultdict(list)
    for number, item in enumerate(iter_inputs(list(items), published)):
        item, events = article_events(item)
        reports.append(((partition, number), item if isinstance(item, ArticleError) else article_source(item)))
        for place, event in enumerate(events):
            blocks[date_block_key(event)].append(((partition, number, place), event))
    return reports, dict(blocks)


def _reports(part):
    return part[0]


def _block_keys(part):
    return set(part[1])


def _block(part, key):
    return part[1].get(key, [])


def _merge_block(pieces):
    """One date block merged, its events first put back in input order; keyed by its first."""
    numbered_events = sorted((pair for piece in pieces for pair in piece), key=lambda pair: pair[0])
    return numbered_events[0][0], merge_block([event for _, event in numbered_events])
