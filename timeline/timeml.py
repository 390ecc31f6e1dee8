"""Reading TimeML 1.2 documents (TimeBank, TempEval-3) into plain text with offsets.

The plain text of a document is the content of ``<TEXT>`` with the tags removed and XML
entities decoded; every annotation carries its character offsets into that text.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class GoldTimex:
    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    eid: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class GoldLink:
    rel_type: str
    event_id: str | None  # an EVENT eid (instances are mapped back to their events)
    time_id: str | None  # relatedToTime


@dataclass
class TimeMLDocument:
    doc_id: str
    path: str
    text: str
    dct: str | None  # the creation time value, e.g. '1998-02-13T14:26:00'
    timexes: list[GoldTimex] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    links: list[GoldLink] = field(default_factory=list)
    # the tids of the TIMEX3s outside the text (the creation time's), which one in it cannot take too
    outside_tids: tuple[str, ...] = ()
    # a TIMEX3 inside another, as their texts (inner, outer), even one with no text of its own
    nested: tuple[str, str] | None = None

    @property
    def dct_datetime(self) -> dt.datetime | None:
        """The creation time as a datetime (a date alone is taken at midnight); None when it is no
        day written YYYY-MM-DD, with its time after a 'T' if any ('1998-W02' is a week)."""
        if not self.dct:
            return None
        value = self.dct.strip()
        if not _DCT_DAY.match(value):
            return None
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            try:
                return dt.datetime.combine(dt.date.fromisoformat(value[:10]), dt.time())
            except ValueError:
                return None


_DCT_DAY = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]|$)")


def _walk(element: ET.Element, pieces: list[str], offset: int, found: list) -> int:
    """Append the text of ``element``'s content to ``pieces``; record annotated spans."""
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _walk(child, pieces, offset, found)
        found.append((child, start, offset))
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    return offset


def _by_its_mark(data: str | bytes, path: str) -> str | bytes:
    """``data`` decoded by its byte order mark (UTF-8, -16 or -32) when it has one, as an article's
    text is: the mark wins over the XML declaration; without one, the declaration tells."""
    from timeline.articles import bom_of

    mark = bom_of(data) if isinstance(data, bytes) else None
    if mark is None:
        return data
    encoding, length = mark
    try:
        return data[length:].decode(encoding)
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not {encoding.upper()} text (invalid byte at offset {exc.start + length})") from None


def parse_timeml(source: str | Path) -> TimeMLDocument:
    """Parse one TimeML file (a path) or TimeML string (starting with '<')."""
    from timeline.articles import read_file

    if isinstance(source, Path) or not str(source).lstrip().startswith("<"):
        path = str(source)
        data = read_file(path)  # a pipe or device is refused, never waited on or read forever
    else:
        path, data = "<string>", source
    data = _by_its_mark(data, path)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not well-formed TimeML ({exc})") from None
    except (LookupError, ValueError) as exc:  # (an encoding the declaration names that cannot be read: 'x-bogus',
        # 'rot13', 'utf-32' without its mark)
        raise ValueError(f"{path}: the encoding its XML declaration names cannot be read ({exc})") from None
    # (a page or another XML document, scored as a document of no text and no time expressions,
    # would lower the scores in silence: a gold file that cannot be used stops the scoring)
    if root.tag != "TimeML":
        raise ValueError(f"{path}: not TimeML (its root element is <{root.tag[:100]}>, not <TimeML>)")
    if root.find("TEXT") is None:
        raise ValueError(f"{path}: not TimeML (no <TEXT> element)")

    doc_id_el = root.find("DOCID")
    doc_id = (doc_id_el.text or "").strip() if doc_id_el is not None else Path(path).stem

    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
            break

    pieces: list[str] = []
    found: list = []
    try:
        _walk(root.find("TEXT"), pieces, 0, found)
    except RecursionError:  # no TimeML nests deeper than a few levels
        raise ValueError(f"{path}: not TimeML (elements nested too deeply)") from None
    text = "".join(pieces)

    timexes: list[GoldTimex] = []
    events: list[GoldEvent] = []
    for el, start, end in found:
        if el.tag == "TIMEX3":
            timexes.append(
                GoldTimex(
                    tid=el.get("tid", ""),
                    start=start,
                    end=end,
                    text=text[start:end],
                    type=el.get("type", ""),
                    value=el.get("value", ""),
                    mod=el.get("mod"),
                )
            )
        elif el.tag == "EVENT":
            events.append(
                GoldEvent(
                    eid=el.get("eid", ""),
                    start=start,
                    end=end,
                    text=text[start:end],
                )
            )
    timexes.sort(key=lambda t: t.start)
    events.sort(key=lambda e: e.start)
    inside = [el for el, _, _ in found if el.tag == "TIMEX3"]
    known = set(map(id, inside))
    outside_tids = tuple(el.get("tid") for el in root.iter("TIMEX3") if id(el) not in known and el.get("tid"))
    spans = {id(el): text[start:end] for el, start, end in found}
    nested = next(((spans[id(inner)], spans[id(outer)]) for outer in inside for inner in outer.iter("TIMEX3")
                   if inner is not outer), None)

    instance_to_event = {
        mi.get("eiid"): mi.get("eventID") for mi in root.iter("MAKEINSTANCE") if mi.get("eiid")
    }
    links: list[GoldLink] = []
    for tl in root.iter("TLINK"):
        rel = tl.get("relType", "")
        if tl.get("eventInstanceID"):
            links.append(
                GoldLink(
                    rel_type=rel,
                    event_id=instance_to_event.get(tl.get("eventInstanceID")),
                    time_id=tl.get("relatedToTime"),
                )
            )
        elif tl.get("timeID") and tl.get("relatedToEventInstance"):
            # a time related to an event: read it from the event's side
            links.append(
                GoldLink(
                    rel_type=_INVERSE.get(rel, rel),
                    event_id=instance_to_event.get(tl.get("relatedToEventInstance")),
                    time_id=tl.get("timeID"),
                )
            )
    return TimeMLDocument(doc_id, path, text, dct, timexes, events, links, outside_tids, nested)


