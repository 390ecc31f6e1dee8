"""timeline: turn news articles into an ordered, interactive timeline of the events they report.

The pipeline, one stage a module:
articles (``articles``) -> time expressions (``temporal``) -> events (``events``) ->
merged, ordered timeline (``merge``, ``pipeline``) -> renderers (``render``).

The names below are loaded when first used, not when the package is: ``import timeline`` costs
next to nothing, a job loads the stages it runs, and the ``timeline`` command can take a Ctrl-C
pressed while it starts up (see ``timeline.__main__``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# each public name, and the module that defines it
_HOMES = {
    "iter_articles": "articles", "load_articles": "articles",
    "extract_events": "events",
    "merge_events": "merge",
    "build_timeline": "pipeline", "iter_article_events": "pipeline",
    "summarize": "summary",
    "tag": "temporal",
    **dict.fromkeys(
        ("Article", "ArticleError", "DateSpan", "DaySummary", "Event", "Granularity", "Relation",
         "Salience", "Source", "Span", "SummarySource", "TimeExpression", "Timeline"), "models"),
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    """A public name from its module, or a stage (``timeline.pipeline``) imported on first use."""
    if name in _HOMES:
        value = getattr(importlib.import_module(f"timeline.{_HOMES[name]}"), name)
    elif name.isidentifier() and not name.startswith("__"):
        try:
            value = importlib.import_module(f"timeline.{name}")
        except ModuleNotFoundError as missing:
            if missing.name != f"timeline.{name}":
                raise
            raise AttributeError(f"module 'timeline' has no attribute {name!r}") from None
    else:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, and the stages imported so far."""
    stages = {name for name, value in globals().items() if getattr(value, "__name__", "") == f"timeline.{name}"}
    return sorted(set(__all__) | stages)


if TYPE_CHECKING:  # (what a type checker and an editor see: the names, from their modules)
    from timeline.articles import iter_articles, load_articles
    from timeline.events import extract_events
    from timeline.merge import merge_events
    from timeline.models import (Article, ArticleError, DateSpan, DaySummary, Event, Granularity, Relation,
                                 Salience, Source, Span, SummarySource, TimeExpression, Timeline)
    from timeline.pipeline import build_timeline, iter_article_events
    from timeline.summary import summarize
    from timeline.temporal import tag
