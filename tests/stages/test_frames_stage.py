"""Stage ``frames`` on a hand-built record (sentences, actors, dateline, reference date already there)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pipeline.doc import Document, Sentence
from pipeline.stages.actors_stage import ActorsStage
from pipeline.stages.dateline import Dateline
from pipeline.stages.frames_stage import FramesStage, place_name

from .conftest import FakeResources

HEAD = "Prime Minister Pham Minh Chinh held talks with Singapore's Prime Minister Lawrence Wong on Thursday."
TEXT = f"HANOI, May 8 (Reuters) - {HEAD}\nThe two leaders held talks on trade."


def _record(record: Callable[..., Document], resources: FakeResources) -> Document:
    first = Sentence(25, 25 + len(HEAD), HEAD)
    second = Sentence(first.end + 1, len(TEXT), TEXT[first.end + 1:])
    doc = record(TEXT, published="2025-05-09", sentences=[first, second], ner=[],
                 dateline=Dateline(published=None, place="HANOI", place_start=0, body_start=25),
                 reference=dt.date(2025, 5, 9), reference_source="publication")
    return ActorsStage(resources)(doc)


def test_each_event_sentence_gives_a_frame_with_roles_date_and_the_datelines_place(
        record: Callable[..., Document], resources: FakeResources) -> None:
    doc = FramesStage()(_record(record, resources))
    events = doc.events or []
    assert [(e.type, e.subtype, e.status, e.date_start, e.evidence) for e in events] == [
        ("meeting", "talks", "occurred", "2025-05-08", HEAD),  # "Thursday" before the publication day
        ("meeting", "talks", "occurred", "2025-05-08", "The two leaders held talks on trade."),
    ]
    # the place only the dateline states, as running text writes it, with its country
    assert {(e.location_name, e.location_country) for e in events} == {("Hanoi", "VNM")}
    assert [(p.name, p.country) for p in events[0].participants] == [
        ("Phạm Minh Chính", "VNM"), ("Lawrence Wong", "SGP")]
    assert events[1].date_inferred and not events[0].date_inferred


def test_dateline_places_are_written_as_running_text_writes_them() -> None:
    assert [place_name(p) for p in ("BAKU", "HÀ NỘI", "Hanoi", None)] == ["Baku", "Hà Nội", "Hanoi", None]
