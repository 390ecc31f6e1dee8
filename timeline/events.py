"""Events: sentences, triggers, titles, and the time expression that dates each event.

STUB: the event layer replaces this.
"""

from __future__ import annotations

from timeline.models import Event


def extract_events(text: str, published=None, source=None, lang: str = "en") -> list[Event]:
    """The events ``text`` reports.  ``source`` is an Article or Source (title/url/path/published)."""
    return []
