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
    sentences: list | None = None
    tenses = rules.tense_reader(text)
    history: dict[int, tuple[int, str]] = {}  # rank -> (order, latest calendar value of that rank)
    found = []
    for hit in hits:
        direction = hit.options.get("dir", "~")
        anchor_kind, anchor, template = _anchor(hit, publication, history)
        if hit.rule.type == "SET":  # "every Sunday" names no day to place
            anchor_kind, value, resolved = None, template, True
        else:
            tense = None
            if _resolve.needs_tense(template, direction):
                sentences = sentences if sentences is not None else split_sentences(text, lang)
                tense = tenses.tense(hit.start, hit.end, _sentence_bounds(sentences, hit.start, len(text)))
            value, resolved = _resolve.resolve(template, anchor, direction, tense)
        if hit.rule.type in ("DATE", "TIME") and resolved and anchor_kind != "context":
            code = _resolve.granularity(value)
            if code is not None:
                history[_resolve.RANK[code]] = (len(found), value)
        found.append(TimeExpression(
            start=hit.start, end=hit.end, text=text[hit.start:hit.end], type=hit.rule.type,
            value=value, mod=hit.options.get("mod"), quant=hit.options.get("quant"),
            freq=hit.options.get("freq"), resolved=resolved,
            anchor=anchor_kind if _resolve.needs_anchor(template) and resolved else None,
            rule=hit.rule.name,
        ))
    return found


def _sentence_bounds(sentences: list, at: int, length: int) -> tuple[int, int]:
    """The offsets of the sentence containing offset ``at`` (the whole text if none)."""
    i = bisect.bisect_right(sentences, at, key=lambda s: s.start) - 1
    return (sentences[i].start, sentences[i].end) if i >= 0 else (0, length)


def _anchor(hit: Hit, publication: str | None, history: dict[int, tuple[int, str]]) -> tuple[str | None, str | None, str]:
    """``(kind, anchor value, template)`` for ``hit``: the publication date, or for rules anchored
    in context the latest value of the text with a precision they accept (option ``context``, by
    default the one they refer to: "that day" a day, "the quarter" a quarter); when the text
    gives none, the publication date with the rule's ``else`` template if it has one."""
    if hit.options.get("anchor") == "context":
        accepted = hit.options.get("context", _resolve.head_granularity(hit.value) or "").split(",")
        latest = [history[_resolve.RANK[code]] for code in accepted if _resolve.RANK.get(code) in history]
        if latest:
            return "context", max(latest)[1], hit.value
        template = hit.options.get("else", hit.value)
    else:
        template = hit.value
    return ("publication", publication, template) if publication else (None, None, template)
