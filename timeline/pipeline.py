"""The whole pipeline: articles -> time expressions -> events -> merged, ordered timeline.

STUB: the input layer replaces this.
"""

from __future__ import annotations

from timeline.models import Timeline


def build_timeline(articles, published=None) -> Timeline:
    """The timeline of ``articles`` (Article models, paths, or a mix)."""
    raise NotImplementedError
