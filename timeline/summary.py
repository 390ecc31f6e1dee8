"""The summary timeline: the story's most important days, each told in a few sentences.

Choosing the days.  Every article whose own time phrase places an event on a precise day is a
reference to that day; a day's importance is how many articles refer to it (each article counted
once a day, however often it repeats the date), weighted:

- a reference written before the day (an announcement, "will testify on Thursday") counts
  ``FUTURE_WEIGHT``: what is only anticipated matters less than what happened;
- a reference that names the day-of-month ("20 April", "4/20") counts as much as one resolved from
  the publication date alone ("Tuesday", "today"): a day's own reports tell it so, and recaps
  weeks later write it out (counting a day told from the publication at half weight, as this once
  did, put recaps of a story's first days above the reports of later ones: on 24 timelines of ten invented stories date F1
  0.811 -> 0.831, every ROUGE figure up, 10 timelines up and 1 down; on t17-dev 0.679 -> 0.681,
  ROUGE within 0.001).
- a phrase that only bounds what is told ("the approach was made before Christmas", "stayed until
  Friday") refers to no day (:func:`_bounds`; on t17-dev and six invented stories every eval figure
  unchanged: what it removes are days no one's happening was on, chosen in default summaries).
- a day that every reference anticipates, while the collection goes on ``UNTOLD_AFTER`` days
  past it with no article telling it (nor its week: "last week's vote"), counts ``UNTOLD_WEIGHT``
  of that: a plan no report followed
  ("the U.N. mandate that expires on December 31", a handover "scheduled for June 30" that took
  place on June 28, talks called off).  On t17-dev, date F1 and ROUGE unchanged; on a five-year war
  story, wire-chronology date F1 +0.029; on ten tasks of five other invented stories date F1
  unchanged and concat ROUGE-1 within 0.008.
- a reference from a sentence far off the story counts less: its weight is scaled by the sentence's
  topicality (``timeline.salience``: how widely the collection's articles use its words, the time
  phrase aside) over ``TOPICAL`` times the median of all reports', up to 1 and at least
  ``MIN_TOPICAL`` (a sports result or a namesake firm's news reprinted in a roundup names its day
  too).  On sixteen timelines of eight invented stories with such noise, date F1 0.812 -> 0.830;
  on t17-dev within 0.001.

(Measured on t17-dev, beside counting raw mentions: counting articles, the anticipated's weight and
using the report's own date rather than the merged event's each helped a little; damping busy
weeks, favouring later or lead-paragraph references and counting outlets did not.)

Choosing the sentences.  A day's candidates are the sentences of the articles that report an event
on that day (the sources of the merged events dated that day); when there are none, the sentences
of undated, not-anticipated events of the articles published that day.  A sentence of fewer than
``MIN_WORDS`` or more than ``MAX_WORDS`` words, or one that only tells someone would not say
anything ('A spokesman declined to comment on Tuesday': ``events/non_answers.txt``; on t17-dev
concat ROUGE-1 +0.003), or one written word for word, figures aside, under ``REPEATED_DAYS`` of the
days or more (boilerplate told day after day: "Last night the Foreign Office advised Britons to avoid
all travel to ..."; on t17-dev ROUGE within 0.0005, on nine invented stories unchanged, on a tenth,
a civil war, unchanged while five such sentences left its summary; a status line with the day's
figures, "Radiation at the gate stood at 3.9 millisieverts an hour": on t17-dev unchanged, on 32
invented timelines ROUGE +0.001), is one only when nothing else is; one of more
than ``MAX_TOLD_WORDS`` words (a piece of run-on page text, cut where it grew too long) never is.  A chronology's entry is a
candidate without the bullet and date that open it: they stand under the day already; any other
without the words that name its day from the publication ('yesterday', 'on Tuesday': "Lidia Marek
stepped down yesterday" would tell the wrong day under its date), where it plainly does without them
(:func:`_without_day_words`; on t17-dev concat ROUGE +0.002 and +0.003, date-aligned ROUGE-1 -0.002;
on four invented stories ROUGE-1 +0.015 concat and date-aligned).  Candidates
far off the story are dropped: those whose topicality (``timeline.salience``: how widely the
collection's articles use their words, the time phrase aside) is below ``OFF_TOPIC`` of the day's
most topical candidate, such as a sports result or a market report reprinted in a wire roundup, or
a reader's aside.  (Measured on t17-dev: date-aligned ROUGE-1 0.002 lower, concat ROUGE-1 0.001 higher, within
what any small change moves; what it leaves out is the junk a reader notices.  As a weight rather
than a filter it cost 0.015 of concat ROUGE-1.) The rest are ranked by centrality (TF-IDF cosine to
the day's centroid, the IDF taken over all the chosen days' candidates, so that words the whole
story uses weigh little), with a small preference for sentences that write the date out, half the
score for a sentence only written before the day (a preview: "will vote on Tuesday" does not tell
the vote; on t17-dev concat ROUGE-1 +0.004, date-aligned -0.001), half for one that opens on a word
leaning on the sentence before ("It did not comment when ...", "That was the message ...": it does
not stand alone under its date; on t17-dev ROUGE within 0.0002) or whose subject points back to it
("Five of the nine ...", "The latest cases came as ...", "The hospital said her son also died": the
language's ``events/back_references.txt``; on t17-dev 3 default days changed, 2 read better, ROUGE
within 0.0005), half for one that opens on a
quotation mark or is mostly quoted (what was said, not what happened: on t17-dev every ROUGE score
up, concat ROUGE-2 by 0.002), half for one whose date stands only in a clause describing a noun
("The workers, who walked out on March 4, returned on Friday": it tells another happening; the
language's ``relative_pronouns.txt``; on t17-dev concat ROUGE-1 +0.001, on the bribery trial
+0.012 and the uprising +0.002, elsewhere unchanged) or in a phrase recalling an earlier one ("the
first talks since the tanker was seized on Sept. 3": ``recall_words.txt``; on four invented stories
ROUGE +0.001 to +0.002, on t17-dev within 0.001), a quarter for one no article wrote until more than
``RECAP_DAYS`` days after the day, a chronology's entry aside (a recap, short and central, 'The dam
burst on March 4.', where the day's own reports tell what happened; on t17-dev every ROUGE score up,
date-aligned ROUGE-1 0.193 -> 0.197; on sixteen invented timelines date-aligned ROUGE-1 0.384 ->
0.401; 2 days did about as well, 1 and 7 a little worse, 30 worse, and counting entries as recaps lost
0.005; a quarter rather than half: at half a recap still came first on a day whose own reports were
fewer or longer, on 36 invented timelines concat ROUGE-1 0.548 -> 0.553, date-aligned 0.384 -> 0.391,
16 timelines up and 8 down, on t17-dev every figure within 0.001; 0.1 and 0 were the same on the
invented stories and lost 0.002 on t17-dev), and picked greedily, skipping any too
similar to one already picked
(a TF-IDF cosine of their content words over ``REDUNDANT``, 0.35; the whole sentences at 0.5 often
let a day's second sentence tell its first happening again, and at a lower bar 'the ... on Monday,
... said' alone made two happenings one; on t17-dev, 0.15 to 0.5 moved ROUGE-1 by 0.005 at most,
and 0.35 of content words is within 0.001 of the best), or telling only events one picked tells
(the same happening in another outlet's words, which share few with it: on t17-dev 5 of h1n1's 22
days and 9 of bpoil's 35 had told one happening twice), unless each names someone or somewhere the
other does not (two happenings the merge took for one); with the penalties for a sentence naming
another day and for a caption, t17-dev concat ROUGE-2 0.168 -> 0.170 and date-aligned ROUGE-1 0.200 ->
0.204, the 36 invented timelines (one sentence a day) within 0.001.  A heading, caption or byline run
into a sentence with no stop ('Case study: Gulf of Mexico oil spill and BP On 20 April 2010 a deepwater
oil well exploded ...') is told without it (:func:`_without_run_in_head`), and a plan in a present
'be' ('He is due to visit the gulf later on Friday') counts as a preview (:func:`_foretold`): on
t17-dev together concat ROUGE-1 0.4970 -> 0.4986, ROUGE-2 0.1671 -> 0.1675, date-aligned ROUGE-1
0.2032 -> 0.2032, ROUGE-2 0.0476 -> 0.0473; of 57 default days 7 changed, 5 read better, 1 worse (a
second sentence on the edge of ``REDUNDANT``).  A sentence's support (``SUPPORT_WEIGHT``) is the articles
that wrote it or a near copy of it (a content-word cosine of ``NEAR_COPY``), not every article merged into
its event: a 'He told CNN ...' of one article had borrowed a 10-article event's support and come first (on
t17-dev alone concat ROUGE-1 0.4992 -> 0.5019, ROUGE-2 0.1684 -> 0.1698, date-aligned ROUGE-1 0.2041 ->
0.2047, ROUGE-2 0.0480 -> 0.0493, and with the sentences pointing back 0.5022, 0.1696, 0.2045, 0.0493; of
57 default days 32 changed, 8 read better and 4 worse; at a bar of 0.3, 0.45 or 0.5 ROUGE fell).  Each sentence comes with its
sources: every article that reported the event(s) it tells.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
import textwrap
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from timeline.events.assembly import COUNTED_RULE
from timeline.lang import DEFAULT_LANGUAGE
from timeline.models import (
    DateSpan, DaySummary, Event, Granularity, Relation, Source, SummarySource, TimeExpression, Timeline, require,
)
from timeline.salience import BACKGROUND_DAYS, count_for_span, story_text, text_topicality, word_spread
from timeline.temporal import tag
from timeline.temporal.calendar import timex_span
from timeline.temporal.engine import grammar
from timeline.text import (BULLETS, CAPITALISED, ENTRY_MARKS, LINE_OPENERS, LIST_NUMBER, caption, entry_heading,
                           entry_label, language_patterns, run_in_head)

DEFAULT_SENTENCES = 2  # sentences a day when the caller does not say
MAX_DEFAULT_DATES = 40  # the automatic number of days never exceeds this
MIN_DEFAULT_DATES = 3

FUTURE_WEIGHT = 0.5
UNTOLD_WEIGHT = 0.25  # and a day only ever anticipated, while the collection goes on UNTOLD_AFTER days past it
UNTOLD_AFTER = 3
TOPICAL = 2.0  # a reference counts in full from this many times the median topicality of the reports
MIN_TOPICAL = 0.1  # and never less than this share
TOPICAL_ARTICLES = 20  # ... in a collection of at least this many articles

# Candidate sentences outside these lengths only as a last resort.  (Six, not eight: the plainest
# report of a day is often short, 'Justice Minister Yusuf Karami resigned Tuesday.'  On t17-dev
# every ROUGE score within +0.0005; on two invented stories with four reference timelines, concat
# ROUGE-1 0.452 -> 0.479, date-aligned 0.273 -> 0.286.)
MIN_WORDS, MAX_WORDS = 6, 40
MAX_TOLD_WORDS = 120  # a candidate longer than this is never told (no news sentence is so long)
STAMP_CHARS = 24  # the opening of a sentence read for a live page's clock stamp
REDUNDANT = 0.35  # cosine of content words above which a sentence repeats one picked (see the module text)
DATE_BONUS = 0.1  # centrality bonus for a sentence that writes the day-of-month out
SUPPORT_WEIGHT = 0.2  # and for one more articles wrote, or a near copy of it (x log(1 + articles))
ANTICIPATED = 0.5  # the score of a sentence only written before the day ("will vote on Tuesday")
LEANING = 0.5  # the score of one that opens on a word leaning on the sentence before ("It did not ...")
QUOTED = 0.5  # and of one that opens on a quotation mark or is mostly quoted: what was said, not what happened
BACKGROUND = 0.5  # and of one whose date is in a clause describing a noun ('the strike, which began on May 3, ...')
# or in a phrase recalling an earlier happening ('the first talks since the tanker was seized on Sept. 3')
RECAP = 0.25  # and of one first written more than RECAP_DAYS after its day: a recap, not the day's report
RECAP_DAYS = 3
OTHER_DAY = 0.5  # and of one whose words, read from its publication, still name another day ('said on Thursday')
CAPTION = 0.25  # and of a photo's caption left in the text ('... in Taipei May 22, 2009.'): a scene, not the news
# a sentence written word for word (figures aside) under this many of the days or more tells no one day's news
REPEATED_DAYS = 3
NEAR_COPY = REDUNDANT  # a content-word cosine at which a sentence is a near copy of another (its support)
SUPPORT_BLOCK = 512  # candidates compared with all the day's at a time
OFF_TOPIC = 0.25  # a candidate below this share of the day's best topicality is off the story
MIN_POOL = 2  # ... when the day has at least this many candidates (not 3: a tennis result stood beside a day's
# talks; on t17-dev and 24 tasks of invented stories every figure is as with 3)

# a number of a date, not of a clock time ('5:20', '10.30', '5 p.m.'; '20 April', '4/20', '2010-04-20')
_DIGITS = re.compile(r"(?<![\d:.])\d+(?![\d:]|\.\d|\s?[ap]\.?m\b)", re.IGNORECASE)


# --- choosing the days ----------------------------------------------------------------------------


def _published_day(source: Source) -> Optional[dt.date]:
    return source.published.date() if source.published else None


def _one_day(span: Optional[DateSpan]) -> Optional[dt.date]:
    if span is None or span.granularity not in (Granularity.DAY, Granularity.TIME) or span.start != span.end:
        return None
    return span.start


def day_of(event: Event) -> Optional[dt.date]:
    """The one day an event is placed on, or None when its date is coarser than a day."""
    return _one_day(event.date)


def _names_the_day(source: Source, day: dt.date) -> bool:
    """The time phrase writes the day-of-month out ('20 April', '4/20'), not only 'Tuesday'."""
    expression = source.time_expression
    return expression is not None and day.day in map(int, _DIGITS.findall(expression.text))  # ('2026-02-09': 9)


def _within(day: dt.date, start: Optional[dt.date], end: Optional[dt.date]) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def _own_span(source: Source) -> Optional[DateSpan]:
    """The span a report's own time phrase places it in (a date or a time), or None."""
    expression = source.time_expression
    if expression is None or expression.type not in ("DATE", "TIME"):
        return None
    return timex_span(expression.value)


