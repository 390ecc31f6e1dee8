"""CSV export: one event a row, in timeline order, for spreadsheets, with what the page knows of
its weight: whether it is a key event, its score, how many articles and outlets reported it, which
outlets, and when the first of them appeared.

Every cell is quoted and rows end with CR LF (RFC 4180).  Article text is plain text in every
cell, as on the page: layout controls (escape sequences that would drive a terminal showing the
file, bidi overrides that would show 'gnp.exe' reversed, line breaks) become spaces
(:func:`~timeline.render.common.plain`).  A spreadsheet runs a cell that starts with ``=``,
``+``, ``-`` or ``@`` (after any spaces) as a formula, and some importers split cells on tabs:
so a cell that starts with one of those, or with ``'`` itself, gets a ``'`` in front.  Removing
that one ``'`` gives the plain text back exactly.
"""

from __future__ import annotations

import csv
import io
import re

from timeline.models import Event, Timeline
from timeline.render.common import RELATION_LABELS, comparable_time, outlet, outlet_key, plain, source_label

COLUMNS = [
    "id", "start", "end", "value", "granularity", "time", "title", "kind", "date_phrase",
    "sentence", "relation", "actors", "sources", "urls",
    # what the page knows of its weight: a key event, its score, who reported it and first when
    "key", "score", "articles", "outlets", "outlet_names", "first_published",
]

# A line starting like this (after spaces or invisible characters, which a spreadsheet may drop)
# is a formula to a spreadsheet (full-width forms too).
_FORMULA = re.compile("^[ \u00a0\u3000\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]*[=+\\-@\uff1d\uff0b\uff0d\uff20]"
                      "|^[\t'\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _cell(text: str) -> str:
    """``text`` as plain text, with a ``'`` in front if a spreadsheet could run it (see above)."""
    text = plain(text)
    return "'" + text if _FORMULA.match(text) else text


def _row(event: Event) -> list[str]:
    date, salience = event.date, event.salience
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
        "yes" if event.key else "",
        f"{salience.score:.3f}" if salience else "",
        str(salience.articles if salience else len({s.article_key for s in event.sources})),
        str(salience.outlets if salience else len(_outlets(event.sources))),
        _cell("; ".join(_outlets(event.sources).values())),
        _first_published(event),
    ]


def _outlets(sources) -> dict[str, str]:
    """The outlets of ``sources``, each once however its name is written, as first written."""
    found: dict[str, str] = {}
    for source in sources:
        found.setdefault(outlet_key(source), outlet(source))
    return found


def _first_published(event: Event) -> str:
    """When the first of its articles appeared, as it was written (zoned times compared in one zone,
    as the page's lanes compare them: :func:`~timeline.render.common.comparable_time`)."""
    times = [s.published for s in event.sources if s.published is not None]
    return min(times, key=comparable_time).isoformat() if times else ""


def render(timeline: Timeline) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_row(event) for event in timeline.events)
    return out.getvalue()
