"""The learned event confidence (pipeline/stages/confidence.py, models/event_confidence.json).

Fast, and independent of ../shared: the shipped model and the bundled samples only.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import replace

import pytest

from pipeline.doc import Event, Participant
from pipeline.lexicon import DATA_DIR
from pipeline.readers import read_articles
from pipeline.stages import confidence as conf
from pipeline.stages.confidence import (
    ArticleInfo,
    ConfidenceModel,
    ModelError,
    event_features,
    load_model,
    score_article,
)

TEXT = (" date 2024-09-10 HANOI — Prime Minister Pham Minh Chinh held talks with Japanese Prime Minister "
        "Fumio Kishida in Hanoi on September 9.\n\nThe two leaders agreed to deepen cooperation. "
        "Chinh and Kishida also met the press after the talks.")


def _event(**kw) -> Event:
    start = TEXT.index("Prime Minister Pham")
    end = TEXT.index("September 9.") + len("September 9.")
    base = dict(doc_id="d1", lang="en", type="meeting", subtype="talks", status="occurred", trigger="held talks",
                evidence=TEXT[start:end], char_start=start, char_end=end, date_start="2024-09-09",
                date_end="2024-09-09", location_name="Hanoi", location_country="VNM", countries=["JPN", "VNM"],
                participants=[Participant("Phạm Minh Chính", "Pham Minh Chinh", "participant", "Prime Minister", "VNM"),
                              Participant("Fumio Kishida", "Fumio Kishida", "participant", "Prime Minister", "JPN")],
                trigger_start=TEXT.index("held talks"), published="2024-09-10")
    base.update(kw)
    return Event(**base)


# ------------------------------------------------------------------ the shipped artifact

def test_manifest_entry_and_checksum_of_shipped_model():
    manifest = json.loads(conf.MANIFEST_PATH.read_text(encoding="utf-8"))
    entry = next(m for m in manifest["models"] if m.get("file") == conf.MODEL_PATH.name)
    for key in ("name", "language", "version", "source", "licence", "sha256"):
        assert entry.get(key), key
    assert entry["language"] == "vi+en"
    assert entry["sha256"] == conf.sha256_of(conf.MODEL_PATH)
    model = load_model()
    assert model.weights
    assert model.threshold is None or 0 < model.threshold < 1


def test_artifact_is_plain_json_without_article_words():
    data = json.loads(conf.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["format"] == conf.FORMAT
    assert len(data["features"]) == len(data["coefficients"])
    # triggers are hashed: no word taken from an article is stored
    assert not any(name.startswith("trigger=") for name in data["features"])
    assert (conf.MODEL_DIR / "event_confidence.md").is_file()


def test_tampered_model_is_refused(tmp_path):
    shutil.copy(conf.MODEL_PATH, tmp_path / conf.MODEL_PATH.name)
    shutil.copy(conf.MANIFEST_PATH, tmp_path / conf.MANIFEST_PATH.name)
    path = tmp_path / conf.MODEL_PATH.name
    assert load_model(path).weights == load_model().weights  # an intact copy loads
    data = json.loads(path.read_text(encoding="utf-8"))
    data["intercept"] += 1.0
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    with pytest.raises(ModelError, match="does not match its checksum") as err:
        load_model(path)
    assert str(path) in str(err.value)


def test_missing_model_or_manifest_is_a_clear_error(tmp_path, monkeypatch):
    with pytest.raises(ModelError, match="missing") as err:
        load_model(tmp_path / "event_confidence.json")
    assert "event_confidence.json" in str(err.value)
    shutil.copy(conf.MODEL_PATH, tmp_path / conf.MODEL_PATH.name)
    with pytest.raises(ModelError, match="manifest"):
        load_model(tmp_path / conf.MODEL_PATH.name)
    # the pipeline refuses to start without its model
    from pipeline.runner import Pipeline

    monkeypatch.setattr(conf, "MODEL_PATH", tmp_path / "nowhere" / "event_confidence.json")
    with pytest.raises(ModelError, match="nowhere"):
        Pipeline()


# ------------------------------------------------------------------ features

def test_features_are_deterministic():
    e = _event()
    info = ArticleInfo.from_text(TEXT)
    first = event_features(e, info, [e])
    again = _event()
    assert first == event_features(again, ArticleInfo.from_text(TEXT), [again])
    assert json.dumps(first, sort_keys=True) == json.dumps(event_features(e, info, [e]), sort_keys=True)
    assert first["type=meeting"] == 1.0 and first["date=stated"] == 1.0 and first["lang=en"] == 1.0
    assert first["evidence_first_sentence"] == 1.0 and first["dateline_country_in_countries"] == 1.0
    assert all(isinstance(v, float) for v in first.values())
    # confidence is an output, never an input
    sure = replace(e, confidence=0.99)
    assert event_features(sure, info, [sure]) == first


def test_more_mentions_and_a_stated_date_score_higher():
    model = load_model()
    info = ArticleInfo.from_text(TEXT)
    strong = _event(mentions=3)
    weak = _event(mentions=1, date_inferred=True)
    fs, fw = event_features(strong, info, [strong]), event_features(weak, info, [weak])
    assert set(fs) ^ set(fw) <= {"mentions", "mentions>=2", "date=stated", "date=inferred",
                                 "meeting&date=stated", "meeting&date=inferred"}
    # the learned weights point this way (checked on the shipped model's coefficients)
    w = model.weights
    assert w.get("mentions>=2", 0) + w.get("mentions", 0) / 2 > 0
    assert w.get("date=stated", 0) + w.get("meeting&date=stated", 0) > \
        w.get("date=inferred", 0) + w.get("meeting&date=inferred", 0)
    assert model.probability(fs) > model.probability(fw)


# ------------------------------------------------------------------ scoring and the filter

def test_score_article_sets_probabilities_and_filters_only_with_a_threshold():
    events = [_event(), _event(participants=[], countries=["VNM"], mentions=1, date_start=None, date_end=None)]
    model = load_model()
    out = score_article(events, TEXT, replace(model, threshold=None))
    assert out is events and all(0.01 <= e.confidence <= 0.99 for e in out)
    assert events[0].confidence > events[1].confidence
    cut = (events[0].confidence + events[1].confidence) / 2
    kept = score_article([_event(), events[1]], TEXT, replace(model, threshold=cut))
    assert len(kept) == 1 and kept[0].participants
    assert len(score_article([_event(), events[1]], TEXT, replace(model, threshold=cut), drop=False)) == 2


def test_probability_is_clipped():
    assert ConfidenceModel({"x": 100.0}, 0.0).probability({"x": 1.0}) == 0.99
    assert ConfidenceModel({"x": -100.0}, 0.0).probability({"x": 1.0}) == 0.01
    assert ConfidenceModel({}, 0.0).probability({"unknown": 1.0}) == 0.5


def test_filter_switch(monkeypatch):
    monkeypatch.delenv(conf.FILTER_ENV, raising=False)
    assert conf.filter_enabled() is True
    for off in ("0", "false", "OFF", "no"):
        monkeypatch.setenv(conf.FILTER_ENV, off)
        assert conf.filter_enabled() is False
    monkeypatch.setenv(conf.FILTER_ENV, "1")
    assert conf.filter_enabled() is True and conf.filter_enabled(False) is False


def test_confidence_on_the_bundled_samples_is_calibrated_output(pipe):
    articles, failures = read_articles(DATA_DIR / "samples")
    assert articles and not failures
    results = list(pipe.run(articles))
    events = [e for r in results for e in r.events]
    assert events
    values = [e.confidence for e in events]
    assert all(0.0 <= v <= 1.0 for v in values)
    assert len({round(v, 3) for v in values}) > 4
    # the features of the pipeline's own events are reproducible from the event and the text alone
    texts = {a.id: a.text for a in articles}
    model = pipe.confidence_model
    if pipe.confidence_filter and model.threshold is not None:
        return  # dropped events were part of their article's context when the others were scored
    for r in results:
        for e, f in zip(r.events, conf.article_features(r.events, texts[r.doc_id])):
            assert model.probability(f) == pytest.approx(e.confidence)
