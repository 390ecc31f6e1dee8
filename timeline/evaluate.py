"""TempEval-3 Task A scoring behind ``timeline eval``.

The definitions follow UzZaman et al. (SemEval 2013), "TempEval-3: Evaluating Time Expressions,
Events, and Temporal Relations":

- *strict* match: a system expression whose span is exactly a gold expression's span;
- *relaxed* match: a system expression that overlaps a gold expression, paired one to one
  (exact spans are paired first, then the largest overlaps);
- *type* and *value* F1: a relaxed match whose TIMEX3 type (value) is also right counts as a true
  positive; precision is over all system expressions, recall over all gold expressions.

Each document is tagged from the plain text of its ``<TEXT>``, anchored at its ``<DCT>``, with the
same ``timeline.tag`` the library offers: nothing here is special-cased for evaluation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path

from timeline.temporal import tag
from timeline.timeml import GoldTimex, read_corpus

_CONTEXT = 40  # characters of context shown around an error
_MEASURES = ("strict", "relaxed", "type", "value")


@dataclass
class Counts:
    """Tallies from which precision, recall and F1 are computed."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0

    def add(self, other: "Counts") -> None:
        for tally in fields(self):
            setattr(self, tally.name, getattr(self, tally.name) + getattr(other, tally.name))

    def prf(self, hits: int) -> tuple[float, float, float]:
        """Precision, recall and F1 (in percent) of ``hits`` true positives."""
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


@dataclass
class Scores:
    total: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)


def pair(gold: list, system: list) -> list[tuple[int, int]]:
    """One-to-one relaxed pairs ``(gold index, system index)``: exact spans first, then overlaps.

    ``gold`` and ``system`` items need ``start`` and ``end`` attributes.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = g.start == s.start and g.end == s.end
                candidates.append((not exact, -overlap, gi, si))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, _, gi, si in candidates:
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            pairs.append((gi, si))
    return sorted(pairs)


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - _CONTEXT):start]
    right = text[end:end + _CONTEXT]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def _error(doc_id: str, kind: str, text: str, gold=None, system=None) -> dict:
    """One mistake as ``scores.errors`` lists it, with the text around the gold (else the system)
    expression."""
    at = gold or system
    return {"doc": doc_id, "kind": kind,
            "gold": f"{gold.text} {gold.type} {gold.value}" if gold else None,
            "system": f"{system.text} {system.type} {system.value}" if system else None,
            "rule": getattr(system, "rule", None), "context": _context(text, at.start, at.end)}


def score_document(text: str, gold: list[GoldTimex], system: list, scores: Scores, doc_id: str = "") -> None:
    """Add one document's tallies (and its errors) to ``scores``."""

    def counts_for(kind: str) -> Counts:
        return scores.by_type.setdefault(kind, Counts())

    doc = Counts(gold=len(gold), system=len(system))
    for g in gold:
        counts_for(g.type).gold += 1
    for s in system:
        counts_for(s.type).system += 1
    pairs = pair(gold, system)
    paired_gold = {gi for gi, _ in pairs}
    paired_system = {si for _, si in pairs}
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        exact = g.start == s.start and g.end == s.end
        type_ok, value_ok = g.type == s.type, g.value == s.value
        # by type, matches are tallied under the gold type: the breakdown gives recall
        for counts in (doc, counts_for(g.type)):
            counts.relaxed += 1
            counts.strict += exact
            counts.type += type_ok
            counts.value += value_ok
        if not (type_ok and value_ok and exact):
            kind = "wrong" if not (type_ok and value_ok) else "span"
            scores.errors.append(_error(doc_id, kind, text, gold=g, system=s))
    scores.errors += [_error(doc_id, "missed", text, gold=g)
                      for gi, g in enumerate(gold) if gi not in paired_gold]
    scores.errors += [_error(doc_id, "false", text, system=s)
                      for si, s in enumerate(system) if si not in paired_system]
    scores.total.add(doc)


def evaluate_corpus(gold_dir: str | Path) -> Scores:
    """Tag every document under ``gold_dir`` and score it against its gold TIMEX3s."""
    docs = read_corpus(gold_dir)
    if not docs:
        raise ValueError(f"{gold_dir}: no TimeML documents (*.tml) found")
    scores = Scores()
    for doc in docs:
        system = tag(doc.text, published=doc.dct_datetime)
        score_document(doc.text, doc.timexes, system, scores, doc.doc_id)
    return scores


def summary(scores: Scores) -> dict:
    """The figures of ``scores`` as a JSON-ready dict (percentages rounded to 0.1).

    By type, expressions are counted under their gold type, so only recall is given there.
    """

    def figures(c: Counts) -> dict:
        out = {"gold": c.gold, "system": c.system}
        for name in _MEASURES:
            p, r, f = c.prf(getattr(c, name))
            out[name] = {"precision": round(p, 1), "recall": round(r, 1), "f1": round(f, 1)}
        return out

    def recalls(c: Counts) -> dict:
        out = {"gold": c.gold, "system": c.system}
        for name in ("strict", "relaxed", "value"):
            out[f"{name}_recall"] = round(100 * getattr(c, name) / c.gold, 1) if c.gold else 0.0
        return out

    return {"total": figures(scores.total),
            "by_type": {kind: recalls(c) for kind, c in sorted(scores.by_type.items())}}


def format_report(scores: Scores, *, errors: bool = False) -> str:
    """The human-readable report: the Task A table, the breakdown by type, optionally the errors."""
    data = summary(scores)
    total = data["total"]
    lines = [f"TempEval-3 Task A: {total['gold']} gold, {total['system']} system time expressions",
             f"{'':10}{'P':>7}{'R':>7}{'F1':>7}"]
    for name in _MEASURES:
        f = total[name]
        lines.append(f"{name:10}{f['precision']:7.1f}{f['recall']:7.1f}{f['f1']:7.1f}")
    lines.append("")
    lines.append(f"{'by type':10}{'gold':>6}{'system':>8}{'strict R':>10}{'relaxed R':>11}{'value R':>9}")
    for kind, c in data["by_type"].items():
        lines.append(f"{kind:10}{c['gold']:6}{c['system']:8}{c['strict_recall']:10.1f}"
                     f"{c['relaxed_recall']:11.1f}{c['value_recall']:9.1f}")
    if errors:
        lines.append("")
        for e in scores.errors:
            what = {"missed": f"missed   {e['gold']}", "false": f"false    {e['system']}",
                    "wrong": f"wrong    {e['system']}  (gold {e['gold']})",
                    "span": f"span     {e['system']}  (gold {e['gold']})"}[e["kind"]]
            rule = f" [{e['rule']}]" if e["rule"] else ""
            lines.append(f"{e['doc']}: {what}{rule} | {e['context']}")
    return "\n".join(lines)


def run_eval(gold_dir: str, *, events: bool = False, errors: bool = False, as_json: bool = False) -> str:
    """The printable report of ``timeline eval GOLD_DIR``."""
    if events:
        from timeline.evaluate_events import run_events_eval

        return run_events_eval(gold_dir, errors=errors, as_json=as_json)
    scores = evaluate_corpus(gold_dir)
    if as_json:
        data = summary(scores)
        if errors:
            data["errors"] = scores.errors
        return json.dumps(data, indent=2)
    return format_report(scores, errors=errors)
