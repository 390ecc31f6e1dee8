"""The whole pipeline: articles -> time expressions -> events -> merged, ordered timeline.

The core is a stream: ``iter_article_events`` reads, tags and extracts one article at a time and
yields ``(article, events)`` pairs in input order, so memory holds only the events a caller keeps.
With ``workers > 1`` the extraction (and the reading of HTML pages) runs in that many processes
(at most one a usable core) over a bounded window of batches: the pairs come out identical and
in the same order whatever the number of workers.

``collect_timeline`` merges a stream's events into a ``Timeline``; ``build_timeline`` is the two
together.  ``Summary`` counts what a stream did, for the line the CLI prints at the end.
"""

from __future__ import annotations

import concurrent.futures.process
import datetime as dt
import multiprocessing
import numbers
import os
import signal
import threading
import time
import weakref
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice

from timeline.articles import expand_path, is_html, path_list, read_path, within_limits, without_surrogates
from timeline.events import extract_events
from timeline.furniture import drop_furniture
from timeline.merge import merge_events
from timeline.models import (
    Article,
    ArticleError,
    Event,
    Source,
    Timeline,
    coerce_published,
    require_workers,
)
from timeline.salience import score_events

Item = Article | ArticleError
Result = tuple[Item, list[Event]]

BATCH_SIZE = 8  # articles sent to a worker at a time: amortises the inter-process traffic
BATCHES_PER_WORKER = 4  # batches in flight per worker: keeps workers busy, bounds memory


def build_timeline(articles, published=None, workers: int = 1, top: int | None = None) -> Timeline:
    """The timeline of ``articles`` (Article models, paths, or a mix); ``top`` key events, a
    whole number (default: :func:`timeline.salience.automatic_top`, 11 for a month of coverage;
    0 marks none)."""
    top, workers = require_top(top), require_workers(workers)
    return collect_timeline(iter_article_events(articles, published, workers), top=top)


def require_top(top) -> int | None:
    """``top`` as an int, or None: a ValueError unless it is None or a whole number of key events
    (of any integer type: NumPy's too), 0 or more."""
    if top is not None and (isinstance(top, bool) or not isinstance(top, numbers.Integral) or top < 0):
        raise ValueError(f"top must be a whole number of key events, 0 or more, not {top!r}")
    return None if top is None else int(top)


def iter_article_events(items, published=None, workers: int = 1) -> Iterator[Result]:
    """``(article, events)`` for every article of ``items``, in input order, one at a time.

    ``items`` are Article models, paths (files, folders, '-'), or a mix; a single path or
    Article is taken as a one-item list.  An input that cannot be read comes as
    ``(ArticleError, [])``.  ``published`` overrides every article's publication date.
    """
    workers = require_workers(workers)
    inputs = iter_inputs(items, published)
    workers = min(workers, usable_cores())  # (more processes than cores only cost memory and time)
    if workers <= 1:
        return map(article_events, inputs)
    return _in_processes(inputs, workers)


def usable_cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # (not on every system)
        return os.cpu_count() or 1


def iter_inputs(items, published=None) -> Iterator[Item | Page]:
    """The articles (or read errors) of ``items``, with ``published`` applied.

    HTML files come as ``Page``s, read later by ``article_events``: finding a page's main text
    costs about as much as extracting its events, so it is done in the workers too.
    """
    override = coerce_published(published)
    items = path_list(items, "articles", also=(Article,), kinds="an Article, a path or a list of them")
    seen: set = set()  # files and folders already given: each is read once
    for number, item in enumerate(items, 1):
        if isinstance(item, Article):
            item = within_limits(named(without_surrogates(item), number))
            yield item.model_copy(update={"published": override}) if override and isinstance(item, Article) else item
        elif isinstance(item, ArticleError):
            yield item
        elif not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"articles must be Articles or paths, not {type(item).__name__}")
        else:
            for path in expand_path(item, seen):
                if is_html(path):
                    yield Page(path, override)
                else:
                    yield from read_path(path, override)


