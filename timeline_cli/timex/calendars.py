"""Other calendars, by arithmetic: the 24 solar terms (the sun's longitude), Easter (Western and
Orthodox), the Hebrew calendar and the tabular Islamic calendar.

Every function returns a Gregorian `date`, or None when the year is out of its range; none
raises on an odd year.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta, timezone

_CHINA = timezone(timedelta(hours=8))
_J2000 = 2451545.0  # Julian day of 2000-01-01 12:00 TT
_UNIX_EPOCH_JD = 2440587.5


# --- solar terms -----------------------------------------------------------------------

def _sun_longitude(jd: float) -> float:
    """The sun's apparent ecliptic longitude in degrees (Meeus, Astronomical Algorithms, ch. 25,
    the low-accuracy method: about 0.01°, a quarter of an hour of the sun's motion)."""
    t = (jd - _J2000) / 36525
    mean = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    anomaly = math.radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t)
    centre = ((1.914602 - 0.004817 * t - 0.000014 * t * t) * math.sin(anomaly)
              + (0.019993 - 0.000101 * t) * math.sin(2 * anomaly) + 0.000289 * math.sin(3 * anomaly))
    omega = math.radians(125.04 - 1934.136 * t)
    return (mean + centre - 0.00569 - 0.00478 * math.sin(omega)) % 360


def solar_term_date(year: int, longitude: int) -> date | None:
    """The day (China time) the sun reaches `longitude` degrees in `year`: 15 → 清明, 270 → 冬至.

    Longitudes 285 and 300 (小寒, 大寒) fall in January of `year`, the others in their season.
    """
    if not 1900 <= year <= 2200:
        return None
    # A first guess: the March equinox is near 20 March; the sun moves about 0.9856° a day.
    degrees_after_equinox = longitude if longitude < 285 else longitude - 360
    guess = datetime(year, 3, 20, tzinfo=UTC) + timedelta(days=degrees_after_equinox / 0.98565)
    jd = guess.timestamp() / 86400 + _UNIX_EPOCH_JD
    for _ in range(8):
        gap = (longitude - _sun_longitude(jd) + 180) % 360 - 180
        jd += gap / 0.98565
        if abs(gap) < 1e-6:
            break
    moment = datetime.fromtimestamp((jd - _UNIX_EPOCH_JD) * 86400, tz=UTC)
    return moment.astimezone(_CHINA).date()


# --- Easter ----------------------------------------------------------------------------

def western_easter(year: int) -> date | None:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus)."""
    if not 1583 <= year <= 9999:
        return None
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date | None:
    """Easter Sunday of the Orthodox churches (Julian computus), as a Gregorian date."""
    if not 1900 <= year <= 2099:
        return None  # the Julian calendar is 13 days behind only in these years
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return date(year, month, day + 1) + timedelta(days=13)


# --- the Hebrew calendar -----------------------------------------------------------------
# Months are numbered from Nisan (1) to Elul (6), then Tishrei (7) … Adar (12), Adar II (13)
# in leap years; the year starts on 1 Tishrei (Reingold & Dershowitz, Calendrical Calculations).

_HEBREW_EPOCH = -1373427  # R.D. of 1 Tishrei, year 1 (date.toordinal counts R.D.)


def _hebrew_leap(year: int) -> bool:
    return (7 * year + 1) % 19 < 7


def _hebrew_elapsed_days(year: int) -> int:
    months = (235 * year - 234) // 19
    parts = 12084 + 13753 * months
    days = 29 * months + parts // 25920
    return days + 1 if (3 * (days + 1)) % 7 < 3 else days


def _hebrew_new_year(year: int) -> int:
    last, present, following = (_hebrew_elapsed_days(y) for y in (year - 1, year, year + 1))
    delay = 2 if following - present == 356 else 1 if present - last == 382 else 0
    return _HEBREW_EPOCH + present + delay


def _hebrew_month_length(year: int, month: int) -> int:
    year_days = _hebrew_new_year(year + 1) - _hebrew_new_year(year)
    if month in (2, 4, 6, 10, 13):
        return 29
    if month == 12:
        return 30 if _hebrew_leap(year) else 29
    if month == 8:  # Heshvan: long in a complete year
        return 30 if year_days % 10 == 5 else 29
    if month == 9:  # Kislev: short in a deficient year
        return 29 if year_days % 10 == 3 else 30
    return 30


def hebrew_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of day/month of the Hebrew year `year` (AM)."""
    if not 3800 <= year <= 13000:
        return None
    last_month = 13 if _hebrew_leap(year) else 12
    if month == 13 and last_month == 12:
        month = 12  # Adar II in a common year is Adar
    rd = _hebrew_new_year(year) + day - 1
    if month < 7:  # Nisan … Elul: after all the months from Tishrei to the last Adar
        rd += sum(_hebrew_month_length(year, m) for m in range(7, last_month + 1))
        rd += sum(_hebrew_month_length(year, m) for m in range(1, month))
    else:
        rd += sum(_hebrew_month_length(year, m) for m in range(7, month))
    try:
        return date.fromordinal(rd)
    except (ValueError, OverflowError):
        return None


def hebrew_year_for(gregorian_year: int, month: int) -> int:
    """The Hebrew year whose `month` falls in `gregorian_year` (Tishrei … Adar start in autumn)."""
    return gregorian_year + 3761 if month >= 7 else gregorian_year + 3760


# --- the tabular Islamic calendar ----------------------------------------------------------
# The arithmetic calendar (30-year cycle, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29);
# announced dates may differ by a day where the new moon is sighted.

_ISLAMIC_EPOCH = 227015  # R.D. of 1 Muharram 1 AH (16 July 622, Julian)


def islamic_to_gregorian(year: int, month: int, day: int) -> date | None:
    if not 1 <= year <= 9000:
        return None
    rd = (_ISLAMIC_EPOCH - 1 + (year - 1) * 354 + (3 + 11 * year) // 30
          + 29 * (month - 1) + month // 2 + day)
    try:
        return date.fromordinal(rd)
    except (ValueError, OverflowError):
        return None


def islamic_dates_in(gregorian_year: int, month: int, day: int) -> list[date]:
    """Every Gregorian date of day/month of an Islamic year that falls in `gregorian_year`
    (the Islamic year is 11 days shorter: some years hold one such day, some two)."""
    first = round((gregorian_year - 622) * 33 / 32) - 1
    found = []
    for year in range(first, first + 3):
        day_ = islamic_to_gregorian(year, month, day)
        if day_ is not None and day_.year == gregorian_year:
            found.append(day_)
    return found
