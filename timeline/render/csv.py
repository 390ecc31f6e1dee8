"""CSV export: one event a row, in timeline order, for spreadsheets."""

from __future__ import annotations

import csv
import io

from timeline.models import Event, Timeline
from timeline.render.common import RELATION_LABELS, source_label

COLUMNS = [
    "id", "start", "end", "value", "granularity", "time", "title", "kind", "date_phrase",
    "sentence", "relation", "actors", "sources", "urls",
]

# A spreadsheet runs a cell starting with one of these as a formula: such text is quoted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _row(event: Event) -> list[str]:
    date = event.date
    return [
        event.id,
        date.start.isoformat() if date else "",
        date.end.isoformat() if date else "",
        date.value if date else "",
        date.granularity.value if date else "",
        (date.time or "") if date else "",
        _cell(event.title),
        event.kind,
        _cell(event.time_expression.text) if event.time_expression else "",
        _cell(event.sentence),
        "" if date else RELATION_LABELS[event.relation.value],
        _cell("; ".join(event.actors)),
        _cell(" | ".join(source_label(s) for s in event.sources)),
        _cell(" ".join(s.url for s in event.sources if s.url)),
    ]


def render(timeline: Timeline) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(_row(event) for event in timeline.events)
    return out.getvalue()
