"""TempEval-3 Task A scoring behind ``timeline eval``.

The definitions follow UzZaman et al. (SemEval 2013), "TempEval-3: Evaluating Time Expressions,
Events, and Temporal Relations":

- *strict* match: a system expression whose span is exactly a gold expression's span;
- *relaxed* match: a system expression that overlaps a gold expression, paired one to one
  (exact spans are paired first, then the largest overlaps);
- *type* and *value* F1: a relaxed match whose TIMEX3 type (value) is also right counts as a true
  positive; precision is over all system expressions, recall over all gold expressions.

Values are compared in TIMEX3's standard notation (:func:`notation`): some annotated corpora
write the same period with redundant or non-standard fields (the tweets corpus writes the year
2014 as ``2014-XX-XX``, a Friday as ``2014-05-16-WXX-5``, a week as ``2015-01-W02``).  Those
are read as ``2014``, ``2014-05-16`` and ``2015-W02``; nothing else is rewritten, and the
``literal`` row of the report gives the value F1 with the strings compared as they are.

Each document is tagged from the plain text of its ``<TEXT>``, anchored at its ``<DCT>``, with the
same ``timeline.tag`` the library offers: nothing here is special-cased for evaluation.
"""

from __future__ import annotations

import bisect
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path

from timeline.temporal import engine, resolve, tag
from timeline.temporal.engine import grammar
from timeline.terminal import printable
from timeline.timeml import GoldTimex, TimeMLDocument, read_corpus

_CONTEXT = 40  # characters of context shown around an error
_MEASURES = ("strict", "relaxed", "type", "value", "literal")
# Variant notations of a TIMEX3 value, rewritten to the standard one: a year written as a day
# with unknown month and day, a day that also names its weekday, a week that also names a month.
_NOTATIONS = (
    (re.compile(r"^(\d{4})-XX-XX$"), r"\1"),
    (re.compile(r"^(\d{4}-\d\d-\d\d)-WXX-\d(?=T|$)"), r"\1"),
    (re.compile(r"^(\d{4})-\d\d-(W\d\d)"), r"\1-\2"),
)


def notation(value: str) -> str:
    """``value`` in TIMEX3's standard notation: ``2014-XX-XX`` -> ``2014``,
    ``2014-05-16-WXX-5T18:00`` -> ``2014-05-16T18:00``, ``2015-01-W02`` -> ``2015-W02``;
    any other value is returned unchanged."""
    for pattern, standard in _NOTATIONS:
        value = pattern.sub(standard, value)
    return value


@dataclass
class Counts:
    """Tallies from which precision, recall and F1 are computed."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0
    literal: int = 0  # values equal as strings, without reading variant notations

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

    ``gold`` and ``system`` items need ``start`` and ``end`` attributes.  Each gold span is
    compared only with the system spans that can overlap it, those starting less than the longest
    system span before it (found by bisection): a document of thousands of expressions is not
    compared pair by pair.
    """
    order = sorted(range(len(system)), key=lambda si: system[si].start)
    starts = [system[si].start for si in order]
    longest = max((s.end - s.start for s in system), default=0)
    candidates = []
    for gi, g in enumerate(gold):
        for k in range(bisect.bisect_right(starts, g.start - longest), bisect.bisect_left(starts, g.end)):
            si = order[k]
            s = system[si]
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
        type_ok, value_ok = g.type == s.type, notation(g.value) == notation(s.value)
        # by type, matches are tallied under the gold type: the breakdown gives recall
        for counts in (doc, counts_for(g.type)):
            counts.relaxed += 1
            counts.strict += exact
            counts.type += type_ok
            counts.value += value_ok
            counts.literal += g.value == s.value
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
    return score_documents(_documents(gold_dir))


def _documents(gold_dir: str | Path) -> list[TimeMLDocument]:
    docs = read_corpus(gold_dir)
    if not docs:
        raise ValueError(f"{gold_dir}: no TimeML documents (*.tml) found")
    return docs


def score_documents(docs: list[TimeMLDocument]) -> Scores:
    scores = Scores()
    for doc in docs:
        system = tag(doc.text, published=doc.dct_datetime)
        score_document(doc.text, doc.timexes, system, scores, doc.doc_id)
    return scores


# --- cross-validation ----------------------------------------------------------------------------

# The tagger's tunable numbers (everything else is rules and word lists): where each lives, and
# the values cross-validation chooses among, the shipped one included.
TUNABLE = {
    "past_reach": (resolve, "PAST_REACH", (30, 60, 90, 180)),
    "tense_window": (engine, "TENSE_WINDOW", (100, 200, 300)),
}


def shipped_settings() -> dict[str, int]:
    return {name: getattr(module, attr) for name, (module, attr, _) in TUNABLE.items()}


@contextmanager
def tuned(settings: dict[str, int]):
    """The tagger with its tunable numbers set to ``settings`` for the duration of the block."""
    before = shipped_settings()
    try:
        for name, value in settings.items():
            module, attr, _ = TUNABLE[name]
            setattr(module, attr, value)
        yield
    finally:
        for name, value in before.items():
            module, attr, _ = TUNABLE[name]
            setattr(module, attr, value)


