"""The temporal tagger: finds time expressions and gives them TIMEX3 values.

Two phases, as a careful reader does it: the engine (``engine.py``) finds the expressions with the
language's rules and gives them underspecified values; the resolver (``resolve.py``) places those
on the calendar against the publication date, or against the date the text last moved to, and the
tense of the sentence.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re

from timeline.lang import DEFAULT_LANGUAGE
from timeline.models import TimeExpression, coerce_published, require
from timeline.temporal import resolve as _resolve
from timeline.temporal.calendar import side_of, timex_span
from timeline.temporal.engine import (ASIDE as _ASIDE, BEFORE_REACH, GOVERNS as _GOVERNS, RANGE_END, Hit, entry_breaks,
                                      fold, grammar)
from timeline.text import (
    ENTRY_LINE, ENTRY_MARKS, LINE_OPENERS, LIST_NUMBER, Sentence, in_glued_prefix, in_page_insert, no_lone_surrogates,
    split_sentences,
)

__all__ = ["tag"]


def tag(text: str, published=None, lang: str = DEFAULT_LANGUAGE,
        sentences: list | None = None) -> list[TimeExpression]:
    """Time expressions in ``text``, sorted and non-overlapping, anchored at ``published``.

    ``published`` may be a datetime, a date, an ISO string or None; without it, relative
    expressions keep X's in their values and are marked ``resolved=False``.  ``sentences`` is
    the text's split (``timeline.text.split_sentences``) when the caller already has it.
    """
    require(text, str, "text")
    require(lang, str, "lang")
    if sentences is not None:  # (the text's split, as timeline.text.split_sentences gives it)
        require(sentences, (list, tuple), "sentences")
        for sentence in sentences:
            require(sentence, Sentence, "each of sentences")
    text = no_lone_surrogates(text)  # (a caller's text: what is found must be writable)

    def split() -> list:  # (the text's sentences, split when first needed, unless the caller gave them)
        nonlocal sentences
        if sentences is None:
            sentences = split_sentences(text, lang)
        return sentences

    published = coerce_published(published)
    day = published.date() if published else None
    publication = day.isoformat() if day else None
    rules = grammar(lang)
    folded = fold(text)  # read by the rules and the tense cues alike
    cuts = entry_breaks(text)  # (where expressions stop: blank lines, a list's entries)
    hits = rules.join_clock_times(text, rules.find(text, folded=folded, cuts=cuts), cuts)
    day_first = any(hit.options.get("order") == "dm" and int(hit.value[8:10]) > 12 for hit in hits)
    tenses = rules.tense_reader(text, folded)
    context = _Context(day)
    found = []
    weekday = None  # the expression just before, when it is a weekday placed on the calendar
    stamps: list[int] = []  # the expressions that are a live page's clock stamps (see _past_midnight)
    yearless: list[bool] = []  # for each expression found, whether it is a month or day given without its year
    bare: list[bool] = []  # for each, whether it is a weekday of no week of its own ("Monday")
    told_today = False  # whether the text has told of the publication's day, but by a clock time alone
    evening: list[int] = []  # the stamps opening a line, on the publication's day, after its time
    header: str | None = None  # the day of the last line that is a day alone (a live page's heading)
    entries: list[int] = []  # the expressions that are a chronology's entries without their years (see listed)
    for hit in hits:
        if hit.options.get("order") == "md" and (swapped := _day_first(hit.value)) is not None \
                and (day_first or (swapped == publication and hit.value != publication)
                     or (day is not None and _recent(swapped, day) and _ahead(hit.value, day)
                         and _tense_around(text, hit, split(), tenses) == "past")):
            # ('03/04/2024' on a page of 3 April 2024; 'retook the port on 12/03/2036', published on 29 March
            # 2036, is 12 March, not the December to come: told as past; 'is set for 12/04/2036' may be December)
            hit = dataclasses.replace(hit, value=swapped)
        direction = hit.options.get("dir", "~")
        since = None  # where a date anchoring it in context may stand at the earliest
        if hit.options.get("within") in ("sentence", "previous"):
            since = _sentence_bounds(split(), hit.start, len(text), hit.options["within"] == "previous")[0]
        own = _sentence_bounds(split(), hit.start, len(text))[0] if "context_here" in hit.options else None
        anchor_kind, anchor, template = _anchor(hit, publication, context, since, text, own)
        if anchor_kind == "context" and hit.options.get("else") != "unknown" and day is not None \
                and context.placed_ahead(anchor, day) and _resolve.looks_back(_tense_around(text, hit, split(), tenses)):
            # (what the text tells as past is not on a day it placed ahead: 'A full inspection will begin next
            # Monday. Delays were reported during the morning rush' is the publication's morning)
            anchor_kind, anchor, template = _anchor(hit, publication, _Context(day), since, text, own)
        told_entry = False  # a chronology's entry told in the present, of what has been
        listed = False  # a chronology's entry without its year, not told as to come
        if hit.rule.type == "SET":  # "every Sunday" names no day to place
            anchor_kind, value, resolved = None, _resolve.set_value(template), True
        else:
            tense, reach = None, None
            entry = _opens_entry(text, hit.start, hit.end)  # (a chronology's: 'Feb. 15 - Protests break out')
            if _resolve.needs_tense(template, direction):
                bounds = _sentence_bounds(split(), hit.start, len(text))
                tense, reach = tenses.tense(hit.start, hit.end, bounds)
                if tense in (None, "present") and entry:  # (told in the present: 'Elections are held')
                    ahead = _headed_ahead(text, hit.start, rules)
                    if _resolve.lacks_year(template) and not ahead and not _ahead_of(found, publication):
                        # a chronology's entry, told in the present: 'Feb. 15 - Protests break out'
                        tense, reach, told_entry = "past", _GOVERNS, True
                    elif ahead and (_resolve.is_weekday(template) or _resolve.lacks_year(template)):
                        # 'The week ahead:\nTuesday - MPs debate the bill', 'Key dates ahead:\nJune 5 - ...'
                        tense, reach = "future", _GOVERNS
                listed = (entry and _resolve.lacks_year(template) and not _resolve.is_weekday(template)
                          and not _resolve.looks_ahead(tense) and not _headed_ahead(text, hit.start, rules))
                if hit.options.get("modifies") == "yes" and reach == _GOVERNS:
                    reach = _ASIDE  # it modifies the noun after it: "will pay a first-quarter dividend"
            value, resolved = _resolve.resolve(template, anchor, direction, tense, reach)
            if resolved and anchor_kind == "publication" and "past" in hit.options \
                    and _resolve.looks_back(_tense_around(text, hit, split(), tenses)):
                # (told as past, of the publication's day: 'was arrested shortly after midnight' is
                # the midnight that began it, not the one that ends it, after the article)
                value, resolved = _resolve.resolve(hit.options["past"], anchor, direction, tense, reach)
            if resolved and "back" in hit.options and day is not None:  # ('the anniversary of the January 12
                value = _years_back(value, day, int(hit.options["back"]))  # quake', said on January 13: last year's)
            if told_entry and resolved and publication is not None:
                value = context.headed_year(value, publication, text, hit.start)
            # (the weekday told with a day given without its year: 'Tuesday, Nov. 8')
            named_day = rules.weekday_named(hit, text) if resolved and _resolve.lacks_year(template) else None
            if named_day is not None and publication is not None:
                value = _year_of_weekday(value, named_day, publication, _resolve.looks_ahead(tense))
            if resolved and entry and anchor_kind == "publication" and _BARE_CLOCK.match(template):
                stamps.append(len(found))
            if resolved and anchor_kind == "publication" and _resolve.looks_back(tense) \
                    and _resolve.lacks_year(template):
                told = context.told_year(value, hit.start, entry)
                if told is not None and named_day is not None and not _on_weekday(told, named_day):
                    told = None  # ('the armistice of 7 November 1998 ... signed on Friday (Nov 7)': not 1998's)
                if told is not None:  # a story of another year goes on in it: "... on 2 April 1982 ... on 14 June"
                    anchor_kind, value = "context", told
                    context.retell(hit.start, told if entry else None)  # (and on from here: a chronology's entries)
                elif named_day is None and (year := _fronted_year(found, hit.start, text, bounds, tenses)):
                    # ('In 1918, there was a first wave of mild flu in April': April 1918)
                    moved = _resolve.in_year_of(value, year + "-12-31")
                    if moved is not None and year < publication[:4]:
                        anchor_kind, value = "context", moved
            if "near" in hit.options and not _resolve.near(value, publication, hit.options["near"]):
                continue  # a bare number far from the publication's year is no year
            if resolved and "ahead" in hit.options and day and side_of(value, day) == 1 \
                    and not _resolve.needs_tense(template, direction):  # (placed by its tense already)
                tense = _tense_around(text, hit, split(), tenses)
                kept = (_resolve.looks_ahead(tense) if hit.options["ahead"] == "future"
                        else not _resolve.looks_back(tense))
                if not kept:
                    value, resolved = _resolve.unknown(value), False  # told as past: not after publication
        if resolved and anchor_kind == "publication" and _BARE_CLOCK.match(template) and header is not None \
                and _line_start(text, hit.start):
            # a live page's stamp under a line that is a day alone ('Thursday 20 February', then
            # '23:35 Strelka is speaking'): that day's, not the publication's
            anchor_kind, value = "context", header + value[10:]
        moment = _moment(template, value, rules) if resolved and anchor_kind == "publication" else None
        if moment is not None and _after_publication(moment, published) and not told_today:
            if _line_start(text, hit.start):
                if _BARE_CLOCK.match(template):  # (a live page's stamp: see _evening_before)
                    evening.append(len(found))
            elif (_BARE_CLOCK.match(template) or published.hour < DAWN) \
                    and _tense_around(text, hit, split(), tenses) == "past":
                # ('Police fired tear gas at 20:30', 'Gunmen seized the tanker tonight', published at
                # 02:10: the evening before; not where the text has told of the publication's day:
                # 'killed Thursday evening ... around 7:15 p.m.', in a report stamped 01:58 that
                # Thursday, is that Thursday's, whatever the stamp's zone; nor a part of the day told
                # in a page stamped after dawn: 'The regulator fined him this afternoon', stamped at
                # 08:56, was updated since, not written the day before)
                value = _moved(day.isoformat() + value[10:], -1)
        elif moment is not None and _BARE_CLOCK.match(template) and _before_publication(moment, published) \
                and not told_today and not _line_start(text, hit.start) \
                and _tense_around(text, hit, split(), tenses) == "future":
            # ('The next advisory will be issued at 1 a.m.', published at 23:00: the coming night's)
            value = _moved(day.isoformat() + value[10:], 1)
        if not told_today and resolved and value[:10] == publication and not _BARE_CLOCK.match(template):
            # (a wire's dateline writes the publication's day but tells nothing of it: 'ANKARA, Feb 7
            # (Reuters) - A quake struck on Monday. A second hit just after 1.24pm', filed at 09:00)
            told_today = not _in_dateline(text, split(), hit.start, lang)
        if resolved and hit.rule.type in ("DATE", "TIME") and _DAY_VALUE.match(value) \
                and _heads_lines(text, hit.start, hit.end):
            header = value[:10]
        placed_weekday = resolved and hit.rule.type in ("DATE", "TIME") and _resolve.is_weekday(template)
        if placed_weekday and tense == "past" and _told_overnight(published, hit, value):
            value = _moved(day.isoformat() + value[10:], 1)
        if placed_weekday and weekday is not None and (
                rules.makes_weekday_range(gap := text[weekday.end:hit.start])
                or (rules.lists_weekdays(gap) and publication is not None and weekday.value[:10] > publication)):
            # ("from Thursday to Saturday"; "meets on Tuesday and Wednesday", said on a Sunday)
            value = _resolve.not_before(value, weekday.value)
        if "+" in hit.rule.name and resolved and found and hit.rule.name.split("+", 1)[1] == found[-1].rule \
                and found[-1].value[4:10] == value[4:10] and _resolve.lacks_year(template.split("T", 1)[0]):
            # (a clock on the day just told takes its year: 'Tuesday, Nov. 8 at 10 a.m.')
            value = found[-1].value[:4] + value[4:]
        if resolved and anchor_kind == "publication" and _resolve.lacks_year(template) and found and yearless[-1] \
                and found[-1].anchor == "publication" \
                and rules.makes_date_range(text, (found[-1].start, found[-1].end), hit.start):
            # ("Sales rose from May to December", said in March: last May; "the season runs from June 1
            # to November 30", said in July: this November)
            found[-1], value = _in_order(found[-1], value, tense, publication)
        if resolved and hit.options.get(RANGE_END) and found and found[-1].rule == hit.rule.name \
                and found[-1].resolved and _resolve.lacks_year(template):
            if _YEAR_DAY.match(found[-1].value) and _YEAR_DAY.match(value):
                # ('Feb 15-16 - Protests break out': the end in its start's year; not 'Feb 28-29' in a year
                # with no 29th)
                shared = found[-1].value[:4] + value[4:]
                value = shared if _resolve.possible(shared) else value
            else:  # (months: 'Sales rose in May-July', said in May: last year's May and July)
                found[-1], value = _in_order(found[-1], value, tense, publication)
        if resolved and hit.rule.type == "TIME" and found and found[-1].type == "TIME" and found[-1].resolved \
                and rules.makes_time_range(text[found[-1].end:hit.start]):
            # ('a curfew from 5 p.m. to 7 a.m.': the next morning's; 'from midnight to noon': the day's start)
            found[-1], value = _forward_clocks(found[-1], value, bool(_BARE_CLOCK.match(template)))
        if resolved and hit.rule.type in ("DATE", "TIME") and _resolve.in_counted_week(template):
            _list_in_week(found, bare, value, hit.start, text, rules)  # "on Monday and Tuesday last week"
        if resolved and (anchor_kind != "context" or "moves" in hit.options) and not hit.rule.aside(text, hit.start) \
                and not _day_told_on(found, hit, text, rules, split, lang):
            context.note(hit.rule.type, value, written=not _resolve.needs_anchor(template), at=hit.start,
                         apart=hit.rule.type == "DURATION" and rules.hours_counted_apart(text, hit.start, hit.end))
        found.append(TimeExpression(
            start=hit.start, end=hit.end, text=text[hit.start:hit.end], type=hit.rule.type,
            value=value, mod=hit.options.get("mod"), quant=hit.options.get("quant"),
            freq=hit.options.get("freq"), resolved=resolved,
            anchor=anchor_kind if _resolve.needs_anchor(template) and resolved else None,
            rule=hit.rule.name,
        ))
        weekday = found[-1] if placed_weekday else None
        if listed and resolved:
            entries.append(len(found) - 1)
        yearless.append(resolved and anchor_kind is not None and _resolve.lacks_year(template))
        bare.append(placed_weekday)
    if not _evening_before(found, evening, published):  # (a page published past midnight: its evening, then
        _past_midnight(found, stamps)  # its early hours on the publication's day, not the day after)
    if day is not None:
        _chronology_in_order(found, entries, day)
    return _share_years(found, yearless, text, rules)


def _day_told_on(found: list[TimeExpression], hit, text: str, rules, split, lang: str) -> bool:
    """Whether ``hit`` is the day a thing was said on, after the day of what was said in its own
    sentence ('A man was shot Friday night, police said Sunday'): the story stays on the day it
    told ('He died the next day' is Saturday); said first, the day is the story's ('Police said
    Sunday that ...').  The day of what was said is a day (or a time of one) of the sentence's own
    words, no dateline's, no day another saying was on ('BP said Monday that ..., and said Tuesday
    that ...'), with no semicolon between; and the day said on is no subject of what was said
    ('said Tuesday would be a holiday')."""
    if hit.rule.type not in ("DATE", "TIME") or not found or not rules.reports_on(text, hit.start, hit.end):
        return False
    start = _sentence_bounds(split(), hit.start, len(text))[0]
    before = [told for told in found if told.start >= start and ";" not in text[told.end:hit.start]
              and told.type in ("DATE", "TIME") and told.resolved]
    if any(rules.reports_on(text, told.start, told.end) for told in before):
        return False  # (a sentence of two sayings, each on its day: the later one's is the story's)
    return any(_resolve.granularity(told.value) == "D" and not _in_dateline(text, split(), told.start, lang)
               for told in before)


def _fronted_year(found: list[TimeExpression], at: int, text: str, bounds: tuple[int, int], tenses) -> str | None:
    """The year an expression told before offset ``at`` writes alone at the head of its sentence
    (``bounds``), after a fronting word and before a comma, if any, with no other clause between:
    the clause's story is of that year ("In 1918, there was a first wave of mild flu in April"; not
    "In 2009, BP generated $27 billion, and it ended March with ...")."""
    for before in reversed(found):
        if before.end <= bounds[0]:
            break
        if _YEAR_ALONE.fullmatch(before.value) and text.startswith(",", before.end) \
                and tenses.fronted(before.start, bounds) and not tenses.clause_apart(before.end + 1, at):
            return before.value
    return None


_YEAR_ALONE = re.compile(r"\d{4}")


def _chronology_in_order(found: list[TimeExpression], entries: list[int], day: dt.date) -> None:
    """The entries of a chronology (``entries``, indices into ``found``) placed more than
    ``ENTRY_AHEAD`` days after the publication ``day`` a year earlier, where that keeps the list in
    its order: a year-end factbox without a heading year ("Jan 27 - Thousands rally ... Nov 23 -
    Saleh signs the deal", published on 24 November) tells January of the year it closes, not of the
    next.  The list's order is that of its entries not ahead of the publication (oldest first when
    they do not tell); an entry moves only between two in that order, the one after it not ahead of
    the publication (not a list of fixtures grouped by team, nor one of dates to come)."""
    values = [found[k].value for k in entries]
    ahead = [_days_ahead(value, day) > ENTRY_AHEAD for value in values]
    steps = [(a > b) - (a < b) for a, b, late_a, late_b in zip(values, values[1:], ahead, ahead[1:])
             if not late_a and not late_b]
    newest_first = sum(steps) > 0
    order = list(range(len(entries)) if newest_first else range(len(entries) - 1, -1, -1))
    last = None  # the value of the entry after this one in time (in the list's own order), read back from its end
    for i, n in enumerate(order):
        value = values[n]
        before = values[order[i + 1]] if i + 1 < len(order) and not ahead[order[i + 1]] else None  # (in time)
        if ahead[n] and last is not None and _days_ahead(last, day) <= ENTRY_AHEAD and _compare(value, last) > 0:
            earlier = _resolve.year_moved(value, -1) if int(value[:4]) > dt.MINYEAR else None
            if earlier is not None and _compare(earlier, last) <= 0 \
                    and (before is None or _compare(before, earlier) <= 0):
                value = earlier
                found[entries[n]] = found[entries[n]].model_copy(update={"value": value})
        last = value


def _days_ahead(value: str, day: dt.date) -> int:
    """Days from ``day`` to the start of ``value`` (0 when it does not start after it)."""
    span = timex_span(value.split("T", 1)[0])
    return (span.start - day).days if span is not None and span.start > day else 0


def _compare(a: str, b: str) -> int:
    """-1, 0 or 1 as the value ``a`` starts before, with or after ``b``, to the precision both have."""
    n = min(len(a), len(b), 10)
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def _list_in_week(found: list[TimeExpression], bare: list[bool], value: str, start: int, text: str, rules) -> None:
    """The weekdays listed right before the one at ``start``, placed in a week of its own
    (``value``), moved into that week when they have no week of their own: "on Monday and
    Tuesday last week", "Monday, Tuesday and Friday next week"."""
    n, end = len(found) - 1, start
    while n >= 0 and bare[n] and rules.lists_weekdays(text[found[n].end:end]):
        moved = _resolve.same_week(found[n].value, value)
        if moved is None:
            return
        found[n] = found[n].model_copy(update={"value": moved, "anchor": "context"})
        n, end = n - 1, found[n].start


