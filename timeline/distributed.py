"""Many machines: the pipeline on a Dask cluster, merging on the cluster too.

``build_timeline_dask`` takes a Dask bag of inputs (Article models or paths), or a plain list of
them, and returns the same ``Timeline`` as ``timeline.build_timeline`` on one machine:

1. each partition's inputs are read and turned into events on the workers, which keep them
   numbered in input order and sorted into date blocks (``timeline.merge.block_keys``: an event
   whose date window crosses a block edge is in each block it touches); the sentences each
   partition has seen are summed to find the page furniture (``timeline.furniture``), whose
   events each partition then drops;
2. the collection's word counts are summed over partitions (``word_counts``);
3. one task a block gathers that block's events from every partition and finds the matches
   among them (``block_edges``): only the matches, pairs of event numbers, come back;
4. the matches are joined into happenings on the caller's machine (``join``: a union-find over
   numbers, small), and each partition's happenings are merged by one task (``merge_groups``),
   which gathers their events from every partition; only merged events come back, to be put in
   timeline order (``order_events``) and scored (``score_events``).

The result is the one ``merge_events`` gives in one process: the same blocks, the same counts,
the same matches joined strongest first.

Paths are read by the workers, so they must see the same files (a shared or network file
system, or the same relative paths from the workers' working directory).

Needs the ``dask`` extra: ``pip install 'timeline[dask]'``.
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections import defaultdict
from pathlib import Path

import dask
import dask.bag as db

from timeline.articles import expand_path, path_list
from timeline.furniture import add_sightings, furniture, is_news, sightings
from timeline.merge import add_counts, block_edges, block_keys, info, join, merge_groups, order_events, word_counts
from timeline.models import ArticleError, Timeline, coerce_published
from timeline.pipeline import article_events, article_source, iter_inputs, named, once, require_top
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
    top = require_top(top)
    if partitions is not None and (isinstance(partitions, bool) or not isinstance(partitions, numbers.Integral)
                                   or partitions < 1):
        raise ValueError(f"partitions must be a whole number, 1 or more, not {partitions!r}")
    partitions = None if partitions is None else int(partitions)
    override = coerce_published(published)
    bag = inputs if isinstance(inputs, db.Bag) else _bag_of(inputs, partitions)
    parts = dask.persist(*[dask.delayed(_partition_events)(items, index, override)
                           for index, items in enumerate(bag.to_delayed())])
    found = dask.compute(dask.delayed(add_sightings)([dask.delayed(_sightings)(part) for part in parts]))[0]
    found = furniture(found)
    if found:
        found = dask.delayed(found)
        parts = dask.persist(*[dask.delayed(_without_furniture)(part, found) for part in parts])
    reports, keys, counts, infos = dask.compute(
        [dask.delayed(_reports)(part) for part in parts],
        [dask.delayed(_block_keys)(part) for part in parts],
        dask.delayed(add_counts)([dask.delayed(_counts)(part) for part in parts]),
        [dask.delayed(_infos)(part) for part in parts])
    counts = dask.delayed(counts)  # sent once to the workers, not once a block
    edges = dask.compute(*[dask.delayed(_edges)([dask.delayed(_block)(part, key) for part in parts], key, counts)
                           for key in sorted(set().union(*keys))])
    roots = join({number: x for part in infos for number, x in part}, (edge for block in edges for edge in block))
    roots_by_part = defaultdict(dict)
    for number, root in roots.items():
        roots_by_part[root[0]][number] = root
    shared = dask.delayed(dict(roots))
    merged = dask.compute(*[dask.delayed(_merge_part)([dask.delayed(_members)(part, shared, index)
                                                        for part in parts], shared)
                            for index in sorted(roots_by_part)])
    articles = [report for _, report in sorted((pair for part in reports for pair in part), key=lambda pair: pair[0])]
    events = [event for _, event in sorted((pair for part in merged for pair in part), key=lambda pair: pair[0])]
    return Timeline(
        events=score_events(order_events(events), top),
        articles=[report for report in articles if not isinstance(report, ArticleError)],
        errors=[report for report in articles if isinstance(report, ArticleError)],
    )


def _bag_of(inputs, partitions: int | None) -> db.Bag:
    inputs = path_list(inputs, "inputs")
    seen: set = set()  # (shared by every input: a file given twice, or in a folder given too, is read once)
    # (an article with no path nor url named by its place among the inputs, as in one process: in
    # a partition, it would take the number another partition's gives too)
    items = [path for number, item in enumerate(inputs, 1)
             for path in (expand_path(item, seen) if isinstance(item, (str, Path)) else [named(item, number)])]
    if not items:
        return db.from_sequence([], npartitions=1)
    return db.from_sequence(items, npartitions=partitions or min(max(1, len(items) // FILES_PER_PARTITION), MAX_PARTITIONS))


def _partition_events(items, partition: int, published: dt.datetime | None):
    """One partition read and extracted: a report an article, and its numbered events.

    Articles are numbered (partition, article) and events (partition, article, event), so the
    input order can be restored anywhere.
    """
    reports, events = [], []
    items = [named(item, f"{partition + 1}.{number}") for number, item in enumerate(items, 1)]  # (a bag's: '2.5')
    for number, item in enumerate(iter_inputs(items, published)):
        item, found = article_events(item)
        found = once(found)  # (its word-for-word repeats once, as collect_timeline keeps them in one process)
        reports.append(((partition, number), item if isinstance(item, ArticleError) else article_source(item)))
        events.extend(((partition, number, place), event) for place, event in enumerate(found))
    blocks = defaultdict(list)
    for pair in events:
        for key in block_keys(pair[1]):
            blocks[key].append(pair)
    return reports, events, dict(blocks)


def _sightings(part):
    return sightings(event for _, event in part[1])


def _without_furniture(part, found):
    reports, events, blocks = part
    return (reports, [pair for pair in events if is_news(pair[1], found)],
            {key: kept for key, pairs in blocks.items() if (kept := [p for p in pairs if is_news(p[1], found)])})


def _reports(part):
    return part[0]


def _block_keys(part):
    return set(part[2])


def _counts(part):
    return word_counts(event for _, event in part[1])


def _infos(part):
    return [(number, info(event)) for number, event in part[1]]


def _block(part, key):
    return part[2].get(key, [])


def _edges(pieces, key, counts):
    """The matches of one block, its events first put back in input order."""
    return block_edges(sorted((pair for piece in pieces for pair in piece), key=lambda pair: pair[0]), key, counts)


def _members(part, roots, index):
    """The events of ``part`` whose happening is rooted in partition ``index``."""
    return [(number, event) for number, event in part[1] if roots[number][0] == index]


def _merge_part(pieces, roots):
    return merge_groups([pair for piece in pieces for pair in piece], roots)
