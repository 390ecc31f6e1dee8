"""The fast scans over case-folded text find exactly what the case-blind patterns find."""

from __future__ import annotations

import re

import pytest

import timeline.temporal as temporal
from timeline.temporal import engine
from timeline.timeml import read_corpus

TRICKY = [
    "Figures for May showed that on Friday exports fell.",  # "May showed" is no "may" + verb
    "It began in May when on Friday the plant closed.",
    "He MAY leave on Friday, and they may meet on Monday; in May the board met on Tuesday.",
    "May 5 will be busy. MAY 5 WILL BE BUSY. They said on May 5 the vote may be on Friday.",
    "WİLL meet on Friday. The ıssue was settled on May 5. ſince June 3 it has rained.",
    "It wiK ƙ be Thursday, the KELVIN \u212aelvin said SINCE MONDAY; NEXT WEEK WILL SEE.",
    "Talks, which Ministers SAID would resume on Thursday, were put off until next Tuesday.",
    "THE COMPANY REPORTED ON FRIDAY THAT THIRD-QUARTER PROFIT ROSE 12% FROM A YEAR EARLIER.",
]


def test_folding_maps_every_character_a_case_blind_ascii_letter_matches():
    letters = re.compile("[a-z]", re.I)
    matched = {chr(c) for c in range(0x110000) if letters.fullmatch(chr(c))}
    assert {ch for ch in matched if engine.fold(ch) != ch} == {ch for ch in matched if not ch.islower()
                                                                or not ch.isascii()}
    for ch in matched:  # one character for one, the lower-case ASCII letter it matches
        assert engine.fold(ch).islower() and engine.fold(ch).isascii() and re.fullmatch(engine.fold(ch), ch, re.I)


def _tag_with(grammar, text: str, published: str):
    original = temporal.grammar
    temporal.grammar = lambda lang: grammar
    try:
        return [(e.start, e.end, e.type, e.value, e.resolved) for e in temporal.tag(text, published)]
    finally:
        temporal.grammar = original


@pytest.fixture(scope="module")
def case_blind():
    """The English grammar built with no fast scan: every pattern case-blind over the text."""
    original = engine._folds
    engine._folds = lambda pattern: False
    try:
        grammar = engine.Grammar("en")
    finally:
        engine._folds = original
    assert not grammar._gate_folds and grammar._tense_scan is None
    assert not any(on_folded for _, _, on_folded in map(grammar.compiled, range(len(grammar.rules))))
    return grammar


def test_the_fast_scans_are_in_use():
    grammar = engine.grammar("en")
    assert grammar._gate_folds and grammar._tense_scan is not None
    assert any(on_folded for _, _, on_folded in map(grammar.compiled, range(len(grammar.rules))))


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_case_tags_as_the_case_blind_grammar_does(case_blind, text):
    fast = engine.grammar("en")
    assert _tag_with(fast, text, "2010-06-02") == _tag_with(case_blind, text, "2010-06-02")


def test_timebank_tags_as_the_case_blind_grammar_does(case_blind, timebank_dir):
    fast = engine.grammar("en")
    for doc in read_corpus(timebank_dir)[::4]:
        assert _tag_with(fast, doc.text, doc.dct_datetime) == _tag_with(case_blind, doc.text, doc.dct_datetime)
