"""The figures on the development corpora (TempEval-3 Task A), guarded.

TimeBank (issue 3): value F1 >= 87, strict F1 >= 88, relaxed F1 >= 94, type F1 >= 90 on the whole
set, and value F1 >= 84 in two-fold cross-validation over documents (issue 11).  Tweets (issue 11):
value F1 >= 75, values compared in standard TIMEX3 notation (``timeline.evaluate.notation``); the
value F1 with values compared as written is guarded at its present level.
"""

from __future__ import annotations

import pytest

from timeline.evaluate import cross_validate, evaluate_corpus, summary

TARGETS = {"strict": 88.0, "relaxed": 94.0, "type": 90.0, "value": 87.0}
CROSS_VALIDATED_VALUE = 84.0
TWEETS_VALUE = 75.0
TWEETS_LITERAL = 64.0  # values compared as written, variant notations counted wrong (59.3 before issue 11)


@pytest.fixture(scope="module")
def figures(timebank_dir):
    return summary(evaluate_corpus(timebank_dir))


@pytest.mark.corpus
@pytest.mark.parametrize("measure", sorted(TARGETS))
def test_timebank_f1_does_not_drop(figures, measure):
    assert figures["total"][measure]["f1"] >= TARGETS[measure], (
        f"{measure} F1 {figures['total'][measure]['f1']} (target {TARGETS[measure]})")


@pytest.mark.corpus
def test_every_gold_expression_is_counted(figures):
    assert figures["total"]["gold"] == 1243


@pytest.mark.corpus
def test_timebank_value_f1_holds_in_two_fold_cross_validation(timebank_dir):
    cv = cross_validate(timebank_dir, folds=2)
    assert [fold["documents"] for fold in cv["folds"]] == [92, 91]
    for fold in cv["folds"]:  # each half scored with the numbers chosen on the other
        assert fold["value_f1"] >= CROSS_VALIDATED_VALUE, fold
    assert cv["pooled"]["value"]["f1"] >= CROSS_VALIDATED_VALUE


@pytest.mark.corpus
def test_tweets_value_f1_does_not_drop(tweets_dir):
    total = summary(evaluate_corpus(tweets_dir))["total"]
    assert total["gold"] == 892
    assert total["value"]["f1"] >= TWEETS_VALUE, f"value F1 {total['value']['f1']} (target {TWEETS_VALUE})"
    assert total["literal"]["f1"] >= TWEETS_LITERAL, f"literal value F1 {total['literal']['f1']}"
