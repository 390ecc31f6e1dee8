"""Assembly: the events of an article, sentence by sentence, from its time expressions."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import defaultdict
from typing import Iterator, Optional, Sequence

from timeline.events.anchoring import anchor_trigger
from timeline.events.clauses import _main_verb, _predicate, medium_verb, occasion_preposition, reports_an_act
from timeline.events.lexicon import lexicon
from timeline.events.people import People
from timeline.events.sentence import _BREAKS, Parsed, _verb_group, entry_text_start, parse
from timeline.events.titles import _title_word, capped, denial_verb, negated, occurrence_title, statement_title
from timeline.lang import DEFAULT_LANGUAGE
from timeline.models import (
    Article,
    DateSpan,
    Event,
    Granularity,
    Relation,
    Source,
    Span,
    TimeExpression,
    coerce_published,
    require,
)
from timeline.temporal.calendar import side_of, timex_span
from timeline.temporal.engine import counted_rules
from timeline.text import (ENTRY_MARKS, Sentence, asks, news_sentences, no_lone_surrogates, opens_entry,
                           split_sentences)


def _source(source, published) -> Source:
    """The article the events come from, dated ``published`` when it has no date of its own."""
    if isinstance(source, Source):
        return source.model_copy(update={"published": source.published or published})
    if isinstance(source, Article):
        return Source(title=source.title, url=source.url, path=source.path, source=source.source,
                      published=source.published or published)
    return Source(published=published)


def _event_id(source: Source, sentence: str, trigger: int, expression: Optional[TimeExpression]) -> str:
    """Stable and derived from content: the article, the sentence, the trigger and the
    expression dating it (unique in a timeline, even for articles with no path or url)."""
    where = source.path or source.url or source.title or ""
    key = f"{where}\n{sentence}\n{trigger}\n{expression.start if expression else ''}"
    return hashlib.sha1(key.encode("utf-8", errors="surrogatepass")).hexdigest()[:12]


def _relation_to(span: DateSpan, published) -> Relation:
    if published is None:
        return Relation.UNKNOWN
    day = published.date()
    if span.end < day:
        return Relation.BEFORE
    if span.start > day:
        return Relation.AFTER
    return Relation.OVERLAP


def _beyond(value: str, published) -> Relation:
    """The side of publication of a value with no calendar period: a year past the calendar
    ('BC4984', '10000') lies before or after it; an unresolved one ('XXXX-09') is unknown."""
    side = side_of(value, published.date()) if published is not None else None
    return {-1: Relation.BEFORE, 1: Relation.AFTER}.get(side, Relation.UNKNOWN)


# TIMEX3 reference values: no calendar period, but a side of the publication moment.
_REFERENCES = {"PAST_REF": Relation.BEFORE, "PRESENT_REF": Relation.OVERLAP, "FUTURE_REF": Relation.AFTER}


def _expression_place(expression: TimeExpression, starts: list[int], ends: list[int],
                      published) -> tuple[int, int, Optional[DateSpan], Relation, bool] | None:
    """Where a date or time stands in its parsed sentence (``starts`` and ``ends``: its tokens'
    offsets) and what anchoring needs to know of it: ``(first, last, span, timing, day)``, its
    first and last tokens, its calendar period, its side of publication and whether it is a day
    or finer; None when it covers no token.  Anchoring and its training both read expressions
    through this, so the model is fitted on what it sees at run time."""
    first = bisect.bisect_right(ends, expression.start)  # the first token ending after its start
    last = bisect.bisect_left(starts, expression.end) - 1  # the last token starting before its end
    if first >= len(ends) or last < 0:
        return None
    # a value with no calendar period ('PAST_REF', '1989-WXX') anchors an undated event
    span = timex_span(expression.value)
    timing = _relation_to(span, published) if span \
        else _REFERENCES.get(expression.value) or _beyond(expression.value, published)
    day = span is None or span.granularity in (Granularity.DAY, Granularity.TIME)
    return first, last, span, timing, day


def events_from_expressions(
    text: str,
    expressions: Sequence[TimeExpression],
    published=None,
    source=None,
    lang: str = DEFAULT_LANGUAGE,
    sentences: Sequence[Sentence] | None = None,
) -> list[Event]:
    """The events of ``text`` given its time expressions, in article order.

    ``source`` is an Article or Source (or None); ``published`` (a datetime, date or ISO string)
    defaults to the source's.  ``sentences`` is the text's split when the caller has it.  The
    readers' comments scraped with an article tell no events (:func:`timeline.text.news_sentences`),
    nor do the writer's own questions (:func:`timeline.text.asks`).
    """
    lex = lexicon(lang)
    text = no_lone_surrogates(text)  # (a caller's text: the events must be writable)
    published = coerce_published(published) or getattr(source, "published", None)
    base = _source(source, published)
    people = People()
    events: list[Event] = []
    ordered = sorted(expressions, key=lambda e: e.start)
    lo = hi = 0  # ordered[lo:hi]: the expressions that may overlap the sentence (sentences in order)
    if sentences is None:
        sentences = split_sentences(text, lang)
    for sentence in news_sentences(sentences, lang, text):
        while hi < len(ordered) and ordered[hi].start < sentence.end:
            hi += 1
        while lo < hi and ordered[lo].end <= sentence.start:
            lo += 1
        if asks(sentence.text):
            continue  # (a question reports no happening: 'Should anyone be fired?')
        inside = [e for e in ordered[lo:hi] if e.end > sentence.start]
        s = parse(sentence, inside, lex)
        tokens, classes = s.tokens, s.classes
        if not tokens:
            continue
        people.observe(s)
        told = len(events)  # (the events of this sentence are events[told:])
        used: set[int] = set()
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        stamps = [e for e in inside if _stamp(sentence, e)]
        anchored = []  # each date and time of the sentence with the word it dates
        for expression in [e for e in inside if e not in stamps] + stamps:
            if expression.type not in ("DATE", "TIME"):
                continue  # durations and sets date nothing
            place = _expression_place(expression, starts, ends, published)
            if place is None:
                continue
            first, last, span, timing, day = place
            trigger = _saying_set(s, anchor_trigger(s, first, last, timing, day))
            anchored.append((expression, first, last, span, timing, day, trigger))
        referred = _reference_times(s, anchored, counted_rules(lang))
        for expression, first, last, span, timing, day, trigger in anchored:
            if first in referred:
                continue  # ('Schools reopened on Monday, weeks after the lockdown on March 23': not on March 23)
            if trigger is None or (span is None and (classes[trigger].state
                                                     or not (classes[trigger].verb or classes[trigger].noun))):
                continue  # ('the current level': no happening to place on the reference)
            if trigger < first and first > 0 and tokens[first - 1].low in lex.period_ends \
                    and not any(t.low in lex.negations for t in tokens[max(0, trigger - 3):first]) \
                    and not (span is not None and _moves_plan(s, trigger, first - 1)):
                continue  # ('closed all schools until May 6': the closing is not on May 6; not 'won't reopen
                # until', nor 'was postponed until April 10', the day the hearing is now on)
            if _in_apposition(s, first, last, trigger):
                continue  # ('Crewe, 52, the MP for Northfield since 2010, resigned': she did not resign in 2010)
            if expression in stamps and trigger in used:
                continue  # ('0915 GMT: Residents fled the city on Sunday': they fled on Sunday)
            if _denied(s, trigger):
                continue  # ('Peskov denied he met Moon on Monday': no meeting to place on Monday)
            if _unrealized(s, first, last, day):
                continue  # ('The hearing had been scheduled for 8 April but was postponed')
            used.update((trigger, _title_word(s, trigger), medium_verb(s, trigger)))  # one event a clause
            used.update(_same_clause_verbs(s, trigger))
            relation = timing if timing != Relation.UNKNOWN else classes[trigger].relation
            events.append(_event(s, trigger, base, people, expression=expression, span=span, relation=relation))
        for expression in inside:
            counted = _counted_from(s, expression, inside, text, starts)
            if counted is not None and counted[0] not in used:
                trigger, dated, span = counted
                used.add(trigger)
                events.append(_event(s, trigger, base, people, expression=dated, span=span,
                                     relation=_relation_to(span, published)))
        main = _main_verb(s)
        if main is not None and main not in used:
            used.add(main)
            event = _event(s, main, base, people, relation=classes[main].relation)
            # (a denial tells no happening: 'Peskov denied he met Moon' is a saying of its own)
            k = None if denial_verb(s, main) is not None else _retold(event, events, sentence.start, lex)
            if any(e.title == event.title for e in events[told:]):
                pass  # (the clause already titles a dated event of the sentence)
            elif k is None:
                events.append(event)
            elif _names_pronoun(event, events[k], lex):
                # ('Landrieu said she had received donations on Monday': the dated happening is hers)
                events[k] = events[k].model_copy(update={
                    "title": event.title, "actors": list(dict.fromkeys(event.actors + events[k].actors))})
        for k in _occasions(s):
            said = medium_verb(s, k)  # (the setting of a statement told is no event of its own)
            if k not in used and (said is None or said not in used):
                events.append(_event(s, k, base, people, relation=_tense_near(s, k)))
    return events


def _stamp(sentence: Sentence, expression: TimeExpression) -> bool:
    """Whether ``expression`` is a clock time that stamps the entry it opens, as a live page's
    ('0915 GMT: Residents fled the city on Sunday'): at the sentence's start (after a bullet, or
    the page's label of an entry: 'UPDATE 9:15 a.m. ET: ...', ``page/entry_labels.txt``), a colon
    or a dash after it."""
    if expression.type != "TIME":
        return False
    at, end = expression.start - sentence.start, expression.end - sentence.start
    return 0 <= at and opens_entry(sentence.text[:at]) and sentence.text[end:end + 4].lstrip().startswith(tuple(ENTRY_MARKS))


REFERENCE_REACH = 6  # tokens between a reference word and the time it opens, at most


def _reference_times(s: Parsed, anchored, counted: frozenset[str]) -> set[int]:
    """The first tokens of the times that only tell what another time of the same word is
    reckoned from: the word is dated by a time of its own, and this one follows a reference word
    (``reference_words.txt``) within ``REFERENCE_REACH`` tokens, no break nor verb between ('Schools
    reopened on Monday, weeks after the lockdown on March 23', 'Flights resumed on Tuesday for the
    first time since May 3').  Two times of a word that are both its own stay ('walked out on May 2
    and again on May 9'), as does a reference when the word has no other ('returned home after the
    vote on Friday' is undated otherwise); and so do the baselines of comparisons (:func:`_baseline`),
    whatever else the word has."""
    times: dict[int, list[int]] = defaultdict(list)  # each dated word's times (their first tokens)
    for _expression, first, _last, _span, _timing, _day, trigger in anchored:
        if trigger is not None:
            times[trigger].append(first)
    referred = {first for expression, first, last, _span, timing, _day, trigger in anchored
                if timing == Relation.BEFORE
                and _baseline(s, first, last, expression.rule in counted, len(times[trigger]) > 1)}
    for firsts in times.values():
        if len(firsts) > 1:  # (most words have one time: nothing to read)
            references = {first for first in firsts if _after_reference_word(s, first)}
            if len(references) < len(firsts):
                referred |= references
    return referred


def _baseline(s: Parsed, first: int, last: int, counted: bool, other: bool) -> bool:
    """Whether the time at ``first``..``last`` is a comparison's baseline: a comparison word
    (``comparison_words.txt``) opens its phrase within ``REFERENCE_REACH`` tokens, no break nor
    verb between, and the time is counted from another (``counted``: 'compared with 3,626 cases a week
    earlier', 'from $806m a year earlier', 'fell 3 percent from a month earlier'), or an amount
    stands between them and the word dated has a time of its own (``other``: 'rose to 45 on
    Wednesday from 30 on Tuesday').  Not 'rose to 45 from 30 on Tuesday', the rise's day in wire
    copy, nor 'Troops withdrew from Route 1 on Monday', nor either end of a range: 'rose from
    5,000 to 7,000 on Thursday', 'grew from 1,150 sq miles on Thursday to 3,850'."""
    if any(t.low in s.lex.infinitive for t in s.tokens[last + 1:last + 3]):
        return False
    k = _phrase_opener(s, first, s.lex.comparison_words, s.lex.infinitive)
    if k is None:
        return False
    amount = any(any(c.isdigit() for c in s.tokens[j].text) and not s.timed[j] for j in range(k + 1, first))
    return (counted and (amount or k == first - 1)) or (amount and other)


def _after_reference_word(s: Parsed, first: int) -> bool:
    """Whether a reference word ('since', 'after') opens the phrase of the time at ``first``."""
    return _phrase_opener(s, first, s.lex.reference_words) is not None


def _phrase_opener(s: Parsed, first: int, words: frozenset[str], stops: frozenset[str] = frozenset()) -> int | None:
    """The token of ``words`` that opens the phrase of the time at ``first``, within
    ``REFERENCE_REACH`` tokens before it; None where a break, a verb or a word of ``stops`` comes
    first."""
    tokens, classes = s.tokens, s.classes
    for k in range(first - 1, max(-1, first - 1 - REFERENCE_REACH), -1):
        if tokens[k].low in words:
            return k
        if tokens[k].text in _BREAKS or classes[k].verb or classes[k].finite or tokens[k].low in stops:
            return None
    return None


def _in_apposition(s: Parsed, first: int, last: int, trigger: int) -> bool:
    """Whether the time at ``first``..``last`` sits in a noun phrase set off by commas after a
    noun (or by a comma and the sentence's end), opened by a determiner or a preposition before a
    bare noun and with no verb of its own ('Crewe, the MP for Northfield since 2010, resigned',
    'The strike, the first since 1989, ended', 'It held its second test on Monday, its first
    since May 2009.', 'Kaldane, in power since 2010, has not spoken'), the time after a preposition
    other than 'in', 'at', 'from' or 'during', and the ``trigger`` outside it: the time tells the
    phrase's state, not the happening ('The last outbreak, a pandemic in 1968, killed a million'
    keeps its year: the phrase names the happening).  Not a phrase of time or place ('In Paris,
    on Monday, protesters marched'), nor one a clause goes on to tell ('the 1979 Ixtoc disaster,
    which took 10 months')."""
    tokens, classes = s.tokens, s.classes
    opening = next((k for k in range(first - 1, -1, -1) if tokens[k].text in _BREAKS), None)
    closing = next((k for k in range(last + 1, len(tokens)) if tokens[k].text in _BREAKS), None)
    ends = closing is None and opening is not None and trigger < opening  # (set off up to the sentence's end)
    if ends:
        closing = len(tokens)
    if opening is None or closing is None or opening < 1 or tokens[opening].text != "," \
            or (not ends and (tokens[closing].text != "," or closing + 1 >= len(tokens))) \
            or opening <= trigger <= closing:
        return False
    lex, inside = s.lex, range(opening + 1, closing)
    opener = tokens[opening + 1].low
    bare = (opener in lex.prepositions and opening + 2 < first - 1 and tokens[opening + 2].low not in lex.determiners
            and not s.timed[opening + 2])  # ('Kaldane, in power since 2010, has not spoken')
    return ((opener in lex.determiners or bare) and not s.timed[opening + 1]
            # ('since 2010'; not 'the 1968 flu' nor 'a pandemic in 1968', which may date the happening itself)
            and tokens[first - 1].low in lex.prepositions and tokens[first - 1].low not in lex.settings
            and not (classes[opening - 1].verb or classes[opening - 1].finite)
            and (ends or tokens[closing + 1].low not in lex.clause)  # (relatives among them)
            and not any(classes[k].verb or classes[k].finite or tokens[k].low in lex.auxiliaries
                        for k in inside if not s.timed[k]))  # (the time's own words: 'since May 2009')


def _saying_set(s: Parsed, trigger: Optional[int]) -> Optional[int]:
    """The main clause's saying for a ``trigger`` that opens the sentence as the participle of
    its setting ('Speaking on US television on Wednesday, Mr Hayward said ...', 'Standing
    outside BP's offices Thursday, Ken Salazar said ...'), or that stands in a setting phrase
    opening it ('In a letter released on Tuesday, Crewe said ...'): the setting tells when the
    saying was, it is no happening of its own; ``trigger`` otherwise."""
    if trigger is None:
        return None
    tokens, classes, lex = s.tokens, s.classes, s.lex
    opening = not any(not (s.timed[k] or tokens[k].text in _BREAKS) for k in range(trigger))
    participle = opening and not classes[trigger].finite and lex.gerund(tokens[trigger].low)
    # ('In a letter released on Tuesday, Crewe said ...', 'At a briefing on Monday, BP said ...';
    # not 'In the fiscal year ended Jan. 31, the company reported ...': a time before it)
    setting = tokens[0].low in lex.settings and not any(tokens[k].text == "," or s.timed[k] for k in range(trigger))
    if not (participle or setting):
        return trigger
    main = _main_verb(s)
    comma = next((k for k in range(trigger + 1, main) if tokens[k].text == ","), None) if main is not None else None
    if comma is None or not classes[main].reporting or any(
            classes[k].finite or tokens[k].low in lex.auxiliaries for k in range(trigger + 1, comma)):
        return trigger  # (not a gerund that is the subject: 'Cleaning up the birds in 2005 was hard, he said')
    return main


def _retold(statement: Event, events: Sequence[Event], sentence_start: int, lex) -> Optional[int]:
    """The index among ``events`` of the dated event of its own sentence that tells all that
    ``statement``, an undated saying, says, or None: in "Police arrested her on Tuesday, her party
    said" the party's saying is the arrest, told once, on its day.  A saying whose pronoun was
    joined to its speaker ('Peskov met Moon', from "Peskov said he met Moon on Monday") is told by
    the dated event that has the pronoun ('He met Moon')."""
    if statement.kind != "statement" or statement.date is not None:
        return None
    joined = ": " not in statement.title
    said = _plain_title(statement.title.split(": ", 1)[-1], lex.determiners)
    for k in range(len(events) - 1, -1, -1):  # (the events of its sentence are the last ones)
        event = events[k]
        if event.sources[0].sentence_start != sentence_start:
            return None
        if event.date is None:
            continue
        told = _plain_title(event.title, lex.determiners)
        if told == said:
            return k
        if joined and _names_pronoun(statement, event, lex):
            return k
    return None


DENIAL_REACH = 8  # words looked back over from a happening for a denial of it


def _denied(s: Parsed, k: int) -> bool:
    """Whether the word at ``k`` tells what its clause's saying denies: a verb of the language's
    ``denial_verbs.txt`` before it, with no break between, that opens a clause or a report ('Peskov
    denied he met Moon', 'denied that', 'dismissed reports that'), or a verb of saying after an
    adverb of the language's ``mistaken_adverbs.txt`` opening a clause (a correction: 'erroneously
    reported that'); not 'Peskov, who denied wrongdoing, met Moon', 'a treaty he had rejected', 'the
    number of denied claims fell', nor 'did not deny he met Moon')."""
    tokens, lex = s.tokens, s.lex
    for j in range(k - 1, max(-1, k - DENIAL_REACH - 1), -1):
        if tokens[j].text in _BREAKS:
            return False
        if tokens[j].low in lex.denials:
            after, before = tokens[j + 1].low, tokens[j - 1].low if j else ""
            says = after == "that" or after in lex.subjects or (after in lex.reporting and after.endswith("s"))
            return says and before not in lex.determiners and before not in lex.prepositions and not negated(s, j)
        if tokens[j].low in lex.reporting and j and tokens[j - 1].low in lex.mistaken:
            # (a correction: 'erroneously reported that voting took place on Sept. 17'; not what was
            # done to the report: 'wrongly reported the figures and corrected them on Monday')
            return tokens[j + 1].low == "that" or tokens[j + 1].low in lex.subjects
    return False


def _unrealized(s: Parsed, first: int, last: int, day: bool = True) -> bool:
    """Whether the time expression of tokens ``first`` to ``last`` names the day a happening was
    planned for and did not take place on, as a phrase of the language's ``unrealized_dates.tsv``
    tells: before it in its clause with no other time between ('was to have been unveiled on 5
    June', 'had been scheduled for 8 April'), a verb of moving a plan with 'from' right before a
    day (``day``: 'postponed the vote from Tuesday to Thursday'), or after it in its clause with no
    verb of a clause nor another time between ('Today the car should have been unveiled'), the
    date being part of the subject for a verb of calling off ('The June 5 launch was cancelled',
    'talks planned for June 5 were cancelled'), or a plan before it in its clause that the sentence
    calls off right after ('The trial, scheduled for May 2, was postponed')."""
    tokens, timed, classes, lex = s.tokens, s.timed, s.classes, s.lex
    phrases = lex.unrealized
    if not phrases:
        return False
    start = first
    while start > 0 and not timed[start - 1] and tokens[start - 1].text not in _BREAKS \
            and tokens[start - 1].low not in lex.clause:
        start -= 1
    before = tuple(t.low for t in tokens[start:first])
    if _holds_any(before, lex, "before"):
        return True
    if day and before[-1:] == ("from",) and _holds_any(before[:-1], lex, "from"):
        return True
    if _holds_any(before, lex, "plan") \
            and (_called_off(s, last) or _calling_off_follows(s, last)):
        # ('The trial, scheduled for May 2, was postponed', 'talks due to open in Geneva on May 2 were put off')
        return True
    if _plan_moved_or_dropped(s, start, first):
        return True  # ('postponed the elections scheduled for July 17', 'cancelled the gig due on June 3')
    planned = next((k for k in range(first - 1, start - 1, -1) if classes[k].verb), None)  # (the last verb)
    if planned is not None and _planned_for(s, planned, first):
        # the date is part of a subject, with the happening planned for it: 'a burial planned for
        # Saturday had been postponed' (the clause begins at that noun phrase)
        head = start = planned - 1
        while start > 0 and not classes[start - 1].verb and tokens[start - 1].text not in _BREAKS \
                and (tokens[start - 1].low in lex.determiners or tokens[start - 1].low not in lex.function_words):
            start -= 1
    elif any(classes[k].verb for k in range(start, first)):
        return False  # (a date of its own verb's: 'said on Monday (that) it would have been a mistake')
    else:
        head = first - 1 - (first > start and tokens[first - 1].low in lex.date_prepositions)
    end = last + 1
    while end < len(tokens) and not timed[end] and tokens[end].text not in _BREAKS \
            and tokens[end].low not in lex.clause:
        end += 1
    after = [t.low for t in tokens[last + 1:end]]
    in_subject = head >= start and (tokens[head].low in lex.determiners or _common_word(s, head))
    for where in ("after", "subject") if in_subject else ("after",):
        for phrase in _phrases_in(after, lex, where):
            at = _found_at(after, phrase)
            if at is not None and not any(classes[m].finite for m in range(last + 1, last + 1 + at)):
                return True
    return False


def _common_word(s: Parsed, k: int) -> bool:
    """Whether token ``k`` is a content word in lower case (or capitalised only as its sentence's
    first word, or an entry's after its date): a noun of a subject, not a name or a function word."""
    token = s.tokens[k]
    first = k == 0 or k == entry_text_start(s)  # (or the first after a chronology entry's date: 'Oct. 19 - Talks ...')
    return token.text.isalpha() and (token.text[0].islower() or first) and token.low not in s.lex.function_words


def _called_off(s: Parsed, last: int) -> bool:
    """Whether the clause of the time ending at token ``last`` is followed, past a comma or a
    clause word ('but'), by the calling off of its subject's happening, told with no subject of its
    own (a 'subject' phrase of ``unrealized_dates.tsv``: '..., was postponed', '... but was
    cancelled')."""
    tokens, timed, lex = s.tokens, s.timed, s.lex
    end = last + 1
    while end < len(tokens) and not timed[end] and tokens[end].text not in _BREAKS and tokens[end].low not in lex.clause:
        end += 1
    if end >= len(tokens) or not (tokens[end].text == "," or tokens[end].low in lex.clause):
        return False
    return _calls_off_at(s, end + 1)


def _calling_off_follows(s: Parsed, last: int) -> bool:
    """Whether the words after the time ending at token ``last``, in its clause, from its first
    finite verb or auxiliary on, call its happening off (a 'subject' phrase of
    ``unrealized_dates.tsv``: 'talks due to open in Geneva on May 2 were put off')."""
    tokens, timed, classes, lex = s.tokens, s.timed, s.classes, s.lex
    end = last + 1
    while end < len(tokens) and not timed[end] and tokens[end].text not in _BREAKS \
            and tokens[end].low not in lex.clause and not classes[end].finite \
            and tokens[end].low not in lex.auxiliaries:
        end += 1
    return _calls_off_at(s, end)


def _calls_off_at(s: Parsed, at: int) -> bool:
    """Whether a 'subject' phrase of ``unrealized_dates.tsv`` ('was postponed') starts at token ``at``."""
    phrases = s.lex.unrealized.get("subject", ())
    after = tuple(t.low for t in s.tokens[at:at + max(map(len, phrases), default=0)])
    return any(after[:len(phrase)] == phrase for phrase in phrases)


def _planned_for(s: Parsed, k: int, first: int) -> bool:
    """Whether the verb at ``k`` is a participle of planning after its noun, with only date
    prepositions up to the date at ``first``: part of the subject, not a verb of the clause ('talks
    planned for June 5 were cancelled', 'a burial scheduled for Saturday had been postponed')."""
    tokens, lex = s.tokens, s.lex
    noun = k > 0 and _common_word(s, k - 1)
    stem = lex.stem(tokens[k].low)  # ('planned' is 'plann': a doubled last letter)
    return (noun and (stem in lex.plans or stem[:-1] in lex.plans) and _verb_group(s, k)[1] == ""
            and all(tokens[m].low in ("for", "on") or tokens[m].low in lex.date_prepositions for m in range(k + 1, first)))


def _plan_moved_or_dropped(s: Parsed, start: int, first: int) -> bool:
    """Whether the date at token ``first``, in a clause from ``start``, is what a plan was made for
    (a 'plan' phrase of ``unrealized_dates.tsv`` after its noun, then only the date's prepositions:
    'the elections scheduled for', 'the gig due on'), the plan being the object of a verb that calls
    it off or moves it before that in the clause (an 'object' phrase: 'postponed the elections
    scheduled for July 17 to October 23', 'adjourned the hearing set for May 9'; not 'postponed the
    elections to October 23', 'approved the budget due on Monday')."""
    tokens, lex = s.tokens, s.lex
    words = tuple(t.low for t in tokens[start:first])
    for phrase in _phrases_in(words, lex, "plan"):
        at = _found_at(words, phrase)
        if at is None or at == 0 or not _common_word(s, start + at - 1):
            continue
        if all(w in ("for", "on") or w in lex.date_prepositions for w in words[at + len(phrase):]) \
                and _holds_any(words[:at - 1], lex, "object"):
            return True
    return False


def _moves_plan(s: Parsed, start: int, end: int) -> bool:
    """Whether tokens ``start`` to ``end`` (not included) hold a verb of moving a plan ('postponed',
    'pushed back': the language's ``unrealized_dates.tsv``, where 'from' names the old day)."""
    words = tuple(t.low for t in s.tokens[start:end])
    return _holds_any(words, s.lex, "from")


def _holds_any(words: Sequence[str], lex, where: str) -> bool:
    """Whether a phrase of ``unrealized_dates.tsv`` for ``where`` stands in ``words``."""
    return any(_holds(words, phrase) for phrase in _phrases_in(words, lex, where))


def _phrases_in(words: Sequence[str], lex, where: str) -> Iterator[tuple[str, ...]]:
    """The phrases of ``unrealized_dates.tsv`` for ``where`` whose first word is among ``words``
    (only those can stand in them), by the order of those words."""
    by_first = lex.unrealized_firsts.get(where, {})
    for word in dict.fromkeys(words):
        yield from by_first.get(word, ())


def _holds(words: Sequence[str], phrase: tuple[str, ...]) -> bool:
    return _found_at(words, phrase) is not None


def _found_at(words: Sequence[str], phrase: tuple[str, ...]) -> Optional[int]:
    """Where ``phrase`` first stands in ``words``, or None."""
    if phrase and phrase[0] not in words:  # (most phrases' first word is not there at all)
        return None
    n = len(phrase)
    return next((i for i in range(len(words) - n + 1) if tuple(words[i:i + n]) == phrase), None)


def _names_pronoun(statement: Event, dated: Event, lex) -> bool:
    """Whether ``statement``'s title is ``dated``'s with its opening pronoun named as one of the
    statement's actors ('Landrieu had received donations' for 'She had received donations')."""
    pronoun, _, rest = dated.title.partition(" ")
    title = statement.title.rstrip(" .!?")
    if ": " in title or not rest or pronoun.casefold() not in lex.pronouns \
            or not title.casefold().endswith(" " + rest.rstrip(" .!?").casefold()):
        return False
    named = title[:len(title) - len(rest.rstrip(" .!?"))].strip().casefold()
    return any(actor.casefold() == named for actor in statement.actors)


def _plain_title(title: str, determiners: frozenset[str]) -> str:
    """``title`` compared as words, without a determiner opening it ('The government ...')."""
    words = title.casefold().rstrip(" .!?").split()
    return " ".join(words[1:] if words and words[0] in determiners else words)


_COUNT = re.compile(r"^P(\d{1,3})([DW])$")  # a count of days or weeks
COUNTED_RULE = "counted_from_day"  # the rule of a date counted from a day just named ('two days after')


def _counted_from(s: Parsed, duration: TimeExpression, inside: Sequence[TimeExpression], text: str,
                  starts: list[int]) -> tuple[int, TimeExpression, DateSpan] | None:
    """The happening of a clause counted from a day just named: in "survived the vote on Monday,
    two days after thousands marched in Paris" the march is two days before that Monday.  The
    duration (days or weeks) must follow the day with only a comma between, and a word of the
    language's ``offset_prepositions.tsv`` must follow it; the trigger is the first verb or event
    noun of the clause after that word.  Not for a count told as approximate ('almost two weeks
    before'), nor a clause that tells its own day.  ``(trigger, expression, span)``, or None."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    count = _COUNT.match(duration.value) if duration.type == "DURATION" else None
    if count is None:
        return None
    k = bisect.bisect_left(starts, duration.end)
    if k >= len(tokens) or tokens[k].low not in lex.offsets:
        return None
    days = [e for e in inside if e.type in ("DATE", "TIME") and e.end <= duration.start
            and not text[e.end:duration.start].strip(" ,")]
    span = timex_span(days[-1].value) if days else None
    if span is None or span.start != span.end or span.granularity not in (Granularity.DAY, Granularity.TIME):
        return None
    trigger = next((j for j in range(k + 1, len(tokens)) if classes[j].verb or classes[j].noun
                    or tokens[j].text in _BREAKS), None)
    if trigger is None or tokens[trigger].text in _BREAKS:
        return None
    clause_end = next((j for j in range(trigger, len(tokens)) if tokens[j].text in _BREAKS), len(tokens))
    if duration.mod is not None or any(
            e.type in ("DATE", "TIME") and tokens[k].end <= e.start < tokens[clause_end - 1].end for e in inside):
        return None  # ('almost two weeks before the attack was detected on 9 February': its own day)
    moved = int(count.group(1)) * (7 if count.group(2) == "W" else 1) * lex.offsets[tokens[k].low]
    try:
        day = (span.start + dt.timedelta(days=moved)).isoformat()
    except OverflowError:  # (off the calendar)
        return None
    dated = TimeExpression(start=duration.start, end=tokens[k].end, text=text[duration.start:tokens[k].end],
                           type="DATE", value=day, anchor="context", rule=COUNTED_RULE)
    return trigger, dated, timex_span(day)


def _same_clause_verbs(s: Parsed, trigger: int) -> list[int]:
    """The verbs that tell the same happening as the trigger, not to be told again: the verb an
    event noun is the subject of ('the vote is expected Tuesday'), the verb an infinitive
    completes ('the handover is scheduled to end Monday')."""
    tokens, classes, lex = s.tokens, s.classes, s.lex
    if classes[trigger].noun:
        verb = _predicate(s, trigger + 1)
        return [] if verb is None else [verb]
    if trigger > 1 and tokens[trigger - 1].low in lex.infinitive and classes[trigger - 2].verb:
        return [trigger - 2]
    return []


def _occasions(s: Parsed) -> list[int]:
    """Event nouns named as an occasion: 'at a press conference', 'during the meeting'."""
    return [k for k, cls in enumerate(s.classes) if cls.noun and occasion_preposition(s, k) is not None]


def _tense_near(s: Parsed, k: int) -> Relation:
    """The relation of the finite verb nearest to token ``k``."""
    classes = s.classes
    finite = [j for j, cls in enumerate(classes) if cls.finite]
    if not finite:
        return Relation.UNKNOWN
    return classes[min(finite, key=lambda j: abs(j - k))].relation


def _event(s: Parsed, k: int, base: Source, people: People, *,
           expression=None, span=None, relation=Relation.UNKNOWN) -> Event:
    tokens, classes, sentence = s.tokens, s.classes, s.sentence
    medium = medium_verb(s, k)  # ('said in a statement on Monday')
    statement = medium is not None or (classes[k].reporting and not reports_an_act(s, k))
    maker = statement_title if statement else occurrence_title
    title, actors = maker(s, medium if medium is not None else _title_word(s, k), people)
    title = capped(title)
    trigger = Span(text=tokens[k].text, start=tokens[k].start, end=tokens[k].end)
    src = base.model_copy(update={
        "sentence": sentence.text,
        "sentence_start": sentence.start,
        "trigger": trigger,
        "time_expression": expression,
    })
    return Event(
        id=_event_id(base, sentence.text, trigger.start, expression),
        title=title,
        sentence=sentence.text,
        trigger=trigger,
        time_expression=expression,
        date=span,
        relation=relation,
        kind="statement" if statement else "occurrence",
        actors=actors,
        sources=[src],
    )


def extract_events(text: str, published=None, source=None, lang: str = DEFAULT_LANGUAGE) -> list[Event]:
    """The events ``text`` reports, in article order: tag its time expressions, then
    :func:`events_from_expressions`.  ``source`` is an Article or Source (title/url/path/published)."""
    from timeline.temporal import tag

    if isinstance(text, Article):
        raise TypeError("text must be str (an Article's text: extract_events(article.text, source=article))")
    require(text, str, "text")
    require(lang, str, "lang")
    if source is not None:
        require(source, (Article, Source), "source")
    published = coerce_published(published) or getattr(source, "published", None)
    text = no_lone_surrogates(text)
    sentences = split_sentences(text, lang)  # one split, shared by the tagger and the events
    expressions = tag(text, published, lang=lang, sentences=sentences)
    return events_from_expressions(text, expressions, published, source, lang, sentences)
