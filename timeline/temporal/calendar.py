"""TIMEX3 values as calendar periods: '2014-10' is the whole of October 2014.

Pure functions with no language knowledge; shared by events, merging and the renderers.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

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
    except ValueError:  # an impossible calendar date in the value
        return None
