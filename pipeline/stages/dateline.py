"""The leading dateline of an article ("date 2025-05-08 BAKU — ...") and page clutter.

Scraped articles start with an optional ` date YYYY[-MM[-DD]]` prefix written by
the crawler, sometimes followed by share-widget text, then a wire-style
dateline: an ALL-CAPS place ("BAKU", "HÀ NỘI", "KUALA LUMPUR"), or a city with
an agency in parentheses ("Hanoi (VNA)"), and a dash. The place is where the
article was filed, a strong default for an event's location, and the dateline
must be skipped so it is not read as a sentence subject.

Nothing here deletes text: callers get offsets (`body_start`, `clutter_spans`)
and ignore those regions, so every later offset still points into the
original article.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from pipeline.lang import joined, profiles
from pipeline.stages.dates import find_dates

__all__ = ["Dateline", "parse_dateline", "clutter_spans", "readable_place", "home_day", "is_timestamp"]


@dataclass(frozen=True)
class Dateline:
    """What the head of an article says about when and where it was filed."""

    published: str | None   # ISO of any precision from the dateline, e.g. '2025-05-08' or '2024-08'
    place: str | None       # the dateline place as written, e.g. 'BAKU', 'HÀ NỘI', 'BEIJING'
    place_start: int | None # char offset of place in the text
    body_start: int         # offset where the article body begins (after the dateline), 0 when none


# Upper-case letters of Latin scripts, including Vietnamese (Ạ, Ầ, Ộ, Ữ ...): `re` has no \p{Lu}.
_UPPER = "".join(sorted({chr(c) for c in (*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00))
                         if chr(c).isupper()}))
_U = re.escape(_UPPER)

_PREFIX = re.compile(r"\A\s*date\s+(?P<date>\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)(?![\d-])[ \t]*")

_DASH = r"(?:[ \t]*[—–―][ \t]*|[ \t]+-[ \t]*|-[ \t]+)"
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|"
          r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?")
_DL_DATE = (rf"(?:(?:{_MONTH})\s*\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{4}})?"
            r"|\d{1,2}/\d{1,2}(?:/\d{4})?)")
# "BAKU —", "KUALA LUMPUR –", "BEIJING, China, Aug 19 —", "HÀ NỘI (VNA) —", "VIETNAM, December 12 -"
_CAPS_DATELINE = re.compile(rf"""
    (?P<place>[{_U}][{_U}'.]+(?:[ ][{_U}][{_U}'.]*){{0,3}})(?![\w])
    (?:,[ \t]*(?P<region>[{_U}][\w.]*(?:[ ][{_U}][\w.]*){{0,2}}))?
    (?:,[ \t]*(?P<date>{_DL_DATE}))?
    (?:[ \t]*\((?P<agency>[^()\n]{{2,20}})\))?
    {_DASH}
""", re.X)
# "Hanoi (VNA) –", "Ho Chi Minh City (VNA) -": a title-case place needs the agency to count.
_AGENCY_DATELINE = re.compile(rf"""
    (?P<place>[{_U}][\w'.]*(?:[ ][{_U}][\w'.]*){{0,3}})
    (?:,[ \t]*(?P<date>{_DL_DATE}))?
    [ \t]*\((?P<agency>[{_U}][\w]{{1,11}})\)
    {_DASH}
""", re.X)
_KNOWN_AGENCIES = frozenset({"Reuters", "Xinhua", "Bernama", "Kyodo", "Yonhap", "Sputnik", "Antara", "Lusa",
                             "Prensa", "Tass", "TASS", "Nhandan", "VOV"})
_AGENCY_ACRONYM = re.compile(rf"[{_U}]{{2,6}}\Z")

_HEADER_LINE = 70   # a date line at the head of a page is short
# Words a header date line may hold besides its date: weekdays, months, times, "published".
_HEADER_WORD = re.compile(rf"\d+[\d:/.h-]*|gmt|utc|ict|{joined('header_words')}", re.I | re.X)
_WORD = re.compile(r"[^\W_]+(?:[:/.][^\W_]+)*")

_SCAN_CHARS = 800   # a dateline sits in the first few short paragraphs ...
_SCAN_LINES = 5
_PROSE_LINE = 150   # ... and never after a paragraph of running text


def _is_agency(s: str) -> bool:
    return bool(_AGENCY_ACRONYM.match(s)) or s in _KNOWN_AGENCIES


def _match_place(text: str, pos: int) -> re.Match[str] | None:
    m = _CAPS_DATELINE.match(text, pos)
    if m and (m["agency"] is None or _is_agency(m["agency"].strip())):
        return m
    m = _AGENCY_DATELINE.match(text, pos)
    if m and _is_agency(m["agency"]):
        return m
    return None


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def readable_place(place: str | None) -> str | None:
    """A wire dateline's capitals as the place is written in running text ("HÀ NỘI" -> "Hà Nội",
    "KUALA LUMPUR" -> "Kuala Lumpur"), so event locations read like the entity table."""
    if not place or not place.isupper():
        return place
    return " ".join(w.capitalize() if len(w) > 1 else w for w in place.split(" "))


def _stated_day(fragment: str) -> str | None:
    """The ISO day a dateline or header line states with its year ("January 15, 2025",
    "21 tháng 8, 2023", "8/5/2025"), or None: without a year the day cannot be placed."""
    days = [d for d in find_dates(fragment, "any", None) if len(d.date_start) == 10 and d.date_start == d.date_end]
    return days[0].date_start if len(days) == 1 else None


def _header_day(line: str) -> str | None:
    """A short line at the head of a page that only dates it: "Thứ Hai, 21 tháng 8, 2023",
    "Thứ năm, 8/5/2025, 14:30 (GMT+7)", "Published: 15 Jan 2025 10:03", "Vientiane Times,
    3 December 2025". Running text ("On May 8, 2025 the two …") is not a header."""
    line = line.strip()
    if not line or len(line) > _HEADER_LINE or line.endswith((".", ":")):
        return None
    day = _stated_day(line)
    if day is None:
        return None
    words = [w for w in _WORD.findall(line) if not _HEADER_WORD.fullmatch(w)]
    return day if len(words) <= 3 else None


