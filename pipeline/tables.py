"""Turn per-article results into the output DataFrames, with the schema's columns and dtypes."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

import pandas as pd

from pipeline.doc import Event, Participant
from pipeline.schema import column_names, date_precision

_STRING_DTYPE = "string"


def event_record(e: Event) -> dict:
    return {
        "event_id": e.event_id, "doc_id": e.doc_id, "lang": e.lang, "type": e.type, "subtype": e.subtype,
        "status": e.status, "date_start": e.date_start, "date_end": e.date_end,
        "date_precision": date_precision(e.date_start), "date_source": e.date_source,
        "location": {"name": e.location_name, "country": e.location_country},
        "countries": list(e.countries), "participants": [p.as_dict() for p in e.participants],
        "title": e.title, "trigger": e.trigger, "evidence": e.evidence, "char_start": e.char_start,
        "char_end": e.char_end, "confidence": round(float(e.confidence), 3), "cluster_id": e.cluster_id,
        "parent_cluster_id": e.parent_cluster_id, "cameo_code": e.cameo_code, "plover_type": e.plover_type,
        "plover_mode": e.plover_mode, "published": e.published,
    }


def _typed(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Columns in contract order; strings as pandas string dtype, offsets as Int64."""
    for name in column_names(table):
        if name not in df.columns:
            df[name] = None
    df = df[column_names(table) + [c for c in df.columns if c not in column_names(table)]]
    for name in df.columns:
        if name in ("char_start", "char_end", "start", "end"):
            df[name] = df[name].astype("Int64")
        elif name == "confidence":
            df[name] = df[name].astype("float64")
        elif name not in ("location", "countries", "participants"):
            df[name] = df[name].astype(_STRING_DTYPE)
    return df.reset_index(drop=True)


def build_tables(events: Iterable[Event], entities: Iterable[tuple[str, object]],
                 errors: Iterable[dict]) -> dict[str, pd.DataFrame]:
    ev_records = [event_record(e) for e in events]
    part_records = [{"event_id": r["event_id"], "doc_id": r["doc_id"], **p}
                    for r in ev_records for p in r["participants"]]
    ent_records = [{"doc_id": doc_id, "start": x.start, "end": x.end, "text": x.text, "label": x.label,
                    "canonical": x.canonical, "country": x.country, "source": x.source}
                   for doc_id, x in entities]
    return {
        "events": _typed(pd.DataFrame(ev_records, columns=column_names("events")), "events"),
        "participants": _typed(pd.DataFrame(part_records, columns=column_names("participants")), "participants"),
        "entities": _typed(pd.DataFrame(ent_records, columns=column_names("entities")), "entities"),
        "errors": _typed(pd.DataFrame(list(errors), columns=column_names("errors")), "errors"),
    }


def event_from_record(r: dict) -> Event:
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
