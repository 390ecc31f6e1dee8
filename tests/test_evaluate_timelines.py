"""Scoring summary timelines against journalists' timelines: the figures on tiny hand-made
timelines, the tilse reader, the folder runner and `timeline eval --timelines`; the dev targets."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.evaluate_timelines import (
    date_f1,
    evaluate_folder,
    read_tilse,
    rouge_align,
    rouge_concat,
    score,
    task_size,
)


def corpora_dir() -> Path:
    """As tests/conftest.py: ``$TIMELINE_CORPORA`` if set, else ``../shared/corpora``."""
    env = os.environ.get("TIMELINE_CORPORA")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"

runner = CliRunner()


def d(day: int) -> dt.date:
    return dt.date(2020, 1, day)


# --- figures computed by hand --------------------------------------------------------------------


def test_date_f1_counts_exact_days():
    # 2 of 3 predicted days are right (P 2/3); 2 of 4 reference days are found (R 1/2)
    assert date_f1([d(1), d(2), d(3)], [d(2), d(3), d(4), d(5)]) == pytest.approx(4 / 7)
    assert date_f1([d(1)], [d(2)]) == 0.0
    assert date_f1([d(1), d(2)], [d(2), d(1)]) == 1.0


def test_concat_rouge_by_hand():
    predicted, reference = ["the cat sat"], ["the cat ran away"]
    # unigrams: the, cat shared -> P 2/3, R 2/4, F 4/7
    assert rouge_concat(predicted, reference, 1) == pytest.approx(4 / 7)
    # bigrams: (the cat) shared -> P 1/2, R 1/3, F 2/5
    assert rouge_concat(predicted, reference, 2) == pytest.approx(2 / 5)


def test_concat_rouge_stems_and_ignores_case_and_punctuation():
    assert rouge_concat(["Flooding, FLOODED!"], ["flooding flooded"], 1) == pytest.approx(1.0)
    assert rouge_concat(["rivers flooded"], ["river flooding"], 1) == pytest.approx(1.0)  # Porter stems


def test_concat_rouge_is_what_rouge_score_gives():
    from rouge_score import rouge_scorer

    predicted = ["BP shares plunged 17 percent in London on Tuesday.", "The well was capped."]
    reference = ["Shares in BP plunge in London trading.", "BP caps the well; oil stops flowing."]
    for n in (1, 2):
        scorer = rouge_scorer.RougeScorer([f"rouge{n}"], use_stemmer=True)
        expected = scorer.score(" ".join(reference), " ".join(predicted))[f"rouge{n}"].fmeasure
        assert rouge_concat(predicted, reference, n) == pytest.approx(expected, abs=1e-12)


def test_aligned_rouge_weights_hits_by_distance():
    predicted = [(d(1), ["storm hit coast"]), (d(5), ["rain fell"])]
    reference = [(d(2), ["storm hit town"]), (d(5), ["rain fell hard"])]
    # precision: day 1 -> day 2 (1 day apart, weight 1/2): storm, hit = 2 * 1/2; day 5 -> day 5: 2.
    #            (1 + 2) / 5 predicted unigrams = 3/5
    # recall:    day 2 -> day 1 (nearer than day 5): 2 * 1/2; day 5 -> day 5: 2. (1 + 2) / 6 = 1/2
    assert rouge_align(predicted, reference, 1) == pytest.approx(2 * 0.6 * 0.5 / 1.1)
    # bigrams: (storm hit) 1 * 1/2 and (rain fell) 1 -> P 1.5/3, R 1.5/4
    assert rouge_align(predicted, reference, 2) == pytest.approx(2 * 0.5 * 0.375 / 0.875)


def test_aligned_rouge_takes_the_earlier_date_on_a_tie():
    predicted = [(d(3), ["alpha"])]
    reference = [(d(1), ["alpha"]), (d(5), ["beta"])]
    # precision: day 3 is 2 days from both; the earlier (day 1) matches: 1 * 1/3 of 1 unigram
    # recall: day 1 -> day 3: 1/3; day 5 -> day 3: 0; of 2 unigrams -> 1/6
    assert rouge_align(predicted, reference, 1) == pytest.approx(2 / 9)


def test_identical_timelines_score_one_and_disjoint_ones_zero():
    timeline = [(d(1), ["the storm hit the coast"]), (d(4), ["the rain stopped at last"])]
    assert score(timeline, timeline) == pytest.approx(
        {"date_f1": 1.0, "concat_r1": 1.0, "concat_r2": 1.0, "align_r1": 1.0, "align_r2": 1.0})
    other = [(d(2), ["nothing alike here"])]
    assert score(other, timeline) == pytest.approx(
        {"date_f1": 0.0, "concat_r1": 0.0, "concat_r2": 0.0, "align_r1": 0.0, "align_r2": 0.0})


def test_task_size_is_the_reference_dates_and_its_mean_sentences_rounded_half_up():
    assert task_size([(d(1), ["a"]), (d(2), ["b", "c"])]) == (2, 2)  # mean 1.5 -> 2
    assert task_size([(d(1), ["a"]), (d(2), ["b"]), (d(3), ["c", "d"])]) == (3, 1)  # 1.33 -> 1


# --- the tilse format ----------------------------------------------------------------------------


def test_read_tilse(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("2020-01-05\nLater thing . \n--------\n2020-01-02\nFirst thing .\nSecond .\n"
                    "--------\n2020-01-05\nAnother on the same day .\n--------\n", encoding="utf-8")
    assert read_tilse(path) == [
        (d(2), ["First thing .", "Second ."]),
        (d(5), ["Later thing .", "Another on the same day ."]),
    ]


def test_read_tilse_breaks_lines_only_at_line_ends(tmp_path):
    path = tmp_path / "t.txt"
    # a sentence holding a line separator, a form feed or a second byte order mark is one sentence
    path.write_text("\ufeff\ufeff2020-01-02\r\nThe dam\u2028 2020-01-09\x0c held .\rThe levee broke .\n",
                    encoding="utf-8")
    assert read_tilse(path) == [(d(2), ["The dam\u2028 2020-01-09\x0c held .", "The levee broke ."])]


def test_read_tilse_takes_a_date_written_without_leading_zeros(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("2020-01-02\nFirst thing .\n--------\n2020-1-5\nA later thing .\n", encoding="utf-8")
    assert read_tilse(path) == [(d(2), ["First thing ."]), (d(5), ["A later thing ."])]


def test_read_tilse_takes_a_date_line_with_its_clock_time(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("2020-01-02 00:00\nFirst thing .\n--------\n2020-01-05T00:00:00+00:00\nA later thing .\n--------\n"
                    "2020-01-05 14:30\nThat afternoon .\n***\nHe said : we stay .\n", encoding="utf-8")
    assert read_tilse(path) == [(d(2), ["First thing ."]),
                                (d(5), ["A later thing .", "That afternoon .", "***", "He said : we stay ."])]
    path.write_text("2020-01-02 99:99\nFirst thing .\n", encoding="utf-8")  # (no clock has that time)
    with pytest.raises(ValueError, match="not a date line"):
        read_tilse(path)


def test_read_tilse_takes_a_rule_of_other_marks_for_the_separator_it_is(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("2020-01-02\nFirst thing .\n==========\n2020-01-05\nA later thing .\n\u2500\u2500\u2500\u2500\n",
                    encoding="utf-8")
    assert read_tilse(path) == [(d(2), ["First thing ."]), (d(5), ["A later thing ."])]


def test_the_nearest_date_is_found_either_side():
    from timeline.evaluate_timelines import _nearest
    others = [d(1), d(4), d(8), d(20)]
    assert [_nearest(day, others) for day in (d(1), d(2), d(3), d(6), d(7), d(30))] == \
        [d(1), d(1), d(4), d(4), d(8), d(20)]  # (6 is as near 4 as 8: the earlier)
    big = [dt.date(2000, 1, 1) + dt.timedelta(days=2 * n) for n in range(100_000)]
    assert _nearest(dt.date(2000, 1, 4), big) == dt.date(2000, 1, 3)


@pytest.mark.parametrize("text, problem", [
    ("A sentence first.\n2020-01-02\nx\n", "t.txt:1: a sentence before any date line"),
    ("2020-02-30\nx\n", "t.txt:1: impossible date '2020-02-30'"),
    ("2020-01-02\nx\n2020-13-1\ny\n", "t.txt:3: impossible date '2020-13-1'"),
    ("just words\n", "t.txt:1: a sentence before any date line"),
    ("", "t.txt: no dated entries"),
    # a date line with more on it is no sentence of the day before
    ("2020-01-02\nx\n2020-01-03:\ny\n", "t.txt:3: not a date line '2020-01-03:'"),
    ("2020-01-02\nx\n2020-01-03 Thursday\ny\n", "t.txt:3: not a date line '2020-01-03 Thursday'"),
    # ...nor one whose year has five figures, or whose figures are of another script
    ("2020-01-02\nx\n10000-01-01\ny\n", "t.txt:3: not a date line '10000-01-01'"),
    ("2020-01-02\nx\n2020-01-255555\ny\n", "t.txt:3: not a date line '2020-01-255555'"),
    ("2020-01-02\nx\n\u0662\u0660\u0660\u0669-\u0660\u0664-\u0662\u0668\ny\n", "t.txt:3: not a date line"),
    # dates without a word under any: nothing to score a summary against
    ("2020-01-02\n----\n2020-01-03\n", "t.txt: no sentence under any date"),
])
def test_read_tilse_names_the_problem(tmp_path, text, problem):
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=problem.replace("(", r"\(")):
        read_tilse(path)


# --- a story folder, end to end -------------------------------------------------------------------

ARTICLES = [
    ("Valley Post", "2021-03-04", "The Ferrow dam burst on Thursday, flooding the lower valley."),
    ("River Daily", "2021-03-05", "The Ferrow dam burst on March 4 after days of heavy rain, officials said."),
    ("Hill Times", "2021-03-08", "Since the Ferrow dam burst on March 4, the valley has counted its losses."),
    ("Coast Herald", "2021-03-10", "Inspectors visited the site on March 10 and found the spillway blocked."),
    ("Coast Herald", "2021-03-10", "Inspectors said on March 10 that the spillway had been blocked for weeks."),
    ("Valley Post", "2021-03-15", "The mayor thanked the volunteers on Saturday, March 13."),
]
REFERENCE = """2021-03-04
The Ferrow dam bursts after heavy rain and floods the valley .
--------
2021-03-10
Inspectors find the spillway blocked .
--------
"""


@pytest.fixture
def stories(tmp_path):
    story = tmp_path / "stories" / "dam"
    (story / "timelines").mkdir(parents=True)
    lines = [json.dumps({"text": t, "source": s, "published": p}) for s, p, t in ARTICLES]
    (story / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (story / "timelines" / "herald.txt").write_text(REFERENCE, encoding="utf-8")
    return tmp_path / "stories"


def test_evaluate_folder_scores_the_system_and_both_baselines(stories):
    report = evaluate_folder(stories)
    (task,) = report["tasks"]
    assert (task["story"], task["timeline"], task["dates"], task["sentences"]) == ("dam", "herald.txt", 2, 1)
    assert task["articles"] == 5  # published within 4-10 March
    assert set(task["scores"]) == {"summary", "articles", "mentions"}
    assert task["scores"]["summary"]["date_f1"] == 1.0  # 4 and 10 March are the two referred days
    assert task["scores"]["summary"]["align_r1"] > 0.3
    assert report["mean"]["summary"] == task["scores"]["summary"]
    assert "stemming" in report["rouge"].lower()


def run(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr
    return result


def test_eval_timelines_prints_a_table_and_json(stories):
    result = run("eval", "--timelines", stories, "--workers", 1)
    assert result.exit_code == 0, result.stderr
    assert "Porter stemming" in result.stdout
    assert "dam/herald.txt" in result.stdout and "mean of 1 timelines" in result.stdout
    for name in ("summary", "articles (bl)", "mentions (bl)"):
        assert name in result.stdout
    # the three rows of a task have their names, and their scores, in the same columns
    rows = [line for line in result.stdout.splitlines() if "summary" in line or "(bl)" in line][:3]
    assert len({line.index(name) for line, name in zip(rows, ("summary", "articles", "mentions"))}) == 1
    assert len({len(line) for line in rows}) == 1
    report = json.loads(run("eval", "--timelines", stories, "--json", "-q").stdout)
    assert report["mean"]["summary"]["date_f1"] == 1.0


def test_one_storys_own_folder_is_scored_as_that_story(stories):
    both = json.loads(run("eval", "--timelines", stories, "--json", "-q", "--workers", 1).stdout)
    result = run("eval", "--timelines", stories / "dam", "--json", "-q", "--workers", 1)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == both


def test_a_timeline_with_no_article_in_its_range_is_named_not_silently_zero(stories):
    (stories / "dam" / "timelines" / "later.txt").write_text(
        "2022-05-01\nThe dam reopens .\n--------\n2022-06-01\nThe valley is rebuilt .\n", encoding="utf-8")
    result = run("eval", "--timelines", stories, "-q", "--workers", 1)
    assert result.exit_code == 1
    later = stories / "dam" / "timelines" / "later.txt"  # (the file, which a reader can open)
    assert result.stderr.strip() == (f"error: {later}: no article published from 2022-05-01 to 2022-06-01; "
                                     "every system scores 0 on it")
    assert "dam/herald.txt" in result.stdout and "mean of 2 timelines" in result.stdout


def test_eval_timelines_bad_input_is_one_line(stories, tmp_path):
    (stories / "dam" / "timelines" / "broken.txt").write_text("no date here\n", encoding="utf-8")
    result = run("eval", "--timelines", stories, "-q")
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
    assert "broken.txt:1: a sentence before any date line" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("eval", "--timelines", empty)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {empty}: no stories (a story is a folder with articles.jsonl and timelines/*.txt)"


def test_many_records_of_a_story_with_one_problem_are_told_in_a_few_lines_and_counted(stories):
    feed = stories / "dam" / "articles.jsonl"
    bad = "".join(json.dumps({"text": "The dam held on Monday.", "published": 1268000000 + n}) + "\n" for n in range(30))
    feed.write_text(feed.read_text(encoding="utf-8") + bad, encoding="utf-8")
    result = run("eval", "--timelines", stories, "-q", "--workers", 1)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 6 and errors[-1] == (f"error: {feed}: 25 more records with the same problem (record's "
                                               "'published' is not a string)")
    assert "dam/herald.txt" in result.stdout  # (the story is scored all the same)


def test_a_timelines_that_is_a_file_is_named_as_no_folder(stories):
    for timeline in (stories / "dam" / "timelines").iterdir():
        timeline.unlink()
    (stories / "dam" / "timelines").rmdir()
    (stories / "dam" / "timelines").write_text("2020-01-02\nx\n", encoding="utf-8")
    result = run("eval", "--timelines", stories, "-q")
    assert f"error: {stories / 'dam' / 'timelines'}: not a folder; story not scored" in result.stderr


def test_a_story_folder_that_cannot_be_read_is_named_and_the_others_are_scored(stories, monkeypatch):
    import shutil

    shutil.copytree(stories / "dam", stories / "locked")
    listdir = os.listdir

    def refusing(path):  # (as for a folder of another user's, which even root may be refused on a network share)
        if "locked" in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return listdir(path)

    monkeypatch.setattr(os, "listdir", refusing)
    result = run("eval", "--timelines", stories, "-q", "--workers", 1)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {stories / 'locked'}: cannot read (Permission denied); story not scored"
    assert "dam/herald.txt" in result.stdout and "mean of 1 timelines" in result.stdout


def test_a_story_link_that_leads_nowhere_or_in_a_loop_is_named(stories):
    (stories / "gone").symlink_to(stories / "nowhere")
    (stories / "loop_a").symlink_to(stories / "loop_b")
    (stories / "loop_b").symlink_to(stories / "loop_a")
    result = run("eval", "--timelines", stories, "-q", "--workers", 1)
    assert result.exit_code == 1
    assert sorted(result.stderr.strip().splitlines()) == [
        f"error: {stories / name}: is a broken or looping link; not a story" for name in ("gone", "loop_a", "loop_b")]
    assert "mean of 1 timelines" in result.stdout


def test_a_failure_to_extract_an_article_read_fine_is_reported_as_a_bug_not_as_bad_input(stories, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("timeline.events.events_from_expressions", broken)
    result = run("eval", "--timelines", stories, "-q", "--workers", 1)
    assert result.exit_code == 3  # (as every command: exit 1 and 'could not be extracted' blamed the articles)
    assert "internal error" in result.stderr and "RuntimeError: boom" in result.stderr
    assert "could not be extracted" not in result.stderr


def test_eval_needs_a_folder():
    result = run("eval")
    assert result.exit_code == 2
    assert "missing the folder of TimeML files (or --timelines DIR)" in result.stderr


# --- the dev targets (t17-dev) -------------------------------------------------------------------


@pytest.fixture(scope="module")
def dev_report():
    folder = corpora_dir() / "t17-dev"
    if not (folder / "bpoil" / "articles.jsonl").is_file():
        pytest.skip(f"t17-dev corpus not found at {folder} (set TIMELINE_CORPORA to its parent folder)")
    return evaluate_folder(folder, workers=2)


@pytest.mark.corpus
@pytest.mark.slow
def test_dev_summary_beats_the_article_count_baseline(dev_report):
    mean = dev_report["mean"]
    assert len(dev_report["tasks"]) == 8
    assert mean["summary"]["date_f1"] > mean["articles"]["date_f1"] + 0.05
    assert mean["summary"]["align_r1"] > mean["articles"]["align_r1"]
    assert mean["summary"]["concat_r1"] > mean["articles"]["concat_r1"]


@pytest.mark.corpus
@pytest.mark.slow
def test_dev_summary_is_above_the_mention_count_baseline(dev_report):
    mean = dev_report["mean"]
    assert mean["summary"]["date_f1"] > mean["mentions"]["date_f1"]
    assert mean["summary"]["align_r1"] > max(mean["mentions"]["align_r1"], mean["articles"]["align_r1"])


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="issue 9 target not reached: date F1 0.695 against 0.658 for "
                                       "mention counts (+3.7 points, +10 asked; other journalists' "
                                       "days score 0.628: benchmarks/date_agreement.py)")
def test_dev_date_f1_ten_points_above_the_mention_count_baseline(dev_report):
    mean = dev_report["mean"]
    assert mean["summary"]["date_f1"] >= mean["mentions"]["date_f1"] + 0.10
