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
from collections import Counter, deque
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from pipeline.atomic import atomic_open, write_text
from pipeline.doc import Article, Event
from pipeline.limits import DEFAULT_MAX_CHARS
from pipeline.outsafe import (
    MARKER_NAME,
    OutputError,
    check_output_folder,
    describe_os_error,
    folder_lock,
    mark_ours,
    sweep_temp_files,
)
from pipeline.readers import ReadFailure, iter_articles
from pipeline.runner import ArticleResult, Pipeline
from pipeline.schema import TABLES, date_precision
from pipeline.stream import TableStreams, write_fragment
from pipeline.tables import (
    entity_record,
    error_record,
    event_from_record,
    event_record,
    mention_record,
    participant_records,
)
from pipeline.xlsx import XLSX_NAME

log = logging.getLogger(__name__)
PARTS_DIR = ".vnevents-parts"
MAX_ATTEMPTS = 3  # a chunk whose worker process dies this many times is given up: its articles go to errors
WAIT_REPORT_SECONDS = 30.0  # with no chunk finished for this long, say which chunks the run waits for


@dataclass
class BatchStats:
    """Counts of a batch run, for the closing summary line and the run record."""

    articles: int = 0
    events: int = 0
    failures: int = 0
    no_events: int = 0
    seconds: float = 0.0
    first_event_seconds: float | None = None
    chunks_skipped: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> str:
        """The one-line summary printed when a run ends."""
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
            out.append({"doc_id": res.doc_id, "error": error_record(res.doc_id, stage, cls, msg)})
            continue
        out.append({"doc_id": res.doc_id, "events": [{**event_record(e), "date_inferred": e.date_inferred,
                                                             "yearless_days": list(e.yearless_days),
                                                             "day_hint": e.day_hint}
                                                  for e in res.events],
                    "entities": [entity_record(res.doc_id, x) for x in res.entities]})
    return {"index": index, "articles": out}


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
    for p in paths:  # names as bytes: a file name that is not UTF-8 is reported by the reader, not here
        try:
            st = p.stat()
            facts = f"{st.st_size}|{st.st_mtime_ns}"
        except OSError as exc:  # a dangling link, an unreadable entry: an errors row later, not a stop
            facts = f"unreadable:{exc.errno}"
        h.update(os.fsencode(p.name) + f"|{facts}".encode())
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
        """Count ``n`` more articles done and show the running totals."""
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

    def note(self, message: str, always: bool = False) -> None:
        """A line above the bar (or a plain line): what the run is waiting for, a lost worker."""
        if not (self.enabled or always):
            return
        if self.bar is not None:
            self.bar.write(f"vnevents: {message}", file=sys.stderr)
        else:
            print(f"vnevents: {message}", file=sys.stderr, flush=True)

    def close(self) -> None:
        """Close the progress bar so the summary line starts on a clean line."""
        if self.bar is not None:
            self.bar.close()


def output_names(formats: Sequence[str]) -> list[str]:
    """The file names a run writes into its output folder."""
    return [f"{t}.{ext}" for t in TABLES for ext in ("jsonl", "csv", "parquet")
            if ext in formats or (t == "events" and ext == "jsonl")]


