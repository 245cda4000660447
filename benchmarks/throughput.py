"""Throughput, scaling and memory of batch extraction, against the bare NLP backends, in one run.

Two inputs, each replicated to N articles (default 2,000; half Vietnamese, half English):

  dev    the dev articles, whose people are mostly in the gazetteer;
  train  held-out-like: ../shared/eval/train, whose people the gazetteer does not know, so
         more sentences reach the Vietnamese NER gate (``pipeline/stages/ner_stage.py``).

For each input this measures

  (a) the bare backends alone: spaCy ``nlp.pipe`` (the full en_core_web_sm) on the English
      articles, words/s; underthesea ``ner`` on Vietnamese sentences (a sample of distinct
      sentences), sentences/s;
  (b) our full pipeline (``pipeline.batch.run_batch``) per language with 1 worker, models
      loaded beforehand, and, on the Vietnamese run, where its time goes (exclusive seconds
      per stage);

and, on the first input only,

  (c) the whole input with 1 worker and with all cores, and the peak memory of the whole
      process tree (parent + workers, PSS) during the all-cores run;
  (d) cold start to first event: a fresh ``vnevents extract`` of one article, end to end;

then prints the tables, the ratios the targets are stated in, and the load average. The
single-process measures are given in CPU seconds of this process as well as wall seconds:
on a shared machine other jobs stretch wall time unevenly across the measures, while CPU
time is what each run cost (the ratios use both; CPU time is the one to compare).

    python benchmarks/throughput.py [--articles 2000] [--ner-sample 400] [--inputs dev train]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
INPUTS = {"dev": EVAL / "dev" / "docs.jsonl", "train": EVAL / "train" / "docs.jsonl"}
DEV = INPUTS["dev"]


def replicate(source: Path, n: int, out: Path) -> tuple[Path, Path, Path]:
    """Write all.jsonl, vi.jsonl, en.jsonl under ``out`` with the articles of ``source``
    repeated to n in total."""
    from pipeline.stages.langid import detect_language

    out.mkdir(parents=True, exist_ok=True)
    docs = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    for d in docs:
        d["lang"] = detect_language(d["text"])
    by_lang = {"vi": [d for d in docs if d["lang"] == "vi"], "en": [d for d in docs if d["lang"] == "en"]}
    paths = {k: out / f"{k}.jsonl" for k in ("all", "vi", "en")}
    files = {k: open(p, "w", encoding="utf-8") for k, p in paths.items()}
    for i in range(n):
        lang = "vi" if i % 2 == 0 else "en"
        src = by_lang[lang][(i // 2) % len(by_lang[lang])]
        rec = {"id": f"{src['id']}-r{i:05d}", "text": src["text"], "published": src.get("published")}
        line = json.dumps(rec, ensure_ascii=False) + "\n"
        files["all"].write(line)
        files[lang].write(line)
    for f in files.values():
        f.close()
    return paths["all"], paths["vi"], paths["en"]


def texts_of(path: Path) -> list[str]:
    """The article texts of a JSONL input, the only field the backends are timed on."""
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


@dataclass
class Took:
    """Wall seconds, and CPU seconds of this process (all its threads): the CPU figure is what
    the run cost whatever else the machine was doing, the wall figure what a user waited."""

    wall: float
    cpu: float

    @classmethod
    def since(cls, start: tuple[float, float]) -> "Took":
        """Wall and CPU time elapsed since ``start`` (a :func:`now` reading)."""
        return cls(time.perf_counter() - start[0], time.process_time() - start[1])


def now() -> tuple[float, float]:
    """A wall-clock and CPU-clock reading, to be turned into a :class:`Took` later."""
    return time.perf_counter(), time.process_time()


def bare_spacy(texts: list[str]) -> tuple[Took, int]:
    """The English texts through spaCy alone: the floor the English path cannot beat."""
    import spacy

    from pipeline.lang.en.spacy_backend import MODEL_PACKAGES

    nlp = None
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    words = sum(len(t.split()) for t in texts)
    t0 = now()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return Took.since(t0), words


def bare_underthesea(texts: list[str], sample: int) -> tuple[Took, int]:
    """Only underthesea's sentence splitting and NER on a sample of Vietnamese sentences: the floor
    the Vietnamese path would have if it ran NER on every sentence."""
    from underthesea import ner, sent_tokenize

    distinct = list(dict.fromkeys(texts))  # the inputs are replicated: sample each sentence once
    sentences = [s for t in distinct[:200] for line in t.splitlines() if line.strip() for s in sent_tokenize(line)]
    sentences = list(dict.fromkeys(sentences))[:sample]
    ner(sentences[0])
    t0 = now()
    for s in sentences:
        ner(s)
    return Took.since(t0), len(sentences)


def count_vi_sentences(texts: list[str]) -> int:
    """How many sentences the Vietnamese backend makes of the texts, the unit of the NER rates."""
    from pipeline.lang.vi.underthesea_backend import UndertheseaBackend

    b = UndertheseaBackend()
    return sum(len(b.sentences(t)) for t in texts)


class TreeMemory(threading.Thread):
    """Samples the memory of this process and all its descendants (Linux /proc): the proportional
    set size (PSS, shared pages split between the processes sharing them, so forked workers'
    shared libraries and models are not counted twice), falling back to RSS where PSS is absent."""

    def __init__(self, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.interval, self.peak, self.stop_flag = interval, 0, False

    @staticmethod
    def _rss_kb(pid: int) -> int:
        for path, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
            try:
                for line in open(path):
                    if line.startswith(key):
                        return int(line.split()[1])
            except OSError:
                continue
        return 0

    def _tree(self, pid: int) -> list[int]:
        out, todo = [], [pid]
        while todo:
            p = todo.pop()
            out.append(p)
            try:
                for task in os.listdir(f"/proc/{p}/task"):
                    with open(f"/proc/{p}/task/{task}/children") as f:
                        todo += [int(c) for c in f.read().split()]
            except OSError:
                pass
        return out

    def run(self) -> None:
        """Sample the resident memory of this process and its children until stopped, keeping the peak."""
        while not self.stop_flag:
            self.peak = max(self.peak, sum(self._rss_kb(p) for p in self._tree(os.getpid())))
            time.sleep(self.interval)


class StageClock:
    """Exclusive CPU time per pipeline stage, by wrapping the functions that do each stage's
    work for the duration of a ``with`` block (time spent in a wrapped callee is charged to
    the callee, not its caller); ``other`` is the rest of the run."""

    def __init__(self) -> None:
        from pipeline.lang.vi.crf_chain import CRFChain, _Layer
        from pipeline.lang.vi.underthesea_backend import UndertheseaBackend
        from pipeline.stages import confidence_stage, ner_stage
        from pipeline.stages.actors import ActorFinder
        from pipeline.stages.frames import FrameFiller

        self.targets: list[tuple[object, str, Callable[[tuple], str]]] = [
            (UndertheseaBackend, "sentences", lambda a: "sentence split (underthesea sent_tokenize)"),
            (CRFChain, "segment", lambda a: "NER: word segmentation"),
            (CRFChain, "__call__", lambda a: "NER: glue between layers"),
            (_Layer, "tag", lambda a: f"NER: {a[0].name} CRF (features + tagging)"),
            (ner_stage, "find_triggers", lambda a: "NER gate (triggers, unexplained names)"),
            (ActorFinder, "unexplained_names", lambda a: "NER gate (triggers, unexplained names)"),
            (ActorFinder, "find", lambda a: "actors (titles, gazetteers, name shapes)"),
            (FrameFiller, "fill", lambda a: "frames (events, roles, dates, places)"),
            (confidence_stage, "score_article", lambda a: "confidence"),
        ]
        self.seconds: dict[str, float] = {}
        self._saved: list[tuple[object, str, Callable]] = []
        self._stack: list[float] = []  # time already charged to callees of each open call

    def _wrap(self, fn: Callable, label: Callable[[tuple], str]) -> Callable:
        def timed(*args, **kwargs):
            self._stack.append(0.0)
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.process_time() - t0
                inner = self._stack.pop()
                name = label(args)
                self.seconds[name] = self.seconds.get(name, 0.0) + spent - inner
                if self._stack:
                    self._stack[-1] += spent
        return timed

    def __enter__(self) -> "StageClock":
        for owner, attr, label in self.targets:
            fn = getattr(owner, attr)
            self._saved.append((owner, attr, fn))
            setattr(owner, attr, self._wrap(fn, label))
        return self

    def __exit__(self, *exc) -> None:
        for owner, attr, fn in reversed(self._saved):
            setattr(owner, attr, fn)
        self._saved.clear()

    def table(self, total: float) -> list[tuple[str, float]]:
        """Seconds per stage, largest first, with the rest of ``total`` as one line."""
        rows = sorted(self.seconds.items(), key=lambda kv: -kv[1])
        return rows + [("other (ingest, dateline, consolidation, linking, tables)", total - sum(self.seconds.values()))]


def run_in_process(path: Path, out: Path) -> Took:
    """``run_pipeline`` with 1 worker (in this process), wall and CPU time."""
    t0 = now()
    run_pipeline(path, 1, out)
    return Took.since(t0)


def run_pipeline(path: Path, workers: int, out: Path) -> float:
    """Seconds for a batch run of ``path`` with ``workers`` processes."""
    from pipeline.batch import run_batch

    t0 = time.perf_counter()
    stats = run_batch(path, out, workers=workers, progress=False)  # all three output formats, as the CLI
    assert stats.failures == 0, stats.summary()
    return time.perf_counter() - t0


def cold_start(tmp: Path, source: Path) -> float:
    """Seconds for a fresh process to extract one article: model loading, which a batch pays once."""
    one = tmp / "one.jsonl"
    first = source.read_text(encoding="utf-8").splitlines()[0]
    one.write_text(first + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(one), "--out", str(tmp / "cold"),
                    "--workers", "1", "--quiet"], check=True)
    return time.perf_counter() - t0


def measure_input(name: str, source: Path, args: argparse.Namespace, tmp: Path) -> dict:
    """Bare backends and the per-language pipeline on one input (see the module docstring)."""
    all_p, vi_p, en_p = replicate(source, args.articles, tmp / name)
    en_texts, vi_texts = texts_of(en_p), texts_of(vi_p)
    r: dict = {"name": name, "source": source, "paths": (all_p, vi_p, en_p), "n_en": len(en_texts),
               "n_vi": len(vi_texts), "en_words": sum(len(t.split()) for t in en_texts),
               "vi_sents": count_vi_sentences(vi_texts)}
    warm = tmp / name / "warm.jsonl"  # load the models outside the timings, as the bare runs do
    warm.write_text("".join(en_p.read_text(encoding="utf-8").splitlines(keepends=True)[:2]
                            + vi_p.read_text(encoding="utf-8").splitlines(keepends=True)[:2]), encoding="utf-8")
    run_pipeline(warm, 1, tmp / name / "warm")
    r["sp"], _ = bare_spacy(en_texts)
    r["ut"], r["ut_n"] = bare_underthesea(vi_texts, args.ner_sample)
    r["en"] = run_in_process(en_p, tmp / name / "en")
    with StageClock() as clock:
        r["vi"] = run_in_process(vi_p, tmp / name / "vi")
    r["stages"] = clock.table(r["vi"].cpu)
    return r


def report(r: dict) -> None:
    """Print one input's measurements as a table."""
    print(f"\n== {r['name']}: {r['source']} replicated to {r['n_vi'] + r['n_en']} articles "
          f"({r['n_vi']} vi with {r['vi_sents']} sentences, {r['n_en']} en with {r['en_words']} words)\n")
    print(f"{'measure':<30}{'items':>8}{'wall s':>9}{'CPU s':>9}  rate per CPU second (per wall second)")
    rows = [("bare spaCy nlp.pipe (en)", r["n_en"], r["sp"], r["en_words"], "words/s"),
            ("bare underthesea ner (vi)", r["ut_n"], r["ut"], r["ut_n"], "sentences/s"),
            ("pipeline en, 1 worker", r["n_en"], r["en"], r["en_words"], "words/s"),
            ("pipeline vi, 1 worker", r["n_vi"], r["vi"], r["vi_sents"], "sentences/s")]
    for label, n, took, units, unit in rows:
        print(f"{label:<30}{n:>8}{took.wall:>9.1f}{took.cpu:>9.1f}  "
              f"{units / took.cpu:,.1f} {unit} ({units / took.wall:,.1f})")
    print("\nVietnamese pipeline, where the time goes (exclusive CPU seconds)")
    for label, secs in r["stages"]:
        print(f"  {label:<58}{secs:>7.1f}  {100 * secs / r['vi'].cpu:5.1f}%")

    def ratio(ours: Took, ours_n: int, bare: Took, bare_n: int, clock: str) -> float:
        return (ours_n / getattr(ours, clock)) / (bare_n / getattr(bare, clock))

    print("\nratios by CPU time (by wall time); targets in parentheses")
    print(f"  English pipeline / bare spaCy words/s:         {ratio(r['en'], 1, r['sp'], 1, 'cpu'):.2f} "
          f"({ratio(r['en'], 1, r['sp'], 1, 'wall'):.2f})  (>= 0.9)")
    print(f"  Vietnamese pipeline / bare ner sentences/s:    "
          f"{ratio(r['vi'], r['vi_sents'], r['ut'], r['ut_n'], 'cpu'):.2f} "
          f"({ratio(r['vi'], r['vi_sents'], r['ut'], r['ut_n'], 'wall'):.2f})  (>= 6, goal 8)")