def reference_day(source: Source) -> Optional[dt.date]:
    """The one day a report's own time phrase places it on, or None (no phrase, or coarser)."""
    return _one_day(_own_span(source))


def day_references(events: Iterable[Event]) -> dict[dt.date, dict[str, float]]:
    """For each precise day, the articles whose own time phrase places an event on it, with the
    weight of their reference (the strongest of an article's references to that day).

    A report merged into a dated event without a date of its own refers to no day: it tells the
    happening, not when it was."""
    events = list(events)
    topical = _topicality_weight(events)
    refs: dict[dt.date, dict[str, float]] = defaultdict(dict)
    told: set[dt.date] = set()  # the days some article refers to on or after them
    last: Optional[dt.date] = None  # the last day an article of the collection appeared
    for event in events:
        for source in event.sources:
            published = _published_day(source)
            if published is not None and (last is None or published > last):
                last = published
            span = _own_span(source)
            day = _one_day(span)
            if day is None:
                told.update(_week_told(span, published))  # ('last week's vote': its days were told)
                continue
            if _bounds(source):  # ('before Christmas' is no day of the approach told)
                continue
            weight = topical(source)
            if published is not None and published < day:
                weight *= FUTURE_WEIGHT
            else:
                told.add(day)
            key = source.article_key
            refs[day][key] = max(weight, refs[day].get(key, 0.0))
    for day, weights in refs.items():
        if day not in told and last is not None and (last - day).days >= UNTOLD_AFTER:
            refs[day] = {key: weight * UNTOLD_WEIGHT for key, weight in weights.items()}
    return refs


