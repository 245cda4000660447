"""End to end over the dev set: the pipeline's events scored by the reference scorer.

The floors sit a little below the scores measured when they were set (see the
README's accuracy section), so a regression fails the suite while ordinary
noise does not.
"""
from __future__ import annotations

import importlib.util
import json

import pytest

import pipeline
from pipeline.evaluate import load_jsonl, score
from pipeline.readers import read_articles
from pipeline.writers import write_tables

# dev measured 0.976 (en 0.968, vi 0.990, participants 0.951, exact date 0.979) when these floors were set
FLOORS = {"all": 0.95, "lang=en": 0.94, "lang=vi": 0.95, "participants": 0.93, "date_exact": 0.95,
          "clusters": 0.90}
# eval/train was not used to write the rules before issue 10 (0.663 then); measured 0.921 (en 0.913, vi 0.930,
# participants 0.913, exact date 0.899, location country 0.897) when these floors were set
TRAIN_FLOORS = {"all": 0.90, "lang=en": 0.89, "lang=vi": 0.91, "participants": 0.89}
TRAIN_ATTRIBUTE_FLOORS = {"date_exact": 0.88, "location_country": 0.88}


def _reference_scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("score_events", shared_dir / "tools" / "score_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dev_run(shared_dir, pipe, tmp_path_factory):
    articles, failures = read_articles(shared_dir / "eval" / "dev" / "docs.jsonl")
    assert not failures
    result = pipeline.extract(articles, pipeline=pipe)
    out = tmp_path_factory.mktemp("dev")
    write_tables(result.tables(), out, ["jsonl", "csv", "parquet"])
    return articles, result, out


def test_dev_set_scores_stay_above_the_floors(dev_run, shared_dir):
    _, _, out = dev_run
    ref = _reference_scorer(shared_dir)
    report = ref.score(ref.load_jsonl(shared_dir / "eval" / "dev" / "gold.jsonl"),
                       ref.load_jsonl(out / "events.jsonl"), verbose=False)
    assert report["all"]["f1"] >= FLOORS["all"]
    assert report["lang=en"]["f1"] >= FLOORS["lang=en"]
    assert report["lang=vi"]["f1"] >= FLOORS["lang=vi"]
    assert report["participants"]["f1"] >= FLOORS["participants"]
    assert report["attributes"]["date_exact"]["accuracy"] >= FLOORS["date_exact"]
    assert report["clusters"]["f1"] >= FLOORS["clusters"]


def test_train_set_scores_stay_above_the_floors(shared_dir, pipe):
    """Articles of the same kind as the hidden sets: the generalisation work must not slip back."""
    articles, failures = read_articles(shared_dir / "eval" / "train" / "docs.jsonl")
    assert not failures
    events = pipeline.extract(articles, pipeline=pipe).events.to_dict("records")
    report = score(load_jsonl(shared_dir / "eval" / "train" / "gold.jsonl"), events)
    for key, floor in TRAIN_FLOORS.items():
        assert report[key]["f1"] >= floor, (key, report[key])
    for key, floor in TRAIN_ATTRIBUTE_FLOORS.items():  # when and where (issue 11)
        assert report["attributes"][key]["accuracy"] >= floor, (key, report["attributes"][key])


def test_own_evaluator_agrees_with_the_reference_scorer(dev_run, shared_dir):
    _, _, out = dev_run
    ref = _reference_scorer(shared_dir)
    gold = load_jsonl(shared_dir / "eval" / "dev" / "gold.jsonl")
    preds = load_jsonl(out / "events.jsonl")
    ours, theirs = score(gold, preds), ref.score(gold, preds, verbose=False)
    assert json.dumps(ours, sort_keys=True) == json.dumps(theirs, sort_keys=True)


def test_evidence_is_the_text_at_its_offsets(dev_run):
    articles, result, _ = dev_run
    texts = {a.id: a.text for a in articles}
    for row in result.events.itertuples():
        assert texts[row.doc_id][row.char_start:row.char_end] == row.evidence
        assert row.trigger.strip() and row.trigger.strip() in row.evidence


def test_every_event_follows_the_schema_vocabularies(dev_run):
    from pipeline.schema import ROLES, STATUSES, SUBTYPES

    _, result, _ = dev_run
    for e in result.events.to_dict("records"):
        assert e["subtype"] in SUBTYPES[e["type"]]
        assert e["status"] in STATUSES
        assert e["countries"] == sorted(set(e["countries"]))
        assert all(len(c) == 3 and c.isupper() for c in e["countries"])
        assert all(p["role"] in ROLES for p in e["participants"])
        if e["date_start"]:
            assert e["date_end"] and e["date_end"] >= e["date_start"]


def test_event_ids_are_unique_and_stable(dev_run, pipe):
    articles, result, _ = dev_run
    assert result.events.event_id.is_unique
    again = pipeline.extract(articles[:5], pipeline=pipe)
    first = result.events[result.events.doc_id.isin({a.id for a in articles[:5]})]
    assert list(again.events.event_id) == list(first.event_id)


def test_articles_with_no_diplomatic_event_yield_none(dev_run, shared_dir):
    """Sports, storm and trade-statistics articles in the dev set carry no event in gold."""
    gold = {g["doc_id"]: g for g in load_jsonl(shared_dir / "eval" / "dev" / "gold.jsonl")}
    _, result, _ = dev_run
    empty = [d for d, g in gold.items() if not g["events"]]
    assert empty
    predicted = set(result.events.doc_id)
    assert len([d for d in empty if d in predicted]) <= 1
