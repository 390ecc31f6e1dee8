"""Merge benchmark: how long ``merge_events`` takes on many events (default 100,000).

The events are synthetic but shaped like a news archive: spread over a few years, most known to
the day and some only to the month or the year, statements by a pool of speakers and occurrences
named by a pool of verbs, with each happening reported by one to four articles (so merging has
real work to do).  Run from the repository root:

    python benchmarks/bench_merge.py [N_EVENTS] [--years Y]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from timeline.merge import merge_events
from timeline.models import DateSpan, Event, Granularity, Relation, Source, Span

VERBS = ["met", "attacked", "signed", "visited", "launched", "arrested", "voted", "resigned",
         "announced", "crashed", "exploded", "won", "closed", "rose", "fell", "agreed"]
SPEAKERS = [f"Speaker{n}" for n in range(400)]
ACTORS = [f"Actor{n}" for n in range(2000)]


def synthetic_events(n: int, years: int, seed: int = 7) -> list[Event]:
    rng = random.Random(seed)
    first = dt.date(2015, 1, 1)
    events: list[Event] = []
    happening = 0
    while len(events) < n:
        happening += 1
        day = first + dt.timedelta(days=rng.randrange(365 * years))
        shape = rng.random()
        if shape < 0.85:
            span = DateSpan(value=day.isoformat(), start=day, end=day, granularity=Granularity.DAY)
        elif shape < 0.97:
            start = day.replace(day=1)
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            span = DateSpan(value=start.strftime("%Y-%m"), start=start, end=end, granularity=Granularity.MONTH)
        else:
            span = DateSpan(value=str(day.year), start=dt.date(day.year, 1, 1), end=dt.date(day.year, 12, 31),
                            granularity=Granularity.YEAR)
        statement = rng.random() < 0.4
        actor = rng.choice(SPEAKERS if statement else ACTORS)
        verb = "said" if statement else rng.choice(VERBS)
        title = f"{actor}: words number {happening}" if statement else f"{actor} {verb} thing {happening}"
        for report in range(rng.randint(1, 4)):
            article = f"article-{happening}-{report}.txt"
            published = dt.datetime.combine(span.end, dt.time()) + dt.timedelta(days=rng.randint(0, 2))
            trigger = Span(text=verb, start=10, end=10 + len(verb))
            events.append(Event(
                id=f"{happening}-{report}", title=title, sentence=title, trigger=trigger, date=span,
                relation=Relation.BEFORE, kind="statement" if statement else "occurrence", actors=[actor],
                sources=[Source(path=article, published=published, sentence=title, trigger=trigger)],
            ))
    return events[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=3)
    args = parser.parse_args()
    events = synthetic_events(args.n, args.years)
    began = time.perf_counter()
    merged = merge_events(events)
    elapsed = time.perf_counter() - began
    print(f"merge_events: {len(events):,} events -> {len(merged):,} in {elapsed:.2f} s "
          f"({len(events) / elapsed:,.0f} events/s)")


if __name__ == "__main__":
    main()
