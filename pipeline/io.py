"""Reading articles in and writing the output tables out.

Readers stream :class:`~pipeline.doc.Article` records from a folder of ``.txt``
files, JSONL, CSV or Parquet (spec section 1). A bad record becomes a
:class:`ReadFailure` and the batch goes on; a problem with the input as a whole
(missing path, unknown format, a missing ``id``/``text`` column) raises
:class:`InputError` before any record is yielded. No format that can execute
code (pickle, joblib, ...) is ever loaded.

Writers turn the pipeline's DataFrames into ``{table}.jsonl``, ``{table}.csv``
and ``{table}.parquet`` files (and, on request, one ``events.xlsx`` workbook:
:mod:`pipeline.xlsx`) whose columns and types come from
:mod:`pipeline.schema`, so the three formats agree and an empty table still has
its columns. Every file is written to a temporary file in the output folder and
moved into place with ``os.replace``: an interrupted run never leaves a
truncated file under a final name.
"""
from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import json
import math
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .doc import Article
from .schema import LANGS, TABLES, Column, date_precision

__all__ = [
    "InputError",
    "ReadFailure",
    "is_missing",
    "parse_published",
    "printable",
    "iter_articles",
    "read_articles",
    "events_to_records",
    "table_to_records",
    "arrow_schema",
    "csv_columns",
    "csv_rows",
    "json_line",
    "to_arrow",
    "write_tables",
]

# --------------------------------------------------------------------------- #
# Errors
# --------------------------------------------------------------------------- #


def _rebuild_input_error(message: str, source: str, doc_id: str | None, line: int | None) -> "InputError":
    return InputError(message, source=source, doc_id=doc_id, line=line)


class InputError(Exception):
    """A problem with the input that names the document/line and the problem."""

    def __init__(self, message: str, *, source: str, doc_id: str | None = None, line: int | None = None):
        self.message = message
        self.source = str(source)
        self.doc_id = doc_id
        self.line = line
        super().__init__(_locate(self.source, doc_id, line) + message)

    def __reduce__(self):  # keyword-only arguments: default pickling (Dask workers) would lose them
        return _rebuild_input_error, (self.message, self.source, self.doc_id, self.line)


@dataclass(frozen=True)
class ReadFailure:
    """One bad input record; the batch goes on without it.

    ``line`` is the physical line for JSONL, the spreadsheet row for CSV (the
    header is row 1, so a record's row is what Excel shows even when a cell
    spans several lines) and the 1-based row number for Parquet; None for
    ``.txt`` files. ``error`` is a short class name, ``message`` a sentence that
    names the source, record and problem.
    """

    source: str
    doc_id: str | None
    line: int | None
    error: str
    message: str

    def as_error_row(self) -> dict[str, str]:
        """A row for the ``errors`` table (doc_id falls back to the input position)."""
        where = self.doc_id
        if where is None:
            where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return {"doc_id": where, "stage": "read", "error": self.error, "message": self.message}


def _locate(source: str, doc_id: str | None, line: int | None) -> str:
    parts = [source]
    if line is not None:
        parts.append(f"line {line}")
    if doc_id is not None:
        parts.append(f"id {doc_id!r}")
    return ", ".join(parts) + ": "


# --------------------------------------------------------------------------- #
# Readers
# --------------------------------------------------------------------------- #

_CHUNK_ROWS = 1000
_REQUIRED = ("id", "text")
_OPTIONAL = ("lang", "published")
_ISO_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_CODE_EXECUTING = {".pkl", ".pickle", ".joblib", ".npy", ".npz", ".dill", ".cloudpickle"}


class _BadRecord(Exception):
    """Internal: a record-level problem, turned into a ReadFailure by the caller."""

    def __init__(self, error: str, problem: str, doc_id: str | None = None):
        super().__init__(problem)
        self.error = error
        self.problem = problem
        self.doc_id = doc_id


