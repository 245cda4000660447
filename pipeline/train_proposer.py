"""Train the learned event proposer: ``python -m pipeline.train_proposer``.

Runs the pipeline once over the gold-annotated sets ``shared/eval/dev``, ``train``
and ``train2``, keeping each article's record as the ``propose`` stage sees it
(after ``frames``: sentences, actors, dates and the rule frames) and the rules'
final events. Everything after that works on this cache (``--cache``), so the
NLP never runs per fold: candidates come from
:func:`pipeline.stages.propose.candidates` (the code the stage runs), and the
end-to-end events of any choice of candidates come from the ``consolidate`` stage
run on a copy of the cached record.

Labels: a candidate is 1 when it can match (the scorer's rules: same type,
countries Jaccard >= 0.5, compatible dates) a gold event that the rules' final
events left unmatched (:func:`pipeline.evaluate.match_article`); candidates that
consolidation would merge into a rule frame are never proposed, so never counted.

Evaluation: 5-fold cross-validation grouped by article (the confidence model's
folds, :func:`pipeline.train_confidence.assign_folds`). In each outer fold the
regularisation strength and a threshold per event type are chosen on the training
part only (inner 5-fold CV; a type's threshold maximises the training part's
end-to-end event F1 with only that type proposed, or is 'none' when no threshold
beats the rules alone), the model is fitted on the training part and the test
fold's candidates above their type's threshold are added.
The out-of-fold end-to-end event P/R/F1 per set, language and type, with and
without the proposer, is the ablation the model card reports. The thresholds are
stored in the artifact only when that ablation gains at least ``MIN_F1_GAIN`` on
both train and train2 and loses at most ``MAX_DEV_LOSS`` on dev; otherwise the
artifact's thresholds are ``null`` and the stage adds nothing.

Writes ``models/event_proposer.json`` (feature names and coefficients, no article text),
its sha256 in ``models/manifest.json`` and the model card ``models/event_proposer.md``.
"""
from __future__ import annotations

import hashlib
import json
import pickle  # the training cache only (a temporary file); the shipped model is JSON
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from pipeline.atomic import write_text
from pipeline.doc import Document, Event
from pipeline.evaluate import load_jsonl, match_article, score
from pipeline.readers import read_articles
from pipeline.runner import Pipeline
from pipeline.stages.confidence import CLIP, FORMAT, MANIFEST_PATH, ConfidenceModel
from pipeline.stages.consolidate_stage import ConsolidateStage
from pipeline.stages.propose import PROPOSER_NAME, PROPOSER_PATH, TYPES, Thresholds, new_candidates, select
from pipeline.tables import event_record
from pipeline.train_confidence import (
    assign_folds,
    check_training_inputs,
    fit,
    log_loss,
    predict,
    trainer_parser,
    update_manifest,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
SETS = ("dev", "train", "train2")
FOLDS = 5
C_GRID = (0.03, 0.1, 0.3)
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(14))  # 0.30 .. 0.95
MIN_COUNT = 3            # a hash bucket (name with '#') would need this many candidates; none are used now
# the stage is enabled when its nested out-of-fold gain is positive on train and on train2 (at least this
# much on each) and dev does not lose more than MAX_DEV_LOSS: a small gain measured honestly is kept
MIN_F1_GAIN = 0.002
MAX_DEV_LOSS = 0.005
VERSION = "1"


# ------------------------------------------------------------------ data

@dataclass
class Article:
    """One cached article: its record after ``frames``, the rules' final events, its gold."""

    set: str
    doc_id: str
    lang: str
    blob: bytes                  # the pickled record as the propose stage got it
    rule_records: list[dict]     # the rules-only pipeline's events.jsonl rows
    gold: list[dict]
    cand_records: list[dict] = field(default_factory=list)
    cand_feats: list[dict[str, float]] = field(default_factory=list)
    cand_types: list[str] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)

    @property
    def group(self) -> str:
        """The fold key, as the confidence trainer's."""
        return f"{self.set}/{self.doc_id}"

    def record(self) -> Document:
        """A fresh copy of the cached record."""
        doc: Document = pickle.loads(self.blob)
        return doc


