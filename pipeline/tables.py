"""Turn per-article results into the output DataFrames, with the schema's columns and dtypes."""
from __future__ import annotations

from typing import Iterable

import pandas as pd

from pipeline.doc import Event
from pipeline.schema import column_names, date_precision

_STRING_DTYPE = "string"


def event_record(e: Event) -> dict:
    return {
        "event_id": e.event_id, "doc_id": e.doc_id, "lang": e.lang, "type": e.type, "subtype": e.subtype,
        "status": e.status, "date_start": e.date_start, "date_end": e.date_end,
        "date_precision": date_precision(e.date_start),
        "location": {"name": e.location_name, "country": e.location_country},
        "countries": list(e.countries), "participants": [p.as_dict() for p in e.participants],
        "title": e.title, "trigger": e.trigger, "evidence": e.evidence, "char_start": e.char_start,
        "char_end": e.char_end, "confidence": round(float(e.confidence), 3), "cluster_id": e.cluster_id,
        "parent_cluster_id": e.parent_cluster_id,
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