_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with lone surrogates written as ``\\udXXX``: a string that can always be encoded.

    Python strings can hold lone surrogates (a JSON ``"\\ud800"`` escape, a file name
    that is not UTF-8); no output format can, so names and messages pass through here."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _surrogate_problem(value: str, what: str) -> str | None:
    m = _SURROGATE.search(value)
    if m is None:
        return None
    return (f"{what} holds a lone surrogate U+{ord(m.group()):04X} at offset {m.start()} "
            "(a \\ud800-\\udfff escape without its pair): not valid Unicode")


def is_missing(value: Any) -> bool:
    """None, NaN, pd.NA and NaT are all 'absent'; containers never are."""
    if value is None:
        return True
    if isinstance(value, (str, bytes, list, tuple, dict, set, np.ndarray)):
        return False
    try:
        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return bool(result) if isinstance(result, (bool, np.bool_)) else False


_is_missing = is_missing


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _clean_id(value: Any) -> str:
    if _is_missing(value):
        raise _BadRecord("MissingId", "record has no id")
    if isinstance(value, (bool, np.bool_)):
        raise _BadRecord("InvalidId", f"id must be a string, got {type(value).__name__}")
    if isinstance(value, (int, np.integer)):  # numeric ids in JSON/Parquet: keep their digits
        value = str(int(value))
    if not isinstance(value, str):
        raise _BadRecord("InvalidId", f"id must be a string, got {type(value).__name__}")
    problem = _surrogate_problem(value, f"id {printable(value)!r}")
    if problem:
        raise _BadRecord("InvalidUnicode", problem)
    doc_id = _nfc(value.strip())
    if not doc_id:
        raise _BadRecord("MissingId", "record has an empty id")
    return doc_id


def _clean_text(value: Any, doc_id: str) -> str:
    if _is_missing(value):
        raise _BadRecord("EmptyText", "text is missing", doc_id)
    if not isinstance(value, str):
        raise _BadRecord("InvalidText", f"text must be a string, got {type(value).__name__}", doc_id)
    if not value.strip():
        raise _BadRecord("EmptyText", "text is empty or whitespace only", doc_id)
    problem = _surrogate_problem(value, "text")
    if problem:
        raise _BadRecord("InvalidUnicode", problem, doc_id)
    return _nfc(value)  # not stripped: offsets refer to the text as given


def _clean_lang(value: Any, doc_id: str) -> str | None:
    if _is_missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and value.strip().lower() in LANGS:
        return value.strip().lower()
    raise _BadRecord("UnsupportedLang", f"unsupported lang {value!r} (expected one of {', '.join(LANGS)} or empty)", doc_id)


def _clean_published(value: Any, doc_id: str) -> str | None:
    try:
        return parse_published(value)
    except ValueError as exc:
        raise _BadRecord("InvalidPublished", str(exc), doc_id) from None


def parse_published(value: Any) -> str | None:
    """ISO date string (any precision kept); pandas/Arrow timestamps become YYYY-MM-DD.

    Missing values give None; anything else that is not a date raises ValueError."""
    if _is_missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.fullmatch(text):
            try:
                parts = [int(p) for p in text.split("-")]
                dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
                return text
            except ValueError:
                pass
        else:
            with contextlib.suppress(ValueError):  # a full ISO timestamp: keep its date
                return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    raise ValueError(f"published {value!r} is not an ISO date (YYYY-MM-DD)")


def _make_article(record: Mapping[str, Any]) -> Article:
    """Validate one raw record (JSONL object, CSV/Parquet row) into an Article."""
    doc_id = _clean_id(record.get("id"))
    return Article(
        id=doc_id,
        text=_clean_text(record.get("text"), doc_id),
        lang=_clean_lang(record.get("lang"), doc_id),
        published=_clean_published(record.get("published"), doc_id),
    )


