"""The English date grammar: "August 18-20", "18th of August", "last July", "on Thursday", "two years ago".

Each form is a regular expression compiled once at import; ``candidates`` adds
what it finds to the shared stage's list (``pipeline/stages/dates.py`` chooses
among them and joins ranges), ``durations`` finds "two-day", "week-long".
"""
from __future__ import annotations

import datetime
import re

from pipeline.lang.date_calendar import (
    DAY,
    YEAR,
    Cand,
    day_cand,
    listed_years,
    month_year,
    opt_int,
    range_days,
    resolve_weekday,
    shift_days,
    shift_month,
    week_month,
    ym,
)

# words without which no English expression matches (the shared stage's quick test, with digits)
PREFILTER_WORDS = (r"today|tonight|yesterday|tomorrow|night|morning|afternoon|evening|year|month|day|week|ago|"
                   r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")

_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}


def _alt(words: list[str]) -> str:
    """Title-case and UPPER-case alternatives, longest first: month names are proper nouns
    ("May", "March"), so lower-case "may"/"march" are never dates."""
    forms = sorted({w.title() for w in words} | {w.upper() for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(forms) + ")"


_FULL = [k for k in _EN_MONTHS if len(k) > 4 or k in ("may", "june", "july")]
_ABBR = [k for k in _EN_MONTHS if k not in _FULL]
_EN_MON = rf"(?:{_alt(_FULL)}(?![\w])|{_alt(_ABBR)}(?:\.|(?![\w])))"
_EN_MON_FULL = rf"{_alt(_FULL)}(?![\w])"
_ORD = r"(?:st|nd|rd|th)?"
_EN_SEP = r"(?:\s*[-–—]\s*|\s+(?:to|and|through|until|till)\s+)"

# "August 18", "Aug. 19", "Sep 02, 2016", "August 18-20", "August 30 - September 2"
_EN_MD = re.compile(rf"""
    (?:(?P<frm>(?<![\w])(?:[Ff]rom|[Bb]etween))\s+)?
    (?<![\w])(?P<mon>{_EN_MON})\s*(?P<d1>{DAY}){_ORD}
    (?:{_EN_SEP}(?:(?P<mon2>{_EN_MON})\s*)?(?P<d2>{DAY}){_ORD})?
    (?:\s*,?\s*(?P<y>{YEAR}))?
    (?![\w]|[.,:]\d)
""", re.X)

# "18 August", "18-20 August", "30 August - 2 September 2024", "18th of August"
_EN_DM = re.compile(rf"""
    (?:(?P<frm>(?<![\w])(?:[Ff]rom|[Bb]etween))\s+)?
    (?<![\w$.,:/-])(?P<d1>{DAY}){_ORD}
    (?:\s+(?:of\s+)?(?P<mon1>{_EN_MON}))?
    (?:{_EN_SEP}(?P<d2>{DAY}){_ORD})?
    \s+(?:of\s+)?(?P<mon>{_EN_MON})
    (?:\s*,?\s*(?P<y>{YEAR}))?
    (?![\w]|[.,:]\d)
""", re.X)

# "last July", "in late June", "in August 2024", "August 2024", "June this year"
_EN_MONTH = re.compile(rf"""
    (?<![\w])(?:
       (?P<lead>[Ll]ast|[Nn]ext|[Tt]his(?:\s+(?:coming|past))?|[Ee]arly|[Ll]ate|[Mm]id|
                (?:[Tt]he\s+)?(?:end|beginning|start|middle)\s+of)[-\s]+
      |(?P<prep>[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Ff]rom|[Tt]hrough|[Bb]efore|[Aa]fter)\s+
           (?:(?P<mod>early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[-\s]+)?
    )?
    (?P<mon>{_EN_MON_FULL})
    (?:\s*,?\s*(?P<y>{YEAR})(?![\w]|[.,:]\d)|\s+(?:of\s+)?(?P<rely>this|last|next)\s+year(?![\w]))?
""", re.X)

# "in 2013", "since 1992", "early 2024", "mid-2024", "from 2020 to 2025"
_EN_YEAR = re.compile(rf"""
    (?<![\w])(?:
       (?P<prep>[Ii]n|[Ss]ince|[Oo]f|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Tt]hroughout|[Tt]hrough|[Bb]efore|[Aa]fter)\s+
           (?:(?P<mod>early|late|mid|end)[-\s]+)?
      |(?P<lead>[Ee]arly|[Ll]ate|[Mm]id|[Ee]nd)[-\s]+
    )
    (?P<y>{YEAR})(?:\s*[-–]\s*(?P<y2>{YEAR})|\s+(?:to|until)\s+(?P<y3>{YEAR}))?
    (?![\w]|[.,:]\d|\s*%)
""", re.X)
# After "of 2000" / "from 2000" a lower-case word must be a function word, else the
# number is a count ("of 2000 people").
_EN_YEAR_CHECKED_PREPS = {"of", "from", "by", "before", "after", "through", "throughout", "until", "till"}
_EN_FOLLOW_WORD = re.compile(r"\s+([a-z]+)")
_EN_OK_FOLLOWERS = frozenset(
    "and or to until till through when with as was were is are has had have the a an in on at for by "
    "after before onwards onward that which while where but so he she it they we amid during between "
    "respectively saw".split())

_EN_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_EN_WEEKDAY = re.compile(rf"""
    (?<![\w])(?:(?P<lead>[Ll]ast|[Nn]ext|[Tt]his(?:\s+(?:coming|past))?|[Oo]n)\s+)?
    (?P<wd>{_alt(_EN_WEEKDAYS)})(?![\w])
    (?:\s+(?P<tod>morning|afternoon|evening|night))?
    (?:\s+(?P<wk>last|this|next)\s+week(?![\w]))?
""", re.X)
_EN_NOT_WEEKDAY_BEFORE = re.compile(r"(?<![\w])(?:Good|Black|Cyber|Super|Holy|Easter|Palm|Ash)\s+$")

_EN_REL = re.compile(r"""
    (?<![\w])(?:
      (?P<today>[Tt]oday|[Tt]onight|[Tt]his\s+(?:morning|afternoon|evening))
     |(?P<yest>[Yy]esterday|[Ll]ast\s+night)
     |(?P<tom>[Tt]omorrow)
    )(?![\w])
""", re.X)
_EN_RELPERIOD = re.compile(r"(?<![\w])(?P<which>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<unit>year|month)(?![\w])")
# "last week", "next week", "this weekend", "earlier this week": month precision (a week is no day)
_EN_RELWEEK = re.compile(r"(?<![\w])(?P<which>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\s+(?P<unit>week|weekend)(?![\w])")
# "three years ago", "two months ago", "a week ago", "10 days ago"
_EN_AGO = re.compile(r"""(?<![\w])(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|
                          fifteen|twenty|thirty)\s+(?P<unit>day|week|month|year)s?\s+ago(?![\w])""", re.X | re.I)
_DIGIT_AHEAD = re.compile(r"\s*\d")
_EN_THE_BEFORE = re.compile(r"(?<![\w])(?:the|[Tt]he|past|over)\s+$")



def _en_month(name: str) -> int:
    return _EN_MONTHS[name.rstrip(".").lower()]


def candidates(text: str, ref: datetime.date | None, out: list[Cand]) -> None:
    """Append every English date expression in ``text`` to ``out`` (years resolved against ``ref``)."""
    for m in _EN_MD.finditer(text):
        mo = _en_month(m["mon"])
        d1 = int(m["d1"])
        year = opt_int(m["y"])
        if m["d2"]:
            d2 = int(m["d2"])
            mo2 = _en_month(m["mon2"]) if m["mon2"] else mo
            if mo2 == mo and d2 <= d1:
                continue
            r = range_days(d1, mo, None, d2, mo2, year, ref)
        else:
            r = range_days(d1, mo, None, d1, mo, year, ref)
        if r:
            start = m.start("frm") if m["frm"] else m.start("mon")
            out.append(day_cand(start, m.end(), *r))

    for m in _EN_DM.finditer(text):
        mo = _en_month(m["mon"])
        d1 = int(m["d1"])
        year = opt_int(m["y"])
        if m["mon1"] and not m["d2"]:
            continue
        if m["d2"]:
            d2 = int(m["d2"])
            mo1 = _en_month(m["mon1"]) if m["mon1"] else mo
            if mo1 == mo and d2 <= d1:
                continue
            r = range_days(d1, mo1, None, d2, mo, year, ref)
        else:
            r = range_days(d1, mo, None, d1, mo, year, ref)
        if r:
            start = m.start("frm") if m["frm"] else m.start("d1")
            out.append(day_cand(start, m.end(), *r))

    for m in _EN_MONTH.finditer(text):
        mo = _en_month(m["mon"])
        year = opt_int(m["y"])
        lead = " ".join((m["lead"] or "").lower().split())
        prep = (m["prep"] or "").lower()
        if year is None and not (lead or prep or m["rely"]):
            continue  # a bare "June" may be a name
        if year is None and _DIGIT_AHEAD.match(text, m.end()):
            continue  # "June 5": a day, handled above
        relative = False
        if year is None:
            if ref is None:
                continue
            relative = lead in ("last", "next", "this", "this coming", "this past") or bool(m["rely"])
            if m["rely"]:
                year = ref.year + {"this": 0, "last": -1, "next": 1}[m["rely"]]
            elif lead in ("last", "this past"):
                year = month_year(mo, ref, "past_strict")
            elif lead in ("next", "this coming"):
                year = month_year(mo, ref, "future_strict")
            elif lead == "this":
                year = ref.year
            elif prep == "since":
                year = month_year(mo, ref, "past")
            else:
                year = month_year(mo, ref, "closest")
        if m["lead"]:
            start = m.start("lead")
        elif m["mod"]:
            start = m.start("mod")
        else:
            start = m.start("mon")
        out.append(Cand(start, m.end(), ym(year, mo), ym(year, mo), relative=relative))

    for m in _EN_YEAR.finditer(text):
        prep = (m["prep"] or "").lower()
        if prep in _EN_YEAR_CHECKED_PREPS:
            f = _EN_FOLLOW_WORD.match(text, m.end())
            if f and f.group(1) not in _EN_OK_FOLLOWERS:
                continue  # "of 2000 people"
        y1 = int(m["y"])
        y2 = opt_int(m["y2"] or m["y3"]) or y1
        if y2 < y1:
            continue
        if m["lead"]:
            start = m.start("lead")
        elif m["mod"]:
            start = m.start("mod")
        else:
            start = m.start("y")
        out.append(Cand(start, m.end(), str(y1), str(y2)))
        if y1 == y2:  # "in 2009 and 2015", "in 2003, 2009 and 2017": each another time, not a span
            listed = listed_years(text, m.end(), "and", "in")
            f = _EN_FOLLOW_WORD.match(text, listed[-1].end) if listed else None
            if not (f and f.group(1) not in _EN_OK_FOLLOWERS):  # "since 1992 and 2000 people"
                out.extend(listed)

    if ref is not None:
        for m in _EN_RELPERIOD.finditer(text):
            if _EN_THE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "over the last year" is a span of time, not a calendar year
            shift = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
            if m["unit"] == "year":
                iso = str(ref.year + shift)
            else:
                k = ref.year * 12 + ref.month - 1 + shift
                iso = ym(k // 12, k % 12 + 1)
            out.append(Cand(m.start(), m.end(), iso, iso, relative=True))

        for m in _EN_RELWEEK.finditer(text):
            if _EN_THE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "over the past week" is a span
            shift = {"last": -1, "past": -1, "this": 0, "next": 1}[m["which"].lower()]
            iso = week_month(ref, shift)
            out.append(Cand(m.start(), m.end(), iso, iso, relative=True))

        for m in _EN_AGO.finditer(text):
            n_raw = m["n"].lower()
            n = int(n_raw) if n_raw.isdigit() else 1 if n_raw in ("a", "an") else _EN_NUMBERS.get(n_raw)
            if not n:
                continue
            unit = m["unit"].lower()
            if unit == "day":
                iso = shift_days(ref.isoformat(), -n)
            elif unit == "week":
                iso = week_month(ref, -n)
            elif unit == "month":
                iso = shift_month(ref, -n)
            else:
                iso = str(ref.year - n)
            out.append(Cand(m.start(), m.end(), iso, iso, relative=True))

        for m in _EN_REL.finditer(text):
            shift = 0 if m["today"] else -1 if m["yest"] else 1
            iso = shift_days(ref.isoformat(), shift)
            out.append(Cand(m.start(), m.end(), iso, iso, relative=True, kind="anchor"))

    for m in _EN_WEEKDAY.finditer(text):
        if _EN_NOT_WEEKDAY_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "Good Friday", "Black Friday"
        wd = _EN_WEEKDAYS.index(m["wd"].lower())
        lead = " ".join((m["lead"] or "").lower().split())
        start = m.start("wd") if lead in ("", "on") else m.start()
        if ref is None:
            out.append(Cand(start, m.end(), "", "", weekday=wd, relative=True, kind="anchor", bare_ok=False))
            continue
        monday = ref - datetime.timedelta(days=ref.weekday())
        if m["wk"] == "last":
            day = monday + datetime.timedelta(days=wd - 7)
        elif m["wk"] == "this":
            day = monday + datetime.timedelta(days=wd)
        elif m["wk"] == "next":
            day = monday + datetime.timedelta(days=wd + 7)
        elif lead in ("last", "this past"):
            day = resolve_weekday(wd, ref - datetime.timedelta(days=1))
        elif lead in ("next", "this coming"):
            day = resolve_weekday(wd, ref + datetime.timedelta(days=1), future=True)
        elif lead == "this":
            day = resolve_weekday(wd, ref, future=True)
        else:
            day = resolve_weekday(wd, ref)
        bare = lead in ("", "on") and not m["wk"]  # "next Thursday" is already resolved: no `weekday`
        out.append(Cand(start, m.end(), day.isoformat(), day.isoformat(), weekday=wd if bare else None,
                         relative=True, kind="anchor"))



_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
               "twenty": 20, "thirty": 30}
_EN_DURATION = re.compile(rf"""
    (?<![\w.,-])(?P<n>\d{{1,3}}|(?i:{"|".join(_EN_NUMBERS)}))
    (?:(?P<hy>\s*-\s*)(?P<u1>(?i:day|week))|\s+(?P<u2>(?i:days|weeks)))(?![\w])
    |(?<![\w-])(?P<long>(?i:day|week))-long(?![\w])
""", re.X)



def durations(text: str) -> list[tuple[int, int, int]]:
    """(start, end, days) for "two-day", "3-day", "two days", "week-long"; weeks count as 7 days."""
    out: list[tuple[int, int, int]] = []
    for m in _EN_DURATION.finditer(text):
        if m["long"]:
            out.append((m.start(), m.end(), 7 if m["long"].lower() == "week" else 1))
            continue
        n_raw = m["n"].lower()
        n = int(n_raw) if n_raw.isdigit() else _EN_NUMBERS[n_raw]
        unit = (m["u1"] or m["u2"]).lower()
        if n == 0:
            continue
        out.append((m.start(), m.end(), n * (7 if unit.startswith("week") else 1)))
    return out
