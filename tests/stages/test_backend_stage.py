"""Stage ``backend`` with a stand-in backend: one call per batch, one article at a time when the
batch call fails, and windows for a text over ``max_chars`` with offsets into the whole text."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.doc import Document, Entity, Sentence
from pipeline.stages.backend_stage import BackendStage
from pipeline.stages.registry import STAGES

from .conftest import FakeResources


class LineBackend:
    """Sentences are lines; every word 'Hanoi' is a LOC; a text with 'CRASH' in it breaks the call."""

    name, lang = "lines", "en"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def analyse(self, texts: list[str]) -> list[tuple[list[Sentence], list[Entity]]]:
        self.calls.append(texts)
        if any("CRASH" in t for t in texts):
            raise RuntimeError("backend crashed")
        out = []
        for t in texts:
            sentences, pos = [], 0
            for line in t.split("\n"):
                if line:
                    sentences.append(Sentence(pos, pos + len(line), line))
                pos += len(line) + 1
            ents = [Entity(i, i + 5, "Hanoi", "LOC", source="ner") for i in range(len(t)) if t.startswith("Hanoi", i)]
            out.append((sentences, ents))
        return out


def _stage(max_chars: int = 100_000) -> tuple[BackendStage, LineBackend]:
    backend = LineBackend()
    return BackendStage(FakeResources({"en": backend}, max_chars=max_chars), "en"), backend


def test_records_of_one_language_go_to_the_backend_in_one_call(record: Callable[..., Document]) -> None:
    stage, backend = _stage()
    docs = [record("Talks in Hanoi.\nSecond line.", doc_id="a"), record("Nothing here.", doc_id="b")]
    out = stage.pipe(docs)
    assert out == docs and backend.calls == [["Talks in Hanoi.\nSecond line.", "Nothing here."]]
    assert [s.text for s in docs[0].sentences or []] == ["Talks in Hanoi.", "Second line."]
    assert [(e.start, e.text) for e in docs[0].ner or []] == [(9, "Hanoi")]


def test_when_the_batch_call_fails_each_text_goes_alone_and_only_the_bad_one_fails(
        record: Callable[..., Document]) -> None:
    stage, backend = _stage()
    docs = [record("Fine one.", doc_id="a"), record("CRASH here.", doc_id="b"), record("Fine two.", doc_id="c")]
    out = stage.pipe(docs)
    assert out[0] is docs[0] and out[2] is docs[2]
    assert isinstance(out[1], RuntimeError) and docs[1].sentences is None
    assert backend.calls == [["Fine one.", "CRASH here.", "Fine two."], ["Fine one."], ["CRASH here."], ["Fine two."]]


def test_a_text_over_max_chars_goes_in_windows_of_whole_lines_with_offsets_into_the_whole_text(
        record: Callable[..., Document]) -> None:
    text = "Leaders met in Hanoi.\nThey signed a pact.\nHanoi hosted them."
    stage, backend = _stage(max_chars=25)
    doc = stage(record(text))
    assert backend.calls == [["Leaders met in Hanoi.\n"], ["They signed a pact.\n"], ["Hanoi hosted them."]]
    assert [text[s.start:s.end] for s in doc.sentences or []] == text.split("\n")
    assert [text[e.start:e.end] for e in doc.ner or []] == ["Hanoi", "Hanoi"]


def test_called_on_one_record_a_failure_is_raised(record: Callable[..., Document]) -> None:
    stage, _ = _stage()
    with pytest.raises(RuntimeError, match="backend crashed"):
        stage(record("CRASH"))


def test_each_language_registers_its_own_backend_stage() -> None:
    for lang in ("vi", "en"):
        stage = STAGES.lookup("backend", lang).factory(FakeResources())
        assert isinstance(stage, BackendStage) and stage.lang == lang
