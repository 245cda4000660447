"""Cross-document linking: the same real-world event reported in several articles shares a cluster_id.

Sameness is decided from what the records say, never from surface text, so a
Vietnamese and an English report of one visit link: the type, the canonical
people, the countries, and dates that overlap (a few days' slack for visits,
whose reports date different days of one trip, and for dates the pipeline
inferred from an article's context rather than read next to the event).

Events are bucketed by a key (type and countries; for visits the destination
and the visitors' countries), so the cost grows with the number of events,
not its square; inside a bucket, an event joins the cluster whose people
overlap it best. Sub-events of a visit (talks, signings during the trip) keep
their own cluster but point at the visit through ``parent_cluster_id``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from functools import lru_cache
from typing import Iterable

from pipeline.doc import Event
from pipeline.stages.consolidate import event_span
from pipeline.stages.date_sources import fill_dates_from_clusters
from pipeline.stages.gazetteer import fold
from pipeline.stages.visit_context import NearbyVisits, enclosing_visit
from pipeline.stages.visit_context import is_past_reference as is_past_reference
from pipeline.stages.visit_context import moved as _moved

VISIT_SLACK_DAYS = 3
INFERRED_SLACK_DAYS = 1
UNDATED_CANDIDATES = 50  # an undated report is compared with at most this many clusters per person


def link_key(e: Event) -> tuple:
    """What two reports of one event must share exactly."""
    if e.type == "visit":
        visitor_countries = tuple(sorted({p.country for p in e.participants if p.role == "visitor" and p.country}))
        return ("visit", e.location_country, visitor_countries or tuple(sorted(e.countries)))
    return (e.type, tuple(sorted(e.countries)))


ANY = "\x00any"  # index slot holding every cluster of a week, for events that name nobody


class EventKeys:
    """Each event's linking people and date span, computed once per linking run (linking asks for
    them many times), by the event's identity: the index that owns this holds every event it was
    asked about, so no identity is reused while it lives."""

    def __init__(self) -> None:
        self._people: dict[int, frozenset[str]] = {}
        self._spans: dict[int, tuple[dt.date, dt.date] | None] = {}

    def people(self, e: Event) -> frozenset[str]:
        """Folded names of the visitors (visits) or of every participant (other events)."""
        cached = self._people.get(id(e))
        if cached is None:
            roles = ("visitor",) if e.type == "visit" else None
            cached = frozenset(_fold(p.name) for p in e.participants if roles is None or p.role in roles)
            self._people[id(e)] = cached
        return cached

    def span(self, e: Event) -> tuple[dt.date, dt.date] | None:
        """The event's date span (``consolidate.event_span``)."""
        if id(e) not in self._spans:
            self._spans[id(e)] = event_span(e)
        return self._spans[id(e)]


@lru_cache(maxsize=65536)
def _fold(name: str) -> str:
    return fold(name)


def _slack(e: Event) -> int:
    if e.type == "visit":
        return VISIT_SLACK_DAYS
    return INFERRED_SLACK_DAYS if e.date_inferred else 0


class Cluster:
    """Reports of one real-world event, with the union of their date spans."""

    def __init__(self, first: Event, keys: EventKeys) -> None:
        self.keys = keys
        self.members: list[Event] = [first]
        self.docs = {first.doc_id}
        self.people = set(keys.people(first))
        self.spans = [s for s in [keys.span(first)] if s]
        self.slack = _slack(first)
        self.subtype = first.subtype
        self.titles = {fold(first.title)} if first.title else set()

    def date_fit(self, e: Event) -> bool:
        """Whether the event's dates overlap the cluster's (padded when a date was inferred)."""
        span = self.keys.span(e)
        if span is None or not self.spans:
            return True
        pad = max(self.slack, _slack(e))
        if is_past_reference(e) or any(len(m.date_start or "") < 10 and m.date_start for m in self.members):
            pad = 0
        return any(_moved(span[0], -pad) <= s[1] and _moved(s[0], -pad) <= span[1] for s in self.spans)

    def people_fit(self, e: Event) -> float:
        """0 when the people clash, else how well they overlap (1 = same people)."""
        mine = self.keys.people(e)
        if not mine or not self.people:
            return 0.5
        inter = len(mine & self.people)
        if e.type == "visit":
            return 1.0 if inter else 0.0
        if mine <= self.people or self.people <= mine:
            return 0.5 + 0.5 * inter / len(mine | self.people)
        return inter / len(mine | self.people) if inter / len(mine | self.people) >= 0.5 else 0.0

    def other_fit(self, e: Event) -> bool:
        """Whether nothing but people and dates keeps the event out (agreements of different kinds never join)."""
        if e.type == "agreement":
            if (e.subtype == "partnership_upgrade") != (self.subtype == "partnership_upgrade"):
                return False
            if e.subtype != self.subtype and "joint_statement" in (e.subtype, self.subtype):
                return False
        return True

    def add(self, e: Event) -> None:
        """Take the event in and widen the cluster's people, dates and titles with it."""
        self.members.append(e)
        self.docs.add(e.doc_id)
        self.people |= self.keys.people(e)
        span = self.keys.span(e)
        if span:
            self.spans.append(span)
        if e.title:
            self.titles.add(fold(e.title))


