"""Scoring summary timelines against the timelines journalists wrote (``timeline eval --timelines``).

A folder of stories laid out like ``t17-dev``: ``<story>/articles.jsonl`` and
``<story>/timelines/*.txt`` in the tilse format (a ``YYYY-MM-DD`` line, the day's sentences one a
line, a line of dashes).  The protocol is news-tls's (Gholipour Ghalandari & Ifrim, 2020): each
journalist's timeline is one task; the system sees the story's articles published in the
timeline's date range and returns as many dates as the timeline has, with as many sentences per
date as the timeline's mean (rounded, at least one).

Scores, per task and averaged over tasks:

- date F1: the exact days in common;
- ROUGE-1/2 F of the concatenated summaries ("concat");
- ROUGE-1/2 F of date-aligned summaries ("align"): every predicted date is matched to the nearest
  reference date (precision) and every reference date to the nearest predicted date (recall); the
  n-grams two matched days share count ``1 / (days apart + 1)``.  A tie between an earlier and a
  later date at the same distance goes to the earlier one.

ROUGE is Google's ``rouge-score``: its tokeniser (lower case, runs of ASCII letters and digits),
Porter stemming on, no stopword removal; F is the harmonic mean of precision and recall.

Beside the system, two baselines run on the same articles, each picking the same number of days
and filling them with the same sentence selector (``timeline.summary.day_summaries``), so only
the choice of days differs: days ranked by the number of articles published that day, and days
ranked by the number of sentences that mention them (day-precise time expressions).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from timeline.render.common import counted
from timeline.terminal import printable
from timeline.text import no_lone_surrogates

# --- reading the journalists' timelines ----------------------------------------------------------

# (a month or day unpadded is read too, and a midnight or other clock time after the day, as a timeline
# exported from a database writes it: '2011-02-11 00:00', '2011-02-11T00:00:00')
_DATE_LINE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
                        r"(?:[T ](?:[01]?[0-9]|2[0-4]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$")
# (dashes, or a rule of '=', '_' or box-drawing dashes; not '***' nor '###', which a day's text may hold)
_RULE_LINE = re.compile(r"^[-=_\u2013\u2014\u2500]{3,}$")
_DATED_LINE = re.compile(r"^\d{4,}-\d{1,2}-\d")  # a line that opens as a date line does (any digits, too many too)
# a line ends at LF, CR LF or CR only: not at the other breaks str.splitlines knows (U+2028, form
# feed ...), which a sentence may hold without being two lines
_LINE_END = re.compile(r"\r\n|\r|\n")

Reference = list[tuple[dt.date, list[str]]]  # a timeline: days in order, each with its sentences


def read_tilse(path: str | Path) -> Reference:
    """The days of a tilse timeline file, in date order, each with its sentences.

    Raises ``ValueError`` naming the file and line for a text that is not a timeline.
    """
    from timeline.articles import read_text_file

    path = Path(path)
    text = read_text_file(path)  # a pipe or device is refused, never waited on or read forever
    days: dict[dt.date, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(_LINE_END.split(text), 1):
        line = raw.strip().lstrip("\ufeff").strip()  # (a second byte order mark, of a file pasted in)
        if not line:
            continue
        date_line = _DATE_LINE.match(line)
        if date_line:
            try:
                day = dt.date(*map(int, date_line.groups()))
            except ValueError:
                raise ValueError(f"{path}:{number}: impossible date {line!r}") from None
            current = days.setdefault(day, [])
        elif _RULE_LINE.match(line):
            current = None
        elif _DATED_LINE.match(line):  # ('2017-09-06:', '2017-09-07 Thursday': no sentence of the day before)
            raise ValueError(f"{path}:{number}: not a date line {line[:40]!r} (a date line is YYYY-MM-DD alone, or with its clock time)")
        elif current is None:
            raise ValueError(f"{path}:{number}: a sentence before any date line")
        else:
            current.append(line)
    if not days:
        raise ValueError(f"{path}: no dated entries (a timeline is YYYY-MM-DD lines, sentences, dashes)")
    if not any(days.values()):
        raise ValueError(f"{path}: no sentence under any date (a timeline is YYYY-MM-DD lines, sentences, dashes)")
    return sorted(days.items())


# --- scores ---------------------------------------------------------------------------------------


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def date_f1(predicted: Iterable[dt.date], reference: Iterable[dt.date]) -> float:
    """F1 of the exact days: how many of the predicted days are reference days, and back."""
    predicted, reference = set(predicted), set(reference)
    hits = len(predicted & reference)
    if not hits:
        return 0.0
    return f1(hits / len(predicted), hits / len(reference))


ROUGE_SETTINGS = ("rouge-score (Google) with its default tokeniser (lower case, ASCII letters and "
                  "digits), Porter stemming, no stopword removal")


@lru_cache(maxsize=1)
def _tokenizer():
    from rouge_score.tokenizers import DefaultTokenizer

    return DefaultTokenizer(use_stemmer=True)


@lru_cache(maxsize=None)
def _tokens(text: str) -> tuple[str, ...]:
    """``text`` as rouge-score tokenises and stems it, once: each day's text is scored for every
    system, both n and both directions (stemming is nearly all of the scoring's time).  Kept whole
    while a task is scored (:func:`run_task` lets it go): a bounded cache read in the same cycle
    for every system missed every time once a timeline had more days than it held."""
    return tuple(_tokenizer().tokenize(text))


def ngrams(text: str, n: int) -> Counter:
    """The n-grams of ``text`` as rouge-score tokenises and stems it."""
    tokens = _tokens(text)
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def _overlap(a: Counter, b: Counter) -> int:
    return sum(min(count, b[gram]) for gram, count in a.items() if gram in b)


def rouge_concat(predicted: Sequence[str], reference: Sequence[str], n: int) -> float:
    """ROUGE-n F of all the predicted sentences against all the reference ones, each joined: what
    rouge-score's ``RougeScorer`` gives, on the tokens kept by :func:`_tokens`."""
    grams_p, grams_r = ngrams(" ".join(predicted), n), ngrams(" ".join(reference), n)
    hits = _overlap(grams_p, grams_r)
    return f1(hits / max(sum(grams_p.values()), 1), hits / max(sum(grams_r.values()), 1))


def _nearest(day: dt.date, others: Sequence[dt.date]) -> dt.date:
    """The date of ``others`` (sorted) nearest to ``day``; the earlier one on a tie.  (One of the
    two either side of where ``day`` would stand: found by bisection, not by a scan.)"""
    k = bisect.bisect_left(others, day)
    return min(others[max(0, k - 1):k + 1], key=lambda other: (abs((other - day).days), other))


def _aligned(side: Reference, other: Reference, n: int) -> tuple[float, int]:
    """Weighted n-gram hits of ``side``'s days against the nearest day of ``other``, and the
    n-gram total of ``side``."""
    other_grams = {day: ngrams(" ".join(sentences), n) for day, sentences in other}
    other_days = sorted(other_grams)
    hits, total = 0.0, 0
    for day, sentences in side:
        grams = ngrams(" ".join(sentences), n)
        total += sum(grams.values())
        if other_days:
            match = _nearest(day, other_days)
            hits += _overlap(grams, other_grams[match]) / (abs((match - day).days) + 1)
    return hits, total


def rouge_align(predicted: Reference, reference: Reference, n: int) -> float:
    """Date-aligned ROUGE-n F: precision aligns each predicted day to its nearest reference day,
    recall each reference day to its nearest predicted day; shared n-grams count 1/(days apart+1)."""
    hits_p, total_p = _aligned(predicted, reference, n)
    hits_r, total_r = _aligned(reference, predicted, n)
    precision = hits_p / total_p if total_p else 0.0
    recall = hits_r / total_r if total_r else 0.0
    return f1(precision, recall)


METRICS = ("date_f1", "concat_r1", "concat_r2", "align_r1", "align_r2")


def score(predicted: Reference, reference: Reference) -> dict[str, float]:
    """All the scores of one predicted timeline against one reference timeline."""
    flat_p = [s for _, sentences in predicted for s in sentences]
    flat_r = [s for _, sentences in reference for s in sentences]
    return {
        "date_f1": date_f1([d for d, _ in predicted], [d for d, _ in reference]),
        "concat_r1": rouge_concat(flat_p, flat_r, 1),
        "concat_r2": rouge_concat(flat_p, flat_r, 2),
        "align_r1": rouge_align(predicted, reference, 1),
        "align_r2": rouge_align(predicted, reference, 2),
    }


# --- the stories ----------------------------------------------------------------------------------


@dataclass
class Story:
    """A story's articles, extracted once: their events and the days their sentences mention."""

    name: str
    articles: list = field(default_factory=list)  # Article models
    events: list = field(default_factory=list)  # per article, its events
    mentions: list = field(default_factory=list)  # per article, (sentence index, day) of each mention
    timelines: list = field(default_factory=list)  # (file name, Reference)
    skipped: int = 0  # records that could not be read or have no publication day


def find_stories(folder: str | Path, problem=None) -> list[tuple[str, Path, list[Path]]]:
    """``(name, articles file, timeline files)`` of each story folder under ``folder`` (or of
    ``folder`` itself, when it is a story's own folder: ``articles.jsonl`` and ``timelines/``).  A folder
    that is no usable story (no ``articles.jsonl`` file, no ``timelines/*.txt``) is named in one
    line to ``problem`` and left out; hidden folders and files are not read.  A story reached
    twice (a link to another story folder) is scored once, and a link to a folder holding this one
    is no story."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"{folder}: not a folder")
    if _own_story(folder):  # (what is wrong with it is the one line: no story around it to score)
        told: list[str] = []
        found = _story_files(folder, folder.resolve().parent, {}, told.append)
        if found is None:
            raise ValueError(told[0] if told else f"{folder}: no stories (a story is a folder with articles.jsonl "
                             "and timelines/*.txt)")
        return [found]
    stories = []
    seen: dict[Path, Path] = {}  # a story folder's real path -> the folder it was first read as
    home = folder.resolve()
    try:
        entries = [p for p in folder.iterdir() if not p.name.startswith(".") and _is_dir(p, problem)]
    except OSError as error:
        raise ValueError(f"{folder}: cannot read ({error.strerror or error})") from None
    # (the folders themselves before links to them)
    for story in sorted(entries, key=lambda p: (p.is_symlink(), p.name)):
        try:
            found = _story_files(story, home, seen, problem)
        except OSError as error:  # (a folder that can be listed but not searched, one not readable)
            _unreadable(problem, story, error)
            continue
        if found is not None:
            stories.append(found)
    if not stories:
        raise ValueError(f"{folder}: no stories (a story is a folder with articles.jsonl and timelines/*.txt)")
    return sorted(stories, key=lambda story: story[0])


def _own_story(folder: Path) -> bool:
    """Whether ``folder`` is one story's own folder, not a folder of stories: it has an
    ``articles.jsonl`` of any kind (a file, a folder, a broken link), or a ``timelines/`` folder
    that is no story itself (it has no ``articles.jsonl``), so never taken for a story."""
    articles, timelines = folder / "articles.jsonl", folder / "timelines"
    if articles.exists() or articles.is_symlink():
        return True
    return timelines.is_dir() and not (timelines / "articles.jsonl").exists()


def _is_dir(path: Path, problem) -> bool:
    """Whether ``path`` is a folder; one that cannot be looked at, and a link that leads nowhere
    or round in a loop, are said so, and are none."""
    try:
        if path.is_dir():
            return True
        if path.is_symlink():
            _tell(problem, f"{path}: is a broken or looping link; not a story")
        return False
    except OSError as error:
        _unreadable(problem, path, error)
        return False


def _story_files(story: Path, home: Path, seen: dict[Path, Path], problem) -> tuple[str, Path, list[Path]] | None:
    """The story of folder ``story``, or None (said to ``problem``) when it is none or was read."""
    real = story.resolve()
    if real == home or real in home.parents:
        _tell(problem, f"{story}: links to a folder holding the stories; not a story")
        return None
    if real in seen:
        _tell(problem, f"{story}: the same story as {seen[real]}; scored once")
        return None
    seen[real] = story
    folder = story / "timelines"
    if folder.is_dir():
        os.listdir(folder)  # (a folder that cannot be read is said so, not taken for an empty one)
    timelines = sorted(p for p in folder.glob("*.txt") if not p.name.startswith(".") and not p.is_dir())
    articles = story / "articles.jsonl"
    if not articles.is_file():
        from timeline.articles import kind_of

        missing = (f"not a regular file ({kind_of(articles.stat().st_mode)})" if articles.exists()
                   else "is a broken or looping link" if articles.is_symlink() else "missing")
        _tell(problem, f"{articles}: {missing}; story not scored")
    elif (folder.exists() or folder.is_symlink()) and not folder.is_dir():
        _tell(problem, f"{folder}: {'is a broken or looping link' if not folder.exists() else 'not a folder'}; "
                       "story not scored")
    elif not timelines:
        _tell(problem, f"{folder}: no timeline files (*.txt); story not scored")
    else:
        return story.name, articles, timelines
    return None


def _unreadable(problem, path: Path, error: OSError) -> None:
    _tell(problem, f"{path}: cannot read ({error.strerror or error}); story not scored")


def _tell(problem, line: str) -> None:
    if problem is not None:
        problem(line)


def article_record(article) -> tuple[list, list[tuple[int, dt.date]]]:
    """One article's events and the precise days its sentences mention (tagged once).  The
    article was read fine: a failure here is a bug (``ExtractionBug``, as for every command),
    not a bad article."""
    import bisect

    from timeline.events import events_from_expressions
    from timeline.temporal import tag
    from timeline.temporal.calendar import timex_span
    from timeline.text import split_sentences
    from timeline.models import Granularity
    from timeline.pipeline import ExtractionBug

    try:
        sentences = split_sentences(article.text)
        expressions = tag(article.text, article.published, sentences=sentences)
        events = events_from_expressions(article.text, expressions, article.published, article, sentences=sentences)
    except Exception as exc:
        raise ExtractionBug.of(article, exc) from exc
    starts = [s.start for s in sentences]
    mentions = []
    for expression in expressions:
        span = timex_span(expression.value) if expression.type in ("DATE", "TIME") else None
        if span is not None and span.granularity in (Granularity.DAY, Granularity.TIME) and span.start == span.end:
            mentions.append((max(0, bisect.bisect_right(starts, expression.start) - 1), span.start))
    return events, mentions


RECORD_BATCH = 16  # articles a worker reads at a time


def _records_of(articles: list) -> list:
    return [article_record(a) for a in articles]


def _records(articles: list, workers: int) -> list:
    if workers <= 1 or len(articles) < RECORD_BATCH:
        return _records_of(articles)
    from concurrent.futures import ProcessPoolExecutor

    from timeline.pipeline import _context, _ignore_interrupts, let_go

    pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_ignore_interrupts)
    batches = [pool.submit(_records_of, articles[k:k + RECORD_BATCH]) for k in range(0, len(articles), RECORD_BATCH)]
    try:  # (not pool.map: stopped, it cancels what is left, which the broken pool then fails)
        records = [record for batch in batches for record in batch.result()]
    except BaseException:  # (stopped: Ctrl-C, SIGTERM or SIGHUP to the whole process group, a worker gone)
        let_go(pool)
        raise
    pool.shutdown(wait=True)
    return records


def load_story(name: str, articles_path: Path, timeline_paths: list[Path], workers: int = 1,
               problem=None) -> Story:
    """Read a story's timelines and articles, and extract the articles' events once.  Each
    timeline file or record that cannot be read is named in one line to ``problem`` (``file:line:
    what``); the others are kept, and a story with no timeline left is not read further.  (An
    extraction that fails on an article read fine is a bug: ``ExtractionBug``.)"""
    from timeline.articles import Repeats, iter_articles
    from timeline.models import Article, ArticleError

    timelines = []
    for path in timeline_paths:
        try:
            timelines.append((path.name, read_tilse(path)))
        except ValueError as exc:
            _tell(problem, f"{exc}; timeline not scored")
    if not timelines:
        return Story(name=name)
    read = list(iter_articles([str(articles_path)]))
    repeats = Repeats()  # (a feed's records with one same problem: told a few times, then counted)
    for item in read:
        if isinstance(item, ArticleError) and repeats.first("error", item.path, item.message):
            _tell(problem, str(item))
    for _, where, more in repeats.rest():
        _tell(problem, f"{where}: {more}")
    articles = [a for a in read if isinstance(a, Article) and a.published is not None]
    records = _records(articles, workers)
    return Story(name=name, articles=articles, events=[events for events, _ in records],
                 mentions=[mentions for _, mentions in records], timelines=timelines, skipped=len(read) - len(articles))


# --- one task: a journalist's timeline ------------------------------------------------------------

SYSTEMS = ("summary", "articles", "mentions")  # the system and the two baselines


def task_size(reference: Reference) -> tuple[int, int]:
    """The dates and sentences a day the protocol asks for: the reference's count and its mean
    sentences a day, rounded half up, at least one."""
    mean = sum(len(s) for _, s in reference) / len(reference)
    return len(reference), max(1, int(mean + 0.5))


def run_task(story: Story, reference: Reference) -> dict:
    """The three systems' timelines for one reference, scored."""
    from timeline.furniture import drop_furniture
    from timeline.merge import merge_events
    from timeline.models import Timeline
    from timeline.pipeline import article_source
    from timeline.summary import day_summaries, publication_counts, summarize, top_days

    first, last = reference[0][0], reference[-1][0]
    chosen = [i for i, a in enumerate(story.articles) if first <= a.published.date() <= last]
    timeline = Timeline(events=merge_events(drop_furniture([e for i in chosen for e in story.events[i]])),
                        articles=[article_source(story.articles[i]) for i in chosen])
    n, k = task_size(reference)
    within = lambda counts: {d: c for d, c in counts.items() if first <= d <= last}  # noqa: E731
    mentions = Counter(day for i in chosen for _, day in set(story.mentions[i]))  # sentences naming the day
    outputs = {
        "summary": summarize(timeline, dates=n, sentences=k, start=first, end=last),
        "articles": day_summaries(timeline, top_days(within(publication_counts(timeline.articles)), n), k),
        "mentions": day_summaries(timeline, top_days(within(mentions), n), k),
    }
    scores = {}
    try:
        for system, days in outputs.items():
            predicted = [(d.date, d.sentences) for d in days]
            scores[system] = score(predicted, reference)
    finally:
        _tokens.cache_clear()
    return {"dates": n, "sentences": k, "articles": len(chosen), "scores": scores}


def evaluate_folder(folder: str | Path, workers: int = 1, progress=None, problem=None) -> dict:
    """Every task of every story under ``folder``, and the means over tasks.  What could not be
    read (a story folder, an article) is named in one line to ``problem`` as it is found, and
    listed in the report's ``problems``: the rest is still scored."""
    problems: list[str] = []

    def tell(line: str) -> None:
        problems.append(no_lone_surrogates(line))  # (a name in a foreign encoding)
        _tell(problem, line)

    tasks = []
    for name, articles_path, timeline_paths in find_stories(folder, tell):
        story = load_story(name, articles_path, timeline_paths, workers, tell)
        if not story.timelines:
            tell(f"{Path(articles_path).parent}: no timeline could be read; story not scored")
            continue
        if progress:
            skipped = f" ({story.skipped:,} skipped: unreadable or undated)" if story.skipped else ""
            progress(f"{name}: {counted(len(story.articles), 'article')}{skipped}, "
                     f"{counted(len(story.timelines), 'timeline')}")
        if not story.articles:
            tell(f"{articles_path}: no dated article to summarise; story not scored")
            continue
        for file_name, reference in story.timelines:
            result = run_task(story, reference)
            if not result["articles"]:  # (scored all the same: the protocol counts it, the reader is told)
                tell(f"{Path(articles_path).parent / 'timelines' / file_name}: no article published from "
                     f"{reference[0][0]} to {reference[-1][0]}; "
                     "every system scores 0 on it")
            tasks.append({"story": no_lone_surrogates(name), "timeline": no_lone_surrogates(file_name), **result})
    if not tasks:
        raise ValueError(f"{folder}: no story could be scored")
    mean = {system: {metric: sum(t["scores"][system][metric] for t in tasks) / len(tasks) for metric in METRICS}
            for system in SYSTEMS}
    return {"rouge": ROUGE_SETTINGS, "tasks": tasks, "mean": mean, "problems": problems}


# --- the report ------------------------------------------------------------------------------------

_HEADINGS = ("date F1", "R1 concat", "R2 concat", "R1 align", "R2 align")


def format_report(report: dict) -> str:
    """The scores as a table: a block of three lines (system, baselines) a timeline, then the means."""
    labels = [printable(f"{t['story']}/{t['timeline']}") for t in report["tasks"]]  # (names are one line)
    width = max([len(label) for label in labels] + [24])
    head = f"{'timeline':<{width}}  {'dates':>5} {'sents':>5}  {'days ranked by':<14}" + "".join(
        f"{h:>10}" for h in _HEADINGS)
    lines = [f"ROUGE-1/2 F: {report['rouge']}.",
             "Baselines: days ranked by articles published / by sentences mentioning them; "
             "same sentence selector.", "", head, "-" * len(head)]

    def block(prefix: str, scores: dict) -> None:
        """A timeline's (or the mean's) three lines; the baselines' under the first, blank-led."""
        for i, system in enumerate(SYSTEMS):
            lines.append(f"{prefix if i == 0 else ' ' * len(prefix)}  {_NAMES[system]:<14}" + "".join(
                f"{scores[system][m]:>10.3f}" for m in METRICS))

    for task, label in zip(report["tasks"], labels):
        block(f"{label:<{width}}  {task['dates']:>5} {task['sentences']:>5}", task["scores"])
    lines.append("-" * len(head))
    block(f"{'mean of ' + str(len(report['tasks'])) + ' timelines':<{width}}  {'':>5} {'':>5}", report["mean"])
    return "\n".join(lines)


_NAMES = {"summary": "summary", "articles": "articles (bl)", "mentions": "mentions (bl)"}


def run_timeline_eval(folder: str | Path, workers: int = 1, as_json: bool = False, progress=None,
                      problem=None) -> str:
    """The report of ``timeline eval --timelines``: a table, or JSON."""
    report = evaluate_folder(folder, workers, progress, problem)
    return json.dumps(report, indent=2) if as_json else format_report(report)
