"""The temporal tagger: finds time expressions and gives them TIMEX3 values.

Two phases, as a careful reader does it: the engine (``engine.py``) finds the expressions with the
language's rules and gives them underspecified values; the resolver (``resolve.py``) places those
on the calendar against the publication date, or against the date the text last moved to, and the
tense of the sentence.
"""

from __future__ import annotations

import bisect

from timeline.models import TimeExpression, coerce_published
from timeline.temporal import resolve as _resolve
from timeline.temporal.engine import Hit, grammar
from timeline.text import split_sentences

__all__ = ["tag"]


def tag(text: str, published=None, lang: str = "en") -> list[TimeExpression]:
    """Time expressions in ``text``, sorted and non-overlapping, anchored at ``published``.

    ``published`` may be a datetime, a date, an ISO string or None; without it, relative
    expressions keep X's in their values and are marked ``resolved=False``.
    """
    day = coerce_published(published)
    publication = day.date().isoformat() if day else None
    rules = grammar(lang)
    hits = rules.find(text)
    sentences = None
    history: list[tuple[str, int]] = []  # calendar values the text moved to, with their rank
    found = []
    for hit in hits:
        direction = hit.options.get("dir", "~")
        anchor_kind, anchor, template = _anchor(hit, publication, history)
        tense = None
        if hit.rule.type == "SET":  # "every Sunday" names no day to place
            anchor_kind, anchor = None, None
        elif _resolve.needs_tense(template, direction):
            if sentences is None:
                sentences = split_sentences(text, lang)
                starts = [s.start for s in sentences]
            i = max(bisect.bisect_right(starts, hit.start) - 1, 0)
            bounds = (sentences[i].start, sentences[i].end) if sentences else (0, len(text))
            tense = rules.tense(text, hit.start, hit.end, bounds)
        value, resolved = _resolve.resolve(template, anchor, direction, tense)
        if hit.rule.type in ("DATE", "TIME") and resolved and anchor_kind != "context":
            code = _resolve.granularity(value)
            if code is not None:
                history.append((value, _resolve.RANK[code]))
        found.append(TimeExpression(
            start=hit.start, end=hit.end, text=text[hit.start:hit.end], type=hit.rule.type,
            value=value, mod=hit.options.get("mod"), quant=hit.options.get("quant"),
            freq=hit.options.get("freq"), resolved=resolved,
            anchor=anchor_kind if _resolve.needs_anchor(template) and resolved else None,
            rule=hit.rule.name,
        ))
    return found


def _anchor(hit: Hit, publication: str | None, history: list[tuple[str, int]]) -> tuple[str | None, str | None, str]:
    """``(kind, anchor value, template)`` for ``hit``: the publication date, or for rules anchored
    in context the latest value of the text with a precision they accept (option ``context``, by
    default the one they refer to: "that day" a day, "the quarter" a quarter); when the text
    gives none, the publication date with the rule's ``else`` template if it has one."""
    if hit.options.get("anchor") == "context":
        accepted = hit.options.get("context", _resolve.head_granularity(hit.value) or "").split(",")
        ranks = {_resolve.RANK[code] for code in accepted if code in _resolve.RANK}
        for value, rank in reversed(history):
            if rank in ranks:
                return "context", value, hit.value
        template = hit.options.get("else", hit.value)
    else:
        template = hit.value
    return ("publication", publication, template) if publication else (None, None, template)
