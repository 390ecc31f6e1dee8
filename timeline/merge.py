"""One event per happening: merging reports within and across articles, and ordering.

Two reports are the same happening when they are of the same kind, their dates are compatible
(the same day, or one's period inside the other's; an undated report within
:data:`UNDATED_WINDOW_DAYS` of its article's publication, on the side its tense tells), and they
say the same thing:

- **across articles**, their sentences are alike: the cosine of their word vectors is at least
  :data:`SIMILAR` (:data:`SAME_DAY_SIMILAR` when both are dated to the same day,
  :data:`SAME_SPEAKER_SIMILAR` for statements of one named speaker), and they share at least
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
through a chain of matches (the guard of :class:`_Components`).  Matches are joined strongest
first.

Scaling: a report's *window* (its period, or the days near publication) places it in the blocks
of :data:`BLOCK_DAYS` days its window touches (:func:`block_keys`); its *home* block is that of
the window's first day.  Two reports whose windows overlap always share the home block of the
later-starting one, so each block compares its home reports with all the reports it holds
(a sparse matrix product) and every candidate pair is seen exactly once.  Periods longer than
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
import math
import re
from collections import Counter, defaultdict
from itertools import chain
from typing import Hashable, Iterable, NamedTuple, Optional

import numpy as np
from scipy import sparse
from wordfreq import zipf_frequency

from timeline.events import lemma, lexicon
from timeline.models import Event, Relation, Source
from timeline.temporal.calendar import Day, timex_year

LANGUAGE = "en"  # the language of the lexicon and of the word frequencies

UNDATED_WINDOW_DAYS = 2  # an undated report of a past happening: up to this many days before publication
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
PAD_WORDS = 1.0  # a short sentence ("It looks like") must not look like every other one: see _matrix
SHARED_WORDS = 2  # and they share at least so many words: one word in common is chance
PRIOR_REPORTS = 1000  # pseudo-reports in the document frequency: small collections lean on wordfreq
NAME_WEIGHT = 1.5  # a name (capitalised inside the sentence, or an actor) counts this much more
NEAR_WEIGHT = 2.0  # a word within NEAR_TOKENS of the trigger counts this much more
NEAR_TOKENS = 6
COMMON_ZIPF = 7.0  # a word this frequent in the language (wordfreq Zipf scale) weighs nothing
RARE_ZIPF = 2.0  # rarer than this, all words weigh the same (typos, handles, numbers)
CANDIDATE_WORDS = 8  # pairs are compared when they share one of each other's heaviest words
SCORE_DIGITS = 9  # similarities are rounded so that every way of computing them orders alike

_WORD = re.compile(r"\w+(?:['\u2019.\-]\w+)*")


# -- what merging compares of one report --------------------------------------------------------


class _Report(NamedTuple):
    """What merging compares of one event, computed once from the event alone."""

    window: Optional[tuple[int, int]]  # first and last day (ordinals) it can lie on
    dated: bool
    kind: str
    group: str  # the trigger's lemma, or the speaker's surname for a statement
    surnames: tuple[str, ...]  # last words of its actors
    others: tuple[str, ...]  # title words that are not the trigger (for mentions in one article)
    article: str
    sentences: tuple[tuple[tuple[str, int], str], ...]  # ((article, sentence offset), group)
    words: dict[str, float]  # word -> its weight before rarity (names and words near the trigger more)

# Reports hold only tuples, strings, numbers and a dict of words to floats: the garbage collector
# stops tracking such objects, so keeping one per event does not make its full scans costlier.


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


def _words(event: Event) -> dict[str, float]:
    """The weighted words of an event's sentences (each source's), without stop words and the
    words of the date phrase; names and words near the trigger weigh more.  A statement's speaker
    is left out: statements are alike by what they say (the speaker is compared apart)."""
    actors = {w.lower() for actor in event.actors for w in actor.split()}
    speaker = actors if event.kind == "statement" else set()  # (and what it says is the whole sentence)
    weights: dict[str, float] = {}
    findall = _WORD.findall
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
        anchor = len(findall(text[:at])) if 0 <= at <= len(text) and not speaker else -NEAR_TOKENS - 2
        for n, raw in enumerate(findall(text)):
            entry = _TOKENS.get(raw) or _token(raw)
            word = entry[0]
            if word is None or entry[1] in speaker:
                continue
            weight = NAME_WEIGHT if (n and entry[2]) or entry[1] in actors else 1.0
            if n != anchor and -NEAR_TOKENS <= n - anchor <= NEAR_TOKENS:
                weight *= NEAR_WEIGHT
            if weights.get(word, 0.0) < weight:
                weights[word] = weight
    return weights


def _report(event: Event) -> _Report:
    lex = lexicon(LANGUAGE)
    surnames = tuple(sorted({actor.split()[-1].lower() for actor in event.actors if actor.split()}
                            - lex.pronouns.keys() - lex.roles))  # "they", "the spokesman": no name
    if event.kind == "statement":
        group = event.actors[0].split()[-1].lower() if event.actors and event.actors[0].split() else ""
        if group in lex.pronouns or group in lex.roles:
            group = ""  # "I said", "the spokesman said": no one named, nothing to go by
    else:
        group = _lemma(event.trigger.text)
    others = tuple(sorted({entry[1] for entry in map(_token, _WORD.findall(event.title))
                           if entry[0] is not None and entry[0] != group}))
    article = event.sources[0].article_key if event.sources else ""
    sentences = tuple(((s.article_key, s.sentence_start), group) for s in event.sources)
    return _Report(_window(event), event.date is not None or _beyond_year(event) is not None, event.kind, group, surnames, others,
                   article, sentences, _words(event))


# -- dates ----------------------------------------------------------------------------------------


def _contains(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[0] and b[1] <= a[1]


def _compatible(a: _Report, b: _Report) -> bool:
    """Same day, or one period inside the other; an undated event within its window."""
    wa, wb = a.window, b.window
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


def date_block_key(event: Event) -> str:
    """The home block of an event (see :func:`block_keys`)."""
    return block_keys(event)[0]


# -- similarity -----------------------------------------------------------------------------------


class WordCounts(NamedTuple):
    """In how many reports each word occurs, over the whole collection."""

    reports: int
    counts: Counter


def word_counts(events: Iterable[Event]) -> WordCounts:
    """The collection's document frequencies; sums of these over parts equal that of the whole."""
    counts: Counter = Counter()
    n = 0
    for event in events:
        counts.update(_report(event).words)
        n += 1
    return WordCounts(n, counts)


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
        if len(_RARITY) > _LEMMA_CACHE:
            _RARITY.clear()
        zipf = zipf_frequency(word, LANGUAGE)
        found = _RARITY[word] = min(1.0, max(0.0, (COMMON_ZIPF - zipf) / (COMMON_ZIPF - RARE_ZIPF)))
    return found