def _share_years(found: list[TimeExpression], yearless: list[bool], text: str, rules) -> list[TimeExpression]:
    """``found`` with each month or day written without its year, right before one written with
    it, in that year: "March and April 2008", "from July to September 2009", "March, April
    and May 2008" (read from the last, so a list shares its year); and right after a year or a
    month of a year that opens its sentence and that it refines, in that year: "In 2019, on
    April 2" (not "He was born in 1990, on April 2 he will turn 30")."""
    written = [e.type == "DATE" and e.anchor is None for e in found]  # a date given with its year
    for n in range(len(found) - 2, -1, -1):
        first, second = found[n], found[n + 1]
        if not yearless[n] or not written[n + 1] or not rules.shares_year(text[first.end:second.start]):
            continue
        value = _resolve.in_year_of(first.value, second.value)
        if value is not None:
            found[n] = first.model_copy(update={"value": value, "anchor": "context"})
            written[n] = True  # (now a date with its year, for the one before it)
    for n in range(len(found) - 1):  # "In 2019, on April 2": a finer date right after a year is in it
        first, second = found[n], found[n + 1]
        if (yearless[n + 1] and written[n] and first.value[:4].isdigit() and len(first.value) < len(second.value)
                and rules.refines_year(text[first.end:second.start]) and _opens_sentence(text, first.start)):
            value = _resolve.in_year(second.value, first.value[:4])
            if value is not None:
                found[n + 1] = second.model_copy(update={"value": value, "anchor": "context"})
    return found