# The relation seen from the other side (time->event read as event->time).
_INVERSE = {
    "BEFORE": "AFTER",
    "AFTER": "BEFORE",
    "INCLUDES": "IS_INCLUDED",
    "IS_INCLUDED": "INCLUDES",
    "BEGINS": "BEGUN_BY",
    "BEGUN_BY": "BEGINS",
    "ENDS": "ENDED_BY",
    "ENDED_BY": "ENDS",
    "IBEFORE": "IAFTER",
    "IAFTER": "IBEFORE",
}


def read_corpus(directory: str | Path) -> list[TimeMLDocument]:
    """Every ``*.tml`` document under ``directory`` (however deep: the walk keeps its own stack),
    sorted by file name; hidden files and folders are not read.  A gold document needs its
    creation time: without one, no relative expression of it could be scored right, so one whose
    time is missing or no date stops the reading (a ``ValueError`` naming it), as a file that is
    no TimeML does."""
    from timeline.articles import folder_files

    docs = [parse_timeml(Path(p)) for p in sorted(folder_files(os.fspath(directory), set(), (".tml",)))]
    for doc in docs:
        if doc.dct_datetime is None:
            told = f"DCT value {doc.dct[:100]!r}" if doc.dct is not None else "no DCT"
            raise ValueError(f"{doc.path}: no usable creation time ({told})")
        problem = _gold_problem(doc.timexes, doc.outside_tids, doc.nested)
        if problem:  # (scored, it would count against the tagger what is the file's mistake)
            raise ValueError(f"{doc.path}: not usable as gold ({problem})")
    return docs


TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


def _gold_problem(timexes: list[GoldTimex], outside_tids=(), nested: tuple[str, str] | None = None) -> str | None:
    """What makes a document's time expressions unusable as gold, or None: one with no value (or
    only blanks) or a type TimeML has not, a tid given twice (or one of ``outside_tids``, the
    creation time's), one inside another (``nested``, however short)."""
    seen: set[str] = set(outside_tids)
    for timex in timexes:
        name = f"TIMEX3 {timex.tid[:40]!r}" if timex.tid else f"the TIMEX3 {timex.text[:40]!r}"
        if not timex.value.strip():
            return f"{name} has no value"
        if timex.type not in TIMEX_TYPES:
            return f"{name} has type {timex.type[:40]!r}, not one of {', '.join(TIMEX_TYPES)}"
        if timex.tid and timex.tid in seen:
            return f"{name} is given twice"
        seen.add(timex.tid)
    if nested:  # (read from the elements: offsets miss one of no text at the end of another)
        return f"{nested[0][:40]!r} inside {nested[1][:40]!r}: a TIMEX3 in another"
    return None