def _matrix(reports: list[_Report], counts: WordCounts) -> sparse.csr_matrix:
    """Rows of unit length: each report's words weighted by rarity and inverse report frequency.
    The columns follow the words' sorted order, so any block sums a pair's shared words in the
    same order and gets the same similarity."""
    vocabulary = sorted({w for r in reports for w in r.words})
    column = {w: i for i, w in enumerate(vocabulary)}
    total = counts.reports + PRIOR_REPORTS
    idf = np.array([_rarity(w) * math.log(total / (1 + counts.counts.get(w, 0))) for w in vocabulary])
    sizes = [len(r.words) for r in reports]
    indptr = np.zeros(len(reports) + 1, dtype=np.int64)
    np.cumsum(sizes, out=indptr[1:])
    size = int(indptr[-1])
    idx = np.fromiter(map(column.__getitem__, chain.from_iterable(r.words for r in reports)), dtype=np.int64, count=size)
    data = np.fromiter(chain.from_iterable(r.words.values() for r in reports), dtype=np.float64, count=size)
    matrix = sparse.csr_matrix((data * idf[idx], idx, indptr), shape=(len(reports), len(vocabulary)))
    matrix.sort_indices()
    # as if every report had PAD_WORDS words of its own of the collection's typical weight (the
    # mean square inverse frequency of a word occurrence): scaled to the collection, so that a
    # happening reprinted in every report does not vanish under the padding
    frequencies = np.fromiter(counts.counts.values(), dtype=np.float64, count=len(counts.counts))
    typical = float(np.dot(frequencies, np.log(total / (1 + frequencies)) ** 2) / frequencies.sum()) if len(frequencies) else 1.0
    pad = PAD_WORDS * typical
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel() + pad)
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _possible(reports: list[_Report]):
    """A vectorised first cut of :func:`_compatible` and same kind, over arrays of pairs (the
    exact test is still made on the pairs that pass)."""
    kinds = {k: n for n, k in enumerate(sorted({r.kind for r in reports}))}
    kind = np.array([kinds[r.kind] for r in reports], dtype=np.int64)
    start = np.array([r.window[0] if r.window else 0 for r in reports], dtype=np.int64)
    end = np.array([r.window[1] if r.window else 0 for r in reports], dtype=np.int64)
    dated = np.array([r.dated for r in reports], dtype=bool)
    windowed = np.array([r.window is not None for r in reports], dtype=bool)

    def possible(i: np.ndarray, j: np.ndarray) -> np.ndarray:
        si, ei, sj, ej = start[i], end[i], start[j], end[j]
        i_in_j = (sj <= si) & (ei <= ej)
        j_in_i = (si <= sj) & (ej <= ei)
        overlap = (si <= ej) & (sj <= ei)
        di, dj = dated[i], dated[j]
        dates = np.where(di & dj, i_in_j | j_in_i,
                         np.where(~di & ~dj, overlap, np.where(di, i_in_j, j_in_i)))
        both = windowed[i] & windowed[j]
        return (kind[i] == kind[j]) & ((both & dates) | (~windowed[i] & ~windowed[j]))

    return possible