_ENTRY_MARKS = (*ENTRY_MARKS, "\t")  # what parts the date from its entry


OPENING_REACH = 40  # characters looked back over for the start of a sentence that a year opens


def _opens_sentence(text: str, at: int) -> bool:
    """Whether at most one word (a preposition: 'In 2019') stands before offset ``at`` in its
    sentence or line (looked for within ``OPENING_REACH`` characters: a line of thousands of
    years with no full stop is read in linear time)."""
    low = max(0, at - OPENING_REACH)
    start = max(text.rfind(mark, low, at) for mark in ".!?\n") + 1
    if start == 0 and low > 0:
        return False  # (no sentence's start within reach: more than a word before)
    return len(text[start:at].split()) <= 1


def _ahead_of(found: list[TimeExpression], publication: str | None) -> bool:
    """Whether the expression found last is a date after ``publication``: a list of what is to
    come ('Key dates ahead: March 3 - ... June 5 - ...') goes on ahead."""
    last = found[-1].value if found else ""
    return publication is not None and last[:4].isdigit() and last[:10] > publication


LIST_HEADING = 300  # characters before a list's entry searched for what tells the list is of what is to come


def _headed_ahead(text: str, at: int, rules) -> bool:
    """Whether the lines before the entry at offset ``at`` (``LIST_HEADING`` characters at most)
    tell its list is one of what is to come ('Key dates ahead:', 'Programme:')."""
    line = text.rfind("\n", 0, at) + 1
    return rules.heads_list_ahead(text[max(0, line - LIST_HEADING):line])


