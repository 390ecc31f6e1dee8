"""TimeML 1.2 export that ``timeline.timeml.parse_timeml`` (and ``timeline eval``) reads back.

The document's text is the events' sentences, one a line, each sentence once: the date phrases
that date its events are TIMEX3 elements (not its other time phrases: scored against the tagger,
those count as found and not in the gold), the words naming its events EVENT elements (two events
of one word, instances of one EVENT), and TLINKs tie each event to its date (IS_INCLUDED) or, for
undated events, to the creation time as their tense tells.  The creation time is the latest
publication day of the articles, none when none has one (and ``timeline eval`` then refuses it).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

from timeline.models import Event, Timeline
from timeline.render.common import first_source, locate

_CLASS = {"occurrence": "OCCURRENCE", "statement": "REPORTING", "state": "STATE"}
_TO_CREATION_TIME = {"before": "BEFORE", "after": "AFTER", "overlap": "INCLUDES"}


# Characters XML 1.0 cannot carry at all: dropped from the text and attributes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# Characters XML carries that would act on a terminal showing the file (C1 controls such as the
# 8-bit CSI, bidi overrides and isolates, line separators, invisible marks): written as character
# references, which every XML reader turns back into the same text (offsets unchanged).
_REFERENCED = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def _referenced(text: str) -> str:
    return _REFERENCED.sub(lambda m: f"&#x{ord(m.group()):X};", text)


def escape(text: str) -> str:
    return _referenced(_escape(_NOT_XML.sub("", text)))


def quoteattr(text: str) -> str:
    return _referenced(_quoteattr(_NOT_XML.sub("", text)))


def _attrs(**values) -> str:
    return "".join(f" {name}={quoteattr(str(v))}" for name, v in values.items() if v is not None)


def _sentence_key(event: Event):
    src = first_source(event)
    where = (src.path or src.url or src.title) if src else None
    return where, src.sentence_start if src else 0, event.sentence


def _applied(spans: list[tuple[int, int, str, str, str]]) -> list[tuple[int, int, str, str, str]]:
    """The ``(start, end, open tag, close tag, id)`` of ``spans`` that a sentence is tagged with, in
    order: each that overlaps none tagged before it."""
    applied, pos = [], 0
    for span in sorted(spans):
        if span[0] >= pos:
            applied.append(span)
            pos = span[1]
    return applied


def _tagged(sentence: str, spans: list[tuple[int, int, str, str, str]]) -> str:
    """``sentence`` with its ``_applied`` spans."""
    out, pos = [], 0
    for start, end, open_tag, close_tag, _ in spans:
        out += [escape(sentence[pos:start]), open_tag, escape(sentence[start:end]), close_tag]
        pos = end
    out.append(escape(sentence[pos:]))
    return "".join(out)


def _event_tag(n: int, event: Event) -> str:
    return f'<EVENT{_attrs(eid=f"e{n}", **{"class": _CLASS[event.kind]})}>'


def _timex_tag(tid: str, te) -> str:
    return f"<TIMEX3{_attrs(tid=tid, type=te.type, value=te.value, mod=te.mod, quant=te.quant, freq=te.freq)}>"


def render(timeline: Timeline) -> str:
    published = [a.published.date() for a in timeline.articles if a.published]  # days: zoned and
    creation = max(published).isoformat() if published else None  # naive times do not compare

    sentences: dict[tuple, list[Event]] = {}
    for event in timeline.events:
        sentences.setdefault(_sentence_key(event), []).append(event)

    lines, instances, links = [], [], []
    timexes = numbered = 0
    for (_, sentence_start, sentence), events in sentences.items():
        text, spans, tids, told = sentence, [], {}, []
        for event in events:
            numbered += 1
            n = numbered
            trigger = locate(sentence, sentence_start, event.trigger)
            if trigger:
                spans.append((*trigger, _event_tag(n, event), "</EVENT>", f"e{n}"))
            te = event.time_expression
            if te:
                where = locate(sentence, sentence_start, te)
                if not where:  # a date phrase from another sentence: given after this one
                    text += f" ({te.text})"
                    where = (len(text) - 1 - len(te.text), len(text) - 1)
                if where not in tids:
                    timexes += 1
                    tids[where] = f"t{timexes}"
                    spans.append((*where, _timex_tag(tids[where], te), "</TIMEX3>", tids[where]))
                related, rel = tids[where], "IS_INCLUDED"
            else:
                related = "t0" if creation else None
                rel = _TO_CREATION_TIME.get(event.relation.value)
            told.append((n, trigger, related if rel else None, rel))
        applied = _applied(spans)
        # each event an instance of the EVENT tagged at its trigger, or of the one tagged over it (two
        # events of one word, 'five hurricanes from 1975 to 1980'); one placed nowhere has none
        tagged = [(start, end, ident) for start, end, _, _, ident in applied if ident.startswith("e")]
        times = {"t0"} | {ident for *_, ident in applied if ident.startswith("t")}
        for n, trigger, related, rel in told:
            eid = next((eid for start, end, eid in tagged if trigger and start < trigger[1] and trigger[0] < end), None)
            if eid is None:
                continue
            instances.append(f'<MAKEINSTANCE{_attrs(eiid=f"ei{n}", eventID=eid)}/>')
            if related in times:  # (and a date phrase tagged: not one an EVENT over it left out)
                lid = f"l{len(links) + 1}"
                links.append(f"<TLINK{_attrs(lid=lid, relType=rel, eventInstanceID=f'ei{n}', relatedToTime=related)}/>")
        lines.append(_tagged(text, applied))

    dct = ""
    if creation:
        dct = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{creation}" temporalFunction="false" '
               f'functionInDocument="CREATION_TIME">{creation}</TIMEX3></DCT>\n')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n<DOCID>timeline</DOCID>\n' + dct
        + "<TEXT>\n" + "\n".join(lines) + "\n</TEXT>\n"
        + "".join(line + "\n" for line in instances + links)
        + "</TimeML>\n"
    )
