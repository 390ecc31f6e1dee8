"""Salience: how much each merged event matters to the story, and which are the key events.

Each event gets a :class:`~timeline.models.Salience` whose parts a reader can check::

    score = ln(1 + originals)            originals = articles - copies
          + ln(outlets)                  0 for a single outlet
          + date_mentions / most         the collection's attention to that day, 0..1
          + 0.5 * lead                   told in some article's lead
          + 0.5 * reported               told after the fact, not only anticipated
          + topicality                   how much its words are the story's, 0..1

- ``articles``: distinct articles reporting the event; ``copies``: how many of them are reprints
  (wire copy) or near-duplicates of another of them, so ``articles - copies`` counts each
  original once.  Copies are found by MinHash over word shingles of what each article says
  (the sentences its events come from), with LSH at a Jaccard similarity of
  :data:`COPY_SIMILARITY`: reprints of one wire story differ by a byline or a trimmed
  paragraph and score far above it, two outlets' own accounts of one happening far below.
- ``outlets``: distinct outlets (``Source.source``; an article without one counts on its own).
- ``date_mentions``: how many reports in the whole collection are dated to the event's day (or
  to its very period when it is not known to the day); ``most`` is the largest such count.
- ``lead``: some report's sentence starts in the first :data:`LEAD_CHARS` characters of its
  article.  News leads are the first one or two sentences, of 25-40 words (about 150-250
  characters) each; texts that come one sentence a line (as the t17 collections) or with a
  dateline ("WASHINGTON (Reuters) -") are covered by the same offset.
- ``reported``: the date ends before some report's article appeared, or the tense puts it
  before publication.
- ``topicality``: the mean share of the collection's articles that use the
  :data:`TOPIC_WORDS` most widely used content words of the event's sentence, its time phrase
  aside (two reports of one day share their date, not their story).  A happening of
  the story shares its words ('virus', 'spill', 'embassy'); a sports result or a weather note
  from a wire roundup, reprinted with it, does not, and no longer ranks with the story's key
  events on the strength of its reprints.  (The shares are taken over what each article's
  events say, so its articles' own vocabulary defines the story: no topic word list.)

The key events (``Event.key``) are the best-scored happenings of the story itself: dated to
the day, on a day within the coverage (from :data:`BACKGROUND_DAYS` before the first article to
the last one: anniversaries and history are background), at most :data:`PER_DAY` on one day so
that one busy day does not fill the list, and not a statement beside what it was said at
(:func:`said_at`).  Their number, unless given, grows with the square root of the coverage in
days (:func:`automatic_top`): a month-long story has about 11, a year about 38; but no more than
the happenings two articles tell, unless fewer than MIN_TOP are.  A collection
with no more dated events than that (a few articles) has nothing to choose between: every dated
event is key.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Optional

from timeline.merge import LEAD_CHARS, _HOLD_EVERY, _token, anticipated, frozen_heap, reads_whole, told_after
from timeline.models import Event, Granularity, Relation, Salience, Source, TimeExpression
from timeline.text import name_key

INDEXED_COPIES = 8  # articles of one group of copies that later articles are compared with
COPY_SIMILARITY = 0.6  # Jaccard similarity of two articles' shingles from which one copies the other
SHINGLE_WORDS = 4
MIN_SHINGLES = 5  # articles saying less than this are too short to call copies
PERMUTATIONS = 64
TOPIC_WORDS = 3  # the event's words whose spread over the articles is its topicality
PER_DAY = 2  # key events on one day at most
SPEAKER_REACH = 4  # words before a speaker's name that may name the body they speak for ('VRA director Ana Ruiz')
SAME_WORDS = 2  # content words a title needs for another that holds them all to be one happening (one_happening)
BACKGROUND_DAYS = 30  # happenings before the first article by more than this are background
KEYS_PER_ROOT_DAY = 2  # automatic number of key events (and summary days): twice the square root of the days covered...
MIN_TOP, MAX_TOP = 5, 40  # ... within these bounds

_WORD = re.compile(r"\w+")
_PRECISE = {Granularity.DAY, Granularity.TIME}


def _outlet(source: Source) -> str:
    """An article's outlet, one however its name is written ('Reuters', 'reuters '); an article
    without one is an outlet of its own."""
    return name_key(source.source or "") or source.article_key


def _day_key(event: Event) -> Optional[str]:
    """The day an event is on ('2009-04-29'), or its exact period when not known to the day."""
    if event.date is None:
        return None
    if event.date.granularity in _PRECISE:
        return event.date.start.isoformat()
    return f"{event.date.start.isoformat()}/{event.date.end.isoformat()}"


def date_mentions(events: list[Event]) -> Counter:
    """How many reports (sources of events) refer to each day or period, over the collection."""
    counts: Counter = Counter()
    for event in events:
        key = _day_key(event)
        if key is not None:
            counts[key] += len(event.sources)
    return counts


def _content_words(text: str, stopwords: frozenset[str]) -> set[str]:
    """The words of ``text``, in lower case, that are not stop words, numbers or single letters."""
    return {w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in stopwords and not w.isdigit()}


@lru_cache(maxsize=None)
def _stopwords() -> frozenset[str]:
    from timeline.events import lexicon
    from timeline.merge import LANGUAGE

    return lexicon(LANGUAGE).stopwords


def story_text(sentence: str, expression: Optional[TimeExpression]) -> str:
    """The sentence without its own time phrase: the date words that two reports of one day
    share ('on Saturday, 6 March') say nothing of what the reports are about."""
    return sentence.replace(expression.text, " ", 1) if expression is not None and expression.text else sentence


def word_spread(events: list[Event]) -> tuple[Counter, int]:
    """How many articles use each content word (in the sentences their events come from), and
    how many articles there are."""
    stopwords = _stopwords()
    words: dict[str, set[str]] = defaultdict(set)
    read: set[tuple[str, int]] = set()
    for event in events:
        for source in event.sources:
            key = source.article_key
            if (key, source.sentence_start) not in read:
                read.add((key, source.sentence_start))
                words[key].update(_content_words(story_text(source.sentence, source.time_expression), stopwords))
    return Counter(w for used in words.values() for w in used), len(words)


def topicality(event: Event, spread: Counter, articles: int) -> float:
    """The mean share of articles that use the ``TOPIC_WORDS`` most widely used content words of
    the event's sentence, its time phrase aside (fewer words count as 0), 0..1."""
    return text_topicality(story_text(event.sentence, event.time_expression), spread, articles)