_BARE_CLOCK = re.compile(r"\[D\]T\d\d:\d\d")  # a clock time of the anchor's day ('[D]T01:10')
_BARE_PART = re.compile(r"\[D\]T([A-Z]{2})")  # a part of the anchor's day ('[D]TNI': 'tonight')
STAMP_ROLLOVER_MINUTES = 12 * 60  # a stamp this much earlier than the one before it is on the next day


DAWN = 6  # the hour before which a page's stamp may still be the writer's night before
EVENING = 17  # the writer's hour from which a past 'early Saturday' may be tomorrow where it happened


AFTER_PUBLICATION_HOURS = 3  # a clock time past the publication's by more than this may be the day before


def _moment(template: str, value: str, rules) -> str | None:
    """The clock time on its day that ``value`` stands for, placed from ``template``: itself for a
    clock time of the anchor's day ('[D]T20:30'), the start of a part of the day after noon
    ('[D]TNI', 'tonight': the language's ``pm_daypart``), else None."""
    if _BARE_CLOCK.match(template):
        return value
    part = _BARE_PART.fullmatch(template)
    hour = rules.daypart_start(part.group(1)) if part else None
    return None if hour is None else f"{value[:10]}T{hour:02d}:00"


def _after_publication(value: str, published: dt.datetime | None) -> bool:
    """Whether ``value``, a clock time on the publication's day, is more than
    ``AFTER_PUBLICATION_HOURS`` after the publication's own time, when that time is known (see
    :func:`_published_minutes`)."""
    at = _published_minutes(published, dt.date.min)  # (no day before the calendar's first)
    return at is not None and _minutes(value) > at + AFTER_PUBLICATION_HOURS * 60


def _before_publication(value: str, published: dt.datetime | None) -> bool:
    """Whether ``value``, a clock time on the publication's day, is more than
    ``AFTER_PUBLICATION_HOURS`` before the publication's own time, when that time is known."""
    at = _published_minutes(published, dt.date.max)  # (no day after the calendar's last)
    return at is not None and _minutes(value) < at - AFTER_PUBLICATION_HOURS * 60