def collect(shared: Path, cache: Path | None) -> list[Article]:
    """Run the pipeline (proposer off) over the sets once, or read the cache it left."""
    stamp = fingerprint(shared)
    if cache is not None and cache.is_file():
        with open(cache, "rb") as source:
            held = pickle.load(source)
        found, cached = held if isinstance(held, tuple) and len(held) == 2 else (None, [])
        if found == stamp:
            print(f"reading the cached records {cache}", flush=True)
            return list(cached)
        print(f"{cache} was made by other code, data or gold: running the pipeline again", flush=True)
    captured: dict[str, bytes] = {}

    def capture(doc: Document) -> list[Event]:
        assert doc.article is not None
        captured[doc.article.id] = pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)
        return []

    pipe = Pipeline(confidence_filter=False, proposer=capture)
    out: list[Article] = []
    for name in SETS:
        folder = shared / "eval" / name
        gold = {str(d["doc_id"]): d for d in load_jsonl(folder / "gold.jsonl")}
        articles, _ = read_articles(folder / "docs.jsonl")
        captured.clear()
        for res in pipe.run(articles):
            if res.error or res.doc_id not in captured:
                print(f"  {name}: {res.doc_id} failed: {res.error}", file=sys.stderr)
                continue
            g = gold.get(res.doc_id, {"events": [], "lang": res.lang})
            out.append(Article(name, res.doc_id, str(res.lang), captured[res.doc_id],
                               [event_record(e) for e in res.events], g["events"]))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with open(cache, "wb") as sink:
            pickle.dump((stamp, out), sink, protocol=pickle.HIGHEST_PROTOCOL)
    return out


def fingerprint(shared: Path) -> str:
    """A digest of what the cached records depend on: the pipeline's code, its data and models, and
    the gold sets (a cache made before the rules changed is never reused)."""
    h = hashlib.sha256()
    files = [p for top in ("pipeline", "data", "models") for p in sorted((ROOT / top).rglob("*"))
             if p.is_file() and p.suffix != ".pyc" and p.name not in (PROPOSER_PATH.name, f"{PROPOSER_NAME}.md",
                                                                        MANIFEST_PATH.name)]
    files += [shared / "eval" / s / f for s in SETS for f in ("docs.jsonl", "gold.jsonl")]
    for p in files:
        h.update(str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p.name).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def label(articles: list[Article]) -> None:
    """Candidates, features and labels of every article (from its cached record)."""
    for a in articles:
        cands = new_candidates(a.record())
        taken = {gi for gi, _ in match_article(a.gold, a.rule_records)}
        left = [g for gi, g in enumerate(a.gold) if gi not in taken]
        a.cand_records = [event_record(c.event) for c in cands]
        a.cand_feats = [c.features for c in cands]
        a.cand_types = [c.event.type for c in cands]
        a.labels = [int(bool(match_article(left, [r]))) for r in a.cand_records]


# ------------------------------------------------------------------ end to end

class EndToEnd:
    """The articles' final events for a choice of candidates, consolidation run on a fresh copy of
    each record; articles with no candidate chosen keep the rules' own events."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self.stage = ConsolidateStage()
        self._cache: dict[tuple[int, tuple[int, ...]], list[dict]] = {}

    def records(self, i: int, chosen: tuple[int, ...]) -> list[dict]:
        """Article ``i``'s events.jsonl rows with its candidates ``chosen`` added."""
        a = self.articles[i]
        if not chosen:
            return a.rule_records
        key = (i, chosen)
        if key not in self._cache:
            doc = a.record()
            assert doc.events is not None
            extra = [c.event for j, c in enumerate(new_candidates(doc)) if j in chosen]
            doc.events = list(doc.events) + extra
            doc = self.stage(doc)
            assert doc.events is not None
            self._cache[key] = [event_record(e) for e in doc.events]
        return self._cache[key]

    def prf(self, idx: list[int], chosen: dict[int, tuple[int, ...]], key: str = "all") -> dict:
        """Event P/R/F1 (``key``: all, lang=.., type=..) over articles ``idx``."""
        golds = [{"doc_id": self.articles[i].doc_id, "lang": self.articles[i].lang, "events": self.articles[i].gold}
                 for i in idx]
        preds = [dict(r, doc_id=self.articles[i].doc_id) for i in idx for r in self.records(i, chosen.get(i, ()))]
        rep = score(golds, preds)
        got = rep.get(key, {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0})
        return {k: got[k] for k in ("precision", "recall", "f1", "tp", "fp", "fn")}


