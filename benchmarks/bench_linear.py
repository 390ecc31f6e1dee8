"""Event extraction cost against article length: 10 KB vs 1 MB of the same kind of text.

Three kinds of text, each repeated to the size: one long unpunctuated line of date-like words,
one long line of plain words, and normal prose (a paragraph of several sentences).  For each,
the script times ``timeline.extract_events`` on the small and the large text (process time, the
better of ``--repeat`` runs) and prints the seconds and the ratio scaled to a 100x size step:
about 100 means linear; quadratic would be about 10,000.

    python benchmarks/bench_linear.py                 # 10 KB vs 1 MB
    python benchmarks/bench_linear.py --large 100000  # 10 KB vs 100 KB (quicker)
    python benchmarks/bench_linear.py --memory 5000000 20000000
        # peak RSS of extracting events from one line of 5 MB and of 20 MB, each in a fresh
        # process: bounded memory means it grows with the text, not with its square

Numbers are noisy on a shared machine: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

PUBLISHED = "2017-09-06"

# One long line with no sentence end: date-like words (each a time expression or part of one).
DATE_WORDS = ("Monday March 1990 last week Tuesday the year ago Sept 30 today two days later "
              "next month in May 2016 the next day this quarter early December yesterday ")
# One long line of plain words: no dates, no punctuation.
PLAIN_WORDS = ("the farmers walked along the river and talked about the weather while their "
               "neighbours repaired the old bridge near the mill ")
# Normal prose: sentences, commas, quotes, names, dates; one paragraph a line.
PROSE = (
    "The city council voted on Tuesday to close the old bridge over the river, officials said. "
    "Repairs are expected to begin in March and to last about two years. \"We had no choice,\" "
    "Mayor Ann Porter told reporters after the meeting, adding that the bridge was built in 1931. "
    "Residents protested last week, and a petition signed by 4,000 people was delivered to the "
    "council on Friday. The ferry service, which stopped in 2015, will resume next month.\n"
)

KINDS = {"date-like words": DATE_WORDS, "plain words": PLAIN_WORDS, "prose": PROSE}


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(text: str, repeat: int) -> tuple[float, int]:
    from timeline import extract_events

    best, count = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        count = len(extract_events(text, PUBLISHED))
        best = min(best, time.process_time() - start)
    return best, count


def _peak_rss(kind: str, size: int) -> int:
    """Peak RSS in KB of one fresh process extracting events from ``size`` characters."""
    code = (f"import resource, sys; sys.path.insert(0, {sys.path[0]!r}); import bench_linear as b; "
            f"from timeline import extract_events; "
            f"extract_events(b._text(b.KINDS[{kind!r}], {size}), b.PUBLISHED); "
            f"print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000, help="small size in characters")
    parser.add_argument("--large", type=int, default=1_000_000, help="large size in characters")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each size (the best counts)")
    parser.add_argument("--kind", choices=sorted(KINDS), action="append", help="only these kinds")
    parser.add_argument("--memory", type=int, nargs="+", metavar="SIZE",
                        help="instead of timing, the peak RSS for one line of each SIZE characters")
    args = parser.parse_args()
    kinds = args.kind or list(KINDS)
    if args.memory:
        for kind in kinds:
            if kind == "prose":
                continue  # (prose is many short lines: no long sentence to bound)
            for size in args.memory:
                print(f"{kind:16} {size:>12,} chars  peak RSS {_peak_rss(kind, size) / 1024:8.1f} MB", flush=True)
        return 0
    from timeline import extract_events

    extract_events("Warm up on Friday, the council said.", PUBLISHED)
    step = args.large / args.small
    print(f"extract_events, {args.small:,} vs {args.large:,} characters (x{step:g}); "
          f"ratio per 100x size: ~100 is linear, ~10,000 quadratic")
    for kind in kinds:
        small, n_small = _seconds(_text(KINDS[kind], args.small), args.repeat)
        large, n_large = _seconds(_text(KINDS[kind], args.large), args.repeat)
        ratio = (large / max(small, 1e-6)) * (100 / step)
        print(f"{kind:16} small {small:8.3f} s ({n_small:>6} events)  large {large:8.3f} s "
              f"({n_large:>7} events)  ratio per 100x {ratio:7.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