def _grid() -> list[dict[str, int]]:
    combos: list[dict[str, int]] = [{}]
    for name, (_, _, values) in TUNABLE.items():
        combos = [{**c, name: v} for c in combos for v in values]
    return combos


def fold_of(index: int, folds: int) -> int:
    """The fold of the ``index``-th document in name order: documents are dealt in turn, so each
    fold gets as many documents of each source (their names begin with it) as the others."""
    return index % folds


def cross_validate(gold_dir: str | Path, folds: int = 2) -> dict:
    """Value F1 by ``folds``-fold cross-validation over documents.

    Documents, sorted by name, are dealt to the folds in turn.  For each fold, the tunable numbers
    (``TUNABLE``) are chosen on the other folds (the best value F1; the shipped setting wins a
    tie) and the fold is scored with them.  The rules and word lists are the same in every fold:
    they were written on the whole of TimeBank, so what this measures for them is how evenly they
    serve two halves, not how they would do on unseen text (the tweets, and held-back news, do).
    """
    if folds < 2:
        raise ValueError("--folds needs at least 2 folds")
    docs = _documents(gold_dir)
    if len(docs) < folds:
        raise ValueError(f"{gold_dir}: {len(docs)} documents cannot make {folds} folds")
    shipped = shipped_settings()
    pooled = Counts()
    report = []
    for k in range(folds):
        tune_docs = [d for i, d in enumerate(docs) if fold_of(i, folds) != k]
        test_docs = [d for i, d in enumerate(docs) if fold_of(i, folds) == k]
        best, best_key = None, None
        for combo in _grid():
            with tuned(combo):
                total = score_documents(tune_docs).total
            key = (round(total.prf(total.value)[2], 6), combo == shipped)
            if best_key is None or key > best_key:
                best, best_key = combo, key
        with tuned(best):
            held = score_documents(test_docs).total
        pooled.add(held)
        report.append({"fold": k + 1, "documents": len(test_docs), "tuned": best,
                       "tuning_value_f1": round(best_key[0], 1),
                       "value_f1": round(held.prf(held.value)[2], 1)})
    return {"folds": report, "pooled": _figures(pooled), "shipped": shipped}


def format_cross_validation(name: str, cv: dict) -> str:
    lines = [f"{name}: {len(cv['folds'])}-fold cross-validation over documents (value F1)"]
    for fold in cv["folds"]:
        setting = ", ".join(f"{k}={v}" for k, v in fold["tuned"].items())
        lines.append(f"  fold {fold['fold']} ({fold['documents']} documents): tuned on the others "
                     f"({setting}; {fold['tuning_value_f1']:.1f} there), scored {fold['value_f1']:.1f}")
    pooled = cv["pooled"]
    lines.append(f"  held-out folds pooled: value F1 {pooled['value']['f1']:.1f}, "
                 f"strict F1 {pooled['strict']['f1']:.1f}")
    return "\n".join(lines)


# --- which rules fire where ---------------------------------------------------------------------

def rule_usage(docs: list[TimeMLDocument], lang: str = "en") -> dict[str, dict]:
    """For each rule of the grammar: the documents it fires in, its matches, and the matches that
    pair with a gold expression of the same type and value (negative rules: matches only)."""
    rules = grammar(lang)
    usage = {rule.name: {"documents": 0, "hits": 0, "right": 0} for rule in rules.rules}
    for doc in docs:
        fired: set[str] = set()
        for hit in rules.find(doc.text, negatives=True):
            if hit.rule.type == "NONE":
                usage[hit.rule.name]["hits"] += 1
                fired.add(hit.rule.name)
        system = tag(doc.text, published=doc.dct_datetime)
        right = {si for gi, si in pair(doc.timexes, system)
                 if doc.timexes[gi].type == system[si].type
                 and notation(doc.timexes[gi].value) == notation(system[si].value)}
        for si, s in enumerate(system):
            for name in s.rule.split("+"):  # a clock time joined to its day counts for both rules
                usage[name]["hits"] += 1
                usage[name]["right"] += si in right
                fired.add(name)
        for name in fired:
            usage[name]["documents"] += 1
    return usage


def format_rule_usage(corpora: dict[str, dict[str, dict]]) -> str:
    """One line a rule: documents, matches and right matches in each corpus; a rule that fires in
    at most one document of all of them is marked ``?``."""
    names = list(corpora)
    head = f"{'rule':28}" + "".join(f"{n[:22]:>24}" for n in names)
    sub = f"{'':28}" + "".join(f"{'docs':>8}{'hits':>8}{'right':>8}" for _ in names)
    lines = [head, sub]
    rules = list(next(iter(corpora.values())))
    for rule in rules:
        cells = [corpora[n][rule] for n in names]
        rare = sum(c["documents"] for c in cells) <= 1
        lines.append(f"{rule:27}{'?' if rare else ' '}" +
                     "".join(f"{c['documents']:8}{c['hits']:8}{c['right']:8}" for c in cells))
    rare = sum(1 for rule in rules if sum(corpora[n][rule]["documents"] for n in names) <= 1)
    lines.append(f"{len(rules)} rules; {rare} fire in at most one document (marked ?)")
    return "\n".join(lines)


