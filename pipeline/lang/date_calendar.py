"""Calendar arithmetic and the candidate record that every language's date grammar shares.

The grammars themselves (``pipeline/lang/<code>/dates.py``) only recognise
expressions; turning a day and month into the year closest to the reference,
or a weekday into a day, is the same for every language and lives here.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

# ---------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------

def resolve_weekday(weekday: int, reference: datetime.date, future: bool = False) -> datetime.date:
    """Most recent such weekday on or before reference (future=False), or the next one on or after it.

    News reports mostly narrate the past, so a bare "on Thursday" defaults to
    the past; a Thursday reference resolves "Thursday" to itself, never a week back.
    """
    if future:
        return reference + datetime.timedelta(days=(weekday - reference.weekday()) % 7)
    return reference - datetime.timedelta(days=(reference.weekday() - weekday) % 7)


def shift_days(iso_day: str, days: int) -> str:
    """Move a 'YYYY-MM-DD' day by `days` (negative = earlier): '2025-05-08', -1 -> '2025-05-07'."""
    return (datetime.date.fromisoformat(iso_day) + datetime.timedelta(days=days)).isoformat()


def valid_day(year: int, month: int, day: int) -> datetime.date | None:
    """The date, or None when the day does not exist (a 31 June read from text)."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def closest_day(month: int, day: int, ref: datetime.date) -> datetime.date | None:
    """The (month, day) in the year that puts it closest to ref; a tie goes to the past."""
    best: tuple[tuple[int, bool], datetime.date] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        cand = valid_day(year, month, day)
        if cand is None:
            continue
        key = (abs((cand - ref).days), cand > ref)
        if best is None or key < best[0]:
            best = (key, cand)
    return best[1] if best else None


def month_year(month: int, ref: datetime.date, mode: str) -> int:
    """Year for a bare month: 'closest' (tie -> past), 'past' (<= ref month), 'past_strict',
    'future' (>= ref month) or 'future_strict'."""
    r = ref.year * 12 + ref.month - 1
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        diff = year * 12 + month - 1 - r
        if mode == "past" and diff > 0 or mode == "past_strict" and diff >= 0:
            continue
        if mode == "future" and diff < 0 or mode == "future_strict" and diff <= 0:
            continue
        key = abs(diff) * 2 + (diff > 0)
        if best is None or key < best[0]:
            best = (key, year)
    assert best is not None  # three consecutive years always contain a candidate
    return best[1]


def ym(year: int, month: int) -> str:
    """A month-precision ISO date."""
    return f"{year:04d}-{month:02d}"


def shift_month(ref: datetime.date, months: int) -> str:
    """'YYYY-MM' of the month `months` away from ref's month."""
    k = ref.year * 12 + ref.month - 1 + months
    return ym(k // 12, k % 12 + 1)


def week_month(ref: datetime.date, weeks: int) -> str:
    """'YYYY-MM' of the week `weeks` away from ref's week, by its Thursday (the ISO rule for
    which month a week belongs to): "last week" is a vague date of month precision."""
    thursday = ref - datetime.timedelta(days=ref.weekday()) + datetime.timedelta(days=3 + 7 * weeks)
    return ym(thursday.year, thursday.month)


def range_days(d1: int, m1: int, y1: int | None, d2: int, m2: int, y2: int | None,
                ref: datetime.date | None) -> tuple[datetime.date, datetime.date] | None:
    """Resolve a day range whose start or end may lack a year (the end's year, or the reference, decides)."""
    if y1 is not None and y2 is not None:
        a, b = valid_day(y1, m1, d1), valid_day(y2, m2, d2)
    elif y2 is not None:
        a, b = valid_day(y2, m1, d1), valid_day(y2, m2, d2)
        if a and b and a > b:
            a = valid_day(y2 - 1, m1, d1)
    elif y1 is not None:
        a, b = valid_day(y1, m1, d1), valid_day(y1, m2, d2)
        if a and b and b < a:
            b = valid_day(y1 + 1, m2, d2)
    else:
        if ref is None:
            return None
        b = closest_day(m2, d2, ref)
        if b is None:
            return None
        a = valid_day(b.year, m1, d1)
        if a and a > b:
            a = valid_day(b.year - 1, m1, d1)
    if a is None or b is None or b < a:
        return None
    return a, b


# ---------------------------------------------------------------------------
# Regex pieces every grammar uses
# ---------------------------------------------------------------------------

DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
MONTH = r"(?:1[0-2]|0?[1-9])(?!\d)"
YEAR = r"(?:19\d\d|20\d\d|2100)(?!\d)"
# a year named as one ("năm 1883", "in 1883"): the 19th century too, for old treaties and visits
YEAR_NAMED = r"(?:1[89]\d\d|20\d\d|2100)(?!\d)"


# ---------------------------------------------------------------------------
# Candidates
# ---------------------------------------------------------------------------

@dataclass
class Cand:
    """A date expression a grammar recognised, before the longest non-overlapping ones are chosen."""

    start: int
    end: int
    date_start: str
    date_end: str
    weekday: int | None = None
    relative: bool = False
    kind: str = "date"       # "date" | "day" (explicit day) | "anchor" (weekday/today, may take a following day)
    bare_ok: bool = True     # False: only valid when merged with a following explicit day ("Thứ hai 03/11/2025")


def day_cand(start: int, end: int, a: datetime.date, b: datetime.date | None = None) -> Cand:
    """A day-precision candidate covering ``a`` to ``b`` (one day when ``b`` is missing)."""
    return Cand(start, end, a.isoformat(), (b or a).isoformat(), kind="day")


def opt_int(s: str | None) -> int | None:
    """An optional regex group as a number."""
    return int(s) if s else None



def listed_years(text: str, pos: int, joiners: str, lead: str = "") -> list[Cand]:
    """The years listed after one ending at ``pos`` ("in 2003, 2009 and 2017", "năm 2003 và 2004"):
    one candidate each, as each is another time. ``joiners`` is the language's "and", ``lead`` a word
    a listed year may repeat ("năm", "in"); a list ends with "and": "in 2003, 2004 delegates" is none."""
    again = rf"(?:(?:{lead})\s+)?" if lead else ""
    year = rf"{again}{YEAR}(?![\w]|[.,:]\d|\s*%)"
    m = re.compile(rf"(?:\s*,\s*{year})*\s*,?\s+(?:{joiners})\s+{year}", re.I).match(text, pos)
    if m is None:
        return []
    return [Cand(pos + y.start(), pos + y.end(), y.group(), y.group())
            for y in re.finditer(YEAR, text[pos:m.end()])]
