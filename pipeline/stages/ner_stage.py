"""Stage ``ner``: statistical NER on demand, for the sentences that need it.

A backend with ``entities_of`` (underthesea) is not run over the whole text: it
is asked, in one batch per article, only about the sentences that carry an event
trigger and a capitalised name that titles, honorifics and gazetteers leave
unexplained (the cheaper test first; most sentences have no unexplained name).
A backend that tagged the whole text already (spaCy, stanza) adds nothing here.
"""
from __future__ import annotations

from pipeline.doc import Document
from pipeline.stages.frames import find_triggers
from pipeline.stages.registry import Resources, register_stage

__all__ = ["NerStage"]


@register_stage("ner", requires=("lang", "text", "sentences", "actors"), provides=("ner_extra",))
class NerStage:
    """The names on-demand NER finds in the gated sentences (none for a backend without it)."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        """Ask the backend's NER about the sentences the patterns leave unexplained, if it has NER."""
        assert doc.lang is not None and doc.text is not None and doc.sentences is not None \
            and doc.actors is not None
        backend = self.resources.backend(doc.lang)
        doc.ner_extra = []
        if hasattr(backend, "entities_of"):
            finder = self.resources.actor_finder(doc.lang)
            asked = [s for s in doc.sentences
                     if finder.unexplained_names(s, doc.actors, doc.text) and find_triggers(s.text, doc.lang)]
            doc.ner_extra = backend.entities_of(doc.text, asked) if asked else []
        return doc
