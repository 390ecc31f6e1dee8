"""One event per happening: merging across (and within) articles, and ordering.

STUB: the event layer replaces this.
"""

from __future__ import annotations

from timeline.models import Event


def merge_events(events: list[Event]) -> list[Event]:
    """Merge events that report the same happening; returns them in timeline order."""
    return list(events)
