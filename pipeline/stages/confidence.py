"""A learned, calibrated confidence for each extracted event, and an optional precision filter.

Why: the rules emit every candidate frame with the same prior (0.6, plus 0.1
per merged mention), which says little about whether an event is right. Some
cheap facts about an event do: a talks event in the headline with two named
sides, a stated date and three repeated mentions is almost always right; a
single-mention "meeting" deep in the article, with one country, no date and a
generic "exchanges of delegations" in its sentence, usually is not. A logistic
regression over such features, trained against the gold sets with the scorer's
own matching, turns them into P(event is correct); that probability becomes
the event's ``confidence``.

Everything the model sees is computed here, by :func:`event_features`, from
the final event record and the article text only (plus the other events of
the same article). The same function runs in the pipeline
(:func:`score_article`, called by the ``confidence`` stage after consolidation)
and in training (``python -m pipeline.train_confidence``), so the features a
model was fitted on are by construction the features it gets at run time.

The model is a small JSON file (``models/event_confidence.json``: feature
names, coefficients, intercept, an optional Platt calibration and an optional
drop threshold), checked against the sha256 in ``models/manifest.json`` when it
is loaded. Scoring needs only the standard library: no pickle, no scikit-learn.
A missing or altered model file is an error that names the file.

Filtering: when the artifact carries a ``threshold`` (chosen by grouped
cross-validation, and only when it improved event F1 out of fold), events
whose probability is below it are dropped. Training must see every candidate,
so the filter can be switched off: ``Pipeline(confidence_filter=False)`` or the
environment variable ``VNEVENTS_CONFIDENCE_FILTER=0``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from pipeline import lexicon
from pipeline.doc import Event
from pipeline.stages.consolidate import date_span
from pipeline.stages.dateline import parse_dateline
from pipeline.stages.gazetteer import PlaceGazetteer

__all__ = ["MODEL_DIR", "MODEL_PATH", "MANIFEST_PATH", "FILTER_ENV", "ModelError", "ConfidenceModel",
           "ArticleInfo", "event_features", "article_features", "load_model", "score_article",
           "filter_enabled", "sha256_of", "CLIP"]

MODEL_DIR = Path(__file__).resolve().parents[2] / "models"
MODEL_NAME = "event_confidence"
MODEL_PATH = MODEL_DIR / f"{MODEL_NAME}.json"
MANIFEST_PATH = MODEL_DIR / "manifest.json"
FILTER_ENV = "VNEVENTS_CONFIDENCE_FILTER"
CLIP = (0.01, 0.99)
FORMAT = "vnevents-logreg-v1"


class ModelError(RuntimeError):
    """The confidence model is missing, altered or malformed."""


# ------------------------------------------------------------------ features

def _cue(*phrases: str) -> re.Pattern:
    alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.I)


# Words in the evidence sentence that say the event is only planned, did not happen, lies in
# the past, or is a general statement about relations rather than one event.
# (the words are in data/lexicons/confidence_cues.tsv, every language's tried on every article)
CUES: dict[str, re.Pattern] = {cue: _cue(*phrases) for cue, phrases in lexicon.confidence_cues().items()}
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class ArticleInfo:
    """What the features need from the article, derived from its text alone."""

    text: str
    body_start: int
    dateline_country: str | None

    @classmethod
    def from_text(cls, text: str) -> "ArticleInfo":
        """The article's dateline facts the features need, read once per article."""
        dateline = parse_dateline(text)
        country = PlaceGazetteer.load().country_of(dateline.place) if dateline.place else None
        return cls(text, dateline.body_start, country)


def _day(iso: str | None) -> dt.date | None:
    span = date_span(iso)
    return span[0] if span else None


TRIGGER_BUCKETS = 1024


def trigger_feature(trigger: str | None) -> str:
    """The trigger as a hashed feature name (``trigger#0123``): lowercased, whitespace squeezed,
    md5 into 1024 buckets. Hashed, so the shipped model holds no words taken from articles (a
    trigger can be a long span such as "hosted receptions in <place> on <day> for")."""
    key = " ".join((trigger or "").lower().split())
    return f"trigger#{int(hashlib.md5(key.encode('utf-8')).hexdigest(), 16) % TRIGGER_BUCKETS:04d}"


