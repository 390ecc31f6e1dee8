"""What a TIMEX3 value may look like: the test oracle for every value the tagger gives."""

from __future__ import annotations

import re

from timeline.temporal.calendar import possible

_TIME = r"T(?:(?:[01]\d|2[0-4])(?::[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)?|XX(?::XX)?|MO|AF|EV|NI|DT)"
_CALENDAR = (
    r"(?:(?:BC)?\d{4,}|XXXX)"
    r"(?:-(?:(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12]\d|3[01]|XX)(?:" + _TIME + r")?)?"
    r"|W(?:0[1-9]|[1-4]\d|5[0-3]|XX)(?:-(?:[1-7]|WE|X)(?:" + _TIME + r")?)?"
    r"|Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
    r"|(?:BC)?\d{2,3}|XXX|XX|\d"  # a decade (201 is 2010-2019), a century (20), a millennium (2)
)
_AMOUNT = r"(?:\d+(?:\.\d+)?|X+)"
_DURATION = (r"P(?:" + _AMOUNT + r"[YMWDQHELC]|XX)*(?:T(?:" + _AMOUNT + r"[HMS])+)?")
_VALID = re.compile(r"(?:" + _CALENDAR + r"|" + _DURATION + r"|PRESENT_REF|PAST_REF|FUTURE_REF)")


def valid_value(value: str) -> bool:
    """Whether ``value`` is a well-formed TIMEX3 value (TimeML 1.2.1, TIDES conventions) naming
    no impossible day: ``2017-09-06``, ``2017-W36-WE``, ``1998-Q3``, ``199``, ``BC0500``,
    ``XXXX-WXX-7TNI``, ``P3Y``, ``PT1H30M``, ``PXD``, ``PAST_REF``... but not ``2017-02-29``,
    ``2017-13``, ``P`` or ``T25:00``."""
    if not value or not _VALID.fullmatch(value) or value == "P":
        return False
    return possible(value)
