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

The grammars are per language (``pipeline/lang/<code>/dates.py``, found through the
language's profile); this module runs them, keeps the longest non-overlapping
expressions and joins ranges.

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
from functools import lru_cache

from pipeline.lang import has_profile, profile, profiles
from pipeline.lang.base import DateGrammar
from pipeline.lang.date_calendar import YEAR, Cand, day_cand, resolve_weekday, shift_days, valid_day

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



_ISO = re.compile(rf"(?<![\w-])(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-]|[.:]\d)")
# A weekday/"today" followed by an explicit date: what may stand between them.
_MERGE_GAP = re.compile(r"\s*,?\s*(?P<paren>\(\s*)?\Z")
_CLOSE_PAREN = re.compile(r"\s*\)")


@lru_cache(maxsize=1)
def _prefilter() -> re.Pattern[str]:
    """A digit or a word of some language's dates: a text with neither holds no date in any language
    (one test for every language, as a dateline's language is not known)."""
    return re.compile(r"\d|(?i:" + "|".join(p.dates.prefilter_words for p in profiles()) + ")")


def _grammars(lang: str) -> list[DateGrammar]:
    """The language's grammar; every language's, in registry order, for a text of unknown language."""
    return [profile(lang).dates] if has_profile(lang) else [p.dates for p in profiles()]


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest wins; ties go to the earlier start, then to the explicit day over an anchor."""
    cands.sort(key=lambda c: (c.start - c.end, c.start, c.kind != "day"))
    chosen: list[Cand] = []
    for c in cands:
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _merge_anchors(text: str, cands: list[Cand]) -> list[Cand]:
    """'Thursday (May 8)', 'tối nay (21/2)', 'thứ Năm, ngày 8/5': the explicit date wins."""
    out: list[Cand] = []
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
                out.append(Cand(c.start, end, nxt.date_start, nxt.date_end, kind="day"))
                i += 2
                continue
        dom = _DAY_OF_MONTH_PAREN.match(text, c.end) if c.kind == "anchor" and c.date_start else None
        if dom:  # "Yesterday (23)", "on Monday (23rd)": the day of the month the anchor falls on
            day = _nearest_day_of_month(c.date_start, int(dom["d"]))
            if day:
                out.append(Cand(c.start, dom.end(), day, day, relative=True, kind="day"))
                i += 1
                continue
        if c.bare_ok:
            out.append(c)
        i += 1
    return out


# a day of the month alone in brackets after a weekday or "yesterday": "hôm qua (23)", "Monday (23rd)"
_DAY_OF_MONTH_PAREN = re.compile(r"\s*\(\s*(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*\)")


def _nearest_day_of_month(iso: str, dom: int) -> str | None:
    """The day numbered ``dom`` within a week of ``iso``, or None: a bracketed number that far from
    the anchor is no day of it (a footnote, a count)."""
    base = datetime.date.fromisoformat(iso)
    for k in (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6, -7, 7):
        day = base + datetime.timedelta(days=k)
        if day.day == dom:
            return day.isoformat()
    return None


def _joined(field: str) -> str:
    return "|".join(getattr(p.dates, field) for p in profiles())


@lru_cache(maxsize=1)
def _join_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may stand between two days joined into one span ("tối 20/9 và sáng 21/9", "May 5 to May 7"),
    and before the first of two joined weekdays ("from Sunday to Tuesday"), in every language's words."""
    day_word = rf"(?:(?:{_joined('day_words')})\s+)?\Z"
    gap = re.compile(rf"\s*(?:(?P<and>{_joined('join_consecutive')}|,)|{_joined('join_range')}|[-–—])"
                     rf"\s*{day_word}", re.I)
    before = re.compile(rf"(?<!\w)(?:{_joined('range_from')})\s+{day_word}", re.I)
    return gap, before


def _join_ranges(text: str, cands: list[Cand]) -> list[Cand]:
    """Join two single days into a range when only "and"/"to"/"đến" stands between them: two
    consecutive days joined by "and" (an event over an evening and the next morning), any two days
    up to a month apart joined by "to"; two weekdays after "from"/"từ" ("from Sunday to Tuesday")."""
    join_gap, from_before = _join_patterns()
    out: list[Cand] = []
    for c in cands:
        p = out[-1] if out else None
        if p is not None and p.date_start and c.date_start and p.date_start == p.date_end \
                and c.date_start == c.date_end and len(p.date_start) == 10 == len(c.date_start):
            gap = join_gap.match(text, p.end, c.start)
            if gap and c.start - p.end <= 12:
                a, b = datetime.date.fromisoformat(p.date_start), datetime.date.fromisoformat(c.date_start)
                both_days = p.kind == "day" and c.kind == "day"
                p_weekday, c_weekday = p.weekday, c.weekday
                if p_weekday is not None and c_weekday is not None \
                        and from_before.search(text, max(0, p.start - 12), p.start) and not gap["and"]:
                    b = a + datetime.timedelta(days=(c_weekday - p_weekday) % 7)
                    out[-1] = Cand(p.start, c.end, a.isoformat(), b.isoformat(), weekday=p.weekday,
                                    relative=True, kind="anchor")
                    continue
                if both_days and 0 < (b - a).days <= (1 if gap["and"] else 31) and \
                        (not gap["and"] or gap["and"].lower() != ","):
                    out[-1] = Cand(p.start, c.end, p.date_start, c.date_start, kind="day")
                    continue
        out.append(c)
    return out


def find_dates(text: str, lang: str, reference: datetime.date | None) -> list[DateMention]:
    """All date expressions in text, sorted by start, non-overlapping (longest wins).

    `lang` is a language code (anything else runs every language's grammar). `reference` is
    the publication date; when None, expressions needing a year or a base date
    are dropped, except those that carry their own year.
    """
    if not _prefilter().search(text):
        return []
    cands: list[Cand] = []
    for m in _ISO.finditer(text):
        day = valid_day(int(m["y"]), int(m["m"]), int(m["d"]))
        if day:
            cands.append(day_cand(m.start(), m.end(), day))
    for grammar in _grammars(lang):
        grammar.candidates(text, reference, cands)
    if not cands:
        return []
    chosen = _join_ranges(text, _merge_anchors(text, _select(cands)))
    return [DateMention(c.start, c.end, text[c.start:c.end], c.date_start, c.date_end, c.weekday, c.relative)
            for c in chosen]



def find_durations(text: str, lang: str) -> list[tuple[int, int, int]]:
    """(start, end, number_of_days) for 'two-day', '3-day', 'two days', 'week-long', 'trong 3 ngày', '3 ngày'.

    A visit's length lets a stage turn a single known day into a range; weeks count as 7 days.
    """
    out: list[tuple[int, int, int]] = []
    for grammar in _grammars(lang):
        out.extend(grammar.durations(text))
    out.sort()
    return out
