"""Writing the output tables: ``{table}.jsonl``, ``{table}.csv``, ``{table}.parquet`` (and ``events.xlsx``).

Every writer goes through :func:`table_to_records`, which turns any DataFrame
(the pipeline's own, one read back from our CSV or Parquet files, one an
analyst built) into plain rows with the columns and kinds of
:mod:`pipeline.schema`; the JSONL, CSV, Parquet and workbook forms are made
from those rows, so the formats agree and an empty table still has its
columns. Every file is replaced through :mod:`pipeline.atomic`: an interrupted
run never leaves a truncated file under a final name. The input side is
:mod:`pipeline.readers`; the batch driver's streaming writers are
:mod:`pipeline.stream`.
"""
from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .atomic import atomic_open, atomic_path
from .schema import LOCATION_KEYS, PARTICIPANT_KEYS, TABLES, Column, arrow_type, csv_columns, date_precision
from .values import ISO_DATE, is_missing

__all__ = [
    "events_to_records",
    "table_to_records",
    "csv_rows",
    "json_line",
    "to_arrow",
    "write_tables",
]

# --------------------------------------------------------------------------- #
# Table normalisation (one path shared by the JSONL, CSV, Parquet and workbook writers)
# --------------------------------------------------------------------------- #

def _plain(value: Any) -> Any:
    """Any cell value -> JSON-ready Python (numpy scalars, arrays, timestamps, NaN)."""
    if is_missing(value):
        return None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return [_plain(v) for v in value]
    if hasattr(value, "as_dict"):
        return _plain(value.as_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    return value


def _as_str(value: Any) -> str | None:
    value = _plain(value)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _as_int(value: Any) -> Any:
    value = _plain(value)
    if isinstance(value, float) and value.is_integer():  # an int column that met a NaN became float
        return int(value)
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return int(value.strip())
    return value


def _as_float(value: Any) -> Any:
    value = _plain(value)
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        with contextlib.suppress(ValueError):
            return float(value)
    return value


def _as_date(value: Any) -> str | None:
    value = _plain(value)
    if isinstance(value, str) and "T" in value and ISO_DATE.fullmatch(value.split("T")[0]):
        return value.split("T")[0]  # a Timestamp: the date part
    return _as_str(value)


def _split_joined(value: str) -> list[str]:
    """The CSV's '; '-joined form back into items, so a CSV read back writes the same."""
    return [part.strip() for part in value.split(";") if part.strip()]


def _as_list(value: Any) -> list[str]:
    value = _plain(value)
    if value is None:
        return []
    if isinstance(value, str):
        return _split_joined(value)
    return [v for v in (_as_str(v) for v in value) if v is not None]


def _as_location(value: Any) -> dict[str, str | None]:
    value = _plain(value)
    if not isinstance(value, dict):
        value = {"name": value, "country": None}
    return {k: _as_str(value.get(k)) for k in LOCATION_KEYS}


def _as_participants(value: Any) -> list[dict[str, str | None]]:
    value = _plain(value)
    if value is None:
        return []
    if isinstance(value, str):
        value = _split_joined(value)
    elif isinstance(value, dict):
        value = [value]
    out = []
    for p in value:
        if not isinstance(p, dict):
            p = {"name": p}
        out.append({k: _as_str(p.get(k)) for k in PARTICIPANT_KEYS})
    return out


_CONVERTERS = {
    "str": _as_str,
    "int": _as_int,
    "float": _as_float,
    "date": _as_date,
    "list[str]": _as_list,
    "location": _as_location,
    "participants": _as_participants,
}


def _table_layout(df: pd.DataFrame, table: str) -> tuple[tuple[Column, ...], list[str]]:
    """The schema columns of ``table`` and the DataFrame's extra columns, in order."""
    columns = TABLES.get(table, ())
    known = {c.name for c in columns}
    if columns:
        known |= set(csv_columns(table))  # the CSV's flat forms, folded into `location` / from `participants`
    extras = [str(c) for c in df.columns if str(c) not in known]
    return columns, extras


def table_to_records(df: pd.DataFrame, table: str) -> list[dict[str, Any]]:
    """Rows of any output table as plain dicts: schema columns first, in contract order.

    Schema columns the DataFrame lacks are filled (null, ``[]``, or
    ``date_precision`` derived from ``date_start``), so every record carries the
    whole contract; a DataFrame with flat ``location_name``/``location_country``
    columns is folded into the nested ``location``. Columns outside the schema
    follow, converted to plain Python.
    """
    columns, extras = _table_layout(df, table)
    records: list[dict[str, Any]] = []
    for row in df.to_dict("records"):
        row = {str(k): v for k, v in row.items()}
        for c in columns:
            if c.kind == "location" and c.name not in row:  # the CSV's flat form
                row[c.name] = {k: row.get(f"{c.name}_{k}") for k in LOCATION_KEYS}
        out: dict[str, Any] = {c.name: _CONVERTERS[c.kind](row.get(c.name)) for c in columns}
        if "date_precision" in out and out["date_precision"] is None:
            out["date_precision"] = date_precision(out.get("date_start"))
        for name in extras:
            out[name] = _plain(row[name])
        records.append(out)
    return records


def events_to_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Events as the dicts written to ``events.jsonl`` (what the scorer reads)."""
    return table_to_records(df, "events")


def _extra_arrow_type(df: pd.DataFrame, name: str, values: list[Any]) -> tuple[pa.DataType, list[Any]]:
    """Arrow type for a column outside the schema: from its dtype, else its values, else string."""
    with contextlib.suppress(pa.ArrowException, TypeError, ValueError):
        typ = pa.Array.from_pandas(df[name]).type
        if not pa.types.is_null(typ):
            pa.array(values, type=typ)
            return typ, values
    with contextlib.suppress(pa.ArrowException, TypeError, ValueError):
        typ = pa.array(values).type
        if not pa.types.is_null(typ):
            return typ, values
    return pa.string(), [_as_str(v) for v in values]


def to_arrow(df: pd.DataFrame, table: str, records: list[dict[str, Any]]) -> pa.Table:
    """``records`` (of :func:`table_to_records`) as an Arrow table: the schema's types, then the extras'."""
    columns, extras = _table_layout(df, table)
    fields = [pa.field(c.name, arrow_type(c.kind)) for c in columns]
    arrays = [pa.array([r[f.name] for r in records], type=f.type) for f in fields]
    for name in extras:
        typ, values = _extra_arrow_type(df, name, [r[name] for r in records])
        fields.append(pa.field(name, typ))
        arrays.append(pa.array(values, type=typ))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")


def _neutralise(cell: str) -> str:
    """Stop Excel/LibreOffice reading a cell as a formula; a plain number is left alone."""
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return value  # numbers are written as numbers, never prefixed
    if isinstance(value, list):
        value = "; ".join(s for s in (_as_str(v) for v in value) if s is not None)
    elif not isinstance(value, str):
        value = _as_str(value)
    return _neutralise(value)


def csv_rows(df: pd.DataFrame, table: str, records: list[dict[str, Any]]) -> tuple[list[str], Iterator[list[Any]]]:
    """The CSV header and the flat, formula-neutralised cells of ``records``."""
    columns, extras = _table_layout(df, table)
    header = (csv_columns(table) if table in TABLES else []) + extras

    def flatten(record: dict[str, Any]) -> list[Any]:
        cells: list[Any] = []
        for c in columns:
            value = record[c.name]
            if c.kind == "location":
                cells += [value[k] for k in LOCATION_KEYS]
            elif c.kind == "participants":
                cells.append(list(dict.fromkeys(p["name"] for p in value if p["name"])))
            else:
                cells.append(value)
        cells += [record[name] for name in extras]
        return [_csv_cell(v) for v in cells]

    return header, (flatten(r) for r in records)


def json_line(record: dict[str, Any]) -> str:
    """One JSONL line (UTF-8 as is, no NaN)."""
    text = json.dumps(record, ensure_ascii=False, allow_nan=False)
    # Valid JSON, but str.splitlines() would break the line at these.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085") + "\n"


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    with atomic_open(path, "w", encoding="utf-8", newline="\n") as f:
        for record in records:
            f.write(json_line(record))


def _write_csv(path: Path, header: list[str], rows: Iterable[list[Any]]) -> None:
    with atomic_open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)  # Excel dialect: CRLF rows, cells with newlines quoted
        writer.writerow(header)
        writer.writerows(rows)


def _write_parquet(path: Path, table: pa.Table) -> None:
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp)


_FORMATS = ("jsonl", "csv", "parquet", "xlsx")
_TABLE_NAME = re.compile(r"^[A-Za-z0-9_]+$")


def write_tables(
    tables: Mapping[str, pd.DataFrame | None],
    out_dir: str | Path,
    formats: Sequence[str] = ("jsonl", "csv", "parquet"),
) -> list[Path]:
    """Write each table as ``{name}.jsonl/.csv/.parquet`` in ``out_dir``; return the paths.
    With ``"xlsx"`` in ``formats`` all tables also go, one sheet each, into ``events.xlsx``.

    ``events.jsonl`` is always written when an events table is given, since the
    scorer reads it; other tables get JSONL only when ``"jsonl"`` is in
    ``formats``. File names are the table names (checked to be plain words),
    never anything taken from the data. A ``None`` table is skipped.
    """
    if isinstance(formats, str):
        formats = (formats,)
    unknown = [f for f in formats if f not in _FORMATS]
    if unknown:
        raise ValueError(f"unknown output format(s) {unknown}; expected some of {list(_FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    book = None
    if "xlsx" in formats:
        from pipeline.xlsx import XLSX_NAME, XlsxBook

        given = {n: df for n, df in tables.items() if isinstance(df, pd.DataFrame) and _TABLE_NAME.match(n)}
        book = XlsxBook(given, extras={n: _table_layout(df, n)[1] for n, df in given.items()})
    for name, df in tables.items():
        if df is None:
            continue
        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"table {name!r} is a {type(df).__name__}, not a DataFrame")
        if not _TABLE_NAME.match(name):
            raise ValueError(f"table name {name!r} must be letters, digits and underscores only")
        records = table_to_records(df, name)
        if "jsonl" in formats or name == "events":
            _write_jsonl(out / f"{name}.jsonl", records)
            written.append(out / f"{name}.jsonl")
        if "csv" in formats:
            header, rows = csv_rows(df, name, records)
            _write_csv(out / f"{name}.csv", header, rows)
            written.append(out / f"{name}.csv")
        if "parquet" in formats:
            _write_parquet(out / f"{name}.parquet", to_arrow(df, name, records))
            written.append(out / f"{name}.parquet")
        if book is not None:
            book.add(name, records)
    if book is not None:
        written.append(book.save(out / XLSX_NAME))
    return written