def _published_minutes(published: dt.datetime | None, edge: dt.date) -> int | None:
    """The publication's time of day in minutes, when it is known: not a bare date, nor midnight,
    which feeds write for a date alone ('2025-06-29T00:00:00Z'); nor on ``edge``, the calendar's
    day with none beyond it.  (The slack the callers allow: a page may stamp its entries in another
    zone than its own.)"""
    if published is None or (published.hour, published.minute) == (0, 0) or published.date() == edge:
        return None
    return published.hour * 60 + published.minute


def _line_start(text: str, at: int) -> bool:
    """Whether the expression at ``at`` opens its line (a live page's stamp), but for a bullet."""
    line = _past_openers(text, at)
    return line == 0 or text[line - 1] == "\n"


def _past_openers(text: str, at: int) -> int:
    """Where the blanks and bullets right before offset ``at`` begin (back over them only: no scan
    of a long line, which would make a text of one line and many dates quadratic)."""
    while at > 0 and text[at - 1] in LINE_OPENERS:
        at -= 1
    return at


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?![\d-])")  # a value of one day (maybe with its time)


def _heads_lines(text: str, start: int, end: int) -> bool:
    """Whether the expression at ``start:end`` is a line of its own, a live page's heading of the
    entries below it ('Thursday 20 February'), maybe read together with the first entry's stamp
    on the next line ('Thursday 20 February\n22:40')."""
    if not _line_start(text, start):
        return False
    if "\n" in text[start:end]:
        return True
    while end < len(text) and text[end] in _HEADING_ENDS:
        end += 1
    return end == len(text) or text[end] == "\n"


_HEADING_ENDS = " \t\u00a0.:,"  # what may follow a heading's day on its line


# a past date in numbers is read day first this near the publication, when month first is further ahead
RECENT_DAYS = 31


_CLOCK_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)")  # a clock time on its day
NOON = "12:00"


def _forward_clocks(start: TimeExpression, end: str, bare: bool) -> tuple[TimeExpression, str]:
    """The ``start`` and ``end`` of a range of clock times on one day run forward: midnight opening
    it, before an end told on its own day, is that day's start ('from midnight to noon on 27 June'),
    and a morning end after an evening start, with no day of its own (``bare``), is on the next day
    ('from 5 p.m. to 7 a.m.', 'from midnight to 6 a.m.'; not 'brought forward from 10 p.m. to 8 p.m.')."""
    first, last = _CLOCK_VALUE.match(start.value), _CLOCK_VALUE.match(end)
    if not first or not last or first.group(1) != last.group(1):
        return start, end
    if first.group(2) == "24:00" and not bare:  # (on the day the end is told on: its start)
        return start.model_copy(update={"value": f"{first.group(1)}T00:00{start.value[first.end():]}"}), end
    if bare and first.group(2) >= NOON > last.group(2):  # (evening to morning; 'from 10 p.m. to 8 p.m.' is a change)
        return start, _moved(f"{last.group(1)}T{last.group(2)}{end[last.end():]}", 1)
    return start, end


def _years_back(value: str, day: dt.date, back: int) -> str:
    """``value``, a day, a year earlier while it is less than ``back`` days before ``day``."""
    for _ in range(2):
        days = _days_after(value, day)
        earlier = _resolve.year_moved(value, -1) if days is not None and -days < back else None
        if earlier is None:
            break
        value = earlier
    return value


def _days_after(value: str, day: dt.date) -> int | None:
    """Days from ``day`` to the date ``value`` (YYYY-MM-DD...); None for no date ('02/30/2024')."""
    try:
        return (dt.date.fromisoformat(value[:10]) - day).days
    except ValueError:
        return None


def _recent(value: str, day: dt.date) -> bool:
    """Whether the date ``value`` lies within ``RECENT_DAYS`` of ``day``."""
    return (days := _days_after(value, day)) is not None and abs(days) <= RECENT_DAYS


def _ahead(value: str, day: dt.date) -> bool:
    """Whether the date ``value`` lies more than ``RECENT_DAYS`` after ``day``."""
    return (days := _days_after(value, day)) is not None and days > RECENT_DAYS


def _day_first(value: str) -> str | None:
    """``value``, a date read month first ('2024-03-04'), read day first ('2024-04-03'), when both
    readings are dates and differ; else None."""
    month, day = int(value[5:7]), int(value[8:10])
    return f"{value[:4]}-{day:02d}-{month:02d}{value[10:]}" if month != day and day <= 12 else None


def _tense_around(text: str, hit, sentences: list, tenses) -> str | None:
    """The tense around ``hit`` in its sentence (``sentences``: the text's split)."""
    return tenses.tense(hit.start, hit.end, _sentence_bounds(sentences, hit.start, len(text)))[0]


def _moved(value: str, days: int) -> str:
    """``value``, a day or a time of a day ('2025-06-28T23:10'), ``days`` days on (back when
    negative); as it is where that leaves the calendar (a page published on its last day), or
    where the day is none of it ('BC0001-12-29')."""
    try:
        return (dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)).isoformat() + value[10:]
    except (OverflowError, ValueError):
        return value


def _told_overnight(published: dt.datetime | None, hit, value: str) -> bool:
    """Whether a past weekday early in its day ('fled early Saturday', 'on Saturday morning'),
    placed six days back, was told in the writer's evening of the day before: then it is the
    coming day, already come in a zone ahead (a Friday-evening wire from New York on a flight in
    the Middle East), not last week's."""
    if published is None or published.tzinfo is None or published.hour < EVENING:
        return False
    early = hit.options.get("mod") == "START" or value[10:] == "TMO"
    day = published.date().isoformat()
    return early and value[:10] == _moved(day, -6) != day


