"""Calendar arithmetic: month ends, ISO weeks, lunar dates, solar terms, holiday rules."""

from __future__ import annotations

from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 1, 9999


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def last_day(year: int, month: int) -> int:
    if month == 2 and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return 29
    return _MONTH_DAYS[month - 1]


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, last_day(year, month))


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_date(day: date, amount: int, unit: str) -> date:
    """day moved by amount units (year, month, week, day), clamping to the month's end."""
    if unit == "day":
        return day + timedelta(days=amount)
    if unit == "week":
        return day + timedelta(weeks=amount)
    if unit == "month":
        y, m = add_months(day.year, day.month, amount)
    elif unit == "year":
        y, m = day.year + amount, day.month
    else:
        raise ValueError(unit)
    return date(y, m, min(day.day, last_day(y, m)))


def week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def iso_week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def valid_date(year: int, month: int, day: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 1 <= day <= last_day(year, month)


# --- lunar calendar -------------------------------------------------------------------

def lunar_to_solar(lunar_year: int, month: int, day: int, leap: bool = False) -> date | None:
    """The Gregorian date of a day in the Chinese lunar calendar (1900–2099), or None."""
    from lunardate import LunarDate  # a table-driven converter; imported only when needed

    try:
        lunar = LunarDate(lunar_year, month, day, leap)
        convert = getattr(lunar, "to_solar_date", None) or lunar.toSolarDate
        return convert()
    except (ValueError, IndexError, KeyError):
        return None


def lunar_new_year_eve(year: int) -> date | None:
    """除夕: the last day of the lunar year that ends in `year`."""
    new_year = lunar_to_solar(year, 1, 1)
    return None if new_year is None else new_year - timedelta(days=1)


# --- solar terms ----------------------------------------------------------------------
# The day of a solar term from the well-known approximation [Y*D + C] - L, Y the last
# two digits of the year, L the leap days before it; C depends on the century.

_SOLAR_TERM_C = {
    "qingming": {19: 5.59, 20: 4.81},   # around April 5
    "dongzhi": {19: 22.60, 20: 21.94},  # around December 22
}
_SOLAR_TERM_MONTH = {"qingming": 4, "dongzhi": 12}
_SOLAR_TERM_EXCEPTIONS = {("dongzhi", 1918): -1, ("dongzhi", 2021): -1, ("qingming", 2232): 1}


def solar_term(name: str, year: int) -> date | None:
    century = year // 100
    constant = _SOLAR_TERM_C[name].get(century)
    if constant is None:
        return None
    y = year % 100
    day = int(y * 0.2422 + constant) - y // 4
    day += _SOLAR_TERM_EXCEPTIONS.get((name, year), 0)
    return date(year, _SOLAR_TERM_MONTH[name], day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday (0 = Monday) of a month, e.g. the 2nd Sunday of May; n = -1: the last."""
    if n < 0:
        last = date(year, month, last_day(year, month))
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))


def special_holiday(rule: str, year: int) -> date | None:
    if rule == "chuxi":
        return lunar_new_year_eve(year)
    if rule in ("qingming", "dongzhi"):
        return solar_term(rule, year)
    if rule == "may-2nd-sunday":
        return nth_weekday(year, 5, 6, 2)
    if rule == "june-3rd-sunday":
        return nth_weekday(year, 6, 6, 3)
    if rule == "november-4th-thursday":
        return nth_weekday(year, 11, 3, 4)
    raise ValueError(f"unknown holiday rule {rule!r}")
