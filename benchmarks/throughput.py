"""Throughput, scaling and memory of batch extraction, against the bare NLP backends, in one run.

On the dev articles replicated to N articles (default 2,000; half Vietnamese,
half English) this measures:

  (a) the bare backends alone: spaCy ``nlp.pipe`` (the full en_core_web_sm) on the English
      articles, words/s; underthesea ``ner`` on Vietnamese sentences (a sample), sentences/s;
  (b) our full pipeline (``pipeline.batch.run_batch``) per language with 1 worker, and on
      everything with 1 worker and with all cores;
  (c) peak memory of the whole process tree (parent + workers, PSS) during the all-cores run;
  (d) cold start to first event: a fresh ``vnevents extract`` of one article, end to end;

then prints the table and the ratios the targets are stated in.

    python benchmarks/throughput.py [--articles 2000] [--ner-sample 400]
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "docs.jsonl"


def replicate(n: int, out: Path) -> tuple[Path, Path, Path]:
    """Write all.jsonl, vi.jsonl, en.jsonl with the dev articles repeated to n in total."""
    from pipeline.stages.langid import detect_language

    docs = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
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
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


def bare_spacy(texts: list[str]) -> tuple[float, int]:
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
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - t0, words


def bare_underthesea(texts: list[str], sample: int) -> tuple[float, int]:
    from underthesea import ner, sent_tokenize

    sentences = [s for t in texts[:200] for line in t.splitlines() if line.strip() for s in sent_tokenize(line)]
    sentences = sentences[:sample]
    ner(sentences[0])
    t0 = time.perf_counter()
    for s in sentences:
        ner(s)
    return time.perf_counter() - t0, len(sentences)


def count_vi_sentences(texts: list[str]) -> int:
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
        while not self.stop_flag:
            self.peak = max(self.peak, sum(self._rss_kb(p) for p in self._tree(os.getpid())))
            time.sleep(self.interval)


def run_pipeline(path: Path, workers: int, out: Path) -> float:
    from pipeline.batch import run_batch

    t0 = time.perf_counter()
    stats = run_batch(path, out, workers=workers, progress=False)  # all three output formats, as the CLI
    assert stats.failures == 0, stats.summary()
    return time.perf_counter() - t0


def cold_start(tmp: Path) -> float:
    one = tmp / "one.jsonl"
    first = DEV.read_text(encoding="utf-8").splitlines()[0]
    one.write_text(first + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(one), "--out", str(tmp / "cold"),
                    "--workers", "1", "--quiet"], check=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--ner-sample", type=int, default=400, help="Vietnamese sentences for the bare NER rate")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        all_p, vi_p, en_p = replicate(args.articles, tmp)
        en_texts, vi_texts = texts_of(en_p), texts_of(vi_p)
        en_words = sum(len(t.split()) for t in en_texts)
        vi_sents = count_vi_sentences(vi_texts)
        rows = []
        sp_secs, _ = bare_spacy(en_texts)
        rows.append(("bare spaCy nlp.pipe (en)", len(en_texts), sp_secs, f"{en_words / sp_secs:,.0f} words/s"))
        ut_secs, ut_n = bare_underthesea(vi_texts, args.ner_sample)
        rows.append(("bare underthesea ner (vi)", ut_n, ut_secs, f"{ut_n / ut_secs:,.1f} sentences/s"))
        en_secs = run_pipeline(en_p, 1, tmp / "en")
        rows.append(("pipeline en, 1 worker", len(en_texts), en_secs, f"{en_words / en_secs:,.0f} words/s"))
        vi_secs = run_pipeline(vi_p, 1, tmp / "vi")
        rows.append(("pipeline vi, 1 worker", len(vi_texts), vi_secs, f"{vi_sents / vi_secs:,.1f} sentences/s"))
        one_secs = run_pipeline(all_p, 1, tmp / "all1")
        rows.append(("pipeline all, 1 worker", args.articles, one_secs, f"{args.articles / one_secs:,.1f} articles/s"))
        mem = TreeMemory()
        mem.start()
        many_secs = run_pipeline(all_p, cores, tmp / "allN")
        mem.stop_flag = True
        mem.join()
        rows.append((f"pipeline all, {cores} workers", args.articles, many_secs,
                     f"{args.articles / many_secs:,.1f} articles/s"))
        cold = cold_start(tmp)
    print(f"\n{args.articles} articles ({len(vi_texts)} vi with {vi_sents} sentences, {len(en_texts)} en with "
          f"{en_words} words), {cores} cores\n")
    print(f"{'measure':<30}{'items':>8}{'seconds':>10}  rate")
    for name, n, secs, rate in rows:
        print(f"{name:<30}{n:>8}{secs:>10.1f}  {rate}")
    print(f"{'peak memory, all workers':<30}{'':>8}{'':>10}  {mem.peak / 1024:,.0f} MB (process tree PSS)")
    print(f"{'cold start to first event':<30}{1:>8}{cold:>10.1f}  (fresh `vnevents extract` of one article)")
    print("\nratios (targets in parentheses)")
    print(f"  English pipeline / bare spaCy words/s:         {(en_words / en_secs) / (en_words / sp_secs):.2f}  (>= 0.8)")
    print(f"  Vietnamese pipeline / bare ner sentences/s:    {(vi_sents / vi_secs) / (ut_n / ut_secs):.2f}  (>= 3)")
    print(f"  {cores} workers / 1 worker:                         {one_secs / many_secs:.2f}  (>= 1.7)")
    print(f"  peak memory:                                   {mem.peak / 1024 / 1024:.2f} GB  (<= 2)")


if __name__ == "__main__":
    main()
