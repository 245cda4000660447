"""Stage ``consolidate`` on hand-built records: frames of one event merged, ids and publication date
given, entities reported, and texts read back from the original when markup was blanked."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pipeline.doc import Article, Document, Event, Participant, Sentence
from pipeline.stages.actors_stage import ActorsStage
from pipeline.stages.consolidate_stage import ConsolidateStage
from pipeline.stages.validate_stage import mask_markup

from .conftest import FakeResources

ORIGINAL = "<b>Pham Minh Chinh</b> held talks with Lawrence Wong in Hanoi.\nThe two leaders held talks on trade."


def _talks(text: str, sentence: str, mention: bool) -> Event:
    start = text.index(sentence)
    trigger = start + sentence.index("held talks")
    return Event("d1", "en", "meeting", "talks", "occurred", "held talks", sentence, start, start + len(sentence),
                 date_start="2025-05-08", date_end="2025-05-08", countries=["SGP", "VNM"], trigger_start=trigger,
                 participants=[Participant("Phạm Minh Chính", "Pham Minh Chinh" if mention else "", "participant"),
                               Participant("Lawrence Wong", "Lawrence Wong" if mention else "", "participant")])


def _record(record: Callable[..., Document], resources: FakeResources) -> Document:
    text = mask_markup(ORIGINAL)
    lines = text.split("\n")
    doc = record(text, published="2025-05-09", sentences=[Sentence(0, len(lines[0]), lines[0])], ner=[],
                 reference=dt.date(2025, 5, 9),
                 events=[_talks(text, lines[0], True), _talks(text, lines[1], False)])
    doc.article = Article("d1", ORIGINAL, "en", "2025-05-09")
    doc.published = "2025-05-09"  # as ingest states it
    return ActorsStage(resources)(doc)


def test_frames_of_one_event_become_one_event_with_an_id_and_the_publication_date(
        record: Callable[..., Document], resources: FakeResources) -> None:
    doc = ConsolidateStage()(_record(record, resources))
    (event,) = doc.events or []
    assert event.mentions == 2 and event.event_id.startswith("d1:m000-")
    assert event.published == "2025-05-09"


def test_evidence_and_entities_are_read_back_from_the_original_text(
        record: Callable[..., Document], resources: FakeResources) -> None:
    doc = ConsolidateStage()(_record(record, resources))
    (event,) = doc.events or []
    assert event.evidence == ORIGINAL[event.char_start:event.char_end]
    assert event.evidence.startswith("<b>Pham Minh Chinh</b> held talks")
    assert [(x.text, x.label) for x in doc.entities or []] == [
        ("Pham Minh Chinh", "PERSON"), ("Lawrence Wong", "PERSON"), ("Hanoi", "PLACE")]
    assert all(ORIGINAL[x.start:x.end] == x.text for x in doc.entities or [])
