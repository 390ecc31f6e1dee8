"""The TempEval-3 scorer, on small hand-made documents whose answers are counted by hand."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from timeline.evaluate import (TUNABLE, Scores, cross_validate, notation, pair, run_eval, score_document,
                               shipped_settings, summary, tuned)
from timeline.timeml import GoldTimex


@dataclass
class Sys:  # a system expression: what timeline.tag returns, reduced to what is scored
    start: int
    end: int
    type: str
    value: str
    text: str = ""


TEXT = "He left on Friday and came back three days later, on Sept. 30."
#       0123456789012345678901234567890123456789012345678901234567890123
GOLD = [
    GoldTimex("t1", 11, 17, "Friday", "DATE", "1998-02-13"),
    GoldTimex("t2", 32, 42, "three days", "DURATION", "P3D"),
    GoldTimex("t3", 53, 61, "Sept. 30", "DATE", "1998-09-30"),
]


def scored(system) -> dict:
    scores = Scores()
    score_document(TEXT, GOLD, system, scores, "doc")
    return summary(scores)["total"]


def test_perfect_system_scores_100_everywhere():
    system = [Sys(g.start, g.end, g.type, g.value) for g in GOLD]
    total = scored(system)
    for name in ("strict", "relaxed", "type", "value"):
        assert total[name] == {"precision": 100.0, "recall": 100.0, "f1": 100.0}


def test_overlapping_span_counts_as_relaxed_but_not_strict():
    # "three days later" overlaps the gold "three days"; "on Sept. 30" overlaps "Sept. 30"
    system = [Sys(11, 17, "DATE", "1998-02-13"), Sys(32, 48, "DURATION", "P3D"),
              Sys(50, 61, "DATE", "1998-09-30")]
    total = scored(system)
    assert total["relaxed"]["f1"] == 100.0
    assert total["strict"] == {"precision": 33.3, "recall": 33.3, "f1": 33.3}
    assert total["value"]["f1"] == 100.0  # attributes are judged on relaxed matches


def test_value_and_type_f1_use_all_system_and_gold_expressions():
    # 4 system expressions: one exact with a wrong value, one with a wrong type, one right,
    # one false alarm.  3 gold.  value TP = 2, type TP = 2.
    system = [Sys(11, 17, "DATE", "1998-02-06"), Sys(32, 42, "DATE", "P3D"),
              Sys(53, 61, "DATE", "1998-09-30"), Sys(0, 2, "DATE", "PRESENT_REF")]
    total = scored(system)
    assert total["relaxed"] == {"precision": 75.0, "recall": 100.0, "f1": 85.7}
    assert total["value"] == {"precision": 50.0, "recall": 66.7, "f1": 57.1}
    assert total["type"] == {"precision": 50.0, "recall": 66.7, "f1": 57.1}


def test_a_system_expression_matches_at_most_one_gold_expression():
    # one long system span covering two gold expressions pairs with one of them only
    system = [Sys(11, 61, "DATE", "1998-02-13")]
    total = scored(system)
    assert total["relaxed"] == {"precision": 100.0, "recall": 33.3, "f1": 50.0}


def test_pairing_prefers_exact_spans_then_larger_overlaps():
    gold = [GoldTimex("t1", 0, 10, "", "DATE", "x"), GoldTimex("t2", 12, 20, "", "DATE", "y")]
    system = [Sys(5, 15, "DATE", "x"), Sys(12, 20, "DATE", "y")]
    assert pair(gold, system) == [(0, 0), (1, 1)]


def test_pairing_finds_every_overlap_of_spans_long_short_and_nested():
    # (each gold span is compared only with the system spans near it: the pairs are those of
    # comparing every gold span with every system span, exact first, then the larger overlaps)
    import random

    rng = random.Random(7)
    for _ in range(200):
        def spans(n):
            out = []
            for _ in range(n):
                start = rng.randrange(0, 300)
                out.append((start, start + rng.choice([1, 2, 5, 9, 30, 120])))
            return out
        gold = [GoldTimex(f"t{k}", a, b, "", "DATE", "x") for k, (a, b) in enumerate(spans(rng.randrange(0, 12)))]
        system = [Sys(a, b, "DATE", "x") for a, b in spans(rng.randrange(0, 12))]
        every = sorted((not (g.start == t.start and g.end == t.end), -(min(g.end, t.end) - max(g.start, t.start)), gi, si)
                       for gi, g in enumerate(gold) for si, t in enumerate(system)
                       if min(g.end, t.end) > max(g.start, t.start))
        expected, golds, systems = [], set(), set()
        for _, _, gi, si in every:
            if gi not in golds and si not in systems:
                golds.add(gi)
                systems.add(si)
                expected.append((gi, si))
        assert pair(gold, system) == sorted(expected)


def test_missing_system_output_scores_zero_without_dividing_by_zero():
    total = scored([])
    assert total["strict"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def _write_doc(folder: Path) -> None:
    folder.mkdir()
    (folder / "doc1.tml").write_text(
        '<?xml version="1.0" ?>\n<TimeML><DOCID>doc1</DOCID>'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">'
        "19980213</TIMEX3></DCT><TEXT>Officials said <TIMEX3 tid=\"t1\" type=\"DATE\" "
        'value="1998-02-12">Thursday</TIMEX3> that talks lasted <TIMEX3 tid="t2" type="DURATION" '
        'value="P3D">three days</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8",
    )


def test_run_eval_tags_and_scores_a_folder(tmp_path):
    _write_doc(tmp_path / "gold")
    report = run_eval(str(tmp_path / "gold"))
    assert "2 gold" in report
    data = json.loads(run_eval(str(tmp_path / "gold"), as_json=True, errors=True))
    assert data["total"]["value"]["f1"] == 100.0
    assert data["by_type"]["DURATION"]["gold"] == 1
    assert data["errors"] == []


def test_errors_show_each_miss_with_its_context(tmp_path):
    _write_doc(tmp_path / "gold")
    path = tmp_path / "gold" / "doc1.tml"
    # gold marks a phrase no tagger reads as time: it must be listed as missed, in context
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Officials said", 'Officials of <TIMEX3 tid="t9" type="DATE" value="PAST_REF">yore</TIMEX3> said'),
        encoding="utf-8")
    report = run_eval(str(tmp_path / "gold"), errors=True)
    assert "doc1: missed   yore DATE PAST_REF | Officials of [yore] said Thursday" in report


def test_run_eval_on_a_folder_without_documents_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="no TimeML documents"):
        run_eval(str(tmp_path))


# --- notation, several corpora, cross-validation, rule usage ----------------------------------

@pytest.mark.parametrize("variant, standard", [
    ("2014-XX-XX", "2014"),  # a year written as a day of unknown month
    ("2014-05-16-WXX-5", "2014-05-16"),  # a day that also names its weekday
    ("2014-05-16-WXX-5T18:00", "2014-05-16T18:00"),
    ("2015-01-W02", "2015-W02"),  # a week that also names its month
])
def test_variant_notations_are_read_as_the_standard_value(variant, standard):
    assert notation(variant) == standard


@pytest.mark.parametrize("value", ["2014", "2014-05", "XXXX-WXX-5", "P1D", "PRESENT_REF", "2014-05-XX"])
def test_standard_values_are_left_alone(value):
    assert notation(value) == value


def test_a_variant_notation_counts_for_value_but_not_for_literal():
    system = [Sys(11, 17, "DATE", "1998-02-13"), Sys(32, 42, "DURATION", "P3D"),
              Sys(53, 61, "DATE", "1998-09-30")]
    gold = [GoldTimex(g.tid, g.start, g.end, g.text, g.type, g.value + ("-WXX-5" if g.tid == "t1" else ""))
            for g in GOLD]
    scores = Scores()
    score_document(TEXT, gold, system, scores, "doc")
    total = summary(scores)["total"]
    assert total["value"]["f1"] == 100.0
    assert total["literal"]["f1"] == 66.7


def _write_docs(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"doc{i}.tml").write_text(
            '<?xml version="1.0" ?>\n<TimeML><DOCID>doc%d</DOCID>'
            '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">'
            '19980213</TIMEX3></DCT><TEXT>The vote was held <TIMEX3 tid="t1" type="DATE" '
            'value="1998-02-12">Thursday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" '
            'value="P%dD">%d days</TIMEX3> of talks.</TEXT></TimeML>' % (i, i + 2, i + 2), encoding="utf-8")


def test_several_corpora_are_reported_side_by_side(tmp_path):
    _write_docs(tmp_path / "news", 2)
    _write_docs(tmp_path / "more", 3)
    report = run_eval([str(tmp_path / "news"), str(tmp_path / "more")])
    header = report.splitlines()[0].split()
    assert header == ["news", "more"]
    assert [line.split()[0] for line in report.splitlines()[2:7]] == ["strict", "relaxed", "type", "value", "literal"]
    data = json.loads(run_eval([str(tmp_path / "news"), str(tmp_path / "more")], as_json=True))
    assert data["news"]["total"]["gold"] == 4 and data["more"]["total"]["gold"] == 6


def test_cross_validation_scores_each_fold_with_numbers_tuned_on_the_others(tmp_path):
    _write_docs(tmp_path / "gold", 5)
    cv = cross_validate(tmp_path / "gold", folds=2)
    assert [f["documents"] for f in cv["folds"]] == [3, 2]  # dealt in name order: 0 2 4 | 1 3
    for fold in cv["folds"]:
        assert fold["value_f1"] == 100.0
        assert fold["tuned"] == cv["shipped"]  # every setting ties here: the shipped one is kept
    assert cv["pooled"]["value"]["f1"] == 100.0
    assert "fold 2 (2 documents)" in run_eval(str(tmp_path / "gold"), folds=2)


def test_cross_validation_needs_two_folds_and_enough_documents(tmp_path):
    _write_docs(tmp_path / "gold", 1)
    with pytest.raises(ValueError, match="at least 2"):
        cross_validate(tmp_path / "gold", folds=1)
    with pytest.raises(ValueError, match="cannot make 2 folds"):
        cross_validate(tmp_path / "gold", folds=2)


def test_tuned_numbers_are_restored_after_use():
    shipped = shipped_settings()
    other = {name: values[0] for name, (_, _, values) in TUNABLE.items()}
    with tuned(other):
        assert shipped_settings() == other
    assert shipped_settings() == shipped


def test_rule_usage_counts_documents_hits_and_right_hits(tmp_path):
    _write_docs(tmp_path / "gold", 3)
    report = run_eval(str(tmp_path / "gold"), rules=True)
    rows = {line.split()[0]: line.split()[1:] for line in report.splitlines()[2:-1]}
    assert rows["weekday"] == ["3", "3", "3"]  # "Thursday": in 3 documents, right each time
    assert rows["duration"] == ["3", "3", "3"]
    assert rows["iso_date"] == ["?", "0", "0", "0"]  # fires nowhere here: marked
    data = json.loads(run_eval(str(tmp_path / "gold"), rules=True, as_json=True))
    assert data["gold"]["weekday"] == {"documents": 3, "hits": 3, "right": 3}


def test_eval_command_takes_several_folders_folds_and_rules(tmp_path):
    from typer.testing import CliRunner

    from timeline.cli import app

    _write_docs(tmp_path / "a", 2)
    _write_docs(tmp_path / "b", 2)
    runner = CliRunner()
    side = runner.invoke(app, ["eval", str(tmp_path / "a"), str(tmp_path / "b")])
    assert side.exit_code == 0 and side.output.split()[:2] == ["a", "b"]
    cv = runner.invoke(app, ["eval", str(tmp_path / "a"), "--folds", "2"])
    assert cv.exit_code == 0 and "2-fold cross-validation" in cv.output
    usage = runner.invoke(app, ["eval", str(tmp_path / "a"), "--rules"])
    assert usage.exit_code == 0 and "fire in at most one document" in usage.output
    bad = runner.invoke(app, ["eval", str(tmp_path / "a"), "--folds", "1"])
    assert bad.exit_code == 2 and "at least 2 folds" in bad.output
