"""Score predicted events against gold annotations (spec section 5), as a feature for analysts.

Gold files follow ``shared/eval/dev/gold.jsonl``: one line per article with
``doc_id``, ``lang`` and ``events``. Predictions are the pipeline's
``events.jsonl``. Within an article a predicted event may match a gold event
of the same type whose country sets overlap with Jaccard >= 0.5 and whose
dates are compatible; matching is one-to-one, best participant overlap first.
The numbers agree with the reference scorer in ``shared/tools``.
"""
from __future__ import annotations

import itertools
import json
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

from pipeline.stages.consolidate import date_span


def fold_name(name: Any) -> str:
    """Case- and diacritic-insensitive form of a name (đ and its look-alike ð fold to d)."""
    if not name:
        return ""
    s = str(name).translate(str.maketrans("đĐðÐ", "dddd"))
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return " ".join(s.lower().replace("-", " ").split())


def _span(e: dict) -> tuple | None:
    start = date_span(e.get("date_start"))
    if start is None:
        return None
    end = date_span(e.get("date_end")) or start
    return start[0], max(start[1], end[1])


def _compatible_dates(g: dict, p: dict) -> bool:
    a, b = _span(g), _span(p)
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def _jaccard(a: Iterable | None, b: Iterable | None) -> float:
    x, y = set(a or []), set(b or [])
    return 1.0 if not x and not y else len(x & y) / len(x | y)


def _gold_people(g: dict) -> list[set[str]]:
    return [{fold_name(p["name"])} | {fold_name(a) for a in p.get("aliases", [])} for p in g.get("participants", [])]


def _pred_people(p: dict) -> list[str]:
    names = [fold_name(x.get("name") if isinstance(x, dict) else x) for x in p.get("participants") or []]
    return list(dict.fromkeys(n for n in names if n))


def participant_counts(g: dict, p: dict) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of participant names for one pair."""
    gold, pred, used, tp = _gold_people(g), _pred_people(p), set(), 0
    for name in pred:
        for i, aliases in enumerate(gold):
            if i not in used and name in aliases:
                used.add(i)
                tp += 1
                break
    return tp, len(pred) - tp, len(gold) - tp


def match_article(golds: list[dict], preds: list[dict]) -> list[tuple[int, int]]:
    """One-to-one matching of compatible (gold, predicted) pairs, best overlap first."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if g["type"] != p.get("type"):
                continue
            jac = _jaccard(g.get("countries"), p.get("countries"))
            if jac < 0.5 or not _compatible_dates(g, p):
                continue
            tp, fp, fn = participant_counts(g, p)
            score = tp / max(1, tp + fp + fn) + jac / 10 + (g.get("subtype") == p.get("subtype")) / 20
            candidates.append((score, -gi, -pi, gi, pi))
    candidates.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for *_, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score(gold_docs: list[dict], predictions: list[dict], errors: list[str] | None = None) -> dict[str, Any]:
    """The full report: event P/R/F1 overall, by language and by type; participant F1; attribute
    accuracies over matched pairs; pairwise cluster P/R/F1 across articles."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for p in predictions:
        by_doc[str(p.get("doc_id"))].append(p)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    people = [0, 0, 0]
    attrs: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    matched: list[tuple[str, dict, dict]] = []
    for doc in gold_docs:
        doc_id, lang = str(doc["doc_id"]), doc.get("lang", "?")
        golds, preds = doc["events"], by_doc.pop(doc_id, [])
        pairs = match_article(golds, preds)
        keys = ["all", f"lang={lang}"]
        for gi, pi in pairs:
            g, p = golds[gi], preds[pi]
            matched.append((doc_id, g, p))
            for k in keys + [f"type={g['type']}"]:
                counts[k][0] += 1
            for i, v in enumerate(participant_counts(g, p)):
                people[i] += v
            attrs["subtype"][0] += g.get("subtype") == p.get("subtype")
            attrs["subtype"][1] += 1
            attrs["status"][0] += g.get("status", "occurred") == p.get("status", "occurred")
            attrs["status"][1] += 1
            if g.get("date_start"):
                same = (g["date_start"] == p.get("date_start")
                        and (g.get("date_end") or g["date_start"]) == (p.get("date_end") or p.get("date_start")))
                attrs["date_exact"][0] += same
                attrs["date_exact"][1] += 1
            gold_country = (g.get("location") or {}).get("country")
            if gold_country:
                attrs["location_country"][0] += gold_country == (p.get("location") or {}).get("country")
                attrs["location_country"][1] += 1
        got_g, got_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        for gi, g in enumerate(golds):
            if gi not in got_g:
                for k in keys + [f"type={g['type']}"]:
                    counts[k][2] += 1
                if errors is not None:
                    errors.append(f"MISSED  {doc_id}: {g['type']} {g.get('countries')} "
                                  f"{[x['name'] for x in g['participants']]} {g.get('date_start')}")
        for pi, p in enumerate(preds):
            if pi not in got_p:
                for k in keys + [f"type={p.get('type')}"]:
                    counts[k][1] += 1
                if errors is not None:
                    errors.append(f"SPURIOUS {doc_id}: {p.get('type')} {p.get('countries')} {_pred_people(p)} "
                                  f"{p.get('date_start')} | {str(p.get('evidence', ''))[:90]}")
    ctp = cfp = cfn = 0
    for (d1, g1, p1), (d2, g2, p2) in itertools.combinations(matched, 2):
        if d1 == d2:
            continue
        gold_same = bool(g1.get("cluster")) and g1.get("cluster") == g2.get("cluster")
        pred_same = bool(p1.get("cluster_id")) and p1.get("cluster_id") == p2.get("cluster_id")
        ctp += gold_same and pred_same
        cfp += pred_same and not gold_same
        cfn += gold_same and not pred_same
    report: dict[str, Any] = {k: _prf(*v) for k, v in sorted(counts.items())}
    report["participants"] = _prf(*people)
    report["attributes"] = {k: {"accuracy": round(v[0] / v[1], 4) if v[1] else None, "n": v[1]}
                            for k, v in sorted(attrs.items())}
    report["clusters"] = _prf(ctp, cfp, cfn)
    report["predictions_for_unknown_docs"] = sorted(by_doc)
    return report


def format_report(report: dict[str, Any]) -> str:
    """Per-slice table (overall, per language, per type), then attribute accuracies."""
    lines = [f"{'slice':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
    for k, v in report.items():
        if isinstance(v, dict) and "f1" in v:
            lines.append(f"{k:<16}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}"
                         f"{v['tp']:>5}{v['fp']:>5}{v['fn']:>5}")
    for k, v in report["attributes"].items():
        acc = "n/a" if v["accuracy"] is None else f"{v['accuracy']:.3f}"
        lines.append(f"{k:<16} accuracy {acc} over {v['n']}")
    if report["predictions_for_unknown_docs"]:
        lines.append("predictions for documents not in gold: " + ", ".join(report["predictions_for_unknown_docs"][:10]))
    return "\n".join(lines)


def load_jsonl(path: str | Path) -> list[dict]:
    """The records of a JSONL file, blank lines skipped."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