def _order(events: Iterable[Event]) -> list[Event]:
    """Explicitly dated reports first, most precise first, so undated or inferred ones join them."""
    return sorted(events, key=lambda e: (e.date_start is None, e.date_inferred, -len(e.date_start or ""),
                                         e.date_start or "", e.doc_id, e.char_start))


class ClusterIndex:
    """Clusters by link key, then by ISO week of their dates (dated events) or by person
    (undated ones), so an event is compared only with clusters near it in time or sharing a
    person: the cost per event stays flat as the collection grows."""

    def __init__(self) -> None:
        self.by_week: dict[tuple, list[Cluster]] = defaultdict(list)
        self.by_person: dict[tuple, list[Cluster]] = defaultdict(list)
        self.clusters: list[Cluster] = []
        self.keys = EventKeys()

    @staticmethod
    def _weeks(span: tuple[dt.date, dt.date], pad_days: int) -> range:
        lo = _moved(span[0], -pad_days).toordinal() // 7
        hi = _moved(span[1], pad_days).toordinal() // 7
        return range(lo, hi + 1)

    def candidates(self, e: Event) -> list[Cluster]:
        """Clusters near the event in time that share one of its people (or have none, or the event
        has none): people_fit is 0 for anything else."""
        key, span = link_key(e), self.keys.span(e)
        seen: dict[int, Cluster] = {}
        people = self.keys.people(e)
        if span is not None:
            slots = [*people, None] if people else [ANY]
            for w in self._weeks(span, max(_slack(e), VISIT_SLACK_DAYS)):
                for slot in slots:
                    for c in self.by_week.get((key, w, slot), ()):
                        seen.setdefault(id(c), c)
        else:
            # an undated report: the most recent clusters of the same people (bounded)
            for person in people:
                for c in self.by_person.get((key, person), ())[-UNDATED_CANDIDATES:]:
                    seen.setdefault(id(c), c)
        return list(seen.values())

    def register(self, c: Cluster, e: Event) -> None:
        """Index the cluster under the event's weeks and people, so later events find it."""
        key, span, people = link_key(e), self.keys.span(e), self.keys.people(e)
        if span is not None:
            slots = [*people, ANY] if people else [None, ANY]
            for w in self._weeks(span, 0):
                for slot in slots:
                    bucket = self.by_week[(key, w, slot)]
                    if not bucket or bucket[-1] is not c:
                        bucket.append(c)
        for person in people:
            bucket = self.by_person[(key, person)]
            if c not in bucket[-3:]:
                bucket.append(c)

    def place(self, e: Event) -> Cluster:
        """The best-fitting cluster for the event, or a new one when none fits."""
        best, best_fit = None, 0.0
        for c in self.candidates(e):
            if e.doc_id in c.docs or not c.date_fit(e) or not c.other_fit(e):
                continue
            fit = c.people_fit(e)
            if fit > best_fit:
                best, best_fit = c, fit
        if best is None:
            best = Cluster(e, self.keys)
            self.clusters.append(best)
        else:
            best.add(e)
        self.register(best, e)
        return best


def cluster_events(events: list[Event], index: ClusterIndex | None = None) -> ClusterIndex:
    """Place events into clusters (new ones, or those of ``index`` for incremental runs)."""
    index = index if index is not None else ClusterIndex()
    for e in _order(events):
        index.place(e)
    return index


def cluster_id_for(c: Cluster) -> str:
    """A cluster keeps the id of its earliest-seen member if it has one (incremental runs), else a
    hash of its key fields and its first member's id, so it is stable for the same input."""
    named = [m.cluster_id for m in c.members if m.cluster_id]
    if named:
        return min(named)
    seed = min(c.members, key=lambda m: (m.doc_id, m.char_start, m.event_id))
    digest = hashlib.sha1(f"{link_key(seed)}|{seed.event_id}".encode()).hexdigest()[:10]
    return f"c-{digest}"


def assign_parents(events: list[Event]) -> None:
    """A meeting or agreement during a visit, in the same article, points at the visit's cluster."""
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_doc[e.doc_id].append(e)
    for doc_events in by_doc.values():
        index = NearbyVisits(doc_events)
        for e in doc_events:
            v = enclosing_visit(e, index.near(e)) if e.type != "visit" else None
            e.parent_cluster_id = v.cluster_id if v is not None else None


def link_clusters(events: list[Event], previous: list[Event] | None = None) -> None:
    """Set ``cluster_id`` (and ``parent_cluster_id``) on every event, in place. With ``previous``
    events (an earlier run's, carrying their cluster ids), new reports of known events take the
    known ids instead of new ones."""
    index = cluster_events(list(previous)) if previous else None
    index = cluster_events(events, index)
    for c in index.clusters:
        cid = cluster_id_for(c)
        for m in c.members:
            m.cluster_id = cid
    assign_parents(events)
    fill_dates_from_clusters(events)
