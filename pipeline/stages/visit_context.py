"""Which visit an event happened during, and what it inherits from that visit.

A report of a state visit names the place once ("arrived in Tokyo on Monday")
and then lists what the visitor did there: talks, calls, signings. Those
events rarely repeat the place, but they happened where the visit was. The
same relation points a meeting at its visit's cluster when articles are linked.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from typing import Iterable

from pipeline.doc import Event
from pipeline.stages.consolidate import event_span
from pipeline.stages.frame_base import visitor_names

# How far from an event (in characters of the article) the visit it happened during is looked
# for: a news report tells a trip and its programme close together, and the bound keeps the
# search linear in the article's length (a very long page lists many trips).
VISIT_REACH = 20_000


def is_past_reference(e: Event) -> bool:
    """A year- or month-precision date: a past or background event, not today's news."""
    return bool(e.date_start) and len(e.date_start or "") < 10


def moved(d: dt.date, days: int) -> dt.date:
    """``d`` moved by ``days``, clamped to the calendar (years 1-9999): never an OverflowError."""
    return dt.date.fromordinal(min(max(d.toordinal() + days, 1), dt.date.max.toordinal()))


def overlaps(a: Event, b: Event) -> bool:
    """Date spans that meet, allowing one day for reports that date by arrival or by local time."""
    x, y = event_span(a), event_span(b)
    if x is None or y is None:
        return True
    return moved(x[0], -1) <= y[1] and moved(y[0], -1) <= x[1]


def _same_time(visit: Event, e: Event) -> bool:
    """Both reported as done, or both as planned; or an item on the programme of a visit under way,
    undated or dated only by the programme day before it ("arrived in Hanoi on Sunday ... the two
    leaders will then hold talks")."""
    return visit.status == e.status or (e.status == "planned" and (not e.date_start or e.date_inferred))


def _during(visit: Event, e: Event) -> bool:
    """Same time (``_same_time``) and dates that meet; a plan dated only by the programme day told
    before it may fall on any day of the visit (whose span the article may not give)."""
    return _same_time(visit, e) and (overlaps(visit, e) or (e.status == "planned" and e.date_inferred))


def enclosing_visit(e: Event, visits: Iterable[Event]) -> Event | None:
    """The first visit ``e`` took place during: same time (see ``_same_time``), overlapping dates, and every state
    taking part in ``e`` is the visitor's or the host's."""
    if e.type == "visit" or is_past_reference(e):
        return None
    for v in visits:
        if v.type != "visit" or is_past_reference(v) or not v.location_country:
            continue
        if v.location_country in e.countries and _during(v, e) \
                and set(e.countries) <= set(v.countries) | {v.location_country}:
            return v
    return None


def travellers_visit(e: Event, visits: Iterable[Event]) -> Event | None:
    """The trip one of ``e``'s participants was on when ``e`` happened: ``e`` names a visitor of
    a visit whose dates it shares. This covers meetings with third parties during a trip (a
    ceremony abroad, a summit) that ``enclosing_visit`` leaves out; when two such trips fit (a tour
    of several countries on undated days), none is chosen."""
    if e.type == "visit" or is_past_reference(e):
        return None
    names = {p.name for p in e.participants}
    fits = [v for v in visits if v.type == "visit" and v.location_country and not is_past_reference(v)
            and names & visitor_names(v) and _during(v, e)]
    places = {v.location_country for v in fits}
    return fits[0] if len(places) == 1 else None


class NearbyVisits:
    """The visits of one article, found by their position near an event."""

    def __init__(self, events: Iterable[Event]) -> None:
        self.visits = sorted((v for v in events if v.type == "visit" and v.location_country
                              and not is_past_reference(v)), key=lambda v: v.char_start)
        self.starts = [v.char_start for v in self.visits]

    def near(self, e: Event) -> list[Event]:
        """The visits within ``VISIT_REACH`` characters of the event."""
        lo = bisect_left(self.starts, e.char_start - VISIT_REACH)
        hi = bisect_right(self.starts, e.char_start + VISIT_REACH)
        return self.visits[lo:hi]


def carry_visit_places(events: list[Event]) -> None:
    """Give an event with no stated place the place of the visit it happened during (one article)."""
    index = NearbyVisits(events)
    for e in events:
        if e.location_country or e.type == "visit":
            continue
        near = index.near(e)
        v = enclosing_visit(e, near) or travellers_visit(e, near)
        if v is not None:
            e.location_name, e.location_country = v.location_name, v.location_country