def _failure(source: str, line: int | None, exc: _BadRecord) -> ReadFailure:
    return ReadFailure(source, exc.doc_id, line, exc.error, _locate(source, exc.doc_id, line) + exc.problem)


def _record_item(source: str, line: int | None, record: Mapping[str, Any]) -> Article | ReadFailure:
    try:
        return _make_article(record)
    except _BadRecord as exc:
        return _failure(source, line, exc)


# Each format yields (source, line, item); _dedupe then reports repeated ids with their position.
_Positioned = Iterator[tuple[str, int | None, Article | ReadFailure]]


def _dedupe(items: _Positioned) -> Iterator[Article | ReadFailure]:
    """Report repeated ids; the first record carrying an id keeps it, valid or not."""
    seen: set[str] = set()
    for source, line, item in items:
        doc_id = item.id if isinstance(item, Article) else item.doc_id
        if doc_id is not None and doc_id in seen:
            yield ReadFailure(source, doc_id, line, "DuplicateId",
                              _locate(source, doc_id, line) + f"duplicate id {doc_id!r}; the first record with it is kept")
            continue
        if doc_id is not None:
            seen.add(doc_id)
        yield item


# -- txt folder ---------------------------------------------------------------

def _iter_txt_files(files: list[Path]) -> _Positioned:
    for file in files:
        source, doc_id = printable(str(file)), _nfc(file.stem)
        if _SURROGATE.search(doc_id):
            yield source, None, ReadFailure(source, None, None, "InvalidUnicode",
                                            _locate(source, None, None) + "the file name is not valid UTF-8, "
                                            "so it cannot be a document id; rename the file")
            continue
        where = _locate(source, doc_id, None)
        try:
            if not stat.S_ISREG(file.stat().st_mode):  # a pipe or device would block or never end
                yield source, None, ReadFailure(source, doc_id, None, "NotAFile",
                                                where + "not a regular file (a pipe, device or socket)")
                continue
            raw = file.read_bytes()
        except OSError as exc:
            yield source, None, ReadFailure(source, doc_id, None, type(exc).__name__,
                                            where + f"cannot read file: {printable(str(exc.strerror or exc))}")
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield source, None, ReadFailure(source, doc_id, None, "UnicodeDecodeError",
                                            where + f"not valid UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})")
            continue
        yield source, None, _record_item(source, None, {"id": doc_id, "text": text})


# -- JSONL ----------------------------------------------------------------------

