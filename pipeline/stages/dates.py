"""Find date expressions in Vietnamese and English news text and normalise them to ISO.

Why a grammar of our own rather than dateparser: dateparser parses none of the
Vietnamese forms ("hôm 7/5", "ngày 7-8/5", "chiều tối 18/8", "tháng Ba"), has
no notion of a range ("August 18-20", "từ 18-20/8"), and costs about a
millisecond a call, while this stage runs on every sentence of thousands of
articles. So every form is a regular expression compiled once at import, and
only the meaning (year inference, weekday arithmetic) is computed in code.

The one thing dateparser does well here, resolving an English weekday against
a base date, is plain calendar arithmetic (`resolve_weekday`); the test suite
checks that it agrees with dateparser's own answer (without
PREFER_DATES_FROM='past', which would move "Thursday" back a week when the
reference is itself a Thursday), so no per-sentence dateparser call is needed.

Conventions:
* Offsets are character offsets into the text passed in.
* Dates are ISO strings of day ('YYYY-MM-DD'), month ('YYYY-MM') or year
  ('YYYY') precision; `date_end` has the precision of `date_start`.
* A day/month without a year takes the year that puts it closest to the
  reference date; a bare month likewise, except when the phrase is past-marked
  ("last July", "tháng 3 vừa qua": closest not after) or future-marked.
* `relative` is True when the meaning comes from the reference date itself
  (weekdays, today/hôm nay, "last July", "this year"), not merely its year.
* Only a bare weekday ("on Thursday", "thứ Năm") sets `weekday`, resolved to the
  past by default so a caller that knows the event is planned can re-resolve it
  with `resolve_weekday(..., future=True)`; "next Thursday" is already fixed.
* Vague periods keep reduced precision: "last week"/"tuần trước" is the month of
  that week's Thursday, "next month"/"tháng tới" a month, "năm tới"/"two years ago"
  a year; a span of time ("over the past week", "những năm qua") is no date.
* Two days joined by "đến"/"to" (or consecutive days by "và"/"and": "tối 20/9 và
  sáng 21/9") are one span; so are two weekdays after "from"/"từ".
* A weekday or "today" immediately followed by an explicit date
  ("Thursday (May 8)", "tối nay (21/2)", "thứ Năm, ngày 8/5") takes that date.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

__all__ = ["DateMention", "find_dates", "resolve_weekday", "find_durations", "shift_days"]


@dataclass(frozen=True)
class DateMention:
    """One date expression found in a text, with its normalised value."""

    start: int          # char offset of the expression in `text`
    end: int
    text: str           # text[start:end]
    date_start: str     # ISO: 'YYYY-MM-DD', or reduced precision 'YYYY-MM' / 'YYYY'
    date_end: str       # same precision; equals date_start for a single day
    weekday: int | None = None   # 0=Monday.. when the expression is a bare weekday
    relative: bool = False       # resolved against the reference date


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


def _day(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _closest_day(month: int, day: int, ref: datetime.date) -> datetime.date | None:
    """The (month, day) in the year that puts it closest to ref; a tie goes to the past."""
    best: tuple[tuple[int, bool], datetime.date] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        cand = _day(year, month, day)
        if cand is None:
            continue
        key = (abs((cand - ref).days), cand > ref)
        if best is None or key < best[0]:
            best = (key, cand)
    return best[1] if best else None


def _month_year(month: int, ref: datetime.date, mode: str) -> int:
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


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(ref: datetime.date, months: int) -> str:
    """'YYYY-MM' of the month `months` away from ref's month."""
    k = ref.year * 12 + ref.month - 1 + months
    return _ym(k // 12, k % 12 + 1)


def _week_month(ref: datetime.date, weeks: int) -> str:
    """'YYYY-MM' of the week `weeks` away from ref's week, by its Thursday (the ISO rule for
    which month a week belongs to): "last week" is a vague date of month precision."""
    thursday = ref - datetime.timedelta(days=ref.weekday()) + datetime.timedelta(days=3 + 7 * weeks)
    return _ym(thursday.year, thursday.month)


def _range_days(d1: int, m1: int, y1: int | None, d2: int, m2: int, y2: int | None,
                ref: datetime.date | None) -> tuple[datetime.date, datetime.date] | None:
    """Resolve a day range whose start or end may lack a year (the end's year, or the reference, decides)."""
    if y1 is not None and y2 is not None:
        a, b = _day(y1, m1, d1), _day(y2, m2, d2)
    elif y2 is not None:
        a, b = _day(y2, m1, d1), _day(y2, m2, d2)
        if a and b and a > b:
            a = _day(y2 - 1, m1, d1)
    elif y1 is not None:
        a, b = _day(y1, m1, d1), _day(y1, m2, d2)
        if a and b and b < a:
            b = _day(y1 + 1, m2, d2)
    else:
        if ref is None:
            return None
        b = _closest_day(m2, d2, ref)
        if b is None:
            return None
        a = _day(b.year, m1, d1)
        if a and a > b:
            a = _day(b.year - 1, m1, d1)
    if a is None or b is None or b < a:
        return None
    return a, b


# ---------------------------------------------------------------------------
# Shared regex pieces
# ---------------------------------------------------------------------------

_D = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_M = r"(?:1[0-2]|0?[1-9])(?!\d)"
_Y = r"(?:19\d\d|20\d\d|2100)(?!\d)"

_ISO = re.compile(rf"(?<![\w-])(?P<y>{_Y})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-]|[.:]\d)")

# --- Vietnamese -------------------------------------------------------------

_VI_TOD = (r"(?:rạng\s+sáng|sáng\s+sớm|chiều\s+tối|chiều\s+muộn|tối\s+muộn|đêm\s+khuya|"
           r"sáng|trưa|chiều|tối|đêm|khuya)")
# A word that makes a following number pair a day: "ngày", "hôm", a time of day.
_VI_DAYWORD = rf"(?:{_VI_TOD}(?:\s+(?:ngày|hôm|mùng|mồng))?|ngày\s+(?:mùng|mồng)|ngày|hôm|mùng|mồng)"

# "7/5", "12.9.2024", "sáng 4-9", "ngày 7/5 năm 2025"
_VI_ATOM = re.compile(rf"""
    (?:(?P<tod>(?<!\w){_VI_DAYWORD})\s+)?
    (?<![\w.,/:-])(?P<d>{_D})(?P<s>[/.-])(?P<m>{_M})
    (?:(?P=s)(?P<y>{_Y})|\s+năm\s+(?P<y2>{_Y}))?
    (?!\w|[/.,:-]\d)
""", re.X | re.I)

# "Tối 24- 4-2010", "24 / 4 / 2010": a typed date with stray spaces, taken only with its year
_VI_SPACED = re.compile(rf"""
    (?:(?P<tod>(?<!\w){_VI_DAYWORD})\s+)?
    (?<![\w.,/:-])(?P<d>{_D})(?P<s>\s*[/-]\s*)(?P<m>{_M})\s*[/-]\s*(?P<y>{_Y})
    (?!\w|[/.,:-]\d)
""", re.X | re.I)

# "7-8/5", "18 đến 20/8", "30/4-1/5", "19-23/1/2026", "11-12/12 năm 2023"
_VI_RANGE = re.compile(rf"""
    (?:(?P<frm>(?<!\w)từ)\s+)?(?:(?P<tod>(?<!\w){_VI_DAYWORD})\s+)?
    (?<![\w.,/:-])(?P<d1>{_D})(?:(?P<s1>[/.])(?P<m1>{_M})(?:(?P=s1)(?P<y1>{_Y}))?)?
    (?P<sep>\s*[-–—]\s*|\s+(?:đến|tới|và)\s+(?:(?:ngày|hôm|mùng|mồng)\s+)?)
    (?P<d2>{_D})(?P<s2>[/.])(?P<m2>{_M})
    (?:(?P=s2)(?P<y2>{_Y})|\s+năm\s+(?P<y3>{_Y}))?
    (?!\w|[/.,:-]\d)
""", re.X | re.I)

# "từ ngày 10-8 đến ngày 13-8", "từ ngày 16 đến 19-11", "từ 25 đến 26-2", "tối 20/9 đến sáng 21/9":
# a word separator ("đến"/"tới") and a leading "từ"/"ngày" make hyphenated pairs day-month.
_VI_RANGE_WORD = re.compile(rf"""
    (?:(?P<frm>(?<!\w)từ)\s+)?(?:(?P<tod>(?<!\w){_VI_DAYWORD})\s+)?
    (?<![\w.,/:-])(?P<d1>{_D})(?:\s?(?P<s1>[/.-])\s?(?P<m1>{_M})(?:(?P=s1)(?P<y1>{_Y}))?)?
    \s+(?:đến|tới)\s+(?:{_VI_DAYWORD}\s+)?
    (?P<d2>{_D})\s?(?P<s2>[/.-])\s?(?P<m2>{_M})
    (?:(?P=s2)(?P<y2>{_Y})|\s+năm\s+(?P<y3>{_Y}))?
    (?!\w|[/.,:-]\d)
""", re.X | re.I)

# "ngày 7 tháng 5 năm 2025", "ngày 7 và 8 tháng 5"; with its year the day word may go:
# "21 tháng 8 năm 2023", "Thứ Hai, 21 tháng 8, 2023" (a page header)
_VI_WORDS = re.compile(rf"""
    (?:(?P<frm>(?<!\w)từ)\s+)?(?:(?P<tod>(?<!\w){_VI_DAYWORD})\s+|(?<![\w.,/:-])(?=\d{{1,2}}\s+tháng\s+\d{{1,2}}(?:\s+năm|,)\s*\d{{4}}))
    (?P<d1>{_D})(?:(?:\s*[-–—]\s*|\s+(?:đến|tới|và)\s+(?:(?:ngày|mùng|mồng)\s+)?)(?P<d2>{_D}))?
    \s+tháng\s+(?P<m>{_M})
    (?:\s+năm\s+(?P<y>{_Y})|\s*[/-]\s*(?P<y2>{_Y})|,\s*(?P<y3>{_Y})(?!\d))?
    (?![\w]|[/.,:-]\d)
""", re.X | re.I)

_VI_MONTH_NAMES = {
    "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}
# "tháng 12/2023", "tháng Ba", "cuối tháng 3 năm ngoái", "tháng 3 vừa qua"
_VI_MONTH = re.compile(rf"""
    (?:(?P<pre>(?<!\w)(?:hồi|đầu|cuối|giữa|trung\s+tuần|thượng\s+tuần|hạ\s+tuần))\s+)?
    (?<!\w)tháng\s+(?:(?P<num>{_M})|(?P<name>mười\s+một|mười\s+hai|mười|một|giêng|hai|ba|tư|năm|sáu|bảy|tám|chín|chạp)(?!\w))
    (?:\s*[/.-]\s*(?P<y>{_Y})|\s+năm\s+(?P<y2>{_Y})
       |\s+(?P<rel>năm\s+nay|năm\s+ngoái|năm\s+trước|năm\s+tới|năm\s+sau|vừa\s+qua|vừa\s+rồi|sắp\s+tới|tới|này)(?!\w))?
    (?![/.,-]?\d)
""", re.X | re.I)

# "năm 1959", "đầu năm 2024", "năm 2024-2025"
_VI_YEAR = re.compile(rf"""
    (?:(?P<pre>(?<!\w)(?:đầu|cuối|giữa))\s+)?(?<!\w)năm\s+(?P<y>{_Y})(?:\s*[-–]\s*(?P<y2>{_Y}))?
    (?![\w]|[.,:]\d)
""", re.X | re.I)
_VI_RELYEAR = re.compile(r"(?<!\w)năm\s+(?P<w>nay|ngoái)(?!\w)", re.I)
# "tuần trước", "tháng tới", "năm sau", "3 tháng trước" (= three months ago), "2 năm trước"
_VI_RELPERIOD = re.compile(r"""
    (?:(?P<n>\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|vài|mấy|nhiều)\s+)?
    (?<!\w)(?P<unit>tuần|tháng|năm)\s+(?P<w>trước|qua|này|tới|sau|nay)(?!\w)(?!\s+(?:đó|nữa|khi))
""", re.X | re.I)
_VI_QUANTITY_BEFORE = re.compile(
    r"(?:\d|(?<!\w)(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mấy|những|nhiều|các|bao|vài|hàng|trăm|chục|mọi|mỗi))\s*$",
    re.I)

_VI_REL = re.compile(r"""
    (?<!\w)(?:
      (?P<today>(?:ngày\s+)?hôm\s+nay|(?:rạng\s+sáng|sáng\s+sớm|chiều\s+tối|tối\s+muộn|sáng|trưa|chiều|tối|đêm|khuya)\s+nay)
     |(?P<yest>(?:ngày\s+)?hôm\s+qua|(?:rạng\s+sáng|sáng\s+sớm|chiều\s+tối|sáng|trưa|chiều|tối|đêm)\s+(?:hôm\s+)?qua)
     |(?P<dby>hôm\s+kia)
     |(?P<tom>ngày\s+mai|(?:sáng|trưa|chiều|tối|đêm)\s+mai)
    )(?!\w)
""", re.X | re.I)

_VI_WD_NAMES = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5,
                "2": 0, "3": 1, "4": 2, "5": 3, "6": 4, "7": 5}
_VI_WEEKDAY = re.compile(rf"""
    (?:(?P<tod>(?<!\w){_VI_TOD})\s+)?
    (?<!\w)(?:thứ\s+(?P<name>hai|ba|tư|năm|sáu|bảy|[2-7](?!\d))|(?P<cn>chủ\s+nhật))(?!\w)
    (?:\s+(?P<wk>tuần\s+(?:trước|này|tới|sau|qua)|vừa\s+qua|sắp\s+tới|tới)(?!\w))?
""", re.X | re.I)
# "lần thứ Hai", "Chiến tranh thế giới thứ Hai": ordinals, not weekdays.
_VI_ORDINAL_BEFORE = re.compile(
    r"(?<!\w)(?:lần|giới|chiến|khóa|khoá|phiên|kỳ|kì|người|hạng|vị\s+trí|đứng|đợt|vòng|số)\s*$", re.I)

# Cue words that make a bare "7/5" a date and not a fraction or "24/7".
_VI_CUE_BEFORE = re.compile(
    r"(?:(?<!\w)(?:ngày|hôm|mùng|mồng|sáng|trưa|chiều|tối|đêm|khuya|muộn|sớm|từ|đến|tới|vào|trước|sau|hết|dịp|"
    r"khánh|thắng|lễ|nay|qua)\s*,?|\(|(?<!\w)(?:thứ\s+\w+|chủ\s+nhật)\s*,?)\s*$", re.I)

# --- English ----------------------------------------------------------------

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
    (?<![\w])(?P<mon>{_EN_MON})\s*(?P<d1>{_D}){_ORD}
    (?:{_EN_SEP}(?:(?P<mon2>{_EN_MON})\s*)?(?P<d2>{_D}){_ORD})?
    (?:\s*,?\s*(?P<y>{_Y}))?
    (?![\w]|[.,:]\d)
""", re.X)

# "18 August", "18-20 August", "30 August - 2 September 2024", "18th of August"
_EN_DM = re.compile(rf"""
    (?:(?P<frm>(?<![\w])(?:[Ff]rom|[Bb]etween))\s+)?
    (?<![\w$.,:/-])(?P<d1>{_D}){_ORD}
    (?:\s+(?:of\s+)?(?P<mon1>{_EN_MON}))?
    (?:{_EN_SEP}(?P<d2>{_D}){_ORD})?
    \s+(?:of\s+)?(?P<mon>{_EN_MON})
    (?:\s*,?\s*(?P<y>{_Y}))?
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
    (?:\s*,?\s*(?P<y>{_Y})(?![\w]|[.,:]\d)|\s+(?:of\s+)?(?P<rely>this|last|next)\s+year(?![\w]))?
""", re.X)

# "in 2013", "since 1992", "early 2024", "mid-2024", "from 2020 to 2025"
_EN_YEAR = re.compile(rf"""
    (?<![\w])(?:
       (?P<prep>[Ii]n|[Ss]ince|[Oo]f|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Tt]hroughout|[Tt]hrough|[Bb]efore|[Aa]fter)\s+
           (?:(?P<mod>early|late|mid|end)[-\s]+)?
      |(?P<lead>[Ee]arly|[Ll]ate|[Mm]id|[Ee]nd)[-\s]+
    )
    (?P<y>{_Y})(?:\s*[-–]\s*(?P<y2>{_Y})|\s+(?:to|and|until)\s+(?P<y3>{_Y}))?
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