def _topicality_weight(events: list[Event]):
    """The weight of a report's reference by how far on the story its sentence is: its topicality
    (``timeline.salience``: how widely the collection's articles use its words) over ``TOPICAL``
    times the median of all reports', at most 1 and at least ``MIN_TOPICAL``; 1 in a collection of
    fewer than ``TOPICAL_ARTICLES`` articles, too few to tell the story's words from others'."""
    spread = word_spread(events)
    if spread[1] < TOPICAL_ARTICLES:
        return lambda source: 1.0
    scores = {}
    for event in events:
        for source in event.sources:
            key = (source.article_key, source.sentence_start)
            if key not in scores:
                scores[key] = text_topicality(story_text(source.sentence, source.time_expression), *spread)
    ordered = sorted(scores.values())
    bar = TOPICAL * ordered[len(ordered) // 2] if ordered else 0.0

    def weight(source: Source) -> float:
        score = scores.get((source.article_key, source.sentence_start), 0.0)
        return 1.0 if bar <= 0 else min(1.0, max(MIN_TOPICAL, score / bar))
    return weight


def _bounds(source: Source) -> bool:
    """Whether a report's own time phrase only bounds its happening, right after a word that
    counts from it or ends a period at it ('made before Christmas', 'stayed until Friday': the
    language's ``offset_prepositions.tsv`` and ``period_end_words.txt``), not a day of it; but a
    day's own happening named after it is one ('after Monday's vote': the vote's day)."""
    from timeline.events.lexicon import lexicon

    expression = source.time_expression
    if expression is None or _POSSESSIVE.match(source.sentence, max(0, expression.end - source.sentence_start)):
        return False
    return _bound_before(source.sentence, expression.start - source.sentence_start, lexicon())


def _bound_before(text: str, at: int, lex, also: frozenset[str] = frozenset()) -> bool:
    """Whether the word right before offset ``at`` of ``text`` counts from the time phrase there or
    ends a period at it ('before Christmas', 'until Friday'), or is one of ``also``."""
    word = _WORD_BEFORE.search(text, 0, max(0, at))
    bound = word.group(1).casefold() if word else None
    return bound in lex.offsets or bound in lex.period_ends or bound in also


_POSSESSIVE = re.compile(r"['\u2019]s?\b")


def _week_told(span: Optional[DateSpan], published: Optional[dt.date]) -> list[dt.date]:
    """The days of ``span``, a report's own week or a few days, when it tells of them after they
    ended ('last week's vote'), else none: it refers to no one day, but tells them as gone."""
    if span is None or published is None or span.end >= published or (span.end - span.start).days > 6:
        return []
    return [span.start + dt.timedelta(days=n) for n in range((span.end - span.start).days + 1)]


def publication_counts(articles: Iterable[Source]) -> Counter:
    """How many articles were published each day."""
    return Counter(day for day in map(_published_day, articles) if day is not None)


def day_scores(timeline: Timeline, start: Optional[dt.date] = None, end: Optional[dt.date] = None,
               references: Optional[Mapping[dt.date, Mapping[str, float]]] = None) -> dict[dt.date, float]:
    """The importance of every precise day between ``start`` and ``end`` (see the module text);
    ``references``: the timeline's :func:`day_references`, when the caller has them."""
    references = day_references(timeline.events) if references is None else references
    return {day: sum(refs.values()) for day, refs in references.items() if _within(day, start, end)}


def top_days(scores: Mapping[dt.date, float], n: int) -> list[dt.date]:
    """The ``n`` best-scored days, in date order (an earlier day first on a tie)."""
    return sorted(_best_first(scores, scores)[:max(0, n)])


def _best_first(days: Iterable[dt.date], scores: Mapping[dt.date, float]) -> list[dt.date]:
    """``days``, the best scored first (an earlier day first on a tie)."""
    return sorted(days, key=lambda day: (-scores[day], day))


def story_days(scores: Mapping[dt.date, float], timeline: Timeline,
               start: Optional[dt.date] = None, end: Optional[dt.date] = None) -> list[dt.date]:
    """The days of ``scores`` in the order they are chosen, the best scored first: the story's own,
    then the days of history the articles recall (more than ``BACKGROUND_DAYS`` before the first
    was published: "the fund for the victims of the Sept. 11, 2001, attacks", in a story of 2010)
    and the days still to come after the last was published ("the trial is set for March 26"), as
    for the key events: those are chosen only when the story's own are too few (a collection of
    retrospectives is all history).  A ``start`` or ``end`` the caller gives stands for the
    story's own on its side."""
    span = _story_span(timeline, start, end)
    if span is None:
        return _best_first(scores, scores)
    return (_best_first((d for d in scores if _in_story(d, span)), scores)
            + _best_first((d for d in scores if not _in_story(d, span)), scores))


def _story_span(timeline: Timeline, start: Optional[dt.date] = None,
                end: Optional[dt.date] = None) -> Optional[tuple[float, float]]:
    """The ordinals of the first and last days of the story's own (from ``BACKGROUND_DAYS`` before
    its first article to its last; ordinals, so that there is no overflow at the calendar's edge),
    open on a side the caller set (``start``, ``end``); None with no date."""
    published = list(publication_counts(timeline.articles))
    if not published:
        return None
    return (-math.inf if start is not None else min(published).toordinal() - BACKGROUND_DAYS,
            math.inf if end is not None else max(published).toordinal())


def _in_story(day: dt.date, span: Optional[tuple[float, float]]) -> bool:
    return span is None or span[0] <= day.toordinal() <= span[1]


def default_dates(timeline: Timeline, start: Optional[dt.date] = None, end: Optional[dt.date] = None,
                  references: Optional[Mapping[dt.date, Mapping[str, float]]] = None) -> int:
    """The number of days when the caller does not say.

    Twice the square root of the collection's span in days (from its first to its last
    publication day, within ``start``/``end``; the days referred to when no article is dated), as
    many as the page's key events: a week gives 5, a month 11, a year 38; at least 3, at most
    40.  But no more than the well-attested days (those at least two articles refer to; without
    ``start`` or ``end``, of the story's own days, not of history or of what is still to come: see
    :func:`story_days`), unless fewer than 3 are: then up to 3 of the days referred to at all.
    ``references``: the timeline's :func:`day_references`, when the caller has them.
    """
    references = day_references(timeline.events) if references is None else references
    refs = {day: r for day, r in references.items() if _within(day, start, end)}
    if not refs:
        return 0
    published = [day for day in publication_counts(timeline.articles) if _within(day, start, end)] or list(refs)
    span = (max(published) - min(published)).days + 1
    wanted = count_for_span(span, MIN_DEFAULT_DATES, MAX_DEFAULT_DATES)
    story = _story_span(timeline, start, end)
    attested = sum(len(r) >= 2 for day, r in refs.items() if _in_story(day, story))
    return min(wanted, max(attested, min(MIN_DEFAULT_DATES, len(refs))))


# --- choosing the sentences ----------------------------------------------------------------------


@dataclass
class _Candidate:
    text: str
    story_text: str  # the text without its time phrase, for its topicality
    names_day: bool = False
    reported: bool = False  # some article that tells it appeared on or after the day
    # the reports of each event the sentence tells (article key -> one of its reports), shared by
    # all the event's sentences: an event told in N sentences by N articles holds N reports, not N*N
    backings: list[dict[str, Source]] = field(default_factory=list)
    # the sentences it was read from, as written, each with its article: the same words in other
    # articles about another day tell another happening ("Thousands marched on Friday", weekly)
    written: set[tuple[str, str]] = field(default_factory=set)
    background: bool = True  # its date is, in every sentence it was read from, in a clause describing a noun
    entries: set[tuple[str, str]] = field(default_factory=set)  # those that are list entries told without their date
    every_day: bool = False  # the same words are a candidate under REPEATED_DAYS of the days or more
    words: int = 0  # its length as written, its day's words included ('The mayor quit Tuesday': 4)
    first_told: Optional[dt.date] = None  # the day the first article that wrote it appeared
    published: Optional[dt.datetime] = None  # when an article that wrote it appeared (its days' anchor)
    dated_here: bool = False  # some report's own time phrase places it on the day it is told under

    @property
    def sources(self) -> dict[str, Source]:
        """Every article that reported an event the sentence tells, with one of its reports."""
        if len(self.backings) == 1:
            return self.backings[0]
        merged: dict[str, Source] = {}
        for backing in self.backings:
            for key, source in backing.items():
                merged.setdefault(key, source)
        return merged


def _clean(sentence: str) -> str:
    return " ".join(sentence.split())


_OPENING_BULLET = re.compile(  # (but a minus sign: '-40 degrees', Markdown's bold: '**Yesterday** ...'), or a
    # numbered list's number ('2) ', '(3) ')
    rf"\s*(?:(?:[{re.escape(BULLETS.replace('-', '').replace('*', ''))}]|-(?![\d.])|\*(?!\S*\*))\s*)*"
    rf"(?:{LIST_NUMBER}\s+)?")
_DAY_AHEAD = re.compile(r"[^\W\d_]{3,9}\.?[^\S\n]+\d")  # a sentence opening on a day of a month ('June 17')
_ZONE = re.compile(r"[^\S\n]+[A-Z]{2,5}\b")  # a time zone's letters after a clock time
_BLANKS = re.compile(r"[^\S\n]+")
_ENTRY_MARK = re.compile(rf"\s*[{re.escape(ENTRY_MARKS)}]+\s*|[^\S\n]*\t\s*")  # what parts the date from its entry


def _told(source: Source) -> tuple[str, bool, int]:
    """The sentence of ``source`` as a summary tells it under its date, and whether it is an
    entry told so: without the bullet and the date that open a chronology's entry ('\u2022 12
    January \u2013 A quake strikes': 'A quake strikes'), or the clock stamp that opens a live
    page's entry ('4:20pm AWST: Workers will return'), with the word before it ('UPDATE 9:15 a.m.
    ET: ...') or after it ('6.05pm: Summary: ...', ``page/entry_headings.txt``, a word that is
    dropped where it opens a sentence too: 'Summary: the rebels hold the port'); else without the
    words that name its day from the publication ('yesterday', 'on Tuesday':
    :func:`_without_day_words`), whose number comes third (the report's length is as written:
    'Justice Minister Yusuf Karami resigned Tuesday' is no shorter for losing its day)."""
    sentence, expression = source.sentence, source.time_expression
    lead = _OPENING_BULLET.match(sentence).end()
    opening = entry_heading().match(sentence, lead)  # (a live page's word with no stamp: 'Summary: Rebels hold ...')
    headed = bool(opening and sentence[opening.end():].strip())
    lead = opening.end() if headed else lead
    body, entry = sentence[lead:], None
    if expression is not None:
        at = expression.start - source.sentence_start
        if lead <= at < len(sentence) and not sentence[lead:at].strip(LINE_OPENERS):
            entry = _past_mark(sentence, expression.end - source.sentence_start)
    label = entry_label().match(body)  # (a live page's word before its stamp: 'UPDATE 9:15 a.m. ET: ...')
    if label and not body[label.end():][:1].isdigit():
        label = None  # (the word alone, with no stamp after it, is the sentence's own: 'Earlier today the bank ...')
    stamped = body[label.end():] if label else body
    if entry is None and (stamped[:1].isdigit() or (expression is None and _DAY_AHEAD.match(stamped))):
        stamp = _opening_time(stamped)
        if stamp is not None and stamp.type == "TIME":  # a live page's stamp: '4:20pm AWST: ...'
            zone = _ZONE.match(stamped, stamp.end)  # (a zone the tagger does not know: 'AWST')
            entry = _past_mark(stamped, zone.end() if zone else stamp.end, bare=True)
        elif stamp is not None and expression is None:
            # (an entry's date, where the report is another's merged in from the sentence: 'June 17: BP's
            # chief testifies', the testimony dated by another article)
            entry = _past_mark(stamped, stamp.end)
    if entry is not None and (heading := entry_heading().match(entry)) and entry[heading.end():].strip():
        entry, headed = entry[heading.end():], True  # (after a stamp: '6.05pm: Summary: The rebels hold the port')
    dropped = 0
    if entry is None and expression is not None and not label:
        shorter = _without_day_words(body, expression.start - source.sentence_start - lead, expression)
        own = reference_day(source)
        if shorter != body and own is not None and _other_day_named(shorter, source.published, own):
            shorter = body  # (its day stays beside another it names: 'said on Thursday the cases were
            # detected on Wednesday evening' told without 'on Wednesday evening' would put them on Thursday)
        dropped, body = len(body.split()) - len(shorter.split()), shorter
    told = _without_run_in_head(_clean(entry if entry is not None else body))
    first = _FIRST_WORD.match(told)
    if headed and first is not None and first.group(1).islower():  # (not a name written so: 'eBay', 'iPhone')
        told = told[:1].upper() + told[1:]
    return told, entry is not None, dropped


def _without_run_in_head(told: str) -> str:
    """``told`` without a heading or a photo's caption run into it with no stop between ('Case
    study: Gulf of Mexico oil spill and BP On 20 April 2010 a deepwater oil well exploded ...': 'On
    20 April 2010 a deepwater oil well exploded ...'; a byline, 'Mark Mardell BBC News, Louisiana The
    criticism began ...'; the language's ``page/run_in_heads.txt``), where what is left is a
    sentence of at least ``MIN_WORDS`` words that does not lean on the one before (:func:`_leans`), and
    the heading tells nothing itself (:func:`_tells`): under its date the heading says nothing, or
    another thing."""
    head = run_in_head().match(told)
    if head is None or len(told[head.end():].split()) < MIN_WORDS or _leans(told[head.end():]) \
            or _tells(told[:head.end()]):
        return told  # (nor where what is left leans on what came before: 'It emerged ...' is ranked as one)
    return told[head.end():]


def _tells(head: str) -> bool:
    """Whether what reads as a heading run into a sentence tells a happening of its own, a verb in the
    past in lower case after its first word ('Mexico confirmed 20 new cases on Monday The health
    ministry said ...': a sentence whose stop was lost, not a heading, which tells in the present:
    'BP caps well')."""
    from timeline.events.lexicon import lexicon

    lex = lexicon()
    return any(word.islower() and lex.past(word) for word in _CLAUSE_WORDS.findall(head)[1:])


@lru_cache(maxsize=1 << 12)
def _foretold(sentence: str) -> bool:
    """Whether a sentence tells what is still to come, a plan rather than what happened, written on
    its day or after ('During the test, the three valves will be shut', 'Johnson will give a further
    update', 'The spill could eclipse ...'): its first verb group, outside a relative clause, opens
    on a modal that puts it after the telling ('will', 'could'; the language's ``auxiliaries.tsv``),
    written in lower case or opening the sentence before a word in lower case (not the month 'May',
    nor 'Will Smith'), before any past or reporting verb ('BP said it will ...' tells the saying);
    or on a present form of 'be' with a word of the language's ``prospective_words.txt`` and 'to'
    and a verb after it ('He is due to visit the gulf later on Friday': a plan written on the day,
    which the day's reports tell as done; :func:`_planned`); not one the next word turns to
    what was or was not done ('could not find the gunman', 'would
    only confirm', 'might have prevented': the language's negations, focus adverbs and 'have')."""
    from timeline.events.lexicon import lexicon

    lex = lexicon()
    words = _CLAUSE_WORDS.findall(sentence)
    relative = False  # (inside a relative clause: 'Gordon Brown, who later today will join ..., called for')
    for n, word in enumerate(words):
        low = word.casefold()
        after = words[n + 1] if n + 1 < len(words) else ""
        if word == ",":
            relative = False
        elif low in lex.relatives:
            relative = True
        elif not relative and (found := lex.auxiliaries.get(low)) is not None \
                and (word.islower() or n == 0) and after.isalpha() and after.islower():
            if found == (Relation.OVERLAP, "be") and after in lex.prospective_words and _planned(words, n + 2, lex):
                return True  # ('is due to visit', 'is expected to pass'): a plan
            return found[0] == Relation.AFTER and found[1] == "modal" and after not in lex.negations \
                and after not in lex.focus and lex.aux_kind(after) != "have"
        elif low in lex.reporting or lex.past(low):
            return False
    return False


def _planned(words: list[str], at: int, lex) -> bool:
    """Whether ``words[at:]`` go on from a prospective word as a plan does: 'to' and a verb ('due to
    visit the coast', 'due to be released', 'expected to take place'), not the cause 'due to' gives
    ('due to the weather', 'due to bad weather', 'due to fears over', 'due to increased testing'):
    the word after 'to' in lower case, no determiner, possessive, adverb, past, -ing or plural form,
    and before what a verb takes (a determiner, a pronoun, a preposition, an adverb, a number, the
    clause's end: not a noun it would describe, 'bad [weather]'), or 'be'."""
    if at + 1 >= len(words) or words[at].casefold() != "to":
        return False
    nxt = words[at + 1]
    if not (nxt.isalpha() and nxt.islower()) or nxt in lex.possessives or nxt in lex.determiners \
            or lex.adverb(nxt) or lex.past(nxt) or lex.ends(nxt, "gerund") or lex.plural(nxt):
        return False
    then = words[at + 2].casefold() if at + 2 < len(words) else ","
    return nxt == "be" or not then.isalpha() or then in lex.determiners or then in lex.pronouns \
        or then in lex.prepositions or then in lex.possessives or lex.adverb(then)


_CLAUSE_WORDS = re.compile(r"[\w'\u2019]+|,")


def _without_day_words(body: str, at: int, expression) -> str:
    """``body`` (its time phrase at offset ``at``) without that phrase when it only names the day from
    the publication ('yesterday', 'on Tuesday'): under the day's heading it says nothing, or the
    wrong day ('... stepped down yesterday' told under the day she stepped down), or a part of that
    day ('yesterday afternoon', 'last night'). Only where the sentence plainly does without it:
    opening the sentence before a comma ('On Tuesday, the council ...') or, with none, before a
    name, a determiner or a subject and its verb ('Yesterday afternoon Judge Petrov ordered',
    'Yesterday the council voted', 'On Friday lawmakers passed'; not 'Yesterday was the deadliest
    day'), or after a word and before a comma, a full stop or a word in lower case; never inside a
    quotation, nor where the sentence leans on it: a possessive ("Tuesday's vote"), after another
    preposition ('until Friday when', 'over Christmas'), after a verb of being ('The funeral was
    yesterday'), after a verb whose 'on' is a particle ('went on Tuesday as ...': the language's
    ``particle_verbs.txt``) or whose object it is ('spent Wednesday trying': ``time_object_verbs.txt``),
    ending the sentence after an -ing form it completes ('a strike beginning on Monday.'), after a
    word that singles it out ('learned only on Thursday night what': the language's
    ``focus_adverbs.txt``), after a word that opens a clause or joins ('as recently as Saturday',
    'on Saturday or Sunday'), before a joining word ('on Wednesday to Friday'), a name going on
    ("Radio 4's Today programme"; not a day amid prose: 'killed 26 protesters Sunday as'), a
    participle's own ('published yesterday, makes', 'The poll published yesterday puts':
    :func:`_participle`). A phrase counted from another day ('two days after ...') is never one of
    these: it is anchored in the story, not the publication."""
    text = expression.text
    if expression.type not in ("DATE", "TIME") or expression.anchor != "publication" or any(c.isdigit() for c in text) \
            or not _DAY_OR_PART.fullmatch(expression.value) or at < 0 or body[at:at + len(text)] != text \
            or _quoted(body, at):
        return body
    from timeline.events.lexicon import lexicon

    lex, end = lexicon(), at + len(text)
    right = body[end:]
    if right[:1] and unicodedata.category(right[0]) in ("Mn", "Me", "Cf"):
        return body  # (a mark on the phrase, or an invisible one beside it)
    on = _ON.search(body, 0, at)
    start = on.start() if on else at
    if not body[:start].strip():  # opening the sentence, set off by a comma: 'On Tuesday, the council ...'
        comma = _SET_OFF.match(right) or _SPACE.match(right)
        rest = right[comma.end():] if comma else ""
        first = _FIRST_WORD.match(rest)
        if first is None or not (rest[:1].isupper() or rest[:1].isdigit() or first.group(1).islower()):
            return body  # ('Yesterday, eBay said ...': not to be recapitalised)
        if not right.startswith(",") and not (rest[:1].isupper() or first.group(1).casefold() in lex.determiners
                                              or _subject_before_verb(rest, lex)):
            return body  # (with no comma, only before a name, a determiner or a subject and its verb: not
            # 'Yesterday was the deadliest day', 'Friday marks 50 years')
        return rest[:1].upper() + rest[1:]
    appositive = _APPOSITIVE_END.search(body, 0, start)
    following = _NEXT_WORD.match(right)
    if appositive and _sets_off_a_name(body, appositive.start(), lex) and following and lex.past(following.group(1)):
        # (after a name set off by commas, before its verb: 'The WHO chief, Dr Margaret Chan, yesterday
        # examined data' is 'The WHO chief, Dr Margaret Chan, examined data')
        return body[:start] + right.lstrip()
    before = _WORD_BEFORE.search(body, 0, start)
    if before is None or not _AFTER_DAY.match(right):
        return body  # (after a bracket, a dash, a comma; before one, a slash, a bracket, a capital)
    low = before.group(1).casefold()
    opener = _WORD_BEFORE.search(body, 0, before.start(1))
    if opener is not None and (opener.group(1).casefold() in lex.relatives
                               or opener.group(1).casefold() == "that" and lex.past(low)):
        return body  # (the day closes a clause describing a noun, 'the procedure, which began on Wednesday,
        # involves', 'a process that began Tuesday': without it the clause says nothing, 'which began,')
    joining = lex.coordinators | lex.period_ends | lex.infinitive
    if (low in lex.prepositions and not on) or low in lex.auxiliaries or (low in lex.clause and not on) \
            or low in lex.focus \
            or (on and low in lex.particle_verbs) or (not on and low in lex.time_objects) \
            or (right[:1] == "." and lex.ends(low, "gerund")) \
            or (following and following.group(1).casefold() in joining) \
            or (not on and text[:1].isupper() and right[:1].isspace() and not _amid_prose(body, before, text, following,
                                                                                     lex)) \
            or (lex.past(low) and low not in lex.reporting and ((not on and right[:1] == ",")
                                                                or _participle(body, before.start(1), right, lex))):
        return body
    return body[:before.end(1)] + (right if right[:1] in ",." else " " + right.lstrip())


def _sets_off_a_name(body: str, end: int, lex) -> bool:
    """Whether the name closing at ``end`` is an aside set off by commas after the subject ('The WHO
    chief, Dr Margaret Chan,', 'At the meeting, the chairman, Lord Brown,'): a comma opens it, after
    words that do not open on a preposition, whose phrase or list leaves the day as the subject ('In
    Washington, D.C., yesterday marked', 'For Shell, BP and Exxon, yesterday marked')."""
    opened = body.rfind(",", 0, end)
    first = _FIRST_WORD.match(body, body.rfind(",", 0, opened) + 1) if opened > 0 else None
    return first is not None and first.group(1).casefold() not in lex.prepositions


def _amid_prose(body: str, before: re.Match, text: str, following: re.Match | None, lex) -> bool:
    """Whether ``text``, a weekday's name, stands amid prose as the agencies write a day: after a
    word in lower case, no determiner nor a possessive's ending, and before none that may go with
    the verb ('killed 26 protesters Sunday as ...'; not "the Today programme", "spent Christmas with
    his family", "said Saturday about 2.1 million gallons")."""
    word = before.group(1)
    after = following.group(1).casefold() if following else ""
    return (grammar(DEFAULT_LANGUAGE).opens_on_weekday(text) and word.isalpha() and word.islower()
            and word.casefold() not in lex.determiners and (after not in lex.prepositions or after in lex.clause)
            and body[before.start(1) - 1:before.start(1)] not in ("'", "\u2019"))


def _participle(body: str, start: int, right: str, lex) -> bool:
    """Whether the past form at ``start`` of ``body``, before a day phrase (``right``: what follows
    the phrase), is a participle whose noun the phrase tells of, not the sentence's verb: set off
    by commas ("The coalition, signed on Monday, has"), or before the sentence's verb ("The poll
    published yesterday puts"; not 'resigned yesterday after a row', 'announced yesterday a plan',
    'resigned yesterday citing ill health', 'arrested yesterday 12 men')."""
    if body[:start].rstrip().endswith(",") and right[:1] == ",":
        return True
    after = _NEXT_WORD.match(right)
    if after is None or not after.group(1).islower():
        return False
    word = after.group(1)
    return not (word in lex.clause or word in lex.prepositions or word in lex.coordinators or word in lex.determiners
                or word in lex.infinitive or lex.adverb(word) or lex.ends(word, "gerund"))


def _subject_before_verb(rest: str, lex) -> bool:
    """Whether ``rest`` opens on a word in lower case that is neither a verb's past nor an
    auxiliary, and then one that is ('lawmakers passed', 'unions have condemned': a subject and its
    verb; not 'was the deadliest', 'saw protests spread')."""
    words = _TWO_WORDS.match(rest)
    if words is None or not words.group(1).islower():
        return False
    first, second = words.group(1).casefold(), words.group(2).casefold()
    return not (lex.past(first) or first in lex.auxiliaries) and (lex.past(second) or second in lex.auxiliaries)


_TWO_WORDS = re.compile(r"(\w+)[^\S\n]+(\w+)")
_ON = re.compile(r"\b[Oo]n[^\S\n]+$")
# the word right before, with blanks only between (tried from a word's start only: a long run is not
# scanned again from each of its characters)
_WORD_BEFORE = re.compile(r"(?<!\w)(\w+)[^\S\n]+$")
_APPOSITIVE_END = re.compile(r"[A-Z][\w'’.-]*,[^\S\n]+$")  # a name closing an aside set off by commas
_AFTER_DAY = re.compile(r"[,.](?=\s|$)|[^\S\n]+[a-z]")  # a comma or full stop, or a word in lower case
_NEXT_WORD = re.compile(r"[^\S\n]+(\w+)")
_SET_OFF = re.compile(r",[^\S\n]+")
_SPACE = re.compile(r"[^\S\n]+")


def _quoted(body: str, at: int) -> bool:
    """Whether offset ``at`` of ``body`` is inside a quotation: one opens before it that does not
    close before it."""
    before = _QUOTATION.sub("", body[:at])  # (the quotations closed before it)
    return any(mark in before for mark in _OPENING_QUOTES)


def _past_mark(sentence: str, end: int, bare: bool = False) -> Optional[str]:
    """What follows the mark after an entry's date or stamp ending at ``end`` ('12 January \u2013
    A quake strikes': 'A quake strikes'), or None when no mark follows, or what follows it does
    not open a sentence: a capital, a number or a quotation, in double or single quotes ('9:15 a.m.
    ET: 300 homes lost power', 'Nov 14 - 10-year yields jump', "Feb 17th: 'Day of rage' in Marsa"),
    or after a colon any word but a small one ('11:05 a.m. ET: iPhone maker ...'; not 'May 4: that
    is the date ...').  A clock stamp (``bare``) needs no mark before a capital or a quotation: a
    live page writes '22:40 Crowds are waiting ...'.  None too where what follows is the end of a
    range of days with its own mark ('May 27 - June 2: The top kill fails', 'June 2 - 10: ...')."""
    mark = _ENTRY_MARK.match(sentence, end)
    if not mark and bare:
        space = _BLANKS.match(sentence, end)
        if space and space.end() < len(sentence) and (sentence[space.end()].isupper()
                                                      or sentence[space.end()] in _ENTRY_QUOTES):
            return sentence[space.end():]
    if not mark or mark.end() >= len(sentence):
        return None
    rest = sentence[mark.end():]
    first = rest[0]
    if _RANGE_END.match(rest) or (first.isupper() and _opens_on_entry_date(rest)):
        return None
    if first.isupper() or first.isdigit() or first in _ENTRY_QUOTES:
        return rest
    if first.isalpha() and ":" in mark.group():
        from timeline.events.lexicon import lexicon

        word = _FIRST_WORD.match(rest)
        return None if word and word.group(1).casefold() in lexicon().function_words else rest
    return None


_RANGE_END = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s*[:\-\u2013\u2014]\s")  # ('June 2 - 10: The festival runs')


def _opens_on_entry_date(text: str) -> bool:
    """Whether ``text`` opens on a day and an entry's mark after it: a range's end ('June 2: ...' of
    'May 27 - June 2: The top kill fails')."""
    if not _DAY_AHEAD.match(text):
        return False
    first = _opening_time(text)
    return first is not None and first.type == "DATE" and bool(_ENTRY_MARK.match(text, first.end))


def _opening_time(text: str) -> Optional[TimeExpression]:
    """The time expression ``text`` opens on (read in its first ``STAMP_CHARS`` characters), or None."""
    first = next(iter(tag(text[:STAMP_CHARS])), None)
    return first if first is not None and first.start == 0 else None


def _candidates(timeline: Timeline, days: Sequence[dt.date]) -> dict[dt.date, list[_Candidate]]:
    """Each day's candidate sentences (unique texts), with the events' sources behind them."""
    wanted = set(days)
    dated: dict[dt.date, dict[str, _Candidate]] = {day: {} for day in days}
    fallback: dict[dt.date, dict[str, _Candidate]] = {day: {} for day in days}
    for event in timeline.events:
        day = day_of(event)
        if day in wanted:
            _add(dated[day], event, lambda s, day=day: _names_the_day(s, day), day)
        elif event.date is None and event.relation != Relation.AFTER:
            # (each day once, however many reprints were published on it: not once a source)
            for published in {_published_day(source) for source in event.sources} & wanted:
                _add(fallback[published], event, lambda s: False)
    return {day: list((dated[day] or fallback[day]).values()) for day in days}


def _add(pool: dict[str, _Candidate], event: Event, names_day, day: Optional[dt.date] = None) -> None:
    told: dict[int, _Candidate] = {}  # the candidates this event's sentences are, each once
    for source in event.sources:
        text, is_entry, dropped = _told(source)
        own = reference_day(source)
        if not text or (day is not None and own is not None and own != day):
            continue  # a report merged in from another day tells that day
        candidate = pool.get(text.casefold())
        if candidate is None:
            candidate = pool[text.casefold()] = _Candidate(text, story_text(text, source.time_expression),
                                                           words=len(text.split()) + dropped,
                                                           published=source.published)
        candidate.names_day = candidate.names_day or names_day(source)
        candidate.dated_here = candidate.dated_here or (day is not None and own == day)
        candidate.background = candidate.background and _dated_in_relative_clause(source)
        candidate.written.add((source.article_key, source.sentence))
        if is_entry and day is not None:
            candidate.entries.add((source.article_key, source.sentence))
        published = _published_day(source)
        candidate.reported = candidate.reported or day is None or published is None or published >= day
        if published is not None and (candidate.first_told is None or published < candidate.first_told):
            candidate.first_told = published
        told[id(candidate)] = candidate
    if told:  # the sentence tells the event: all its reports back it (its copies once, not once a copy)
        backing: dict[str, Source] = {}
        for other in event.sources:
            backing.setdefault(other.article_key, other)
        for candidate in told.values():
            candidate.backings.append(backing)


def _usable(candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates of a fit length that tell more than a non-answer ('A spokesman declined to
    comment on Tuesday': the language's ``non_answers.txt``) and are not written under many of the
    days (``every_day``); when none is, all of them but those over ``MAX_TOLD_WORDS`` words."""
    from timeline.events.lexicon import lexicon

    phrases = lexicon().non_answers
    sized = [c for c in candidates if MIN_WORDS <= c.words <= MAX_WORDS and not _non_answer(c.text, phrases)
             and not c.every_day]
    # (never a run-on page text cut in pieces: a piece starts mid-sentence, and says nothing whole)
    return sized or [c for c in candidates if len(c.text.split()) <= MAX_TOLD_WORDS]


def _non_answer(sentence: str, phrases: Sequence[str]) -> bool:
    words = " ".join(sentence.casefold().split())
    return any(phrase in words for phrase in phrases)


def _on_topic(candidates: list[_Candidate], spread: tuple[Counter, int]) -> list[_Candidate]:
    """The candidates but those far off the story: with at least ``MIN_POOL`` of them, one whose
    topicality (over the collection's word ``spread``) is below ``OFF_TOPIC`` times the day's best
    is dropped."""
    if len(candidates) < MIN_POOL:
        return candidates
    scores = [text_topicality(c.story_text, *spread) for c in candidates]
    kept = [c for c, score in zip(candidates, scores) if score >= OFF_TOPIC * max(scores)]
    return kept or candidates


def day_summaries(timeline: Timeline, days: Sequence[dt.date], sentences: int = DEFAULT_SENTENCES) -> list[DaySummary]:
    """The summary of each of ``days`` (in date order): up to ``sentences`` central, distinct
    sentences about what happened that day, with their sources.  A sentence that dates two of
    the days is told under one only: the day of the happening it tells first (see
    :func:`_home_days`), a list's entry under its own date; the same words written with another date (two
    entries of a list: "Feb 15 - Protests break out", "March 3 - Protests break out") are told
    under each day, and so are the same words of other articles about another day ("Thousands
    marched on Friday", in three weeks' reports)."""
    days = sorted(set(days))
    spread = word_spread(timeline.events)
    found = _candidates(timeline, days)
    days_of = Counter(key for candidates in found.values() for key in {_wording(c.text) for c in candidates})
    for candidates in found.values():
        for candidate in candidates:
            # (a list's entries in the same words are each their day's: 'Protesters march on the town hall')
            candidate.every_day = days_of[_wording(candidate.text)] >= REPEATED_DAYS and not candidate.entries
    pools = {day: _on_topic(_usable(candidates), spread) for day, candidates in found.items()}
    texts = [c.text for day in days for c in pools[day]]
    vectorizer = _vectorizer(texts)
    told: set[tuple[str, str]] = set()  # the sentences told, as their articles wrote them (article, sentence)
    entry_days: dict[tuple[str, str], dt.date] = {}  # a list entry, as written, and the day of its date
    for day in days:
        for candidate in pools[day]:
            entry_days.update(dict.fromkeys(candidate.entries - entry_days.keys(), day))
    homes = _home_days(timeline, days)
    summaries = []
    for day in days:
        # (as written: a list entry told under one day is the same sentence under another; an
        # entry is told under its own date, '10 January - The government declared ... after riots
        # on 9 January' under 10 January, when that is one of the days; another sentence under the
        # day of the happening it tells first)
        homed = {**homes, **entry_days}
        pool = [c for c in pools[day] if _told_here(c, day, told, homed)]
        if not pool:  # (the day's usable sentences are told under other days: its others, then)
            pool = _on_topic(_usable([c for c in found[day] if _told_here(c, day, told, homed)]), spread)
        summary = _summary(day, pool, sentences, vectorizer)
        chosen = {c.text: c for c in pool}
        for text in summary.sentences:
            told.update(chosen[text].written)
        summaries.append(summary)
    return summaries


_FIGURES = re.compile(r"\d+(?:[.,:]\d+)*")


def _wording(sentence: str) -> str:
    """A sentence's words, whatever its figures: a status line told day after day with the day's
    figures ('Radiation at the main gate stood at 3.9 millisieverts an hour', 'The death toll rose to
    3,256') is the same words each day."""
    return _FIGURES.sub("#", sentence.casefold())


def _told_here(candidate: _Candidate, day: dt.date, told: set[tuple[str, str]],
               homed: Mapping[tuple[str, str], dt.date]) -> bool:
    """Whether ``candidate`` may be told under ``day``: none of its sentences (as written, in its
    article) told already, and each at home there (``homed``: a sentence's day when it is not the
    one it is read under)."""
    return not told & candidate.written and all(homed.get(w, day) == day for w in candidate.written)


def _home_days(timeline: Timeline, days: Sequence[dt.date]) -> dict[tuple[str, str], dt.date]:
    """For each sentence (as written, with its article) that tells happenings of two or more of
    ``days``, the day of the one it tells first: its main clause, as news writes it ('The gang
    posted the files early Tuesday, five days after its deadline expired' is Tuesday's, not the
    deadline's day; 'walkouts on October 8 and November 5', one happening, the first day's), but
    one counted from another day ('paying until Nov. 17, 60 days after the storm, under a pledge
    made during a visit on Sept. 23' is the visit's, not the storm's), nor one told in a clause
    describing a noun ('The man, who was arrested on Sunday, was charged on Tuesday' is
    Tuesday's)."""
    wanted = set(days)
    found: dict[tuple[str, str], dict[dt.date, tuple[bool, bool, bool, int]]] = defaultdict(dict)
    for event in timeline.events:
        day = day_of(event)
        if day not in wanted:
            continue
        for source in event.sources:
            if source.sentence and source.trigger is not None and reference_day(source) in (None, day):
                # (a happening counted from another day, '60 days after the storm', is background,
                # and so are one told in a clause describing a noun, 'The man, who was arrested on
                # Sunday, was charged on Tuesday', and the saying of what happened: 'Police said on
                # Tuesday the man was arrested on Sunday' is Sunday's)
                told = (_counted(source), _dated_in_relative_clause(source), event.kind == "statement",
                        source.trigger.start - source.sentence_start)
                key = (source.article_key, source.sentence)
                found[key][day] = min(told, found[key].get(day, told))
    return {written: min(told, key=lambda d: (told[d], d)) for written, told in found.items() if len(told) > 1}


def _counted(source: Source) -> bool:
    """Whether the report's day is counted from another day of its sentence ('two days after')."""
    return source.time_expression is not None and source.time_expression.rule == COUNTED_RULE


def _vectorizer(texts: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(sublinear_tf=True, lowercase=True)
    try:
        vectorizer.fit(texts)
    except ValueError:  # no words at all
        return None
    return vectorizer


def _summary(day: dt.date, candidates: list[_Candidate], k: int, vectorizer) -> DaySummary:
    chosen = _select(candidates, k, vectorizer, day)
    sentences = [c.text for c in chosen]
    sources = [
        SummarySource(sentence=i, title=s.title, source=s.source, url=s.url, path=s.path, published=s.published)
        for i, c in enumerate(chosen)
        for s in sorted(c.sources.values(), key=_by_publication)
    ]
    return DaySummary(date=day, sentences=sentences, sources=sources)


def _by_publication(source: Source) -> tuple:
    """Sources in publication order (undated first), by the local time each was published at:
    a collection may mix zoned and unzoned dates, which Python cannot compare."""
    when = source.published
    return (when.replace(tzinfo=None) if when else dt.datetime.min, source.article_key)


def _select(candidates: list[_Candidate], k: int, vectorizer, day: dt.date) -> list[_Candidate]:
    """Greedy: the most central candidate first, then the next that repeats none picked (``day``:
    the day they would be told under)."""
    if not candidates or k <= 0:
        return []
    if vectorizer is None or len(candidates) == 1:
        return candidates[:k]
    import numpy as np

    matrix = vectorizer.transform([c.text for c in candidates])
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = matrix @ centroid / norm if norm else np.zeros(len(candidates))
    bonus = np.array([DATE_BONUS if c.names_day else 0.0 for c in candidates])
    content = _content_words(matrix, vectorizer)
    support = _sentence_support(candidates, content)
    told = np.array([1.0 if c.reported and not _foretold(c.text) else ANTICIPATED for c in candidates])
    alone = np.array([LEANING if _leans(c.text) or _refers_back(c.text) else 1.0 for c in candidates])
    said = np.array([QUOTED if _mostly_quoted(c.text) else 1.0 for c in candidates])
    aside = np.array([BACKGROUND if c.background else 1.0 for c in candidates])
    recap = np.array([RECAP if _recap(c, day) else 1.0 for c in candidates])
    other = np.array([OTHER_DAY if _names_another_day(c, day) else 1.0 for c in candidates])
    scene = np.array([CAPTION if caption().search(c.text) else 1.0 for c in candidates])
    score = (centrality * (1 + bonus) * (1 + SUPPORT_WEIGHT * support) * told * alone * said * aside * recap
             * other * scene)
    # (scores equal but for rounding, as two candidates' similarities to their own mean are, are a tie:
    # broken by the text, not by the last bits of a float, which a platform's arithmetic may change)
    order = sorted(range(len(candidates)), key=lambda i: (-round(float(score[i]), 9), candidates[i].text))
    events = [{id(backing) for backing in c.backings} for c in candidates]
    picked: list[int] = []
    closest = np.zeros(len(candidates))  # each candidate's similarity to the nearest one picked
    for i in order:
        if len(picked) == k:
            break
        # (a sentence that tells only events one picked tells is that happening again, in other
        # outlets' words, which share few with it: 'A tube is inserted into the leaking pipe'; but not
        # where each names someone or somewhere the other does not: two happenings of one article the
        # merge took for one, 'A car bomb exploded in Sadr City' and 'In Basra, another bomb exploded')
        if closest[i] > REDUNDANT or events[i] and any(
                events[i] <= events[j] and not _apart(candidates[i].text, candidates[j].text) for j in picked):
            continue
        picked.append(i)
        if len(picked) < k:  # (one product a pick, not one a candidate and pick)
            closest = np.maximum(closest, (content @ content[i].T).toarray().ravel())
    return [candidates[i] for i in picked]


def _sentence_support(candidates: list[_Candidate], content):
    """Each candidate's support: log(1 + the articles that wrote it, or a near copy of it among the
    day's candidates: a content-word cosine of at least ``NEAR_COPY``), not every article merged into
    its event (a 'He told CNN ...' of one article in a 10-article event has the support of one).
    (Compared a block of rows at a time: a busy day's thousands of candidates make no square matrix.)"""
    import numpy as np

    articles = [{key for key, _ in c.written} for c in candidates]
    support = np.zeros(len(candidates))
    for low in range(0, len(candidates), SUPPORT_BLOCK):
        near = (content[low:low + SUPPORT_BLOCK] @ content.T).toarray() >= NEAR_COPY
        for i, row in enumerate(near, start=low):
            support[i] = math.log1p(len(set().union(*(articles[j] for j in np.flatnonzero(row)))))
    return support


@lru_cache(maxsize=1)
def _back_references() -> list[re.Pattern]:
    patterns = language_patterns(DEFAULT_LANGUAGE, "events", "back_references.txt", missing_ok=True)
    return [re.compile(pattern) for pattern in patterns]


def _refers_back(sentence: str) -> bool:
    """Whether a sentence's subject points back to the sentence before it (the language's
    ``events/back_references.txt``: 'Five of the nine ...', 'The latest cases came as ...', 'The
    hospital said her son also died'); a shape with a sayer counts only when the sayer is no person
    (a body, or a noun after a determiner)."""
    from timeline.events.lexicon import lexicon
    from timeline.events.people import is_body

    lex = lexicon()
    for pattern in _back_references():
        m = pattern.match(sentence)
        if m is None:
            continue
        sayer = m.groupdict().get("sayer")
        if sayer is None:
            return True
        words = sayer.split()
        if is_body(sayer, lex) or words[0].casefold() in lex.determiners \
                or any(w.isupper() and len(w) > 1 for w in words):  # (a body's initials: 'NHS Greater Glasgow')
            return True
    return False


_POSSESSIVE_END = re.compile(r"['’]s?$")


@lru_cache(maxsize=4096)
def _names(sentence: str) -> frozenset[str]:
    """The words a sentence writes with a capital, but common words (the first of a sentence: 'The',
    'In'; not initials: 'WHO') and its time phrases, a possessive's ending aside: whom and where it
    names.  (Cached: a day's candidate is compared with each sentence picked before it.)"""
    from timeline.events.lexicon import lexicon

    lex = lexicon()
    common = lex.stopwords | lex.function_words
    times = [(e.start, e.end) for e in tag(sentence)]
    found = set()
    for m in CAPITALISED.finditer(sentence):
        written = _POSSESSIVE_END.sub("", m.group().rstrip("."))
        word = written.casefold()
        if (word not in common or written.isupper() and len(written) > 1) \
                and not any(start <= m.start() < end for start, end in times):
            found.add(word)  # (a body's initials are a name: 'WHO')
    return frozenset(found)


def _apart(one: str, other: str) -> bool:
    """Whether each of two sentences names someone or somewhere the other does not."""
    first, second = _names(one), _names(other)
    return bool(first - second) and bool(second - first)


def _names_another_day(candidate: _Candidate, day: dt.date) -> bool:
    """Whether a sentence no report of which dates to ``day`` by its own words names another day
    (a report merged into the day's event whose day phrase went to another word: 'advised against
    travel to flu-hit Mexico on Tuesday', under Monday).  One its own words date to the day may name
    others beside it: 'The strike, which began on Monday, ended on Wednesday' is Wednesday's."""
    return not candidate.dated_here and _other_day_named(candidate.text, candidate.published, day)


def _other_day_named(text: str, published: Optional[dt.datetime], day: dt.date) -> bool:
    """Whether ``text``, told under ``day``, names another day in words that only its
    ``published`` date places ('said on Thursday', 'yesterday', 'last night'): under the day's
    heading a reader cannot tell that day is another.  Not a day written out ('after riots on 9
    January'), one quoted, one that bounds ('since Monday') or a day's own happening ('Monday's
    vote')."""
    from timeline.events.lexicon import lexicon

    if published is None:
        return False
    lex = lexicon()
    for expression in tag(text, published=published):
        if expression.type not in ("DATE", "TIME") or any(ch.isdigit() for ch in expression.text):
            continue
        named = _one_day(timex_span(expression.value))
        if named is None or named == day or _quoted(text, expression.start) \
                or _POSSESSIVE.match(text, expression.end):
            continue
        if not _bound_before(text, expression.start, lex, lex.recall_words):  # (nor 'since Monday')
            return True
    return False


def _recap(candidate: _Candidate, day: dt.date) -> bool:
    """Whether ``candidate`` was first written more than ``RECAP_DAYS`` after ``day``, and is no
    chronology's entry: a later article recalling the day ('The dam burst on March 4.'), not one
    reporting it."""
    first = candidate.first_told
    return first is not None and (first - day).days > RECAP_DAYS and not candidate.entries


_FIRST_WORD = re.compile(r"[\W_]*(\w+)")
_CLAUSE_MARKS = ",;:(\u2013\u2014"  # what opens a clause set off in a sentence (and ')' closes one)
_PHRASE_BREAKS = _CLAUSE_MARKS + ").!?"
_OPENING_WORD = re.compile(r"\s*(\w+)")


def _dated_in_relative_clause(source: Source) -> bool:
    """Whether the report's date phrase stands in a clause that describes a noun, opened after a
    comma by a relative pronoun ('the strike, which began on October 27, was suspended'), or in a
    phrase recalling an earlier happening ('the first talks since the tanker was seized on Sept.
    3'): the sentence tells something else (the language's ``relative_pronouns.txt`` and
    ``recall_words.txt``)."""
    from timeline.events.lexicon import lexicon

    expression = source.time_expression
    if expression is None:
        return False
    before, lex = source.sentence[:max(0, expression.start - source.sentence_start)], lexicon()
    mark = max(before.rfind(c) for c in _CLAUSE_MARKS + ")")  # (the last mark, found from the end: no
    opening = _OPENING_WORD.match(before, mark + 1) if mark >= 0 and before[mark] != ")" else None  # regex rescans)
    if opening is not None and opening.group(1).casefold() in lex.relatives:
        return True
    phrase = before[max(before.rfind(c) for c in _PHRASE_BREAKS) + 1:]  # (the words since the last break)
    return not lex.recall_words.isdisjoint(phrase.casefold().split())


def _leans(sentence: str) -> bool:
    """Whether ``sentence`` opens on a word that leans on the sentence before ("It did not ...",
    "That was the message ...": the language's ``leaning_openers.txt``; "But the company ...",
    "Earlier, the minister ...": its ``leaning_connectives.txt``, whose words written with a comma
    lean only before one: not "Earlier this month, ...")."""
    from timeline.events.lexicon import lexicon

    first, lex = _FIRST_WORD.match(sentence), lexicon()
    if first is None:
        return False
    word = first.group(1).casefold()
    return word in lex.leaning_openers or word in lex.leaning_connectives \
        or (sentence[first.end():][:1] == "," and word + "," in lex.leaning_connectives)


_OPENING_QUOTES = "\"\u201c\u00ab"
_ENTRY_QUOTES = _OPENING_QUOTES + "'\u2018"  # (an entry may open on a quotation in single quotes)
_QUOTATION = re.compile("[\"\u201c\u00ab][^\"\u201c\u201d\u00ab\u00bb]*[\"\u201d\u00bb]")
# a first quotation mark that closes: a closing one, or a straight one after a stop or comma and before
# a space ('of that, " Hayward told'; not 'he said, "We will')
_OPENS_QUOTED = re.compile("[^\"\u201c\u201d\u00ab\u00bb]*(?:[\u201d\u00bb]|[,.!?][^\\S\n]?\"(?=\\s|$))")


def _mostly_quoted(sentence: str) -> bool:
    """Whether ``sentence`` opens on a quotation mark, or inside a quotation (its first mark
    closes one, and it has one left unpaired: 'all of that," Hayward told Reuters', the opening
    mark in the paragraph before), or has more than half its words quoted."""
    if sentence[:1] in _OPENING_QUOTES or (_OPENS_QUOTED.match(sentence) and _odd_marks(sentence)):
        return True
    quoted = sum(len(m.group().split()) for m in _QUOTATION.finditer(sentence))
    return 2 * quoted > len(sentence.split())


def _odd_marks(sentence: str) -> bool:
    """Whether a sentence has an odd number of double quotation marks: one is left open from the
    sentence before (where two are one quotation, 'called it ”unacceptable”' as some copy marks
    both ends alike)."""
    return sum(sentence.count(mark) for mark in '"\u201c\u201d\u00ab\u00bb') % 2 == 1


def _content_words(matrix, vectorizer):
    """The rows of ``matrix`` on their content words alone, of unit length: what two sentences
    share of 'the ... on Monday, ... said' does not make them one happening told twice."""
    from sklearn.preprocessing import normalize

    from timeline.events.lexicon import lexicon

    stop = lexicon().stopwords
    keep = [column for word, column in vectorizer.vocabulary_.items() if word not in stop]
    return normalize(matrix[:, sorted(keep)])


# --- the library call ----------------------------------------------------------------------------


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9][0-9]-[0-9][0-9]")  # (ASCII digits, as the help writes them)
_DAY_OR_PART = re.compile(r"\d{4}-\d\d-\d\d(?:T[A-Z]{2})?")  # a day, or a part of one ('yesterday afternoon')


def parse_day(text: str, last: bool = False) -> dt.date:
    """The day ``text`` writes as YYYY-MM-DD, or the first (``last``: the last) day of the month
    or year it writes as YYYY-MM or YYYY ('--from 2017-09 --to 2017-10'); ``ValueError``
    otherwise (also for the other forms Python reads as a date, '20170906' and '2017-W36')."""
    text = text.strip()
    if _ISO_DAY.fullmatch(text):
        return dt.date.fromisoformat(text)
    span = timex_span(text) if _ISO_PERIOD.fullmatch(text) else None  # (the month's or year's days)
    if span is None:
        raise ValueError(f"not YYYY-MM-DD: {text!r}")
    return span.end if last else span.start


_ISO_PERIOD = re.compile(r"[0-9]{4}(?:-[0-9][0-9])?")


def _as_date(value, last: bool = False) -> Optional[dt.date]:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return parse_day(str(value), last)
    except ValueError:
        raise ValueError(f"invalid date {value!r} (use YYYY-MM-DD, or YYYY-MM or YYYY for a month's or a year's days)") from None


def summarize(timeline: Timeline, dates: Optional[int] = None, sentences: Optional[int] = None,
              start=None, end=None) -> list[DaySummary]:
    """The summary timeline of ``timeline``: its ``dates`` most important days between ``start`` and
    ``end`` (dates or ISO strings, inclusive) in date order, each with up to ``sentences``
    sentences and their sources; a day whose sentences were all told under another gives its place
    to the next best day (unless ``sentences`` is 0).  ``dates`` defaults to :func:`default_dates`,
    ``sentences`` to :data:`DEFAULT_SENTENCES`.  Without ``start``, days long before the first
    article are history, and without ``end``, days after the last are still to come: either is
    chosen only when the story's own are too few (:func:`story_days`).
    Raises ``ValueError`` on a count that is no whole number or is negative, on a bad date, and
    on a ``start`` after ``end``."""
    require(timeline, Timeline, "timeline")
    start, end = _as_date(start), _as_date(end, last=True)
    if start is not None and end is not None and start > end:
        raise ValueError(f"the start ({start}) is after the end ({end})")
    for name, count in (("dates", dates), ("sentences", sentences)):
        if count is not None and (isinstance(count, bool) or not isinstance(count, numbers.Integral)):
            raise ValueError(f"the number of {name} must be a whole number, not {count!r}")
        if count is not None and count < 0:
            raise ValueError(f"the number of {name} cannot be negative")
    references = day_references(timeline.events)  # (read once: the topicality of every report is in them)
    n = default_dates(timeline, start, end, references) if dates is None else dates
    k = DEFAULT_SENTENCES if sentences is None else sentences
    ranked = story_days(day_scores(timeline, start, end, references), timeline, start, end)
    wanted = min(n, len(ranked))
    while True:
        # (a day whose sentences were all told under another day has nothing left to say: the
        # next best days take its place; the days looked at at least double each round, so that
        # a story whose days mostly have nothing to tell costs a few rounds, not one a day)
        told = _telling_days(timeline, ranked[:wanted], k)
        if len(told) >= n or wanted >= len(ranked):
            break
        wanted = min(len(ranked), max(2 * wanted, wanted + n - len(told)))
    if len(told) <= n:
        return told
    order = {day: rank for rank, day in enumerate(ranked)}  # (too many now: the n best, told anew)
    return _telling_days(timeline, sorted(sorted((day.date for day in told), key=order.__getitem__)[:n]), k)


def _telling_days(timeline: Timeline, days: Sequence[dt.date], k: int) -> list[DaySummary]:
    """The summaries of ``days`` that tell something (all of them when no sentence is asked for)."""
    return [day for day in day_summaries(timeline, days, k) if day.sentences or k == 0]


# --- plain text for a terminal -------------------------------------------------------------------

_UNSAFE = {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"}  # controls, format (bidi overrides), private, lines


def terminal_text(text: Optional[str]) -> str:
    """``text`` with no control characters or escape sequences: each unsafe character becomes a
    space, runs of space become one."""
    if not text:
        return ""
    return " ".join("".join(" " if unicodedata.category(ch) in _UNSAFE else ch for ch in text).split())


def _outlets(sources: list[SummarySource], limit: int = 6) -> str:
    names = list(dict.fromkeys(terminal_text(s.source or s.title or s.path or s.url or "article") for s in sources))
    shown = ", ".join(names[:limit])
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    articles = len({(s.path, s.url, s.title) for s in sources})
    return f"{shown}{more} ({articles} article{'s' if articles != 1 else ''})"


def format_summary(days: Sequence[DaySummary], width: int = 88) -> str:
    """The summary as terminal text: a heading a day, each sentence wrapped, then its outlets."""
    if not days:
        return "(no dated events to summarise)"
    blocks = []
    for day in days:
        lines = [day.date.isoformat()]
        for i, sentence in enumerate(day.sentences):
            lines += textwrap.wrap(terminal_text(sentence), width, initial_indent="  - ", subsequent_indent="    ")
            backing = [s for s in day.sources if s.sentence == i]
            if backing:
                lines += textwrap.wrap(_outlets(backing), width, initial_indent="    from ",
                                       subsequent_indent="      ")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