def _iter_jsonl(path: Path) -> _Positioned:
    source = printable(str(path))
    with path.open("rb") as f:  # bytes: one undecodable line must not stop the others
        for number, raw in enumerate(f, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            where = _locate(source, None, number)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield source, number, ReadFailure(source, None, number, "UnicodeDecodeError",
                                                  where + f"not valid UTF-8 (byte {exc.start} of the line)")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield source, number, ReadFailure(source, None, number, "JSONDecodeError",
                                                  where + f"malformed JSON: {exc.msg} at column {exc.colno}")
                continue
            except RecursionError:
                yield source, number, ReadFailure(source, None, number, "JSONDecodeError",
                                                  where + "malformed JSON: nested too deeply to read")
                continue
            except ValueError as exc:  # e.g. an integer of more than 4300 digits
                yield source, number, ReadFailure(source, None, number, "JSONDecodeError",
                                                  where + f"unreadable JSON value: {str(exc)[:200]}")
                continue
            if not isinstance(record, dict):
                yield source, number, ReadFailure(source, None, number, "NotAnObject",
                                                  where + f"expected a JSON object, got {type(record).__name__}")
                continue
            yield source, number, _record_item(source, number, record)


# -- CSV ------------------------------------------------------------------------

_CSV_OPTIONS: dict[str, Any] = {
    "dtype": str,              # ids such as "001" keep their zeros
    "keep_default_na": False,  # "NA" (Namibia) or "null" is text, not a missing value
    "encoding": "utf-8-sig",   # our own CSVs (and Excel's) start with a BOM
}


def _csv_columns(path: Path) -> list[str]:
    try:
        header = pd.read_csv(path, nrows=0, **_CSV_OPTIONS)
    except pd.errors.EmptyDataError:
        raise InputError("the CSV file is empty (no header row)", source=printable(str(path))) from None
    except UnicodeDecodeError as exc:  # pandas decodes a whole buffer: the bad byte may be past the header
        raise InputError(f"the CSV is not valid UTF-8 text ({exc.reason}); save it as UTF-8", source=printable(str(path))) from exc
    except (pd.errors.ParserError, OSError) as exc:
        raise InputError(f"cannot read the CSV header: {exc}", source=printable(str(path))) from exc
    return [str(c).strip() for c in header.columns]


def _iter_csv(path: Path, columns: list[str]) -> _Positioned:
    source = printable(str(path))
    row = 1  # the header is row 1, as a spreadsheet shows it
    try:
        with pd.read_csv(path, chunksize=_CHUNK_ROWS, **_CSV_OPTIONS) as reader:
            for chunk in reader:
                chunk.columns = columns
                for record in chunk.to_dict("records"):
                    row += 1
                    yield source, row, _record_item(source, row, record)
    except UnicodeDecodeError as exc:
        # Row boundaries are lost past this point, so the file as a whole is bad.
        raise InputError(f"the CSV is not valid UTF-8 text after row {row} ({exc.reason}); save it as UTF-8",
                         source=source) from exc
    except pd.errors.ParserError as exc:
        raise InputError(f"cannot parse the CSV after row {row}: {exc}", source=source) from exc


# -- Parquet --------------------------------------------------------------------

def _open_parquet(path: Path) -> pq.ParquetFile:
    try:
        return pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"not a readable Parquet file: {exc}", source=printable(str(path))) from exc


def _iter_parquet(pf: pq.ParquetFile, path: Path) -> _Positioned:
    source = printable(str(path))
    wanted = [c for c in (*_REQUIRED, *_OPTIONAL) if c in pf.schema_arrow.names]
    row = 0
    try:
        batches = pf.iter_batches(batch_size=_CHUNK_ROWS, columns=wanted)
        while True:
            try:
                batch = next(batches, None)
            except (pa.ArrowException, OSError) as exc:  # a corrupt data page: the rows past it are lost
                raise InputError(f"the Parquet file is corrupt after row {row} ({' '.join(str(exc).split())[:200]}); "
                                 "the rows before it were read", source=source) from exc
            if batch is None:
                break
            for record in batch.to_pylist():
                row += 1
                yield source, row, _record_item(source, row, record)
    finally:
        pf.close()


# -- dispatch -------------------------------------------------------------------

def _check_columns(columns: Sequence[str], path: Path) -> None:
    missing = [c for c in _REQUIRED if c not in columns]
    if missing:
        raise InputError(f"missing required column(s) {', '.join(repr(c) for c in missing)}; "
                         f"found {', '.join(repr(c) for c in columns) or 'none'}", source=printable(str(path)))


_COMPRESSED_MAGIC = {b"\x1f\x8b": ("gzip", "gunzip -c"), b"BZh": ("bzip2", "bunzip2 -c"),
                     b"\xfd7zXZ\x00": ("xz", "unxz -c"), b"\x28\xb5\x2f\xfd": ("zstd", "zstd -dc"),
                     b"PK\x03\x04": ("zip", "unzip -p")}


def _refuse_compressed(path: Path, source: str) -> None:
    """A compressed file under a text name would give one decoding error per line and no
    hint; it is refused as a whole, saying what it is and how to decompress it."""
    try:
        with path.open("rb") as f:
            head = f.read(6)
    except OSError:
        return  # the reader reports it
    for magic, (kind, command) in _COMPRESSED_MAGIC.items():
        if head.startswith(magic):
            raise InputError(f"the file looks {kind}-compressed, not {path.suffix.lstrip('.')} text; decompress it "
                             f"first ({command} FILE > articles{path.suffix})", source=source)


