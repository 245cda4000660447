"""The Excel workbook output (``events.xlsx``): the tables as an analyst opens them.

Why a workbook beside the CSVs: a spreadsheet guesses the type of every CSV
cell, so ``cameo_code`` "042" becomes the number 42, a CSV's BOM is ignored by
some importers (Vietnamese names turn into mojibake) and the CSV's formula
guard (a leading apostrophe) shows as text. In a workbook every cell carries
its type: codes and ids are text, dates are real dates (formatted to their
precision, with ``date_precision`` beside them), counts and confidence are
numbers, lists are joined with "; ", and a text such as "=1+1" is stored as a
string cell, which Excel never evaluates. The CSVs stay as they are for
programs.

The workbook is streamed (openpyxl's write-only mode), one sheet per table, so
a batch run never holds a whole table in memory, and saved through a temporary
file in the output folder that is renamed into place.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from pipeline.schema import TABLES, date_precision

__all__ = ["SHEETS", "XLSX_NAME", "XlsxBook"]

#: Sheet order: the real events and their reports first, the raw material last.
SHEETS: tuple[str, ...] = ("events", "participants", "event_clusters", "mentions", "entities", "errors")
XLSX_NAME = "events.xlsx"

MAX_ROWS = 1_048_576          # Excel's rows per sheet, the header included
MAX_CELL_CHARS = 32_767       # Excel's characters per cell
_WIDTH_SAMPLE = 200           # rows looked at to size the columns
_MIN_WIDTH, _MAX_WIDTH = 6, 60
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XML 1.0 cannot hold
_DATE_FORMATS = {"day": "yyyy-mm-dd", "month": "yyyy-mm", "year": "yyyy"}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = _ILLEGAL.sub("\ufffd", str(value))
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def _joined(values: Iterable[Any] | None) -> str | None:
    items = [str(v) for v in values or () if v not in (None, "")]
    return "; ".join(items) if items else None


def _date(value: Any) -> tuple[dt.date | str | None, str | None]:
    """An ISO date of any precision as (a date, its number format); other text stays text."""
    if value in (None, ""):
        return None, None
    iso = str(value)
    precision = date_precision(iso)
    try:
        parts = [int(p) for p in iso.split("-")]
        day = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return iso, None
    return day, _DATE_FORMATS.get(precision or "day")


# A sheet column: header, how to take its value from a record, and its kind ("text", "number", "date").
_Column = tuple[str, Callable[[Mapping[str, Any]], Any], str]


def _columns(table: str, extras: Sequence[str] = ()) -> list[_Column]:
    """The sheet's columns: the CSV's flat layout, plus ``date_precision`` beside every table's
    ``date_start``/``date_end`` pair that lacks one (event_clusters)."""
    cols: list[_Column] = []
    schema = TABLES.get(table, ())
    names = {c.name for c in schema}
    for c in schema:
        name = c.name
        if c.kind == "location":
            cols.append((f"{name}_name", _location_part(name, "name"), "text"))
            cols.append((f"{name}_country", _location_part(name, "country"), "text"))
        elif c.kind == "participants":
            cols.append(("participant_names", _participant_names(name), "text"))
        elif c.kind == "list[str]":
            cols.append((name, _joined_field(name), "text"))
        elif c.kind in ("int", "float"):
            cols.append((name, _field(name), "number"))
        elif c.kind == "date":
            cols.append((name, _field(name), "date"))
            if name == "date_end" and "date_precision" not in names:
                cols.append(("date_precision", _start_precision, "text"))
        else:
            cols.append((name, _field(name), "text"))
    for name in extras:
        cols.append((name, _field(name), "text"))
    return cols


# the cell getters, one per column kind (each closes over its field name)
def _field(n: str) -> Callable[[Mapping[str, Any]], Any]:
    return lambda r: r.get(n)


def _location_part(n: str, part: str) -> Callable[[Mapping[str, Any]], Any]:
    return lambda r: (r.get(n) or {}).get(part)


def _participant_names(n: str) -> Callable[[Mapping[str, Any]], Any]:
    return lambda r: _joined(dict.fromkeys(p.get("name") for p in r.get(n) or () if p.get("name")))


def _joined_field(n: str) -> Callable[[Mapping[str, Any]], Any]:
    return lambda r: _joined(r.get(n))


def _start_precision(r: Mapping[str, Any]) -> Any:
    return date_precision(r.get("date_start"))


class _Sheet:
    """One table's sheet: rows are held until the first few hundred have sized the columns."""

    def __init__(self, ws: WriteOnlyWorksheet, table: str, extras: Sequence[str] = ()) -> None:
        self.ws = ws
        self.table = table
        self.columns = _columns(table, extras)
        self.buffer: list[list[Any]] = []
        self.started = False
        self.rows = 1  # the header
        self.dropped = 0

    def _cell(self, value: Any, kind: str) -> Any:
        if value is None:
            return None
        if kind == "date":
            value, fmt = _date(value)
            if fmt is not None:
                cell = WriteOnlyCell(self.ws, value=value)
                cell.number_format = fmt
                return cell
        if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        if isinstance(value, (list, tuple)):
            value = _joined(value)
        text = _text(value)
        if text and text.startswith("="):  # openpyxl would store it as a formula
            cell = WriteOnlyCell(self.ws, value=text)
            cell.data_type = "s"
            return cell
        return text

    def add(self, records: Iterable[Mapping[str, Any]]) -> None:
        for record in records:
            if self.rows >= MAX_ROWS:
                self.dropped += 1
                continue
            self.rows += 1
            row = [self._cell(get(record), kind) for _, get, kind in self.columns]
            if self.started:
                self.ws.append(row)
            else:
                self.buffer.append(row)
                if len(self.buffer) >= _WIDTH_SAMPLE:
                    self._start()

    def _start(self) -> None:
        """Size the columns from the header and the rows so far, freeze the header, write them."""
        for i, (header, _, kind) in enumerate(self.columns, start=1):
            longest = len(header)
            for row in self.buffer:
                value = row[i - 1]
                value = value.value if isinstance(value, Cell) else value
                if kind == "date" and value is not None:
                    longest = max(longest, 10)
                elif value is not None:
                    longest = max(longest, max(len(line) for line in str(value).split("\n")))
            self.ws.column_dimensions[get_column_letter(i)].width = min(_MAX_WIDTH, max(_MIN_WIDTH, longest + 2))
        self.ws.freeze_panes = "A2"
        self.ws.append([header for header, _, _ in self.columns])
        for row in self.buffer:
            self.ws.append(row)
        self.buffer = []
        self.started = True

    def finish(self) -> None:
        if not self.started:
            self._start()
        self.ws.auto_filter.ref = f"A1:{get_column_letter(len(self.columns))}{self.rows}"