def text_topicality(text: str, spread: Counter, articles: int) -> float:
    """The topicality of a sentence (see :func:`topicality`)."""
    if not articles:
        return 0.0
    shares = sorted((spread[w] / articles for w in _content_words(text, _stopwords())), reverse=True)
    return sum(shares[:TOPIC_WORDS]) / TOPIC_WORDS


def copies_of(events: list[Event]) -> dict[str, str]:
    """Each article that copies another -> the article it copies (the earliest published of its
    group; ties by name).  Articles are known by what their events' sentences say."""
    sentences: dict[str, dict[int, str]] = defaultdict(dict)
    published: dict[str, dt.datetime] = {}
    for event in events:
        for source in event.sources:
            key = source.article_key
            sentences[key][source.sentence_start] = source.sentence
            if source.published is not None:
                published.setdefault(key, source.published.replace(tzinfo=None))
    from datasketch import MinHash, MinHashLSH  # (imported here: reading and extracting need none of it)

    lsh = MinHashLSH(threshold=COPY_SIMILARITY, num_perm=PERMUTATIONS)
    first = MinHash(num_perm=PERMUTATIONS, seed=1)
    hashed: dict[bytes, int] = {}  # a shingle's hash, once however many reprints have it
    hashfunc = first.hashfunc
    indexed: dict[str, MinHash] = {}  # the articles later ones are compared with
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    # Each article is compared with the articles indexed so far, a few of each group of copies
    # (INDEXED_COPIES, so that the index's chance misses of one are made up by another): a copy
    # joins the groups it copies, and a wire story reprinted a thousand times costs some thousands
    # of comparisons, not a million.
    indexed_in: dict[str, int] = defaultdict(int)  # a group's root -> its articles in the index
    for key in sorted(sentences):
        words = _WORD.findall(" ".join(s for _, s in sorted(sentences[key].items())).lower())
        shingles = {" ".join(words[n:n + SHINGLE_WORDS]).encode() for n in range(len(words) - SHINGLE_WORDS + 1)}
        if len(shingles) < MIN_SHINGLES:
            continue
        minhash = MinHash(num_perm=PERMUTATIONS, seed=1, permutations=first.permutations, scheme=first.scheme,
                          hashfunc=lambda shingle: hashed[shingle])
        for shingle in shingles:
            if shingle not in hashed:
                hashed[shingle] = hashfunc(shingle)
        minhash.update_batch(sorted(shingles))
        parent[key] = key
        copied = [other for other in lsh.query(minhash) if minhash.jaccard(indexed[other]) >= COPY_SIMILARITY]
        for other in copied:
            a, b = find(key), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
                indexed_in[min(a, b)] += indexed_in.pop(max(a, b), 0)
        root = find(key)
        if indexed_in[root] < INDEXED_COPIES:
            indexed_in[root] += 1
            indexed[key] = minhash
            lsh.insert(key, minhash)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in parent:
        groups[find(key)].append(key)
    originals: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        first = min(members, key=lambda k: (published.get(k, dt.datetime.max), k))
        originals.update({k: first for k in members if k != first})
    return originals


