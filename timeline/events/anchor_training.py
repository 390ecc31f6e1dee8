"""Fitting anchoring on TimeML, and scoring it by cross-validation.

Two ways to anchor are fitted on the same examples and compared on held-out documents:

- the *costs* of :func:`timeline.events.anchoring.hand_anchor` (seven numbers), tuned by
  coordinate search from the shipped values (the shipped value wins a tie);
- the *model* of :mod:`timeline.events.anchor_model`: a logistic regression that ranks the
  candidates of each expression (each gold anchor against each other candidate, L2, strength
  :data:`C`, liblinear: deterministic).

An example is one DATE/TIME expression found by the tagger that overlaps a gold expression the
gold links to events (``IS_INCLUDED``, ``DURING``, ``SIMULTANEOUS``, as the events scorer counts
them), with the words of those gold events.  scikit-learn is needed to fit, never to anchor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from timeline.events.anchor_model import Model, candidates, shipped_model
from timeline.events.anchoring import COSTS, HAND, anchoring_by, costs, hand_anchor, structural_picks
from timeline.events.assembly import _expression_place
from timeline.events.lexicon import lexicon
from timeline.events.sentence import Parsed, parse
from timeline.lang import DEFAULT_LANGUAGE
from timeline.models import Relation
from timeline.timeml import TimeMLDocument

if TYPE_CHECKING:
    from timeline.evaluate_events import Score

C = 0.03  # inverse regularisation strength of the model (fixed, not tuned on the folds)
COST_STEPS = (0.0, 0.5, 0.75, 1.25, 1.5, 2.0)  # the multiples of a shipped cost the search tries
Group = list[tuple[list[str], bool]]  # one expression's candidates: features, is a gold anchor


@dataclass
class Example:
    """One time expression to anchor: where it is, and which of its sentence's tokens the gold
    says it dates."""

    s: Parsed
    first: int
    last: int
    relation: Relation
    day: bool
    gold: frozenset[int]

    def group(self) -> Group:
        """Its candidates: their features, and whether each is a gold word."""
        where = (self.s, self.first, self.last, self.relation, self.day)
        return [(f, k in self.gold) for k, f in candidates(*where, structural_picks(*where))]


def document_examples(doc: TimeMLDocument, lang: str = DEFAULT_LANGUAGE) -> list[Example]:
    """The examples of one document, its expressions as the tagger finds them (as at run time)."""
    from timeline.evaluate_events import _overlaps, gold_anchors
    from timeline.temporal import tag
    from timeline.text import split_sentences

    lex = lexicon(lang)
    anchors = gold_anchors(doc)
    timexes = {t.tid: t for t in doc.timexes}
    events = {e.eid: e for e in doc.events}
    published = doc.dct_datetime
    sentences = split_sentences(doc.text, lang)
    expressions = sorted(tag(doc.text, published, lang=lang, sentences=sentences), key=lambda e: e.start)
    examples: list[Example] = []
    for sentence in sentences:
        inside = [e for e in expressions if e.start < sentence.end and e.end > sentence.start]
        if not inside:
            continue
        s = parse(sentence, inside, lex)
        starts, ends = [t.start for t in s.tokens], [t.end for t in s.tokens]
        for e in inside:
            if e.type not in ("DATE", "TIME"):
                continue
            gold = [g for t in anchors if _overlaps(e.start, e.end, timexes[t].start, timexes[t].end)
                    for g in (events.get(x) for x in anchors[t]) if g is not None]
            place = _expression_place(e, starts, ends, published) if gold else None
            if place is None:
                continue
            first, last, _, timing, day = place
            hits = frozenset(k for k, t in enumerate(s.tokens)
                             if any(_overlaps(t.start, t.end, g.start, g.end) for g in gold))
            if hits:
                examples.append(Example(s, first, last, timing, day, hits))
    return examples


def fit_model(groups: Sequence[Group], c: float = C) -> Model:
    """The ranking logistic regression: each gold candidate of an expression against each other
    candidate of it (the difference of their feature vectors, both ways round, no intercept), so
    the weights learn to put the gold anchor first among the words of its own sentence."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = sorted({f for group in groups for features, _ in group for f in features})
    column = {name: i for i, name in enumerate(names)}
    rows, labels = [], []
    for group in groups:
        vectors = []
        for features, label in group:
            v = np.zeros(len(names))
            v[[column[f] for f in features]] = 1.0
            vectors.append((v, label))
        for v, label in vectors:
            for w, other in vectors:
                if label and not other:
                    rows += [v - w, w - v]
                    labels += [1, 0]
    if not rows:
        return Model(weights={})
    clf = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000, fit_intercept=False)
    clf.fit(np.array(rows), labels)
    weights = {name: round(float(w), 4) for name, w in zip(names, clf.coef_[0]) if round(float(w), 4) != 0.0}
    return Model(weights=weights)


def _right(examples: Sequence[Example]) -> int:
    """How many of ``examples`` the costs in force anchor on a gold word."""
    return sum(hand_anchor(e.s, e.first, e.last, e.relation, e.day) in e.gold for e in examples)


def tune_costs(examples: Sequence[Example], rounds: int = 2) -> dict[str, float]:
    """The costs that anchor most of ``examples`` right: coordinate search from the shipped costs,
    each cost tried at :data:`COST_STEPS` times its shipped value; a change must gain."""
    shipped = costs()
    best = dict(shipped)
    with anchoring_by(HAND, best):
        best_right = _right(examples)
    for _ in range(rounds):
        changed = False
        for name in COSTS:
            for step in COST_STEPS:
                trial = {**best, name: shipped[name] * step}
                with anchoring_by(HAND, trial):
                    right = _right(examples)
                if right > best_right:
                    best, best_right, changed = trial, right, True
        if not changed:
            break
    return best


