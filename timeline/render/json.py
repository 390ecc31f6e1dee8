"""JSON exports: the whole Timeline model, the list of its events, or one event a line (JSONL)."""

from __future__ import annotations

import json

from timeline.models import Event, Timeline


def render(timeline: Timeline) -> str:
    """The Timeline model as indented JSON (events, articles, errors)."""
    return timeline.model_dump_json(indent=2) + "\n"


def render_lines(timeline: Timeline) -> str:
    """One JSON object per event, in timeline order."""
    return "".join(event.model_dump_json() + "\n" for event in timeline.events)


def render_events(events: list[Event]) -> str:
    """The JSON list of events (what ``timeline events --json`` prints and ``--json`` writes)."""
    return json.dumps([event.model_dump(mode="json") for event in events], ensure_ascii=False, indent=2)