def _past_midnight(found: list[TimeExpression], stamps: list[int]) -> None:
    """A live page's clock stamps (``found[k]`` for ``k`` in ``stamps``), told in order: one more
    than ``STAMP_ROLLOVER_MINUTES`` earlier than the one before it is past midnight, on the next
    day, and so are those after it ('11:50 p.m. - Winds pick up', then '12:25 a.m. - The eyewall
    nears'), up to a line that is a day alone, which its stamps are on ('Thursday 7 September', then
    '00:10 ...').  A page whose stamps mostly go back in time is told newest first: its days cannot
    be told from its stamps, which keep the day of publication."""
    minutes = [int(found[k].value[11:13]) * 60 + int(found[k].value[14:16]) for k in stamps]
    steps = [b - a for a, b in zip(minutes, minutes[1:])]
    later = sum(0 < step <= STAMP_ROLLOVER_MINUTES or step < -STAMP_ROLLOVER_MINUTES for step in steps)
    if later <= sum(-STAMP_ROLLOVER_MINUTES <= step < 0 for step in steps):
        return
    days, heading = 0, None  # (heading: the day the stamp was told under, where a day's heading moved it)
    for step, k in zip([0, *steps], stamps):
        if found[k].value[:10] != heading:  # (under a heading of its own day: counted from there)
            days, heading = 0, found[k].value[:10]
        else:
            days += step < -STAMP_ROLLOVER_MINUTES
        if days:
            found[k] = found[k].model_copy(update={"value": _moved(found[k].value, days)})


def _evening_before(found: list[TimeExpression], evening: list[int], published: dt.datetime | None) -> bool:
    """A live page published after midnight, its entries told oldest first: the stamps after the
    publication's time (``found[k]`` for ``k`` in ``evening``), all before the first stamp at or
    before it, which is past midnight (more than ``STAMP_ROLLOVER_MINUTES`` earlier than the one
    before it), are the evening before ('20:30 Clashes break out', '23:50 ...', then '00:25 ...',
    on a page published at 02:10).  A page whose stamps run on past its publication's time (a page
    opened in the evening and updated through the night), and one told newest first through the
    day it was opened ('2:15 p.m.', '11:20 a.m.', '9:05 a.m.', published at 8:00), keep them.
    Whether it moved them."""
    if not evening or published is None:
        return False
    later = set(evening)
    stamps = [k for k, e in enumerate(found) if e.type == "TIME" and _STAMP_VALUE.match(e.value)
              and e.value[:10] == published.date().isoformat()]
    if not stamps or stamps[-1] in later or stamps[0] not in later:
        return False  # (the page ends after its publication's time, or opens before it)
    first_early = next(k for k in stamps if k not in later)
    if any(k in later for k in stamps if k > first_early) or not all(k in later for k in stamps if k < first_early):
        return False
    minutes = [_minutes(found[k].value) for k in stamps]
    turn = stamps.index(first_early)
    if any(b < a for a, b in zip(minutes[:turn], minutes[1:turn])) \
            or minutes[turn - 1] - minutes[turn] <= STAMP_ROLLOVER_MINUTES:
        return False  # (told oldest first up to midnight, then past it; not a page told newest first)
    day_before = _moved(published.date().isoformat(), -1)
    for k in stamps:
        if k < first_early:
            found[k] = found[k].model_copy(update={"value": day_before + found[k].value[10:]})
    return True


_STAMP_VALUE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d$")


def _minutes(value: str) -> int:
    """The minutes since midnight of a TIMEX3 value's clock time ('2025-06-28T20:30': 1230)."""
    return int(value[11:13]) * 60 + int(value[14:16])


def _year_of_weekday(value: str, weekday: int, publication: str, ahead: bool) -> str:
    """``value``, a day placed in a year it was given without, moved to the year before when it
    was placed after the publication in a sentence that does not look ahead and only that year
    has it on the ``weekday`` the text names with it ("was held on Tuesday, Nov. 8", said in
    September 2017: 2016, whose 8 November was a Tuesday), or to the year after when it was placed
    before in one that looks ahead; a weekday that does not fit otherwise is a slip of the writer's
    (a day off), not a year's."""
    if _on_weekday(value, weekday) or not _YEAR_DAY.match(value):
        return value
    later = value[:10] > publication
    if later == ahead:
        return value
    moved = f"{int(value[:4]) + (1 if ahead else -1):04d}{value[4:]}"
    if timex_span(moved.split("T", 1)[0]) is not None and _on_weekday(moved, weekday):
        return moved
    return value


def _in_order(start: TimeExpression, end: str, tense: str | None,
              publication: str | None) -> tuple[TimeExpression, str]:
    """A range's start (an expression) and end (a value), their years chosen apart, put in order by
    the range's tense (:func:`resolve.in_order`): told as past, the start a year back; told as
    present or to come, the end a year on; with no tense, whichever range lies nearer the
    publication."""
    back = True if _resolve.looks_back(tense) else None if tense is None else False
    first, end = _resolve.in_order(start.value, end, back, publication)
    return start.model_copy(update={"value": first}), end


_YEAR_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _on_weekday(value: str, weekday: int) -> bool:
    """Whether the day ``value`` (a TIMEX3 day, maybe with its time) is the ISO ``weekday``; True
    for a value that is no day."""
    span = timex_span(value.split("T", 1)[0])
    return span is None or span.start != span.end or span.start.isoweekday() == weekday


def _opens_entry(text: str, start: int, end: int) -> bool:
    """Whether the expression at ``start:end`` opens an entry of a chronology: nothing but a
    bullet before it on its line, and a dash, a colon or a tab after it ('Feb. 15 - Protests
    break out', '\u2022 20 January \u2013 An aftershock hits')."""
    if not text[end:end + 8].lstrip(" \u00a0").startswith(_ENTRY_MARKS):
        return False  # (most expressions: told first, without a look back)
    line = _past_openers(text, start)  # (back over the bullet only: no scan of a long line)
    number = _LIST_NUMBER.search(text, max(0, line - 6), line)  # ('1. Feb 15 - ...', '(2) March 3: ...')
    if number is not None:
        line = _past_openers(text, number.start())
    return line == 0 or text[line - 1] == "\n"


_LIST_NUMBER = re.compile(LIST_NUMBER + r"\Z")  # the number of a numbered list's item, right before its text


def _in_dateline(text: str, sentences: list, at: int, lang: str) -> bool:
    """Whether offset ``at`` lies in the page text glued to the start of its sentence (a dateline)
    or scraped into it (the page's own time stamp: 'Last updated on Tuesday 4 October 2011 00.30 BST')."""
    i = _sentence_index(sentences, at)
    return i >= 0 and at < sentences[i].end and (in_glued_prefix(text, sentences[i], at, lang)
                                                  or in_page_insert(text, sentences[i], at, lang))


def _sentence_index(sentences: list, at: int) -> int:
    """The index of the last sentence starting at or before offset ``at`` (-1 if none)."""
    return bisect.bisect_right(sentences, at, key=lambda s: s.start) - 1


