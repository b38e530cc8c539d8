"""Solar Hijri (Jalali) dates in Gregorian terms, for the bibliographic records."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> date:
    """Convert a Solar Hijri date to the Gregorian calendar (arithmetic 33-year cycle)."""
    jy += 1595
    days = -355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + jd
    days += (jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    gd = days + 1
    leap = (gy % 4 == 0 and gy % 100 != 0) or gy % 400 == 0
    month_days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    gm = 0
    while gm < 12 and gd > month_days[gm]:
        gd -= month_days[gm]
        gm += 1
    return date(gy, gm + 1, gd)


def gregorian_equivalent(value: str) -> str | None:
    """'1403/05/19' -> '9 August 2024'; '1403' -> '2024–2025'; anything else -> None."""
    digits = value.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")).strip()
    full = re.fullmatch(r"(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})", digits)
    if full:
        d = jalali_to_gregorian(*map(int, full.groups()))
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    year = re.fullmatch(r"\d{4}", digits)
    if year:
        y = int(digits)
        return f"{y + 621}–{y + 622}"
    return None


def gregorian_to_jalali(day: date) -> tuple[int, int, int]:
    """Convert a Gregorian date to the Solar Hijri calendar, the inverse of the above."""
    jy = day.year - 621
    start = jalali_to_gregorian(jy, 1, 1)
    if day < start:
        jy -= 1
        start = jalali_to_gregorian(jy, 1, 1)
    offset = (day - start).days
    if offset < 186:
        return jy, offset // 31 + 1, offset % 31 + 1
    offset -= 186
    return jy, offset // 30 + 7, offset % 30 + 1