def iter_articles(path: str | Path) -> Iterator[Article | ReadFailure]:
    """Stream articles from a ``.txt`` folder, ``.jsonl``, ``.csv`` or ``.parquet`` file.

    Problems with the input as a whole raise :class:`InputError` when this is
    called, before anything is yielded; record-level problems are yielded as
    :class:`ReadFailure` so one bad article does not stop a batch. Files are
    read in chunks, never loaded whole.
    """
    path = Path(path)
    source = printable(str(path))
    if not path.exists():
        raise InputError("no such file or folder", source=source)
    if path.is_dir():
        try:
            # a dangling link or unreadable entry is kept, so it is reported rather than skipped
            files = sorted((p for p in path.iterdir() if p.suffix.lower() == ".txt"
                            and (p.is_symlink() or not p.is_dir())), key=lambda p: p.name)
        except OSError as exc:
            raise InputError(f"cannot list the folder: {exc.strerror or exc}", source=source) from exc
        return _dedupe(_iter_txt_files(files))
    if not os.access(path, os.R_OK):
        raise InputError("file is not readable (permission denied)", source=source)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".jsonl", ".ndjson", ".csv"):
        _refuse_compressed(path, source)
    if suffix == ".txt":
        return _dedupe(_iter_txt_files([path]))
    if suffix in (".jsonl", ".ndjson"):
        return _dedupe(_iter_jsonl(path))
    if suffix == ".csv":
        columns = _csv_columns(path)
        _check_columns(columns, path)
        return _dedupe(_iter_csv(path, columns))
    if suffix == ".parquet":
        pf = _open_parquet(path)
        _check_columns(pf.schema_arrow.names, path)
        return _dedupe(_iter_parquet(pf, path))
    if suffix in _CODE_EXECUTING:
        raise InputError(f"{suffix} files can execute code when loaded and are never read; "
                         "use .jsonl, .csv, .parquet or a folder of .txt files", source=source)
    raise InputError(f"unknown input format {suffix or '(no extension)'!r}; "
                     "expected a folder of .txt files, .jsonl, .csv or .parquet", source=source)


def read_articles(path: str | Path) -> tuple[list[Article], list[ReadFailure]]:
    """Materialise :func:`iter_articles`: the good articles and the failures, in input order."""
    articles: list[Article] = []
    failures: list[ReadFailure] = []
    for item in iter_articles(path):
        (articles if isinstance(item, Article) else failures).append(item)
    return articles, failures


# --------------------------------------------------------------------------- #
# Table normalisation (one path shared by the JSONL, CSV and Parquet writers)
# --------------------------------------------------------------------------- #

_PARTICIPANT_KEYS = ("name", "mention", "role", "title", "country")
_LOCATION_KEYS = ("name", "country")
_DERIVED = {"location_name", "location_country", "participant_names"}  # the CSV's flat forms


def _plain(value: Any) -> Any:
    """Any cell value -> JSON-ready Python (numpy scalars, arrays, timestamps, NaN)."""
    if _is_missing(value):
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
    if isinstance(value, str) and "T" in value and _ISO_DATE.fullmatch(value.split("T")[0]):
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
    return {k: _as_str(value.get(k)) for k in _LOCATION_KEYS}


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
        out.append({k: _as_str(p.get(k)) for k in _PARTICIPANT_KEYS})
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
    if any(c.kind in ("location", "participants") for c in columns):
        known |= _DERIVED  # folded into `location` / derived from `participants`
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
        if "location" not in row and any(c.kind == "location" for c in columns):
            row["location"] = {"name": row.get("location_name"), "country": row.get("location_country")}
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


# --------------------------------------------------------------------------- #
# Schemas for CSV and Parquet
# --------------------------------------------------------------------------- #

