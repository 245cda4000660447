"""Batch extraction for large inputs: streaming chunks, worker processes or a Dask cluster, resume.

Articles are read in chunks; each chunk is processed (in this process, in a
pool of worker processes that load the models once each, or on Dask workers)
and its results are written at once to a part file under
``OUT/.vnevents-parts/``, in input order. An interrupted run restarted with
``resume=True`` skips the chunks whose part files exist. When every chunk is
done, the parts are linked across articles (only the light fields linking
needs are held in memory) and streamed into the final tables, each written to
a temporary file and renamed, so memory stays flat in the number of articles
and no output looks complete before it is.

The same input gives byte-identical outputs whatever the number of workers or
the engine: ids are derived from document ids and positions, chunks are
written in input order, and linking sorts its input.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from pipeline.doc import Article, Entity, Event
from pipeline.io import ReadFailure, iter_articles
from pipeline.limits import DEFAULT_MAX_CHARS
from pipeline.runner import ArticleResult, Pipeline
from pipeline.schema import date_precision
from pipeline.stream import TableStreams, write_fragment
from pipeline.tables import event_from_record, event_record

log = logging.getLogger(__name__)
PARTS_DIR = ".vnevents-parts"


@dataclass
class BatchStats:
    articles: int = 0
    events: int = 0
    failures: int = 0
    no_events: int = 0
    seconds: float = 0.0
    first_event_seconds: float | None = None
    chunks_skipped: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"{self.articles} articles, {self.events} events, {self.failures} failures, "
                f"{self.no_events} with no event, in {self.seconds:.1f} s ({rate:.1f} articles/s)"
                + (f"; {self.chunks_skipped} chunks resumed from an earlier run" if self.chunks_skipped else ""))


# ---------------------------------------------------------------- per-chunk work (any process)
_WORKER_PIPELINE: Pipeline | None = None
_WORKER_CONFIG: tuple | None = None


def _worker_pipeline(backends: dict[str, str] | None, max_chars: int = DEFAULT_MAX_CHARS) -> Pipeline:
    """One pipeline per worker process: models load on first use and stay loaded."""
    global _WORKER_PIPELINE, _WORKER_CONFIG
    config = (tuple(sorted((backends or {}).items())), max_chars)
    if _WORKER_PIPELINE is None or _WORKER_CONFIG != config:
        _WORKER_PIPELINE = Pipeline(backends, max_chars=max_chars)
        _WORKER_CONFIG = config
    return _WORKER_PIPELINE


def process_chunk(index: int, items: list[Article | ReadFailure], backends: dict[str, str] | None,
                  max_chars: int = DEFAULT_MAX_CHARS) -> dict:
    """Run the pipeline over one chunk; return plain records (cheap to pickle and to store)."""
    pipe = _worker_pipeline(backends, max_chars)
    articles = [a for a in items if isinstance(a, Article)]
    results = iter(list(pipe.run(articles)) if articles else [])  # one result per article, in order
    out: list[dict] = []
    for item in items:  # input order
        if isinstance(item, ReadFailure):
            out.append({"error": item.as_error_row()})
            continue
        res: ArticleResult = next(results)
        if res.error:
            stage, cls, msg = res.error
            out.append({"doc_id": res.doc_id, "error": {"doc_id": res.doc_id, "stage": stage, "error": cls,
                                                         "message": msg}})
            continue
        out.append({"doc_id": res.doc_id, "events": [{**event_record(e), "date_inferred": e.date_inferred,
                                                             "yearless_days": list(e.yearless_days)}
                                                  for e in res.events],
                    "entities": [_entity_record(res.doc_id, x) for x in res.entities]})
    return {"index": index, "articles": out}


def _entity_record(doc_id: str, x: Entity) -> dict:
    return {"doc_id": doc_id, "start": x.start, "end": x.end, "text": x.text, "label": x.label,
            "canonical": x.canonical, "country": x.country, "source": x.source}


def _pool_init(backends: dict[str, str] | None, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    _worker_pipeline(backends, max_chars)  # load the models once, before the first chunk arrives


def _pool_task(args: tuple) -> dict:
    return process_chunk(*args)


def _summary(result: dict) -> dict:
    """What the driver needs to know of a chunk once its part file is written."""
    arts = result["articles"]
    return {"index": result["index"], "articles": len(arts),
            "failures": sum(1 for a in arts if "error" in a),
            "events": sum(len(a.get("events", ())) for a in arts)}


def _pool_task_to_part(args: tuple) -> dict:
    """A local worker writes its chunk's part file itself and returns only counts, so the
    driver process does not spend the cores' time unpickling and re-serialising results."""
    *task, parts, formats = args
    result = process_chunk(*task)
    result["formats"] = list(formats)
    _write_part(parts, result)
    return _summary(result)


# ---------------------------------------------------------------- the driver
def _chunks(items: Iterable, size: int) -> Iterator[tuple[int, list]]:
    it = iter(items)
    index = 0
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield index, chunk
        index += 1


