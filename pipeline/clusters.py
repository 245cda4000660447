"""The event_clusters and mentions tables: one row per real-world event, and its supporting reports.

Consensus fields take what the reports agree on (the most frequent value; for
dates the most precise one that every dated report is compatible with) and
disagreements are listed in ``conflicts`` rather than hidden. Every cluster row
can be traced through ``mentions`` to the sentences that support it.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, TypeVar

import pandas as pd

from pipeline.doc import Event
from pipeline.stages.coding import code_for
from pipeline.stages.date_sources import consensus_dates
from pipeline.tables import mention_record, project, typed_frame

T = TypeVar("T")


def _most_common(values: list[T]) -> T | None:
    values = [v for v in values if v not in (None, "")]
    if not values:
        return None
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], -values.index(v)))


def build_cluster_tables(events: list[Event]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The event_clusters table (one consensus row per real-world event) and the mentions table
    (every report of it), from events that linking gave a cluster id."""
    groups: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.cluster_id:
            groups[e.cluster_id].append(e)
    rows: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    for cid in sorted(groups):
        members = sorted(groups[cid], key=lambda m: (m.published or "", m.doc_id, m.char_start))
        # 'other' says nothing specific, so it neither wins nor conflicts when a report is specific
        subtypes: list[str | None] = [m.subtype for m in members if m.subtype and m.subtype != "other"] or \
            [m.subtype for m in members]
        conflicts = []
        if len(set(subtypes)) > 1:
            conflicts.append("subtype: " + " vs ".join(sorted(set(s or "none" for s in subtypes))))
        start, end, date_conflicts = consensus_dates(members)
        conflicts += date_conflicts
        loc_countries = [m.location_country for m in members if m.location_country]
        if len(set(loc_countries)) > 1:
            conflicts.append("location: " + " vs ".join(sorted(set(loc_countries))))
        statuses = {m.status for m in members}
        loc_country = _most_common(loc_countries)
        loc_name = _most_common([m.location_name for m in members if m.location_country == loc_country])
        head = members[0]
        consensus = Event(doc_id="", lang=head.lang, type=head.type, subtype=_most_common(subtypes),
                          status="occurred" if "occurred" in statuses else "planned", trigger="", evidence="",
                          char_start=0, char_end=0, location_country=loc_country,
                          countries=sorted({c for m in members for c in m.countries}))
        code = code_for(consensus)
        langs = sorted({m.lang for m in members})
        pubs = sorted(m.published for m in members if m.published)
        names = list(dict.fromkeys(p.name for m in members for p in m.participants))
        rows.append(project(
            "event_clusters",
            cluster_id=cid, type=head.type, subtype=consensus.subtype, status=consensus.status,
            date_start=start, date_end=end, location={"name": loc_name, "country": loc_country},
            countries=consensus.countries, participants=names,
            parent_cluster_id=_most_common([m.parent_cluster_id for m in members]),
            cameo_code=code.cameo if code else None, plover_type=code.plover_type if code else None,
            n_articles=len({m.doc_id for m in members}), n_languages=len(langs), languages=langs,
            first_published=pubs[0] if pubs else None, last_published=pubs[-1] if pubs else None,
            conflicts=conflicts,
        ))
        mentions.extend(mention_record(m) for m in members)
    return typed_frame("event_clusters", rows), typed_frame("mentions", mentions)