def _figures(c: Counts) -> dict:
    out = {"gold": c.gold, "system": c.system}
    for name in _MEASURES:
        p, r, f = c.prf(getattr(c, name))
        out[name] = {"precision": round(p, 1), "recall": round(r, 1), "f1": round(f, 1)}
    return out


def summary(scores: Scores) -> dict:
    """The figures of ``scores`` as a JSON-ready dict (percentages rounded to 0.1).

    By type, expressions are counted under their gold type, so only recall is given there.
    """

    def recalls(c: Counts) -> dict:
        out = {"gold": c.gold, "system": c.system}
        for name in ("strict", "relaxed", "value"):
            out[f"{name}_recall"] = round(100 * getattr(c, name) / c.gold, 1) if c.gold else 0.0
        return out

    return {"total": _figures(scores.total),
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
            # (each piece of the documents' text made one line: a name or an expression may hold a line break)
            lines.append(printable(f"{e['doc']}: {what}{rule} | {e['context']}"))
    return "\n".join(lines)


def format_side_by_side(corpora: dict[str, Scores]) -> str:
    """The Task A table of several corpora side by side, then each one's breakdown by type."""
    names = list(corpora)
    data = {n: summary(corpora[n]) for n in names}
    lines = [f"{'':10}" + "".join(f"{n[:27]:>28}" for n in names),
             f"{'':10}" + "".join(f"{'P':>10}{'R':>9}{'F1':>9}" for _ in names)]
    for measure in _MEASURES:
        lines.append(f"{measure:10}" + "".join(
            f"{f['precision']:10.1f}{f['recall']:9.1f}{f['f1']:9.1f}"
            for f in (data[n]["total"][measure] for n in names)))
    lines.append(f"{'gold':10}" + "".join(f"{data[n]['total']['gold']:28}" for n in names))
    lines.append(f"{'system':10}" + "".join(f"{data[n]['total']['system']:28}" for n in names))
    for n in names:
        lines.append("")
        lines.append(f"{n}: {'by type':10}{'gold':>6}{'system':>8}{'strict R':>10}{'relaxed R':>11}{'value R':>9}")
        for kind, c in data[n]["by_type"].items():
            lines.append(f"{'':{len(n) + 2}}{kind:10}{c['gold']:6}{c['system']:8}{c['strict_recall']:10.1f}"
                         f"{c['relaxed_recall']:11.1f}{c['value_recall']:9.1f}")
    return "\n".join(lines)


def run_eval(gold_dirs: str | list[str], *, events: bool = False, errors: bool = False,
             as_json: bool = False, folds: int = 0, rules: bool = False) -> str:
    """The printable report of ``timeline eval GOLD_DIR...``: one corpus, or several side by side;
    ``folds``: cross-validated value F1 (with ``events``: cross-validated anchoring precision);
    ``rules``: where each rule fires."""
    dirs = [gold_dirs] if isinstance(gold_dirs, str) else list(gold_dirs)
    names = _names(dirs)
    if events and folds:
        from timeline.events.anchor_training import cross_validate_anchoring, format_anchoring_cv

        cvs = {n: cross_validate_anchoring(d, folds) for n, d in zip(names, dirs)}
        if as_json:
            return json.dumps(cvs, indent=2)
        return "\n\n".join(format_anchoring_cv(n, cv) for n, cv in cvs.items())
    if events:
        from timeline.evaluate_events import run_events_eval

        return "\n\n".join(run_events_eval(d, errors=errors, as_json=as_json) for d in dirs)
    if rules:
        usage = {n: rule_usage(_documents(d)) for n, d in zip(names, dirs)}
        return json.dumps(usage, indent=2) if as_json else format_rule_usage(usage)
    if folds:
        cvs = {n: cross_validate(d, folds) for n, d in zip(names, dirs)}
        if as_json:
            return json.dumps(cvs, indent=2)
        return "\n\n".join(format_cross_validation(n, cv) for n, cv in cvs.items())
    corpora = {n: evaluate_corpus(d) for n, d in zip(names, dirs)}
    if as_json:
        def data(scores: Scores) -> dict:
            out = summary(scores)
            if errors:
                out["errors"] = scores.errors
            return out

        if len(dirs) == 1:
            return json.dumps(data(corpora[names[0]]), indent=2)
        return json.dumps({n: data(s) for n, s in corpora.items()}, indent=2)
    if len(dirs) == 1:
        return format_report(corpora[names[0]], errors=errors)
    report = format_side_by_side(corpora)
    if errors:
        report += "".join(f"\n\n{n}:\n" + format_report(s, errors=True).split("\n\n", 2)[-1]
                          for n, s in corpora.items())
    return report


def _names(dirs: list[str]) -> list[str]:
    """Short names for the corpora: their folder names, made unique."""
    names = []
    for d in dirs:
        name = printable(Path(d).resolve().name or str(d))
        while name in names:
            name += "'"
        names.append(name)
    return names