def event_features(e: Event, info: ArticleInfo,
                   siblings: Iterable[Event] | _SiblingCounts = ()) -> dict[str, float]:
    """Named feature values of one event (binary indicators and numbers scaled to about 0-1).

    ``siblings``: all events of the same article (``e`` included), for article-level context.
    Deterministic: the same event and text always give the same dict."""
    f: dict[str, float] = {}
    f[f"type={e.type}"] = 1.0
    f[f"subtype={e.type}:{e.subtype}"] = 1.0
    f["status=planned"] = float(e.status == "planned")
    f[f"lang={e.lang}"] = 1.0
    f[trigger_feature(e.trigger)] = 1.0
    f["proposed"] = float(e.proposed)  # added by the learned proposer, not by a frame rule

    parts = list(e.participants)
    with_country = [p for p in parts if p.country]
    f["participants"] = min(len(parts), 4) / 4
    f["participants=0"] = float(not parts)
    f["participants_with_country"] = min(len(with_country), 4) / 4
    f["participants_without_country"] = float(len(with_country) < len(parts))
    part_countries = {p.country for p in with_country}
    f["participant_countries>=2"] = float(len(part_countries) >= 2)
    f["participant_single_word"] = float(any(len(p.name.split()) == 1 for p in parts))
    roles = {p.role for p in parts}
    if e.type == "visit":
        f["visit_has_host"] = float("host" in roles)
        visitor_countries = {p.country for p in parts if p.role == "visitor" and p.country}
        f["visit_no_visitor"] = float("visitor" not in roles)
        f["visit_domestic"] = float(bool(e.location_country) and e.location_country in visitor_countries)

    n = len(e.countries)
    f[f"countries={min(n, 3)}"] = 1.0
    f["countries_not_from_participants"] = float(bool(set(e.countries) - part_countries))
    f["dateline_country_in_countries"] = float(bool(info.dateline_country) and info.dateline_country in e.countries)
    f["location_known"] = float(bool(e.location_country))
    f["location_in_countries"] = float(bool(e.location_country) and e.location_country in e.countries)
    f["has_title"] = float(bool(e.title))

    date_kind = "none" if not e.date_start else "inferred" if e.date_inferred else "stated"
    f[f"date={date_kind}"] = 1.0
    f[f"{e.type}&date={date_kind}"] = 1.0
    f[f"{e.type}&participants={min(len(parts), 2)}"] = 1.0
    f[f"{e.type}&countries={min(n, 2)}"] = 1.0
    if e.date_start:
        f[f"date_precision={ {4: 'year', 7: 'month'}.get(len(e.date_start), 'day') }"] = 1.0
        start, end = date_span(e.date_start), date_span(e.date_end or e.date_start)
        if start and end and len(e.date_start) == 10 and end[1] > start[0]:
            f["date_multiday"] = 1.0
        published = _day(e.published)
        if start and published:
            delta = (start[0] - published).days
            f["date_after_published"] = float(delta > 0)
            f["date_before_published_45d"] = float((published - (end or start)[1]).days > 45)  # no date arithmetic
            # that could leave the calendar (a published date of 0001-01-01 is a database's "no date")

    mentions = max(1, int(e.mentions or 1))
    f["mentions"] = min(mentions - 1, 4) / 4
    f["mentions>=2"] = float(mentions >= 2)

    text, body = info.text, info.body_start
    f["evidence_first_sentence"] = float(e.char_start < body or not _LETTER.search(text, body, e.char_start))
    f["evidence_first_paragraph"] = float(not _newline_inside(text, body, e.char_start))
    f["evidence_position"] = round(e.char_start / max(1, len(text)), 4)
    f["evidence_length"] = min(len(e.evidence or ""), 600) / 600
    evidence = e.evidence or ""
    f["trigger_offset"] = round(min(1.0, max(0, e.trigger_start - e.char_start) / max(1, len(evidence))), 4)
    for name, pattern in CUES.items():
        f[f"cue={name}"] = float(bool(pattern.search(evidence)))

    counts = siblings if isinstance(siblings, _SiblingCounts) else _SiblingCounts(list(siblings) or [e])
    f["article_events"] = min(counts.n, 10) / 10
    f["article_same_type"] = min(counts.by_type[e.type], 6) / 6
    f["same_sentence_events"] = float(counts.by_sentence[e.char_start] > 1)
    f["same_trigger_events"] = float(counts.by_trigger[e.trigger_start] > 1)
    f["similar_event_in_article"] = float(any(counts.by_type_country[(e.type, c)] > (c in counts.own(e))
                                              for c in set(e.countries)))
    return {k: v for k, v in f.items() if v}