def _heaviest(matrix: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Each row's ``k`` heaviest words (ties by word), weight 1: two reports alike enough to be
    one happening share at least one of them, so only pairs that do are compared."""
    counts = np.diff(matrix.indptr)
    rows = np.repeat(np.arange(matrix.shape[0]), counts)
    order = np.lexsort((matrix.indices, -matrix.data, rows))
    rank = np.arange(len(order)) - matrix.indptr[rows[order]]
    chosen = order[rank < k]
    chosen.sort()
    return sparse.csr_matrix((np.ones(len(chosen)), (rows[chosen], matrix.indices[chosen])), shape=matrix.shape)


def _same_speaker(a: _Report, b: _Report) -> bool:
    return not a.surnames or not b.surnames or not set(a.surnames).isdisjoint(b.surnames)


def _in_article(a: _Report, b: _Report) -> bool:
    """A later mention in the same article: one speaker's statements on one date, or the same
    trigger lemma with nothing against it ('today's meeting' after 'Putin met')."""
    if a.article != b.article or a.group != b.group or not a.group:
        return False
    if a.kind == "statement":
        return True
    if not _same_speaker(a, b):
        return False
    return not a.others or not b.others or not set(a.others).isdisjoint(b.others)


Edge = tuple[float, Hashable, Hashable]


def _block_edges(ids: list, reports: list[_Report], home: list[bool], matrix: sparse.csr_matrix,
                 heavy: sparse.csr_matrix) -> list[Edge]:
    """The matches of a block: pairs with a home report, compatible, and alike.  ``matrix`` holds
    the block's rows of :func:`_matrix` (of the block alone or of the whole collection: the
    columns' order is the words' order either way) and ``heavy`` their :func:`_heaviest`."""
    rows = [n for n, h in enumerate(home) if h]
    if not rows:
        return []
    pairs = (heavy[rows] @ heavy.T).tocoo()
    i_all = np.asarray(rows, dtype=np.int64)[pairs.row]
    j_all = pairs.col.astype(np.int64)
    homes = np.asarray(home, dtype=bool)
    keep = (i_all != j_all) & ~(homes[j_all] & (j_all < i_all))
    i_all, j_all = i_all[keep], j_all[keep]
    keep = _possible(reports)(i_all, j_all)  # same kind, compatible dates: before any arithmetic
    i_all, j_all = i_all[keep], j_all[keep]
    values = np.asarray(matrix[i_all].multiply(matrix[j_all]).sum(axis=1)).ravel() if len(i_all) else np.zeros(0)
    keep = values >= min(SIMILAR, SAME_SPEAKER_SIMILAR, SAME_DAY_SIMILAR)
    scores: dict[tuple[int, int], float] = dict(zip(zip(i_all[keep].tolist(), j_all[keep].tolist()),
                                                    values[keep].tolist()))
    # mentions within an article: candidates by (article, kind, group), whatever their words
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for n, report in enumerate(reports):
        if report.group:
            groups[(report.article, report.kind, report.group)].append(n)
    for members in groups.values():
        if len(members) < 2:
            continue
        for i in members:
            if not home[i]:
                continue
            for j in members:
                if i != j and not (home[j] and j < i) and (i, j) not in scores and _in_article(reports[i], reports[j]):
                    scores[(i, j)] = 0.0
    edges: list[Edge] = []
    for (i, j), value in scores.items():
        a, b = reports[i], reports[j]
        if a.kind != b.kind or not _compatible(a, b):
            continue
        if a.kind == "statement" and not _same_speaker(a, b):
            alike = False  # two named speakers, none in common
        else:
            needed = SIMILAR
            if a.dated and b.dated and a.window == b.window and a.window[0] == a.window[1]:
                needed = min(needed, SAME_DAY_SIMILAR)
            if a.kind == "statement" and a.surnames and b.surnames:
                needed = min(needed, SAME_SPEAKER_SIMILAR)
            alike = value >= needed
        alike = alike and len(a.words.keys() & b.words.keys()) >= SHARED_WORDS
        if not (alike or _in_article(a, b)):
            continue
        x, y = (ids[i], ids[j]) if ids[i] < ids[j] else (ids[j], ids[i])
        edges.append((round(value, SCORE_DIGITS), x, y))
    return edges


def block_edges(items: list[tuple[Hashable, Event]], key: str, counts: WordCounts) -> list[Edge]:
    """The matches found in block ``key`` among ``items`` (``(id, event)``, every event whose
    :func:`block_keys` include ``key``): ``(similarity, id, other id)``, the smaller id first."""
    reports = [_report(e) for _, e in items]
    matrix = _matrix(reports, counts)
    return _block_edges([i for i, _ in items], reports, [_keys_of(r)[0] == key for r in reports], matrix,
                        _heaviest(matrix, CANDIDATE_WORDS))


class Info(NamedTuple):
    """What the guard of the union needs of an event."""

    window: Optional[tuple[int, int]]
    dated: bool
    sentences: tuple[tuple[tuple[str, int], str], ...]


def info(event: Event) -> Info:
    report = _report(event)
    return Info(report.window, report.dated, report.sentences)


# -- joining matches ------------------------------------------------------------------------------


class _Components:
    """Union-find over event ids, joining only what can be one happening: the dates of a component
    stay compatible (its narrowest dated report against the other's, and the days its reports
    allow overlap), and two reports from one sentence with different triggers or speakers never
    meet.  The root of a component is its smallest id."""

    def __init__(self, infos: dict) -> None:
        self.parent = {i: i for i in infos}
        self.narrowest = {i: (x.window if x.dated else None) for i, x in infos.items()}
        self.days = {i: x.window for i, x in infos.items()}
        self.sentences = {i: dict(x.sentences) for i, x in infos.items()}

    def find(self, i):
        parent = self.parent
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def union(self, i, j) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return
        ni, nj = self.narrowest[ri], self.narrowest[rj]
        if ni is not None and nj is not None and not (_contains(ni, nj) or _contains(nj, ni)):
            return
        di, dj = self.days[ri], self.days[rj]
        days = None
        if di is not None and dj is not None:
            days = (max(di[0], dj[0]), min(di[1], dj[1]))
            if days[0] > days[1]:
                return
        si, sj = self.sentences[ri], self.sentences[rj]
        small, large = (si, sj) if len(si) <= len(sj) else (sj, si)
        if any(large.get(k, g) != g for k, g in small.items()):
            return
        if rj < ri:
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.narrowest[ri] = ni if nj is None or (ni is not None and ni[1] - ni[0] <= nj[1] - nj[0]) else nj
        self.days[ri] = days if days is not None else (di or dj)
        large.update(small)
        self.sentences[ri] = large
        del self.narrowest[rj], self.days[rj], self.sentences[rj]


def join(infos: dict, edges: Iterable[Edge]) -> dict:
    """The root (smallest id) of every event's happening, matches joined strongest first."""
    components = _Components(infos)
    for _, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        components.union(i, j)
    return {i: components.find(i) for i in infos}


def merge_groups(items: Iterable[tuple[Hashable, Event]], roots: dict) -> list[tuple[Hashable, Event]]:
    """``(root, merged event)`` for each happening among ``items``, members in id order."""
    members: dict = defaultdict(list)
    for i, event in sorted(items, key=lambda pair: pair[0]):
        members[roots.get(i, i)].append(event)
    return [(root, _merged(group)) for root, group in members.items()]


def _merged(group: list[Event]) -> Event:
    """One event from its reports: the best-dated report leads; one source per article."""
    if len(group) == 1:
        return group[0]
    dated = [e for e in group if e.date is not None]
    lead = min(dated, key=lambda e: e.date.end - e.date.start) if dated else group[0]
    ordered = [lead] + [e for e in group if e is not lead]
    sources: dict[str, Source] = {}
    for event in ordered:
        for source in event.sources:
            sources.setdefault(source.article_key, source)
    actors: list[str] = []
    for event in ordered:
        actors.extend(a for a in event.actors if a not in actors)
    return lead.model_copy(update={"sources": list(sources.values()), "actors": actors})


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
    reports = [_report(e) for e in events]
    counts: Counter = Counter()
    for report in reports:
        counts.update(report.words)
    totals = WordCounts(len(reports), counts)
    blocks: dict[str, list[int]] = defaultdict(list)
    homes: list[str] = []
    for n, report in enumerate(reports):
        keys = _keys_of(report)
        homes.append(keys[0])
        for key in keys:
            blocks[key].append(n)
    matrix = _matrix(reports, totals)
    heavy = _heaviest(matrix, CANDIDATE_WORDS)
    edges: list[Edge] = []
    for key, members in blocks.items():
        block = [reports[n] for n in members]
        edges += _block_edges(members, block, [homes[n] == key for n in members], matrix[members], heavy[members])
    infos = {n: Info(r.window, r.dated, r.sentences) for n, r in enumerate(reports)}
    roots = join(infos, edges)
    merged = merge_groups(enumerate(events), roots)
    return order_events([event for _, event in sorted(merged, key=lambda pair: pair[0])])