def chosen_at(articles: list[Article], idx: list[int], probs: dict[int, np.ndarray],
              thresholds: Thresholds) -> dict[int, tuple[int, ...]]:
    """For each article, the candidates the stage would add with these thresholds."""
    if all(v is None for v in thresholds.values()):
        return {}
    out = {}
    for i in idx:
        if i in probs and len(probs[i]):
            events = [_as_event(r) for r in articles[i].cand_records]
            out[i] = tuple(select(events, [float(p) for p in probs[i]], thresholds))
    return out


def best_thresholds(e2e: EndToEnd, idx: list[int], probs: dict[int, np.ndarray]) -> dict[str, float | None]:
    """Per type, the threshold with the best pooled event F1 over articles ``idx`` when only that
    type's candidates are added, among those that keep every set's F1 as the acceptance rule asks
    (dev may fall by ``MAX_DEV_LOSS``, train and train2 not at all); None when none beats the rules."""
    by_set = {s: [i for i in idx if e2e.articles[i].set == s] for s in SETS}
    base = e2e.prf(idx, {})["f1"]
    floor = {s: e2e.prf(ii, {})["f1"] - (MAX_DEV_LOSS if s == "dev" else 0.0) for s, ii in by_set.items() if ii}
    out: dict[str, float | None] = {}
    for type_ in TYPES:
        best_t, best = None, base
        for t in THRESHOLDS:
            chosen = chosen_at(e2e.articles, idx, probs, {type_: t})
            f1 = e2e.prf(idx, chosen)["f1"]
            if f1 > best + 1e-9 and all(e2e.prf(by_set[s], chosen)["f1"] >= floor[s] - 1e-9 for s in floor):
                best_t, best = t, f1
        out[type_] = best_t
    return out


def _as_event(r: dict) -> Event:
    """What :func:`pipeline.stages.propose.select` reads of a candidate, from its record."""
    return Event(doc_id="", lang="", type=r["type"], subtype=None, status="", trigger="", evidence="", char_start=0,
                 char_end=0, date_start=r.get("date_start"), date_end=r.get("date_end"), countries=r["countries"])


# ------------------------------------------------------------------ model

def _rows(articles: list[Article], idx) -> tuple[list[dict[str, float]], np.ndarray, list[tuple[int, int]]]:
    feats, y, where = [], [], []
    for i in idx:
        a = articles[i]
        feats += a.cand_feats
        y += a.labels
        where += [(i, j) for j in range(len(a.labels))]
    return feats, np.array(y, dtype=float), where


def fit_model(feats: list[dict[str, float]], y: np.ndarray, C: float) -> ConfidenceModel:
    """The logistic regression (the confidence trainer's :func:`fit`, on a sparse matrix)."""
    return fit(feats, y, C, min_count=MIN_COUNT, counted="#", sparse=True)


def oof_probs(articles: list[Article], idx: list[int], C: float, salt: str) -> dict[int, np.ndarray]:
    """Out-of-fold probabilities of the candidates of articles ``idx`` (folds by article)."""
    folds = assign_folds([articles[i].group for i in idx], salt=salt)
    out: dict[int, np.ndarray] = {}
    for k in range(FOLDS):
        tr = [i for i, f in zip(idx, folds) if f != k]
        te = [i for i, f in zip(idx, folds) if f == k]
        feats, y, _ = _rows(articles, tr)
        model = fit_model(feats, y, C)
        for i in te:
            out[i] = predict(model, articles[i].cand_feats) if articles[i].cand_feats else np.zeros(0)
    return out


