"""The row model (pipeline.tables) and the schema it derives from: every producer makes rows with
exactly the schema's columns, and every table's DataFrame and Parquet file has the schema's types."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.clusters import build_cluster_tables
from pipeline.doc import Entity, Event, Participant
from pipeline.readers import ReadFailure
from pipeline.schema import TABLES, arrow_schema, column_names, csv_columns, pandas_dtypes
from pipeline.tables import (
    build_tables,
    entity_record,
    error_record,
    event_record,
    mention_record,
    participant_records,
    project,
    typed_frame,
)
from pipeline.writers import write_tables


def _event(**overrides) -> Event:
    fields = dict(doc_id="d1", lang="vi", type="visit", subtype="state", status="occurred", trigger="thăm",
                  evidence="Tổng Bí thư Tô Lâm thăm Trung Quốc.", char_start=0, char_end=35,
                  date_start="2025-05", date_end="2025-05", location_name="Bắc Kinh",
                  location_country="CHN",
                  countries=["CHN", "VNM"], confidence=0.91234, event_id="d1:v001", cluster_id="c1",
                  published="2025-05-08",
                  participants=[Participant("Tô Lâm", "Tổng Bí thư Tô Lâm", "visitor", "Tổng Bí thư", "VNM")])
    fields.update(overrides)
    return Event(**fields)


def test_every_producer_makes_rows_with_exactly_the_schema_columns_in_order() -> None:
    row = event_record(_event())
    entity = Entity(3, 9, "Tô Lâm", "PERSON", canonical="Tô Lâm", country="VNM", source="gazetteer", title="x")
    produced = {
        "events": row,
        "participants": participant_records(row)[0],
        "entities": entity_record("d1", entity),
        "mentions": mention_record(row),
        "errors": ReadFailure("in.jsonl", None, 4, "EmptyText", "empty").as_error_row(),
    }
    for table, record in produced.items():
        assert list(record) == column_names(table), table
    assert mention_record(_event()) == mention_record(row)  # from an Event or its row alike


def test_event_row_derives_its_nested_and_computed_columns() -> None:
    row = event_record(_event())
    assert row["date_precision"] == "month"
    assert row["location"] == {"name": "Bắc Kinh", "country": "CHN"}
    assert row["confidence"] == 0.912
    assert row["participants"] == [{"name": "Tô Lâm", "mention": "Tổng Bí thư Tô Lâm", "role": "visitor",
                                     "title": "Tổng Bí thư", "country": "VNM"}]
    assert participant_records(row) == [{"event_id": "d1:v001", "doc_id": "d1", **row["participants"][0]}]


def test_a_column_the_schema_does_not_know_or_a_missing_value_is_refused() -> None:
    with pytest.raises(KeyError, match="severity"):
        project("errors", doc_id="d", stage="read", error="E", message="m", severity="high")
    with pytest.raises(KeyError, match="message"):
        project("errors", doc_id="d", stage="read", error="E")
    with pytest.raises(KeyError):
        project("mentions", {"cluster_id": "c1"})  # a mapping without the other columns


@pytest.mark.parametrize("table", list(TABLES))
def test_typed_frame_has_the_schema_columns_and_dtypes_even_when_empty(table: str) -> None:
    df = typed_frame(table, [])
    assert list(df.columns) == column_names(table)
    assert {c: str(t) for c, t in df.dtypes.items()} == pandas_dtypes(table)


def test_every_table_of_a_run_has_the_schema_dtypes() -> None:
    events = [_event(), _event(event_id="d2:v001", doc_id="d2", lang="en", published=None)]
    tables = build_tables(events, [("d1", Entity(0, 2, "Tô", "PERSON"))], [error_record("d3", "read", "E", "m")])
    tables["event_clusters"], tables["mentions"] = build_cluster_tables(events)
    assert set(tables) == set(TABLES)
    for table, df in tables.items():
        assert {c: str(t) for c, t in df.dtypes.items()} == pandas_dtypes(table), table
    published = tables["mentions"].set_index("doc_id")["published"]
    assert published["d1"] == "2025-05-08" and published["d2"] is pd.NA  # a missing text is <NA>
    assert tables["event_clusters"]["n_articles"].tolist() == [2]


def test_parquet_and_csv_files_follow_the_schema_for_every_table(tmp_path: Path) -> None:
    write_tables({t: typed_frame(t, []) for t in TABLES}, tmp_path, formats=("csv", "parquet"))
    for table in TABLES:
        assert pq.read_schema(tmp_path / f"{table}.parquet").equals(arrow_schema(table)), table
        header = (tmp_path / f"{table}.csv").read_text(encoding="utf-8-sig").splitlines()[0]
        assert header.split(",") == csv_columns(table)
    assert arrow_schema("event_clusters").field("location").type == pa.struct(
        [("name", pa.string()), ("country", pa.string())])
    assert csv_columns("event_clusters")[6:8] == ["location_name", "location_country"]


def test_csv_flat_location_columns_are_folded_back(tmp_path: Path) -> None:
    flat = pd.DataFrame([{"cluster_id": "c1", "location_name": "Hà Nội", "location_country": "VNM"}])
    write_tables({"event_clusters": flat}, tmp_path, formats=("parquet",))
    rows = pq.read_table(tmp_path / "event_clusters.parquet").to_pylist()
    assert rows[0]["location"] == {"name": "Hà Nội", "country": "VNM"}
    assert "location_name" not in rows[0]