def run_batch(source: str | Path, out_dir: str | Path, *, formats: Sequence[str] = ("jsonl", "csv", "parquet"),
              workers: int | None = None, chunk_size: int = 64, resume: bool = False,
              backends: dict[str, str] | None = None, link_with: str | Path | None = None,
              engine: str = "local", scheduler: str | None = None, progress: bool = True,
              max_chars: int = DEFAULT_MAX_CHARS, force: bool = False) -> BatchStats:
    """Extract events from ``source`` into ``out_dir`` (see the module docstring).

    The output folder is checked first (a folder, no input or device among the files to be
    replaced, no foreign table file unless ``force``) and locked for the whole run; a write that
    fails (read-only, disk full) raises :class:`~pipeline.outsafe.OutputError` and leaves no
    temporary file or parts folder behind."""
    source, out_dir = Path(source), Path(out_dir)
    workers = workers or os.cpu_count() or 1
    check_output_folder(out_dir, output_names(formats), [source], force)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(describe_os_error(out_dir, exc)) from exc
    with folder_lock(out_dir):
        # an earlier run killed mid-write: its temporary files, whatever formats it wrote
        sweep_temp_files(out_dir, [*output_names(("jsonl", "csv", "parquet")), XLSX_NAME, MARKER_NAME])
        parts = out_dir / PARTS_DIR
        try:
            stats = _run_locked(source, out_dir, parts, formats, workers, chunk_size, resume, backends,
                                link_with, engine, scheduler, progress, max_chars)
        except OutputError:
            shutil.rmtree(parts, ignore_errors=True)  # a full disk gets its space back
            raise
        except OSError as exc:
            if getattr(exc, "filename", None) and str(out_dir) in str(exc.filename):
                shutil.rmtree(parts, ignore_errors=True)
                raise OutputError(describe_os_error(out_dir, exc)) from exc
            raise
        mark_ours(out_dir, output_names(formats))
        return stats


def _run_locked(source: Path, out_dir: Path, parts: Path, formats: Sequence[str], workers: int, chunk_size: int,
                resume: bool, backends: dict[str, str] | None, link_with: str | Path | None, engine: str,
                scheduler: str | None, progress: bool, max_chars: int) -> BatchStats:
    fingerprint = input_fingerprint(source, chunk_size, backends, max_chars, formats)
    items = iter_articles(source)  # raises InputError at once for a bad input as a whole
    _prepare_parts(parts, fingerprint, resume)
    stats = BatchStats()
    t0 = time.perf_counter()
    bar = Progress(count_articles(source), progress)
    done = {int(p.stem.split("-")[1]) for p in parts.glob("part-*.jsonl")}

    def pending() -> Iterator[tuple[int, list, dict[str, str] | None, int]]:
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

    def give_up(task: tuple, reason: str) -> None:  # a chunk whose worker kept dying
        record_result(_lost_chunk(task[0], task[1], reason))

    try:
        if engine == "dask":
            _run_dask(pending(), record_result, workers, scheduler, bar, give_up)
        elif workers <= 1:
            for task in pending():
                record(_pool_task_to_part((*task, parts, formats)))
        else:
            _run_pool(((*task, parts, formats) for task in pending()), record, workers, backends, max_chars,
                      bar, give_up)
    finally:
        bar.close()
    stats.extra["extract_seconds"] = round(time.perf_counter() - t0, 2)
    try:
        finalize(out_dir, formats, link_with, stats)
    except OSError as exc:
        raise OutputError(describe_os_error(out_dir, exc)) from exc
    stats.extra["finalize_seconds"] = round(time.perf_counter() - t0 - stats.extra["extract_seconds"], 2)
    stats.seconds = time.perf_counter() - t0
    shutil.rmtree(parts, ignore_errors=True)
    return stats


def _lost_chunk(index: int, items: list, reason: str) -> dict:
    """A chunk given up after its worker died MAX_ATTEMPTS times: every article an errors row."""
    out: list[dict] = []
    for item in items:
        if isinstance(item, ReadFailure):
            out.append({"error": item.as_error_row()})
            continue
        message = f"article {item.id!r} was in a chunk whose {reason}; the chunk was given up"
        out.append({"doc_id": item.id, "error": error_record(item.id, "worker", "WorkerLost", message)})
    return {"index": index, "articles": out}


def _prepare_parts(parts: Path, fingerprint: str, resume: bool) -> None:
    meta = parts / "run.json"
    if resume and meta.exists():
        if json.loads(meta.read_text()).get("fingerprint") != fingerprint:
            raise ValueError(f"--resume: {parts.parent} holds an interrupted run of a different input "
                             "(or chunk size/backends); run without --resume to start afresh")
        return
    shutil.rmtree(parts, ignore_errors=True)
    try:
        parts.mkdir(parents=True)
        write_text(meta, json.dumps({"fingerprint": fingerprint}))
    except OSError as exc:
        raise OutputError(describe_os_error(parts, exc)) from exc


