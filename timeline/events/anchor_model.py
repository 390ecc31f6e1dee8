"""A learned anchoring model: each candidate event word of a time expression is described by
structural features (its clause, the verb governing the expression, reporting-verb complements,
the noun an expression modifies, distance, direction, word class, what lies between, tense
agreement), and the candidate whose features weigh most is the word the expression dates.

The weights are a logistic regression fitted on TimeML links by ``scripts/train_anchoring.py``
(see :mod:`timeline.events.anchor_training`); they ship as a data file of the language
(``timeline/lang/<lang>/events/anchoring_model.json``), so at run time scoring is a sum of the
weights of a few dozen feature names: no model library is loaded.  The features are names of
structural facts, never words, so the engine serves any language whose word lists say which
words are clause words, complementizers, prepositions and reporting verbs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from timeline.events.clauses import _governing_verb, _stative
from timeline.events.lexicon import lemma
from timeline.events.sentence import _BREAKS, _QUOTES, Parsed, WordClass, _clause_start
from timeline.lang import LANG_DIR
from timeline.models import Relation

MODEL_FILE = ("events", "anchoring_model.json")
WINDOW = 40  # tokens looked at on each side of an expression (keeps anchoring linear)


@dataclass(frozen=True)
class Model:
    """Feature name -> weight (no intercept: it would not change a ranking)."""

    weights: dict[str, float]

    def score(self, features: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in features)


@lru_cache(maxsize=None)
def shipped_model(lang: str) -> Optional[Model]:
    """The model shipped for ``lang``, or None when the language has none or its training found
    it no better than the costs in cross-validation (``"enabled": false``): the costs anchor then."""
    path = LANG_DIR.joinpath(lang, *MODEL_FILE)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if not data.get("enabled"):
        return None
    return Model(weights={k: float(v) for k, v in data["weights"].items()})


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _kind(cls: WordClass) -> str:
    if cls.period_end:
        return "period_end"
    if cls.state:
        return "state"
    if cls.reporting:
        return "reporting"
    if cls.finite:
        return "finite"
    if cls.infinitive:
        return "infinitive"
    if cls.verb:
        return "verb"
    if cls.noun:
        return "noun"
    return "other"


def _tense(cls: WordClass, relation: Relation) -> str:
    if cls.infinitive and relation == Relation.BEFORE:
        return "infinitive_past"
    if {cls.relation, relation} == {Relation.BEFORE, Relation.AFTER}:
        return "clash"
    if cls.relation == Relation.UNKNOWN or relation == Relation.UNKNOWN:
        return "unknown"
    return "agree" if cls.relation == relation else "near"


def _expression_verb(s: Parsed, first: int, last: int) -> Optional[int]:
    """The finite verb of the clause the expression is in: left of it up to the clause start,
    else right of it up to the clause end."""
    classes, tokens, lex = s.classes, s.tokens, s.lex
    start = _clause_start(s, first)
    for k in range(first - 1, start - 1, -1):
        if classes[k].finite:
            return k
    for k in range(last + 1, min(len(tokens), last + 1 + WINDOW)):
        if tokens[k].text in _BREAKS or tokens[k].low in lex.clause:
            break
        if classes[k].finite:
            return k
    return None


def _complement_owner(s: Parsed, first: int) -> Optional[int]:
    """The reporting verb whose complement clause holds the expression ('officials said that on
    Friday the suspects were arrested'): a reporting verb, then a complementizer, before the
    expression, with no sentence break between."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    opener = None
    for k in range(first - 1, max(-1, first - 1 - WINDOW), -1):
        if tokens[k].text in ";:()":
            return None
        if tokens[k].low in lex.complementizers and opener is None:
            opener = k
        if classes[k].reporting:
            return k if opener is not None else None
    return None


def candidates(s: Parsed, first: int, last: int, relation: Relation, day: bool,
               picks: dict[str, Optional[int]]) -> Iterator[tuple[int, list[str]]]:
    """Each candidate word for the expression over ``first..last`` with its features.
    ``picks`` are the words the structural rules point at (the noun the expression modifies,
    the verb of a clause opened by the expression, ...): each is a candidate, and being one is
    a feature."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    n = len(tokens)
    lo, hi = max(0, first - WINDOW), min(n, last + 1 + WINDOW)
    pool = {k for k in range(lo, hi) if (classes[k].verb or classes[k].noun) and not s.timed[k]}
    pool.update(k for k in picks.values() if k is not None and not s.timed[k])
    if not pool:
        return
    governing = _expression_verb(s, first, last)
    owner = _complement_owner(s, first)
    marks = {}
    for name, k in picks.items():
        if k is not None:
            marks.setdefault(k, []).append(name)
    objects: dict[int, int] = {}  # a verb left of the expression -> the event noun it governs
    governed: set[int] = set()
    for k in pool:
        if classes[k].noun and k < first:
            g = _governing_verb(s, k)
            if g != k:
                objects[g] = k
                governed.add(k)
    hand = picks.get("hand")
    hand_kind = _kind(classes[hand]) if hand is not None else "none"
    hand_side = "none" if hand is None else "L" if hand < first else "R"
    adjunct = picks.get("adjunct_verb")  # the expression opens its clause with an adjunct
    left = sorted((k for k in pool if k < first), reverse=True)
    right = sorted(k for k in pool if k > last)
    for side, ordered in (("L", left), ("R", right)):
        finite_rank = 0
        # what lies between the expression and each candidate, counted as the walk goes out
        commas = breaks = clause = comps = coords = finite = subjects = 0
        i = first - 1 if side == "L" else last + 1
        step = -1 if side == "L" else 1
        for rank, k in enumerate(ordered, 1):
            while i != k:
                tok = tokens[i]
                if tok.text == ",":
                    commas += 1
                elif tok.text in _BREAKS and tok.text not in _QUOTES:
                    breaks += 1
                if tok.low in lex.complementizers:
                    comps += 1
                elif tok.low in lex.coordinators:
                    coords += 1
                elif tok.low in lex.clause:
                    clause += 1
                if tok.low in lex.subjects:
                    subjects += 1
                if classes[i].finite:
                    finite += 1
                i += step
            cls = classes[k]
            kind = _kind(cls)
            distance = abs(k - first) - 1 if side == "L" else k - last - 1
            if cls.finite:
                finite_rank += 1
            tense = _tense(cls, relation)
            grain = "day" if day else "period"
            same = commas == breaks == clause == comps == coords == 0
            f = [
                f"side={side}",
                f"dist={side}{_bucket(distance, (0, 1, 2, 4, 7, 12, 20))}",
                f"rank={side}{_bucket(rank, (1, 2, 3))}",
                f"kind={kind}",
                f"kind={kind}|{side}",
                f"kind={kind}|{grain}",
                f"kind={kind}|rank={side}{_bucket(rank, (1, 2))}",
                f"tense={tense}",
                f"tense={tense}|{kind}",
                f"commas={side}{_bucket(commas, (0, 1))}",
                f"breaks={_bucket(breaks, (0, 1))}",
                f"clause={side}{_bucket(clause, (0, 1))}",
                f"comps={side}{_bucket(comps, (0, 1))}",
                f"coords={_bucket(coords, (0, 1))}",
                f"finite_between={side}{_bucket(finite, (0, 1))}",
                f"subjects={side}{_bucket(subjects, (0, 1))}",
                f"same_clause={same}|{side}",
                f"same_clause={same}|{kind}",
            ]
            if cls.finite:
                f.append(f"finite_rank={side}{_bucket(finite_rank, (1, 2))}")
            if cls.verb:
                stem = lemma(tokens[k].text, lex)
                sense = ("stative" if _stative(tokens[k], lex) else "light" if stem in lex.lights
                         else "plan" if stem in lex.plans else "")
                if sense:
                    f.append(f"sense={sense}|{side}")
                    f.append(f"sense={sense}|{grain}")
                if k in objects:
                    f.append(f"object_between={objects[k] < first}|{side}")
            if k in governed:
                f.append(f"governed_noun|{grain}")
            if k == governing:
                f.append("governs_expression")
                f.append(f"governs_expression|{kind}")
            if owner is not None:
                if k == owner:
                    f.append("reporter_of_expression_clause")
                elif owner < k:
                    f.append(f"inside_reported_clause|{side}")
            if cls.reporting and comps and side == "R":
                f.append("reporter_after_complementizer")
            if cls.reporting and side == "L" and comps:
                f.append("expression_in_complement_of_candidate")
            if comps and side == "R" and not cls.reporting:
                f.append(f"in_complement_right|{_bucket(distance, (3, 8))}")
            if cls.noun and side == "L" and distance <= 2 and first and tokens[first - 1].low in lex.prepositions:
                occasion = tokens[first - 1].low in lex.occasions
                f.append(f"noun_before_preposition|occasion={occasion}|{grain}")
            if hand is not None and k != hand:
                f.append(f"hand={hand_kind}|me={kind}|{grain}")
                f.append(f"hand={hand_side}|me={side}|{'beyond' if (k < hand) == (side == 'L') else 'nearer'}")
                if objects.get(hand) == k:
                    f.append(f"object_of_hand|{grain}")
                if objects.get(k) == hand:
                    f.append(f"governs_hand|{grain}")
            if adjunct is not None and side == "L" and same:
                f.append(f"inside_opening_adjunct|{kind}")
            for name in marks.get(k, ()):
                f.append(f"pick={name}")
                f.append(f"pick={name}|{kind}")
            yield k, f