# A weekday/"today" followed by an explicit date: what may stand between them.
_MERGE_GAP = re.compile(r"\s*,?\s*(?P<paren>\(\s*)?\Z")
_CLOSE_PAREN = re.compile(r"\s*\)")
_PREFILTER = re.compile(
    r"\d|(?i:nay|qua|mai|kia|thứ|chủ\s+nhật|tháng|today|tonight|yesterday|tomorrow|night|morning|afternoon|"
    r"evening|year|month|day|week|ago|tuần|tới|trước|sau|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")


# ---------------------------------------------------------------------------
# Candidates
# ---------------------------------------------------------------------------

@dataclass
class _Cand:
    start: int
    end: int
    date_start: str
    date_end: str
    weekday: int | None = None
    relative: bool = False
    kind: str = "date"       # "date" | "day" (explicit day) | "anchor" (weekday/today, may take a following day)
    bare_ok: bool = True     # False: only valid when merged with a following explicit day ("Thứ hai 03/11/2025")


def _day_cand(start: int, end: int, a: datetime.date, b: datetime.date | None = None) -> _Cand:
    return _Cand(start, end, a.isoformat(), (b or a).isoformat(), kind="day")


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _vi_candidates(text: str, ref: datetime.date | None, out: list[_Cand]) -> None:
    for m in _VI_ATOM.finditer(text):
        year = _int(m["y"] or m["y2"])
        sep, tod = m["s"], m["tod"]
        if year is None:
            if sep == "/":
                if tod is None and not _VI_CUE_BEFORE.search(text, max(0, m.start("d") - 24), m.start("d")):
                    continue
            elif tod is None:  # "2.5 tỷ", "COVID-19": a dot or hyphen pair needs "ngày"/"sáng"...
                continue
        d, mo = int(m["d"]), int(m["m"])
        day = _day(year, mo, d) if year else (_closest_day(mo, d, ref) if ref else None)
        if day:
            out.append(_day_cand(m.start(), m.end(), day))

    for m in _VI_SPACED.finditer(text):
        if " " not in m.group() or m["tod"] is None:
            continue  # no stray space: _VI_ATOM's; without "ngày"/"tối" a spaced pair may be a ratio
        day = _day(int(m["y"]), int(m["m"]), int(m["d"]))
        if day:
            out.append(_day_cand(m.start(), m.end(), day))

    for m in _VI_RANGE.finditer(text):
        tod = m["tod"]
        y1, y_end = _int(m["y1"]), _int(m["y2"] or m["y3"])
        if "." in (m["s1"] or "", m["s2"]) and tod is None and y_end is None:
            continue
        if "và" in m["sep"].lower() and tod is None:
            continue
        d1, d2, m2 = int(m["d1"]), int(m["d2"]), int(m["m2"])
        if m["m1"]:
            m1 = int(m["m1"])
        elif d1 < d2:
            m1 = m2
        elif d1 >= 25 and d2 <= 7:  # "30-1/5": 30 April to 1 May
            m1 = m2 - 1 or 12
        else:
            continue
        r = _range_days(d1, m1, y1, d2, m2, y_end, ref)
        if r is None:
            continue
        if y1 is not None and y_end is not None and (r[1] - r[0]).days > 366 and m["sep"].strip() in "-–—":
            continue  # "4.3.1946 - 4.3.2026": two dates (an anniversary), not a range
        start = m.start("frm") if m["frm"] else m.start()
        out.append(_day_cand(start, m.end(), *r))

    for m in _VI_RANGE_WORD.finditer(text):
        y1, y_end = _int(m["y1"]), _int(m["y2"] or m["y3"])
        if m["tod"] is None and y_end is None and (m["s2"] != "/" or m["frm"] is None):
            continue  # "tăng từ 10 đến 15.5": a day word, a year or "từ … /" makes it a date
        if text.startswith("%", m.end()) or re.match(r"\s*%", text[m.end():m.end() + 3]):
            continue
        d1, d2, m2 = int(m["d1"]), int(m["d2"]), int(m["m2"])
        m1 = int(m["m1"]) if m["m1"] else (m2 if d1 < d2 else (m2 - 1 or 12) if d1 >= 25 and d2 <= 7 else None)
        if m1 is None:
            continue
        r = _range_days(d1, m1, y1, d2, m2, y_end, ref)
        if r is None or (r[1] - r[0]).days > 62:
            continue
        out.append(_day_cand(m.start("frm") if m["frm"] else m.start(), m.end(), *r))

    for m in _VI_WORDS.finditer(text):
        year = _int(m["y"] or m["y2"] or m["y3"])
        mo, d1 = int(m["m"]), int(m["d1"])
        d2 = _int(m["d2"])
        if d2 is not None and d2 <= d1:
            continue
        r = _range_days(d1, mo, None, d2 or d1, mo, year, ref)
        if r:
            out.append(_day_cand(m.start(), m.end(), *r))

    for m in _VI_MONTH.finditer(text):
        if m["name"]:
            if not m["name"][0].isupper():  # "mỗi tháng một lần": lower-case is a number
                continue
            mo = _VI_MONTH_NAMES[" ".join(m["name"].lower().split())]
        else:
            mo = int(m["num"])
        year = _int(m["y"] or m["y2"])
        relative = False
        if year is None:
            if ref is None:
                continue
            rel = " ".join((m["rel"] or "").lower().split())
            pre = (m["pre"] or "").lower()
            relative = bool(rel)
            if rel == "năm nay":
                year = ref.year
            elif rel in ("năm ngoái", "năm trước"):
                year = ref.year - 1
            elif rel in ("năm tới", "năm sau"):
                year = ref.year + 1
            elif rel in ("vừa qua", "vừa rồi") or pre == "hồi":
                year, relative = _month_year(mo, ref, "past"), True
            elif rel in ("tới", "sắp tới"):
                year = _month_year(mo, ref, "future")
            else:
                year = _month_year(mo, ref, "closest")
        out.append(_Cand(m.start(), m.end(), _ym(year, mo), _ym(year, mo), relative=relative))

    for m in _VI_YEAR.finditer(text):
        y1 = int(m["y"])
        y2 = _int(m["y2"]) or y1
        if y2 < y1:
            continue
        out.append(_Cand(m.start(), m.end(), str(y1), str(y2)))

    if ref is not None:
        for m in _VI_RELYEAR.finditer(text):
            if _VI_QUANTITY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "2 năm nay" = "for two years now"
            y = ref.year - (m["w"].lower() == "ngoái")
            out.append(_Cand(m.start(), m.end(), str(y), str(y), relative=True))

        for m in _VI_RELPERIOD.finditer(text):
            iso = _vi_relperiod(text, m, ref)
            if iso:
                out.append(_Cand(m.start("n") if m["n"] else m.start("unit"), m.end(), iso, iso, relative=True))

        for m in _VI_REL.finditer(text):
            shift = 0 if m["today"] else -1 if m["yest"] else -2 if m["dby"] else 1
            iso = shift_days(ref.isoformat(), shift)
            out.append(_Cand(m.start(), m.end(), iso, iso, relative=True, kind="anchor"))

    for m in _VI_WEEKDAY.finditer(text):
        name = m["name"]
        if name is not None:
            if _VI_ORDINAL_BEFORE.search(text, max(0, m.start() - 14), m.start()):
                continue
            wd = _VI_WD_NAMES[name.lower()]
            bare_ok = name[0].isupper()  # "thứ hai" lower-case is "second"
        else:
            wd, bare_ok = 6, True
        if ref is None:  # only useful merged with an explicit date
            out.append(_Cand(m.start(), m.end(), "", "", weekday=wd, relative=True, kind="anchor", bare_ok=False))
            continue
        wk = " ".join((m["wk"] or "").lower().split())
        monday = ref - datetime.timedelta(days=ref.weekday())
        if wk in ("tuần trước", "tuần qua"):
            day = monday + datetime.timedelta(days=wd - 7)
        elif wk == "tuần này":
            day = monday + datetime.timedelta(days=wd)
        elif wk in ("tuần tới", "tuần sau"):
            day = monday + datetime.timedelta(days=wd + 7)
        elif wk == "vừa qua":
            day = resolve_weekday(wd, ref - datetime.timedelta(days=1))
        elif wk in ("tới", "sắp tới"):
            day = resolve_weekday(wd, ref + datetime.timedelta(days=1), future=True)
        else:
            day = resolve_weekday(wd, ref)
        # only a bare weekday reports `weekday`: callers re-resolve it by tense, "tuần trước" is already fixed
        out.append(_Cand(m.start(), m.end(), day.isoformat(), day.isoformat(), weekday=None if wk else wd,
                         relative=True, kind="anchor", bare_ok=bare_ok))