def choose(articles: list[Article], e2e: EndToEnd, idx: list[int], salt: str) -> tuple[float, dict[str, float | None]]:
    """C (by inner out-of-fold log loss) and the thresholds (by inner out-of-fold end-to-end F1) on ``idx``."""
    losses, probs = {}, {}
    _, y, where = _rows(articles, idx)
    for C in C_GRID:
        probs[C] = oof_probs(articles, idx, C, salt)
        p = np.concatenate([probs[C][i] for i in idx if len(articles[i].labels)])
        losses[C] = log_loss(p, y)
    C = min(C_GRID, key=lambda c: (round(losses[c], 6), c))
    return C, best_thresholds(e2e, idx, probs[C])


# ------------------------------------------------------------------ the run

def main(argv: list[str] | None = None) -> int:
    """Cache, label, cross-validate (nested) and, unless ``--dry-run``, write the model, manifest and card."""
    ap = trainer_parser("pipeline.train_proposer", __doc__)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "vnevents-proposer-cache.pkl",
                    help="the pipeline's per-article records (read when present, else written; they hold the "
                         "training articles: keep them out of the repository); delete it after changing the rules")
    args = ap.parse_args(argv)
    t0 = time.time()
    check_training_inputs(ap, args.shared)

    articles = collect(args.shared, args.cache)
    label(articles)
    n_cand = sum(len(a.labels) for a in articles)
    n_pos = sum(sum(a.labels) for a in articles)
    print(f"{len(articles)} articles, {n_cand} candidates, {n_pos} positive  [{time.time() - t0:.0f}s]", flush=True)
    e2e = EndToEnd(articles)
    everything = list(range(len(articles)))
    folds = assign_folds([a.group for a in articles])

    oof: dict[int, np.ndarray] = {}
    chosen: dict[int, tuple[int, ...]] = {}
    per_fold: list[tuple[float, dict[str, float | None]]] = []
    for k in range(FOLDS):
        tr = [i for i in everything if folds[i] != k]
        te = [i for i in everything if folds[i] == k]
        C, t = choose(articles, e2e, tr, salt=f"/proposer-inner{k}")
        feats, y, _ = _rows(articles, tr)
        model = fit_model(feats, y, C)
        for i in te:
            oof[i] = predict(model, articles[i].cand_feats) if articles[i].cand_feats else np.zeros(0)
        chosen.update(chosen_at(articles, te, oof, t))
        per_fold.append((C, t))
        print(f"  fold {k}: {len(te)} articles, C={C}, threshold={t}  [{time.time() - t0:.0f}s]", flush=True)

    ablation = ablation_table(articles, e2e, chosen)
    for key, row in ablation.items():
        off, on = row["off"], row["on"]
        print(f"  {key:<22} off P {off['precision']:.3f} R {off['recall']:.3f} F1 {off['f1']:.3f}   "
              f"on P {on['precision']:.3f} R {on['recall']:.3f} F1 {on['f1']:.3f}   ({on['f1'] - off['f1']:+.4f})")
    gain = {s: ablation[s]["on"]["f1"] - ablation[s]["off"]["f1"] for s in SETS}
    enabled = gain["train"] >= MIN_F1_GAIN and gain["train2"] >= MIN_F1_GAIN and gain["dev"] >= -MAX_DEV_LOSS

    # the final model: C and the thresholds chosen the same way on everything
    C_final, t_final = choose(articles, e2e, everything, salt="/proposer-final")
    thresholds = t_final if enabled else {t: None for t in TYPES}
    print(f"\nfinal: C={C_final}; thresholds chosen on all out-of-fold probabilities: {t_final}; out-of-fold gain "
          f"{', '.join(f'{s} {g:+.4f}' for s, g in gain.items())} -> enabled: {enabled}, stored thresholds: "
          f"{thresholds}", flush=True)
    if args.dry_run:
        print(f"dry run: nothing written [{time.time() - t0:.0f}s]")
        return 0
    feats, y, _ = _rows(articles, everything)
    model = fit_model(feats, y, C_final)
    names = sorted(model.weights)
    artifact = {
        "format": FORMAT,
        "name": PROPOSER_NAME,
        "version": VERSION,
        "description": "P(candidate is a real event the rules missed) from features in pipeline/stages/propose.py; "
                       "p = sigmoid(intercept + sum coef_i * x_i), clipped to [0.01, 0.99]; candidates at or "
                       "above their type's entry in 'thresholds' are added (null: none of that type is)",
        "features": names,
        "coefficients": [model.weights[k] for k in names],
        "intercept": model.intercept,
        "calibration": {"a": 1.0, "b": 0.0},
        "clip": list(CLIP),
        "threshold": None,  # the confidence format's single threshold: unused, see "thresholds"
        "thresholds": thresholds,
        "training": {
            "sets": list(SETS),
            "articles": {s: sum(a.set == s for a in articles) for s in SETS},
            "candidates": {s: sum(len(a.labels) for a in articles if a.set == s) for s in SETS},
            "positive": {s: sum(sum(a.labels) for a in articles if a.set == s) for s in SETS},
            "candidates_by_type": {t: sum(a.cand_types.count(t) for a in articles) for t in TYPES},
            "regularisation_C": C_final,
            "min_count": MIN_COUNT,
            "folds": FOLDS,
        },
        "cv": {"ablation": ablation, "gain": {s: round(g, 4) for s, g in gain.items()}, "per_fold_choice": per_fold,
               "thresholds_candidate": t_final, "enabled": enabled},
    }
    args.out.mkdir(parents=True, exist_ok=True)
    model_path = args.out / PROPOSER_PATH.name
    write_text(model_path, json.dumps(artifact, indent=0, ensure_ascii=False) + "\n")
    entry = update_manifest(args.out / MANIFEST_PATH.name, model_path, PROPOSER_NAME, VERSION,
                            "pipeline.train_proposer")
    write_text(args.out / f"{PROPOSER_NAME}.md", model_card(artifact))
    print(f"wrote {model_path} (sha256 {entry['sha256'][:12]}…), the manifest and {PROPOSER_NAME}.md "
          f"[{time.time() - t0:.0f}s]")
    return 0


