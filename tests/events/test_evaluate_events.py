"""The events scorer behind `timeline eval GOLD_DIR --events`."""

from __future__ import annotations

import json

import pytest

from timeline.evaluate_events import Score, gold_anchors, run_events_eval, score_document
from timeline.events import events_from_expressions
from timeline.models import TimeExpression
from timeline.timeml import parse_timeml

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" temporalFunction="false" functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT>
<TEXT>
Police <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-12">Thursday</TIMEX3> that rebels <EVENT eid="e2" class="OCCURRENCE">attacked</EVENT> the town in <TIMEX3 tid="t2" type="DATE" value="1997-12">December</TIMEX3>. Prices rose for <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" />
<MAKEINSTANCE eventID="e2" eiid="ei2" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t2" />
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei2" relatedToTime="t0" />
</TimeML>
"""


def _expr(doc, tid):
    t = next(t for t in doc.timexes if t.tid == tid)
    return TimeExpression(start=t.start, end=t.end, text=t.text, type=t.type, value=t.value)


def test_gold_anchors_are_the_including_links_to_dates_not_the_creation_time():
    doc = parse_timeml(DOC)
    assert gold_anchors(doc) == {"t1": {"e1"}, "t2": {"e2"}}


def test_right_events_score_full_coverage_and_precision():
    doc = parse_timeml(DOC)
    events = events_from_expressions(doc.text, [_expr(doc, "t1"), _expr(doc, "t2")], doc.dct_datetime)
    score = Score()
    score_document(doc, events, score)
    assert (score.linked, score.covered, score.judged, score.correct) == (2, 2, 2, 2)
    assert score.errors == []


def test_a_missed_expression_and_a_wrong_trigger_are_counted_and_shown():
    doc = parse_timeml(DOC)
    events = events_from_expressions(doc.text, [_expr(doc, "t1")], doc.dct_datetime)
    wrong = events[0].model_copy(update={"trigger": events[0].trigger.model_copy(
        update={"text": "Police", "start": doc.text.index("Police"), "end": doc.text.index("Police") + 6})})
    score = Score()
    score_document(doc, [wrong], score)
    assert (score.linked, score.covered, score.judged, score.correct) == (2, 1, 1, 0)
    assert any("missed 'December'" in e for e in score.errors)
    assert any("'Thursday' dates 'Police', gold: said" in e for e in score.errors)


def test_report_on_a_folder(tmp_path):
    (tmp_path / "test1.tml").write_text(DOC, encoding="utf-8")
    report = run_events_eval(str(tmp_path), errors=True)
    assert "coverage" in report and "anchoring precision" in report
    assert "dated events" in report  # the report says what precision is over
    figures = json.loads(run_events_eval(str(tmp_path), as_json=True))
    assert figures["documents"] == 1 and figures["linked_expressions"] == 2
    assert 0.0 <= figures["anchoring_precision"] <= 1.0


def test_a_folder_without_timeml_is_a_one_line_error(tmp_path):
    with pytest.raises(ValueError, match="no TimeML"):
        run_events_eval(str(tmp_path))


def test_timebank_meets_the_coverage_target(timebank_dir):
    figures = json.loads(run_events_eval(str(timebank_dir), as_json=True))
    assert figures["coverage"] >= 0.90


REFERENCE_DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test2</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" temporalFunction="false" functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT>
<TEXT>
Rebels <EVENT eid="e1" class="OCCURRENCE">attacked</EVENT> the town <TIMEX3 tid="t1" type="DATE" value="PAST_REF">recently</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
</TimeML>
"""


def test_an_event_timed_by_a_reference_is_covered_but_not_judged_as_dated():
    """Precision is over the timeline's dated events (a calendar date), as issue 4 says; 'recently'
    places its event before publication without a date, so it counts for coverage only."""
    doc = parse_timeml(REFERENCE_DOC)
    events = events_from_expressions(doc.text, [_expr(doc, "t1")], doc.dct_datetime)
    assert [(e.trigger.text, e.date) for e in events if e.time_expression] == [("attacked", None)]
    score = Score()
    score_document(doc, events, score)
    assert (score.linked, score.covered, score.judged, score.correct) == (1, 1, 0, 0)


def test_timebank_anchoring_precision_meets_the_target(timebank_dir):
    # issue 11's target on the whole set (issue 4 asked 85); measured 86.1% with the tagger's
    # expressions (86.5% with the gold ones); cross-validated: tests/events/test_anchoring.py
    figures = json.loads(run_events_eval(str(timebank_dir), as_json=True))
    assert figures["anchoring_precision"] >= 0.86 and figures["coverage"] >= 0.90


def test_timebank_anchoring_precision_of_the_events_layer_alone(timebank_dir):
    # the gold time expressions isolate the events layer from the tagger, which changes apart
    figures = json.loads(run_events_eval(str(timebank_dir), as_json=True, gold_timexes=True))
    assert figures["anchoring_precision"] >= 0.86 and figures["coverage"] >= 0.90
