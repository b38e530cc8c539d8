"""Solar Hijri (Jalali) dates in Gregorian terms, and dates written in each edition's language.

The arithmetic is `jdatetime`'s; the month names come from the Unicode CLDR through Babel, in the
form each edition's prose writes them (CONTRIBUTING's style guide): the Persian ezafe spelt «ۀ»
(«۹ ژانویۀ ۲۰۲۰», where the CLDR writes «ژانویهٔ»), and in Arabic the Levantine name and the
Egyptian one («9 تشرين الثاني/نوفمبر 1991»). A date is day, month, year in every edition.
"""

from __future__ import annotations

import re
from datetime import date

import jdatetime
from babel.dates import get_month_names
from languages import LANGUAGES

_LATIN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
SOLAR_HIJRI_MONTHS_FA = tuple(jdatetime.date.j_months_fa)


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> date:
    """A Solar Hijri date in the Gregorian calendar; ValueError for a date that does not exist."""
    return jdatetime.date(jy, jm, jd).togregorian()


def solar_hijri_new_year(year: int) -> date | None:
    """The day Solar Hijri `year` begins (Nowruz); None for a year the calendar does not count."""
    return jalali_to_gregorian(year, 1, 1) if 1 <= year <= jdatetime.MAXYEAR else None


def gregorian_to_jalali(day: date) -> tuple[int, int, int]:
    sh = jdatetime.date.fromgregorian(date=day)
    return sh.year, sh.month, sh.day


def digits(text: str, edition: str) -> str:
    """Interface numbers in the edition's digits (the language table's): Persian digits in the
    Persian edition, Latin digits elsewhere."""
    return LANGUAGES[edition].number(text)


def month_name(month: int, edition: str = "en") -> str:
    """The month (1-12) as the edition writes it in a date: 'August', 'Ağustos', «اوت»,
    «آب/أغسطس»; the Persian ezafe as the style guide spells it: «ژانویۀ»."""
    language = LANGUAGES.get(edition, LANGUAGES["en"])
    names = (get_month_names("wide", "format", locale)[month] for locale in language.month_locales)
    return "/".join(names).replace("\u0647\u0654", "\u06c0")


def month_of_year(year: int, month: int, edition: str = "en") -> str:
    """'August 2024', «تشرين الثاني/نوفمبر 2020», «ژانویۀ ۲۰۲۰»."""
    return digits(f"{month_name(month, edition)} {year}", edition)


def long_date(day: date, edition: str = "en") -> str:
    """'9 August 2024', '9 Ağustos 2024', '۹ اوت ۲۰۲۴', '9 آب/أغسطس 2024'."""
    return digits(f"{day.day} {month_name(day.month, edition)} {day.year}", edition)


def format_date(iso: str, edition: str = "en") -> str:
    """An ISO date, month or year as the edition writes it: '9 August 2024', «دسامبر ۲۰۲۵»,
    '۱۹۹۱'."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return long_date(date(*parts), edition)
    if len(parts) == 2:
        return month_of_year(parts[0], parts[1], edition)
    return digits(str(parts[0]), edition)


def parse_solar_hijri(value: str) -> tuple[int, int | None, int | None] | None:
    """'1403/05/19' -> (1403, 5, 19); '1403' -> (1403, None, None); None if not such a date."""
    text = value.translate(_LATIN_DIGITS).strip()
    full = re.fullmatch(r"(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})", text)
    if full:
        jy, jm, jd = map(int, full.groups())
        try:
            jalali_to_gregorian(jy, jm, jd)
        except ValueError:
            return None
        return jy, jm, jd
    if re.fullmatch(r"\d{4}", text):
        return int(text), None, None
    return None


def gregorian_equivalent(value: str, edition: str = "en") -> str | None:
    """'1403/05/19' -> '9 August 2024'; '1403' -> '2024–2025'; anything else -> None."""
    parsed = parse_solar_hijri(value)
    if parsed is None:
        return None
    jy, jm, jd = parsed
    if jm is not None and jd is not None:
        return long_date(jalali_to_gregorian(jy, jm, jd), edition)
    return digits(f"{jy + 621}–{jy + 622}", edition)


def solar_hijri_long(value: str) -> str | None:
    """'1403/05/19' -> '۱۹ مرداد ۱۴۰۳', in Persian, for the Persian edition."""
    parsed = parse_solar_hijri(value)
    if parsed is None:
        return None
    jy, jm, jd = parsed
    if jm is None or jd is None:
        return None
    return digits(f"{jd} {SOLAR_HIJRI_MONTHS_FA[jm - 1]} {jy}", "fa")


#: an ISO date, month or year, as the timeline and the records write them
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def solar_hijri(iso: str) -> str:
    """An ISO date (or year, or month) in the Solar Hijri calendar, for the Persian edition; empty
    for a date the calendar does not count (before its first day, in March 622, or past
    jdatetime's last year)."""
    match = ISO_DATE.match(iso)
    if not match:
        return iso
    year, month, day = (int(g) if g else 0 for g in match.groups())
    try:
        if month and day:
            jy, jm, jd = gregorian_to_jalali(date(year, month, day))
            return f"{jy}/{jm:02d}/{jd:02d}"
        if month:
            jy, jm, _ = gregorian_to_jalali(date(year, month, 1))
            return f"≈ {jy}/{jm:02d}"
    except ValueError:  # jdatetime: "year is out of range"
        return ""
    first, last = year - 622, year - 621  # the two Solar Hijri years a Gregorian year spans
    return f"{first}–{last}" if 1 <= first and last <= jdatetime.MAXYEAR else ""