_LOCATION_TYPE = pa.struct([pa.field(k, pa.string()) for k in _LOCATION_KEYS])
_PARTICIPANT_TYPE = pa.struct([pa.field(k, pa.string()) for k in _PARTICIPANT_KEYS])
_ARROW_TYPES: dict[str, pa.DataType] = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "date": pa.string(),  # ISO strings keep reduced precision ("2025-05"); date_precision says which
    "list[str]": pa.list_(pa.string()),
    "location": _LOCATION_TYPE,
    "participants": pa.list_(_PARTICIPANT_TYPE),
}


def arrow_schema(table: str) -> pa.Schema:
    """The Parquet schema of a contract table, from the kinds in pipeline.schema.

    Fields are nullable: the writer stores what the pipeline produced rather
    than fail a whole batch at the last step over one null.
    """
    return pa.schema([pa.field(c.name, _ARROW_TYPES[c.kind]) for c in TABLES[table]])


def csv_columns(table: str) -> list[str]:
    """The CSV header of a contract table: nested columns flattened in place."""
    names: list[str] = []
    for c in TABLES[table]:
        if c.kind == "location":
            names += [f"{c.name}_name", f"{c.name}_country"]
        elif c.kind == "participants":
            names.append("participant_names")
        else:
            names.append(c.name)
    return names


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


def _to_arrow(df: pd.DataFrame, table: str, records: list[dict[str, Any]]) -> pa.Table:
    columns, extras = _table_layout(df, table)
    fields = [pa.field(c.name, _ARROW_TYPES[c.kind]) for c in columns]
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


def _csv_rows(df: pd.DataFrame, table: str, records: list[dict[str, Any]]) -> tuple[list[str], Iterator[list[Any]]]:
    columns, extras = _table_layout(df, table)
    header = (csv_columns(table) if table in TABLES else []) + extras

    def flatten(record: dict[str, Any]) -> list[Any]:
        cells: list[Any] = []
        for c in columns:
            value = record[c.name]
            if c.kind == "location":
                cells += [value["name"], value["country"]]
            elif c.kind == "participants":
                cells.append(list(dict.fromkeys(p["name"] for p in value if p["name"])))
            else:
                cells.append(value)
        cells += [record[name] for name in extras]
        return [_csv_cell(v) for v in cells]

    return header, (flatten(r) for r in records)


# --------------------------------------------------------------------------- #
# Atomic file writing
# --------------------------------------------------------------------------- #

def _umask() -> int:
    """The process umask, read without changing it where the OS allows."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _atomic_path(final: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``final``; on success fsync it and os.replace it in."""
    fd, tmp_name = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError, AttributeError):  # make the rename itself durable (POSIX)
        dir_fd = os.open(final.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _json_line(record: dict[str, Any]) -> str:
    text = json.dumps(record, ensure_ascii=False, allow_nan=False)
    # Valid JSON, but str.splitlines() would break the line at these.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085") + "\n"


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    with _atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for record in records:
            f.write(_json_line(record))


def _write_csv(path: Path, header: list[str], rows: Iterable[list[Any]]) -> None:
    with _atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)  # Excel dialect: CRLF rows, cells with newlines quoted
        writer.writerow(header)
        writer.writerows(rows)


def _write_parquet(path: Path, table: pa.Table) -> None:
    with _atomic_path(path) as tmp:
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
            header, rows = _csv_rows(df, name, records)
            _write_csv(out / f"{name}.csv", header, rows)
            written.append(out / f"{name}.csv")
        if "parquet" in formats:
            _write_parquet(out / f"{name}.parquet", _to_arrow(df, name, records))
            written.append(out / f"{name}.parquet")
        if book is not None:
            book.add(name, records)
    if book is not None:
        written.append(book.save(out / XLSX_NAME))
    return written


# Row-level converters, public for writers that stream rows chunk by chunk (pipeline.stream):
csv_rows = _csv_rows
json_line = _json_line
to_arrow = _to_arrow
