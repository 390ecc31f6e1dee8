"""The temporal tagger: finds time expressions and gives them TIMEX3 values.

STUB: replaced by the tagger's real engine (see engine.py / resolve.py when written).
"""

from __future__ import annotations

from timeline.models import TimeExpression


def tag(text: str, published=None, lang: str = "en") -> list[TimeExpression]:
    """Time expressions in ``text``, anchored at ``published`` (datetime, date, ISO str or None)."""
    return []
