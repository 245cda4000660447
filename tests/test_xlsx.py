"""events.xlsx: each cell keeps its type when the workbook is opened (pipeline.xlsx)."""
from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app
from pipeline.writers import write_tables

SHEETS = ["events", "participants", "event_clusters", "mentions", "entities", "errors"]


@pytest.fixture(scope="module")
def sample_result():
    return pipeline.extract()  # the bundled samples


def _rows(ws) -> list[dict]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, [c.value for c in row])) for row in ws.iter_rows(min_row=2)]


def test_sample_workbook_keeps_codes_as_text_dates_as_dates_and_formulas_as_text(sample_result, tmp_path):
    tables = dict(sample_result.tables())
    events = tables["events"].copy()
    # titles as an attacker or an odd page might leave them: none may become a formula
    events.loc[0, "title"], events.loc[1, "title"], events.loc[2, "title"] = "=1+1", "@SUM(A1)", "-2+3"
    tables["events"] = events
    write_tables(tables, tmp_path, ["xlsx"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl", "events.xlsx"]  # no temp file left
    wb = load_workbook(tmp_path / "events.xlsx")
    assert wb.sheetnames == SHEETS
    ws = wb["events"]
    last = get_column_letter(ws.max_column)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:{last}{len(events) + 1}"
    rows = [{c_name: cell for c_name, cell in zip([c.value for c in ws[1]], row)} for row in ws.iter_rows(min_row=2)]
    assert len(rows) == len(events)
    visit = next(r for r in rows if r["type"].value == "visit" and r["cluster_id"].value == "c-327cb45340")
    assert visit["cameo_code"].value == "042" and visit["cameo_code"].data_type == "s"
    assert visit["date_start"].is_date and visit["date_start"].value.date() == dt.date(2025, 5, 7)
    assert visit["date_precision"].value == "day"
    assert visit["countries"].value == "AZE; VNM"
    assert "Tô Lâm" in visit["participant_names"].value
    assert isinstance(visit["confidence"].value, float) and isinstance(visit["char_start"].value, int)
    formula = rows[0]["title"]
    assert (formula.value, formula.data_type) == ("=1+1", "s")  # text, not prefixed with an apostrophe
    assert (rows[1]["title"].value, rows[1]["title"].data_type) == ("@SUM(A1)", "s")
    assert (rows[2]["title"].value, rows[2]["title"].data_type) == ("-2+3", "s")
    # a year-only date is a date shown as a year, its precision beside it
    clusters = _rows(wb["event_clusters"])
    # (Hồ Chí Minh's 1959 visit to Azerbaijan, and Aliyev's 2014 visit to Vietnam that he recalls)
    years = {r["date_start"] for r in clusters if r["date_precision"] == "year"}
    assert dt.datetime(1959, 1, 1) in years and all(d.month == 1 and d.day == 1 for d in years)
    assert wb["event_clusters"]["E1"].value == "date_start"
    undated = [r for r in clusters if r["date_start"] is None]
    assert len(undated) == int(sample_result.event_clusters["date_start"].isna().sum()) > 0


@pytest.mark.models
def test_batch_run_writes_the_same_sheets_as_the_csvs(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", "--out", str(out), "--format", "csv,xlsx", "-w", "1", "-q"])
    assert result.exit_code == 0, result.output
    wb = load_workbook(out / "events.xlsx")
    assert wb.sheetnames == SHEETS
    for name in SHEETS:
        with open(out / f"{name}.csv", encoding="utf-8-sig") as f:
            n_csv = sum(1 for _ in csv.reader(f)) - 1
        assert wb[name].max_row - 1 == n_csv, name
    names = {r["name"] for r in _rows(wb["participants"])}
    assert "Tô Lâm" in names and "Hồ Chí Minh" in names
    entity = _rows(wb["entities"])[0]
    assert isinstance(entity["start"], int) and isinstance(entity["doc_id"], str)


def test_control_characters_and_overlong_text_do_not_break_the_workbook(tmp_path):
    import pandas as pd

    from pipeline.xlsx import MAX_CELL_CHARS

    errors = pd.DataFrame([{"doc_id": "007", "stage": "read", "error": "X",
                            "message": "bell\x07 and " + "a" * (MAX_CELL_CHARS + 10)}])
    write_tables({"errors": errors}, tmp_path, ["xlsx"])
    row = _rows(load_workbook(tmp_path / "events.xlsx")["errors"])[0]
    assert row["doc_id"] == "007"
    assert row["message"].startswith("bell\ufffd and a") and len(row["message"]) == MAX_CELL_CHARS
    assert row["message"].endswith("…")


def test_a_table_longer_than_a_sheet_keeps_its_first_rows_and_warns(tmp_path, monkeypatch):
    import pandas as pd

    import pipeline.xlsx

    monkeypatch.setattr(pipeline.xlsx, "MAX_ROWS", 3)  # the header and two rows
    errors = pd.DataFrame([{"doc_id": f"d{i}", "stage": "read", "error": "X", "message": "m"} for i in range(5)])
    with pytest.warns(UserWarning, match="3 more rows are only in the CSV/JSONL/Parquet files"):
        write_tables({"errors": errors}, tmp_path, ["xlsx"])
    assert [r["doc_id"] for r in _rows(load_workbook(tmp_path / "events.xlsx")["errors"])] == ["d0", "d1"]