def salience(event: Event, mentions: Counter, copies: Optional[dict[str, str]] = None,
             most: Optional[int] = None, spread: Optional[tuple[Counter, int]] = None) -> Salience:
    """The salience of one merged event, given the collection's date mentions, copies and word
    spread (:func:`word_spread`; ``most``: the largest of the mentions, when the caller has it
    already)."""
    copies = copies or {}
    articles = {s.article_key for s in event.sources}
    originals = {copies.get(a, a) for a in articles}
    outlets = len({_outlet(s) for s in event.sources})
    key = _day_key(event)
    mentioned = mentions.get(key, 0) if key else 0
    if most is None:
        most = max(mentions.values(), default=0)
    lead = any(s.sentence_start < LEAD_CHARS for s in event.sources)
    reported = told_after(event)
    topical = topicality(event, *spread) if spread is not None else 0.0
    score = (math.log1p(len(originals)) + math.log(max(outlets, 1)) + (mentioned / most if most else 0.0)
             + 0.5 * lead + 0.5 * reported + topical)
    return Salience(score=round(score, 4), articles=len(articles), outlets=outlets, date_mentions=mentioned,
                    lead=lead, reported=reported, copies=len(articles) - len(originals),
                    topicality=round(topical, 4))


def _coverage(events: list[Event]) -> Optional[tuple[dt.date, dt.date]]:
    days = [s.published.date() for e in events for s in e.sources if s.published is not None]
    return (min(days), max(days)) if days else None


def automatic_top(events: list[Event]) -> int:
    """How many key events when the caller does not say: twice the square root of the days of
    coverage (first to last publication), at least MIN_TOP and at most MAX_TOP.  A week's news
    gets 5, a month's 11, four months' 22 and a year's 38: a short story is told day by day (the
    journalists' timelines of a fortnight list most of its days), a long one by its turning points.
    A single day's news gets MIN_TOP.  (:func:`score_events` keys no more than the happenings two
    articles tell, unless fewer than MIN_TOP are: a story of few articles over a long time has
    few turning points, not 38 told once each.)"""
    coverage = _coverage(events)
    days = (coverage[1] - coverage[0]).days + 1 if coverage else 0
    return count_for_span(days, MIN_TOP, MAX_TOP)


