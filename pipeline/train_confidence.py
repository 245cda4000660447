"""Train the event-confidence model: ``python -m pipeline.train_confidence``.

Runs the pipeline (its confidence filter off, with a neutral model, so every
candidate event is seen) over the gold-annotated sets ``shared/eval/dev``,
``train`` and ``train2``; labels each predicted event 1 when the scorer's
one-to-one matching (:func:`pipeline.evaluate.match_article`) pairs it with a
gold event, else 0; computes features with
:func:`pipeline.stages.confidence.event_features` (the code the pipeline runs);
and fits a logistic regression (scikit-learn, needed for training only).

Evaluation is 5-fold cross-validation grouped by article (an article's events
are never split across folds; folds are fixed by a hash of set and doc id).
It prints out-of-fold AUC, Brier score and ECE per set, and event P/R/F1 with
and without dropping the events under a threshold. The regularisation strength
and the threshold are chosen inside each training fold (nested), so the
reported out-of-fold figures are honest. A threshold is kept in the artifact
only when this nested estimate improves event F1 on both train and train2.

Writes ``models/event_confidence.json`` (coefficients only: no article text),
updates its sha256 in ``models/manifest.json``, rewrites the model card
``models/event_confidence.md`` with the new figures, and writes out-of-fold
predictions (events.jsonl per set, confidence = out-of-fold probability) to
``--oof-dir`` for ``shared/tools/calibration.py``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.atomic import write_text
from pipeline.evaluate import load_jsonl, match_article, score
from pipeline.readers import read_articles
from pipeline.runner import Pipeline
from pipeline.stages.confidence import (
    CLIP,
    FORMAT,
    MANIFEST_PATH,
    MODEL_DIR,
    MODEL_NAME,
    MODEL_PATH,
    ConfidenceModel,
    article_features,
    sha256_of,
)
from pipeline.tables import event_record

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
SETS = ("dev", "train", "train2")
FOLDS = 5
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.05 + 0.025 * i, 3) for i in range(19))  # 0.05 .. 0.5
MIN_F1_GAIN = 0.005     # a threshold is stored only if dropping events raises F1 at least this much (train, train2)
MIN_TRIGGER_COUNT = 5   # a trigger word gets its own feature when seen this often in the training part
VERSION = "1"
SEED_SALT = "vnevents-confidence"


# ------------------------------------------------------------------ data

@dataclass
class Sample:
    """One candidate event of the training data: its set, article, record, features and label."""

    set: str
    doc_id: str
    record: dict               # the event as written to events.jsonl
    features: dict[str, float]
    label: int
    mentions: int = 1          # for the old rule-based confidence, as a baseline

    @property
    def group(self) -> str:
        """The article, so that folds never split one article's events."""
        return f"{self.set}/{self.doc_id}"


def collect(shared: Path, sets: tuple[str, ...]) -> tuple[list[Sample], dict[str, list[dict]], dict[str, int]]:
    """Run the pipeline over each set: the samples, the gold docs per set, failed articles per set."""
    neutral = ConfidenceModel({}, 0.0)  # training must not depend on (or be filtered by) a shipped model
    pipe = Pipeline(confidence_filter=False, confidence_model=neutral)
    samples: list[Sample] = []
    golds: dict[str, list[dict]] = {}
    failed: dict[str, int] = {}
    for name in sets:
        folder = shared / "eval" / name
        gold_docs = load_jsonl(folder / "gold.jsonl")
        golds[name] = gold_docs
        articles, failures = read_articles(folder / "docs.jsonl")
        texts = {a.id: a.text for a in articles}
        gold_by_doc = {str(d["doc_id"]): d["events"] for d in gold_docs}
        failed[name] = len(failures)
        for res in pipe.run(articles):
            if res.error:
                failed[name] += 1
                print(f"  {name}: {res.doc_id} failed in {res.error[0]}: {res.error[2]}", file=sys.stderr)
                continue
            records = [event_record(e) for e in res.events]
            feats = article_features(res.events, texts[res.doc_id])
            right = {pi for _, pi in match_article(gold_by_doc.get(res.doc_id, []), records)}
            for pi, (e, rec, f) in enumerate(zip(res.events, records, feats)):
                samples.append(Sample(name, res.doc_id, rec, f, int(pi in right), e.mentions))
    return samples, golds, failed


