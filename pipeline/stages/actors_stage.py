"""Stage ``actors``: people, titles, countries and places in the article (:mod:`pipeline.stages.actors`).

The stage runs twice in the pipeline: first over the backend's NER, then, once
the ``ner`` stage has tagged the sentences that needed it, again with those names
added; the second run does nothing when on-demand NER found nothing new.
"""
from __future__ import annotations

from pipeline.doc import Document
from pipeline.stages.registry import Resources, register_stage

__all__ = ["ActorsStage"]


@register_stage("actors", requires=("lang", "text", "sentences", "ner"), provides=("actors",))
class ActorsStage:
    """The article's actors, by the pipeline's one :class:`ActorFinder` per language."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        """Find the actors; when on-demand NER has added names since, find them again with those."""
        assert doc.lang is not None and doc.text is not None and doc.sentences is not None
        if doc.actors is None or doc.ner_extra is None:
            ner = doc.ner  # the first time: the backend's NER
        elif doc.ner_extra:
            ner = (doc.ner or []) + doc.ner_extra  # again, with what on-demand NER found
        else:
            return doc  # on-demand NER found nothing new: the actors stand
        doc.actors = self.resources.actor_finder(doc.lang).find(doc.text, ner, {s.start for s in doc.sentences})
        return doc