def count_for_span(days: int, least: int, most: int) -> int:
    """How many key events, or summary days, ``days`` of coverage call for: twice their square
    root, from ``least`` to ``most``."""
    return max(least, min(most, round(KEYS_PER_ROOT_DAY * math.sqrt(days))))


def _candidate(event: Event, coverage: Optional[tuple[dt.date, dt.date]]) -> bool:
    """Whether ``event`` may be a key event: dated precisely, in or just before the collection's
    coverage, titled by more than its happening's noun ('The blast', 'The accident' tell a reader
    nothing the day does not), and not only anticipated: a forecast or a plan no report of its day
    or after tells ('Drilling of the relief well could resume by Thursday') is no happening of the
    story."""
    if event.date is None or event.date.granularity not in _PRECISE or len(_title_stems(event.title)) < 2:
        return False
    if anticipated(event) or not reads_whole(event.title, shortest=2):
        return False  # (nor one whose title leans on what the reader cannot see: 'Her son also died')
    if coverage is None:
        return True
    start = event.date.start.toordinal()  # ordinals: no overflow at the calendar's edges
    return coverage[0].toordinal() - BACKGROUND_DAYS <= start <= coverage[1].toordinal()


def score_events(events: list[Event], top: Optional[int] = None) -> list[Event]:
    """The events with their salience, the ``top`` best-scored happenings of the story marked
    key (default :func:`automatic_top`); order is kept."""
    with frozen_heap() as hold:
        return _score_events(events, top, hold)


def _score_events(events: list[Event], top: Optional[int], hold) -> list[Event]:
    mentions = date_mentions(events)
    copies = copies_of(events)
    spread = word_spread(events)
    most = max(mentions.values(), default=0)
    scored: list[Event] = []
    for start in range(0, len(events), _HOLD_EVERY):  # (set aside as they come: they are kept)
        scored += [e.model_copy(update={"salience": salience(e, mentions, copies, most, spread), "key": False})
                   for e in events[start:start + _HOLD_EVERY]]
        hold()
    coverage = _coverage(events)
    candidates = [i for i, e in enumerate(scored) if _candidate(e, coverage)]
    limit = automatic_top(events) if top is None else max(0, top)
    if top is None:  # no more than the happenings two articles tell, unless fewer than MIN_TOP are
        limit = min(limit, max(MIN_TOP, sum(scored[i].salience.articles >= 2 for i in candidates)))
    dated = [i for i, e in enumerate(scored) if e.date is not None]
    if len(dated) <= limit:  # nothing to choose between: every dated event is key
        for i in dated:
            scored[i] = scored[i].model_copy(update={"key": True})
        return scored
    ranked = sorted(candidates, key=lambda i: (-scored[i].salience.score, i))
    on_day: dict[dt.date, list[Event]] = defaultdict(list)  # the key events of each day
    chosen = 0
    for i in ranked:
        if chosen >= limit:
            break
        day = scored[i].date.start
        if len(on_day[day]) >= PER_DAY or any(one_happening(scored[i], other) for other in on_day[day]):
            continue
        on_day[day].append(scored[i])
        chosen += 1
        scored[i] = scored[i].model_copy(update={"key": True})
    return scored


def one_happening(one: Event, other: Event) -> bool:
    """Whether two events of a day are one happening for the key events: a statement made at the
    other (:func:`said_at`), two statements by one speaker (a body and its initials: 'World Health
    Organization' and 'WHO Director-General Margaret Chan', or 'WHO spokesman Gregory Hartl'), two
    doings of one person that an article tells both of (:func:`_same_person`), or
    titles in the same words: every content word of the shorter one, stemmed, in the other, and at
    least ``SAME_WORDS`` of them ('BP capped the well', 'The well was capped by BP'; not 'Police
    arrested two men' and 'Police released two men')."""
    if said_at(one, other):
        return True
    if one.kind == other.kind == "statement" and (_same_speaker(_speaker(one), _speaker(other))
                                                  or _speaks_for(one, other) or _speaks_for(other, one)):
        return True
    if one.kind == other.kind == "occurrence" and _same_person(one, other):
        return True
    a, b = _title_stems(one.title), _title_stems(other.title)
    fewer, more = (a, b) if len(a) <= len(b) else (b, a)
    return len(fewer) >= SAME_WORDS and fewer <= more