def assign_folds(groups: list[str], k: int = FOLDS, salt: str = "") -> np.ndarray:
    """Balanced folds over distinct groups: groups sorted by hash, dealt round-robin."""
    distinct = sorted(set(groups), key=lambda g: hashlib.sha1(f"{SEED_SALT}{salt}|{g}".encode()).hexdigest())
    where = {g: i % k for i, g in enumerate(distinct)}
    return np.array([where[g] for g in groups])


# ------------------------------------------------------------------ model

def vocabulary(feats: list[dict[str, float]], min_count: int = MIN_TRIGGER_COUNT,
               counted: str = "trigger#") -> list[str]:
    """Every feature name seen, except hash buckets (names containing ``counted``) seen fewer than
    ``min_count`` times."""
    counts = Counter(k for f in feats for k in f)
    return sorted(k for k, n in counts.items() if counted not in k or n >= min_count)


def matrix(feats: list[dict[str, float]], names: list[str], sparse: bool = False) -> Any:
    """The features as a matrix with one column per name in ``names``: dense, or a scipy CSR
    matrix with ``sparse`` (the proposer's hashed words)."""
    index = {n: i for i, n in enumerate(names)}
    if sparse:
        from scipy.sparse import csr_matrix  # type: ignore[import-untyped]  # training only

        rows, cols, vals = [], [], []
        for r, f in enumerate(feats):
            for k, v in f.items():
                i = index.get(k)
                if i is not None:
                    rows.append(r)
                    cols.append(i)
                    vals.append(v)
        return csr_matrix((vals, (rows, cols)), shape=(len(feats), len(names)))
    X = np.zeros((len(feats), len(names)))
    for r, f in enumerate(feats):
        for k, v in f.items():
            i = index.get(k)
            if i is not None:
                X[r, i] = v
    return X


def fit(feats: list[dict[str, float]], y: np.ndarray, C: float, min_count: int = MIN_TRIGGER_COUNT,
        counted: str = "trigger#", sparse: bool = False) -> ConfidenceModel:
    """A logistic regression with inverse regularisation ``C``, as a :class:`ConfidenceModel`
    (hash buckets named with ``counted`` need ``min_count`` occurrences to get a weight)."""
    from sklearn.linear_model import LogisticRegression  # training only

    names = vocabulary(feats, min_count, counted)
    lr = LogisticRegression(C=C, max_iter=5000, solver="lbfgs")
    lr.fit(matrix(feats, names, sparse), y)
    weights = {n: round(float(w), 6) for n, w in zip(names, lr.coef_[0]) if round(float(w), 6) != 0.0}
    return ConfidenceModel(weights, round(float(lr.intercept_[0]), 6))


def predict(model: ConfidenceModel, feats: list[dict[str, float]]) -> np.ndarray:
    """The model's probability for each event, as the pipeline would compute it."""
    return np.array([model.probability(f) for f in feats])


# ------------------------------------------------------------------ metrics

