"""Append-as-you-go writers for the output tables, committed atomically at the end.

The batch driver produces rows chunk by chunk; holding a whole entities table
for 100k articles in memory would defeat streaming. Each table's JSONL, CSV
and Parquet files are written to temporary files in the output folder as rows
arrive (same columns, types, CSV quoting and formula neutralisation as
:func:`pipeline.writers.write_tables`), and committed over the final names
(:class:`pipeline.atomic.AtomicFile`) only when the whole run succeeded: an
interrupted run never leaves a truncated file under a final name. With the
``xlsx`` format the same records also stream into one workbook
(:mod:`pipeline.xlsx`), saved the same way.
"""
from __future__ import annotations

import contextlib
import csv
import json
import shutil
from pathlib import Path
from typing import Any, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.atomic import AtomicFile, atomic_open, atomic_path
from pipeline.schema import TABLES, arrow_schema, csv_columns
from pipeline.writers import csv_rows, json_line, table_to_records, to_arrow
from pipeline.xlsx import XLSX_NAME, XlsxBook

ROW_GROUP = 50_000  # Parquet rows per row group


class _TableFiles:
    def __init__(self, out_dir: Path, table: str, formats: Sequence[str], book: XlsxBook | None = None) -> None:
        self.table = table
        self.book = book
        self.targets: list[AtomicFile] = []
        self.jsonl = self.csv = self.csv_writer = self.parquet = None
        self._pq_buffer: list[pa.Table] = []
        self._pq_rows = 0
        try:
            if "jsonl" in formats or table == "events":  # the scorer reads events.jsonl
                self.jsonl = open(self._tmp(out_dir, "jsonl"), "w", encoding="utf-8", newline="\n")
            if "csv" in formats:
                self.csv = open(self._tmp(out_dir, "csv"), "w", encoding="utf-8-sig", newline="")
                self.csv_writer = csv.writer(self.csv)
                self.csv_writer.writerow(csv_columns(table))
            if "parquet" in formats:
                self.parquet = pq.ParquetWriter(self._tmp(out_dir, "parquet"), arrow_schema(table))
        except BaseException:
            self.discard()  # a full disk while opening: no temporary file stays behind
            raise

    def _tmp(self, out_dir: Path, ext: str) -> Path:
        target = AtomicFile(out_dir / f"{self.table}.{ext}")
        self.targets.append(target)
        return target.path

    def write(self, df: pd.DataFrame) -> None:
        records = table_to_records(df, self.table)
        if not records:
            return
        if self.jsonl is not None:
            self.jsonl.writelines(json_line(r) for r in records)
        if self.csv_writer is not None:
            _, rows = csv_rows(df, self.table, records)
            self.csv_writer.writerows(rows)
        if self.parquet is not None:
            self.write_arrow(to_arrow(df, self.table, records).cast(arrow_schema(self.table)))
        if self.book is not None:
            self.book.add(self.table, records)

    def write_arrow(self, table: pa.Table) -> None:
        """Parquet rows go out in row groups of exactly ROW_GROUP rows (the last one shorter), so
        the file's bytes depend on the rows only, never on how they arrived (chunk size, workers)."""
        self._pq_buffer.append(table)
        self._pq_rows += table.num_rows
        if self._pq_rows >= ROW_GROUP:
            whole = pa.concat_tables(self._pq_buffer)
            full = (whole.num_rows // ROW_GROUP) * ROW_GROUP
            assert self.parquet is not None  # write_arrow is only called for a table written to Parquet
            self.parquet.write_table(whole.slice(0, full), row_group_size=ROW_GROUP)
            rest = whole.slice(full)
            self._pq_buffer, self._pq_rows = ([rest] if rest.num_rows else []), rest.num_rows

    def finish(self) -> None:
        """Write what is buffered and close the temporary files (may fail: disk full)."""
        if self.parquet is not None and self._pq_buffer:
            self.parquet.write_table(pa.concat_tables(self._pq_buffer), row_group_size=ROW_GROUP)
            self._pq_buffer = []
        for f in (self.jsonl, self.csv, self.parquet):
            if f is not None:
                f.close()

    def commit(self) -> None:
        """Make the tables durable: fsync each closed temporary file and rename it over its final name."""
        for target in self.targets:
            target.commit()
        self.targets = []

    def discard(self) -> None:
        """Close quietly and remove the temporary files: on every failure path."""
        for f in (self.jsonl, self.csv, self.parquet):
            if f is not None:
                with contextlib.suppress(Exception):
                    f.close()
        for target in self.targets:
            target.discard()
        self.targets = []


def write_fragment(prefix: Path, table: str, rows: list[dict[str, Any]], formats: Sequence[str]) -> None:
    """Rows of one table for one chunk, already in each output format (CSV without its header),
    so a worker process does the conversion and the final files are a concatenation. Written
    like every output file, so a chunk that --resume trusts is complete on disk."""
    df = pd.DataFrame(rows)
    records = table_to_records(df, table) if rows else []
    if "jsonl" in formats or "xlsx" in formats or table == "events":  # the workbook reads the JSONL rows
        with atomic_open(f"{prefix}.{table}.jsonl", "w", encoding="utf-8", newline="\n") as f:
            f.writelines(json_line(r) for r in records)
    if "csv" in formats:
        with atomic_open(f"{prefix}.{table}.csv", "w", encoding="utf-8", newline="") as f:
            if records:
                csv.writer(f).writerows(csv_rows(df, table, records)[1])
    if "parquet" in formats and records:
        with atomic_path(f"{prefix}.{table}.parquet") as tmp:
            pq.write_table(to_arrow(df, table, records).cast(arrow_schema(table)), tmp)


class TableStreams:
    """``with TableStreams(out, formats) as s: s.write("events", rows)`` — one writer per table."""

    def __init__(self, out_dir: str | Path, formats: Sequence[str], flush_rows: int = 5000) -> None:
        self.out_dir = Path(out_dir)
        self.formats = tuple(formats)
        self.flush_rows = flush_rows
        self.files: dict[str, _TableFiles] = {}
        self.book = XlsxBook(TABLES) if "xlsx" in self.formats else None
        self.pending: dict[str, list[dict[str, Any]]] = {}

    def __enter__(self) -> "TableStreams":
        try:
            for table in TABLES:
                self.files[table] = _TableFiles(self.out_dir, table, self.formats, self.book)
                self.pending[table] = []
        except BaseException:
            for f in self.files.values():
                f.discard()
            raise
        return self

    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Queue rows; they are converted and written a few thousand at a time (bounded memory,
        without paying a DataFrame per article)."""
        buf = self.pending[table]
        buf.extend(rows)
        if len(buf) >= self.flush_rows:
            self._flush(table)

    def _flush(self, table: str) -> None:
        buf = self.pending[table]
        if buf:
            self.files[table].write(pd.DataFrame(buf))
            self.pending[table] = []

    def append_fragment(self, table: str, prefix: Path) -> None:
        """Append a chunk's pre-converted rows (see :func:`write_fragment`) after any queued rows."""
        self._flush(table)
        files = self.files[table]
        for handle, ext in ((files.jsonl, "jsonl"), (files.csv, "csv")):
            path = Path(f"{prefix}.{table}.{ext}")
            if handle is not None and path.exists():
                with open(path, encoding="utf-8", newline="") as src:
                    shutil.copyfileobj(src, handle)
        path = Path(f"{prefix}.{table}.parquet")
        if files.parquet is not None and path.exists():
            files.write_arrow(pq.read_table(path).cast(arrow_schema(table)))
        path = Path(f"{prefix}.{table}.jsonl")
        if self.book is not None and path.exists():
            with open(path, encoding="utf-8") as src:
                self.book.add(table, (json.loads(line) for line in src if line.strip()))

    def write_frame(self, table: str, df: pd.DataFrame) -> None:
        """Write a whole table at once, after the rows buffered for it."""
        self._flush(table)
        if len(df):
            self.files[table].write(df)

    def __exit__(self, exc_type, exc, tb) -> None:
        """Commit only when every table was written and closed: the final names are replaced
        together at the end, or not at all (and no temporary file stays behind)."""
        if exc_type is not None:
            for f in self.files.values():
                f.discard()
            return
        try:
            for table in self.files:
                self._flush(table)
            for f in self.files.values():
                f.finish()
            if self.book is not None:  # saved before the other files are committed
                self.book.save(self.out_dir / XLSX_NAME)
            for f in self.files.values():
                f.commit()
        except BaseException:
            for f in self.files.values():
                f.discard()
            raise