def ablation_table(articles: list[Article], e2e: EndToEnd, chosen: dict[int, tuple[int, ...]]) -> dict[str, dict]:
    """Out-of-fold end-to-end event P/R/F1 without (off) and with (on) the proposer: per set, and
    per set and language or type."""
    rows: dict[str, dict] = {}
    by: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        by[a.set].append(i)
    for s in SETS:
        rows[s] = {"off": e2e.prf(by[s], {}), "on": e2e.prf(by[s], chosen)}
    for s in SETS:
        for key in ("lang=vi", "lang=en", *(f"type={t}" for t in ("visit", "meeting", "agreement"))):
            rows[f"{s} {key}"] = {"off": e2e.prf(by[s], {}, key), "on": e2e.prf(by[s], chosen, key)}
    return rows


def model_card(a: dict) -> str:
    """The model card's markdown, from the training record."""
    tr, cv = a["training"], a["cv"]

    def cell(r: dict) -> str:
        return f"{r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f}"

    table = "\n".join(f"| {k} | {cell(r['off'])} | {cell(r['on'])} | {r['on']['f1'] - r['off']['f1']:+.4f} |"
                      for k, r in cv["ablation"].items())
    top = sorted(zip(a["features"], a["coefficients"]), key=lambda x: -abs(x[1]))
    named = [f"`{k}` {v:+.2f}" for k, v in top if "#" not in k][:14]
    status = (f"**enabled**: thresholds {a['thresholds']}; candidates at or above their type's are added before "
              "consolidation (a type with `null` is never proposed)"
              if cv["enabled"] else
              f"**disabled** (thresholds `null`: the stage adds nothing). Out of fold the proposer changed event "
              f"F1 by {', '.join(f'{s} {g:+.4f}' for s, g in cv['gain'].items())}; enabling it needs at least "
              f"+{MIN_F1_GAIN} on both train and train2 and at most -{MAX_DEV_LOSS} on dev. The thresholds the "
              f"same selection picks on all the data would be {cv['thresholds_candidate']}")
    return f"""# Model card: event proposer (`{a['name']}`, version {a['version']})

*Generated by `python -m pipeline.train_proposer`; do not edit by hand.*

**What it does.** Proposes events the frame rules missed. `pipeline/stages/propose.py` makes loose
candidates per sentence: every pair of actors (a person with the country they represent, or a state)
of two different countries is a meeting candidate, and every person with a state, place or person of
another country is a visit candidate (one per type, pair of countries and sentence; candidates that
consolidation would merge into a rule frame are left out). Each carries the rule frame's date of the
same sentence, else the sentence's own date, else the day the narrative is on; its place; the people of
the two countries named in the sentence. A logistic regression estimates P(the candidate is a real gold
event that the rules did not find). The `propose` stage (after `frames`, before `consolidate`) adds
the candidates at or above their type's threshold, marked `proposed`; it never removes or changes a rule frame.
Run time needs the standard library only (no pickle, no scikit-learn); the file's sha256 is checked
against `models/manifest.json` when it is loaded.

**Status.** {status}.

## Data

The pipeline's records of the project's gold-annotated sets `shared/eval/dev`, `train`, `train2`
({', '.join(f"{s} {n}" for s, n in tr['articles'].items())} articles), cached once after `frames`.
Candidates: {', '.join(f"{s} {n}" for s, n in tr['candidates'].items())} ({', '.join(f"{t} {n}" for t, n in
tr['candidates_by_type'].items())}); positive: {', '.join(f"{s} {n}" for s, n in tr['positive'].items())}. A candidate
is positive when it can match, by the scorer's rules (type, countries Jaccard >= 0.5, compatible dates),
a gold event left unmatched by the rules' final events. Vietnamese and English.

## Features

All conjoined with the candidate's type: language; the kinds of the two actors (person, state, place)
and their order; titles; named people; the gap between them; Vietnam or the dateline's country among
the pair; whether a rule frame of the type is in the sentence, covers the pair there, covers the pair
anywhere in the article (and on a compatible date), or a rule frame of another type has the pair; the
rule triggers of the sentence (type and subtype, one between the actors); sentences of the article
with an event word of the type but no rule frame of it (this one, a neighbour, how many); how many
sentences name the pair, whether it is the article's most named pair, the first sentence for it; what
the rules found for the pair (events of the type, of another type, on a compatible date); where the
date comes from, its precision, whether it differs from the covering rule event's; the status; the
sentence's position, countries and people. No word features: hashed words and word pairs of the
sentence, between the actors and around them were tried and lowered the out-of-fold AUC (0.763
against 0.788 without them). Largest weights: {', '.join(named)}.

## Cross-validated end-to-end scores (the ablation)

5-fold cross-validation grouped by article (the confidence model's folds), nested: in each outer fold
C (from {list(C_GRID)}, by inner out-of-fold log loss; final C = {tr['regularisation_C']}) and the thresholds
per type (from {THRESHOLDS[0]} to {THRESHOLDS[-1]}, by the inner out-of-fold end-to-end event F1 of the training
part with only that type proposed, or none) are chosen on the training part only (per fold: {cv['per_fold_choice']}). Event P / R / F1 of the
pipeline's final events (after consolidation) with the proposer off and on, out of fold:

| slice | off (rules) | on (rules + proposer) | F1 change |
|---|---|---|---|
{table}

Caveats: the folds are honest for C and the thresholds, but the features were designed while looking
at out-of-fold results on these same sets, so the gains are if anything optimistic. Labels are loose
by construction: any sentence naming a missed event's pair on a compatible date is positive, so the
model learns mostly article-level signals (event words the rules did not frame, how often the pair is
named, what the rules found for it) rather than a sentence's own wording.

## Licence and provenance

MIT, like the project. The training articles are third-party news excerpts; neither they nor the gold
annotations are shipped: the artifact holds feature names (no article words), coefficients, the
intercept, the thresholds and the summary figures above.

## Reproduce

```bash
. .venv/bin/activate   # scikit-learn is needed for training only
python -m pipeline.train_proposer          # expects ../shared/eval/{{dev,train,train2}}; --shared DIR otherwise
```

It runs the pipeline once (the records are cached in the system's temporary folder, `--cache`; delete
the cache after changing the rules), then rewrites `models/event_proposer.json`, its sha256 in
`models/manifest.json` and this card. Retrain whenever the rules change: the labels and the
rule-coverage features describe the rules' output.
"""  # noqa: E501 - the model card's markdown


if __name__ == "__main__":
    sys.exit(main())