# A time on a page's header line with the zone it is written in: "May 22, 2016 | 08:33 pm PT",
# "10/08/2015 18:42 GMT+7", "14:44:18(GMT+08:00)".
_HEADER_TIME = re.compile(r"""(?<![\d:])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?m\.?)?
    \s*\(?\s*(?P<tz>P[SD]?T|E[SD]?T|C[SD]?T|GMT|UTC)(?:\s*(?P<sign>[+-])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?)?(?![\w])""",
                          re.X | re.I)
_US_ZONES = {"P": "America/Los_Angeles", "E": "America/New_York", "C": "America/Chicago"}
# The zone of the newsrooms this pipeline reads (Vietnamese outlets, whose English editions may stamp
# pages in US Pacific time): the day an article came out there is the day its "today" means.
HOME_ZONE = "Asia/Ho_Chi_Minh"
_HEADER_SCAN = 400


_STAMP_GAP = re.compile(r"[\s|,·–-]{0,6}")


def is_timestamp(text: str, end: int) -> bool:
    """Whether a date ending at ``end`` is followed by a clock time in a zone ("May 22, 2016 | 08:33 pm
    PT"): a page's time stamp, when it was written, not a day of what it tells."""
    gap = _STAMP_GAP.match(text, end)
    return bool(gap and _HEADER_TIME.match(text, gap.end()))


def home_day(text: str, day: str | None) -> str | None:
    """The publication day in the home newsroom's zone (``HOME_ZONE``) when a header line near the
    top stamps that day with a time in another zone ("May 22, 2016 | 08:33 pm PT" is 23 May in Hà
    Nội); None when no header time in a zone goes with that day or the day does not change."""
    if not day or len(day) != 10:
        return None
    head = text[:_HEADER_SCAN]
    for line in head.splitlines():
        m = _HEADER_TIME.search(line)
        if m is None or _stated_day(line[:m.start()] + line[m.end():]) != day:
            continue
        hour, minute = int(m["h"]), int(m["m"])
        if m["ampm"]:
            if hour > 12:
                continue
            hour = hour % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
        tz = m["tz"].upper()
        zone: dt.tzinfo
        if tz in ("GMT", "UTC"):
            sign = -1 if m["sign"] == "-" else 1
            zone = dt.timezone(sign * dt.timedelta(hours=int(m["oh"] or 0), minutes=int(m["om"] or 0)))
        else:
            zone = ZoneInfo(_US_ZONES[tz[0]])
        stamped = dt.datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=zone)
        local = stamped.astimezone(ZoneInfo(HOME_ZONE)).date().isoformat()
        return local if local != day else None
    return None


def parse_dateline(text: str) -> Dateline:
    """Read the crawler's date prefix and the wire dateline place at the head of an article.

    When a header line carries only a place and a date ("VIETNAM, December 12 -")
    and a later paragraph has a real dateline ("HÀ NỘI — Cambodian ..."), the one
    followed by body text wins: it is the city, the header is often a country.
    """
    published = None
    head = 0
    m = _PREFIX.match(text)
    if m:
        published = m["date"]
        head = _skip_ws(text, m.end())

    clutter = clutter_spans(text[:head + _SCAN_CHARS])
    header_only: tuple[re.Match[str], int] | None = None
    pos, lines_seen = head, 0
    while pos < len(text) and pos - head < _SCAN_CHARS and lines_seen < _SCAN_LINES:
        line_end = text.find("\n", pos)
        if line_end < 0:
            line_end = len(text)
        pm = _match_place(text, pos)
        if published is None:
            published = _stated_day(pm["date"]) if pm and pm["date"] else _header_day(text[pos:line_end])
        if pm:
            after = pm.end()
            if after < line_end and text[after:line_end].strip():
                return Dateline(published, pm["place"], pm.start("place"), after)
            if header_only is None:
                header_only = (pm, _skip_ws(text, line_end))
        elif not any(s <= pos < e for s, e in clutter) and line_end - pos > _PROSE_LINE:
            break  # running text: any later "CAPS –" is not a dateline
        lines_seen += 1
        pos = _skip_ws(text, line_end)
    if header_only:
        pm, body = header_only
        return Dateline(published, pm["place"], pm.start("place"), body)
    return Dateline(published, None, None, head)


# ---------------------------------------------------------------------------
# Clutter
# ---------------------------------------------------------------------------

_CLUTTER_LINE = re.compile(
    "|".join((r"\d{1,2}/\d{1,2}/\d{4}\s*[,-]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*\(GMT[+-]\d{1,2}\))?",
              r"close_game", r"\|", *(line for p in profiles() for line in p.words.clutter_lines))),
    re.X | re.I)
_LINE = re.compile(r"[^\n]+")


def clutter_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of page-clutter lines: site widgets, share buttons, subscription footers.

    A span is the clutter text of one line without surrounding whitespace; on the
    first line it starts after the crawler's ` date ...` prefix. Only whole-line,
    unambiguous patterns: a false positive would hide article text.
    """
    spans: list[tuple[int, int]] = []
    prefix = _PREFIX.match(text)
    for line in _LINE.finditer(text):
        start, end = line.start(), line.end()
        if start == 0 and prefix:
            start = prefix.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and _CLUTTER_LINE.fullmatch(text, start, end):
            spans.append((start, end))
    return spans
