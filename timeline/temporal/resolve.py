"""Placing underspecified values on the calendar, against an anchor and the sentence's tense.

The rules give values in these forms (see the header of ``rules.tsv``):

- a plain TIMEX3 value (``2014-10``, ``P3Y``, ``PRESENT_REF``): kept as it is, but for a
  fraction of a duration unit, written in the next smaller one (``P2.5Y`` -> ``P2Y6M``), and
  decades and centuries in a duration written E and C (``PXDE`` -> ``PXE``);
- ``XXXX-...``: a year to choose (``XXXX-09-30``, ``XXXX-Q3``, ``XXXX-SU``) or a weekday to place
  (``XXXX-WXX-7``, ``XXXX-WXX-WE``), by the rule's direction or else by tense; ``XXXX-XX-15``, a
  day of a month not told ("on the 15th"), its month chosen as a year-less day's year is, from
  the month before the anchor's to the month after (a past sentence's never after the anchor);
- ``[G+N]rest``: the anchor's period of granularity ``G`` moved by ``N`` such periods, then
  ``rest`` appended (``[D-1]`` is yesterday, ``[Y-1]-04`` April last year); ``[.Y-1]`` moves the
  anchor by a year and keeps the anchor's own precision (a year before ``1989-Q3`` is ``1988-Q3``),
  ``[.Y=1988]`` puts it in 1988; ``[Y-26@W]`` moves it by 26 years and gives the week it is then
  in ("26 years ago this week");
- ``...-MM-DD+N``: the first ISO weekday ``N`` on or after that day (``XXXX-11-22+4`` is
  Thanksgiving, a Thursday), its year given or chosen as above; ``[D+7]+6`` the first Saturday
  from a week on ("Saturday week");
- ``...@WE``: the weekend nearest that day (a Monday's or Tuesday's the one before it); ``...@W``
  the ISO week it is in;
- ``...-E+N``, ``...-E-N``: ``N`` days after or before (Western) Easter Sunday of that year
  (``XXXX-E-2`` is Good Friday), its year given or chosen as above.

Directions: ``<`` strictly before the anchor, ``>`` strictly after, ``=`` the anchor's own year (or
week), ``~`` by tense: past or none means the latest on or before the anchor for weekdays ("Sunday"
said on a Wednesday is three days before; the same weekday is the anchor day itself), future the
earliest on or after, prospective (a future seen from a past moment: "said he would go on Friday",
"was due on Monday") and subsequent (after an event whose time is not told: "shares rose ahead of
Thursday's results") the one from two days before to four days after (what was said or planned
looks ahead, and is told soon after); a weekend without tense, the nearest (the anchor
week's own on a tie: "at the weekend" said on a Monday is the one just gone); a
year-less month, day or season in the future is the first on or after the anchor (a day in June
said in September with "will" is next June's; not so in the prospective, which looks ahead from a
past moment, nor for a day gone by at most ``FUTURE_REACH_BACK`` days: stale text), otherwise the
occurrence nearest to the anchor, occurrences on the side the tense turns away from counting as
twice as far (and a past sentence reaching at most three months ahead); a quarter, half or season
the latest begun in a past sentence, in the future one not over (or just over: its results are
still to come), else the nearest.

With no anchor, the value keeps its X's and is reported unresolved: nothing is guessed from
today's date.  A value naming a day no calendar has ("February 29, 2017") keeps what is possible
and is reported unresolved (``2017-02-XX``).  Offsets that leave Python's calendar ("7000 years
ago", "99999999 weeks later", "tomorrow" said on 9999-12-31) are counted on in the proleptic
Gregorian calendar and written as ``calendar.py`` says (``BC4984``, ``10000-01-01``); decades
and centuries out there are left unresolved.  Pure functions; no language knowledge.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.models import Granularity
from timeline.temporal.calendar import (
    Day, day_at, easter, month_days, observance_days, possible, timex_span, timex_year, without_impossible_day,
    year_text,
)
from timeline.temporal.engine import ASIDE, GONE, GOVERNS, PAST

# calendar.timex_span, kept for the values met again in a text (the publication day is most of its
# expressions' anchor; a few, so that a stream of texts keeps no more): the periods are read here,
# never changed
_span = lru_cache(maxsize=64)(timex_span)

# granularity codes, finest first; a rank compares how precise two values are (a season, SE, is
# about a month's and anchors only the rules that name it: context=SE)
RANK = {"D": 0, "W": 1, "WE": 1, "M": 2, "SE": 2.5, "Q": 3, "H": 4, "Y": 5, "DE": 6, "CE": 7}
_CODE = {
    Granularity.TIME: "D", Granularity.DAY: "D", Granularity.WEEK: "W", Granularity.MONTH: "M",
    Granularity.SEASON: "M", Granularity.QUARTER: "Q", Granularity.HALF: "H", Granularity.YEAR: "Y",
    Granularity.DECADE: "DE", Granularity.CENTURY: "CE", Granularity.MILLENNIUM: "CE",
}
_UNKNOWN = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
            "H": "XXXX-HX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}
_PAST = (PAST, GONE)  # the tenses of what has been (tense.tsv)
AHEAD_UNTOLD = 2  # days: a weekday told with no tense is the nearest of its name up to so many days ahead
PAST_REACH = 90  # days: "said the offer expires Nov. 16" may look ahead, not "fell in January"
# days: a day the future names that is at most this long before the anchor is that one, not
# next year's: the text was written before it ran (a schedule left on a page, an entry of a
# chronology: "June 14 - he says he will meet them on June 16", published June 28)
FUTURE_REACH_BACK = 35
# days: a quarter or half that a future names and that ended at most this long before the anchor
# is that one: its results are still to come ("will report a loss in the third quarter", said in
# late October); one that ended earlier is next year's ("will recover in the second half")
RESULTS_REACH_BACK = 45
_MONTHS = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}  # periods counted in months
_RELATIVE = re.compile(r"^\[(\.?)([A-Z]+)(?:([-+=])(\d+(?:\.\d+)?))?(?:@([A-Z]+))?\](.*)$")
_WEEKDAY = re.compile(r"^XXXX-WXX-(\d|WE)(T.*)?$")
_SEASONS = ("SP", "SU", "FA", "WI")
_SEASON = re.compile(rf"-({'|'.join(_SEASONS)})$")
_ON_OR_AFTER = re.compile(r"^(\d{4}-\d\d-\d\d)\+([1-7])(.*)$")
_FROM_EASTER = re.compile(r"^(\d{4})-E([-+]\d+)(.*)$")
_FROM_TABLE = re.compile(r"^(\d{4})-L:([a-z_]+)([-+]\d+)(.*)$")  # days from an observance of a table
_MOVABLE_ANY_YEAR = re.compile(r"^XXXX-(?:\d\d-\d\d\+[1-7]|E[-+]\d+|L:[a-z_]+[-+]\d+)")
_WEEKDAY_ON = re.compile(r"\+[1-7](?=T|$)")  # the weekday looked for from a day moved, as above
# a movable day of unknown year (of a year the observances' table does not reach)
_MOVABLE = re.compile(r"^(XXXX-|\d{4}-)(?:(\d\d)-\d\d\+[1-7]|E[-+]\d+|L:[a-z_]+[-+]\d+)")
_FRACTION = re.compile(r"^P(T?)(\d+)\.(\d+)([A-Z])$")
_LONG_UNIT = re.compile(r"^(P[\dX]+)(DE|CE)$")
_LONG_LETTER = {"DE": "E", "CE": "C"}  # decades and centuries as a duration's unit
# a fraction of a duration unit written in the next smaller one: (time part?, unit) -> (unit, how
# many make one, whether the smaller unit belongs to the time part)
_SMALLER = {("", "Y"): ("M", 12, False), ("", "Q"): ("M", 3, False), ("", "M"): ("D", 30, False),
            ("", "W"): ("D", 7, False), ("", "D"): ("H", 24, True), ("T", "H"): ("M", 60, True),
            ("T", "M"): ("S", 60, True)}


def granularity(value: str) -> str | None:
    """The granularity code of a calendar value (``1989-Q3`` -> ``Q``, a season ``SE``), None if
    it is none."""
    span = _span(value)
    if span is None:
        return None
    if value.endswith("-WE"):
        return "WE"
    if _SEASON.search(value):
        return "SE"
    return _CODE[span.granularity]


def looks_back(tense: str | None) -> bool:
    """Whether ``tense`` speaks of what has been: the past, or a time told gone."""
    return tense in _PAST


def looks_ahead(tense: str | None) -> bool:
    """Whether ``tense`` speaks of what is to come: the future, a future seen from the past
    ("prospective": "said he would go on Friday"), or what comes after an event whose own time
    is not told ("subsequent": "shares rose ahead of Thursday's results")."""
    return tense in ("future", "prospective", "subsequent")


def needs_tense(template: str, direction: str) -> bool:
    return direction == "~" and template.startswith("XXXX-")


def needs_anchor(template: str) -> bool:
    return template.startswith(("XXXX-", "["))


def head_granularity(template: str) -> str | None:
    """The granularity a template takes from its anchor: ``[Q]`` -> ``Q``, ``XXXX-...`` -> ``D``."""
    m = _RELATIVE.match(template)
    if m:
        return m.group(2)
    return "D" if template.startswith("XXXX-") else None


def resolve(template: str, anchor: str | None, direction: str = "~", tense: str | None = None,
            reach: str | None = GOVERNS) -> tuple[str, bool]:
    """``(value, resolved)`` of a rule's value template against ``anchor`` (a TIMEX3 value).

    ``tense`` is 'past', 'present', 'future', 'prospective' (a future seen from the past),
    'subsequent' (after an event whose time the clause does not tell) or None,
    and ``reach`` how its cue stands to the expression (``engine.TenseReader``): only a
    future that governs takes a year-less day or month past the anchor; one ``APART``, in another
    clause, only makes the past side count double ("will double its flights between Sydney and
    Delhi by August"); one ``ASIDE`` has no say on them: "will testify about the May 3 memo" is
    the nearest May 3.  Weekdays take the tense whatever its reach: the text around speaks of
    the week to come or gone."""
    if template.endswith(WEEKEND_OF):  # the weekend of a day ('Thanksgiving weekend')
        value, resolved = resolve(template[:-len(WEEKEND_OF)], anchor, direction, tense, reach)
        return weekend_of(value), resolved
    if template.endswith(WEEK_OF):  # the week of a day ('the week of July 20')
        value, resolved = resolve(template[:-len(WEEK_OF)], anchor, direction, tense, reach)
        return week_of(value), resolved
    if tense == "subsequent":  # after an event the clause tells no time of: a weekday as from the past,
        tense = "prospective" if _WEEKDAY.match(template) else None  # a date the nearest either side
    if _WEEKDAY.match(template):
        reach = GOVERNS
    elif looks_ahead(tense) and reach == ASIDE:
        tense = None
    value, resolved = _resolve(template, anchor, direction, tense, reach == GOVERNS)
    movable = _MOVABLE.match(value)
    if movable:  # no year to count from: the month if the rule gives it, never the rule's notation
        return f"{movable.group(1)}{movable.group(2) or 'XX'}-XX{value[movable.end():]}", False
    if not possible(value):  # "February 29, 2017": the day is unknown, not invented
        return without_impossible_day(value), False
    return _week_day_as_date(value), resolved


WEEKEND_OF = "@WE"
WEEK_OF = "@W"


def weekend_of(value: str) -> str:
    """The weekend nearest a day: a Monday's or Tuesday's is the one before it ('Memorial Day
    weekend'), any other day's the one of its own week ('Thanksgiving weekend'); unknown for a
    value that is no day."""
    day = _single_day(value)
    if day is None:
        return _UNKNOWN["WE"]
    if day.isoweekday() <= 2:
        day = day_at(day.toordinal() - 7)
    return format_at(day, "WE")


def week_of(value: str) -> str:
    """The ISO week of a day ('the week of July 20'); unknown for a value that is no day."""
    day = _single_day(value)
    return _UNKNOWN["W"] if day is None else format_at(day, "W")


def _single_day(value: str):
    """The day ``value`` is, None when it is no single day."""
    span = _span(value)
    return span.start if span is not None and span.start == span.end else None


_ISO_WEEK_DAY = re.compile(r"(\d{4})-W(\d\d)-([1-7])(?=T|$)")


def _week_day_as_date(value: str) -> str:
    """A day given by its ISO week (``2010-W23-3``, "Wednesday next week") as the calendar
    date TIMEX3 writes (``2010-06-09``)."""
    m = _ISO_WEEK_DAY.match(value)
    if m is None:
        return value
    try:
        day = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return value
    return day.isoformat() + value[m.end():]


def is_weekday(template: str) -> bool:
    """Whether a rule's template names a weekday ('XXXX-WXX-4', with its time or part of day)."""
    m = _WEEKDAY.match(template)
    return m is not None and m.group(1) != "WE"


# a month, a day of a month, a quarter or a half without its year; the same in a given year
_YEARLESS = re.compile(r"^XXXX-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12])$")
_DATED = re.compile(r"^(\d{4})-(\d\d(?:-\d\d)?|Q[1-4]|H[12])$")


def lacks_year(template: str) -> bool:
    """Whether a rule's template is a month, a day, a quarter or a half written without its year
    ('March 3', 'Q2')."""
    return _YEARLESS.match(template) is not None


def in_year_of(value: str, later: str) -> str | None:
    """``value`` (a month or a day, its year chosen) in the year of ``later`` (a month or a day),
    or in the year before when that keeps it from falling after ``later`` ("December and January
    2009"); the same for quarters and for halves ("Q2 - Q4 2010"). None when ``later`` is not of
    the same kind, or the day is not in that year."""
    m, own = _DATED.match(later), _DATED.match(value)
    if m is None or own is None or _kind_of_part(own.group(2)) != _kind_of_part(m.group(2)):
        return None
    moved = m.group(1) + value[4:]
    if moved[:len(later)] > later[:len(moved)]:
        if m.group(1) == "0000":
            return None  # (no year before the calendar's first in this notation)
        moved = f"{int(m.group(1)) - 1:04d}" + value[4:]
    return moved if possible(moved) else None


def year_moved(value: str, years: int) -> str | None:
    """``value`` (a value that opens on its year: '2010-01-12') ``years`` years on (back when
    negative), or None when that year is not one of four digits or has no such day ('Feb. 29')."""
    year = int(value[:4]) + years if value[:4].isdigit() else -1
    if not 0 <= year <= 9999:
        return None
    moved = f"{year:04d}{value[4:]}"
    return moved if possible(moved) else None


def in_order(start: str, end: str, back: bool | None, anchor: str | None = None) -> tuple[str, str]:
    """A range's ``start`` and ``end`` (months, days, quarters or halves, their years chosen
    apart) with the start not after the end: when it is, the start a year earlier (``back``: a
    range told as past, 'Sales rose from May to December', said in March) or the end a year later
    (``back`` False: a range to come or that holds now, 'the season runs from June 1 to November
    30', said in July); with no tense (``back`` None), whichever range lies nearer ``anchor``
    (a day), the earlier when both do."""
    first, last = _DATED.match(start), _DATED.match(end)
    if first is None or last is None or _kind_of_part(first.group(2)) != _kind_of_part(last.group(2)) \
            or start[:len(end)] <= end[:len(start)]:
        return start, end
    earlier, later = year_moved(start, -1), year_moved(end, 1)
    if back is None and earlier is not None and later is not None and anchor is not None:
        day = dt.date.fromisoformat(anchor)
        gone, to_come = _span(end), _span(start)  # (the ranges' ends nearest the anchor)
        if gone is not None and to_come is not None:
            back = (day - gone.end).days <= (to_come.start - day).days
    if back is not False and earlier is not None:
        return earlier, end
    if not back and later is not None:
        return start, later
    return start, end


_COUNTED_WEEK = re.compile(r"\[W[-+]\d+\]-\d$")  # a weekday of a week counted from the anchor: "[W-1]-2"


def in_counted_week(template: str) -> bool:
    """Whether a rule's template is a weekday of a week counted from the anchor ("Tuesday last
    week": ``[W-1]-2``), not of the current one."""
    return _COUNTED_WEEK.match(template) is not None


def same_week(value: str, other: str) -> str | None:
    """The weekday of ``value`` (a day) in the ISO week of ``other`` (a day); None when either is
    no day."""
    if len(value) != 10 or len(other) != 10:
        return None
    try:
        day, within = dt.date.fromisoformat(value), dt.date.fromisoformat(other)
    except ValueError:
        return None
    return (within + dt.timedelta(days=day.isoweekday() - within.isoweekday())).isoformat()


def in_year(value: str, year: str) -> str | None:
    """``value`` (a month or a day, its year chosen) in ``year``; None when the day is not in it."""
    moved = year + value[4:]
    return moved if possible(moved) else None


def _kind_of_part(part: str) -> str:
    """'Q' or 'H' for a quarter or a half of a year, '' for a month or a day."""
    return part[0] if part[0] in "QH" else ""


def not_before(value: str, earlier: str) -> str:
    """A weekday's ``value`` moved on by whole weeks until its day is not before ``earlier``'s
    (the end of "from Thursday to Saturday" comes after its start)."""
    try:
        day, first = dt.date.fromisoformat(value[:10]), dt.date.fromisoformat(earlier[:10])
    except ValueError:
        return value
    try:
        while day < first:
            day += dt.timedelta(days=7)
    except OverflowError:  # (past the calendar's end, in the last days of year 9999)
        return value
    return day.isoformat() + value[10:]


def near(value: str, anchor: str | None, window: str) -> bool:
    """Whether the year of ``value`` lies within ``window`` ("B,A": B years before to A years
    after) of the year of ``anchor``; True when either has no year."""
    span, anchor_span = _span(value), _span(anchor) if anchor else None
    year = span.start.year if span else timex_year(value)
    if year is None or anchor_span is None:
        return True
    before, _, after = window.partition(",")
    return -int(before) <= year - anchor_span.start.year <= int(after or before)


_PART_OF_YEAR = re.compile(r"^\d{4}(-[QH][1-4])$")


def unknown(value: str) -> str:
    """A value with the same precision as ``value`` but no known date (``2031`` -> ``XXXX``); a
    quarter or half keeps its number (``2031-Q2`` -> ``XXXX-Q2``)."""
    part = _PART_OF_YEAR.match(value)
    if part:
        return "XXXX" + part.group(1)
    return _UNKNOWN.get(granularity(value) or "Y", "XXXX")


def _resolve(template: str, anchor: str | None, direction: str, tense: str | None,
             governs: bool = True) -> tuple[str, bool]:
    if template.strip("X") == "":  # wholly unknown ("21 years later" after no date): unresolved
        return template, False
    relative = _RELATIVE.match(template)
    if relative:
        value, resolved = _relative(relative, anchor)
        # a movable day of the year moved to ([Y-1]-E+0: Easter last year), or a day moved, then the
        # first weekday on or after it ("Saturday week", [D+7]+6); none with no anchor, or past the
        # calendar's end
        value = movable_day(value) if resolved else value
        if not _WEEKDAY_ON.search(relative.group(6)):
            return value, resolved
        return (_WEEKDAY_ON.sub("", value), False) if _WEEKDAY_ON.search(value) else (value, resolved)
    fraction = _FRACTION.match(template)
    if fraction:
        return _whole_units(*fraction.groups()), True
    long_unit = _LONG_UNIT.match(template)
    if long_unit:
        return long_unit.group(1) + _LONG_LETTER[long_unit.group(2)], True
    if template.startswith("XXXX-"):
        span = _span(anchor) if anchor else None
        if span is None:
            return template, False
        weekday = _WEEKDAY.match(template)
        if weekday:
            if span.start != span.end:
                return template, False
            return _weekday(weekday.group(1), weekday.group(2) or "", span.start, direction, tense), True
        monthless = _MONTHLESS.match(template)
        if monthless:
            return _month(monthless.group(1), monthless.group(2) or "", span.start, direction, tense, governs)
        if direction == "=" and anchor.endswith("-WI") and template[5:] in _AFTER_WINTER:
            # (a winter runs into the next year: 'the winter of 2010-11 ... That spring' is 2011's)
            return f"{span.end.year:04d}{template[4:]}", True
        return _year(template[5:], span.start, direction, tense, governs)
    return movable_day(template), True


_AFTER_WINTER = ("SP", "SU")  # the seasons of the year a winter ends in


def movable_day(value: str) -> str:
    """A movable day as that day: a day given as the first weekday on or after a date
    (``2023-11-22+4`` is the first Thursday, ISO weekday 4, from 22 November 2023 on,
    ``2023-11-23``), as days from Easter Sunday (``2024-E-2``, Good Friday, is
    ``2024-03-29``) or from an observance of a lunar calendar (``2012-L:eid_al_adha+0`` is
    ``2012-10-26``; the first of a year that has two, see :func:`movable_days`); other values, and
    an observance in a year its table does not reach, are returned as they are."""
    return movable_days(value)[0]


def set_value(template: str) -> str:
    """A SET's value: a day that moves from year to year ('every Easter', 'each Thanksgiving') has no
    TIMEX3 form without its year, so the set is of years, ``P1Y``; others are their template."""
    return "P1Y" if _MOVABLE_ANY_YEAR.match(template) else template


def movable_days(value: str) -> list[str]:
    """The days :func:`movable_day` names, each: two in a year an Islamic observance comes twice
    (Eid al-Adha fell on 10 January and 31 December 2006)."""
    observed = _FROM_TABLE.match(value)
    if observed:
        year, name, shift, rest = observed.groups()
        days = observance_days(name, int(year))
        return [day_at(day.toordinal() + int(shift)).isoformat() + rest for day in days] or [value]
    return [_movable_day(value)]


def _movable_day(value: str) -> str:
    easter_day = _FROM_EASTER.match(value)
    if easter_day:
        year = int(easter_day.group(1))
        if not dt.MINYEAR <= year <= dt.MAXYEAR:
            return value
        day = easter(year).toordinal() + int(easter_day.group(2))
        return day_at(day).isoformat() + easter_day.group(3)
    m = _ON_OR_AFTER.match(value)
    if m is None:
        return value
    try:
        day = dt.date.fromisoformat(m.group(1))
    except ValueError:  # an impossible day: left for resolve() to blank
        return m.group(1) + m.group(3)
    return day_at(day.toordinal() + (int(m.group(2)) - day.isoweekday()) % 7).isoformat() + m.group(3)


def _relative(m: re.Match, anchor: str | None) -> tuple[str, bool]:
    keep, code, sign, amount, told, rest = m.groups()
    span = _span(anchor) if anchor else None
    months = float(amount) * _MONTHS.get(code, 0) if amount and "." in amount else None
    if span is None or code not in RANK or (months is not None and not (months and months == round(months))):
        # (no anchor; or a count of periods that is no whole number of months, "1.5 days ago",
        # "17.2 years ago": no period to name)
        return _UNKNOWN.get(code, "XXXX") + rest, False
    if sign == "=":  # [.Y=1988]: the anchor's period, in year 1988
        shift = int(amount) - span.start.year
    elif months is not None:  # "half a century ago", "2.5 years from now": counted in months
        code, shift = "M", round(months) * (-1 if sign == "-" else 1)
    else:
        shift = int(amount or 0) * (-1 if sign == "-" else 1)
    precision = told or (granularity(anchor) if keep else m.group(2))
    if months is not None and precision in ("DE", "CE") and not told:  # (half a century ago: a year)
        precision = "Y" if months % 12 == 0 else "M"
    value = format_at(_shift(span.start, code, shift), precision)
    if value is None:  # a decade or century past the year 9999 or before AD 1
        return _UNKNOWN.get(precision, "XXXX") + rest, False
    return value + rest, True


def _whole_units(time: str, whole: str, decimals: str, unit: str) -> str:
    """A fractional duration in whole units: ``P2.5Y`` -> ``P2Y6M``, ``PT1.5H`` -> ``PT1H30M``,
    ``P0.5D`` -> ``PT12H`` (kept as it is when the fraction is no whole number of smaller units)."""
    value = f"P{time}{whole}.{decimals}{unit}"
    if (time, unit) not in _SMALLER:
        return value
    smaller, per, in_time = _SMALLER[(time, unit)]
    part = float(f"0.{decimals}") * per
    if abs(part - round(part)) > 1e-9:
        return value
    if round(part) == per:  # ('1.9999999999999 hours' is 2 hours, not 1 hour and 60 minutes)
        return f"P{time}{int(whole) + 1}{unit}"
    head = f"{whole}{unit}" if whole != "0" else ""
    tail = f"{round(part)}{smaller}"
    if in_time and not time:
        return f"P{head}T{tail}"
    return f"P{time}{head}{tail}"


def _shift(day: dt.date, code: str, n: int) -> dt.date | Day:
    """``day`` moved by ``n`` periods of granularity ``code`` (a :class:`Day` past the calendar)."""
    if code == "D":
        return day_at(day.toordinal() + n)
    if code in ("W", "WE"):
        return day_at(day.toordinal() + 7 * n)
    months = _MONTHS[code] * n
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = min(day.day, month_days(year, month + 1))
    if dt.MINYEAR <= year <= dt.MAXYEAR:
        return dt.date(year, month + 1, last)
    return Day(year, month + 1, last)


def format_at(day: dt.date | Day, code: str) -> str | None:
    """The TIMEX3 value of the period of granularity ``code`` that contains ``day``; None for a
    decade or century outside the years 1 to 9999 (their values have no room for it)."""
    y, m = day.year, day.month
    if code == "D":
        return day.isoformat()
    if code in ("W", "WE"):
        iso_year, week, _ = day.isocalendar()
        return f"{year_text(iso_year)}-W{week:02d}" + ("-WE" if code == "WE" else "")
    if code in ("DE", "CE"):
        if not dt.MINYEAR <= y <= dt.MAXYEAR:
            return None
        return f"{y // 10:03d}" if code == "DE" else f"{y // 100:02d}"
    year = year_text(y)
    return {
        "M": f"{year}-{m:02d}",
        "Q": f"{year}-Q{(m - 1) // 3 + 1}",
        "H": f"{year}-H{1 if m <= 6 else 2}",
        "Y": year,
    }[code]


def _weekday(which: str, time: str, anchor: dt.date, direction: str, tense: str | None) -> str:
    target = 6 if which == "WE" else int(which)
    here = anchor.toordinal()
    if which == "WE" and direction == "~" and tense is None:
        # no tense: the nearest weekend, the week's own on a tie ('at the weekend' said on a
        # Monday is the one just gone, on a Thursday the one to come)
        saturday = here - anchor.isoweekday() + 6
        direction = "<" if here - (saturday - 6) < saturday - here else "="
    days = [n for n in range(here - 7, here + 8) if (n - 1) % 7 + 1 == target]  # ordinals
    if direction == "<":
        n = max(n for n in days if n < here)
    elif direction == ">":
        n = min(n for n in days if n > here)
    elif direction == "=":
        week = anchor.isocalendar()[:2]
        n = next(n for n in days if day_at(n).isocalendar()[:2] == week)
    elif tense == "prospective":  # ahead of a past moment ('said he would go on Friday')
        n = next(n for n in days if -2 <= n - here <= 4)  # one of each weekday, two days back to four ahead
    elif looks_ahead(tense):
        n = min(n for n in days if n >= here)
    elif tense in (None, "present"):
        # no past told: the nearest, but no more than AHEAD_UNTOLD days ahead ('On Tuesday, lawmakers hold
        # a hearing', said on a Sunday; not a caption's 'battle a blaze on Wednesday', said on a Sunday)
        n = next(n for n in days if -(6 - AHEAD_UNTOLD) <= n - here <= AHEAD_UNTOLD)
    else:
        n = max(n for n in days if n <= here)
    day = day_at(n)
    if which == "WE":
        return format_at(day, "WE")
    return day.isoformat() + time


def _distance(span, anchor: dt.date, tense: str | None) -> float:
    """Days between ``anchor`` and a period, doubled on the side the tense turns away from; a
    past sentence does not reach more than ``PAST_REACH`` days ahead."""
    if span.start <= anchor <= span.end:
        return 0
    if span.end < anchor:
        return (anchor - span.end).days * (2 if looks_ahead(tense) else 1)
    ahead = (span.start - anchor).days
    if tense == "past":
        return 2 * ahead if ahead <= PAST_REACH else float("inf")
    if tense == "gone":  # ('since January', said in December: never the January to come)
        return float("inf")
    return ahead


def _year(rest: str, anchor: dt.date, direction: str, tense: str | None,
          governs: bool = True) -> tuple[str, bool]:
    """``XXXX-rest`` with the year chosen around ``anchor``; a future moves a day or month past
    the anchor only where it ``governs`` the expression."""
    date_part = rest.split("T", 1)[0]
    part_of_year = date_part[:1] in "QHSFW"  # a quarter, half, season (SP, SU, FA, WI) or week
    season = date_part[:2] in _SEASONS
    candidates = {}  # year -> its value and span
    unknown = []  # years the observances' table does not reach
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if not dt.MINYEAR <= year <= dt.MAXYEAR:  # at the calendar's edge: the years it has
            continue
        for index, value in enumerate(movable_days(f"{year:04d}-{rest}")):  # (an observance may come twice)
            span = _span(value.split("T", 1)[0])
            if span is not None:
                candidates[year, index] = (value, span)
            elif _FROM_TABLE.match(value):
                unknown.append(year)
    if unknown:
        candidates = _standing_in(candidates, unknown)
    if date_part == "02-29":  # (a leap day, whose only year near may lie most of a year ahead of a past
        # sentence, or behind a future one: 'seized the airport on Feb. 29', told in March 2023, is not 2024's)
        back, ahead = tense in _PAST, tense == "future" and governs
        candidates = {year: (value, span) for year, (value, span) in candidates.items()  # (as far as a past day may be ahead)
                      if not (back and (span.start - anchor).days > PAST_REACH) and not (ahead and span.end < anchor)}
    return _choose(candidates, "XXXX-" + rest, anchor, direction, tense, governs, part_of_year, season,
                   (anchor.year, 0), FUTURE_REACH_BACK)


# days either side of a year's observance that the next or last year's may fall on (a lunar year is
# 11 days short of the sun's, and a lunisolar calendar's month added now and then moves a feast by 19 or 30)
DRIFT = 31


@dataclass(frozen=True)
class _Around:
    """Where an observance of a year the table does not reach may fall: its start and end."""
    start: dt.date
    end: dt.date


def _standing_in(candidates: dict, unknown: list[int]) -> dict:
    """``candidates`` (year and index -> value and span) with one for each of the ``unknown``
    years: no value, over the days the observance may fall on then (the nearest known year's day
    moved by the years between, ``DRIFT`` days either way), so that if it is the one the tense
    chooses, no day is ('signed on Hanukkah', said in January 1950, is not December 1950's; 'during
    the Lunar New Year', said in June 2035, is still February 2035's); none when no year is known."""
    known = [(year, span) for (year, _), (_, span) in candidates.items()]
    if not known:
        return {}
    for year in unknown:
        near, span = min(known, key=lambda item: abs(item[0] - year))
        day = span.start.toordinal() + round((year - near) * 365.2425)
        candidates[year, 0] = (None, _Around(dt.date.fromordinal(day - DRIFT), dt.date.fromordinal(day + DRIFT)))
    return dict(sorted(candidates.items()))


_MONTHLESS = re.compile(r"^XXXX-XX-(\d\d)(T.*)?$")  # a day of a month not told: 'on the 15th'


def _month(day: str, time: str, anchor: dt.date, direction: str, tense: str | None,
           governs: bool = True) -> tuple[str, bool]:
    """``XXXX-XX-day`` with its month (and year) chosen around ``anchor``, as a year-less day's
    year is: from the month before the anchor's to the month after (a month without that day,
    '30 February', is none of them)."""
    candidates = {}  # months from year 0 -> the day's value and span
    for months in range(anchor.year * 12 + anchor.month - 2, anchor.year * 12 + anchor.month + 1):
        year, month = divmod(months, 12)
        value = f"{year:04d}-{month + 1:02d}-{day}"
        span = _span(value) if dt.MINYEAR <= year <= dt.MAXYEAR and possible(value) else None
        if span is not None and not (tense in _PAST and span.start > anchor):
            candidates[months] = (value + time, span)  # (a past sentence's day of a month is gone)
    own = anchor.year * 12 + anchor.month - 1
    # (a future's day just gone is next month's: a page left up a month late is no reason here)
    return _choose(candidates, f"XXXX-XX-{day}{time}", anchor, direction, tense, governs, False, False, own, 0)


def _choose(candidates: dict, template: str, anchor: dt.date, direction: str, tense: str | None,
            governs: bool, part_of_year: bool, season: bool, own: int, reach_back: int) -> tuple[str, bool]:
    """The value of the candidate (key -> value and span, keys in calendar order; ``own``, the
    anchor's) the direction, else the tense, chooses around ``anchor``; a day a governing future
    names at most ``reach_back`` days before the anchor is that one.  ``(template, False)`` when
    none fits."""
    spans = [(key, span) for key, (_, span) in candidates.items()]
    if not spans:
        return template, False
    if direction == "<":
        chosen = [y for y, s in spans if s.end < anchor][-1:]
    elif direction == ">":
        chosen = [y for y, s in spans if s.start > anchor][:1]
    elif direction == "=":  # the anchor's own: the season it is in ('this winter', said in January)
        chosen = [y for y, s in spans if season and s.start <= anchor <= s.end][:1] or [
            y for y, _ in spans if y == own]
    elif (not part_of_year or season) and tense == "future" and governs:  # a month, day or season still to come...
        stale = [y for y, s in spans if s.start == s.end and 0 < (anchor - s.end).days <= reach_back]
        chosen = stale[-1:] or [y for y, s in spans if s.end >= anchor][:1]  # ...unless just gone
    elif part_of_year and tense == "future" and governs:  # a quarter or half not yet over...
        chosen = [y for y, s in spans if (anchor - s.end).days <= RESULTS_REACH_BACK][:1]  # ...or just reported
    elif part_of_year and tense in _PAST:  # begun
        chosen = [y for y, s in spans if s.start <= anchor][-1:]
    elif part_of_year:  # not past: the nearest
        chosen = [min(spans, key=lambda c: _distance(c[1], anchor, None))[0]]
    else:  # months and days: the nearest, the side the tense turns away from counting double
        nearest = min(spans, key=lambda c: _distance(c[1], anchor, tense))
        # (none, when every one lies where the tense cannot reach, as only at the calendar's first year:
        # 'captured the port on Christmas', said on 2 January of year 1)
        chosen = [nearest[0]] if _distance(nearest[1], anchor, tense) < float("inf") else []
    if not chosen or candidates[chosen[0]][0] is None:
        return template, False
    return candidates[chosen[0]][0], True
