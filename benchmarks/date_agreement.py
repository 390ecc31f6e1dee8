"""How far journalists agree on a story's days: a ceiling for date selection.

For each journalist's timeline of a story (the tasks of ``timeline eval --timelines``), the days
are ranked by how many of the *other* journalists' timelines of the same story list them, ties
broken by the mention-count baseline (sentences naming the day); the top N (N = the timeline's
number of days, within its date range) are scored by date F1 like the systems.  Beside it, the
mention-count baseline alone.  If other journalists' choices of days score no better than
counting mentions, a date selector cannot be expected to beat the baseline by a wide margin on
the same stories without learning them.

    python benchmarks/date_agreement.py                # ../shared/corpora/t17-dev
    python benchmarks/date_agreement.py FOLDER --workers 2
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from timeline.evaluate_timelines import date_f1, find_stories, load_story  # noqa: E402
from timeline.summary import top_days  # noqa: E402

T17 = REPO.parent / "shared" / "corpora" / "t17-dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(T17))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rows = []
    for name, articles, timelines in find_stories(args.folder):
        story = load_story(name, articles, timelines, args.workers)
        for file_name, reference in story.timelines:
            first, last = reference[0][0], reference[-1][0]
            gold = [day for day, _ in reference]
            chosen = [i for i, a in enumerate(story.articles) if first <= a.published.date() <= last]
            mentions = Counter(day for i in chosen for _, day in set(story.mentions[i]) if first <= day <= last)
            votes = Counter(day for other, ref in story.timelines if other != file_name
                            for day, _ in ref if first <= day <= last)
            others = {day: votes[day] * 1_000_000 + mentions[day] for day in set(votes) | set(mentions)}
            n = len(reference)
            rows.append((f"{name}/{file_name}", n, date_f1(top_days(mentions, n), gold),
                         date_f1(top_days(others, n), gold)))
    width = max(len(r[0]) for r in rows)
    print(f"{'timeline':<{width}}  {'dates':>5}  {'mentions':>9}  {'other journalists':>17}")
    for label, n, base, human in rows:
        print(f"{label:<{width}}  {n:>5}  {base:>9.3f}  {human:>17.3f}")
    mean = lambda i: sum(r[i] for r in rows) / len(rows)  # noqa: E731
    print(f"{'mean of ' + str(len(rows)):<{width}}  {'':>5}  {mean(2):>9.3f}  {mean(3):>17.3f}")


if __name__ == "__main__":
    main()