def _score(docs: Sequence[TimeMLDocument], model, with_costs: Optional[dict[str, float]]) -> Score:
    """The events scorer's figures on ``docs`` with the given anchoring (the real pipeline)."""
    from timeline.evaluate_events import Score, score_document
    from timeline.events import extract_events

    score = Score()
    with anchoring_by(model, with_costs):
        for doc in docs:
            score_document(doc, extract_events(doc.text, doc.dct_datetime), score)
    return score


def cross_validate_anchoring(gold_dir: str | Path, folds: int = 2) -> dict:
    """Anchoring precision by ``folds``-fold cross-validation over documents, dealt in name order
    as :func:`timeline.evaluate.fold_of` deals them: for each fold, the costs are tuned and the
    model fitted on the other folds' documents only, then the fold is scored with each by the
    events scorer; pooled over the folds, with what ships scored on the whole set beside."""
    from timeline.evaluate import _documents, fold_of

    if folds < 2:
        raise ValueError("--folds needs at least 2 folds")
    docs = _documents(gold_dir)
    if len(docs) < folds:
        raise ValueError(f"{gold_dir}: {len(docs)} documents cannot make {folds} folds")
    examples = [document_examples(d) for d in docs]
    from timeline.evaluate_events import Score

    pooled = {"costs": Score(), "model": Score()}
    report = []
    for k in range(folds):
        train = [e for i, es in enumerate(examples) if fold_of(i, folds) != k for e in es]
        test = [d for i, d in enumerate(docs) if fold_of(i, folds) == k]
        tuned = tune_costs(train)
        with anchoring_by(HAND, tuned):  # (the model weighs the costs' choice: the fold's own)
            model = fit_model([e.group() for e in train])
        row = {"fold": k + 1, "documents": len(test), "training_examples": len(train),
               "tuned_costs": {name.strip("_").lower(): v for name, v in tuned.items()}}
        for name, (anchoring, with_costs) in (("costs", (HAND, tuned)), ("model", (model, tuned))):
            tally = _score(test, anchoring, with_costs)
            pooled[name].add(tally)
            row[name] = tally.figures()
        report.append(row)
    return {"folds": report, "pooled": {name: t.figures() for name, t in pooled.items()},
            "whole": _score(docs, None, None).figures()}


def format_anchoring_cv(name: str, cv: dict) -> str:
    """The printable report of ``timeline eval GOLD_DIR --events --folds N``."""
    folds = len(cv["folds"])
    lines = [f"{name}: anchoring precision, {folds}-fold cross-validation over documents",
             "  (per fold: costs tuned and model fitted on the other folds, this fold scored)"]
    for fold in cv["folds"]:
        lines.append(f"  fold {fold['fold']} ({fold['documents']} documents, trained on "
                     f"{fold['training_examples']} expressions): costs {fold['costs']['precision']:.1f} "
                     f"({fold['costs']['correct']}/{fold['costs']['judged']}), model {fold['model']['precision']:.1f} "
                     f"({fold['model']['correct']}/{fold['model']['judged']})")
    pooled = cv["pooled"]
    ships = shipped_anchoring()
    for kind in ("costs", "model"):
        p = pooled[kind]
        lines.append(f"  held-out folds pooled, {kind:5}: anchoring precision {p['precision']:.1f} "
                     f"({p['correct']}/{p['judged']}), coverage {p['coverage']:.1f}"
                     + ("  <- ships" if kind == ships else ""))
    whole = cv["whole"]
    lines.append(f"  as shipped ({ships}), whole set: anchoring precision {whole['precision']:.1f} "
                 f"({whole['correct']}/{whole['judged']}), coverage {whole['coverage']:.1f}")
    return "\n".join(lines)


def shipped_anchoring(lang: str = DEFAULT_LANGUAGE) -> str:
    """What anchors as shipped: 'model' when the language's model file is enabled, else 'costs'."""
    return "model" if shipped_model(lang) is not None else "costs"


def train(gold_dir: str | Path, folds: int = 2) -> str:
    """The data file ``scripts/train_anchoring.py`` writes: the model fitted on every document of
    ``gold_dir``, the cross-validated figures of costs and model, and ``enabled`` when the model
    beat the costs there (only then does it anchor)."""
    from timeline.evaluate import _documents

    with anchoring_by(HAND):
        cv = cross_validate_anchoring(gold_dir, folds)
    docs = _documents(gold_dir)
    model = fit_model([e.group() for d in docs for e in document_examples(d)])
    costs_cv, model_cv = cv["pooled"]["costs"]["precision"], cv["pooled"]["model"]["precision"]
    about = {
        "about": "Anchoring model: weights of structural features of candidate event words "
                 "(timeline/events/anchor_model.py), written by scripts/train_anchoring.py.",
        "trained_on": f"{Path(gold_dir).name}: {len(docs)} documents",
        "c": C,
        "cross_validation": {"folds": folds, "costs_precision": costs_cv, "model_precision": model_cv},
        "enabled": model_cv > costs_cv,
    }
    return json.dumps({**about, "weights": dict(sorted(model.weights.items()))}, indent=1, ensure_ascii=False) + "\n"
