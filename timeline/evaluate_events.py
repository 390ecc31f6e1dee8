"""Scoring the events layer on TimeML (``timeline eval GOLD_DIR --events``).

TimeML says which events happened at which time: a TLINK from an event to a time expression with
``IS_INCLUDED``, ``DURING`` or ``SIMULTANEOUS``.  Over the DATE and TIME expressions of the text
(not the creation time) that the gold links so to at least one event:

- *coverage*: the share of them for which our events have one whose time expression overlaps it
  (the event that expression times, whether it gets a calendar date or, for a reference such as
  'now' or 'PAST_REF', only a side of publication);
- *anchoring precision*: of our *dated* events (a calendar date, ``Event.date``) whose time
  expression overlaps one of them (the only ones a gold standard can judge), the share whose
  trigger overlaps a gold event linked to it.  An event timed by 'now' or 'recently' has no
  date on the timeline's axis: it is not a dated event, so it is not judged.

Each document is run through :func:`timeline.extract_events`, the real pipeline;
``gold_timexes=True`` feeds the gold time expressions instead, to measure the events layer alone.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from timeline.events import events_from_expressions, extract_events
from timeline.models import Event, TimeExpression
from timeline.terminal import printable
from timeline.timeml import GoldTimex, TimeMLDocument, read_corpus

ANCHORING_LINKS = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS"})


@dataclass
class Score:
    linked: int = 0  # gold DATE/TIME expressions linked to an event
    covered: int = 0
    judged: int = 0  # our dated events whose expression overlaps a linked gold one
    correct: int = 0
    documents: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.covered / self.linked if self.linked else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else 0.0

    def add(self, other: "Score") -> None:
        """Pool ``other``'s counts into these (cross-validation folds)."""
        self.linked += other.linked
        self.covered += other.covered
        self.judged += other.judged
        self.correct += other.correct
        self.documents += other.documents

    def figures(self) -> dict:
        """Precision and coverage in percent, with the counts behind them."""
        return {"precision": round(100 * self.precision, 1), "coverage": round(100 * self.coverage, 1),
                "correct": self.correct, "judged": self.judged, "covered": self.covered, "linked": self.linked}


def gold_anchors(doc: TimeMLDocument) -> dict[str, set[str]]:
    """Linked DATE/TIME expression id -> the ids of the events the gold places at that time (the
    expressions of the text: the creation time is not one of them)."""
    timexes = {t.tid: t for t in doc.timexes if t.type in ("DATE", "TIME")}
    anchors: dict[str, set[str]] = defaultdict(set)
    for link in doc.links:
        if link.rel_type in ANCHORING_LINKS and link.time_id in timexes and link.event_id:
            anchors[link.time_id].add(link.event_id)
    return dict(anchors)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _expressions(doc: TimeMLDocument) -> list[TimeExpression]:
    return [
        TimeExpression(start=t.start, end=t.end, text=t.text, type=t.type, value=t.value, mod=t.mod)
        for t in doc.timexes
        if t.type in ("DATE", "TIME", "DURATION", "SET")
    ]


def _context(doc: TimeMLDocument, start: int, end: int, width: int = 70) -> str:
    left = doc.text[max(0, start - width):start].replace("\n", " ")
    right = doc.text[end:end + width].replace("\n", " ")
    return f"...{left}[{doc.text[start:end]}]{right}..."


def score_document(doc: TimeMLDocument, events: list[Event], score: Score) -> None:
    """Add one document's figures (and its errors, with context) to ``score``."""
    anchors = gold_anchors(doc)
    timexes = {t.tid: t for t in doc.timexes}
    gold_events = {e.eid: e for e in doc.events}
    timed = [e for e in events if e.time_expression is not None]
    score.documents += 1
    for tid in anchors:
        score.linked += 1
        gold = timexes[tid]
        if any(_overlaps(e.time_expression.start, e.time_expression.end, gold.start, gold.end) for e in timed):
            score.covered += 1
        else:
            score.errors.append(f"{doc.doc_id}: missed {gold.text!r} ({gold.value}): "
                                f"{_context(doc, gold.start, gold.end)}")
    for event in timed:
        if event.date is None:
            continue  # timed by a reference ('now'): not on the dated axis, not judged
        expr = event.time_expression
        linked: list[GoldTimex] = [timexes[t] for t in anchors
                                   if _overlaps(expr.start, expr.end, timexes[t].start, timexes[t].end)]
        if not linked:
            continue
        score.judged += 1
        allowed = [gold_events[e] for t in linked for e in anchors[t.tid] if e in gold_events]
        if any(_overlaps(event.trigger.start, event.trigger.end, g.start, g.end) for g in allowed):
            score.correct += 1
        else:
            expected = ", ".join(sorted({g.text for g in allowed}))
            score.errors.append(f"{doc.doc_id}: {expr.text!r} dates {event.trigger.text!r}, gold: {expected}: "
                                f"{_context(doc, event.trigger.start, event.trigger.end)}")


def score_corpus(gold_dir: str | Path, *, gold_timexes: bool = False) -> Score:
    """Score every TimeML document under ``gold_dir``; raises ``ValueError`` when there is none."""
    docs = read_corpus(gold_dir)
    if not docs:
        raise ValueError(f"{gold_dir}: no TimeML (*.tml) documents found")
    score = Score()
    for doc in docs:
        if gold_timexes:
            events = events_from_expressions(doc.text, _expressions(doc), doc.dct_datetime)
        else:
            events = extract_events(doc.text, doc.dct_datetime)
        score_document(doc, events, score)
    return score


def run_events_eval(gold_dir: str, *, errors: bool = False, as_json: bool = False,
                    gold_timexes: bool = False) -> str:
    """The printable report of ``timeline eval GOLD_DIR --events``."""
    score = score_corpus(gold_dir, gold_timexes=gold_timexes)
    figures = {
        "documents": score.documents,
        "linked_expressions": score.linked,
        "coverage": round(score.coverage, 4),
        "covered": score.covered,
        "judged_events": score.judged,
        "anchoring_precision": round(score.precision, 4),
        "correct": score.correct,
        "time_expressions": "gold" if gold_timexes else "tagger",
    }
    if as_json:
        if errors:
            figures["errors"] = score.errors
        return json.dumps(figures, indent=2)
    lines = [
        f"Events on {score.documents} documents (time expressions from the {figures['time_expressions']})",
        "  over DATE/TIME expressions the gold links to an event (IS_INCLUDED, DURING, SIMULTANEOUS)",
        f"  coverage             {score.coverage:6.1%}  ({score.covered}/{score.linked} expressions date one of our events)",
        f"  anchoring precision  {score.precision:6.1%}  ({score.correct}/{score.judged} of our dated events on "
        "those expressions have a gold-linked trigger)",
        "  (covered: an event timed by the expression, dated or, for 'now' or 'recently', placed relative to "
        "publication; judged: the dated events only, those with a calendar date)",
    ]
    if errors:
        lines.append(f"Errors ({len(score.errors)}):")
        lines.extend(f"  {printable(e)}" for e in score.errors)  # (the documents' text: one line each)
    return "\n".join(lines)
