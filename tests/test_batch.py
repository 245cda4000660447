"""Batch runs: chunked streaming, worker processes, Dask, resume, determinism, progress."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import pipeline.batch as batch
from pipeline.batch import PARTS_DIR, run_batch
from pipeline.lexicon import DATA_DIR

SAMPLES = DATA_DIR / "samples"
FILES = ["events.jsonl", "events.csv", "events.parquet", "participants.csv", "entities.parquet",
         "event_clusters.csv", "mentions.jsonl", "errors.csv"]


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean")
    stats = run_batch(SAMPLES, out, workers=1, chunk_size=2, progress=False)
    assert stats.articles == 5 and stats.failures == 0 and stats.events > 10
    return out


def _same_files(a: Path, b: Path) -> None:
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_two_worker_processes_give_byte_identical_outputs(clean_run, tmp_path):
    run_batch(SAMPLES, tmp_path, workers=2, chunk_size=2, progress=False)
    _same_files(clean_run, tmp_path)
    assert not (tmp_path / PARTS_DIR).exists()


def test_chunk_size_does_not_change_the_outputs(clean_run, tmp_path):
    run_batch(SAMPLES, tmp_path, workers=1, chunk_size=64, progress=False)
    _same_files(clean_run, tmp_path)


def test_dask_local_cluster_gives_the_same_outputs(clean_run, tmp_path):
    pytest.importorskip("distributed")
    run_batch(SAMPLES, tmp_path, workers=2, chunk_size=2, engine="dask", progress=False)
    _same_files(clean_run, tmp_path)


def test_interrupted_run_resumes_without_redoing_or_duplicating(clean_run, tmp_path, monkeypatch):
    real_write = batch._write_part
    written = []

    def crash_after_two(parts, result):
        if len(written) == 2:
            raise KeyboardInterrupt("simulated interruption")
        written.append(result["index"])
        real_write(parts, result)

    monkeypatch.setattr(batch, "_write_part", crash_after_two)
    with pytest.raises(KeyboardInterrupt):
        run_batch(SAMPLES, tmp_path, workers=1, chunk_size=1, progress=False)
    assert not (tmp_path / "events.jsonl").exists()  # nothing looks complete
    assert len(list((tmp_path / PARTS_DIR).glob("part-*.jsonl"))) == 2
    monkeypatch.setattr(batch, "_write_part", real_write)
    processed = []
    real_process = batch.process_chunk
    monkeypatch.setattr(batch, "process_chunk",
                        lambda i, items, b, m: processed.append(i) or real_process(i, items, b, m))
    stats = run_batch(SAMPLES, tmp_path, workers=1, chunk_size=1, resume=True, progress=False)
    assert stats.chunks_skipped == 2 and processed == [2, 3, 4]
    ref = run_batch(SAMPLES, tmp_path / "ref", workers=1, chunk_size=1, progress=False)
    assert stats.events == ref.events
    _same_files(tmp_path / "ref", tmp_path)


def test_resume_refuses_parts_of_a_different_input(tmp_path, monkeypatch):
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Hun Manet.", encoding="utf-8")
    monkeypatch.setattr(batch, "finalize", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        run_batch(other, tmp_path / "out", workers=1, progress=False)
    monkeypatch.undo()
    with pytest.raises(ValueError, match="different input"):
        run_batch(SAMPLES, tmp_path / "out", workers=1, resume=True, progress=False)


def test_progress_without_a_terminal_prints_plain_lines(capsys, monkeypatch):
    monkeypatch.setattr(batch.time, "perf_counter", iter(range(0, 10_000, 11)).__next__)
    p = batch.Progress(total=10)
    p.update(4, events=3, failures=0)
    p.close()
    err = capsys.readouterr().err
    assert "4/10 articles" in err and "3 events" in err and "ETA" in err


def test_cli_summary_and_exit_status(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    res = CliRunner().invoke(app, ["extract", str(SAMPLES), "--out", str(tmp_path), "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert "5 articles" in res.output and "0 failures" in res.output
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert all(json.loads(x)["doc_id"] for x in lines)


def test_evaluate_command_prints_per_language_and_per_type_rows(shared_dir, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    gold = shared_dir / "eval" / "dev" / "gold.jsonl"
    first = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()[:2]]
    pred = tmp_path / "pred.jsonl"
    # the gold events themselves as predictions: a perfect score, checked by hand
    pred.write_text("".join(json.dumps({**e, "doc_id": d["doc_id"], "cluster_id": e["cluster"]}) + "\n"
                            for d in first for e in d["events"]), encoding="utf-8")
    g = tmp_path / "gold.jsonl"
    g.write_text("".join(json.dumps(d) + "\n" for d in first), encoding="utf-8")
    res = CliRunner().invoke(app, ["evaluate", str(g), str(pred)])
    assert res.exit_code == 0, res.output
    rows = {line.split()[0]: line.split()[1:] for line in res.output.splitlines() if line.strip()}
    assert rows["all"][:3] == ["1.000", "1.000", "1.000"]
    assert "lang=en" in rows and "lang=vi" in rows and "type=visit" in rows and "type=meeting" in rows
