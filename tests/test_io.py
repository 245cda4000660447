"""Readers (pipeline.readers) and writers (pipeline.writers): every expected value here was worked out by hand."""
from __future__ import annotations

import csv
import io
import json
import pickle
import tempfile
import unicodedata
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.doc import Article
from pipeline.readers import InputError, ReadFailure, iter_articles, read_articles
from pipeline.schema import column_names
from pipeline.writers import events_to_records, write_tables

BOM = b"\xef\xbb\xbf"


def _event(**overrides) -> dict:
    """One hand-written event row in the contract's shape."""
    row = {
        "event_id": "e1", "doc_id": "d1", "lang": "vi", "type": "visit", "subtype": "state",
        "status": "occurred", "date_start": "2025-05-07", "date_end": "2025-05-08",
        "date_precision": "day", "location": {"name": "Bắc Kinh", "country": "CHN"},
        "countries": ["CHN", "VNM"],
        "participants": [
            {"name": "Tô Lâm", "mention": "Tổng Bí thư Tô Lâm", "role": "visitor", "title": "Tổng Bí thư",
             "country": "VNM"},
            {"name": "Xi Jinping", "mention": "Tập Cận Bình", "role": "host", "title": None, "country": "CHN"},
        ],
        "title": None, "trigger": "thăm", "evidence": "Tổng Bí thư Tô Lâm thăm Trung Quốc.",
        "char_start": 0, "char_end": 35, "confidence": 0.9, "cluster_id": "c1",
    }
    row.update(overrides)
    return row


# --------------------------------------------------------------------------- readers

