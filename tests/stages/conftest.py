"""Hand-built records and stand-in resources for running one stage at a time, without NLP models.

``record`` builds the :class:`Document` a stage would receive, filled in only with
what the test names; ``resources`` is what the pipeline hands stage factories,
with the real gazetteers and confidence model but a backend the test supplies.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from pipeline.doc import Article, Document, Sentence
from pipeline.stages.actors import ActorFinder
from pipeline.stages.confidence import ConfidenceModel, load_model


class FakeResources:
    """The :class:`pipeline.stages.registry.Resources` a stage is built with; ``backends`` by language."""

    def __init__(self, backends: dict[str, Any] | None = None, max_chars: int = 100_000,
                 confidence_filter: bool = False) -> None:
        self.backends = backends or {}
        self.max_chars = max_chars
        self.confidence_model: ConfidenceModel = load_model()
        self.confidence_filter = confidence_filter
        self.proposer: Any = None  # None: the propose stage loads the shipped model
        self._actors: dict[str, ActorFinder] = {}

    def backend(self, lang: str) -> Any:
        if lang not in self.backends:
            raise RuntimeError(f"no backend for {lang!r} in this test")
        return self.backends[lang]

    def actor_finder(self, lang: str) -> ActorFinder:
        if lang not in self._actors:
            self._actors[lang] = ActorFinder(lang)
        return self._actors[lang]


def line_sentences(text: str) -> list[Sentence]:
    """One sentence per non-empty line: what a backend gives for one-sentence lines."""
    return [Sentence(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", text)]


def make_record(text: str, lang: str = "en", published: str | None = None, doc_id: str = "d1",
                **fields: Any) -> Document:
    """A record as validate and langid leave it (plain text: ``text`` is the article's), plus ``fields``."""
    art = Article(doc_id, text, lang, published)
    doc = Document(source=art, article=art, text=text, lang=lang)
    for name, value in fields.items():
        setattr(doc, name, value)
    return doc


@pytest.fixture
def resources() -> FakeResources:
    return FakeResources()


@pytest.fixture
def record() -> Callable[..., Document]:
    return make_record