def _write_part(parts: Path, result: dict) -> None:
    """A chunk's entity rows as ready-made fragments of the final files, then its events and
    errors as a part file; the part file comes last, so its existence marks the chunk done."""
    index = result["index"]
    formats = result.get("formats") or ["jsonl", "csv", "parquet"]
    entities = [x for a in result["articles"] for x in a.get("entities", ())]
    try:
        write_fragment(parts / f"frag-{index:07d}", "entities", entities, formats)
        with atomic_open(parts / f"part-{index:07d}.jsonl", "w", encoding="utf-8") as f:
            for a in result["articles"]:
                f.write(json.dumps({k: v for k, v in a.items() if k != "entities"}, ensure_ascii=False) + "\n")
    except OSError as exc:  # raised in a worker too: OutputError pickles with its message
        raise OutputError(describe_os_error(parts, exc)) from None


def _worker_main(conn, backends: dict[str, str] | None, max_chars: int) -> None:
    """A worker process: load the models once, then run the chunks the driver sends, one at a
    time, answering each with ("ok", counts) or ("error", exception)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's to handle
    try:
        _pool_init(backends, max_chars)
    except Exception:  # noqa: BLE001 - the same error comes back with the first chunk, as an answer
        pass
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            reply: tuple[str, Any] = ("ok", _pool_task_to_part(task))
        except Exception as exc:  # noqa: BLE001 - handed to the driver, which raises it
            reply = ("error", exc)
        try:
            conn.send(reply)
        except Exception:  # noqa: BLE001 - an exception that does not pickle: send its text
            conn.send(("error", RuntimeError(f"{type(reply[1]).__name__}: {reply[1]}")))


def _exit_reason(code: int | None) -> str:
    import signal

    if code is None:
        return "exit status unknown"
    if code < 0:
        try:
            return f"killed by signal {-code} ({signal.Signals(-code).name})"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with status {code}"


@dataclass
class _Slot:
    """One worker process and the chunk it is working on."""

    proc: Any
    conn: Any
    task: tuple | None = None
    since: float = 0.0


def _describe_chunk(task: tuple) -> str:
    items = task[1]
    first = next((a.id for a in items if isinstance(a, Article)), None)
    return f"chunk {task[0]} ({len(items)} articles" + (f" from {first!r})" if first else ")")


def _run_pool(tasks: Iterator, record, workers: int, backends, max_chars: int, bar: Progress, give_up) -> None:
    """Supervised worker processes, one chunk each at a time.

    The driver knows which chunk every worker holds, so a worker that dies (killed, out of
    memory, a crash in a native library) costs only its own chunk: it is sent again to a fresh
    worker, up to MAX_ATTEMPTS times, then given up (its articles become errors rows). The run
    always ends; with no chunk finished for WAIT_REPORT_SECONDS the progress output names the
    chunks, workers and times it is waiting for."""
    import multiprocessing as mp
    from multiprocessing.connection import wait

    ctx = mp.get_context("fork") if sys.platform.startswith("linux") else mp.get_context("spawn")

    def spawn() -> _Slot:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker_main, args=(child, backends, max_chars), daemon=True)
        proc.start()
        child.close()
        return _Slot(proc, parent)

    slots = [spawn() for _ in range(workers)]
    retry: deque = deque()
    attempts: Counter = Counter()
    task_iter = iter(tasks)
    exhausted = False
    try:
        while True:
            for i, slot in enumerate(slots):
                if slot.task is not None:
                    continue
                task = retry.popleft() if retry else None
                if task is None and not exhausted:
                    task = next(task_iter, None)
                    exhausted = task is None
                if task is None:
                    continue
                try:
                    slot.conn.send(task)
                except OSError:  # the idle worker had died: a fresh one takes the chunk
                    _stop(slot)
                    slots[i] = slot = spawn()
                    slot.conn.send(task)
                slot.task, slot.since = task, time.monotonic()
            busy = [s for s in slots if s.task is not None]
            if not busy:
                return
            ready = set(wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], timeout=WAIT_REPORT_SECONDS))
            if not ready:
                now = time.monotonic()
                bar.note("waiting for " + "; ".join(
                    f"{_describe_chunk(s.task)} on worker pid {s.proc.pid} for {now - s.since:.0f} s"
                    for s in busy if s.task is not None))
                continue
            for i, slot in enumerate(slots):
                if slot.task is None or not (slot.conn in ready or slot.proc.sentinel in ready):
                    continue
                message = None
                try:
                    if slot.conn.poll():
                        message = slot.conn.recv()
                except (EOFError, OSError):
                    message = None
                if message is not None:
                    slot.task = None
                    kind, payload = message
                    if kind == "error":
                        raise payload
                    record(payload)
                    continue
                # the worker died holding its chunk
                task = slot.task
                slot.proc.join(5)
                reason = f"worker process {slot.proc.pid} {_exit_reason(slot.proc.exitcode)}"
                _stop(slot)
                slots[i] = spawn()
                index = task[0]
                attempts[index] += 1
                if attempts[index] < MAX_ATTEMPTS:
                    bar.note(f"{reason} while processing {_describe_chunk(task)}; sending it to a new worker "
                             f"(attempt {attempts[index] + 1} of {MAX_ATTEMPTS})", always=True)
                    retry.append(task)
                else:
                    bar.note(f"{reason} while processing {_describe_chunk(task)}, {MAX_ATTEMPTS} times; giving "
                             "it up: its articles are reported in errors", always=True)
                    give_up(task, f"worker process died {MAX_ATTEMPTS} times (last: {reason})")
    finally:
        for slot in slots:
            _stop(slot)


def _stop(slot: _Slot) -> None:
    """End a worker: ask, then wait briefly, then kill (never leave a process behind)."""
    try:
        if slot.proc.is_alive() and slot.task is None:
            slot.conn.send(None)
    except OSError:
        pass
    slot.proc.join(2 if slot.task is None else 0)
    if slot.proc.is_alive():
        slot.proc.kill()
        slot.proc.join()
    slot.conn.close()


def _run_dask(tasks: Iterator, record, workers: int, scheduler: str | None, bar: Progress | None = None,
              give_up=None) -> None:
    """Chunks as Dask tasks; at most 2 per worker in flight, results written in input order.

    Dask reschedules the task of a lost worker itself, up to its ``allowed-failures`` setting
    (3 by default); a chunk that loses that many workers ends as KilledWorker. Dask counts a
    death against every chunk queued on that worker, so such a chunk is sent once more on its
    own; if it fails again its articles become errors rows rather than stopping the run."""
    try:
        from distributed import Client, KilledWorker, LocalCluster
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
        submitted: dict[int, tuple] = {}
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
                submitted[task[0]] = task
                order.append(task[0])
            if not futures:
                break
            # write in input order: wait for the oldest outstanding chunk
            oldest = order.pop(0)
            future, task = futures.pop(oldest), submitted.pop(oldest)
            since, resent = time.monotonic(), False
            while True:
                try:
                    result = future.result(timeout=WAIT_REPORT_SECONDS)
                except KilledWorker as exc:
                    if give_up is None:
                        raise
                    if not resent:  # Dask also blames the chunks queued on the dying worker: once more, alone
                        resent = True
                        future = client.submit(_pool_task, task, pure=False)
                        continue
                    if bar is not None:
                        bar.note(f"{_describe_chunk(task)} lost its Dask worker too often; giving it up: its "
                                 "articles are reported in errors", always=True)
                    give_up(task, f"Dask worker died too often ({exc})")
                    break
                except TimeoutError:
                    if bar is not None:
                        bar.note(f"waiting for {_describe_chunk(task)} on the Dask cluster for "
                                 f"{time.monotonic() - since:.0f} s ({future.status})")
                    continue
                record(result)
                break
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
            e.day_hint = r.get("day_hint")
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
                r.pop("day_hint", None)
            stats.events += len(events)
            streams.write("events", events)
            streams.write("participants", [p for r in events for p in participant_records(r)])
            streams.write("mentions", [mention_record(r) for r in events])
        streams.write_frame("event_clusters", clusters)