def named(item, number) -> Item | Page:
    """``item``, an Article with no path nor url, named by its place among the inputs: an article
    of its own, not one with every other such, nor with every other of its title ('Breaking news')."""
    if isinstance(item, Article) and not (item.path or item.url):
        return item.model_copy(update={"path": f"(article {number})"})
    return item


@dataclass(frozen=True)
class Page:
    """An HTML file still to read, with the publication date that overrides its own."""

    path: str
    published: dt.datetime | None = None


class ExtractionBug(RuntimeError):
    """Event extraction raised on an article that was read fine: a bug in timeline, not bad input.

    It names the article (to reproduce it) and keeps the original exception as its cause.
    """

    @classmethod
    def of(cls, article: Article, exc: Exception) -> ExtractionBug:
        where = article.path or article.label
        return cls(f"internal error while extracting the events of {where!r}: {type(exc).__name__}: {exc}")


def article_events(item: Item | Page) -> Result:
    """One article's events.

    Bad input was reported when the article was read (an ``ArticleError``); whatever the
    extraction then raises is a bug, raised as ``ExtractionBug`` naming the article rather than
    passed off as a bad article.
    """
    if isinstance(item, Page):
        (item,) = read_path(item.path, item.published)
    if isinstance(item, ArticleError):
        return item, []
    try:
        return item, extract_events(item.text, item.published, source=item)
    except Exception as exc:
        raise ExtractionBug.of(item, exc) from exc


def collect_timeline(results: Iterable[Result], top: int | None = None) -> Timeline:
    """Merge the events of a stream of ``(article, events)`` into one ordered timeline, scored
    for salience with the ``top`` best marked key.  The events told by page furniture (a
    sentence an outlet repeats on many days: :mod:`timeline.furniture`) are dropped first."""
    events: list[Event] = []
    articles: list[Source] = []
    errors: list[ArticleError] = []
    for item, found in results:
        if isinstance(item, ArticleError):
            errors.append(item)
        else:
            articles.append(article_source(item))
            events.extend(once(found))
    return Timeline(events=score_events(merge_events(drop_furniture(events)), top), articles=articles, errors=errors)


def once(events: list[Event]) -> list[Event]:
    """An article's events, each report it repeats word for word (the same sentence, trigger,
    title and date: a caption printed twice, a page of one sentence over and over) once: an event
    keeps one report an article, and held till the merge, a megabyte of one repeated sentence took
    half a gigabyte.  (The merge weighs words by the reports it is given, so with the copies gone
    a few other reports may merge otherwise: on t17-dev's h1n1, 8,071 events rather than 8,072.)"""
    seen: set[tuple] = set()
    kept = []
    for event in events:
        key = (event.sentence, event.trigger.text, event.title, event.kind, event.date.value if event.date else None)
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def article_source(article: Article) -> Source:
    """The article as a timeline lists it among the articles read."""
    return Source(title=article.title, url=article.url, path=article.path, source=article.source,
                  published=article.published)


UNREAD_KINDS_SHOWN = 4  # suffixes named in the summary line, the commonest first


@dataclass
class Summary:
    """What a run did: articles read, skipped by reason, events out, articles without a date,
    and the files of other kinds its folders held (by suffix), which were not read."""

    read: int = 0
    skipped: Counter = field(default_factory=Counter)
    undated: int = 0
    events: int = 0
    unread: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, timeline: Timeline) -> Summary:
        """The summary of a built timeline (its events counted after merging)."""
        return cls(
            read=len(timeline.articles),
            skipped=Counter(error.reason for error in timeline.errors),
            undated=sum(article.published is None for article in timeline.articles),
            events=len(timeline.events),
        )

    def add(self, item: Item, events: list[Event]) -> None:
        if isinstance(item, ArticleError):
            self.skipped[item.reason] += 1
            return
        self.read += 1
        self.undated += item.published is None
        self.events += len(events)

    def __str__(self) -> str:
        parts = [_count(self.read, "article") + " read"]
        if self.skipped:
            reasons = ", ".join(f"{n:,} {reason}" for reason, n in sorted(self.skipped.items()))
            parts.append(f"{sum(self.skipped.values()):,} skipped ({reasons})")
        if self.undated:
            parts.append(f"{self.undated:,} without publication date")
        parts.append(_count(self.events, "event"))
        if self.unread:
            ranked = sorted(self.unread.items(), key=lambda kind: (-kind[1], kind[0]))  # (the commonest first)
            shown = ", ".join(f"{n:,} {kind}" for kind, n in ranked[:UNREAD_KINDS_SHOWN])
            more = ", ..." if len(ranked) > UNREAD_KINDS_SHOWN else ""
            parts.append(f"{_count(self.unread.total(), 'other file')} not read ({shown}{more})")
        return ", ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