def main() -> None:
    """Measure both inputs and print the tables."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--ner-sample", type=int, default=400, help="Vietnamese sentences for the bare NER rate")
    ap.add_argument("--inputs", nargs="+", choices=sorted(INPUTS), default=["dev", "train"],
                    help="inputs to measure; scaling, memory and cold start on the first only")
    args = ap.parse_args()
    missing = [str(INPUTS[k]) for k in args.inputs if not INPUTS[k].exists()]
    if missing:
        sys.exit(f"throughput: input not found: {', '.join(missing)} (../shared/eval beside the checkout?)")
    cores = os.cpu_count() or 1
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        results = [measure_input(name, INPUTS[name], args, tmp) for name in args.inputs]
        first = results[0]
        all_p = first["paths"][0]
        one_secs = run_pipeline(all_p, 1, tmp / "all1")
        mem = TreeMemory()
        mem.start()
        many_secs = run_pipeline(all_p, cores, tmp / "allN")
        mem.stop_flag = True
        mem.join()
        cold = cold_start(tmp, first["source"])
    load_after = os.getloadavg()
    for r in results:
        report(r)
    print(f"\n== scaling and memory on {first['name']} ({args.articles} articles), {cores} cores\n")
    print(f"{'pipeline all, 1 worker':<30}{args.articles:>8}{one_secs:>10.1f}  {args.articles / one_secs:,.1f} "
          f"articles/s")
    print(f"{f'pipeline all, {cores} workers':<30}{args.articles:>8}{many_secs:>10.1f}  "
          f"{args.articles / many_secs:,.1f} articles/s")
    print(f"{'peak memory, all workers':<30}{'':>8}{'':>10}  {mem.peak / 1024:,.0f} MB (process tree PSS)")
    print(f"{'cold start to first event':<30}{1:>8}{cold:>10.1f}  (fresh `vnevents extract` of one article)")
    print(f"  {cores} workers / 1 worker:                         {one_secs / many_secs:.2f}  (>= 1.7)")
    print(f"  peak memory:                                   {mem.peak / 1024 / 1024:.2f} GB  (<= 2)")
    print(f"\nload average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in load_before)}; "
          f"after: {', '.join(f'{x:.2f}' for x in load_after)} on {cores} cores")


if __name__ == "__main__":
    main()
