"""Person and location recognition on a public Vietnamese NER sample: underthesea's CRF NER vs our path.

Our Vietnamese path finds people with titles, honorifics, the people gazetteer
and name shape (``pipeline.stages.actors``), and places with the country and
place gazetteers; underthesea's NER is consulted only as an extra signal. This
script scores both on ``shared/datasets/phonlp_sample_ner`` (100 sentences,
BIO tags, words joined by "_") with entity-level micro P/R/F1 per label
(exact span match), and times them.

    python benchmarks/vi_ner_accuracy.py [../shared/datasets/phonlp_sample_ner/ner_test.txt]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from pipeline.stages.actors import ActorFinder

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "phonlp_sample_ner" / "ner_test.txt"


def read_conll(path: Path) -> list[tuple[str, set[tuple[int, int, str]]]]:
    """Sentences as text (words joined by spaces, '_' inside words -> space) with gold spans."""
    out, words, tags = [], [], []
    for line in list(path.read_text(encoding="utf-8").splitlines()) + [""]:
        if line.strip():
            w, t = line.split("\t")
            words.append(w.replace("_", " "))
            tags.append(t)
            continue
        if words:
            text, spans, cur = "", set(), None
            for w, t in zip(words, tags):
                start = len(text) + (1 if text else 0)
                text = f"{text} {w}" if text else w
                if t.startswith("B-") or (t.startswith("I-") and (cur is None or cur[2] != t[2:])):
                    if cur:
                        spans.add(cur)
                    cur = (start, len(text), t[2:])
                elif t.startswith("I-"):
                    cur = (cur[0], len(text), cur[2])
                else:
                    if cur:
                        spans.add(cur)
                    cur = None
            if cur:
                spans.add(cur)
            out.append((text, spans))
            words, tags = [], []
    return out


def prf(gold: set, pred: set) -> tuple[float, float, float]:
    """Precision, recall and F1 of predicted spans against gold spans."""
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def underthesea_spans(text: str) -> set[tuple[int, int, str]]:
    """The person and location spans underthesea's CRF NER finds, as the comparison's baseline."""
    from pipeline.doc import Sentence
    from pipeline.lang.vi.underthesea_backend import UndertheseaBackend

    backend = underthesea_spans.backend = getattr(underthesea_spans, "backend", None) or UndertheseaBackend()
    ents = backend.entities(text, Sentence(0, len(text), text))
    return {(e.start, e.end, {"PERSON": "PER"}.get(e.label, e.label)) for e in ents}


def our_spans(text: str, finder: ActorFinder) -> set[tuple[int, int, str]]:
    """The person and location spans the pipeline's own Vietnamese path finds."""
    actors = finder.find(text)
    spans = {(m.start, m.end, "PER") for m in actors.mentions if m.kind in ("name", "short", "ner")}
    spans |= {(c.start, c.end, "LOC") for c in actors.countries if c.kind != "demonym"}
    spans |= {(p.start, p.end, "LOC") for p in actors.places}
    return spans


def gated_spans(text: str, finder: ActorFinder) -> set[tuple[int, int, str]]:
    """The pipeline's Vietnamese path: actors first; underthesea NER only when a capitalised
    name is left unexplained, its PER entities then feeding the actor finder."""
    from pipeline.doc import Sentence
    from pipeline.lang.vi.underthesea_backend import UndertheseaBackend

    sent = Sentence(0, len(text), text)
    actors = finder.find(text)
    gated_spans.calls = getattr(gated_spans, "calls", 0)
    if finder.unexplained_names(sent, actors, text):
        gated_spans.calls += 1
        backend = underthesea_spans.backend = getattr(underthesea_spans, "backend", None) or UndertheseaBackend()
        actors = finder.find(text, backend.entities(text, sent), {0})
    spans = {(m.start, m.end, "PER") for m in actors.mentions if m.kind in ("name", "short", "ner")}
    spans |= {(c.start, c.end, "LOC") for c in actors.countries if c.kind != "demonym"}
    spans |= {(p.start, p.end, "LOC") for p in actors.places}
    return spans


def main() -> None:
    """Score both paths on the CoNLL sample given (or the default one) and print the table."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    data = read_conll(path)
    finder = ActorFinder("vi")
    results = {}
    for name, fn in (("underthesea ner", underthesea_spans), ("actors, no NER", lambda t: our_spans(t, finder)),
                     ("actors+gated NER", lambda t: gated_spans(t, finder))):
        fn(data[0][0])  # warm up (model load)
        t0 = time.perf_counter()
        preds = [fn(text) for text, _ in data]
        secs = time.perf_counter() - t0
        results[name] = (preds, secs)
    print(f"{len(data)} sentences, {sum(len(g) for _, g in data)} gold entities ({path.name})")
    print(f"{'system':<18}{'label':<6}{'P':>7}{'R':>7}{'F1':>7}   sentences/s")
    for name, (preds, secs) in results.items():
        for label in ("PER", "LOC", "ORG"):
            gold = {(i, *s) for i, (_, g) in enumerate(data) for s in g if s[2] == label}
            pred = {(i, *s) for i, p in enumerate(preds) for s in p if s[2] == label}
            p, r, f = prf(gold, pred)
            print(f"{name:<18}{label:<6}{p:>7.3f}{r:>7.3f}{f:>7.3f}   {len(data) / secs:>8.0f}")
    print(f"gated NER was called on {getattr(gated_spans, 'calls', 0) - 1} of {len(data)} sentences "
          "(every sentence here is treated as an event sentence; in articles only event sentences are asked)")


if __name__ == "__main__":
    main()