def _same_person(one: Event, other: Event) -> bool:
    """Whether two happenings of a day are one person's doing, told by one article at least: their
    first actors are named by two capitalised words or more (a person, or a body: 'World Health
    Organization'), the one's whole name ending the other's ('Tony Hayward appears before a US
    Congress committee', 'BP CEO Tony Hayward testifying before an Energy and Environment
    subcommittee'; not 'Hillary Clinton' and 'Bill Clinton', 'North Korea' and 'South Korea', nor
    'Police arrested two men', 'Police released two men')."""
    names = [event.actors[0].split() if event.actors else [] for event in (one, other)]
    if not all(len(name) >= 2 and all(word[:1].isupper() for word in name[-2:]) and name[-1].isalpha()
               for name in names):
        return False
    shorter, longer = sorted(names, key=len)
    return longer[len(longer) - len(shorter):] == shorter and bool(  # (the whole name: not 'North Korea', 'South Korea')
        {s.article_key for s in one.sources} & {s.article_key for s in other.sources})


def _speaker(statement: Event) -> str:
    return statement.title.partition(": ")[0] if ": " in statement.title else ""


def _same_speaker(one: str, other: str) -> bool:
    """Whether two speakers are one: the same name, or one of them named by the other's initials."""
    if not one or not other:
        return False
    if one.casefold() == other.casefold():
        return True
    return bool(_initials(one) & set(other.split()) or _initials(other) & set(one.split()))


def _speaks_for(body: Event, statement: Event) -> bool:
    """Whether ``statement``'s speaker speaks for ``body``'s: the body's initials stand in the
    statement's sentence right before the speaker's name ('VRA director Ana Ruiz said', beside
    'The Vesna River Authority said')."""
    speaker, initials = _speaker(statement), _initials(_speaker(body))
    at = statement.sentence.find(speaker) if speaker and initials else -1
    return at > 0 and bool(initials & set(statement.sentence[:at].split()[-SPEAKER_REACH:]))


def _initials(name: str) -> set[str]:
    """The initials of a name of several capitalised words ('World Health Organization': 'WHO'),
    as a one-item set (empty for a name of one word)."""
    from timeline.events import lexicon
    from timeline.merge import LANGUAGE

    joiners = lexicon(LANGUAGE).joiners
    words = [w for w in name.split() if w.lower() not in joiners]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return set()
    return {"".join(w[0] for w in words)}


def _title_stems(title: str) -> set[str]:
    """A title's content words, what a statement says without its speaker, each stemmed (as the
    merge reads words: :func:`timeline.merge._token`), numbers aside."""
    said = title.partition(": ")[2] if ": " in title else title
    return {stem for stem, _, _ in map(_token, _WORD.findall(said)) if stem is not None and not stem.isdigit()}


def said_at(one: Event, other: Event) -> bool:
    """Whether one of two events of a day is a statement made at the other: its speaker (the
    statement's first actor) is among the other's actors, by last name, and an article reports
    both.  "Obama used his first Oval Office address" and "Obama: ... committed to making sure"
    are one happening, and take one key event's place, not two."""
    for statement, happening in ((one, other), (other, one)):
        if statement.kind != "statement" or not statement.actors:
            continue
        last_name = statement.actors[0].split()[-1:]
        if (last_name and any(actor.split()[-1:] == last_name for actor in happening.actors)
                and {s.article_key for s in statement.sources} & {s.article_key for s in happening.sources}):
            return True
    return False