def _sentence_bounds(sentences: list, at: int, length: int, previous: bool = False) -> tuple[int, int]:
    """The offsets of the sentence containing offset ``at`` (the whole text if none); with
    ``previous``, from the start of the sentence before it (of its own when it is the first)."""
    i = _sentence_index(sentences, at)
    if i < 0:
        return 0, length
    return sentences[max(0, i - 1) if previous else i].start, sentences[i].end


STORY_REACH = 300  # characters: how far back a date written in another year sets the story's year
DURATION_REACH = 200  # characters: how far back a date may be for a duration told since not to close it
ENTRY_AHEAD = 7  # days: a chronology's entry further ahead of the publication is one of a year gone (not a late stamp)
HEADING_CHARS = 40  # a list's heading is no longer than this ('2017 in Kandora', 'The year in review: 2016')
_SENTENCE_END = re.compile(r"[.!?]\s")  # (a heading ends no sentence)
_HOURS = re.compile(r"PT(?:(\d+(?:\.\d+)?|X)H)?(?:(?:\d+(?:\.\d+)?|X)M)?(?:(?:\d+(?:\.\d+)?|X)S)?")


def _within_a_day(duration: str) -> bool:
    """Whether a duration's value is of hours, minutes or seconds, fewer than 24 hours ('PT3H',
    'PT90M', 'PTXH'; not 'PT36H', 'P2D')."""
    match = _HOURS.fullmatch(duration)
    return match is not None and duration != "PT" and (match.group(1) in (None, "X") or float(match.group(1)) < 24)


class _Context:
    """The dates a text has moved to, as it is read: the latest of each precision (seasons, whose
    bounds are vague, anchor nothing).

    Expressions anchored in context do not move it ("a year earlier" looks back, the narrative
    stays) unless their rule says it ``moves`` ("the next day", "a week later" carry the story on);
    a duration mentioned after a date closes that date for what follows ("profit in the
    first nine months rose from a year earlier" compares the nine months, not the quarter before),
    but for the rules that say ``durations=pass`` when the date is close ("It broke out on Feb. 14
    and burned for three days. That day, ...").

    A quarter is looked back on from the latest completed quarter the text has named (the quarter
    whose results it reports), not from a quarter named in passing ("after a weak second quarter"),
    nor from one still under way or to come ("demand should hold up in the fourth quarter").
    """

    def __init__(self, publication: dt.date | None):
        self._latest: dict[int, tuple[int, str, int]] = {}  # rank -> (order, value, offset in the text)
        self._written: dict[int, tuple[int, str, int]] = {}  # the same, of the values the text wrote whole
        self._order = 0
        self._duration = -1  # order of the latest duration
        self._publication = publication
        self._reported: tuple[dt.date, str] | None = None  # (end, value) of the latest completed quarter

    def note(self, kind: str, value: str, written: bool = True, at: int = 0, apart: bool = False) -> None:
        """Note an expression as read (at offset ``at``); ``written``: its value is as the text
        wrote it ('June 2003'), not placed from an anchor ('June', 'today', 'last year'); ``apart``:
        a duration's hours are counted from now or from another happening ('the next 12 hours')."""
        self._order += 1
        if kind == "DURATION" and not value.startswith("PTX") and (apart or not _within_a_day(value)):
            # (not 'for hours', 'minutes later': no span told; nor 'For three hours crews fought the fire.
            # That night, ...': hours the day went on for do not take the story off it)
            self._duration = self._order
        elif kind in ("DATE", "TIME") and (code := _resolve.granularity(value)) is not None:
            self._latest[_resolve.RANK[code]] = (self._order, value, at)
            if written:
                self._written[_resolve.RANK[code]] = (self._order, value, at)
            if code == "Q" and self._publication:
                end = timex_span(value).end
                if end < self._publication and (self._reported is None or end > self._reported[0]):
                    self._reported = (end, value)

    def placed_ahead(self, value: str | None, day: dt.date) -> bool:
        """Whether ``value``, a day (or a time of one) of the context, lies after ``day`` and was
        placed there from an anchor ('next Monday'), not written whole ('6 January 2011')."""
        if not value or _resolve.granularity(value) != "D" or side_of(value, day) != 1:
            return False
        return all(written != value for _, written, _ in self._written.values())

    def told_year(self, value: str, at: int, entry: bool = False) -> str | None:
        """``value`` (a past month or day placed from the publication) moved to the year of a month
        or day the text wrote whole, in an earlier year, at most ``STORY_REACH`` characters before
        offset ``at``, when it falls after that date in its year: the text tells a story of that
        year ("Argentina invaded on 2 April 1982. Its forces surrendered on 14 June."); else None.
        A chronology's ``entry`` that falls before it runs into the next year ("Nov. 4, 2012 - ...
        Dec. 12 - ... Jan. 9 - ...": January 2013), not past the publication."""
        found = self._written.get(_resolve.RANK["D"])
        if found is None or self._publication is None:
            return None
        order, written, where = found
        later = [o for rank, (o, _, _) in self._latest.items() if rank != _resolve.RANK["SE"]] \
            + ([] if entry else [self._duration])
        if order < max(later, default=-1) or at - where > STORY_REACH:
            return None  # (a date or, but in a chronology's entries, a duration told since: "the following year")
        year = written[:4]
        if not year.isdigit() or int(year) >= self._publication.year or value[:4] == year:
            return None
        moved = _resolve.in_year_of(value, year + "-12-31")
        if moved is not None and moved[:len(written)] < written[:len(moved)]:  # (before the date written whole)
            if not entry:
                return None
            moved = _resolve.in_year_of(value, f"{int(year) + 1:04d}-12-31")  # (a chronology runs on)
            if moved is not None and moved[:10] > self._publication.isoformat():
                return None
        return moved

    def retell(self, at: int, entry: str | None = None) -> None:
        """The story of the date the text wrote whole goes on at offset ``at`` (a date was moved
        into its year there): its reach runs on from here, and a chronology's ``entry`` (the value
        it was moved to) is what the entries after it follow."""
        rank = _resolve.RANK["D"]
        if rank in self._written:
            order, written, _ = self._written[rank]
            self._written[rank] = (order, entry or written, at)

    def headed_year(self, value: str, publication: str, text: str, at: int) -> str:
        """A chronology's entry ``value`` (at offset ``at``) placed more than ``ENTRY_AHEAD`` days
        after the publication, moved into the year its list's heading writes whole, when that is
        the publication's or the one before: a review of a year ("2017 in Kandora\nJan 10th: surge
        announced", printed in December) tells that year, not the next.  The heading is the line
        of the year the text last wrote, short and with no sentence in it, with only the list's
        entries after it ('In 2017 the talks failed twice.\nJan 23 - Negotiators meet' and 'Tour
        dates (tickets for 2017 shows are sold out):\nJan 12 - ...' are lists of what is to
        come).  A page's captions a day ahead of its stamp ('May 27: Top Kill equipment is used',
        printed on May 26) stay: a stamp can be late."""
        found = self._written.get(_resolve.RANK["Y"])
        if found is None or value[:4] <= publication[:4]:
            return value
        span, day = timex_span(value[:10]), dt.date.fromisoformat(publication)
        year, written = found[1][:4], found[2]
        if span is None or (span.start - day).days <= ENTRY_AHEAD or not year.isdigit() \
                or not int(publication[:4]) - 1 <= int(year) <= int(publication[:4]):
            return value  # (a year of history, 'the 1979 Ixtoc spill', is no heading of the year reviewed)
        start, end = text.rfind("\n", 0, written) + 1, text.find("\n", written, at)
        heading = text[start:end].strip() if end >= 0 else ""
        if not heading or len(heading) > HEADING_CHARS or _SENTENCE_END.search(heading + " ") \
                or not all(ENTRY_LINE.match(line) for line in text[end + 1:at].split("\n")[:-1] if line.strip()):
            return value
        return _resolve.in_year(value, year) or value

    def latest_placed(self, ranks: set[int], written: bool = False, since: int | None = None,
                      past_durations: int | None = None) -> tuple[str, int] | None:
        """The latest value with one of the precision ``ranks``, and the offset where the text
        wrote it (``written``: of those the text wrote whole, 'June 2003' but not 'June' or
        'today'), unless a duration came after it; with ``since``, the latest at or after that
        offset, whatever came after it (the day of a clock in its sentence: "on Wednesday, after a
        48-hour ultimatum expired at 4:30 p.m."); with ``past_durations`` (the offset of the
        expression to anchor), a duration told since does not close a date written at most
        ``DURATION_REACH`` characters before ("The fire broke out on Feb. 14. Crews fought
        it for three days. That day, ...": a day's anaphor tells of the day, the duration only how
        long; further back, the story has moved on)."""
        latest = self._written if written else self._latest
        found = [latest[r] for r in ranks if r in latest]
        if not found:
            return None
        order, value, at = max(found)
        passed = past_durations is not None and past_durations - at <= DURATION_REACH
        if (order < self._duration and since is None and not passed) or (since is not None and at < since):
            return None
        if self._reported and _resolve.granularity(value) == "Q":
            return self._reported[1], at
        return value, at


