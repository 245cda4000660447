"""Stage ``confidence`` on hand-built events: the shipped model's probability on every event, and
the filter dropping those below a model's threshold only when it is on."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable

from pipeline.doc import Document, Event
from pipeline.stages.confidence_stage import ConfidenceStage

from .conftest import FakeResources

TEXT = "Prime Minister Pham Minh Chinh held talks with Lawrence Wong in Hanoi on May 8.\nThey may meet again."


def _events() -> list[Event]:
    first, second = TEXT.split("\n")
    return [
        Event("d1", "en", "meeting", "talks", "occurred", "held talks", first, 0, len(first),
              date_start="2025-05-08", countries=["SGP", "VNM"], trigger_start=first.index("held"), mentions=3),
        Event("d1", "en", "meeting", None, "planned", "meet", second, len(first) + 1, len(TEXT),
              trigger_start=TEXT.index("meet")),
    ]


def test_every_event_gets_the_models_probability(record: Callable[..., Document]) -> None:
    doc = ConfidenceStage(FakeResources())(record(TEXT, events=_events()))
    scores = [e.confidence for e in doc.events or []]
    assert len(scores) == 2 and all(0.0 < s < 1.0 for s in scores)
    assert scores[0] > scores[1] and 0.5 not in scores  # the prior is replaced, and the stated talks win


def test_events_below_the_threshold_are_dropped_only_with_the_filter_on(record: Callable[..., Document]) -> None:
    resources = FakeResources()
    scores = [e.confidence for e in ConfidenceStage(resources)(record(TEXT, events=_events())).events or []]
    resources.confidence_model = dataclasses.replace(resources.confidence_model, threshold=sum(scores) / 2)
    assert len(ConfidenceStage(resources)(record(TEXT, events=_events())).events or []) == 2
    resources.confidence_filter = True
    kept = ConfidenceStage(resources)(record(TEXT, events=_events())).events or []
    assert [e.trigger for e in kept] == ["held talks"]
