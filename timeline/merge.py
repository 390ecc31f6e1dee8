"""One event per happening: merging reports within and across articles, and ordering.

Two reports are the same happening when they are of the same kind, their dates are compatible
(the same day, or one's period inside the other's; an undated report within
:data:`UNDATED_WINDOW_DAYS` of its article's publication, on the side its tense tells), and they
say the same thing:

- **across articles**, their sentences are alike: the cosine of their word vectors is at least
  :data:`SIMILAR` (:data:`SAME_DAY_SIMILAR` when both are dated to the same day,
  :data:`SAME_TRIGGER_SIMILAR` when they are happenings of that day told by one trigger and name
  someone or somewhere both and no one against each other, :data:`SAME_SPEAKER_SIMILAR` for
  statements of one named speaker), and they share at least
  :data:`SHARED_WORDS` words.  A word weighs by its rarity in the language (wordfreq), its rarity
  in the collection (inverse report frequency, smoothed by :data:`PRIOR_REPORTS` so that a small
  collection leans on the language), more if it is a name (capitalised inside the sentence, or
  an actor) and more if it stands near the trigger; every vector is padded as if it had
  :data:`PAD_WORDS` rare words of its own, so short sentences ("It looks like") do not match
  everything.  The words of the date phrase do not count: the date is checked apart.  So "Bombs
  exploded outside the embassies in Nairobi and Dar es Salaam" and "blasts at the embassies in
  Nairobi and Dar es Salaam killed 257" meet on the places and the embassies, whatever their verb.
  Statements are compared by what they say, without the speaker's name, and two statements
  whose named speakers differ never merge;
- **within one article**, a later mention of the same happening is often much shorter ("today's
  meeting" after "Putin met Moon"): the same trigger lemma with no conflicting actors suffices,
  and one speaker's statements on one date are one occasion (an article quoting a briefing).

Reports from the same sentence of the same article with different triggers or speakers are
different happenings and never end up in one event; nor do reports with incompatible dates
through a chain of matches (the guard of :func:`_join`).  Matches are joined strongest
first.

Scaling: the weighted words of all reports are found and weighed at once, over arrays
(:func:`_vectors`), and the pairs of a block are tested over arrays too.  A report's *window* (its period, or the days near publication) places it in the blocks
of :data:`BLOCK_DAYS` days its window touches (:func:`block_keys`); its *home* block is that of
the window's first day.  Two reports whose windows overlap always share the home block of the
later-starting one, so each block compares its home reports with all the reports it holds
(a sparse matrix product) and every candidate pair is seen exactly once.  A pile of
near-copies, where every report is a candidate of every other, stays linear: a block's rows are
scored in slices of :data:`CHUNK_PAIRS` pairs, a report is compared with at most
:data:`MAX_SHARING` others (those sharing the most of its heaviest words) and keeps its
:data:`MAX_CANDIDATES` most alike.  Periods longer than
:data:`MAX_SPAN_DAYS` (quarters, years, decades) merge only with reports of the same period;
reports with no window at all only within their article.  Blocks are independent once the
collection's word counts (:func:`word_counts`) are known, so the Dask path computes them apart:

    counts = word_counts(all events)                      # a sum over partitions
    edges  = block_edges(items of each block, key, counts) for every block
    roots  = join(infos, all edges)                        # one small union-find
    merged = merge_groups(items, roots)                    # by component
    order_events(merged in the order of their roots)

which is exactly what :func:`merge_events` does in one process.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import re
from array import array
from collections import Counter, defaultdict
from contextlib import contextmanager
from functools import lru_cache
from itertools import count
from typing import TYPE_CHECKING, Hashable, Iterable, NamedTuple, Optional, Sequence

from timeline.events import lemma, lexicon
from timeline.models import Event, Relation, Source, require
from timeline.temporal.calendar import Day, clock, timex_year
from timeline.text import CAPITALISED, opens_entry

LANGUAGE = "en"  # the language of the lexicon and of the word frequencies

UNDATED_WINDOW_DAYS = 2  # an undated report of a past happening: up to this many days before publication
# minutes: in one article, reports at clock times further apart are two happenings; nearer, one may
# be told roughly ('10:02 a.m.', 'about 10 a.m.').  A live page's entries at two different stamps are
# two happenings however close (see _join: a chain of entries 20 minutes apart is no happening of two hours)
CLOCK_APART = 30
MAX_SPAN_DAYS = 31  # a period longer than this (a quarter, a year) merges only with the same period
BLOCK_DAYS = 7  # the width of a block of the time axis

# Similarity.  Calibrated on t17-dev/h1n1 (16,508 reports): cross-article pairs on compatible
# dates were sampled by band of similarity and read.  With the padding scaled to the collection
# (PAD_WORDS), about half the pairs at 0.45-0.55 are one happening ("the storm that has
# killed 14 people on the coast" / "It has killed up to 14 people along the coast"), the rest share a topic
# or a turn of phrase; pairs above 0.6 are nearly all one happening or a reprint.  Without the
# padding and with the speaker's name in statements, most pairs at 0.40-0.50 were wrong.
SIMILAR = 0.45  # cosine of two reports' weighted words from which they are one happening
# Statements of one named speaker on compatible dates: sampled the same way, pairs at 0.25-0.45
# were nearly all one statement told in other words ("the WHO declared a global flu pandemic" /
# "declared the outbreak a pandemic"); at 0.15-0.25 about half.  An article's statements by one
# speaker are one occasion (see _in_article), so one such match joins two outlets' accounts.
SAME_SPEAKER_SIMILAR = 0.15
# Two reports both dated to the same single day: the date itself is evidence.  Sampled pairs at
# 0.35-0.45 were nearly all one happening on bpoil ("the Deepwater Horizon rig exploded on
# 20 April" told twenty ways) and about 7 in 10 on h1n1 ("is likely to raise its pandemic alert
# level" / "raised its pandemic alert to 5").
SAME_DAY_SIMILAR = 0.35
# Two occurrences of that one day told by the same trigger (or event noun), naming someone or somewhere
# both and neither one the other does not, at no two clock times, neither telling itself apart ('In a
# separate case'): a recap names the happening in few words of its own ("The ship was hijacked on Saturday
# off Somalia" after the lead).  Tried on the merge audit's four invented stories (71 articles) and on 45
# pairs of two like happenings of one day built to be merged wrongly: pair recall on the happening's day
# 0.42 -> 0.57 from 0.05 up to 0.2 (0.47 from 0.25), false merges of those pairs 18 -> 20 at 0.2 (24 at 0.05).
SAME_TRIGGER_SIMILAR = 0.2
PAD_WORDS = 1.0  # a short sentence ("It looks like") must not look like every other one: see _matrix
SHARED_WORDS = 2  # and they share at least so many words: one word in common is chance
PRIOR_REPORTS = 1000  # pseudo-reports in the document frequency: small collections lean on wordfreq
NAME_WEIGHT = 1.5  # a name (capitalised inside the sentence, or an actor) counts this much more
NEAR_WEIGHT = 2.0  # a word within NEAR_TOKENS of the trigger counts this much more
NEAR_TOKENS = 6
COMMON_ZIPF = 7.0  # a word this frequent in the language (wordfreq Zipf scale) weighs nothing
RARE_ZIPF = 2.0  # rarer than this, all words weigh the same (typos, handles, numbers)
CANDIDATE_WORDS = 8  # pairs are compared when they share one of each other's heaviest words
# Bounds for a pile of near-copies (one article repeated, thousands of same-day reports sharing
# their words), where every report is a candidate of every other: candidates are scored a slice
# of the block at a time, at most CHUNK_PAIRS pairs at once, and a report keeps its
# MAX_CANDIDATES most alike ones (copies are joined through one another all the same).  Above
# the counts of real collections: t17-dev's merge is the same with or without them.
CHUNK_PAIRS = 1_000_000
MAX_CANDIDATES = 200
PILE_CANDIDATES = 20  # pairs scored for a report beyond the MAX_SHARING first of a pile (see _first_holders)
IN_ARTICLE_REACH = 50  # mentions of one article and group compared, either side of each (whatever their words)
ROWWISE_PAIRS = 100_000  # pairs whose rows are copied at once to compare them
MAX_SHARING = 2_000  # and are compared with at most so many: those sharing the most heavy words
SCORE_DIGITS = 9  # similarities are rounded so that every way of computing them orders alike

_WORD = re.compile(r"\w+(?:['\u2019.\-]\w+)*")

if TYPE_CHECKING:  # numpy and scipy are imported where the vectors are built: extracting events needs neither
    import numpy as np
    from scipy import sparse


_HOLD_EVERY = 8192  # reports made between two calls of hold(): the collector never rescans many


@contextmanager
def frozen_heap():
    """While merging, the garbage collector leaves alone the objects that existed before (the
    events: millions of small objects it would otherwise scan again at every full collection,
    finding nothing to free).  It yields ``hold()``, which adds what exists now (a stage's
    results, kept to the end) to what is left alone.  Everything is handed back to the collector
    at the end (objects still free as usual when no longer used); nested uses are no-ops."""
    if gc.get_freeze_count():
        yield lambda: None
        return
    gc.freeze()
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


# -- what merging compares of one report --------------------------------------------------------


class _Report(NamedTuple):
    """What merging compares of one event, computed once from the event alone (its words are in
    the collection's :class:`_Vectors`)."""

    window: Optional[tuple[int, int]]  # first and last day (ordinals) it can lie on
    dated: bool
    kind: str
    group: str  # the trigger's lemma, or the speaker's surname for a statement
    surnames: tuple[str, ...]  # last words of its actors
    title: str  # its words other than the group's tell mentions in one article apart (_others)
    article: str
    sentences: tuple[tuple[tuple[str, int], str], ...]  # ((article, sentence offset), group)
    denied: bool = False  # the verb is denied: 'the plant did not close'
    clock: int = -1  # its clock time in minutes, -1 without one: in one article, clocks apart are two happenings
    stamped: bool = False  # the clock is its entry's stamp ('10:25 a.m. ET: Officials said ...')
    sentence: str = ""  # its sentence, whose names tell two reports of one trigger alike or apart (_named_alike)
    dated_at: tuple[int, int] = (0, 0)  # where its date phrase stands in the sentence
    heads: frozenset[str] = frozenset()  # a happening's trigger lemma and those of the event nouns naming it (_heads)
    fresh: int = -1  # an undated lead's publication day (ordinal, see _fresh_lead), else -1


def _published(event: Event) -> Optional[dt.date]:
    for source in event.sources:
        if source.published is not None:
            return source.published.date()
    return None


_FAR_DAYS = 1 << 62  # day numbers are compared in 64-bit arrays: 'a trillion trillion years ago' stops here


def _beyond_year(event: Event) -> Optional[int]:
    """The year of an event dated past Python's calendar ('BC4984' is -4983), else None."""
    value = event.time_expression.value if event.date is None and event.time_expression else None
    year = timex_year(value) if value else None
    return year if year is not None and not 1 <= year <= 9999 else None


def _window(event: Event) -> Optional[tuple[int, int]]:
    """The days an event can lie on, as ordinals (no calendar overflow at year 9999): its period,
    or near its article's publication on the side its tense tells."""
    if event.date is not None:
        return event.date.start.toordinal(), event.date.end.toordinal()
    year = _beyond_year(event)
    if year is not None:  # a year past the calendar ('BC4984', '10000'): that year, as day numbers
        first, last = Day(year, 1, 1).toordinal(), Day(year, 12, 31).toordinal()
        return tuple(min(max(n, -_FAR_DAYS), _FAR_DAYS) for n in (first, last))  # held where arrays of days end
    published = _published(event)
    if published is None:
        return None
    day = published.toordinal()
    if event.relation == Relation.BEFORE:
        return day - UNDATED_WINDOW_DAYS, day
    if event.relation == Relation.AFTER:
        return day, day + UNDATED_WINDOW_DAYS
    return day - UNDATED_WINDOW_DAYS, day + UNDATED_WINDOW_DAYS


_LEMMAS: dict[str, str] = {}
_LEMMA_CACHE = 200_000


def _lemma(word: str) -> str:
    found = _LEMMAS.get(word)
    if found is None:
        if len(_LEMMAS) > _LEMMA_CACHE:
            _LEMMAS.clear()
        found = _LEMMAS[word] = lemma(word, lexicon(LANGUAGE))
    return found


_TOKENS: dict[str, tuple[Optional[str], str, bool]] = {}


def _token(raw: str) -> tuple[Optional[str], str, bool]:
    """(lemma or None for a stop word, lower case, capitalised) of a word, cached."""
    found = _TOKENS.get(raw)
    if found is None:
        if len(_TOKENS) > _LEMMA_CACHE:
            _TOKENS.clear()
        low = raw.lower()
        stop = low in lexicon(LANGUAGE).stopwords or (len(low) < 2 and not low.isdigit())
        found = _TOKENS[raw] = (None if stop else _lemma(low), low, raw[:1].isupper())
    return found


class _Vectors(NamedTuple):
    """The weighted words of many reports at once, one row a report (compressed sparse rows):
    row ``r`` has the columns ``words[indptr[r]:indptr[r + 1]]`` (ascending) with their weights
    before rarity (names and words near the trigger more).  Columns number the ``vocabulary``
    in sorted order; ``seen`` lists them in the order they first occur (the order a counter of
    the words, report after report, would hold them in)."""

    indptr: np.ndarray
    words: np.ndarray
    weights: np.ndarray
    vocabulary: list[str]
    seen: np.ndarray


_SEPARATORS = "\ua66e\u16a0\u0b83\u1bc0"  # rare letters: one absent from the texts marks where each ends


def _words(texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The words of all ``texts`` at once: ``(word, sizes, distinct)``, every word of every text
    in turn as its number in ``distinct`` (the distinct words, in the order they first occur),
    and how many words each text has.

    A word never spans white space, so the distinct texts are split at white space in one go,
    with a separator (a letter absent from them all, else an empty piece after each) between
    two texts, and each distinct piece is searched for words once."""
    import numpy as np

    unique = dict(zip(dict.fromkeys(texts), count()))
    joined = "\n".join(unique)
    mark = next((m for m in _SEPARATORS if m not in joined), None)
    if mark is not None:
        pieces = f" {mark} ".join(unique).split()
    else:
        mark, pieces = "", []
        for text in unique:
            pieces += text.split()
            pieces.append(mark)
    piece_of = dict(zip(dict.fromkeys(pieces), count()))
    ids = np.fromiter(map(piece_of.__getitem__, pieces), dtype=np.int64, count=len(pieces))
    # the words of each distinct piece, numbered (the separator has none)
    distinct: dict[str, int] = {}
    numbers: list[int] = []
    lengths = np.zeros(len(piece_of), dtype=np.int64)
    for n, piece in enumerate(piece_of):
        if piece != mark:
            found = _WORD.findall(piece)
            lengths[n] = len(found)
            for raw in found:
                numbers.append(distinct.setdefault(raw, len(distinct)))
    firsts_of = np.zeros(len(piece_of), dtype=np.int64)
    np.cumsum(lengths[:-1], out=firsts_of[1:])
    sizes = lengths[ids]
    offsets = np.zeros(len(ids), dtype=np.int64)
    np.cumsum(sizes[:-1], out=offsets[1:])
    stream = np.asarray(numbers, dtype=np.int64)[
        np.repeat(firsts_of[ids] - offsets, sizes) + np.arange(int(sizes.sum()), dtype=np.int64)]
    # where each distinct text's words are in the stream, then each text's in turn
    separator = piece_of.get(mark, -1)
    ends = offsets[ids == separator] if separator >= 0 else np.zeros(0, np.int64)
    ends = np.concatenate((ends, [len(stream)]))[:len(unique)]
    firsts = np.concatenate(([0], ends[:-1]))
    text_of = np.fromiter(map(unique.__getitem__, texts), dtype=np.int64, count=len(texts))
    counts = (ends - firsts)[text_of]
    starts = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    word = stream[np.repeat(firsts[text_of] - starts, counts) + np.arange(int(counts.sum()), dtype=np.int64)]
    return word, counts, list(distinct)


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (as ``np.unique``, by one sort: faster on large arrays)."""
    import numpy as np

    ordered = np.sort(values)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered


def _multiplicity(values: np.ndarray) -> np.ndarray:
    """How many times each entry's value occurs among ``values``."""
    import numpy as np

    order = np.argsort(values, kind="stable")
    ordered = values[order]
    firsts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1]))) if len(ordered) else ordered
    lengths = np.diff(np.append(firsts, len(values)))
    found = np.empty(len(values), dtype=np.int64)
    found[order] = np.repeat(lengths, lengths)
    return found