class XlsxBook:
    """``book = XlsxBook(tables); book.add("events", records); ...; book.save(path)``.

    ``records`` are the plain dicts of :func:`pipeline.writers.table_to_records`. A sheet
    longer than Excel allows keeps its first rows and a warning says how many were left out
    (the CSV, JSONL and Parquet files hold them all).
    """

    def __init__(self, tables: Iterable[str], extras: Mapping[str, Sequence[str]] | None = None) -> None:
        names = list(dict.fromkeys(tables))
        ordered = [t for t in SHEETS if t in names] + [t for t in names if t not in SHEETS]
        self.workbook = Workbook(write_only=True)
        self.sheets = {t: _Sheet(self.workbook.create_sheet(t[:31]), t, (extras or {}).get(t, ()))
                       for t in ordered}

    def add(self, table: str, records: Iterable[Mapping[str, Any]]) -> None:
        """Append rows to a table's sheet."""
        self.sheets[table].add(records)

    def save(self, path: str | Path) -> Path:
        """Write the workbook atomically to ``path`` (:mod:`pipeline.atomic`)."""
        from pipeline.atomic import atomic_path

        final = Path(path)
        for sheet in self.sheets.values():
            sheet.finish()
            if sheet.dropped:
                warnings.warn(f"{final.name}: sheet {sheet.table!r} holds Excel's maximum of {MAX_ROWS - 1} rows; "
                              f"{sheet.dropped} more rows are only in the CSV/JSONL/Parquet files", stacklevel=2)
        with atomic_path(final) as tmp:
            self.workbook.save(tmp)
        return final
