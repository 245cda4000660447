"""Counts an analyst asks for, on real events (``event_clusters``), never on article rows.

Why: the events table holds one row per *report*; a state visit covered by
three articles is three rows, so counting rows triples it. Every view here
starts from ``event_clusters`` (one row per real-world event) and takes only
what a cluster row lacks, the participants' roles and countries, from the
cluster's reports in ``events``. Undated events are kept (their year is
missing) rather than silently dropped; :func:`count_undated` says how many.

The three table helpers the notebook plots (:func:`events_per_month`,
:func:`country_network`, :func:`participant_summary`) count whatever rows they
are given: pass ``event_clusters`` or :func:`real_events` to count real
events, the events table to count reports. They were in ``pipeline.render``;
they are counts, not rendering, and the plots of :mod:`pipeline.plots` draw them.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any, Iterable, Mapping, cast

import pandas as pd

from pipeline.schema import EVENT_TYPES
from pipeline.values import is_missing

__all__ = [
    "real_events",
    "visit_direction",
    "visits_by_country_pair",
    "who_met_whom",
    "trips",
    "count_undated",
    "events_per_month",
    "country_network",
    "participant_summary",
]


def _str(value: Any) -> str | None:
    if is_missing(value):
        return None
    text = str(value)
    return text if text.strip() else None


def _list(value: Any) -> list[Any]:
    if is_missing(value):
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if hasattr(value, "tolist"):  # Parquet gives numpy arrays
        return list(value.tolist())
    return [value]


def _records(df: pd.DataFrame | None) -> list[dict[str, Any]]:
    return [] if df is None or len(df) == 0 else cast("list[dict[str, Any]]", df.to_dict("records"))  # str columns


def real_events(event_clusters: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """``event_clusters`` with ``participants`` as dicts (name, role, country) gathered from the
    cluster's reports, so the event-row helpers (e.g. :func:`country_network`) count
    real events. A name given different roles by different reports keeps each role once."""
    people: dict[str, dict[tuple, dict[str, Any]]] = defaultdict(dict)
    for ev in _records(events):
        cid = _str(ev.get("cluster_id"))
        if cid is None:
            continue
        for p in _list(ev.get("participants")):
            if isinstance(p, Mapping) and _str(p.get("name")):
                key = (_str(p.get("name")), _str(p.get("role")), _str(p.get("country")))
                people[cid].setdefault(key, {"name": key[0], "role": key[1], "country": key[2]})
    rows = []
    for c in _records(event_clusters):
        cid = _str(c.get("cluster_id"))
        known = list(people.get(cid, {}).values()) if cid is not None else []
        named = {p["name"] for p in known}
        # a name in the cluster but in no report's participants (should not happen) is kept without a role
        known += [{"name": n, "role": None, "country": None} for n in _list(c.get("participants"))
                  if _str(n) and n not in named]
        rows.append({**c, "participants": known})
    columns = list(event_clusters.columns) if event_clusters is not None else []
    return pd.DataFrame(rows, columns=columns or None)


def visit_direction(event: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    """(visitor countries, host countries) of a visit.

    Visitors are the countries of participants with role visitor; hosts those of
    role host plus the location's country (unless a visitor's own). When one side
    is unknown, the event's other countries fill it in; both empty: no direction.
    """
    people = [p for p in _list(event.get("participants")) if isinstance(p, Mapping)]
    countries = {str(c) for c in _list(event.get("countries")) if _str(c)}
    visitors = {c for c in (_str(p.get("country")) for p in people if p.get("role") == "visitor") if c is not None}
    hosts = {c for c in (_str(p.get("country")) for p in people if p.get("role") == "host") if c is not None}
    location = event.get("location")
    loc_country = _str(location.get("country")) if isinstance(location, Mapping) else None
    if loc_country and loc_country not in visitors:
        hosts.add(loc_country)
    if not visitors:
        visitors = countries - hosts
    if not hosts:
        hosts = countries - visitors
    return visitors, hosts


def _text_columns(df: pd.DataFrame, names: Iterable[str]) -> pd.DataFrame:
    """Text columns as pandas' string dtype (missing = <NA>), as in the output tables."""
    for name in names:
        df[name] = df[name].astype("string")
    return df


def _year(iso: Any) -> int | None:
    text = _str(iso)
    return int(text[:4]) if text and text[:4].isdigit() else None