# --- processes -----------------------------------------------------------------------------------


def _in_processes(inputs: Iterator[Item | Page], workers: int) -> Iterator[Result]:
    """``article_events`` over ``inputs`` in ``workers`` processes, results in input order.

    At most ``workers * BATCHES_PER_WORKER`` batches are in flight, so reading never runs far
    ahead of extraction and memory stays flat however many articles there are.

    A worker that dies (the system's out-of-memory killer stops the process that reading one huge
    article swelled) breaks the pool, and every batch in flight with it.  Those batches are done
    again one article at a time in a pool of their own: an article that kills its worker again is
    reported as an ``ArticleError``, the others come as ever, and the run goes on in a new pool.
    After ``MAX_WORKER_DEATHS`` such articles the trouble is no article's: ``BrokenProcessPool``
    is raised.
    """
    pool = _Pool(workers)
    pending: deque[tuple[list, Future]] = deque()
    deaths = [0]  # articles that killed a worker (counted across the pools of the run)
    try:
        for batch in iter(lambda: list(islice(inputs, BATCH_SIZE)), []):
            try:
                future = pool.submit(_batch_events, batch)
            except BrokenProcessPool:  # (a worker died while the pool waited: while its output was read slowly)
                pool.abandon()
                yield from _again_one_by_one(pending, deaths)
                pool.renew()
                future = pool.submit(_batch_events, batch)
            pending.append((batch, future))
            if len(pending) >= workers * BATCHES_PER_WORKER:
                yield from _first_results(pool, pending, deaths)
        while pending:
            yield from _first_results(pool, pending, deaths)
    finally:  # (on a stop too: the workers end the batch they are on; a worker killed as it wrote its
        try:  # results leaves the pool's reader waiting for the rest, and the process's exit with it)
            pool.close()
        except BaseException:  # (a second Ctrl-C while the pool shuts down: its workers are killed, not waited for,
            pool.abandon()     # which had left the run waiting for good)
            raise


MAX_WORKER_DEATHS = 10  # articles that killed a worker before a run gives up (see _in_processes)
LET_GO_WAIT = 2.0  # seconds a pool let go is given to see its workers gone (see let_go)
STARTER_WAIT = 0.2  # seconds given a dead process that starts workers to be seen dead, and started again


class _Pool:
    """A pool of worker processes, made anew when a worker died and broke it."""

    def __init__(self, workers: int):
        self.workers = workers
        self.executor: ProcessPoolExecutor | None = None
        self.renew()
        _pools.add(self)

    def renew(self) -> None:
        self.abandon()
        context = _context()
        with signals_held():
            _start_server(context)
            self.executor = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_ignore_interrupts)

    def submit(self, function, argument) -> Future:
        """``function(argument)`` in a worker.  Starting a worker can fail when the process that
        starts them died with the workers (killed by the same hand): it is started again once,
        else the pool is broken (``BrokenProcessPool``)."""
        for attempt in range(2):
            try:
                with signals_held():  # (a stop while a worker starts waits until it has: else the worker,
                    return self.executor.submit(function, argument)  # half started, is no pool's to kill)
            except (OSError, EOFError) as error:  # ('connection refused' by the dead starter)
                if attempt:
                    raise BrokenProcessPool(f"no worker process could be started: {error}") from error
                time.sleep(STARTER_WAIT)
                self.renew()

    def abandon(self) -> None:
        """Let go of a broken pool (see :func:`let_go`)."""
        if self.executor is not None:
            let_go(self.executor)
            self.executor = None

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


_pools: weakref.WeakSet[_Pool] = weakref.WeakSet()  # the pools made, while they are in use


