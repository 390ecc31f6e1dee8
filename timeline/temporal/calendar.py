"""TIMEX3 values as calendar periods: '2014-10' is the whole of October 2014.

Values beyond Python's calendar (years 1 to 9999) are valid TIMEX3 values too: the text may say
"7000 years ago" or "99999999 weeks later".  They are written in the proleptic Gregorian calendar
with the conventions of TIDES (the TIMEX2 standard whose values TimeML's TIMEX3 inherits), as
HeidelTime writes them: a year before AD 1 is ``BC`` and its year of that era, with at least four
digits and no year zero (``BC0001`` is the year before ``0001``; ``BC4984-03`` is March 4984 BC);
a year after 9999 is written with all its digits (``10000-01-01``).  Such values name no
:class:`DateSpan` (:func:`timex_span` gives None), so they are kept as values but not placed on a
date axis; :func:`timex_year` and :func:`side_of` still tell where they lie.

Pure functions with no language knowledge; shared by events, merging and the renderers.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Optional

from timeline.models import DateSpan, Granularity

_SEASONS = {  # meteorological seasons (northern hemisphere), as month ranges
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 2),
}

# decades, centuries and millennia: (group of _VALUE, years, granularity)
_LONG_PERIODS = (
    ("dec", 10, Granularity.DECADE),
    ("cent", 100, Granularity.CENTURY),
    ("mil", 1000, Granularity.MILLENNIUM),
)

_VALUE = re.compile(
    r"""^(?:
      (?P<y>\d{4})(?:-(?:
          (?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<t>\d{2}(?::\d{2})?|MO|AF|EV|NI|DT))?)?
        | W(?P<w>\d{2})(?:-(?P<wd>\d|WE))?
        | Q(?P<q>[1-4])
        | H(?P<h>[12])
        | (?P<s>SP|SU|FA|WI)
      ))?
    | (?P<dec>\d{3})
    | (?P<cent>\d{2})
    | (?P<mil>\d)
    )$""",
    re.VERBOSE,
)


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


_CLOCK = re.compile(r"([01]\d|2[0-4]):([0-5]\d)$")  # (24:00, the end of a day, is one)


def clock(span: DateSpan) -> tuple[int, int] | None:
    """The hour and minute of a time span, else None (also for a time set by hand, unchecked,
    that is no clock time)."""
    m = _CLOCK.match(span.time or "") if span.granularity == Granularity.TIME else None
    return (int(m[1]), int(m[2])) if m else None


def timex_span(value: Optional[str]) -> Optional[DateSpan]:
    """The calendar period of a TIMEX3 DATE/TIME value, or None when it names no period.

    Durations, sets, references (``PAST_REF``) and values with unresolved parts (``XXXX-09-03``)
    give None: they cannot be placed on a calendar.
    """
    if not value:
        return None
    m = _VALUE.match(value)
    if not m:
        return None
    g = m.groupdict()
    try:
        if g["y"]:
            year = int(g["y"])
            if g["d"]:
                day = dt.date(year, int(g["m"]), int(g["d"]))
                t = g["t"]
                time = t if t and ":" in t else (f"{t}:00" if t and t.isdigit() else None)
                gran = Granularity.TIME if t else Granularity.DAY
                return DateSpan(value=value, start=day, end=day, granularity=gran, time=time)
            if g["m"]:
                month = int(g["m"])
                return DateSpan(value=value, start=dt.date(year, month, 1),
                                end=_month_end(year, month), granularity=Granularity.MONTH)
            if g["w"]:
                week = int(g["w"])
                monday = dt.date.fromisocalendar(year, week, 1)
                if g["wd"] == "WE":
                    return DateSpan(value=value, start=monday + dt.timedelta(days=5),
                                    end=monday + dt.timedelta(days=6), granularity=Granularity.DAY)
                if g["wd"]:
                    day = monday + dt.timedelta(days=int(g["wd"]) - 1)
                    return DateSpan(value=value, start=day, end=day, granularity=Granularity.DAY)
                return DateSpan(value=value, start=monday, end=monday + dt.timedelta(days=6),
                                granularity=Granularity.WEEK)
            if g["q"]:
                q = int(g["q"])
                return DateSpan(value=value, start=dt.date(year, 3 * q - 2, 1),
                                end=_month_end(year, 3 * q), granularity=Granularity.QUARTER)
            if g["h"]:
                h = int(g["h"])
                return DateSpan(value=value, start=dt.date(year, 6 * h - 5, 1),
                                end=_month_end(year, 6 * h), granularity=Granularity.HALF)
            if g["s"]:
                first, last = _SEASONS[g["s"]]
                end_year = year + 1 if last < first else year
                return DateSpan(value=value, start=dt.date(year, first, 1),
                                end=_month_end(end_year, last), granularity=Granularity.SEASON)
            return DateSpan(value=value, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31),
                            granularity=Granularity.YEAR)
        group, years, gran = next(period for period in _LONG_PERIODS if g[period[0]])
        first = int(g[group]) * years
        return DateSpan(value=value, start=dt.date(max(first, 1), 1, 1),
                        end=dt.date(first + years - 1, 12, 31), granularity=gran)
    except (ValueError, OverflowError):  # an impossible date, or a period past the calendar's ends
        return None


_YEAR_OF = re.compile(r"^(BC)?(\d{4,})(?=-|T|$)")


def timex_year(value: str) -> int | None:
    """The year a TIMEX3 DATE/TIME value lies in, astronomically numbered (``BC0001`` is 0), or
    None when it names no year (``XXXX-09``, ``P3Y``, ``PAST_REF``, a decade or century)."""
    m = _YEAR_OF.match(value)
    if m is None:
        return None
    year = int(m.group(2))
    return 1 - year if m.group(1) else year


def side_of(value: str, day: dt.date) -> int | None:
    """-1, 0 or 1 as the period of a DATE/TIME value lies before, around or after ``day``; None
    when the value names no period.  Works beyond the calendar (``BC0500`` is before any day)."""
    span = timex_span(value)
    if span is not None:
        return -1 if span.end < day else (1 if span.start > day else 0)
    year = timex_year(value)
    if year is None or 1 <= year <= 9999:
        return None
    return -1 if year < 1 else 1


# -- the proleptic Gregorian calendar without Python's bounds --------------------------------------


class Day(NamedTuple):
    """A day of the proleptic Gregorian calendar, any year (astronomical: 0 is 1 BC, -1 is 2 BC).

    Has the attributes and methods of ``datetime.date`` that the resolver uses, so that it can
    carry on where ``datetime.date`` overflows."""

    year: int
    month: int
    day: int

    @classmethod
    def fromordinal(cls, n: int) -> "Day":
        """The day of ordinal ``n`` (``datetime.date.toordinal``'s numbering: 1 is 0001-01-01)."""
        z = n - 1 + 306  # days since 0000-03-01
        era, doe = divmod(z, 146097)
        yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
        doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
        mp = (5 * doy + 2) // 153
        month = mp + 3 if mp < 10 else mp - 9
        return cls(yoe + era * 400 + (month <= 2), month, doy - (153 * mp + 2) // 5 + 1)

    def toordinal(self) -> int:
        y = self.year - (self.month <= 2)
        era, yoe = divmod(y, 400)
        doy = (153 * ((self.month + 9) % 12) + 2) // 5 + self.day - 1
        return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 305

    def isoweekday(self) -> int:
        return (self.toordinal() - 1) % 7 + 1

    def isocalendar(self) -> tuple[int, int, int]:
        n = self.toordinal()
        weekday = (n - 1) % 7 + 1
        thursday = n - weekday + 4
        year = Day.fromordinal(thursday).year
        return year, (thursday - Day(year, 1, 1).toordinal()) // 7 + 1, weekday

    def isoformat(self) -> str:
        return f"{year_text(self.year)}-{self.month:02d}-{self.day:02d}"


def day_at(ordinal: int) -> "dt.date | Day":
    """The day of an ordinal: a ``datetime.date`` inside Python's calendar, else a :class:`Day`."""
    if 1 <= ordinal <= _MAX_ORDINAL:
        return dt.date.fromordinal(ordinal)
    return Day.fromordinal(ordinal)


def easter(year: int) -> dt.date:
    """Western Easter Sunday of a Gregorian year (the computus, in integer arithmetic)."""
    golden = year % 19  # the year's place in the 19-year lunar cycle
    century, rest = divmod(year, 100)
    leap_skips, leap_left = divmod(century, 4)
    moon_fix = (century - (century + 8) // 25 + 1) // 3
    full_moon = (19 * golden + century - leap_skips - moon_fix + 15) % 30  # days to the Paschal full moon
    to_sunday = (32 + 2 * leap_left + 2 * (rest // 4) - full_moon - rest % 4) % 7
    late = (golden + 11 * full_moon + 22 * to_sunday) // 451
    month, day = divmod(full_moon + to_sunday - 7 * late + 114, 31)
    return dt.date(year, month, day + 1)


OBSERVANCES = Path(__file__).resolve().parent / "observances.tsv"


@lru_cache(maxsize=1)
def _observances() -> dict[tuple[str, int], tuple[dt.date, ...]]:
    table = {}
    for line in OBSERVANCES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, year, days = line.split("\t")
            table[name, int(year)] = tuple(dt.date.fromisoformat(day) for day in days.split())
    return table


def observance_days(name: str, year: int) -> tuple[dt.date, ...]:
    """The days in Gregorian ``year`` of an observance that follows a lunar or lunisolar calendar
    (``eid_al_adha``, ``passover``, ...: ``observances.tsv``, whose years its comments give): none
    for a year or a name the table does not have, two in a year an Islamic one comes twice."""
    return _observances().get((name, year), ())


def month_days(year: int | None, month: int) -> int:
    """Days in a month of a year (any year; None: the most a month can have, 29 for February)."""
    if month == 2:
        if year is None:
            return 29
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def year_text(year: int) -> str:
    """A year (astronomical numbering) as TIMEX3 writes it: ``2017``, ``0044``, ``BC0044``,
    ``10000``."""
    return f"{year:04d}" if year >= 1 else f"BC{1 - year:04d}"


_MAX_ORDINAL = dt.date.max.toordinal()


_FULL_DATE = re.compile(r"^((?:BC)?\d{4,}|XXXX)-(\d\d|XX)-(\d\d|XX)")


def possible(value: str) -> bool:
    """False when a value names a day that no calendar has (``2017-02-29``, ``XXXX-04-31``)."""
    m = _FULL_DATE.match(value)
    if m is None or "X" in m.group(2) or "X" in m.group(3):
        return True
    year = timex_year(m.group(1)) if m.group(1) != "XXXX" else None
    month, day = int(m.group(2)), int(m.group(3))
    return 1 <= month <= 12 and 1 <= day <= month_days(year, month)


def without_impossible_day(value: str) -> str:
    """A value naming an impossible day with that day (and a month past 12) unknown:
    ``2017-02-29`` -> ``2017-02-XX``, ``XXXX-13-01`` -> ``XXXX-XX-XX``."""
    m = _FULL_DATE.match(value)
    if m is None or possible(value):
        return value
    month = m.group(2) if 1 <= int(m.group(2)) <= 12 else "XX"
    return f"{m.group(1)}-{month}-XX" + value[m.end():]
