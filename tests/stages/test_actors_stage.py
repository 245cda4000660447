"""Stage ``actors`` on hand-built records: found from the backend's NER first, found again only when
on-demand NER added names."""
from __future__ import annotations

from collections.abc import Callable

from pipeline.doc import Document, Entity
from pipeline.stages.actors_stage import ActorsStage

from .conftest import FakeResources, line_sentences

TEXT = "Prime Minister Pham Minh Chinh held talks with Zorbo Quill in Hanoi on Thursday."


def _people(doc: Document) -> list[str]:
    assert doc.actors is not None
    return [p.canonical for p in doc.actors.people]


def test_people_are_found_from_titles_and_gazetteers(record: Callable[..., Document],
                                                      resources: FakeResources) -> None:
    doc = ActorsStage(resources)(record(TEXT, sentences=line_sentences(TEXT), ner=[]))
    assert _people(doc) == ["Phạm Minh Chính"]


def test_the_second_run_adds_the_names_on_demand_ner_found_and_otherwise_keeps_the_actors(
        record: Callable[..., Document], resources: FakeResources) -> None:
    stage = ActorsStage(resources)
    doc = stage(record(TEXT, sentences=line_sentences(TEXT), ner=[]))
    first = doc.actors
    doc.ner_extra = []
    assert stage(doc).actors is first
    start = TEXT.index("Zorbo")
    doc.ner_extra = [Entity(start, start + len("Zorbo Quill"), "Zorbo Quill", "PERSON", source="ner")]
    assert stage(doc).actors is not first
    assert _people(doc) == ["Phạm Minh Chính", "Zorbo Quill"]
    assert doc.ner == []  # the backend's NER is left as it was