def ece(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error as shared/tools/calibration.py computes it."""
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = (p >= lo) & (p < hi) | ((b == bins - 1) & (p == 1.0))
        if inside.any():
            total += inside.sum() / len(p) * abs(p[inside].mean() - y[inside].mean())
    return float(total)


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """ROC AUC, or NaN when the labels are all one class."""
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p)) if 0 < y.sum() < len(y) else float("nan")


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    """Mean log-loss, with probabilities clipped so a confident mistake stays finite."""
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def prob_metrics(p: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """The probability metrics reported per set (AUC, Brier, ECE, log-loss)."""
    return {"n": int(len(y)), "right": round(float(y.mean()), 4), "auc": round(auc(p, y), 4),
            "brier": round(float(np.mean((p - y) ** 2)), 4), "ece": round(ece(p, y), 4),
            "log_loss": round(log_loss(p, y), 4)}


def event_prf(gold_docs: list[dict], records: list[dict], keep: np.ndarray | None = None) -> dict:
    """Event precision, recall and F1 against the gold, keeping only the events ``keep`` marks."""
    kept = records if keep is None else [r for r, k in zip(records, keep) if k]
    rep = score(gold_docs, kept)["all"]
    return {k: rep[k] for k in ("precision", "recall", "f1", "tp", "fp", "fn")}


def best_threshold(samples: list[Sample], p: np.ndarray, golds: dict[str, list[dict]],
                   sets: tuple[str, ...]) -> float | None:
    """Among the thresholds that raise event F1 on every set of ``sets`` (scored on the given
    samples' articles only), the one with the best pooled F1; None when there is none."""
    def f1s(keep):
        per, tp, fp, fn = [], 0, 0, 0
        for s in sets:
            idx = [i for i, x in enumerate(samples) if x.set == s]
            docs = {x.doc_id for x in samples if x.set == s}
            gd = [d for d in golds[s] if str(d["doc_id"]) in docs]
            r = event_prf(gd, [samples[i].record for i in idx], None if keep is None else keep[idx])
            per.append(r["f1"])
            tp, fp, fn = tp + r["tp"], fp + r["fp"], fn + r["fn"]
        return per, 2 * tp / max(1, 2 * tp + fp + fn)

    base, _ = f1s(None)
    best, best_t = None, None
    for t in THRESHOLDS:
        per, pooled = f1s(p >= t)
        if all(a > b + 1e-9 for a, b in zip(per, base)) and (best is None or pooled > best + 1e-9):
            best, best_t = pooled, t
    return best_t


def oof_predictions(samples: list[Sample], y: np.ndarray, folds: np.ndarray, C: float) -> np.ndarray:
    """Out-of-fold probabilities: each article's events scored by a model that never saw it."""
    feats = [s.features for s in samples]
    p = np.zeros(len(samples))
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        model = fit([f for f, t in zip(feats, train) if t], y[train], C)
        p[test] = predict(model, [f for f, t in zip(feats, test) if t])
    return p


# ------------------------------------------------------------------ the run

def check_training_inputs(ap: argparse.ArgumentParser, shared: Path) -> None:
    """Stop with a clear message when scikit-learn (training only) or a gold set is missing."""
    try:
        import sklearn  # noqa: F401 - training only; the pipeline never imports it
    except ImportError:
        ap.error("scikit-learn is needed to train (pip install scikit-learn); the pipeline itself does not need it")
    for s in SETS:
        for f in ("docs.jsonl", "gold.jsonl"):
            if not (shared / "eval" / s / f).is_file():
                ap.error(f"{shared / 'eval' / s / f} not found (use --shared)")


def trainer_parser(module: str, doc: str | None) -> argparse.ArgumentParser:
    """The options every trainer takes: where the gold sets are, where the model goes, a dry run."""
    ap = argparse.ArgumentParser(prog=f"python -m {module}", description=doc,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (with eval/<set>/)")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="where the model, manifest and card go")
    ap.add_argument("--dry-run", action="store_true", help="evaluate only; write no model")
    return ap


def main(argv: list[str] | None = None) -> int:
    """Train, cross-validate and (unless ``--dry-run``) write the model, its manifest and its card."""
    ap = trainer_parser("pipeline.train_confidence", __doc__)
    ap.add_argument("--oof-dir", type=Path, default=Path(tempfile.gettempdir()) / "vnevents-confidence-oof",
                    help="out-of-fold events.jsonl per set, for shared/tools/calibration.py (they hold "
                         "evidence sentences of the training articles: keep them out of the repository)")
    ap.add_argument("--no-filter", action="store_true", help="never store a drop threshold")
    args = ap.parse_args(argv)
    t0 = time.time()
    check_training_inputs(ap, args.shared)
    os.environ["VNEVENTS_CONFIDENCE_FILTER"] = "0"  # belt and braces: the Pipeline is also told directly

    print(f"running the pipeline on {', '.join(SETS)} ...", flush=True)
    samples, golds, failed = collect(args.shared, SETS)
    y = np.array([s.label for s in samples], dtype=float)
    groups = [s.group for s in samples]
    folds = assign_folds(groups)
    n_articles = {s: len(golds[s]) for s in SETS}
    print(f"{len(samples)} candidate events from {sum(n_articles.values())} articles "
          f"({', '.join(f'{s}: {sum(x.set == s for x in samples)} events / {n_articles[s]} articles' for s in SETS)}); "
          f"{int(y.sum())} right ({y.mean():.3f}); failed articles: {failed}  [{time.time() - t0:.0f}s]", flush=True)

    # nested CV: in each outer fold, C and the threshold are chosen on the outer-training part only
    feats = [s.features for s in samples]
    oof = np.zeros(len(samples))
    keep_oof = np.ones(len(samples), dtype=bool)
    chosen: list[tuple[float, float | None]] = []
    for k in range(FOLDS):
        tr = np.flatnonzero(folds != k)
        te = np.flatnonzero(folds == k)
        sub = [samples[i] for i in tr]
        inner = assign_folds([s.group for s in sub], salt=f"/inner{k}")
        losses = {}
        inner_p = {}
        for C in C_GRID:
            p_in = np.zeros(len(sub))
            for j in range(FOLDS):
                a, b = inner != j, inner == j
                m = fit([f for f, t in zip([s.features for s in sub], a) if t], y[tr][a], C)
                p_in[b] = predict(m, [s.features for s, t in zip(sub, b) if t])
            losses[C], inner_p[C] = log_loss(p_in, y[tr]), p_in
        C = min(C_GRID, key=lambda c: (round(losses[c], 6), c))
        t = None if args.no_filter else best_threshold(sub, inner_p[C], golds, ("train", "train2"))
        model = fit([feats[i] for i in tr], y[tr], C)
        oof[te] = predict(model, [feats[i] for i in te])
        if t is not None:
            keep_oof[te] = oof[te] >= t
        chosen.append((C, t))
        print(f"  fold {k}: {len(te)} events, C={C}, threshold={t}", flush=True)

    # the final model: C by (non-nested) grouped CV log loss over everything, threshold likewise
    full_p = {C: oof_predictions(samples, y, folds, C) for C in C_GRID}
    C_final = min(C_GRID, key=lambda c: (round(log_loss(full_p[c], y), 6), c))
    t_final = None if args.no_filter else best_threshold(samples, full_p[C_final], golds, ("train", "train2"))

    print("\nout-of-fold (nested CV, 5 folds grouped by article):")
    metrics: dict[str, dict] = {}
    for s in (*SETS, "all"):
        idx = np.array([i for i, x in enumerate(samples) if s == "all" or x.set == s])
        pm = prob_metrics(oof[idx], y[idx])
        # the old rule-based confidence: 0.6, plus 0.1 per merged mention, at most 0.95
        base_conf = np.array([min(0.95, 0.6 + 0.1 * (samples[i].mentions - 1)) for i in idx])
        metrics[s] = {"oof": pm, "old_rule": {"brier": round(float(np.mean((base_conf - y[idx]) ** 2)), 4),
                                                  "ece": round(ece(base_conf, y[idx]), 4)}}
        print(f"  {s:<7} n={pm['n']:<4} right={pm['right']:.3f}  AUC {pm['auc']:.3f}  Brier {pm['brier']:.4f}  "
              f"ECE {pm['ece']:.4f}  log-loss {pm['log_loss']:.4f}   (old rule: Brier "
              f"{metrics[s]['old_rule']['brier']:.4f}, ECE {metrics[s]['old_rule']['ece']:.4f})")
    print("\nevent P/R/F1 (shipped rules vs. dropping events under the fold's threshold, out of fold):")
    filter_gain = {}
    for s in SETS:
        in_set = [i for i, x in enumerate(samples) if x.set == s]
        recs = [samples[i].record for i in in_set]
        before = event_prf(golds[s], recs)
        after = event_prf(golds[s], recs, keep_oof[in_set])
        fixed = event_prf(golds[s], recs, full_p[C_final][in_set] >= t_final) if t_final is not None else before
        filter_gain[s] = {"all_events": before, "nested_cv_filter": after,
                          "final_threshold_on_oof": fixed}
        print(f"  {s:<7} all: P {before['precision']:.3f} R {before['recall']:.3f} F1 {before['f1']:.3f}   "
              f"filtered (nested): P {after['precision']:.3f} R {after['recall']:.3f} F1 {after['f1']:.3f}   "
              f"filtered (final t on OOF): F1 {fixed['f1']:.3f}")
    improves = t_final is not None and all(
        min(g["nested_cv_filter"]["f1"], g["final_threshold_on_oof"]["f1"]) >= g["all_events"]["f1"] + MIN_F1_GAIN
        for g in (filter_gain["train"], filter_gain["train2"]))
    threshold = t_final if improves else None
    print(f"\nfinal: C={C_final}; threshold chosen on OOF = {t_final}; filter raises F1 by >= {MIN_F1_GAIN} on "
          f"both train and train2 (nested CV and final threshold): {improves} -> threshold stored: {threshold}")

    # out-of-fold events.jsonl per set, for shared/tools/calibration.py
    args.oof_dir.mkdir(parents=True, exist_ok=True)
    for s in SETS:
        path = args.oof_dir / f"{s}.events.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            for i, x in enumerate(samples):
                if x.set == s:
                    row = {**x.record, "confidence": round(float(oof[i]), 3)}
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    tool = args.shared / "tools" / "calibration.py"
    calibration_out = {}
    if tool.is_file():
        print("\nshared/tools/calibration.py on the out-of-fold predictions:")
        for s in SETS:
            out = subprocess.run([sys.executable, str(tool), str(args.shared / "eval" / s / "gold.jsonl"),
                                  str(args.oof_dir / f"{s}.events.jsonl")], capture_output=True, text=True)
            line = (out.stdout.splitlines() or [out.stderr.strip()])[0]
            calibration_out[s] = line
            print(f"  {s}: {line}")

    if args.dry_run:
        print(f"\ndry run: nothing written [{time.time() - t0:.0f}s]")
        return 0
    model = fit(feats, y, C_final)
    artifact = {
        "format": FORMAT,
        "name": MODEL_NAME,
        "version": VERSION,
        "description": "P(event is correct) from features in pipeline/stages/confidence.py; "
                       "p = sigmoid(a * (intercept + sum coef_i * x_i) + b), clipped to [0.01, 0.99]",
        "features": sorted(model.weights),
        "coefficients": [model.weights[k] for k in sorted(model.weights)],
        "intercept": model.intercept,
        "calibration": {"a": 1.0, "b": 0.0},
        "clip": list(CLIP),
        "threshold": threshold,
        "training": {
            "sets": list(SETS),
            "articles": n_articles,
            "events": {s: sum(x.set == s for x in samples) for s in SETS},
            "right": {s: int(sum(x.label for x in samples if x.set == s)) for s in SETS},
            "regularisation_C": C_final,
            "min_trigger_count": MIN_TRIGGER_COUNT,
            "folds": FOLDS,
        },
        "cv": {"metrics": metrics, "event_f1": filter_gain, "per_fold_choice": chosen,
               "threshold_candidate": t_final},
    }
    args.out.mkdir(parents=True, exist_ok=True)
    model_path = args.out / MODEL_PATH.name
    _write(model_path, json.dumps(artifact, indent=1, ensure_ascii=False) + "\n")
    manifest_path = args.out / MANIFEST_PATH.name
    entry = update_manifest(manifest_path, model_path)
    _write(args.out / f"{MODEL_NAME}.md", model_card(artifact, calibration_out))
    print(f"\nwrote {model_path} (sha256 {entry['sha256'][:12]}…), {manifest_path}, "
          f"{args.out / (MODEL_NAME + '.md')}  [{time.time() - t0:.0f}s]")
    return 0


def update_manifest(manifest_path: Path, model_path: Path, name: str = MODEL_NAME, version: str = VERSION,
                    trainer: str = "pipeline.train_confidence") -> dict:
    """Record the model's sha256 (and what it is) in the manifest, keeping every other model's
    entry and any other field of its own; the pipeline refuses the model until this is done."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {"models": []}
    models = manifest.get("models", [])
    old: dict = next((m for m in models if m.get("name") == name), {})
    entry = {**old, "name": name, "file": model_path.name, "language": "vi+en", "version": version,
             "source": f"trained by `python -m {trainer}` (logistic regression, scikit-learn) on "
                       "the project's gold annotations shared/eval/dev, train, train2; only coefficients are shipped",
             "licence": "MIT", "sha256": sha256_of(model_path)}
    manifest["models"] = sorted([m for m in models if m.get("name") != name] + [entry], key=lambda m: m["name"])
    _write(manifest_path, json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    return entry


def _write(path: Path, text: str) -> None:
    write_text(path, text)


def model_card(a: dict, calibration_out: dict[str, str]) -> str:
    """The model card's markdown, from the training record and the calibration tool's output."""
    tr, cv = a["training"], a["cv"]
    rows = "\n".join(
        f"| {s} | {m['oof']['n']} | {m['oof']['right']:.3f} | {m['oof']['auc']:.3f} | {m['oof']['brier']:.4f} | "
        f"{m['oof']['ece']:.4f} | {m['old_rule']['brier']:.4f} | {m['old_rule']['ece']:.4f} |"
        for s, m in cv["metrics"].items())
    f1 = "\n".join(
        f"| {s} | {g['all_events']['precision']:.3f} / {g['all_events']['recall']:.3f} / {g['all_events']['f1']:.3f} | "
        f"{g['nested_cv_filter']['precision']:.3f} / {g['nested_cv_filter']['recall']:.3f} / "
        f"{g['nested_cv_filter']['f1']:.3f} | {g['final_threshold_on_oof']['precision']:.3f} / "
        f"{g['final_threshold_on_oof']['recall']:.3f} / {g['final_threshold_on_oof']['f1']:.3f} |"
        for s, g in cv["event_f1"].items())
    top = sorted(zip(a["features"], a["coefficients"]), key=lambda x: -abs(x[1]))[:12]
    coef = ", ".join(f"`{k}` {v:+.2f}" for k, v in top)
    cal = "\n".join(f"- {s}: {line}" for s, line in calibration_out.items()) or "- (shared/tools not available)"
    thr = (f"**{a['threshold']}**: events whose probability is below it are dropped "
           "(switch off with `VNEVENTS_CONFIDENCE_FILTER=0` or `Pipeline(confidence_filter=False)`)"
           if a["threshold"] is not None else
           f"**none**: no threshold raised out-of-fold event F1 by at least {MIN_F1_GAIN} on both train and "
           "train2 (nested CV and the final threshold on out-of-fold probabilities), so no event is dropped; "
           "the model only sets `confidence`")
    return f"""# Model card: event confidence (`{a['name']}`, version {a['version']})

*Generated by `python -m pipeline.train_confidence`; do not edit by hand.*

**What it does.** Sets each extracted event's `confidence` to an estimate of P(event is correct): the
probability that the reference scorer's one-to-one matching (`shared/tools/score_events.py`,
reimplemented in `pipeline/evaluate.py`) pairs it with a gold event. Logistic regression over the
features of `pipeline/stages/confidence.py` (`event_features`, the same code at training and run time);
the output is clipped to [0.01, 0.99]. Run time needs the standard library only (no pickle, no scikit-learn);
the file's sha256 is checked against `models/manifest.json` when it is loaded.

**Threshold.** {thr}.

## Data

The pipeline's own candidate events on the project's gold-annotated sets `shared/eval/dev`, `train` and
`train2` ({sum(tr['articles'].values())} articles: {', '.join(f"{s} {n}" for s, n in tr['articles'].items())};
{sum(tr['events'].values())} candidate events: {', '.join(f"{s} {n}" for s, n in tr['events'].items())}; of them
right: {', '.join(f"{s} {n}" for s, n in tr['right'].items())}). Label 1 when the event is matched to a gold
event, else 0. Vietnamese and English articles. The rules were tuned on dev, so dev's events are
nearly all right; the model's figures on train and train2 are the ones to trust.

## Features

Type, type:subtype, status, language, the lowercased trigger (hashed into 1024 buckets, so no article
words are stored; buckets seen at least {tr['min_trigger_count']} times in training get a weight), numbers of participants and of participants with a country,
participant countries, visit roles (host named, no visitor, visitor from the visited country), number of
countries, whether the dateline country is among them, location known and among the countries, agreement
title, the date (none / stated / inferred from context, its precision, multi-day, after publication, more
than 45 days before publication), number of merged mentions, the evidence sentence's position (first
sentence or headline, first paragraph, relative offset), the trigger's offset in it and its length, cue
words in the evidence (planning, negation, past reference, generic statements about relations, photo
captions, reported speech, hedging, happening now), a participant name of one word, type x date / type x
participants / type x countries, and the article context (number of events, of events of the same type,
several events from one sentence or one trigger, another event of the same type sharing a country). Largest weights: {coef}.

## Cross-validated scores

5-fold cross-validation grouped by article (folds fixed by a hash of set and doc id), nested: the
regularisation strength (C from {list(C_GRID)}; final C = {tr['regularisation_C']}) and the threshold are chosen on
each outer training part only (C by log loss; the threshold as described below). Out of fold, against
the old rule-based confidence (0.6, plus 0.1 per merged mention, at most 0.95):

| set | events | share right | AUC | Brier | ECE | Brier (old) | ECE (old) |
|---|---|---|---|---|---|---|---|
{rows}

`shared/tools/calibration.py` on the out-of-fold events.jsonl:

{cal}

Event P / R / F1 (out of fold) keeping every event, dropping those under the threshold chosen inside
each fold (nested), and dropping those under the candidate threshold chosen on all out-of-fold
probabilities ({cv['threshold_candidate']}; the best pooled train+train2 F1 among thresholds that raise both):

| set | all events | filtered (nested CV) | filtered (candidate threshold) |
|---|---|---|---|
{f1}

## Licence and provenance

MIT, like the project. The training articles are third-party news excerpts; neither they nor the gold
annotations of `shared/eval` are shipped: the artifact holds feature names (trigger words only as hash
buckets), coefficients, the intercept, the calibration, the threshold and the summary figures above,
nothing else.

## Reproduce

```bash
. .venv/bin/activate   # scikit-learn is needed for training only
python -m pipeline.train_confidence            # expects ../shared/eval/{{dev,train,train2}}; --shared DIR otherwise
python ../shared/tools/calibration.py ../shared/eval/train/gold.jsonl /tmp/vnevents-confidence-oof/train.events.jsonl
```

The command reruns the pipeline on the three sets (with the filter off), writes the out-of-fold
predictions to `--oof-dir` (default: the system's temporary folder; they quote the training articles, so
keep them out of the repository), rewrites
`models/event_confidence.json`, its sha256 in `models/manifest.json` and this card. Retrain whenever the
rules change: the features describe the rules' output.
"""  # noqa: E501 - the model card's markdown, whose lines are written as they appear


if __name__ == "__main__":
    sys.exit(main())