def visits_by_country_pair(event_clusters: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Real visits per (visitor country, host country, year): columns ``visitor``, ``host``,
    ``year`` (missing for undated visits, which are kept) and ``visits``; most visits first."""
    counts: Counter[tuple[str, str, int | None]] = Counter()
    for ev in _records(real_events(event_clusters, events)):
        if _str(ev.get("type")) != "visit":
            continue
        visitors, hosts = visit_direction(ev)
        for v in sorted(visitors):
            for h in sorted(hosts - {v}):
                counts[(v, h, _year(ev.get("date_start")))] += 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1], kv[0][2] is None, kv[0][2] or 0))
    out = pd.DataFrame([(v, h, y, n) for (v, h, y), n in rows], columns=["visitor", "host", "year", "visits"])
    out["year"] = out["year"].astype("Int64")
    out["visits"] = out["visits"].astype("int64")
    return _text_columns(out, ["visitor", "host"])


def who_met_whom(event_clusters: pd.DataFrame, events: pd.DataFrame,
                 types: Iterable[str] = ("meeting",)) -> pd.DataFrame:
    """Pairs of people and how many real events of ``types`` (default: meetings) both took part in:
    ``person_a``, ``country_a``, ``person_b``, ``country_b``, ``events``, ``first``, ``last`` (dates).

    Two people of the same country (a delegation) are not a pair; names are in
    alphabetical order within a pair."""
    wanted = set(types)
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for ev in _records(real_events(event_clusters, events)):
        if _str(ev.get("type")) not in wanted:
            continue
        country: dict[str, str | None] = {}
        for p in ev["participants"]:
            country[p["name"]] = country.get(p["name"]) or p["country"]
        date = _str(ev.get("date_start"))
        for a, b in combinations(sorted(country), 2):
            if country[a] and country[a] == country[b]:
                continue
            g = pairs.setdefault((a, b), {"events": 0, "dates": []})
            g["events"] += 1
            if date:
                g["dates"].append(date)
            g["country_a"], g["country_b"] = country[a], country[b]
    rows = [{"person_a": a, "country_a": g["country_a"], "person_b": b, "country_b": g["country_b"],
             "events": g["events"], "first": min(g["dates"]) if g["dates"] else None,
             "last": max(g["dates"]) if g["dates"] else None} for (a, b), g in pairs.items()]
    rows.sort(key=lambda r: (-r["events"], r["person_a"], r["person_b"]))
    out = pd.DataFrame(rows, columns=["person_a", "country_a", "person_b", "country_b", "events", "first", "last"])
    out["events"] = out["events"].astype("int64")
    return _text_columns(out, ["person_a", "country_a", "person_b", "country_b", "first", "last"])


def trips(event_clusters: pd.DataFrame, events: pd.DataFrame, person: str) -> pd.DataFrame:
    """The real visits ``person`` (a canonical name, as in ``participants.name``) made as a visitor,
    in date order with undated trips last: ``cluster_id``, ``date_start``, ``date_end``,
    ``date_precision``, ``destination`` (ISO3: the place's country, else the host's), ``place``, ``subtype``,
    ``status``, ``n_articles`` and ``during`` (the number of meetings and agreements recorded during the trip)."""
    clusters = _records(event_clusters)
    children = Counter(_str(c.get("parent_cluster_id")) for c in clusters)
    wanted = person.strip().casefold()
    rows = []
    for ev in _records(real_events(event_clusters, events)):
        if _str(ev.get("type")) != "visit":
            continue
        if not any(p["role"] == "visitor" and p["name"].casefold() == wanted for p in ev["participants"]):
            continue
        found = ev.get("location")
        location = found if isinstance(found, Mapping) else {}
        destination = _str(location.get("country")) or "; ".join(sorted(visit_direction(ev)[1])) or None
        start = _str(ev.get("date_start"))
        rows.append({"cluster_id": ev["cluster_id"], "date_start": start, "date_end": _str(ev.get("date_end")),
                     "date_precision": {1: "year", 2: "month", 3: "day"}.get(len(start.split("-"))) if start else None,
                     "destination": destination, "place": _str(location.get("name")),
                     "subtype": _str(ev.get("subtype")), "status": _str(ev.get("status")),
                     "n_articles": int(ev["n_articles"]) if not is_missing(ev.get("n_articles")) else 0,
                     "during": children.get(ev["cluster_id"], 0)})
    rows.sort(key=lambda r: (r["date_start"] is None, r["date_start"] or "", r["cluster_id"]))
    out = pd.DataFrame(rows, columns=["cluster_id", "date_start", "date_end", "date_precision", "destination",
                                      "place", "subtype", "status", "n_articles", "during"])
    out[["n_articles", "during"]] = out[["n_articles", "during"]].astype("int64")
    return _text_columns(out, ["cluster_id", "date_start", "date_end", "date_precision", "destination", "place",
                               "subtype", "status"])


def count_undated(event_clusters: pd.DataFrame) -> int:
    """How many real events have no date at all (left out of any per-month or per-year count)."""
    return sum(1 for c in _records(event_clusters) if _str(c.get("date_start")) is None)


_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _month(iso: str | None) -> str | None:
    """'YYYY-MM' of an ISO date of month or day precision; None for a year alone, no date or no real month."""
    m = _MONTH.match(iso or "")
    if m is None:
        return None
    try:
        dt.date(int(m[1]), int(m[2]), 1)
    except ValueError:
        return None
    return m.group()


def events_per_month(events: pd.DataFrame) -> pd.DataFrame:
    """Events per calendar month of ``date_start``, one column per event type, months without events as 0.

    Events whose date is missing or only a year ('1959') have no month and are
    left out: spreading them over twelve months would invent dates.
    """
    types = list(EVENT_TYPES)
    months: list[tuple[str, str]] = []
    for ev in _records(events):
        month, etype = _month(_str(ev.get("date_start"))), _str(ev.get("type"))
        if month and etype:
            months.append((month, etype))
            if etype not in types:
                types.append(etype)
    if not months:
        empty = pd.DataFrame(columns=types, dtype="int64")
        empty.index.name, empty.columns.name = "month", "type"
        return empty
    counts = Counter(months)
    index = [str(p) for p in pd.period_range(min(m for m, _ in months), max(m for m, _ in months), freq="M")]
    table = pd.DataFrame({t: [counts.get((m, t), 0) for m in index] for t in types}, index=index, dtype="int64")
    table.index.name, table.columns.name = "month", "type"
    return table


def country_network(events: pd.DataFrame) -> pd.DataFrame:
    """Country-to-country edges with a count of events: ``source``, ``target``, ``type``, ``count``.

    A visit points from each visitor's country to each host country (see
    :func:`visit_direction`); a visit with no known direction gives no edge.
    Meetings and agreements are symmetric, so each unordered pair of the
    event's countries is one edge with ``source`` < ``target``. Counts are
    rows of the table given: pass :func:`real_events` (or use
    ``result.country_network()``) to count each real event once; on the events
    table the same visit reported by two articles counts twice.
    """
    counts: Counter[tuple[str, str, str]] = Counter()
    for ev in _records(events):
        etype = _str(ev.get("type"))
        countries = sorted({str(c) for c in _list(ev.get("countries")) if _str(c)})
        if etype is None:
            continue
        if etype == "visit":
            visitors, hosts = visit_direction(ev)
            for v in sorted(visitors):
                for h in sorted(hosts):
                    if v != h:
                        counts[(v, h, "visit")] += 1
        else:
            for a, b in combinations(countries, 2):
                counts[(a, b, etype)] += 1
    rows = [(s, t, ty, n) for (s, t, ty), n in counts.items()]
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    rows.sort(key=lambda r: (order.get(r[2], len(order)), r[2], r[0], r[1]))
    out = pd.DataFrame(rows, columns=["source", "target", "type", "count"])
    out["count"] = out["count"].astype("int64")
    return out


def participant_summary(participants: pd.DataFrame) -> pd.DataFrame:
    """People by number of events: ``name``, ``country``, ``events``, ``articles``, ``roles``
    (e.g. 'visitor 3, host 1'), most active first."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for p in _records(participants):
        name = _str(p.get("name"))
        if not name:
            continue
        key = (name, _str(p.get("country")) or "")
        g = groups.setdefault(key, {"events": set(), "docs": set(), "roles": Counter()})
        g["events"].add(_str(p.get("event_id")))
        g["docs"].add(_str(p.get("doc_id")))
        g["roles"][_str(p.get("role")) or "?"] += 1
    rows: list[dict[str, Any]] = [
        {"name": name, "country": country or None, "events": len(g["events"]), "articles": len(g["docs"]),
         "roles": ", ".join(f"{r} {n}" for r, n in g["roles"].most_common())}
        for (name, country), g in groups.items()]
    rows.sort(key=lambda r: (-r["events"], r["name"]))
    return pd.DataFrame(rows, columns=["name", "country", "events", "articles", "roles"])
