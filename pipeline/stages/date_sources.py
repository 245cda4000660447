"""Where an event's date comes from, and dates borrowed from other reports of the same event.

Analysts sort and filter by date first, so a guessed date must be told from a stated one, and an
undated row must say why (``schema.DATE_SOURCES``). When one report of an event gives no date (a
Vietnamese article with "hôm 7/5" and no publication date) and another report of the same event,
linked by ``cluster_id``, states one, the undated report takes it, marked ``inferred-cluster``.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import cast

from pipeline.doc import Event
from pipeline.stages.consolidate import date_span
from pipeline.stages.dates import find_dates

# Any date will do to read "hôm 7/5" for its month and day; mid-year, so no day is pushed across
# a year boundary.
_ANY_YEAR = dt.date(2001, 7, 1)


def explain_missing_dates(events: list[Event]) -> None:
    """Give every undated event of an article its reason (after consolidation)."""
    for e in events:
        if not e.date_start:
            e.date_source = "none-planned" if e.status == "planned" else "none"


def _yearless_mentions(text: str, lang: str) -> list:
    """Single days stated without a year and not relative to anything ("hôm 7/5", "May 7")."""
    return [d for d in find_dates(text, lang, _ANY_YEAR)
            if not d.relative and d.weekday is None and len(d.date_start) == 10
            and not any(y in d.text for y in (d.date_start[:4], d.date_end[:4]))]


def mark_yearless_days(text: str, lang: str, events: list[Event]) -> None:
    """For an article with no date to read them against: the days ('MM-DD') it states without a
    year ("hôm 7/5", "May 7-8") on every event, so that a date borrowed from another report of
    the same event can be checked against them; and on each undated event its day hint, the day
    its sentence states, else the last single day stated before it (the day the narrative is on:
    "hôm 7/5, X chủ trì lễ đón … Trong cuộc hội đàm diễn ra sau lễ đón, …"). The year comes later,
    from another report of the same trip (``fill_dates_from_clusters``)."""
    mentions = _yearless_mentions(text, lang)
    days = _days_of(mentions)
    single = [d for d in mentions if d.date_start == d.date_end]
    for e in events:
        e.yearless_days = days
        if e.date_start:
            continue
        own = [d for d in single if e.char_start <= d.start < e.char_end]
        before = [d for d in single if d.end <= e.char_start]
        pick = own[0] if own else (before[-1] if before else None)
        e.day_hint = pick.date_start[5:] if pick else None


def plan_after_publication(events: list[Event], reference: dt.date | None) -> None:
    """An event its own sentence dates after the article was published has not happened yet,
    whatever the verb's tense leaves unsaid ("X visits Japan from May 20 to 22" in an article of
    8 May): planned."""
    if reference is None:
        return
    for e in events:
        span = date_span(e.date_start) if e.date_source == "stated" else None
        if e.status == "occurred" and span is not None and span[0] > reference:
            e.status = "planned"


def yearless_days(text: str, lang: str) -> tuple[str, ...]:
    """The days ('MM-DD') an article states without a year, ranges included."""
    return _days_of(_yearless_mentions(text, lang))


def _known_span(iso: str | None) -> tuple[dt.date, dt.date]:
    """:func:`date_span` of a date already known to be set and valid (an event's, a mention's)."""
    span = date_span(iso)
    if span is None:
        raise TypeError(f"not an ISO date: {iso!r}")
    return span


def _days_of(mentions: list) -> tuple[str, ...]:
    """Every 'MM-DD' the mentions cover, ranges included."""
    days: set[str] = set()
    for d in mentions:
        lo, hi = _known_span(d.date_start)[0], _known_span(d.date_end)[1]
        while lo <= hi and len(days) < 400:
            days.add(lo.isoformat()[5:])
            lo += dt.timedelta(days=1)
    return tuple(sorted(days))


def consensus_dates(members: list[Event]) -> tuple[str | None, str | None, list[str]]:
    """The most precise explicit date of a cluster's reports; conflicts when explicit dates do
    not overlap."""
    explicit = [m for m in members if m.date_start and not m.date_inferred] or [m for m in members if m.date_start]
    if not explicit:
        return None, None, []
    best = max(explicit, key=lambda m: (len(m.date_start or ""), (_known_span(m.date_end or m.date_start)[1]
                                                                - _known_span(m.date_start)[0]).days))
    conflicts = []
    distinct = sorted({(m.date_start, m.date_end) for m in explicit if not m.date_inferred})
    lo, hi = _known_span(best.date_start)[0], _known_span(best.date_end or best.date_start)[1]
    clash = [(s, e) for s, e in distinct if _known_span(e or s)[1] < lo or hi < _known_span(s)[0]]
    if clash:  # a report dates the event outside the consensus span
        # every explicit report has a start date
        shown = cast("list[tuple[str, str | None]]", [(best.date_start, best.date_end)] + clash)
        conflicts.append("date: " + " vs ".join(s if s == e else f"{s}..{e}" for s, e in shown))
    return best.date_start, best.date_end, conflicts


def fill_dates_from_clusters(events: list[Event]) -> None:
    """Date the undated reports of a cluster from its other articles' own dates (see ``consensus_dates``;
    guesses are not passed on) when those agree and fall on a day the report states without a year: the
    year is what the report lacked. The borrowed date is marked ``inferred-cluster``. Run after
    ``published`` and ``mark_yearless_days`` have been applied."""
    by_cluster: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.cluster_id:
            by_cluster[e.cluster_id].append(e)
    for members in by_cluster.values():
        # only reports that could date nothing themselves: no publication date to read "hôm 7/5"
        # against, and done rather than planned; an undated report in a dated article is undated for
        # a reason of its own (a past event named without its time) and may be linked loosely
        undated = [m for m in members if not m.date_start and not m.published and m.status == "occurred"
                   and m.yearless_days]
        if not undated:
            continue
        for m in undated:
            sources = [o for o in members if o.doc_id != m.doc_id and o.date_start and not o.date_inferred]
            start, end, conflicts = consensus_dates(sources)
            if start and not conflicts and _told_here(m, start, end):
                m.date_start, m.date_end, m.date_inferred, m.date_source = start, end, True, "inferred-cluster"
    _date_from_article_year(events)
    _correct_narrative_days(by_cluster)


# Dates an article only guessed for an event: the day its narrative is on, its dateline or its
# publication day. Another report that dates the event itself is better evidence.
_GUESSED = frozenset({"inferred-text", "dateline", "publication"})
# A report is written on or after the day it tells of; a few days at most for news.
_REPORT_LAG_DAYS = 3


def _correct_narrative_days(by_cluster: dict[str, list[Event]]) -> None:
    """A report that dates an event only by its narrative, dateline or publication day takes the day
    other reports of the same event date it ("During his stay, Lâm held talks …" in a report dated the
    day he left, while another report says the talks were the day before), when that day is a single
    day up to a few days before the guessed one: reports tell of the past, the guessed day is where the
    narrative stands, not when the event happened. Marked ``inferred-cluster``."""
    for members in by_cluster.values():
        for m in members:
            if (m.date_source not in _GUESSED or not m.date_start or len(m.date_start) != 10
                    or m.date_end not in (None, m.date_start) or m.status != "occurred"):
                continue
            sources = [o for o in members if o.doc_id != m.doc_id and o.date_start
                       and o.date_source in ("stated", "inferred-cluster")]
            start, end, conflicts = consensus_dates(sources)
            if not start or conflicts or len(start) != 10 or start != end or start == m.date_start:
                continue
            lag = (_known_span(m.date_start)[0] - _known_span(start)[0]).days
            if 0 < lag <= _REPORT_LAG_DAYS:
                m.date_start, m.date_end, m.date_inferred, m.date_source = start, end, True, "inferred-cluster"


def _date_from_article_year(events: list[Event]) -> None:
    """An undated event with a day hint, in an article whose year another report has just given
    (one of its events took a cluster's date), is dated that day of that year."""
    years: dict[str, set[str]] = defaultdict(set)
    for e in events:
        if e.date_source == "inferred-cluster" and e.date_start:
            years[e.doc_id].add(e.date_start[:4])
    for e in events:
        year = years.get(e.doc_id)
        if e.date_start or not e.day_hint or e.status != "occurred" or not year or len(year) != 1:
            continue
        try:
            day = dt.date(int(next(iter(year))), int(e.day_hint[:2]), int(e.day_hint[3:]))
        except ValueError:
            continue
        e.date_start = e.date_end = day.isoformat()
        e.date_inferred, e.date_source = True, "inferred-cluster"


def _told_here(m: Event, start: str, end: str | None) -> bool:
    """The borrowed date is day-precise and one of its days is a day the report itself states."""
    if len(start) != 10:
        return False
    lo, hi = _known_span(start)[0], _known_span(end or start)[1]
    stated = set(m.yearless_days)
    days = (lo + dt.timedelta(days=k) for k in range(min((hi - lo).days, 60) + 1))
    return any(d.isoformat()[5:] in stated for d in days)
