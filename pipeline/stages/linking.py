"""Cross-document linking: the same real-world event reported in several articles shares a cluster_id.

Sameness is decided from what the records say, never from surface text, so a
Vietnamese and an English report of one visit link: the type, the canonical
people (visitors for a visit, everyone for a meeting), the countries, and
overlapping dates. Events are bucketed by a key built from those fields, so the
cost grows with the number of events, not with its square; inside a bucket,
an event joins the first cluster whose dates it overlaps.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

from pipeline.doc import Event
from pipeline.stages.consolidate import event_span
from pipeline.stages.gazetteer import fold


def link_key(e: Event) -> tuple:
    """What two reports of one event must share exactly."""
    countries = tuple(sorted(e.countries))
    if e.type == "visit":
        visitors = tuple(sorted(fold(p.name) for p in e.participants if p.role == "visitor"))
        return ("visit", e.location_country, visitors[:1] if visitors else countries)
    if e.type == "meeting":
        names = tuple(sorted(fold(p.name) for p in e.participants))
        return ("meeting", names if len(names) >= 2 else names + countries)
    return ("agreement", e.subtype, countries)


class _Cluster:
    def __init__(self, first: Event) -> None:
        self.members = [first]
        self.span = event_span(first)

    def accepts(self, e: Event) -> bool:
        s = event_span(e)
        if s is None or self.span is None:
            return True
        return s[0] <= self.span[1] and self.span[0] <= s[1]

    def add(self, e: Event) -> None:
        self.members.append(e)
        s = event_span(e)
        if s is not None:
            # keep the most precise (narrowest) span as the consensus
            if self.span is None or (s[1] - s[0]) < (self.span[1] - self.span[0]):
                self.span = s


def link_clusters(events: list[Event]) -> None:
    """Set ``cluster_id`` on every event (in place). Dated events are placed first so an undated
    report joins the cluster its key names rather than opening one of its own."""
    buckets: dict[tuple, list[_Cluster]] = defaultdict(list)
    order = sorted(events, key=lambda e: (e.date_start is None, e.date_start or "", e.doc_id, e.char_start))
    for e in order:
        clusters = buckets[link_key(e)]
        for c in clusters:
            if c.accepts(e) and all(m.doc_id != e.doc_id for m in c.members):
                c.add(e)
                break
        else:
            clusters.append(_Cluster(e))
    for key, clusters in buckets.items():
        for c in clusters:
            seed = min(c.members, key=lambda m: (m.doc_id, m.char_start, m.event_id))
            digest = hashlib.sha1(f"{key}|{seed.event_id}".encode()).hexdigest()[:10]
            for m in c.members:
                m.cluster_id = f"c-{digest}"
