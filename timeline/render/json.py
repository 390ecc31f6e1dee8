"""JSON exports: the whole Timeline model, or one event a line (JSONL)."""

from __future__ import annotations

from timeline.models import Timeline


def render(timeline: Timeline) -> str:
    """The Timeline model as indented JSON (events, articles, errors)."""
    return timeline.model_dump_json(indent=2) + "\n"


def render_lines(timeline: Timeline) -> str:
    """One JSON object per event, in timeline order."""
    return "".join(event.model_dump_json() + "\n" for event in timeline.events)
