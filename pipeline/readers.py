"""Reading articles in: a folder of ``.txt`` files, JSONL, CSV or Parquet (spec section 1).

Readers stream :class:`~pipeline.doc.Article` records. A bad record becomes a
:class:`ReadFailure` and the batch goes on; a problem with the input as a whole
(missing path, unknown format, a compressed file under a text name, a missing
``id``/``text`` column) raises :class:`InputError` before any record is
yielded. No format that can execute code (pickle, joblib, ...) is ever loaded.
The output side is :mod:`pipeline.writers`.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import stat
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .doc import Article
from .schema import LANGS
from .tables import error_record
from .values import ISO_DATE, is_missing, printable, surrogate_at

__all__ = [
    "InputError",
    "ReadFailure",
    "parse_published",
    "iter_articles",
    "read_articles",
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

    def as_error_row(self) -> dict[str, Any]:
        """A row for the ``errors`` table (doc_id falls back to the input position)."""
        where = self.doc_id
        if where is None:
            where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return error_record(where, "read", self.error, self.message)


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
_CODE_EXECUTING = {".pkl", ".pickle", ".joblib", ".npy", ".npz", ".dill", ".cloudpickle"}


class _BadRecord(Exception):
    """Internal: a record-level problem, turned into a ReadFailure by the caller."""

    def __init__(self, error: str, problem: str, doc_id: str | None = None):
        super().__init__(problem)
        self.error = error
        self.problem = problem
        self.doc_id = doc_id


def _surrogate_problem(value: str, what: str) -> str | None:
    m = surrogate_at(value)
    if m is None:
        return None
    return (f"{what} holds a lone surrogate U+{ord(m.group()):04X} at offset {m.start()} "
            "(a \\ud800-\\udfff escape without its pair): not valid Unicode")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _clean_id(value: Any) -> str:
    if is_missing(value):
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
    if is_missing(value):
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
    if is_missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and value.strip().lower() in LANGS:
        return value.strip().lower()
    raise _BadRecord("UnsupportedLang",
                     f"unsupported lang {value!r} (expected one of {', '.join(LANGS)} or empty)", doc_id)


def _clean_published(value: Any, doc_id: str) -> str | None:
    try:
        return parse_published(value)
    except ValueError as exc:
        raise _BadRecord("InvalidPublished", str(exc), doc_id) from None


def parse_published(value: Any) -> str | None:
    """ISO date string (any precision kept); pandas/Arrow timestamps become YYYY-MM-DD.

    Missing values give None; anything else that is not a date raises ValueError."""
    if is_missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        if ISO_DATE.fullmatch(text):
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
                              _locate(source, doc_id, line)
                              + f"duplicate id {doc_id!r}; the first record with it is kept")
            continue
        if doc_id is not None:
            seen.add(doc_id)
        yield item


# -- txt folder ---------------------------------------------------------------

def _iter_txt_files(files: list[Path]) -> _Positioned:
    for file in files:
        source, doc_id = printable(str(file)), _nfc(file.stem)
        if surrogate_at(doc_id):
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
                                            where + f"not valid UTF-8 (byte {exc.start}: "
                                                    f"{raw[exc.start:exc.start + 1]!r})")
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
        raise InputError(f"the CSV is not valid UTF-8 text ({exc.reason}); save it as UTF-8",
                         source=printable(str(path))) from exc
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
        if isinstance(item, Article):
            articles.append(item)
        else:
            failures.append(item)
    return articles, failures
