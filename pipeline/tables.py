"""The row model: one row of each output table as a dict, and a table as a typed DataFrame.

Why here and only here: the in-memory API (:func:`pipeline.extract`), the batch
driver and the cluster builder all produce the same six tables; every row is
made by :func:`project`, which takes its column names from
:mod:`pipeline.schema` and refuses a name the schema does not know, and every
DataFrame gets its dtypes from :func:`pipeline.schema.pandas_dtypes`. A column
added or renamed in the schema therefore reaches every producer, or fails
loudly in one of them.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.doc import Entity, Event, Participant
from pipeline.schema import column_names, date_precision, pandas_dtypes

__all__ = ["project", "event_record", "participant_records", "entity_record", "mention_record", "error_record",
           "typed_frame", "build_tables", "event_from_record", "load_events"]


def project(table: str, source: Any = None, /, **given: Any) -> dict[str, Any]:
    """One row of ``table``, in contract order: each column from ``given``, else from the
    same-named key (a mapping) or attribute (an object) of ``source``.

    A name in ``given`` that is no column of the table, or a column found nowhere, raises
    KeyError, so a producer cannot drift from the schema unnoticed."""
    names, known = _columns(table)
    if not given.keys() <= known:
        raise KeyError(f"{table}: no column(s) {sorted(given.keys() - known)} in pipeline.schema")
    if source is None:
        missing = [n for n in names if n not in given]
        if missing:
            raise KeyError(f"{table}: no value for column(s) {missing}")
        return {n: given[n] for n in names}
    if isinstance(source, Mapping):
        return {n: given[n] if n in given else source[n] for n in names}
    return {n: given[n] if n in given else getattr(source, n) for n in names}


@lru_cache(maxsize=None)
def _columns(table: str) -> tuple[tuple[str, ...], frozenset[str]]:
    names = tuple(column_names(table))
    return names, frozenset(names)


def event_record(e: Event) -> dict[str, Any]:
    """An events row; the nested and derived columns are built, the rest are the Event's fields."""
    return project("events", e, date_precision=date_precision(e.date_start),
                   location={"name": e.location_name, "country": e.location_country},
                   countries=list(e.countries), participants=[p.as_dict() for p in e.participants],
                   confidence=round(float(e.confidence), 3))


def participant_records(event: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The participants rows of one events row."""
    return [project("participants", p, event_id=event["event_id"], doc_id=event["doc_id"])
            for p in event["participants"]]


def entity_record(doc_id: str, entity: Entity) -> dict[str, Any]:
    """An entities row: the article's id and the entity's fields."""
    return project("entities", entity, doc_id=doc_id)


def mention_record(event: Mapping[str, Any] | Event) -> dict[str, Any]:
    """A mentions row: every mentions column is also an events column, so it is taken from the
    event (an Event or an events row) under the same name."""
    return project("mentions", event)


def error_record(doc_id: str, stage: str, error: str, message: str) -> dict[str, Any]:
    """An errors row."""
    return project("errors", doc_id=doc_id, stage=stage, error=error, message=message)


def typed_frame(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Rows as a DataFrame with the table's columns, in contract order, and dtypes (text as the
    string dtype, whole numbers as Int64); a missing column is filled with nulls."""
    df = pd.DataFrame(list(rows), columns=column_names(table))
    return df.astype(pandas_dtypes(table)).reset_index(drop=True)


def build_tables(events: Iterable[Event], entities: Iterable[tuple[str, Entity]],
                 errors: Iterable[Mapping[str, Any]]) -> dict[str, pd.DataFrame]:
    """The events, participants, entities and errors tables of an in-memory run."""
    ev_records = [event_record(e) for e in events]
    return {
        "events": typed_frame("events", ev_records),
        "participants": typed_frame("participants", [p for r in ev_records for p in participant_records(r)]),
        "entities": typed_frame("entities", [entity_record(doc_id, x) for doc_id, x in entities]),
        "errors": typed_frame("errors", errors),
    }


def event_from_record(r: Mapping[str, Any]) -> Event:
    """An Event back from a row of an earlier run's events.jsonl (for incremental linking)."""
    loc = r.get("location") or {}
    parts = [Participant(p.get("name") or "", p.get("mention") or "", p.get("role") or "participant",
                         p.get("title"), p.get("country")) for p in r.get("participants") or []]
    return Event(doc_id=str(r["doc_id"]), lang=r.get("lang") or "", type=r["type"], subtype=r.get("subtype"),
                 status=r.get("status") or "occurred", trigger=r.get("trigger") or "",
                 evidence=r.get("evidence") or "", char_start=int(r.get("char_start") or 0),
                 char_end=int(r.get("char_end") or 0), date_start=r.get("date_start"),
                 date_end=r.get("date_end"), location_name=loc.get("name"), location_country=loc.get("country"),
                 countries=list(r.get("countries") or []), participants=parts, title=r.get("title"),
                 confidence=float(r.get("confidence") or 0.5), event_id=r.get("event_id") or "",
                 cluster_id=r.get("cluster_id"), published=r.get("published"), date_source=r.get("date_source"))


def load_events(path: str | Path) -> list[Event]:
    """Events of an earlier run; a missing file is an error that names it."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"--link-with: no events.jsonl in {path.parent} (give the output folder of an "
                                "earlier `vnevents extract` run)")
    with open(path, encoding="utf-8") as f:
        return [event_from_record(json.loads(line)) for line in f if line.strip()]