_VI_COUNT = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
             "mười": 10}


def _vi_relperiod(text: str, m: re.Match, ref: datetime.date) -> str | None:
    """ISO of "tuần trước" / "tháng tới" / "năm sau" / "3 tháng trước", or None when the phrase is a
    span of time ("trong 2 tuần qua", "những năm qua") or relative to the narrative ("một tháng sau")."""
    unit, w = m["unit"].lower(), m["w"].lower()
    n_raw = (m["n"] or "").lower()
    if n_raw:
        n = int(n_raw) if n_raw.isdigit() else _VI_COUNT.get(n_raw)
        if n is None or w != "trước" or n == 0:
            return None  # "vài tháng trước", "2 tuần qua", "hai tháng sau"
        shift = -n
    else:
        if _VI_QUANTITY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return None  # "những năm qua", "các tháng tới"
        if unit == "năm" and w in ("nay", "qua", "này"):
            return None  # "năm nay" is _VI_RELYEAR's; "năm qua" is a span
        if w == "nay":
            return None  # "mấy tháng nay" = for some months now
        shift = -1 if w in ("trước", "qua") else 0 if w == "này" else 1
    if unit == "năm":
        return str(ref.year + shift)
    if unit == "tháng":
        return _shift_month(ref, shift)
    return _week_month(ref, shift)


