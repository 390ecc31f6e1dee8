"""Corpus benchmark: articles per second and peak memory over N articles, with 1 and 2 workers.

The corpus is N text files with front matter, made from the TimeBank texts with their creation
dates as publication dates (cycling through the 183 documents; with ``--varied`` the dates move a
week later each round).  Each run is a fresh process so
its peak resident memory (ru_maxrss) is its own:

- ``stream``: read, tag and extract every article, counting the events and keeping none, as
  the library's ``iter_article_events`` does (the extraction without the page; ``timeline events
  --jsonl`` also merges each article's own events);
- ``build``: the same, keeping the events and merging them into a Timeline, as ``timeline build``
  does before rendering;
- ``dask`` (only when asked for): ``build`` through ``timeline.distributed`` on a LocalCluster
  of that many worker processes (its start-up included in the time).

Peak memory is the measuring process's own (it holds the kept events) and, apart, the largest
worker process's (sampled with psutil when it is installed; 0 otherwise).

Targets: at least 200 articles/s per core for ``stream`` (issue 6); peak memory at 8,000
varied articles (``--varied``) no more than 1.2 times that at 500 (issue 10).

    python benchmarks/bench_corpus.py                      # N = 1,000 and 10,000; 1 and 2 workers
    python benchmarks/bench_corpus.py --sizes 1000 --modes stream
    python benchmarks/bench_corpus.py --varied --sizes 500 8000 --modes stream --workers 1
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIMEBANK = REPO.parent / "shared" / "corpora" / "timebank"


def write_corpus(timebank: Path, folder: Path, size: int, varied: bool = False) -> None:
    """``size`` articles in ``folder``: the TimeBank texts in turn, each with its creation date.

    ``varied``: each round through the texts moves the publication dates a week later, so that
    the resolved dates keep changing as the corpus grows (as in a real news stream) instead of
    repeating; a cache keyed by dates that grows without bound then shows in the peak memory.
    """
    import datetime as dt

    from timeline.timeml import read_corpus

    docs = [doc for doc in read_corpus(timebank) if doc.dct]
    for number in range(size):
        doc = docs[number % len(docs)]
        published = doc.dct
        if varied and doc.dct_datetime:
            published = (doc.dct_datetime + dt.timedelta(weeks=number // len(docs))).isoformat()
        text = f"---\ntitle: {doc.doc_id}\npublished: {published}\n---\n{doc.text}"
        (folder / f"{number:06d}.txt").write_text(text, encoding="utf-8")


def child(folder: str, workers: int, mode: str) -> None:
    """One measured run; prints its figures as JSON."""
    from timeline.pipeline import Summary, build_timeline, iter_article_events

    sampler = WorkerMemory()
    start = time.perf_counter()
    if mode == "stream":
        summary = Summary()
        for item, found in iter_article_events([folder], workers=workers):
            summary.add(item, found)
    elif mode == "build":
        summary = Summary.of(build_timeline([folder], workers=workers))
    else:
        summary = Summary.of(build_on_local_cluster(folder, workers))
    seconds = time.perf_counter() - start
    print(json.dumps({"articles": summary.read + sum(summary.skipped.values()), "events": summary.events,
                      "summary": str(summary), "seconds": seconds,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "worker_peak_mb": sampler.stop()}))


def build_on_local_cluster(folder: str, workers: int):
    """The Dask path on a LocalCluster of ``workers`` single-threaded processes."""
    from dask.distributed import Client, LocalCluster

    from timeline.distributed import build_timeline_dask

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
    with cluster, Client(cluster):
        return build_timeline_dask([folder])


class WorkerMemory:
    """The largest resident memory of any worker process, sampled every 0.1 s (needs psutil)."""

    def __init__(self):
        self.peak = 0.0
        self.running = threading.Event()
        self.running.set()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self):
        try:
            import psutil
        except ImportError:
            return
        me = psutil.Process()
        while self.running.is_set():
            for process in me.children(recursive=True):
                try:
                    self.peak = max(self.peak, process.memory_info().rss / 2**20)
                except psutil.Error:
                    pass
            time.sleep(0.1)

    def stop(self) -> float:
        self.running.clear()
        self.thread.join()
        return self.peak


def measure(folder: Path, workers: int, mode: str) -> dict:
    command = [sys.executable, __file__, "--child", str(folder), str(workers), mode]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timebank", type=Path, default=TIMEBANK)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--modes", nargs="+", default=["stream", "build"], choices=["stream", "build", "dask"])
    parser.add_argument("--varied", action="store_true",
                        help="move the publication dates a week later each round through the texts")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        folder, workers, mode = args.child
        child(folder, int(workers), mode)
        return
    if not any(args.timebank.glob("*.tml")):
        sys.exit(f"TimeBank not found at {args.timebank} (use --timebank)")

    print(f"{os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.1f} (other work skews the rates)")
    print(f"{'mode':<7}{'articles':>9}{'workers':>8}{'events':>9}{'seconds':>9}"
          f"{'art/s':>8}{'art/s/core':>11}{'peak MB':>9}{'worker MB':>10}")
    peaks: dict[tuple[str, int], dict[int, float]] = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="timeline-bench-") as folder:
            write_corpus(args.timebank, Path(folder), size, args.varied)
            for mode in args.modes:
                for workers in args.workers:
                    run = measure(Path(folder), workers, mode)
                    rate = run["articles"] / run["seconds"]
                    peak = max(run["peak_mb"], run["worker_peak_mb"])
                    peaks.setdefault((mode, workers), {})[size] = peak
                    print(f"{mode:<7}{run['articles']:>9}{workers:>8}{run['events']:>9}{run['seconds']:>9.1f}"
                          f"{rate:>8.0f}{rate / workers:>11.0f}{run['peak_mb']:>9.0f}{run['worker_peak_mb']:>10.0f}",
                          flush=True)
                    if run["summary"] and "skipped" in run["summary"]:
                        print(f"    ! {run['summary']}")
    if len(args.sizes) > 1:
        small, large = min(args.sizes), max(args.sizes)
        print(f"\npeak memory at {large:,} articles / at {small:,} (target <= 1.2 for the stream, issue 10):")
        for (mode, workers), by_size in sorted(peaks.items()):
            print(f"  {mode:<7} {workers} worker(s): {by_size[large] / by_size[small]:.2f}")


if __name__ == "__main__":
    main()
