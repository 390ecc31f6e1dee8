"""Merge benchmark: how long ``merge_events`` takes on many events (default 100,000).

The events are synthetic but shaped like a news archive: spread over a few years, most known to
the day and some only to the month or the year, a fifth undated (placed near their article's
publication by their tense), statements by a pool of speakers and occurrences named by a pool of
verbs.  Each happening is reported by one to four articles, each in its own words: a sentence of
about 25 words that keeps most of the happening's names, places and rarer words, drops some,
and adds common words of its own (word lists from wordfreq), so merging compares real-looking
sentences.  Run from the repository root:

    python benchmarks/bench_merge.py [N_EVENTS] [--years Y]
    python benchmarks/bench_merge.py --pile N

It prints the time and, as a check that merging does its work, how many happenings were
recovered exactly (all their reports in one event, nothing else).  ``--pile N`` measures the
worst case instead: one article of N copies of one sentence, all on one day (every report shares
every word with every other), with the peak memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections import defaultdict

from wordfreq import top_n_list

from timeline.merge import merge_events
from timeline.models import DateSpan, Event, Granularity, Relation, Source, Span

VERBS = ["met", "attacked", "signed", "visited", "launched", "arrested", "voted", "resigned",
         "announced", "crashed", "exploded", "won", "closed", "rose", "fell", "agreed"]


def _names(rng: random.Random, n: int, letters: int) -> list[str]:
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    return ["".join(rng.choice(consonants if k % 2 == 0 else vowels) for k in range(letters)).capitalize()
            for _ in range(n)]


def synthetic_events(n: int, years: int, seed: int = 7) -> list[Event]:
    rng = random.Random(seed)
    words = top_n_list("en", 30000)
    common, rarer = words[100:3000], words[3000:30000]
    people = [f"{a} {b}" for a, b in zip(_names(rng, 3000, 5), _names(rng, 3000, 7))]
    places = _names(rng, 600, 6)
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
        actor = rng.choice(people)
        verb = "said" if statement else rng.choice(VERBS)
        place = rng.choice(places)
        core = rng.sample(rarer, 6) + [str(rng.randint(2, 999))]
        for report in range(rng.randint(1, 4)):
            kept = [w for w in core if rng.random() < 0.75]
            filler = rng.sample(common, 12)
            body = kept + filler
            rng.shuffle(body)
            subject = actor if rng.random() < 0.8 else actor.split()[-1]
            sentence = f"{subject} {verb} in {place} {' '.join(body)}."
            article = f"article-{happening}-{report}.txt"
            published = dt.datetime.combine(span.end, dt.time()) + dt.timedelta(days=rng.randint(0, 2))
            trigger = Span(text=verb, start=len(subject) + 1, end=len(subject) + 1 + len(verb))
            title = f"{actor}: {' '.join(body[:6])}" if statement else f"{subject} {verb} {' '.join(body[:4])}"
            undated = rng.random() < 0.2 and span.granularity == Granularity.DAY
            events.append(Event(
                id=f"{happening}-{report}", title=title, sentence=sentence, trigger=trigger,
                date=None if undated else span, relation=Relation.BEFORE,
                kind="statement" if statement else "occurrence", actors=[actor],
                sources=[Source(path=article, published=published, sentence=sentence, trigger=trigger)],
            ))
    return events[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--pile", type=int, default=0, help="N copies of one sentence in one article instead")
    args = parser.parse_args()
    if args.pile:
        _pile(args.pile)
        return
    events = synthetic_events(args.n, args.years)
    began, cpu = time.perf_counter(), time.process_time()
    merged = merge_events(events)
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
    truth = defaultdict(set)
    for event in events:
        truth[event.id.split("-")[0]].add(event.id)
    found = {frozenset(s.path.split("-")[1] + "-" + s.path.split("-")[2][:-4] for s in e.sources) for e in merged}
    exact = sum(frozenset(ids) in found for ids in truth.values())
    print(f"merge_events: {len(events):,} events -> {len(merged):,} in {elapsed:.2f} s "
          f"({len(events) / elapsed:,.0f} events/s; {cpu:.2f} s of CPU); {exact:,} of {len(truth):,} happenings recovered exactly")


def _pile(n: int) -> None:
    import resource

    from timeline import extract_events

    events = extract_events("Police sealed off the square on Monday. " * n, published="2017-09-06")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    merged = merge_events(events)
    elapsed = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"merge_events on a pile: {len(events):,} reports -> {len(merged):,} in {elapsed:.2f} s "
          f"({elapsed / len(events) * 1e6:,.0f} us a report); peak {peak / 1024:,.0f} MB "
          f"({max(0, peak - before) / len(events):,.1f} KB a report above the events)")


if __name__ == "__main__":
    main()