def let_go_of_pools() -> None:
    """Let go of every pool still open (see :func:`let_go`): the run they worked for has stopped,
    and the generator that would close them may not be closed before the process exits."""
    for pool in list(_pools):
        pool.abandon()


def let_go(executor: ProcessPoolExecutor) -> None:
    """Let go of a pool whose workers died or must stop: its processes are killed and it is not
    waited for (waiting can block on a queue no process reads any more), nor are its futures
    cancelled (a future cancelled, then failed by the broken pool, stops the executor's thread
    with an error, and the interpreter's exit waits for that thread forever)."""
    for process in dict(getattr(executor, "_processes", None) or {}).values():  # (the executor's own)
        process.kill()
    thread = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False)
    if thread is not None:  # (it ends on seeing its workers gone, closing its wake-up pipe; the interpreter's
        # exit would write to that pipe to wake it, and where the thread closes it at that moment, Python
        # 3.11 prints 'OSError: [Errno 9] Bad file descriptor' from threading._shutdown: the exit is kept
        # from waking it, and joins it as any thread)
        wakeups = getattr(concurrent.futures.process, "_threads_wakeups", None)
        if wakeups is not None:
            wakeups.pop(thread, None)
        thread.join(LET_GO_WAIT)


def _first_results(pool: _Pool, pending: deque, deaths: list[int]) -> Iterator[Result]:
    """The results of the first batch of ``pending``; when a worker died, those of every batch in
    flight, the pool renewed (see :func:`_in_processes`)."""
    future = pending[0][1]
    try:
        results = future.result()
    except BrokenProcessPool:
        pool.abandon()
        yield from _again_one_by_one(pending, deaths)
        pool.renew()
        return
    pending.popleft()
    yield from results


def _again_one_by_one(pending: deque, deaths: list[int]) -> Iterator[Result]:
    """The results of every batch of ``pending`` (which it empties): those a broken pool did not
    finish, done again an article at a time in a pool of one process."""
    single = _Pool(1)
    try:
        while pending:
            batch, future = pending.popleft()
            if future.done() and not future.cancelled() and future.exception() is None:
                yield from future.result()
                continue
            for item in batch:
                future = single.submit(article_events, item)  # (no worker that can start is no article's fault)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    single.abandon()
                    deaths[0] += 1
                    if deaths[0] > MAX_WORKER_DEATHS:
                        raise
                    single.renew()
                    result = (_killed_a_worker(item), [])
                yield result
    finally:
        single.close()


def _killed_a_worker(item: Item | Page) -> ArticleError:
    where = item.path if isinstance(item, (Page, ArticleError)) else item.path or item.label
    return ArticleError(path=where, message="the process reading it stopped abruptly, twice (out of memory?); skipped",
                        reason="too-large")


TERMINATING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def signals_held():
    """Hold SIGINT (and SIGTERM, SIGHUP) for the duration, then deliver the first that came
    again as the process would have taken it (KeyboardInterrupt, or what the command layer's
    handler raises; nothing when it was ignored, as under nohup).  Outside the main thread,
    where no handler can be set, nothing is held."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, _: came.append(signum))
                for signum in (signal.SIGINT, *TERMINATING)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if came:
            signal.raise_signal(came[0])


def _ignore_interrupts() -> None:
    """Ctrl-C is for the main process, which stops the pool: a worker does not die mid-batch
    printing its own traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _batch_events(batch: list[Item | Page]) -> list[Result]:
    return [article_events(item) for item in batch]


def _start_server(context) -> None:
    """Start the process that starts the workers, deaf to Ctrl-C from its start: it imports timeline
    first, and a Ctrl-C then (it is in the terminal's process group) printed its own traceback."""
    if context.get_start_method() != "forkserver" or threading.current_thread() is not threading.main_thread():
        return  # (only the main thread may set a signal's handler; the server then starts with the first worker)
    import multiprocessing.forkserver  # (where there is one)

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


def _context():
    """Workers start from a server process that has imported what they run once, this module and the
    stages it calls (no fork of threads; 'timeline' alone loads its names only when used)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context