def _context_fits(hit: Hit, value: str, at: int, text: str, publication: str | None) -> bool:
    """Whether the date ``value`` the text wrote at offset ``at`` may anchor ``hit``: not after
    what the rule's ``context_not_after`` matches ('since Saturday', 'until May 3': a bound of a
    span, not the day the text tells of), and within the rule's ``context_days`` of the
    publication when it sets them (a day told of 'earlier in the day' is a recent one; 'the
    ceasefire, agreed on April 2,' is background)."""
    bound = hit.rule.context_not_after
    if bound is not None and bound.search(text, max(0, at - BEFORE_REACH), at):
        return False
    days = hit.options.get("context_days")
    if days is None or publication is None:
        return True
    span, anchor = timex_span(value[:10]), dt.date.fromisoformat(publication)
    return span is not None and abs((span.start - anchor).days) <= int(days)


def _anchor(hit: Hit, publication: str | None, context: _Context, since: int | None = None,
            text: str = "", own: int | None = None) -> tuple[str | None, str | None, str]:
    """``(kind, anchor value, template)`` for ``hit``: the publication date, or for rules anchored
    in context the latest value of the text with a precision they accept (option ``context``, by
    default the one they refer to: "that day" a day, "the quarter" a quarter); when the text
    gives none, the publication date with the rule's ``else`` template if it has one (none for
    ``else=unknown``: the value stays unknown, 'XXXX-WXX' for a week).
    ``context=finer`` accepts the precision referred to and every finer one ("a week later" counts
    from a day or a week, "three years later" from a day, a month or a year).  ``since``: the
    offset before which no such value counts (the start of the sentence, for ``within=sentence``; of
    the sentence before it, for ``within=previous``).  A value the ``text`` before which matches the
    rule's ``context_not_after`` ('since Saturday'), or further than ``context_days`` days from the
    publication, anchors nothing.  ``context_here`` names precisions accepted besides, but only from
    a date of the expression's own sentence, which starts at offset ``own`` ("a year earlier" counts
    from a quarter the text told before, or from "last year" in its sentence, not from a year a
    paragraph back)."""
    template = hit.value
    if hit.options.get("anchor") == "context":
        head = _resolve.head_granularity(hit.value) or ""
        accepted = hit.options.get("context", head)
        if accepted == "finer":
            ranks = {r for c, r in _resolve.RANK.items() if c != "SE" and r <= _resolve.RANK.get(head, -1)}
        else:
            ranks = {_resolve.RANK[c] for c in accepted.split(",") if c in _resolve.RANK}
        # (years=written: the year comes from a date the text wrote whole, for a rule that takes
        # a year: one of a year, or one that accepts a year among its precisions)
        takes_year = head == "Y" or "Y" in accepted.split(",")
        found = context.latest_placed(ranks, written=hit.options.get("years") == "written" and takes_year, since=since,
                                      past_durations=hit.start if hit.options.get("durations") == "pass" else None)
        if own is not None:
            here = {_resolve.RANK[c] for c in hit.options["context_here"].split(",") if c in _resolve.RANK}
            near = context.latest_placed(here, since=own)
            if near is not None and (found is None or near[1] > found[1]) \
                    and _context_fits(hit, *near, text, publication):
                found = near
        if found is not None and _context_fits(hit, *found, text, publication):
            return "context", found[0], template
        template = hit.options.get("else", template)
        if template == "unknown":  # (no date of the text to count from: unknown, at the precision referred to)
            return None, None, hit.value
    return ("publication", publication, template) if publication else (None, None, template)
