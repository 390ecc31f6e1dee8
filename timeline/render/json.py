"""JSON exports: the whole Timeline model, the list of its events, or one event a line (JSONL).

Characters that a terminal or a JavaScript parser would act on (C1 controls, DEL, line and
paragraph separators, bidirectional controls) are written as ``\\uXXXX`` escapes: the same JSON
value, safe to print and to embed.  A lone surrogate, which no UTF-8 file can hold, becomes
U+FFFD.
"""

from __future__ import annotations

import json
import re

from timeline.models import DaySummary, Event, Timeline
from timeline.text import no_lone_surrogates

# Outside strings JSON is ASCII, so these can only be inside strings, where an escape is the same.
_RISKY = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _escaped(text: str) -> str:
    return _RISKY.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def render(timeline: Timeline) -> str:
    """The Timeline model as indented JSON (events, articles, errors)."""
    return _escaped(timeline.model_dump_json(indent=2)) + "\n"


def render_lines(timeline: Timeline) -> str:
    """One JSON object per event, in timeline order."""
    return "".join(_escaped(event.model_dump_json()) + "\n" for event in timeline.events)


def render_events(events: list[Event]) -> str:
    """The JSON list of events (what ``timeline events --json`` prints and ``--json`` writes)."""
    return _json_list(events)


def render_summary(days: list[DaySummary]) -> str:
    """The summary timeline as a JSON list of ``{"date", "sentences", "sources"}`` (what
    ``timeline summary --json`` prints)."""
    return _json_list(days)


def _json_list(models) -> str:
    """``models`` as an indented JSON list, written a model at a time: a list of 100,000 events made
    into Python dictionaries and then encoded with an indent (pure-Python encoding) took gigabytes."""
    parts = ["  " + _model_json(model).replace("\n", "\n  ") for model in models]  # (newlines in strings are escaped)
    text = "[\n" + ",\n".join(parts) + "\n]" if parts else "[]"
    return _escaped(no_lone_surrogates(text))


def _model_json(model) -> str:
    """One model as indented JSON; a text with a lone surrogate, which pydantic cannot write as
    UTF-8, by the standard encoder (the surrogate is replaced after)."""
    from pydantic_core import PydanticSerializationError

    try:
        return model.model_dump_json(indent=2)
    except PydanticSerializationError:
        return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2)
