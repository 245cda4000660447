"""Stage ``check`` on hand-built records: a contract breach in any event or entity stops the article."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.doc import Document, Entity, Event, Participant
from pipeline.stages.check_stage import CheckStage

TEXT = "Prime Minister Pham Minh Chinh held talks with Lawrence Wong."


def _event(**changes: object) -> Event:
    e = Event("d1", "en", "meeting", "talks", "occurred", "held talks", TEXT, 0, len(TEXT), event_id="d1:m000",
              date_start="2025-05-08", countries=["SGP", "VNM"], confidence=0.9,
              participants=[Participant("Lawrence Wong", "Lawrence Wong", "participant")])
    for k, v in changes.items():
        setattr(e, k, v)
    return e


def test_a_valid_record_passes_unchanged(record: Callable[..., Document]) -> None:
    doc = record(TEXT, events=[_event()], entities=[Entity(15, 30, "Pham Minh Chinh", "PERSON")])
    assert CheckStage()(doc) is doc


@pytest.mark.parametrize("changes, problem", [
    ({"evidence": "held talks"}, "evidence is not the text"),
    ({"char_end": len(TEXT) + 5}, "outside the text"),
    ({"type": "summit"}, "unknown event type"),
    ({"status": "rumoured"}, "unknown status"),
    ({"countries": ["VNM", "SGP"]}, "not sorted unique ISO3"),
    ({"date_start": "8 May"}, "is not ISO"),
    ({"participants": [Participant("X", "X", "host-ish")]}, "unknown role"),
    ({"confidence": 1.5}, "outside 0-1"),
])
def test_an_event_that_breaks_the_contract_stops_the_article(record: Callable[..., Document],
                                                             changes: dict, problem: str) -> None:
    with pytest.raises(ValueError, match=f"event d1:m000: .*{problem}"):
        CheckStage()(record(TEXT, events=[_event(**changes)], entities=[]))


def test_an_entity_outside_the_text_stops_the_article(record: Callable[..., Document]) -> None:
    with pytest.raises(ValueError, match="entity 'Wong' offsets"):
        CheckStage()(record(TEXT, events=[], entities=[Entity(70, 74, "Wong", "PERSON")]))
