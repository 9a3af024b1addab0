"""The days a holiday covers in a given year: one day (春节, 赎罪日) or a period (斋月, 春节假期)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from . import calendar as cal
from . import calendars
from .holiday_table import period_table
from .pieces import ComputedHoliday, FixedHoliday, Holiday, HolidayPeriod, LunarDay, LunarMonth


def holiday_interval(holiday: Holiday, year: int) -> tuple[date, date] | None:
    """First and last day of `holiday` in the Gregorian year `year` (the year of its first day)."""
    if isinstance(holiday, FixedHoliday):
        if not cal.valid_date(year, holiday.month, holiday.day):
            return None
        day = date(year, holiday.month, holiday.day)
        return day, day
    if isinstance(holiday, LunarDay):
        day = cal.lunar_to_solar(year - 1 if holiday.year_before else year, holiday.month, holiday.day, holiday.leap)
        return None if day is None else (day, day)
    if isinstance(holiday, LunarMonth):
        first = cal.lunar_to_solar(year, holiday.month, 1, holiday.leap)
        last = cal.lunar_to_solar(year, holiday.month, 30, holiday.leap) or cal.lunar_to_solar(
            year, holiday.month, 29, holiday.leap)
        return None if first is None or last is None else (first, last)
    if isinstance(holiday, ComputedHoliday):
        first = rule_date(holiday.rule, year)
        if first is None:
            return None
        last = first if holiday.until is None else rule_date(holiday.until, year, after=first)
        if last is None or last < first:
            return None
        if holiday.eve:  # a Jewish feast: from the evening it begins
            first -= timedelta(days=1)
            if holiday.until is None:
                last = first
        return first, last
    if isinstance(holiday, HolidayPeriod):
        return _period(holiday, year)
    return None


def _period(period: HolidayPeriod, year: int) -> tuple[date, date] | None:
    days = _period_days(period, year)
    if days is None or period.first_days is None:
        return days
    return days[0], min(days[1], days[0] + timedelta(days=period.first_days - 1))  # 国庆假期前4天


def _period_days(period: HolidayPeriod, year: int) -> tuple[date, date] | None:
    table = period_table(period.key)
    announced = table.get(period.region, {}).get(str(year))
    if announced:
        return date.fromisoformat(announced[0]), date.fromisoformat(announced[1])
    around = holiday_interval(period.around, year)
    if around is None:
        return None
    before, after = table.get(f"default_{period.region}", table["default"])  # default_SG: one day off
    return around[0] + timedelta(days=before), around[1] + timedelta(days=after)


def rule_date(rule: str, year: int, after: date | None = None) -> date | None:
    """The day a rule of holidays.toml names in `year` (see its header for the forms)."""
    kind, _, argument = rule.partition(" ")
    if kind == "chuxi":
        return cal.lunar_new_year_eve(year)
    if kind == "date":
        month, day = (int(x) for x in argument.split("-"))
        return date(year, month, day) if cal.valid_date(year, month, day) else None
    if kind == "lunar":
        month, day = (int(x) for x in argument.split("-"))
        return cal.lunar_to_solar(year, month, day)
    if kind == "solar-term":
        return calendars.solar_term_date(year, int(argument))
    if kind == "nth-weekday":
        month, n, weekday = (int(x) for x in argument.split())
        return cal.nth_weekday(year, month, weekday - 1, n)
    if kind in ("easter", "orthodox-easter"):
        easter = calendars.western_easter(year) if kind == "easter" else calendars.orthodox_easter(year)
        return None if easter is None else easter + timedelta(days=int(argument))
    if kind == "hebrew":
        return _hebrew(argument, year)
    if kind == "islamic":
        month, day = (int(x) for x in argument.split("-"))
        found = [d for d in calendars.islamic_dates_in(year, month, day) if after is None or d >= after]
        if not found and after is not None:  # a period that ends in the next Gregorian year
            found = calendars.islamic_dates_in(year + 1, month, day)
        return found[0] if found else None
    raise ValueError(f"unknown holiday rule {rule!r}")


def _hebrew(argument: str, year: int) -> date | None:
    parts = argument.split()
    month, day = (int(x) for x in parts[0].split("-"))
    shift = next((int(p) for p in parts[1:] if p[0] in "+-"), 0)
    found = calendars.hebrew_to_gregorian(calendars.hebrew_year_for(year, month), month, day)
    if found is None:
        return None
    if "shabbat+1" in parts and found.weekday() == 5:
        found += timedelta(days=1)  # 9 Av on a Sabbath is kept the day after
    if "independence" in parts:
        found += timedelta(days=_independence_shift(found.weekday()))
    return found + timedelta(days=shift)


@lru_cache(maxsize=8)
def _independence_shift(weekday: int) -> int:
    """Israel's Independence Day moves off the days around the Sabbath: from a Friday or a
    Saturday to the Thursday before, from a Monday to the Tuesday."""
    return {4: -1, 5: -2, 0: 1}.get(weekday, 0)
