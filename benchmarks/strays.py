"""Stray dates: events dated implausibly far from when their articles were published.

Runs ``timeline.extract_events`` over a folder of articles (by default the t17-dev stories,
2009–2010 news) and lists every event whose date lies outside a plausible range (by default
before 1900 or after 2030), with the phrase that dated it and its sentence, so that a reader
can tell a year the text really names ("the 1889 flood") from a number misread as a year
("plan 1000", "up 1800%").  With ``--expressions`` it lists the time expressions instead
(dated events or not), and expressions whose value lies beyond the calendar (``BC0500``) too.

    python benchmarks/strays.py                       # ../shared/corpora/t17-dev
    python benchmarks/strays.py PATH... --first 1900 --last 2030 --expressions
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from timeline import extract_events, iter_articles, tag  # noqa: E402
from timeline.models import ArticleError  # noqa: E402
from timeline.temporal.calendar import timex_year  # noqa: E402
from timeline.text import split_sentences  # noqa: E402

T17 = REPO.parent / "shared" / "corpora" / "t17-dev"


def stray_events(articles, first: int = 1900, last: int = 2030):
    """``(article, event)`` for every event dated outside ``first``..``last`` (years)."""
    for article in articles:
        for event in extract_events(article.text, article.published, source=article):
            year = _year_of(event.time_expression.value if event.time_expression else None)
            if event.date is not None:
                year = event.date.start.year if event.date.start.year < first else event.date.end.year
            if year is not None and not first <= year <= last:
                yield article, event


def stray_expressions(articles, first: int = 1900, last: int = 2030):
    """``(article, expression, sentence)`` for every DATE/TIME expression whose value's year lies
    outside ``first``..``last``."""
    for article in articles:
        sentences = split_sentences(article.text)
        for expression in tag(article.text, article.published, sentences=sentences):
            if expression.type not in ("DATE", "TIME"):
                continue
            year = _year_of(expression.value)
            if year is not None and not first <= year <= last:
                sentence = next((s for s in sentences if s.start <= expression.start < s.end), None)
                yield article, expression, sentence.text if sentence else ""


def _year_of(value: str | None) -> int | None:
    return timex_year(value) if value else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(T17)], help="articles (files or folders)")
    parser.add_argument("--first", type=int, default=1900, help="earliest plausible year")
    parser.add_argument("--last", type=int, default=2030, help="latest plausible year")
    parser.add_argument("--expressions", action="store_true", help="list time expressions, not events")
    args = parser.parse_args()
    articles = [a for a in iter_articles(args.paths) if not isinstance(a, ArticleError)]
    by_rule = Counter()
    count = 0
    if args.expressions:
        for article, expression, sentence in stray_expressions(articles, args.first, args.last):
            count += 1
            by_rule[expression.rule] += 1
            print(f"{expression.value:>12}  {expression.text!r:24} [{expression.rule}] {article.path}\n"
                  f"{'':14}{' '.join(sentence.split())[:300]}")
    else:
        for article, event in stray_events(articles, args.first, args.last):
            count += 1
            expression = event.time_expression
            by_rule[expression.rule if expression else None] += 1
            value = event.date.value if event.date else (expression.value if expression else "")
            print(f"{value:>12}  {expression.text if expression else '':24} [{expression.rule if expression else ''}] "
                  f"{article.path}\n{'':14}{event.title}  |  {' '.join(event.sentence.split())[:300]}")
    print(f"{count} strays in {len(articles)} articles (outside {args.first}..{args.last}); by rule: "
          + ", ".join(f"{rule} {n}" for rule, n in by_rule.most_common()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