def _en_month(name: str) -> int:
    return _EN_MONTHS[name.rstrip(".").lower()]


def _en_candidates(text: str, ref: datetime.date | None, out: list[_Cand]) -> None:
    for m in _EN_MD.finditer(text):
        mo = _en_month(m["mon"])
        d1 = int(m["d1"])
        year = _int(m["y"])
        if m["d2"]:
            d2 = int(m["d2"])
            mo2 = _en_month(m["mon2"]) if m["mon2"] else mo
            if mo2 == mo and d2 <= d1:
                continue
            r = _range_days(d1, mo, None, d2, mo2, year, ref)
        else:
            r = _range_days(d1, mo, None, d1, mo, year, ref)
        if r:
            start = m.start("frm") if m["frm"] else m.start("mon")
            out.append(_day_cand(start, m.end(), *r))

    for m in _EN_DM.finditer(text):
        mo = _en_month(m["mon"])
        d1 = int(m["d1"])
        year = _int(m["y"])
        if m["mon1"] and not m["d2"]:
            continue
        if m["d2"]:
            d2 = int(m["d2"])
            mo1 = _en_month(m["mon1"]) if m["mon1"] else mo
            if mo1 == mo and d2 <= d1:
                continue
            r = _range_days(d1, mo1, None, d2, mo, year, ref)
        else:
            r = _range_days(d1, mo, None, d1, mo, year, ref)
        if r:
            start = m.start("frm") if m["frm"] else m.start("d1")
            out.append(_day_cand(start, m.end(), *r))

    for m in _EN_MONTH.finditer(text):
        mo = _en_month(m["mon"])
        year = _int(m["y"])
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
                year = _month_year(mo, ref, "past_strict")
            elif lead in ("next", "this coming"):
                year = _month_year(mo, ref, "future_strict")
            elif lead == "this":
                year = ref.year
            elif prep == "since":
                year = _month_year(mo, ref, "past")
            else:
                year = _month_year(mo, ref, "closest")
        if m["lead"]:
            start = m.start("lead")
        elif m["mod"]:
            start = m.start("mod")
        else:
            start = m.start("mon")
        out.append(_Cand(start, m.end(), _ym(year, mo), _ym(year, mo), relative=relative))

    for m in _EN_YEAR.finditer(text):
        prep = (m["prep"] or "").lower()
        if prep in _EN_YEAR_CHECKED_PREPS:
            f = _EN_FOLLOW_WORD.match(text, m.end())
            if f and f.group(1) not in _EN_OK_FOLLOWERS:
                continue  # "of 2000 people"
        y1 = int(m["y"])
        y2 = _int(m["y2"] or m["y3"]) or y1
        if y2 < y1:
            continue
        if m["lead"]:
            start = m.start("lead")
        elif m["mod"]:
            start = m.start("mod")
        else:
            start = m.start("y")
        out.append(_Cand(start, m.end(), str(y1), str(y2)))

    if ref is not None:
        for m in _EN_RELPERIOD.finditer(text):
            if _EN_THE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "over the last year" is a span of time, not a calendar year
            shift = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
            if m["unit"] == "year":
                iso = str(ref.year + shift)
            else:
                k = ref.year * 12 + ref.month - 1 + shift
                iso = _ym(k // 12, k % 12 + 1)
            out.append(_Cand(m.start(), m.end(), iso, iso, relative=True))

        for m in _EN_RELWEEK.finditer(text):
            if _EN_THE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "over the past week" is a span
            shift = {"last": -1, "past": -1, "this": 0, "next": 1}[m["which"].lower()]
            iso = _week_month(ref, shift)
            out.append(_Cand(m.start(), m.end(), iso, iso, relative=True))

        for m in _EN_AGO.finditer(text):
            n_raw = m["n"].lower()
            n = int(n_raw) if n_raw.isdigit() else 1 if n_raw in ("a", "an") else _EN_NUMBERS.get(n_raw)
            if not n:
                continue
            unit = m["unit"].lower()
            if unit == "day":
                iso = shift_days(ref.isoformat(), -n)
            elif unit == "week":
                iso = _week_month(ref, -n)
            elif unit == "month":
                iso = _shift_month(ref, -n)
            else:
                iso = str(ref.year - n)
            out.append(_Cand(m.start(), m.end(), iso, iso, relative=True))

        for m in _EN_REL.finditer(text):
            shift = 0 if m["today"] else -1 if m["yest"] else 1
            iso = shift_days(ref.isoformat(), shift)
            out.append(_Cand(m.start(), m.end(), iso, iso, relative=True, kind="anchor"))

    for m in _EN_WEEKDAY.finditer(text):
        if _EN_NOT_WEEKDAY_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "Good Friday", "Black Friday"
        wd = _EN_WEEKDAYS.index(m["wd"].lower())
        lead = " ".join((m["lead"] or "").lower().split())
        start = m.start("wd") if lead in ("", "on") else m.start()
        if ref is None:
            out.append(_Cand(start, m.end(), "", "", weekday=wd, relative=True, kind="anchor", bare_ok=False))
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
        out.append(_Cand(start, m.end(), day.isoformat(), day.isoformat(), weekday=wd if bare else None,
                         relative=True, kind="anchor"))


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest wins; ties go to the earlier start, then to the explicit day over an anchor."""
    cands.sort(key=lambda c: (c.start - c.end, c.start, c.kind != "day"))
    chosen: list[_Cand] = []
    for c in cands:
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _merge_anchors(text: str, cands: list[_Cand]) -> list[_Cand]:
    """'Thursday (May 8)', 'tối nay (21/2)', 'thứ Năm, ngày 8/5': the explicit date wins."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if c.kind == "anchor" and nxt is not None and nxt.kind == "day" and nxt.start - c.end <= 6:
            gap = _MERGE_GAP.match(text, c.end, nxt.start)
            if gap:
                end = nxt.end
                if gap["paren"]:
                    close = _CLOSE_PAREN.match(text, end)
                    if close:
                        end = close.end()
                out.append(_Cand(c.start, end, nxt.date_start, nxt.date_end, kind="day"))
                i += 2
                continue
        if c.bare_ok:
            out.append(c)
        i += 1
    return out


# Two days joined into one span: "tối 20/9 và sáng 21/9", "from Sunday to Tuesday", "May 5 to May 7".
_JOIN_GAP = re.compile(r"\s*(?:(?P<and>và|and|,)|đến|tới|to|until|till|through|[-–—])\s*(?:(?:ngày|hôm|on)\s+)?\Z", re.I)
_FROM_BEFORE = re.compile(r"(?<!\w)(?:from|between|từ)\s+(?:(?:ngày|hôm|on)\s+)?\Z", re.I)


def _join_ranges(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Join two single days into a range when only "and"/"to"/"đến" stands between them: two
    consecutive days joined by "and" (an event over an evening and the next morning), any two days
    up to a month apart joined by "to"; two weekdays after "from"/"từ" ("from Sunday to Tuesday")."""
    out: list[_Cand] = []
    for c in cands:
        p = out[-1] if out else None
        if p is not None and p.date_start and c.date_start and p.date_start == p.date_end \
                and c.date_start == c.date_end and len(p.date_start) == 10 == len(c.date_start):
            gap = _JOIN_GAP.match(text, p.end, c.start)
            if gap and c.start - p.end <= 12:
                a, b = datetime.date.fromisoformat(p.date_start), datetime.date.fromisoformat(c.date_start)
                both_days = p.kind == "day" and c.kind == "day"
                weekdays = p.weekday is not None and c.weekday is not None
                if weekdays and _FROM_BEFORE.search(text, max(0, p.start - 12), p.start) and not gap["and"]:
                    b = a + datetime.timedelta(days=(c.weekday - p.weekday) % 7)
                    out[-1] = _Cand(p.start, c.end, a.isoformat(), b.isoformat(), weekday=p.weekday,
                                    relative=True, kind="anchor")
                    continue
                if both_days and 0 < (b - a).days <= (1 if gap["and"] else 31) and \
                        (not gap["and"] or gap["and"].lower() != ","):
                    out[-1] = _Cand(p.start, c.end, p.date_start, c.date_start, kind="day")
                    continue
        out.append(c)
    return out


def find_dates(text: str, lang: str, reference: datetime.date | None) -> list[DateMention]:
    """All date expressions in text, sorted by start, non-overlapping (longest wins).

    `lang` is 'vi' or 'en' (anything else runs both grammars). `reference` is
    the publication date; when None, expressions needing a year or a base date
    are dropped, except those that carry their own year.
    """
    if not _PREFILTER.search(text):
        return []
    cands: list[_Cand] = []
    for m in _ISO.finditer(text):
        day = _day(int(m["y"]), int(m["m"]), int(m["d"]))
        if day:
            cands.append(_day_cand(m.start(), m.end(), day))
    if lang != "en":
        _vi_candidates(text, reference, cands)
    if lang != "vi":
        _en_candidates(text, reference, cands)
    if not cands:
        return []
    chosen = _join_ranges(text, _merge_anchors(text, _select(cands)))
    return [DateMention(c.start, c.end, text[c.start:c.end], c.date_start, c.date_end, c.weekday, c.relative)
            for c in chosen]


# ---------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------

_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
               "twenty": 20, "thirty": 30}
_EN_DURATION = re.compile(rf"""
    (?<![\w.,-])(?P<n>\d{{1,3}}|(?i:{"|".join(_EN_NUMBERS)}))
    (?:(?P<hy>\s*-\s*)(?P<u1>(?i:day|week))|\s+(?P<u2>(?i:days|weeks)))(?![\w])
    |(?<![\w-])(?P<long>(?i:day|week))-long(?![\w])
""", re.X)

_VI_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
               "chín": 9, "mười": 10}
_VI_DURATION = re.compile(rf"""
    (?:(?P<trong>(?<!\w)trong(?:\s+vòng)?)\s+)?
    (?<![\w.,])(?P<n>\d{{1,3}}|{"|".join(_VI_NUMBERS)})\s+(?P<u>ngày|tuần)(?!\w)
""", re.X | re.I)
_VI_THU_BEFORE = re.compile(r"(?<!\w)thứ\s+$", re.I)


def find_durations(text: str, lang: str) -> list[tuple[int, int, int]]:
    """(start, end, number_of_days) for 'two-day', '3-day', 'two days', 'week-long', 'trong 3 ngày', '3 ngày'.

    A visit's length lets a stage turn a single known day into a range; weeks count as 7 days.
    """
    out: list[tuple[int, int, int]] = []
    if lang != "vi":
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
    if lang != "en":
        for m in _VI_DURATION.finditer(text):
            if _VI_THU_BEFORE.search(text, max(0, m.start("n") - 6), m.start("n")):
                continue  # "thứ hai ngày 7/5" is Monday, not two days
            n_raw = m["n"].lower()
            n = int(n_raw) if n_raw.isdigit() else _VI_NUMBERS[n_raw]
            if n == 0 or (n_raw == "một" and not m["trong"]):
                continue  # "một ngày nào đó" = some day
            out.append((m.start(), m.end(), n * (7 if m["u"].lower() == "tuần" else 1)))
    out.sort()
    return out