def _newline_inside(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end].strip()`` holds a line break, without copying the slice."""
    if end <= start:
        return False
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text.find("\n", start, end) != -1


class _SiblingCounts:
    """The article-level counts the features need, counted once per article (not once per
    event: a long page with thousands of events stays linear)."""

    def __init__(self, siblings: list[Event]) -> None:
        self.n = len(siblings)
        self.by_type = Counter(s.type for s in siblings)
        self.by_sentence = Counter(s.char_start for s in siblings)
        self.by_trigger = Counter(s.trigger_start for s in siblings)
        self.by_type_country = Counter((s.type, c) for s in siblings for c in set(s.countries))
        self._members = {id(s) for s in siblings}

    def own(self, e: Event) -> set[str]:
        """The countries ``e`` itself adds to the counts (none when it is not a sibling)."""
        return set(e.countries) if id(e) in self._members else set()


def article_features(events: list[Event], text: str) -> list[dict[str, float]]:
    """Features of every event of one article (the events as the pipeline returns them)."""
    info = ArticleInfo.from_text(text)
    counts = _SiblingCounts(events or [])
    return [event_features(e, info, counts) for e in events]  # (counts of a non-empty list)


# ------------------------------------------------------------------ the model

def sha256_of(path: Path) -> str:
    """The file's SHA-256, to check a model file against its manifest."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic regression over named features, with optional Platt calibration and threshold."""

    weights: Mapping[str, float]
    intercept: float
    calibration: tuple[float, float] = (1.0, 0.0)  # p = sigmoid(a * logit + b)
    threshold: float | None = None
    version: str = ""
    path: Path | None = None

    @classmethod
    def from_dict(cls, data: dict, path: Path | None = None) -> "ConfidenceModel":
        """A model from its JSON form; a file of another format or with missing fields is refused."""
        where = path or "model"
        try:
            if data.get("format") != FORMAT:
                raise ValueError(f"format {data.get('format')!r}, expected {FORMAT!r}")
            names, coef = data["features"], data["coefficients"]
            if len(names) != len(coef) or len(set(names)) != len(names):
                raise ValueError("features and coefficients do not line up")
            weights = {str(k): float(v) for k, v in zip(names, coef)}
            cal = data.get("calibration") or {"a": 1.0, "b": 0.0}
            threshold = data.get("threshold")
            model = cls(weights, float(data["intercept"]), (float(cal["a"]), float(cal["b"])),
                        None if threshold is None else float(threshold), str(data.get("version", "")), path)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelError(f"{where}: not a valid confidence model ({exc})") from None
        if not all(math.isfinite(v) for v in [*weights.values(), model.intercept, *model.calibration]):
            raise ModelError(f"{where}: non-finite coefficient")
        return model

    def logit(self, features: Mapping[str, float]) -> float:
        """The model's log-odds that an event with these features is right."""
        w = self.weights
        return self.intercept + sum(w.get(k, 0.0) * v for k, v in features.items())

    def probability(self, features: Mapping[str, float]) -> float:
        """P(event is correct), clipped to [0.01, 0.99]."""
        a, b = self.calibration
        z = a * self.logit(features) + b
        p = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
        return min(CLIP[1], max(CLIP[0], p))


def load_model(path: str | Path | None = None, manifest: str | Path | None = None) -> ConfidenceModel:
    """The model at ``path`` (default ``models/event_confidence.json``), after checking its sha256
    against ``manifest`` (default ``models/manifest.json``). Raises :class:`ModelError` naming the
    file when it is missing, does not match its checksum, or is malformed."""
    path = Path(path) if path is not None else MODEL_PATH
    manifest = Path(manifest) if manifest is not None else path.parent / MANIFEST_PATH.name
    return _load(path.resolve(), manifest.resolve())


def _load(path: Path, manifest: Path) -> ConfidenceModel:
    # not cached: the file is small, and a cache would keep serving a model after its file changed
    if not path.is_file():
        raise ModelError(f"confidence model {path} is missing: the project ships it; restore it from the "
                         "repository or retrain it with `python -m pipeline.train_confidence`")
    if not manifest.is_file():
        raise ModelError(f"model manifest {manifest} is missing: cannot check {path}")
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))["models"]
        entry = next(m for m in entries if m.get("file") == path.name)
        expected = entry["sha256"]
    except (ValueError, KeyError, TypeError, StopIteration):
        raise ModelError(f"model manifest {manifest} has no sha256 entry for {path.name}") from None
    actual = sha256_of(path)
    if actual != expected:
        raise ModelError(f"confidence model {path} does not match its checksum in {manifest} "
                         f"(sha256 {actual[:12]}…, expected {str(expected)[:12]}…): the file was altered; "
                         "restore it or retrain with `python -m pipeline.train_confidence`")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ModelError(f"confidence model {path} is not valid JSON ({exc})") from None
    return ConfidenceModel.from_dict(data, path)


def filter_enabled(flag: bool | None = None) -> bool:
    """Whether low-confidence events are dropped: ``flag`` if given, else the environment variable
    ``VNEVENTS_CONFIDENCE_FILTER`` (``0``/``false``/``off``/``no`` switch it off), else on."""
    if flag is not None:
        return bool(flag)
    return os.environ.get(FILTER_ENV, "1").strip().lower() not in ("0", "false", "off", "no")


def score_article(events: list[Event], text: str, model: ConfidenceModel, drop: bool = True) -> list[Event]:
    """Set every event's ``confidence`` to the model's probability; with ``drop`` and a threshold in the
    model, return only the events at or above it (in their order)."""
    if not events:
        return events
    for e, feats in zip(events, article_features(events, text)):
        e.confidence = model.probability(feats)
    if drop and model.threshold is not None:
        return [e for e in events if e.confidence >= model.threshold]
    return events