def count_articles(source: Path) -> int | None:
    """A cheap total for the progress bar (folder, JSONL, Parquet); None when it would cost a read."""
    try:
        if source.is_dir():
            return sum(1 for p in source.iterdir() if p.suffix == ".txt")
        if source.suffix in (".jsonl", ".ndjson"):
            with open(source, "rb") as f:
                return sum(1 for line in f if line.strip())
        if source.suffix == ".parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(source).metadata.num_rows
    except OSError:
        return None
    return None


def input_fingerprint(source: Path, chunk_size: int, backends: dict[str, str] | None,
                      max_chars: int = DEFAULT_MAX_CHARS, formats: Sequence[str] = ()) -> str:
    """Identifies a run's input so that --resume never mixes parts of different inputs."""
    h = hashlib.sha256()
    paths = sorted(source.iterdir()) if source.is_dir() else [source]
    for p in paths:
        st = p.stat()
        h.update(f"{p.name}|{st.st_size}|{st.st_mtime_ns}".encode())
    h.update(f"|{chunk_size}|{sorted((backends or {}).items())}|{max_chars}|{sorted(formats)}".encode())
    return h.hexdigest()[:16]


class Progress:
    """A tqdm bar on a terminal; plain log lines (every ~10 s) otherwise."""

    def __init__(self, total: int | None, enabled: bool = True) -> None:
        self.tty = enabled and sys.stderr.isatty()
        self.enabled = enabled
        self.done = 0
        self.t0 = time.perf_counter()
        self.last_log = self.t0
        self.bar = None
        if self.tty:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", dynamic_ncols=True, smoothing=0.1)
        self.total = total

    def update(self, n: int, events: int, failures: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
            self.bar.set_postfix(events=events, failures=failures, refresh=False)
        elif self.enabled and time.perf_counter() - self.last_log >= 10:
            self.last_log = time.perf_counter()
            rate = self.done / (self.last_log - self.t0)
            eta = f", ETA {(self.total - self.done) / rate:.0f} s" if self.total and rate else ""
            print(f"vnevents: {self.done}{'/' + str(self.total) if self.total else ''} articles "
                  f"({rate:.1f}/s{eta}), {events} events, {failures} failures", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run_batch(source: str | Path, out_dir: str | Path, *, formats: Sequence[str] = ("jsonl", "csv", "parquet"),
              workers: int | None = None, chunk_size: int = 64, resume: bool = False,
              backends: dict[str, str] | None = None, link_with: str | Path | None = None,
              engine: str = "local", scheduler: str | None = None, progress: bool = True,
              max_chars: int = DEFAULT_MAX_CHARS) -> BatchStats:
    """Extract events from ``source`` into ``out_dir`` (see the module docstring)."""
    source, out_dir = Path(source), Path(out_dir)
    workers = workers or os.cpu_count() or 1
    out_dir.mkdir(parents=True, exist_ok=True)
    parts = out_dir / PARTS_DIR
    fingerprint = input_fingerprint(source, chunk_size, backends, max_chars, formats)
    _prepare_parts(parts, fingerprint, resume)
    stats = BatchStats()
    t0 = time.perf_counter()
    items = iter_articles(source)  # raises InputError at once for a bad input as a whole
    bar = Progress(count_articles(source), progress)
    done = {int(p.stem.split("-")[1]) for p in parts.glob("part-*.jsonl")}

    def pending() -> Iterator[tuple[int, list, dict | None]]:
        for index, chunk in _chunks(items, chunk_size):
            if index in done:
                stats.chunks_skipped += 1
                bar.update(len(chunk), stats.events, stats.failures)
                continue
            yield index, chunk, backends, max_chars

    def record(summary: dict) -> None:
        stats.failures += summary["failures"]
        stats.events += summary["events"]
        if summary["events"] and stats.first_event_seconds is None:
            stats.first_event_seconds = time.perf_counter() - t0
        bar.update(summary["articles"], stats.events, stats.failures)

    def record_result(result: dict) -> None:  # results that come back whole (Dask: workers may not share our disk)
        result["formats"] = list(formats)
        _write_part(parts, result)
        record(_summary(result))

    try:
        if engine == "dask":
            _run_dask(pending(), record_result, workers, scheduler)
        elif workers <= 1:
            for task in pending():
                record(_pool_task_to_part((*task, parts, formats)))
        else:
            _run_pool(((*task, parts, formats) for task in pending()), record, workers, backends, max_chars)
    finally:
        bar.close()
    stats.extra["extract_seconds"] = round(time.perf_counter() - t0, 2)
    finalize(out_dir, formats, link_with, stats)
    stats.extra["finalize_seconds"] = round(time.perf_counter() - t0 - stats.extra["extract_seconds"], 2)
    stats.seconds = time.perf_counter() - t0
    shutil.rmtree(parts, ignore_errors=True)
    return stats


def _prepare_parts(parts: Path, fingerprint: str, resume: bool) -> None:
    meta = parts / "run.json"
    if resume and meta.exists():
        if json.loads(meta.read_text()).get("fingerprint") != fingerprint:
            raise ValueError(f"--resume: {parts.parent} holds an interrupted run of a different input "
                             "(or chunk size/backends); run without --resume to start afresh")
        return
    shutil.rmtree(parts, ignore_errors=True)
    parts.mkdir(parents=True)
    meta.write_text(json.dumps({"fingerprint": fingerprint}))


def _write_part(parts: Path, result: dict) -> None:
    """A chunk's entity rows as ready-made fragments of the final files, then its events and
    errors as a part file; the part file comes last, so its existence marks the chunk done."""
    index = result["index"]
    formats = result.get("formats") or ["jsonl", "csv", "parquet"]
    entities = [x for a in result["articles"] for x in a.get("entities", ())]
    write_fragment(parts / f"frag-{index:07d}", "entities", entities, formats)
    final = parts / f"part-{index:07d}.jsonl"
    tmp = final.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for a in result["articles"]:
            f.write(json.dumps({k: v for k, v in a.items() if k != "entities"}, ensure_ascii=False) + "\n")
    os.replace(tmp, final)


def _run_pool(tasks: Iterator, record, workers: int, backends, max_chars: int) -> None:
    import multiprocessing as mp

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(workers, initializer=_pool_init, initargs=(backends, max_chars), maxtasksperchild=None) as pool:
        for summary in pool.imap(_pool_task_to_part, tasks, chunksize=1):  # in input order
            record(summary)


def _run_dask(tasks: Iterator, record, workers: int, scheduler: str | None) -> None:
    """Chunks as Dask tasks; at most 2 per worker in flight, results written in input order."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise RuntimeError("--engine dask needs Dask: pip install -e '.[cluster]'") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        window = 2 * n_workers
        futures: dict[int, Any] = {}
        order: list[int] = []
        task_iter = iter(tasks)
        exhausted = False
        while True:
            while not exhausted and len(futures) < window:
                try:
                    task = next(task_iter)
                except StopIteration:
                    exhausted = True
                    break
                futures[task[0]] = client.submit(_pool_task, task, pure=False)
                order.append(task[0])
            if not futures:
                break
            # write in input order: wait for the oldest outstanding chunk
            oldest = order.pop(0)
            record(futures.pop(oldest).result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---------------------------------------------------------------- finalize: link and write tables
def _iter_parts(parts: Path, with_index: bool = False) -> Iterator:
    for p in sorted(parts.glob("part-*.jsonl")):
        index = int(p.stem.split("-")[1])
        with open(p, encoding="utf-8") as f:
            for line in f:
                yield (index, json.loads(line)) if with_index else json.loads(line)


def finalize(out_dir: Path, formats: Sequence[str], link_with, stats: BatchStats) -> None:
    """Link all events across articles, then stream every table into its final files."""
    from pipeline.clusters import build_cluster_tables
    from pipeline.stages.coding import assign_codes
    from pipeline.stages.linking import link_clusters
    from pipeline.tables import load_events

    parts = out_dir / PARTS_DIR
    light: list[Event] = []
    for a in _iter_parts(parts):
        for r in a.get("events", ()):
            e = event_from_record({**r, "evidence": "", "trigger": r.get("trigger", "")})
            e.date_inferred = bool(r.get("date_inferred"))
            e.yearless_days = tuple(r.get("yearless_days") or ())
            light.append(e)
    previous = load_events(Path(link_with) / "events.jsonl") if link_with else None
    link_clusters(light, previous)
    assign_codes(light)
    by_id = {e.event_id: e for e in light}
    clusters, _ = build_cluster_tables(light)
    stats.articles = stats.failures = stats.events = stats.no_events = 0
    with TableStreams(out_dir, formats) as streams:
        last_index = None
        for index, a in _iter_parts(parts, with_index=True):
            if index != last_index:  # a new chunk: its entity rows, converted by the worker
                streams.append_fragment("entities", parts / f"frag-{index:07d}")
                last_index = index
            stats.articles += 1
            if "error" in a:
                stats.failures += 1
                streams.write("errors", [a["error"]])
                continue
            events = a["events"]
            if not events:
                stats.no_events += 1
            for r in events:
                e = by_id[r["event_id"]]
                r.update(cluster_id=e.cluster_id, parent_cluster_id=e.parent_cluster_id, cameo_code=e.cameo_code,
                         plover_type=e.plover_type, plover_mode=e.plover_mode, date_start=e.date_start,
                         date_end=e.date_end, date_precision=date_precision(e.date_start),
                         date_source=e.date_source)
                r.pop("date_inferred", None)
                r.pop("yearless_days", None)
            stats.events += len(events)
            streams.write("events", events)
            streams.write("participants", [{"event_id": r["event_id"], "doc_id": r["doc_id"], **p}
                                           for r in events for p in r["participants"]])
            streams.write("mentions", [{"cluster_id": r["cluster_id"], "doc_id": r["doc_id"],
                                        "event_id": r["event_id"], "lang": r["lang"], "evidence": r["evidence"],
                                        "char_start": r["char_start"], "char_end": r["char_end"],
                                        "published": r["published"]} for r in events])
        streams.write_frame("event_clusters", clusters)
