"""Stage ``ner`` with stand-in backends: only sentences with a trigger and an unexplained name are
asked, in one call per article; a backend that tagged the whole text already adds nothing."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from pipeline.doc import Document, Entity, Sentence
from pipeline.stages.actors_stage import ActorsStage
from pipeline.stages.ner_stage import NerStage

from .conftest import FakeResources, line_sentences

TEXT = ("Prime Minister Pham Minh Chinh held talks in Hanoi.\n"  # trigger, every name explained
        "Zorbo Quill likes tea.\n"                                 # unexplained name, no trigger
        "Zorbo Quill held talks with Pham Minh Chinh.")           # both: the one sentence to ask about


class OnDemand:
    def __init__(self) -> None:
        self.asked: list[list[str]] = []

    def entities_of(self, text: str, sentences: Sequence[Sentence]) -> list[Entity]:
        self.asked.append([s.text for s in sentences])
        return [Entity(s.start, s.start + 11, "Zorbo Quill", "PERSON", source="ner") for s in sentences]


def _after_actors(record: Callable[..., Document], resources: FakeResources) -> Document:
    return ActorsStage(resources)(record(TEXT, sentences=line_sentences(TEXT), ner=[]))


def test_only_event_sentences_with_unexplained_names_are_tagged_in_one_call(
        record: Callable[..., Document]) -> None:
    backend = OnDemand()
    resources = FakeResources({"en": backend})
    doc = NerStage(resources)(_after_actors(record, resources))
    assert backend.asked == [["Zorbo Quill held talks with Pham Minh Chinh."]]
    assert [(TEXT[e.start:e.end], e.label) for e in doc.ner_extra or []] == [("Zorbo Quill", "PERSON")]


def test_a_backend_without_on_demand_ner_adds_nothing(record: Callable[..., Document]) -> None:
    class WholeText:
        pass

    resources = FakeResources({"en": WholeText()})
    assert NerStage(resources)(_after_actors(record, resources)).ner_extra == []
