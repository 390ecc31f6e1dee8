"""CSV export: one event a row, in timeline order, for spreadsheets.

Every cell is quoted and rows end with CR LF (RFC 4180), so no line break inside a cell (a bare
CR included) can start a row.  A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or
``@`` (after any spaces) as a formula, and some importers split cells on tabs or line breaks: so
each line of a cell that starts with one of those, with a tab or a line break, or with ``'``
itself, gets a ``'`` in front.  Removing one ``'`` from the start of every line that has one gives
the text back exactly.
"""

from __future__ import annotations

import csv
import io
import re

from timeline.models import Event, Timeline
from timeline.render.common import RELATION_LABELS, source_label

COLUMNS = [
    "id", "start", "end", "value", "granularity", "time", "title", "kind", "date_phrase",
    "sentence", "relation", "actors", "sources", "urls",
]

# A line starting like this (after spaces) is a formula to a spreadsheet (full-width forms too).
_FORMULA = re.compile("^[ \u00a0\u3000]*[=+\\-@\uff1d\uff0b\uff0d\uff20]|^[\t'\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _cell(text: str) -> str:
    """``text`` with a ``'`` before each of its lines that a spreadsheet could run (see above)."""
    return "".join("'" + line if _FORMULA.match(line) else line for line in text.splitlines(keepends=True))


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
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_row(event) for event in timeline.events)
    return out.getvalue()
