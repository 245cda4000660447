"""Stage ``confidence``: each event's learned confidence; events below the model's threshold dropped.

The model and the switch for the filter are the pipeline's
(``Pipeline(confidence_model=..., confidence_filter=...)``); the features are
computed from the final events and the original text (:mod:`pipeline.stages.confidence`).
"""
from __future__ import annotations

from pipeline.doc import Document
from pipeline.stages.confidence import score_article
from pipeline.stages.registry import Resources, register_stage

__all__ = ["ConfidenceStage"]


@register_stage("confidence", requires=("article", "events"), provides=("events",))
class ConfidenceStage:
    """Events scored (and maybe filtered) by the pipeline's confidence model."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    def __call__(self, doc: Document) -> Document:
        """Score the record's events, dropping the unlikely ones when the pipeline filters."""
        assert doc.article is not None and doc.events is not None
        doc.events = score_article(doc.events, doc.article.text, self.resources.confidence_model,
                                   drop=self.resources.confidence_filter)
        return doc
