"""The one atomic writer (pipeline.atomic) and that every output path goes through it."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pandas as pd
import pytest

import pipeline.atomic as atomic
from pipeline.atomic import AtomicFile, atomic_open, temp_glob, write_text
from pipeline.outsafe import mark_ours, sweep_temp_files
from pipeline.render import write_html
from pipeline.schema import TABLES
from pipeline.stream import TableStreams
from pipeline.tables import typed_frame
from pipeline.writers import write_tables


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_commit_replaces_the_target_with_umask_permissions_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "t.jsonl"
    target.write_text("old", encoding="utf-8")
    mask = os.umask(0o027)
    try:
        write_text(target, "new\n")
    finally:
        os.umask(mask)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _temps(tmp_path) == []


def test_temp_file_is_beside_the_target_and_named_for_the_sweep(tmp_path: Path) -> None:
    f = AtomicFile(tmp_path / "events.csv")
    assert f.path.parent == tmp_path and f.path.match(temp_glob("events.csv"))
    f.discard()
    assert _temps(tmp_path) == []


def test_a_failure_while_writing_keeps_the_old_file_and_removes_the_temp(tmp_path: Path) -> None:
    target = tmp_path / "t.csv"
    target.write_text("previous run", encoding="utf-8")
    with pytest.raises(OSError, match="No space"), atomic_open(target, "w", encoding="utf-8") as f:
        f.write("half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert target.read_text(encoding="utf-8") == "previous run"
    assert _temps(tmp_path) == []


def test_a_failing_rename_removes_the_temp(tmp_path: Path, monkeypatch) -> None:
    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "denied", str(dst))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_text(tmp_path / "t.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_commit_fsyncs_the_file_before_the_rename_and_the_folder_after(tmp_path: Path, monkeypatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(src, dst) -> None:
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    write_text(tmp_path / "page.html", "<!DOCTYPE html>")
    assert events == ["fsync file", "rename", "fsync folder"]


def test_every_output_file_is_committed_through_the_one_writer(tmp_path: Path, monkeypatch) -> None:
    committed: list[str] = []
    real_commit = AtomicFile.commit

    def spy(self: AtomicFile) -> Path:
        committed.append(self.final.name)
        return real_commit(self)

    monkeypatch.setattr(AtomicFile, "commit", spy)
    formats = ("jsonl", "csv", "parquet", "xlsx")
    batch, single = tmp_path / "batch", tmp_path / "single"
    batch.mkdir()
    with TableStreams(batch, formats) as streams:
        streams.write("errors", [{"doc_id": "d1", "stage": "read", "error": "E", "message": "m"}])
    mark_ours(batch, ["errors.jsonl"])
    write_tables({t: typed_frame(t, []) for t in TABLES}, single, formats=formats)
    write_html(single / "page.html", "<!DOCTYPE html>")
    written = sorted(p.name for p in [*batch.iterdir(), *single.iterdir()])
    assert sorted(committed) == written
    assert len(written) == 2 * (3 * len(TABLES) + 1) + 2  # six tables x three formats, workbook, marker, page


def test_a_failed_stream_run_leaves_no_temp_and_no_table(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), TableStreams(tmp_path, ("jsonl", "csv", "parquet")) as streams:
        streams.write_frame("errors", pd.DataFrame([{"doc_id": "d1", "stage": "s", "error": "E", "message": "m"}]))
        raise RuntimeError("killed mid-run")
    assert list(tmp_path.iterdir()) == []


def test_sweep_removes_only_our_temporaries_of_the_given_names(tmp_path: Path) -> None:
    ours = tmp_path / ".events.jsonl.abc123.tmp"
    other_table = tmp_path / ".notes.txt.abc123.tmp"
    final = tmp_path / "events.jsonl"
    for p in (ours, other_table, final):
        p.write_text("x", encoding="utf-8")
    sweep_temp_files(tmp_path, ["events.jsonl", "events.xlsx"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [".notes.txt.abc123.tmp", "events.jsonl"]
