"""Stage ``propose``: events the frame rules missed, proposed by a learned model (:mod:`pipeline.stages.propose`).

Runs after ``frames`` and before ``consolidate``: it appends the candidates whose
probability reaches the model's threshold to the rule frames (never removing or
changing one), and consolidation then merges duplicates. The model is the
pipeline's (``Pipeline(proposer=...)``: any callable from a record to the events to add), by
default the shipped
``models/event_proposer.json``, checked against the manifest; a type without a threshold
in it (the trainer stores none unless cross-validation shows a gain) is never proposed.
"""
from __future__ import annotations

from pipeline.doc import Document
from pipeline.stages.propose import Proposer
from pipeline.stages.registry import Resources, register_stage

__all__ = ["ProposeStage"]


@register_stage("propose", requires=("article", "lang", "text", "sentences", "actors", "events", "reference"),
                provides=("events",))
class ProposeStage:
    """The rule frames, plus the proposer's candidates above its threshold."""

    def __init__(self, resources: Resources | None = None) -> None:
        given = getattr(resources, "proposer", None)
        self.proposer = given if given is not None else Proposer.load()

    def __call__(self, doc: Document) -> Document:
        """Append the proposed events to the record's rule frames."""
        assert doc.events is not None
        doc.events = list(doc.events) + list(self.proposer(doc))
        return doc
