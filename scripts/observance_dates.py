"""Write ``timeline/temporal/observances.tsv``: the days of the observances that follow a lunar or
lunisolar calendar (Ramadan, the two Eids, Ashura, Passover, Rosh Hashanah, Yom Kippur, Hanukkah,
Diwali, the Lunar New Year), one line a year, for the tagger to place them as it places Easter.

    pip install hijridate convertdate lunardate holidays
    python scripts/observance_dates.py

Only this script needs those packages; the tagger reads the table it writes.  The Islamic days are
those of Saudi Arabia's Umm al-Qura calendar (``hijridate``; the day a country keeps may differ by one,
as the moon is sighted), the Jewish ones the first day of each festival by the arithmetic Hebrew calendar
(``convertdate``; it begins at sundown the evening before), the Lunar New Year China's
(``lunardate``) and Diwali India's (the ``holidays`` package, which knows it from 2001 to 2035).
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

FIRST, LAST = 1950, 2035  # (the years of news a reader may bring, and a history it recalls: 1973)
OUT = Path(__file__).resolve().parent.parent / "timeline" / "temporal" / "observances.tsv"


def islamic(month: int, day: int) -> dict[int, list[dt.date]]:
    from hijridate import Gregorian, Hijri

    found: dict[int, list[dt.date]] = {}
    for year in range(Gregorian(FIRST, 1, 1).to_hijri().year, Gregorian(LAST, 12, 31).to_hijri().year + 1):
        day_of = Hijri(year, month, day).to_gregorian()
        found.setdefault(day_of.year, []).append(dt.date(day_of.year, day_of.month, day_of.day))
    return found


def hebrew(month: int, day: int) -> dict[int, list[dt.date]]:
    from convertdate import hebrew as calendar

    found: dict[int, list[dt.date]] = {}
    for year in range(FIRST + 3759, LAST + 3762):
        day_of = dt.date(*calendar.to_gregorian(year, month, day))
        found.setdefault(day_of.year, []).append(day_of)
    return found


def lunar_new_year() -> dict[int, list[dt.date]]:
    from lunardate import LunarDate

    return {year: [LunarDate(year, 1, 1).to_solar_date()] for year in range(FIRST, LAST + 1)}


def diwali() -> dict[int, list[dt.date]]:
    import holidays

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        days = holidays.India(years=range(FIRST, LAST + 1))
    return {day.year: [day] for day, name in days.items() if "Diwali" in name}


def main() -> None:
    tables = {
        "ramadan": islamic(9, 1), "eid_al_fitr": islamic(10, 1), "eid_al_adha": islamic(12, 10),
        "ashura": islamic(1, 10),
        "passover": hebrew(1, 15), "rosh_hashanah": hebrew(7, 1), "yom_kippur": hebrew(7, 10),
        "hanukkah": hebrew(9, 25),
        "lunar_new_year": lunar_new_year(), "diwali": diwali(),
    }
    lines = [
        "# The days of observances that follow a lunar or lunisolar calendar, by Gregorian year",
        "# (written by scripts/observance_dates.py, which says whose calendars they are).",
        "# Format: observance<TAB>year<TAB>its days that year (ISO; two in the years an Islamic",
        "# observance comes twice).  Language vocabularies name them (holiday ... L:ramadan+0).",
    ]
    for name, table in tables.items():
        for year in range(FIRST, LAST + 1):
            days = sorted(day for day in table.get(year, []))
            if days:
                lines.append(f"{name}\t{year}\t{' '.join(day.isoformat() for day in days)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines) - 4} lines")


if __name__ == "__main__":
    main()