def test_txt_folder_read_in_name_order_with_ids_from_stems(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Bài hai.", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(BOM + "Bài một.".encode("utf-8"))  # BOM accepted and dropped
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    articles, failures = read_articles(tmp_path)
    assert failures == []
    assert articles == [Article(id="a", text="Bài một."), Article(id="b", text="Bài hai.")]


def test_txt_undecodable_bytes_reported_and_other_files_still_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Hà Nội", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"abc\xff\xfe")
    articles, failures = read_articles(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert len(failures) == 1
    assert failures[0].doc_id == "bad"
    assert failures[0].error == "UnicodeDecodeError"
    assert failures[0].source.endswith("bad.txt")
    assert "bad.txt" in failures[0].message and "byte 3" in failures[0].message


def test_text_is_nfc_normalised(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Tô Lâm")
    assert decomposed != "Tô Lâm"
    (tmp_path / "d.txt").write_text(decomposed, encoding="utf-8")
    [article], _ = read_articles(tmp_path)
    assert article.text == "Tô Lâm"


def test_jsonl_malformed_line_reported_with_line_number_and_other_lines_read(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "a", "text": "Một", "lang": "vi", "published": "2025-05-08"}\n'
        "\n"                                   # line 2: blank, skipped
        '{"id": "b", "text": "broken"\n'       # line 3: malformed
        '{"id": "c", "text": "Two", "lang": "EN"}\n',
        encoding="utf-8",
    )
    items = list(iter_articles(path))
    assert items[0] == Article(id="a", text="Một", lang="vi", published="2025-05-08")
    assert isinstance(items[1], ReadFailure)
    assert (items[1].line, items[1].error, items[1].doc_id) == (3, "JSONDecodeError", None)
    assert "line 3" in items[1].message
    assert items[2] == Article(id="c", text="Two", lang="en")
    assert len(items) == 3


def test_duplicate_id_reported_and_first_occurrence_wins(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "x", "text": "first"}\n{"id": "x", "text": "second"}\n', encoding="utf-8")
    articles, failures = read_articles(path)
    assert articles == [Article(id="x", text="first")]
    assert [(f.doc_id, f.line, f.error) for f in failures] == [("x", 2, "DuplicateId")]
    assert "'x'" in failures[0].message


def test_empty_text_non_string_text_and_unsupported_lang_reported_by_doc_id(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"id": "blank", "text": "   \\n "}\n'
        '{"id": "num", "text": 42}\n'
        '{"id": "fr", "text": "Bonjour", "lang": "fr"}\n'
        '{"id": "ok", "text": "Fine"}\n',
        encoding="utf-8",
    )
    articles, failures = read_articles(path)
    assert [a.id for a in articles] == ["ok"]
    assert [(f.doc_id, f.error) for f in failures] == [
        ("blank", "EmptyText"), ("num", "InvalidText"), ("fr", "UnsupportedLang")]
    assert all(f"'{f.doc_id}'" in f.message for f in failures)


def test_csv_missing_text_column_raises_input_error_naming_column(tmp_path: Path) -> None:
    path = tmp_path / "docs.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        iter_articles(path)  # at once, before any record is pulled
    assert "'text'" in str(info.value)
    assert info.value.source == str(path)


def test_csv_reads_bom_keeps_id_zeros_and_missing_optionals(tmp_path: Path) -> None:
    path = tmp_path / "docs.csv"
    path.write_bytes(BOM + 'id,text,lang,published\n001,"Dòng một\ndòng hai",vi,\n002,NA,,2025-05-08\n'.encode("utf-8"))
    articles, failures = read_articles(path)
    assert failures == []
    assert articles == [
        Article(id="001", text="Dòng một\ndòng hai", lang="vi", published=None),
        Article(id="002", text="NA", lang=None, published="2025-05-08"),
    ]


def test_parquet_round_trip_of_articles_with_timestamp_published(tmp_path: Path) -> None:
    path = tmp_path / "docs.parquet"
    pd.DataFrame({
        "id": ["p1", "p2"],
        "text": ["Phạm Minh Chính", "Xi Jinping"],
        "lang": ["vi", None],
        "published": [pd.Timestamp("2025-05-08 14:30"), pd.NaT],
    }).to_parquet(path)
    articles, failures = read_articles(path)
    assert failures == []
    assert articles == [
        Article(id="p1", text="Phạm Minh Chính", lang="vi", published="2025-05-08"),
        Article(id="p2", text="Xi Jinping", lang=None, published=None),
    ]


@pytest.mark.parametrize("name", ["missing.jsonl", "docs.pkl", "docs.xlsx"])
def test_missing_path_pickle_and_unknown_extension_raise_input_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name != "missing.jsonl":
        path.write_bytes(pickle.dumps({"id": "a", "text": "b"}))
    with pytest.raises(InputError) as info:
        iter_articles(path)
    assert str(path) in str(info.value)


def test_input_error_survives_pickling_for_worker_processes() -> None:
    err = pickle.loads(pickle.dumps(InputError("bad", source="f.csv", doc_id="d", line=3)))
    assert (err.message, err.source, err.doc_id, err.line) == ("bad", "f.csv", "d", 3)
    assert str(err) == "f.csv, line 3, id 'd': bad"


# --------------------------------------------------------------------------- writers

def test_events_csv_has_bom_vietnamese_text_and_neutralised_formula(tmp_path: Path) -> None:
    df = pd.DataFrame([_event(title='=HYPERLINK("x")', char_start=-1)])
    write_tables({"events": df}, tmp_path, formats=("csv",))
    raw = (tmp_path / "events.csv").read_bytes()
    assert raw.startswith(BOM)
    text = raw.decode("utf-8-sig")
    assert "Tô Lâm" in text
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["title"] == "'=HYPERLINK(\"x\")"
    assert row["char_start"] == "-1"            # a negative number stays a number
    assert row["date_start"] == "2025-05-07"    # dates untouched
    assert row["location_name"] == "Bắc Kinh" and row["location_country"] == "CHN"
    assert row["countries"] == "CHN; VNM"
    assert row["participant_names"] == "Tô Lâm; Xi Jinping"
    assert "participants" not in row and "location" not in row


def test_csv_keeps_newlines_inside_cells(tmp_path: Path) -> None:
    df = pd.DataFrame([_event(evidence="Dòng một.\nDòng hai.")])
    write_tables({"events": df}, tmp_path, formats=("csv",))
    back = pd.read_csv(tmp_path / "events.csv", encoding="utf-8-sig", dtype=str)
    assert back.loc[0, "evidence"] == "Dòng một.\nDòng hai."


def test_jsonl_keeps_nested_participants_and_unicode_unescaped(tmp_path: Path) -> None:
    df = pd.DataFrame([_event(subtype=float("nan"))])
    write_tables({"events": df}, tmp_path, formats=("jsonl",))
    text = (tmp_path / "events.jsonl").read_text(encoding="utf-8")
    assert "Tô Lâm" in text and "\\u" not in text
    [line] = text.splitlines()
    record = json.loads(line)
    assert record["participants"][0] == {
        "name": "Tô Lâm", "mention": "Tổng Bí thư Tô Lâm", "role": "visitor", "title": "Tổng Bí thư", "country": "VNM"}
    assert record["participants"][1]["title"] is None
    assert record["location"] == {"name": "Bắc Kinh", "country": "CHN"}
    assert record["countries"] == ["CHN", "VNM"]
    assert record["subtype"] is None
    assert record["char_end"] == 35 and isinstance(record["char_end"], int)
    assert list(record) == column_names("events")


def test_events_to_records_folds_flat_location_and_derives_precision() -> None:
    row = _event(date_start="2025-05", date_end="2025-05")
    del row["location"], row["date_precision"]
    row.update(location_name="Hà Nội", location_country="VNM")
    [record] = events_to_records(pd.DataFrame([row]))
    assert record["location"] == {"name": "Hà Nội", "country": "VNM"}
    assert record["date_precision"] == "month"
    assert "location_name" not in record


def test_parquet_keeps_list_and_struct_types(tmp_path: Path) -> None:
    df = pd.DataFrame([_event(), _event(event_id="e2", participants=[], countries=[], location=None)])
    write_tables({"events": df}, tmp_path, formats=("parquet",))
    table = pq.read_table(tmp_path / "events.parquet")
    schema = table.schema
    assert schema.field("countries").type == pa.list_(pa.string())
    assert schema.field("location").type == pa.struct([("name", pa.string()), ("country", pa.string())])
    assert schema.field("participants").type == pa.list_(pa.struct(
        [(k, pa.string()) for k in ("name", "mention", "role", "title", "country")]))
    assert schema.field("char_start").type == pa.int64()
    assert schema.field("confidence").type == pa.float64()
    assert schema.field("date_start").type == pa.string()
    rows = table.to_pylist()
    assert rows[0]["participants"][0]["name"] == "Tô Lâm"
    assert rows[1]["participants"] == [] and rows[1]["countries"] == []


def test_atomic_write_leaves_no_temp_files_behind(tmp_path: Path) -> None:
    tables = {
        "events": pd.DataFrame([_event()]),
        "errors": pd.DataFrame([{"doc_id": "d9", "stage": "read", "error": "EmptyText", "message": "empty"}]),
        "event_clusters": pd.DataFrame({"cluster_id": ["c1"], "size": [2]}),
    }
    written = write_tables(tables, tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(p.name for p in written)
    assert names == sorted(f"{t}.{ext}" for t in ("events", "errors", "event_clusters")
                           for ext in ("jsonl", "csv", "parquet"))
    assert pq.read_table(tmp_path / "event_clusters.parquet").schema.field("size").type == pa.int64()


def test_interrupted_write_keeps_old_file_and_leaves_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "events.parquet").write_bytes(b"previous run")

    def crash_half_way(table, where, **kwargs):
        Path(where).write_bytes(b"PAR1 trunc")
        raise OSError("disk full")

    monkeypatch.setattr(pq, "write_table", crash_half_way)
    with pytest.raises(OSError, match="disk full"):
        write_tables({"events": pd.DataFrame([_event()])}, tmp_path, formats=("parquet",))
    assert (tmp_path / "events.parquet").read_bytes() == b"previous run"
    # events.jsonl (always written: the scorer reads it) was complete before the crash.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl", "events.parquet"]


def test_empty_events_table_writes_header_only_csv_with_schema_columns(tmp_path: Path) -> None:
    write_tables({"events": pd.DataFrame()}, tmp_path)
    text = (tmp_path / "events.csv").read_bytes().decode("utf-8-sig")
    header = [
        "event_id", "doc_id", "lang", "type", "subtype", "status", "date_start", "date_end",
        "date_precision", "date_source", "location_name", "location_country", "countries", "participant_names",
        "title", "trigger", "evidence", "char_start", "char_end", "confidence", "cluster_id",
        "parent_cluster_id", "cameo_code", "plover_type", "plover_mode", "published",
    ]
    assert text == ",".join(header) + "\r\n"
    assert (tmp_path / "events.jsonl").read_bytes() == b""
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == 0 and table.schema.names == column_names("events")


def test_table_names_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_tables({"../evil": pd.DataFrame()}, tmp_path / "out")
    assert not (tmp_path / "evil.csv").exists()


_CELL_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(title=_CELL_TEXT, name=_CELL_TEXT)
def test_any_text_survives_jsonl_and_csv_with_only_the_formula_quote_added(title: str, name: str) -> None:
    df = pd.DataFrame([_event(title=title, participants=[{"name": name, "mention": name, "role": "visitor"}])])
    with tempfile.TemporaryDirectory() as out:
        write_tables({"events": df}, out, formats=("jsonl", "csv"))
        # JSONL: one record per line however a reader splits lines (file iteration or splitlines).
        raw = Path(out, "events.jsonl").read_text(encoding="utf-8")
        [line] = raw.splitlines()
        record = json.loads(line)
        assert record["title"] == title and record["participants"][0]["name"] == name
        with open(Path(out, "events.csv"), encoding="utf-8-sig", newline="") as f:
            [row] = list(csv.DictReader(f))
    back = row["title"]
    assert back in (title, "'" + title)
    if back != title:  # quoted only when Excel would have read a formula
        assert title.startswith(("=", "+", "-", "@", "\t", "\r"))
    if back.startswith(("=", "+", "-", "@", "\t", "\r")):  # left alone only when a plain number
        assert set(back) <= set("0123456789.eE+-") and any(c.isdigit() for c in back)