def _vectors(events: Sequence[Event]) -> _Vectors:
    """The weighted words of each event's sentences (each source's), without stop words and the
    words of the date phrase; names and words near the trigger weigh more.  A statement's speaker
    is left out: statements are alike by what they say (the speaker is compared apart).

    Only the cutting of each sentence around its date phrase is done sentence by sentence; the
    words are found by one search over all distinct sentences, and weighed over the arrays of all
    words of all reports at once, a word's lemma and case looked up once per distinct word."""
    import numpy as np

    texts: list[str] = []  # each source's text
    owners: list[int] = []  # the report of each text
    heads: list[str] = []  # the text before the trigger, of the texts whose words near it count more
    headed: list[int] = []  # which texts these are
    actor_rows: list[int] = []
    actor_words: list[str] = []
    statements: list[bool] = []
    for number, event in enumerate(events):
        actors = {w.lower() for actor in event.actors for w in actor.split()}
        speaker = event.kind == "statement" and bool(actors)  # (and what it says is the whole sentence)
        statements.append(speaker)
        actor_words += actors
        actor_rows += [number] * len(actors)
        for source in event.sources or [Source(sentence=event.sentence, trigger=event.trigger,
                                               time_expression=event.time_expression)]:
            text = source.sentence or event.sentence
            base = source.sentence_start
            trigger = source.trigger or event.trigger
            at = trigger.start - base if trigger is not None else -1
            timex = source.time_expression
            if timex is not None and 0 <= timex.start - base < timex.end - base <= len(text):
                cut = (timex.start - base, timex.end - base)
                text = text[:cut[0]] + " " + text[cut[1]:]
                if at >= cut[1]:
                    at -= cut[1] - cut[0] - 1
            if 0 <= at <= len(text) and not speaker:
                headed.append(len(texts))
                heads.append(text[:at])
            texts.append(text)
            owners.append(number)
    if not texts:
        return _Vectors(np.zeros(len(events) + 1, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0), [],
                        np.zeros(0, dtype=np.int64))
    # the words of all texts, found at once
    word, sizes_array, distinct = _words(texts)
    entries = [_TOKENS.get(raw) or _token(raw) for raw in distinct]
    starts = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(sizes_array[:-1], out=starts[1:])
    total = len(word)
    # the trigger's word number in each text: the words before it
    anchors = np.full(len(texts), -NEAR_TOKENS - 2, dtype=np.int64)
    if heads:
        anchors[np.asarray(headed, dtype=np.int64)] = _words(heads)[1]
    # each distinct word once: its lemma (None for a stop word), lower case, capitalised
    lows: dict[str, int] = {}
    lemmas: dict[str, int] = {}
    low_of = np.fromiter((lows.setdefault(e[1], len(lows)) for e in entries), dtype=np.int64, count=len(entries))
    lemma_of = np.fromiter((-1 if e[0] is None else lemmas.setdefault(e[0], len(lemmas)) for e in entries),
                           dtype=np.int64, count=len(entries))
    capital_of = np.fromiter((e[2] for e in entries), dtype=bool, count=len(entries))
    row = np.repeat(np.asarray(owners, dtype=np.int64), sizes_array)
    position = np.arange(total, dtype=np.int64) - np.repeat(starts, sizes_array)
    anchor = np.repeat(anchors, sizes_array)
    low, lemma_id = low_of[word], lemma_of[word]
    actor_keys = [r * len(lows) + lows[w] for r, w in zip(actor_rows, actor_words) if w in lows]
    is_actor = np.zeros(total, dtype=bool)
    if actor_keys:  # (the words that are some actor's, then those that are their own event's)
        some = np.zeros(len(lows), dtype=bool)
        some[[lows[w] for w in actor_words if w in lows]] = True
        maybe = np.flatnonzero(some[low])
        is_actor[maybe] = np.isin(row[maybe] * len(lows) + low[maybe], np.asarray(actor_keys, dtype=np.int64))
    keep = (lemma_id >= 0) & ~(is_actor & np.asarray(statements, dtype=bool)[row])  # a statement's speaker: left out
    name = (position > 0) & capital_of[word] | is_actor
    near = (position != anchor) & (np.abs(position - anchor) <= NEAR_TOKENS)
    weight = np.where(name, NAME_WEIGHT, 1.0)
    weight = np.where(near, weight * NEAR_WEIGHT, weight)
    row, lemma_id, weight = row[keep], lemma_id[keep], weight[keep]
    # columns: the lemmas used, in sorted order
    names = list(lemmas)
    used = np.flatnonzero(np.bincount(lemma_id, minlength=len(names)))
    vocabulary = sorted(names[i] for i in used.tolist())
    column_of = np.full(len(names) + 1, -1, dtype=np.int64)
    column_of[[lemmas[w] for w in vocabulary]] = np.arange(len(vocabulary), dtype=np.int64)
    column = column_of[lemma_id]
    first = np.full(len(vocabulary), len(column), dtype=np.int64)
    np.minimum.at(first, column, np.arange(len(column), dtype=np.int64))
    seen = np.argsort(first, kind="stable")  # (every column occurs)
    # one entry per report and word, its heaviest weight
    width = max(len(vocabulary), 1)
    key = row * width + column
    order = np.argsort(key, kind="stable")
    key = key[order]
    boundaries = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1]))) if len(key) else np.zeros(0, np.int64)
    weights = np.maximum.reduceat(weight[order], boundaries) if len(key) else np.zeros(0)
    key = key[boundaries]
    indptr = np.zeros(len(events) + 1, dtype=np.int64)
    np.cumsum(np.bincount(key // width, minlength=len(events)), out=indptr[1:])
    return _Vectors(indptr, key % width, weights.astype(np.float64), vocabulary, seen)


def _report(event: Event) -> _Report:
    lex = lexicon(LANGUAGE)
    lasts = [words[-1].lower() for words in map(str.split, event.actors) if words]
    # "they", "the spokesman": no name
    surnames = tuple(sorted({w for w in lasts if w not in lex.pronouns and w not in lex.roles}))
    if event.kind == "statement":
        group = lasts[0] if event.actors and event.actors[0].split() else ""
        if group in lex.pronouns or group in lex.roles:
            group = ""  # "I said", "the spokesman said": no one named, nothing to go by
    else:
        group = _lemma(event.trigger.text)
    sentences = tuple(((s.article_key, s.sentence_start), group) for s in event.sources)
    article = sentences[0][0][0] if sentences else ""
    clock = _clock(event)
    source = event.sources[0] if event.sources else None
    expression = source.time_expression if source is not None else None
    dated_at = (expression.start - source.sentence_start, expression.end - source.sentence_start) \
        if expression is not None else (0, 0)
    heads = _heads(event.sentence) | {group} if event.kind != "statement" and group else frozenset()
    return _Report(_window(event), event.date is not None or _beyond_year(event) is not None, event.kind, group, surnames,
                   event.title, article, sentences, _denies(event, lex), clock, clock >= 0 and _stamped(event),
                   event.sentence, dated_at, heads, _fresh_lead(event))


LEAD_CHARS = 400  # a sentence starting this early in its article is in its lead (salience's lead too)
# an undated lead in the past tells a happening of its publication day or this many before (1: the
# day before too, lets in the next day's like happening, 'Two more people died of the virus')
FRESH_DAYS = 0


def _fresh_lead(event: Event) -> int:
    """The publication day (ordinal) of an undated happening told in the past in its article's
    lead, in a sentence with no time phrase at all ('Housing Secretary Martin Oduya has resigned
    after leaked emails showed ...'): the news the article opens on (see FRESH_DAYS); else -1."""
    source = event.sources[0] if event.sources else None
    published = _published(event)
    if event.date is not None or event.kind == "statement" or event.relation != Relation.BEFORE \
            or source is None or published is None or source.sentence_start >= LEAD_CHARS \
            or _beyond_year(event) is not None:
        return -1  # (and no time phrase in its sentence: _timed, asked only of a pair it would join)
    return published.toordinal()


@lru_cache(maxsize=1 << 14)
def _timed(sentence: str) -> bool:
    """Whether a sentence holds a time phrase (one that dates another of its words: 'derailed near
    Montreal on Saturday, injuring 12')."""
    from timeline.temporal import tag

    return bool(tag(sentence))


HEAD_REACH = 3  # words before an event noun where its determiner stands ('a powerful earthquake', "Tuesday's blast")
REFERENCE_REACH = 4  # words before it where a word that makes it another's can stand ('since the April 20 explosion')


@lru_cache(maxsize=1 << 16)
def _heads(sentence: str) -> frozenset[str]:
    """The lemmas of the event nouns that name a happening in ``sentence``: after a determiner or
    a possessive ('A powerful earthquake shook ...', "Tuesday's blast", 'killed in the blast') that
    no preposition of another's phrase stands before (a consequence or a reaction tells the noun
    so: 'pulled survivors from the rubble of the earthquake', 'cancelled flights because of the
    eruption'; the language's ``consequence_prepositions.txt``), nor a word that makes
    them the happening it is reckoned from ('since the April 20 explosion': the language's
    ``reference_words.txt``).  Two reports of one day are one happening's when their triggers or
    these nouns are one ('The quake struck', 'A blast killed nine'), so a noun and a verb meet."""
    lex = lexicon(LANGUAGE)
    words = [m.group().lower() for m in _WORD.finditer(sentence)]
    found = set()
    for n, word in enumerate(words):
        if word not in lex.noun_forms:
            continue
        opener = next((k for k in range(n - 1, max(-1, n - 1 - HEAD_REACH), -1)
                       if words[k] in lex.determiners or words[k] in lex.possessives or lex.possessive(words[k])),
                      None)
        if opener is None or (opener and words[opener - 1] in lex.consequences) \
                or not lex.reference_words.isdisjoint(words[max(0, n - REFERENCE_REACH):n]):
            continue
        found.add(_lemma(word))
    return frozenset(found)


def _stamped(event: Event) -> bool:
    """Whether the event's time is the stamp that opens its sentence's entry (:func:`opens_entry`)."""
    source = event.sources[0] if event.sources else None
    expression = source.time_expression if source is not None else None
    return (expression is not None and expression.start >= source.sentence_start
            and opens_entry(source.sentence[:expression.start - source.sentence_start]))


def _clock(event: Event) -> int:
    """The event's clock time in minutes after midnight, -1 when it has none (a live page's
    entries at 09:15 and 12:05 are two happenings, however alike their words)."""
    hour_minute = clock(event.date) if event.date is not None else None
    return 60 * hour_minute[0] + hour_minute[1] if hour_minute else -1


def _denies(event: Event, lex) -> bool:
    """Whether a happening's verb is denied: a word of the language's ``negations.txt`` among the
    three words before its trigger, a clitic one ("n't") at a word's end ('the plant did not
    close', "didn't close").  What a statement says is not judged: its words vary too much."""
    if event.kind == "statement" or event.trigger is None or not event.sources:
        return False
    at = event.trigger.start - event.sources[0].sentence_start
    if not 0 < at <= len(event.sentence):
        return False
    words = event.sentence[max(0, at - 30):at].lower().replace("\u2019", "'").split()[-3:]
    return any(word in lex.negations or any("'" in n and word.endswith(n) for n in lex.negations) for word in words)


# -- dates ----------------------------------------------------------------------------------------


def _contains(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[0] and b[1] <= a[1]


def _compatible(a: _Report, b: _Report) -> bool:
    """Same day, or one period inside the other; an undated event within its window; in one
    article, not at clock times more than ``CLOCK_APART`` minutes apart."""
    wa, wb = a.window, b.window
    if a.article == b.article and a.clock >= 0 and b.clock >= 0 and abs(a.clock - b.clock) > CLOCK_APART:
        return False  # (one article's two clock times: two happenings)
    if wa is None or wb is None:
        return wa is None and wb is None and a.article == b.article
    if a.dated and b.dated:
        return _contains(wa, wb) or _contains(wb, wa)
    if not a.dated and not b.dated:
        return wa[0] <= wb[1] and wb[0] <= wa[1]
    dated, window = (wa, wb) if a.dated else (wb, wa)
    return _contains(window, dated)


# -- blocks ---------------------------------------------------------------------------------------


def _long(window: tuple[int, int]) -> bool:
    return window[1] - window[0] + 1 > MAX_SPAN_DAYS


def _keys_of(report: _Report) -> list[str]:
    window = report.window
    if window is None:
        return [f"article:{report.article}"]
    if _long(window):
        return [f"period:{window[0]}:{window[1]}"]
    return [f"days:{cell}" for cell in range(window[0] // BLOCK_DAYS, window[1] // BLOCK_DAYS + 1)]


def block_keys(event: Event) -> list[str]:
    """The blocks an event is compared in; the first is its home block."""
    return _keys_of(_report(event))


# -- similarity -----------------------------------------------------------------------------------


class WordCounts(NamedTuple):
    """How often each word occurs over the whole collection: each report adds the word's weight
    in it (1 to 3, see :func:`_vectors`), a report frequency that counts names and words near
    the trigger more."""

    reports: int
    counts: Counter


def _counts_of(vectors: _Vectors) -> WordCounts:
    import numpy as np

    # (a report adds its word's weight, as Counter.update of a report's weighted words did: exact
    # sums of halves, whatever their order)
    frequencies = np.bincount(vectors.words, weights=vectors.weights, minlength=len(vectors.vocabulary)).tolist()
    vocabulary = vectors.vocabulary
    return WordCounts(len(vectors.indptr) - 1, Counter({vocabulary[c]: frequencies[c] for c in vectors.seen.tolist()}))


def word_counts(events: Iterable[Event]) -> WordCounts:
    """The collection's document frequencies; sums of these over parts equal that of the whole."""
    return _counts_of(_vectors(list(events)))


def add_counts(parts: Iterable[WordCounts]) -> WordCounts:
    total: Counter = Counter()
    n = 0
    for part in parts:
        total.update(part.counts)
        n += part.reports
    return WordCounts(n, total)


_RARITY: dict[str, float] = {}


def _rarity(word: str) -> float:
    """How rare a word is in the language: 0 for the commonest, 1 for rare words."""
    found = _RARITY.get(word)
    if found is None:
        from wordfreq import zipf_frequency

        if len(_RARITY) > _LEMMA_CACHE:
            _RARITY.clear()
        zipf = zipf_frequency(word, LANGUAGE)
        found = _RARITY[word] = min(1.0, max(0.0, (COMMON_ZIPF - zipf) / (COMMON_ZIPF - RARE_ZIPF)))
    return found


def _matrix(vectors: _Vectors, counts: WordCounts) -> sparse.csr_matrix:
    """Rows of unit length: each report's words weighted by rarity and inverse report frequency.
    The columns follow the words' sorted order, so any block sums a pair's shared words in the
    same order and gets the same similarity."""
    import numpy as np
    from scipy import sparse

    vocabulary = vectors.vocabulary
    total = counts.reports + PRIOR_REPORTS
    get = counts.counts.get
    idf = np.array([_rarity(w) * math.log(total / (1 + get(w, 0))) for w in vocabulary], dtype=np.float64)
    idx = vectors.words
    matrix = sparse.csr_matrix((vectors.weights * idf[idx], idx, vectors.indptr),
                               shape=(len(vectors.indptr) - 1, len(vocabulary)))
    matrix.sort_indices()
    # as if every report had PAD_WORDS words of its own of the collection's typical weight (the
    # mean square inverse frequency of a word occurrence): scaled to the collection, so that a
    # happening reprinted in every report does not vanish under the padding
    frequencies = np.fromiter(counts.counts.values(), dtype=np.float64, count=len(counts.counts))
    typical = float(np.dot(frequencies, np.log(total / (1 + frequencies)) ** 2) / frequencies.sum()) if len(frequencies) else 1.0
    pad = PAD_WORDS * typical
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel() + pad)
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _binary(vectors: _Vectors) -> sparse.csr_matrix:
    """Which words each report has (1 each, whatever their weight): shared words are counted on it."""
    import numpy as np
    from scipy import sparse

    return sparse.csr_matrix((np.ones(len(vectors.words)), vectors.words, vectors.indptr),
                             shape=(len(vectors.indptr) - 1, max(len(vectors.vocabulary), 1)))


class _Table(NamedTuple):
    """What the pairwise tests need of each report, as arrays (one entry a report)."""

    kind: np.ndarray
    statement: np.ndarray
    start: np.ndarray
    end: np.ndarray
    dated: np.ndarray
    windowed: np.ndarray
    article: np.ndarray
    group: np.ndarray  # -1: no group
    named: np.ndarray  # has surnames
    surnames: sparse.csr_matrix  # report x surname, 1 where it has it
    clock: np.ndarray  # minutes after midnight, -1: none
    heads: sparse.csr_matrix  # report x head lemma (_heads), 1 where it has it
    fresh: np.ndarray  # an undated lead's publication day, -1: none (_fresh_lead)

    def take(self, rows) -> _Table:
        return _Table(*(column[rows] for column in self))


def _table(reports: list[_Report]) -> _Table:
    import numpy as np
    from scipy import sparse

    def codes(values) -> np.ndarray:
        numbers: dict = {}
        return np.fromiter((numbers.setdefault(v, len(numbers)) for v in values), dtype=np.int64, count=len(reports))

    def incidence(sets) -> sparse.csr_matrix:
        """report x member, 1 where the report's set holds it"""
        sets = list(sets)
        members: dict[str, int] = {}
        rows = [n for n, found in enumerate(sets) for _ in found]
        cols = [members.setdefault(m, len(members)) for found in sets for m in found]
        places = (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))
        return sparse.csr_matrix((np.ones(len(cols)), places), shape=(len(sets), max(len(members), 1)))

    group = codes(r.group for r in reports)
    empty = next((n for n, r in enumerate(reports) if not r.group), None)
    if empty is not None:
        group[group == group[empty]] = -1
    return _Table(
        kind=codes((r.kind, r.denied) for r in reports),  # (what was not done is another happening)
        statement=np.fromiter((r.kind == "statement" for r in reports), dtype=bool, count=len(reports)),
        start=np.fromiter((r.window[0] if r.window else 0 for r in reports), dtype=np.int64, count=len(reports)),
        end=np.fromiter((r.window[1] if r.window else 0 for r in reports), dtype=np.int64, count=len(reports)),
        dated=np.fromiter((r.dated for r in reports), dtype=bool, count=len(reports)),
        windowed=np.fromiter((r.window is not None for r in reports), dtype=bool, count=len(reports)),
        article=codes(r.article for r in reports),
        group=group,
        named=np.fromiter((bool(r.surnames) for r in reports), dtype=bool, count=len(reports)),
        surnames=incidence(r.surnames for r in reports),
        clock=np.fromiter((r.clock for r in reports), dtype=np.int64, count=len(reports)),
        heads=incidence(sorted(r.heads) for r in reports),
        fresh=np.fromiter((r.fresh for r in reports), dtype=np.int64, count=len(reports)),
    )


def _compatible_pairs(table: _Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """:func:`_compatible` and of the same kind, over arrays of pairs."""
    import numpy as np

    start, end, dated, windowed = table.start, table.end, table.dated, table.windowed
    si, ei, sj, ej = start[i], end[i], start[j], end[j]
    i_in_j = (sj <= si) & (ei <= ej)
    j_in_i = (si <= sj) & (ej <= ei)
    overlap = (si <= ej) & (sj <= ei)
    di, dj = dated[i], dated[j]
    dates = np.where(di & dj, i_in_j | j_in_i, np.where(~di & ~dj, overlap, np.where(di, i_in_j, j_in_i)))
    wi, wj = windowed[i], windowed[j]
    same_article = table.article[i] == table.article[j]
    ci, cj = table.clock[i], table.clock[j]
    # (one article's clock times apart: two happenings)
    clocks = ~(same_article & (ci >= 0) & (cj >= 0) & (np.abs(ci - cj) > CLOCK_APART))
    return (table.kind[i] == table.kind[j]) & clocks & ((wi & wj & dates) | (~wi & ~wj & same_article))


def _rowwise(matrix: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The dot product of rows ``i[n]`` and ``j[n]`` for every n (a slice of
    :data:`ROWWISE_PAIRS` pairs at a time, so that copies of the rows stay small)."""
    import numpy as np

    if not len(i):
        return np.zeros(0)
    return np.concatenate([np.asarray(matrix[i[n:n + ROWWISE_PAIRS]].multiply(matrix[j[n:n + ROWWISE_PAIRS]])
                                      .sum(axis=1)).ravel() for n in range(0, len(i), ROWWISE_PAIRS)])


def _heaviest(matrix: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Each row's ``k`` heaviest words (ties by word), weight 1: two reports alike enough to be
    one happening share at least one of them, so only pairs that do are compared."""
    import numpy as np
    from scipy import sparse

    if not matrix.nnz:
        return sparse.csr_matrix(matrix.shape)
    ordered = matrix.sorted_indices()  # a row's words in their order, which breaks ties of weight
    counts = np.diff(ordered.indptr)
    rows = np.repeat(np.arange(ordered.shape[0]), counts)
    # one stable sort by row, then weight descending (as a rank among the distinct weights)
    _, rank_of = np.unique(ordered.data, return_inverse=True)
    lightest = int(rank_of.max())
    order = np.argsort(rows * (lightest + 1) + (lightest - rank_of), kind="stable")
    rank = np.arange(len(order)) - ordered.indptr[rows[order]]
    chosen = order[rank < k]
    chosen.sort()
    indptr = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(np.minimum(counts, k), out=indptr[1:])
    return sparse.csr_matrix((np.ones(len(chosen)), ordered.indices[chosen], indptr), shape=matrix.shape)


def _same_speaker(a: _Report, b: _Report) -> bool:
    return not a.surnames or not b.surnames or not set(a.surnames).isdisjoint(b.surnames)


@lru_cache(maxsize=1 << 16)
def _others(title: str, group: str) -> frozenset[str]:
    """A title's words that are not the trigger's or the speaker's (``group``)."""
    return frozenset(entry[1] for entry in map(_token, _WORD.findall(title)) if entry[0] is not None and entry[0] != group)


NAME_STEM = 4  # letters a name and another it begins (a country and its people: 'Yemen', 'Yemeni') share at least


@lru_cache(maxsize=1 << 16)
def _names(sentence: str, dated_at: tuple[int, int]) -> frozenset[str]:
    """Whom and where a sentence names: the words it writes with a capital, but its first (unless
    in capitals: 'UN'), those of its date phrase and common words, in lower case without dots
    (cached: a report is compared with many)."""
    common = lexicon(LANGUAGE).stopwords
    found = set()
    for m in CAPITALISED.finditer(sentence):
        word = m.group().rstrip(".'\u2019").removesuffix("'s").removesuffix("\u2019s")
        if not sentence[:m.start()].strip() and not (word.isupper() and len(word) > 1):
            continue
        if dated_at[0] <= m.start() < dated_at[1] or word.lower() in common:
            continue
        found.add(word.lower().replace(".", "").split("-")[0])
    return frozenset(found)


def _unmatched(names: frozenset[str], others: frozenset[str]) -> frozenset[str]:
    """The ``names`` none of ``others`` is, begins or is begun by (from :data:`NAME_STEM` letters on:
    'Somali' is 'Somalia')."""
    return frozenset(n for n in names if not any(
        n == o or min(len(n), len(o)) >= NAME_STEM and (n.startswith(o) or o.startswith(n)) for o in others))


def _named_alike(a: _Report, b: _Report) -> bool:
    """Whether two reports name someone or somewhere both, and neither names one the other does not."""
    first, second = _names(a.sentence, a.dated_at), _names(b.sentence, b.dated_at)
    first_only, second_only = _unmatched(first, second), _unmatched(second, first)
    return len(first_only) < len(first) and not (first_only and second_only)


@lru_cache(maxsize=1 << 16)
def _told_apart(sentence: str) -> bool:
    """Whether a sentence tells its happening apart from a like one ('In a separate case, a councillor
    was arrested', 'another fire broke out': the language's ``apart_words.txt``)."""
    apart = lexicon(LANGUAGE).apart
    return any(entry[1] in apart for entry in map(_token, _WORD.findall(sentence)))


def _in_article(a: _Report, b: _Report) -> bool:
    """A later mention in the same article: one speaker's statements on one date, or the same
    trigger lemma with nothing against it ('today's meeting' after 'Putin met')."""
    if a.article != b.article or a.group != b.group or not a.group:
        return False
    if a.kind == "statement":
        return True
    if not _same_speaker(a, b):
        return False
    others_a, others_b = _others(a.title, a.group), _others(b.title, b.group)
    return not others_a or not others_b or not others_a.isdisjoint(others_b)


Edge = tuple[float, Hashable, Hashable]


def _block_edges(reports: list[_Report], home: list[bool], matrix: sparse.csr_matrix,
                 heavy: sparse.csr_matrix, binary: sparse.csr_matrix, table: _Table) -> _Matches:
    """The matches of a block: pairs with a home report, compatible, and alike, as places in the
    block.  ``matrix`` holds the block's rows of :func:`_matrix` (of the block alone or of the
    whole collection: the columns' order is the words' order either way), ``heavy`` their
    :func:`_heaviest`, ``binary`` their :func:`_binary` and ``table`` their :func:`_table`."""
    import numpy as np

    homes = np.asarray(home, dtype=bool)
    rows = np.flatnonzero(homes)
    if not len(rows):
        return _no_matches()
    own = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()  # each row's similarity to itself
    i_all, j_all, values = _candidates(rows, homes, matrix, heavy, table, own)
    # how alike they must be: less when both are on one same day, or statements of named speakers
    # (who must then have a name in common)
    needed = np.full(len(values), SIMILAR)
    same_day = _one_day(table, i_all, j_all)
    needed = np.where(same_day, np.minimum(needed, SAME_DAY_SIMILAR), needed)
    # one sentence reprinted word for word on that day, the same trigger or speaker in both (or
    # neither), is one happening however short: the padding keeps a short sentence apart from
    # others (see _matrix), never from itself, and it needs no SHARED_WORDS.  Rows of the same
    # words and weights are the pairs whose similarity is each row's similarity to itself.
    copies = same_day & (table.group[i_all] == table.group[j_all]) & _word_for_word(values, own, i_all, j_all)
    for n in np.flatnonzero(copies).tolist():  # (the words compared leave pronouns out: 'He won', 'She won')
        copies[n] = reports[i_all[n]].title.casefold() == reports[j_all[n]].title.casefold()
    needed = np.where(copies, 0.0, needed)
    statement = table.statement[i_all]
    named = statement & table.named[i_all] & table.named[j_all]
    needed = np.where(named, np.minimum(needed, SAME_SPEAKER_SIMILAR), needed)
    # two occurrences of one single day told by one trigger, naming someone or somewhere both and no
    # one against each other: a lead and a recap in other words ('Pirates hijacked a bulk carrier off the coast
    # of Somalia on Saturday', 'The ship was hijacked on Sept. 6 off the Somali coast')
    clocks_i, clocks_j = table.clock[i_all], table.clock[j_all]
    trigger = _one_day_one_trigger(table, i_all, j_all) & (values >= SAME_TRIGGER_SIMILAR) & (values < needed) \
        & ~((clocks_i >= 0) & (clocks_j >= 0) & (np.abs(clocks_i - clocks_j) > CLOCK_APART))  # (nor at two times)
    for n in np.flatnonzero(trigger).tolist():
        a, b = reports[i_all[n]], reports[j_all[n]]  # (their actors among the names: 'Yemen' and 'Yemeni' are one)
        trigger[n] = _named_alike(a, b) and not _told_apart(a.sentence) and not _told_apart(b.sentence) \
            and (a.dated or not _timed(a.sentence)) and (b.dated or not _timed(b.sentence))  # (an undated lead's)
    needed = np.where(trigger, SAME_TRIGGER_SIMILAR, needed)
    alike = values >= needed
    check = np.flatnonzero(alike & named)  # two named speakers: one name in common, or apart
    alike[check] = _rowwise(table.surnames, i_all[check], j_all[check]) > 0
    check = np.flatnonzero(alike & ~copies)  # and but for copies, at least SHARED_WORDS words in common
    alike[check] = _rowwise(binary, i_all[check], j_all[check]) >= SHARED_WORDS
    # mentions within an article: the pairs not alike may still be one (same article and group)
    group = table.group
    maybe = ~alike & (table.article[i_all] == table.article[j_all]) & (group[i_all] == group[j_all]) & (group[i_all] >= 0)
    for n in np.flatnonzero(maybe).tolist():
        alike[n] = _in_article(reports[i_all[n]], reports[j_all[n]])
    # the mentions within an article matched below, as two arrays of places (a pair a few bytes:
    # an article of 20,000 like sentences has millions of them)
    found_i, found_j = array("q"), array("q")
    # and mentions within an article whatever their words: candidates by (article, kind, group)
    members: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    grouped = np.flatnonzero(group >= 0)
    if len(grouped):  # (only the reports that share theirs with another)
        kinds, groups = int(table.kind.max()) + 1, int(group.max()) + 1
        grouped = grouped[_multiplicity((table.article[grouped] * kinds + table.kind[grouped]) * groups + group[grouped]) > 1]
    article, kind, group_of = table.article[grouped].tolist(), table.kind[grouped].tolist(), group[grouped].tolist()
    for n, a, k, g in zip(grouped.tolist(), article, kind, group_of):
        members[(a, k, g)].append(n)
    scored = None  # the pairs judged above, as sorted keys i * size + j
    size = len(reports)
    for group_members in members.values():
        if len(group_members) < 2:
            continue
        if scored is None:
            scored = np.sort(i_all * size + j_all)
        for n, i in enumerate(group_members):
            if not home[i]:
                continue
            # (the nearest IN_ARTICLE_REACH mentions either side: an article is no pile of copies)
            near = [j for j in group_members[max(0, n - IN_ARTICLE_REACH):n + IN_ARTICLE_REACH + 1]
                    if i != j and not (home[j] and j < i)]
            keys = np.asarray(near, dtype=np.int64) + i * size
            seen = scored[np.minimum(np.searchsorted(scored, keys), len(scored) - 1)] == keys if len(scored) else \
                np.zeros(len(keys), dtype=bool)
            for j, judged in zip(near, seen.tolist()):
                if not judged and _compatible(reports[i], reports[j]) and _in_article(reports[i], reports[j]):
                    found_i.append(i)
                    found_j.append(j)
    rounded = np.array([round(value, SCORE_DIGITS) for value in values[alike].tolist()], dtype=np.float64)
    return _Matches(np.concatenate([rounded, np.zeros(len(found_i))]),
                    np.concatenate([i_all[alike], np.frombuffer(found_i, dtype=np.int64)]),
                    np.concatenate([j_all[alike], np.frombuffer(found_j, dtype=np.int64)]))


def _one_day(table: _Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Which pairs ``(i, j)`` are both dated to one same single day."""
    return (table.dated[i] & table.dated[j] & (table.start[i] == table.start[j]) & (table.end[i] == table.end[j])
            & (table.start[i] == table.end[i]))


def _fresh_day(table: _Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Which pairs ``(i, j)`` are a happening dated to one single day and an undated lead published
    on it or up to FRESH_DAYS after (:func:`_fresh_lead`)."""
    day = table.start[i]
    return (table.dated[i] & (table.start[i] == table.end[i]) & (table.fresh[j] >= 0)
            & (table.fresh[j] - FRESH_DAYS <= day) & (day <= table.fresh[j]))


def _one_day_one_trigger(table: _Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Which pairs ``(i, j)`` are happenings (not statements) of one same single day (or of a day
    and an undated lead of it: :func:`_fresh_day`) told by one trigger lemma, or whose triggers and
    event nouns have one in common (:func:`_heads`: 'The quake struck', 'the earthquake hit')."""
    one_day = (_one_day(table, i, j) | _fresh_day(table, i, j) | _fresh_day(table, j, i)) & ~table.statement[i]
    same = (table.group[i] == table.group[j]) & (table.group[i] >= 0)
    rest = one_day & ~same
    if rest.any():
        same[rest] = _rowwise(table.heads, i[rest], j[rest]) > 0
    return one_day & same


def _word_for_word(values: np.ndarray, own: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Which pairs ``(i, j)`` of similarity ``values`` are rows of the same words and weights: their
    similarity is each row's similarity to itself (``own``)."""
    import numpy as np

    return np.isclose(values, own[i], rtol=1e-9, atol=0) & np.isclose(own[i], own[j], rtol=1e-9, atol=0)


def _candidates(rows: np.ndarray, homes: np.ndarray, matrix: sparse.csr_matrix, heavy: sparse.csr_matrix,
                table: _Table, own: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of a block worth judging, ``(i, j, similarity)``: a home report ``i`` of
    ``rows`` and a report ``j`` sharing one of their heaviest words, compatible, and at least
    as alike as the least any match needs.  Rows are taken in slices of at most
    :data:`CHUNK_PAIRS` pairs (bounded beforehand by how many reports hold each word), and a
    report with more than :data:`MAX_CANDIDATES` such pairs keeps its most alike ones."""
    import numpy as np

    by_word = _first_holders(heavy, MAX_SHARING)
    holders = np.diff(by_word.indptr).astype(np.float64)  # how many reports each word reaches
    reached = np.zeros(heavy.shape[0], dtype=bool)  # the reports some word still reaches: their pairs
    reached[by_word.indices] = True  # with earlier home reports are found from those reports' side
    bound = np.asarray(heavy[rows] @ holders).ravel()  # at most so many pairs for each row
    firsts = [0]
    total = 0.0
    for n, pairs in enumerate(bound.tolist()):
        if total and total + pairs > CHUNK_PAIRS:
            firsts.append(n)
            total = 0.0
        total += pairs
    firsts.append(len(rows))
    least = min(SIMILAR, SAME_SPEAKER_SIMILAR, SAME_DAY_SIMILAR)
    parts = []
    for first, last in zip(firsts, firsts[1:]):
        chunk = rows[first:last]
        pairs = heavy[chunk] @ by_word
        i_all = np.repeat(chunk, np.diff(pairs.indptr))
        j_all = pairs.indices.astype(np.int64)
        keep = (i_all != j_all) & ~(homes[j_all] & (j_all < i_all) & reached[i_all])
        i_all, j_all = i_all[keep], j_all[keep]
        # (in a pile of copies, only those sharing the most heavy words are scored at all; a report
        # no word reaches, deep in a pile, only PILE_CANDIDATES: its copies are joined through them)
        shared = pairs.data[keep]
        if reached[chunk].all():
            i_all, j_all, _ = _most_alike(i_all, j_all, shared, MAX_SHARING)
        else:  # (the order of the pairs matters nowhere: the union-find sorts them)
            late = ~reached[i_all]
            early = _most_alike(i_all[~late], j_all[~late], shared[~late], MAX_SHARING)
            later = _most_alike(i_all[late], j_all[late], shared[late], PILE_CANDIDATES)
            i_all, j_all = np.concatenate([early[0], later[0]]), np.concatenate([early[1], later[1]])
        keep = _compatible_pairs(table, i_all, j_all)  # same kind, compatible dates: before any arithmetic
        i_all, j_all = i_all[keep], j_all[keep]
        values = _rowwise(matrix, i_all, j_all)
        keep = (values >= least) | _word_for_word(values, own, i_all, j_all)  # (a copy however short)
        parts.append(_most_alike(i_all[keep], j_all[keep], values[keep], MAX_CANDIDATES))
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    return (np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]),
            np.concatenate([p[2] for p in parts]))


def _first_holders(heavy: sparse.csr_matrix, most: int) -> sparse.csr_matrix:
    """``heavy`` transposed (a row a word, its reports as columns), each word reaching only its
    first ``most`` reports.  A pile of near-copies on one day shares all its heavy words: every
    report met every other (20,000 reports, 36 s and 1 GB), although only the ``most`` that
    share most, the first on a tie, were kept; now only those are met, and a report no word
    reaches meets them from its own side."""
    import numpy as np
    from scipy import sparse

    by_word = heavy.T.tocsr()
    by_word.sort_indices()
    counts = np.diff(by_word.indptr)
    if not len(counts) or counts.max() <= most:
        return by_word
    rank = np.arange(by_word.nnz) - np.repeat(by_word.indptr[:-1], counts)  # place among the word's reports
    kept = rank < most
    indptr = np.concatenate([[0], np.cumsum(np.minimum(counts, most))])
    return sparse.csr_matrix((by_word.data[kept], by_word.indices[kept], indptr), shape=by_word.shape)


def _most_alike(i: np.ndarray, j: np.ndarray, values: np.ndarray, most: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs ``(i, j, value)`` with each ``i``'s ``most`` highest values (ties by ``j``), in
    their order; all of them when no ``i`` has more."""
    import numpy as np

    if not len(i) or np.bincount(i).max() <= most:
        return i, j, values
    order = np.lexsort((j, -np.round(values, SCORE_DIGITS), i))
    starts = np.searchsorted(i[order], i[order], side="left")
    kept = np.sort(order[np.arange(len(order)) - starts < most])
    return i[kept], j[kept], values[kept]


class _Matches(NamedTuple):
    """Matches as arrays: ``value[n]`` the similarity (rounded) of the reports ``first[n]`` and
    ``second[n]``."""

    value: np.ndarray
    first: np.ndarray
    second: np.ndarray


def _no_matches() -> _Matches:
    import numpy as np

    return _Matches(np.zeros(0), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))


def block_edges(items: list[tuple[Hashable, Event]], key: str, counts: WordCounts) -> list[Edge]:
    """The matches found in block ``key`` among ``items`` (``(id, event)``, every event whose
    :func:`block_keys` include ``key``): ``(similarity, id, other id)``, the smaller id first."""
    events = [e for _, e in items]
    reports = [_report(e) for e in events]
    vectors = _vectors(events)
    matrix = _matrix(vectors, counts)
    found = _block_edges(reports, [_keys_of(r)[0] == key for r in reports], matrix,
                         _heaviest(matrix, CANDIDATE_WORDS), _binary(vectors), _table(reports))
    ids = [i for i, _ in items]
    edges: list[Edge] = []
    for value, i, j in zip(found.value.tolist(), found.first.tolist(), found.second.tolist()):
        x, y = (ids[i], ids[j]) if ids[i] < ids[j] else (ids[j], ids[i])
        edges.append((value, x, y))
    return edges


class Info(NamedTuple):
    """What the guard of the union needs of an event."""

    window: Optional[tuple[int, int]]
    dated: bool
    sentences: tuple[tuple[tuple[str, int], str], ...]
    article: str = ""
    stamp: int = -1  # the clock time of its entry's stamp, -1 without one


def info(event: Event) -> Info:
    return _info(_report(event))


def _info(report: _Report) -> Info:
    return Info(report.window, report.dated, report.sentences, report.article, report.clock if report.stamped else -1)


# -- joining matches ------------------------------------------------------------------------------


def join(infos: dict, edges: Iterable[Edge]) -> dict:
    """The root (smallest id) of every event's happening, matches joined strongest first."""
    import numpy as np

    ids = sorted(infos)
    number = {i: n for n, i in enumerate(ids)}
    edges = list(edges)
    roots = _join([infos[i] for i in ids], _Matches(
        np.array([e[0] for e in edges], dtype=np.float64),
        np.fromiter((number[e[1]] for e in edges), dtype=np.int64, count=len(edges)),
        np.fromiter((number[e[2]] for e in edges), dtype=np.int64, count=len(edges))))
    return {i: ids[roots[number[i]]] for i in infos}


def _join(infos: list[Info], matches: _Matches) -> list[int]:
    """The root of each report's happening, reports numbered in the order of their ids (the root
    is the smallest number): a union-find that takes the matches strongest first, ties by
    numbers, and joins only what can be one happening.  The dates of a component stay compatible
    (its narrowest dated report against the other's, and the days its reports allow overlap),
    two reports from one sentence with different triggers or speakers never meet, and one
    article's entries at two different stamps are never one happening (a live page's entries 20
    minutes apart do not chain into one of two hours)."""
    import numpy as np

    parent = list(range(len(infos)))
    narrowest = [x.window if x.dated else None for x in infos]
    days = [x.window for x in infos]
    sentences = [dict(x.sentences) for x in infos]
    stamps = [{x.article: x.stamp} if x.stamp >= 0 else {} for x in infos]  # article -> its entry's stamp

    def find(i: int) -> int:
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:  # (the path, straight to its root)
            parent[i], i = root, parent[i]
        return root

    order = np.lexsort((matches.second, matches.first, -matches.value))
    for i, j in _pairs_in_slices(matches.first[order], matches.second[order]):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        ni, nj = narrowest[ri], narrowest[rj]
        if ni is not None and nj is not None and not (_contains(ni, nj) or _contains(nj, ni)):
            continue
        di, dj = days[ri], days[rj]
        both = None
        if di is not None and dj is not None:
            both = (max(di[0], dj[0]), min(di[1], dj[1]))
            if both[0] > both[1]:
                continue
        si, sj = sentences[ri], sentences[rj]
        small, large = (si, sj) if len(si) <= len(sj) else (sj, si)
        if any(large.get(k, g) != g for k, g in small.items()):
            continue
        ti, tj = stamps[ri], stamps[rj]
        fewer, more = (ti, tj) if len(ti) <= len(tj) else (tj, ti)
        if any(more.get(a, stamp) != stamp for a, stamp in fewer.items()):
            continue
        root, other = (ri, rj) if ri < rj else (rj, ri)
        parent[other] = root
        narrowest[root] = ni if nj is None or (ni is not None and ni[1] - ni[0] <= nj[1] - nj[0]) else nj
        days[root] = both if both is not None else (di or dj)
        large.update(small)
        sentences[root] = large
        more.update(fewer)
        stamps[root] = more
        narrowest[other] = days[other] = sentences[other] = stamps[other] = None
    return [find(i) for i in range(len(parent))]


def _pairs_in_slices(first: np.ndarray, second: np.ndarray, size: int = 65_536) -> Iterable[tuple[int, int]]:
    """The pairs ``(first[n], second[n])`` as Python ints, a slice at a time (millions of them
    made lists of hundreds of megabytes)."""
    for start in range(0, len(first), size):
        yield from zip(first[start:start + size].tolist(), second[start:start + size].tolist())


def merge_groups(items: Iterable[tuple[Hashable, Event]], roots: dict, hold=None) -> list[tuple[Hashable, Event]]:
    """``(root, merged event)`` for each happening among ``items``, members in id order.  ``hold``:
    called every so many merged events, to set them aside from garbage collection (see
    :func:`frozen_heap`)."""
    members: dict = defaultdict(list)
    for i, event in sorted(items, key=lambda pair: pair[0]):
        members[roots.get(i, i)].append(event)
    groups = list(members.values())
    merged: list[tuple[Hashable, Event]] = []
    for root, group, lead in zip(members, groups, _leads(groups)):
        merged.append((root, _merged(group, lead)))
        if hold is not None and len(merged) % _HOLD_EVERY == 0:
            hold()
    return merged


CENTRAL_FROM = 3  # articles from which the lead is the report whose title says what most others say


def _leads(groups: list[list[Event]]) -> list[int]:
    """The lead report of each group (its place in the group): the best-dated report, and of
    those, one not written before the day it tells of where there is one (the hearing he appeared
    at is not titled by the report that he will appear, and is dated by the day it took place).

    Among equally well dated reports, the lead is the first, except in a group reported by at
    least ``CENTRAL_FROM`` articles: there it is the one whose title is most typical of the group
    (:func:`_central`), so that a happening told by hundreds of articles is not titled by a
    garbled one (with two articles, no title is more typical than the other)."""
    leads = [0] * len(groups)
    contests: list[int] = []  # the groups whose lead is the most typical of their best
    candidates: list[list[int]] = []
    for n, group in enumerate(groups):
        if len(group) == 1:
            continue
        widths = [e.date.end - e.date.start if e.date is not None else None for e in group]
        narrowest = min((w for w in widths if w is not None), default=None)
        best = [k for k, w in enumerate(widths) if w == narrowest] if narrowest is not None else list(range(len(group)))
        best = [k for k in best if not anticipated(group[k])] or best  # ('appeared at the hearing', not 'will appear')
        leads[n] = best[0]
        if len(best) > 1 and len({s.article_key for event in group for s in event.sources}) >= CENTRAL_FROM:
            contests.append(n)
            candidates.append(best)
    for n, lead in zip(contests, _central([groups[n] for n in contests], candidates)):
        leads[n] = lead
    return leads


def told_after(event: Event) -> bool:
    """Told after the fact by at least one source: its date ends before that article appeared,
    or its tense puts it before publication."""
    if event.relation == Relation.BEFORE:
        return True
    if event.date is None:
        return False
    return any(s.published is not None and event.date.end < s.published.date() for s in event.sources)


def anticipated(event: Event) -> bool:
    """Told only before its day: every source appeared before the day the event is dated to."""
    if event.date is None or event.relation == Relation.BEFORE:
        return False
    return all(s.published is not None and s.published.date() < event.date.start for s in event.sources)


def _merged(group: list[Event], lead: int) -> Event:
    """One event from its reports, led by ``group[lead]``: one source per article, the lead's in
    its own; in another, the first whose time phrase writes the date out ('7 November - The accord
    is signed' rather than '... signed it on Friday'), else the first dated, else the first."""
    if len(group) == 1:
        return group[0]
    first = group[lead]
    ordered = [first] + [e for e in group if e is not first]
    sources: dict[str, Source] = {}
    for event in ordered:
        for source in event.sources:
            kept = sources.setdefault(source.article_key, source)
            if kept is not source and kept is not first.sources[0] and _telling(source) > _telling(kept):
                sources[source.article_key] = source
    actors = list(dict.fromkeys(actor for event in ordered for actor in event.actors))  # each once, in order
    update = {"sources": list(sources.values()), "actors": actors}
    after = _told_after_its_day(group, first)
    if after is not None:  # (dated by the announcement, titled by the report: 'voted', not 'will vote')
        update["title"] = after.title
    return first.model_copy(update=update)


def _told_after_its_day(group: list[Event], lead: Event) -> Optional[Event]:
    """When the ``lead`` of a group of happenings is told only before its day (the best dated report is
    the announcement: 'will vote on Thursday'), the first report of the group written on or after
    that day and told after the fact (:func:`told_after`), by the same verb or noun, saying much of
    what the lead's title says besides the verb and the doers (:func:`_says_as_much`), with no date
    of its own but one that holds the day, and a title that reads whole, if any: it tells what
    happened, though it does not tell the day ('voted to close the pier'; not a report of another
    happening the group took in: 'will vote on the liability cap', 'voted to confirm a new
    ambassador')."""
    if lead.date is None or lead.trigger is None or lead.kind == "statement" or not anticipated(lead):
        return None  # (a statement's verb is a saying, which tells nothing of what)
    verb = _lemma(lead.trigger.text)
    doers = {word.lower() for event in group for actor in event.actors for word in actor.split()}
    words = _others(lead.title, verb) - doers  # (what it says besides who did it: 'the liability cap')
    return next((e for e in group if e is not lead and e.kind == lead.kind and told_after(e)
                 and e.trigger is not None and _lemma(e.trigger.text) == verb
                 and _says_as_much(words, _others(e.title, verb) - doers)
                 and (e.date is None or e.date.start <= lead.date.start <= e.date.end)
                 and any(s.published is not None and s.published.date() >= lead.date.start for s in e.sources)
                 and reads_whole(e.title)), None)


def _says_as_much(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two titles' words (besides their verb and doers) are at least half those of the shorter:
    'close the old ferry pier in Westport' and 'in Westport close the old ferry pier', not 'hire a new
    director for the ferry service in Westport'."""
    return bool(one) and bool(other) and 2 * len(one & other) >= min(len(one), len(other))


def _telling(source: Source) -> int:
    """How well a report's own time phrase tells its date: 2 written out (with a figure), 1 told
    ('Friday'), 0 none."""
    expression = source.time_expression
    if expression is None:
        return 0
    return 2 if any(ch.isdigit() for ch in expression.text) else 1


def _central(groups: list[list[Event]], candidates: list[list[int]]) -> list[int]:
    """In each group, the candidate (a place in the group) whose title's content words the
    group's other titles share most: the sum, over its words, of how many other titles have the
    word, over the square root of its number of words, counted as at least 3 (long titles gain
    no edge by length alone; one or two words tell little).  The first candidate wins a tie.

    The words of all titles are found at once, and counted over arrays."""
    import numpy as np

    if not groups:
        return []
    titles = [event.title for group in groups for event in group]
    word, sizes, distinct = _words(titles)
    lemmas: dict[str, int] = {}
    lemma_of = np.fromiter((-1 if entry[0] is None else lemmas.setdefault(entry[0], len(lemmas))
                            for entry in map(_token, distinct)), dtype=np.int64, count=len(distinct))
    width = max(len(lemmas), 1)
    lemma = lemma_of[word]
    title = np.repeat(np.arange(len(titles), dtype=np.int64), sizes)[lemma >= 0]
    # each title's distinct content words, then how many titles of its group have each
    pairs = _distinct(title * width + lemma[lemma >= 0])
    title, lemma = pairs // width, pairs % width
    group_of = np.repeat(np.arange(len(groups), dtype=np.int64), [len(group) for group in groups])
    shared = np.bincount(title, weights=_multiplicity(group_of[title] * width + lemma) - 1, minlength=len(titles))
    words = np.bincount(title, minlength=len(titles))
    score = (shared / np.sqrt(np.maximum(words, 3))).tolist()
    chosen: list[int] = []
    first = 0  # the group's first title
    for group, places in zip(groups, candidates):
        ranked = sorted(places, key=lambda k: -score[first + k])  # (stable: the first of equals first)
        chosen.append(next((k for k in ranked if reads_whole(group[k].title)), ranked[0]))
        first += len(group)
    return chosen


def reads_whole(title: str, shortest: int = 3) -> bool:
    """Whether a title reads as a whole phrase: at least ``shortest`` words, neither opening on a
    preposition ('With the minister visiting the coast') nor ending on a word that leads into
    more ('Obama would do', 'an attempt to', 'Alan Johnson said'), and naming who did it ('He
    meets ...', 'His plane landed', 'This was ...', 'Has also died ...'; a statement's gist may open
    on a pronoun: 'Hayward: We have not been able ...')."""
    lex = lexicon(LANGUAGE)
    _, said, gist = title.partition(": ")
    words = [word.strip(".,;:!?\"'()").lower() for word in (gist if said else title).split()]
    words = [word for word in words if word]
    if len(words) < shortest or (not said and (words[0] in lex.pronouns or words[0] in lex.possessives
                                        or words[0] in lex.leaning_openers or words[0] in lex.auxiliaries)):
        return False
    return words[0] not in lex.prepositions and words[-1] not in _dangling()


@lru_cache(maxsize=None)
def _dangling() -> frozenset[str]:
    """The words no whole phrase ends on."""
    lex = lexicon(LANGUAGE)
    return lex.dangling | frozenset(lex.auxiliaries) | lex.reporting


def order_events(events: list[Event]) -> list[Event]:
    """Timeline order: dated events by start, a longer period before the days it contains, ties
    in input order; then undated events by their article's publication, in input order."""
    dated = [e for e in events if e.date is not None]
    undated = [e for e in events if e.date is None]
    dated.sort(key=lambda e: (e.date.start, -(e.date.end - e.date.start).days, e.date.time or ""))
    undated.sort(key=lambda e: _published(e) or dt.date.max)
    return dated + undated


def merge_events(events: list[Event]) -> list[Event]:
    """Merge events that report the same happening, within and across articles; returns them in
    timeline order (see :func:`order_events`)."""
    require(events, (list, tuple), "events")
    for event in events:
        require(event, Event, "each of events")
    if len(events) < 2:  # nothing to merge (an article of one event, streamed: no vectors to build)
        return order_events(list(events))
    with frozen_heap() as hold:
        return _merge_events(events, hold)


def _merge_events(events: list[Event], hold) -> list[Event]:
    import numpy as np

    reports: list[_Report] = []
    for start in range(0, len(events), _HOLD_EVERY):  # (set aside as they come: they are kept)
        reports += [_report(e) for e in events[start:start + _HOLD_EVERY]]
        hold()
    vectors = _vectors(events)
    hold()
    blocks: dict[str, list[int]] = defaultdict(list)
    homes: list[str] = []
    for n, report in enumerate(reports):
        keys = _keys_of(report)
        homes.append(keys[0])
        for key in keys:
            blocks[key].append(n)
    matrix = _matrix(vectors, _counts_of(vectors))
    heavy = _heaviest(matrix, CANDIDATE_WORDS)
    binary = _binary(vectors)
    table = _table(reports)
    found: list[_Matches] = []
    for key, members in blocks.items():
        rows = np.asarray(members, dtype=np.int64)
        block = _block_edges([reports[n] for n in members], [homes[n] == key for n in members],
                             matrix[rows], heavy[rows], binary[rows], table.take(rows))
        first, second = rows[block.first], rows[block.second]
        found.append(_Matches(block.value, np.minimum(first, second), np.maximum(first, second)))
        hold()
    matches = _Matches(*(np.concatenate(column) for column in zip(*found))) if found else _no_matches()
    roots = _join([_info(r) for r in reports], matches)
    hold()
    merged = merge_groups(enumerate(events), dict(enumerate(roots)), hold)
    hold()
    return order_events([event for _, event in sorted(merged, key=lambda pair: pair[0])])
