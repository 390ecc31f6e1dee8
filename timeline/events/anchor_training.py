"""Fitting the anchoring model on TimeML, and scoring it by cross-validation.

A training example is one DATE/TIME expression found by the tagger that overlaps a gold
expression the gold links to events (``IS_INCLUDED``, ``DURING``, ``SIMULTANEOUS``, as the
events scorer counts them): its candidates (:func:`timeline.events.anchor_model.candidates`),
those overlapping a linked gold event being the positive ones.  A logistic regression over the
candidates' features (L2, fixed strength :data:`C`; liblinear, deterministic) gives the
weights.  scikit-learn is needed to fit only, never to anchor.
"""

from __future__ import annotations

import bisect
import json
from pathlib import Path
from typing import Sequence

from timeline.events.anchor_model import Model, candidates
from timeline.events.anchoring import HAND, anchoring_by, structural_picks
from timeline.events.assembly import _REFERENCES, _beyond, _relation_to
from timeline.events.lexicon import lexicon
from timeline.events.sentence import parse
from timeline.models import Granularity
from timeline.temporal import tag
from timeline.temporal.calendar import timex_span
from timeline.text import split_sentences
from timeline.timeml import TimeMLDocument

C = 0.3  # inverse regularisation strength (fixed: not tuned on the folds)
Group = list[tuple[list[str], bool]]  # one expression's candidates: features, is a gold anchor


def document_groups(doc: TimeMLDocument, lang: str = "en") -> list[Group]:
    """The training examples of one document, the expressions as the tagger finds them."""
    from timeline.evaluate_events import _overlaps, gold_anchors

    lex = lexicon(lang)
    anchors = gold_anchors(doc)
    timexes = {t.tid: t for t in doc.timexes}
    events = {e.eid: e for e in doc.events}
    published = doc.dct_datetime
    sentences = split_sentences(doc.text, lang)
    expressions = sorted(tag(doc.text, published, lang=lang, sentences=sentences), key=lambda e: e.start)
    groups: list[Group] = []
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
            if not gold:
                continue
            first = bisect.bisect_right(ends, e.start)
            last = bisect.bisect_left(starts, e.end) - 1
            if first >= len(s.tokens) or last < 0:
                continue
            span = timex_span(e.value)
            timing = _relation_to(span, published) if span else _REFERENCES.get(e.value) or _beyond(e.value, published)
            day = span is None or span.granularity in (Granularity.DAY, Granularity.TIME)
            picks = structural_picks(s, first, last, timing, day)
            group = [(f, any(_overlaps(s.tokens[k].start, s.tokens[k].end, g.start, g.end) for g in gold))
                     for k, f in candidates(s, first, last, timing, day, picks)]
            if any(label for _, label in group):
                groups.append(group)
    return groups


def fit(groups: Sequence[Group], c: float = C, exclude: Sequence[str] = ()) -> Model:
    """A ranking logistic regression: for each expression, each gold candidate against each other
    candidate (the difference of their feature vectors, both ways round), so the weights learn
    to put the gold anchor first among the words of its own sentence (features starting with one
    of ``exclude`` left out)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    names = sorted({f for group in groups for features, _ in group for f in features
                    if not f.startswith(tuple(exclude))})
    column = {name: i for i, name in enumerate(names)}
    rows, labels = [], []
    for group in groups:
        vectors = []
        for features, label in group:
            v = np.zeros(len(names))
            for f in features:
                if f in column:
                    v[column[f]] = 1.0
            vectors.append((v, label))
        for v, label in vectors:
            if not label:
                continue
            for w, other in vectors:
                if not other:
                    rows.append(v - w)
                    labels.append(1)
                    rows.append(w - v)
                    labels.append(0)
    clf = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000, fit_intercept=False)
    clf.fit(np.array(rows), labels)
    weights = {name: round(float(w), 4) for name, w in zip(names, clf.coef_[0]) if round(float(w), 4) != 0.0}
    return Model(weights=weights)


def model_json(model: Model, about: dict) -> str:
    """The data file of a model: deterministic (sorted keys, rounded weights)."""
    return json.dumps({**about, "bias": model.bias, "weights": dict(sorted(model.weights.items()))},
                      indent=1, sort_keys=False, ensure_ascii=False) + "\n"


def cross_validate_anchoring(gold_dir: str | Path, folds: int = 2, exclude: Sequence[str] = ()) -> dict:
    """Anchoring precision by ``folds``-fold cross-validation over documents (dealt in name order
    as :func:`timeline.evaluate.fold_of` deals them): for each fold, a model fitted on the other
    folds' documents only, the fold scored with it by the events scorer; the hand costs (which
    fit nothing) scored on the same folds beside it."""
    from timeline.evaluate import _documents, fold_of
    from timeline.evaluate_events import Score, score_document
    from timeline.events import extract_events

    if folds < 2:
        raise ValueError("--folds needs at least 2 folds")
    docs = _documents(gold_dir)
    if len(docs) < folds:
        raise ValueError(f"{gold_dir}: {len(docs)} documents cannot make {folds} folds")
    groups = [document_groups(d) for d in docs]
    report = []
    pooled = {"model": Score(), "hand": Score()}
    for k in range(folds):
        train = [g for i, gs in enumerate(groups) if fold_of(i, folds) != k for g in gs]
        test = [d for i, d in enumerate(docs) if fold_of(i, folds) == k]
        model = fit(train, exclude=exclude)
        row = {"fold": k + 1, "documents": len(test), "training_expressions": len(train)}
        for name, anchoring in (("model", model), ("hand", HAND)):
            score = Score()
            with anchoring_by(anchoring):
                for doc in test:
                    score_document(doc, extract_events(doc.text, doc.dct_datetime), score)
            for total in (pooled[name],):
                total.linked += score.linked
                total.covered += score.covered
                total.judged += score.judged
                total.correct += score.correct
            row[name] = _figures(score)
        report.append(row)
    return {"folds": report, "pooled": {name: _figures(s) for name, s in pooled.items()}}


def _figures(score) -> dict:
    return {"coverage": round(100 * score.coverage, 1), "precision": round(100 * score.precision, 1),
            "correct": score.correct, "judged": score.judged, "covered": score.covered, "linked": score.linked}
