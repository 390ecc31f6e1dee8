"""Reading articles: text/markdown with front matter, HTML, JSON/JSONL, stdin.

STUB: the input layer replaces this.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from timeline.models import Article, ArticleError


def iter_articles(paths: Iterable[str], published=None) -> Iterator[Article | ArticleError]:
    """Every article under ``paths`` (files, folders, '-'), or an ArticleError for each failure."""
    raise NotImplementedError


def load_articles(paths: Iterable[str], published=None) -> list[Article]:
    """The articles under ``paths``; raises ValueError with the one-line message of the first failure."""
    raise NotImplementedError
