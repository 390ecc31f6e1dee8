"""timeline: turn news articles into an ordered, interactive timeline of the events they report.

The pipeline, one stage a module:
articles (``articles``) -> time expressions (``temporal``) -> events (``events``) ->
merged, ordered timeline (``merge``, ``pipeline``) -> renderers (``render``).
"""

from timeline.articles import iter_articles, load_articles
from timeline.events import extract_events
from timeline.merge import merge_events
from timeline.models import (
    Article,
    ArticleError,
    DateSpan,
    DaySummary,
    Event,
    Granularity,
    Relation,
    Salience,
    Source,
    Span,
    SummarySource,
    TimeExpression,
    Timeline,
)
from timeline.pipeline import build_timeline, iter_article_events
from timeline.summary import summarize
from timeline.temporal import tag

__all__ = [
    "Article",
    "ArticleError",
    "DateSpan",
    "DaySummary",
    "Event",
    "Granularity",
    "Relation",
    "Salience",
    "Source",
    "Span",
    "SummarySource",
    "TimeExpression",
    "Timeline",
    "build_timeline",
    "extract_events",
    "iter_article_events",
    "iter_articles",
    "load_articles",
    "merge_events",
    "summarize",
    "tag",
]
