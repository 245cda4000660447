"""Stage ``consolidate``: one event per real event in the article, with ids, and the entities reported.

Frames that report the same event are merged (:mod:`pipeline.stages.consolidate`);
a visit's place is carried to what happened during it; a missing date gets its
reason and a dated event after the publication day becomes planned
(:mod:`pipeline.stages.date_sources`); the events get their ids. Evidence,
triggers and entity texts are then read from the original text, markup and all,
when validation blanked HTML markup in what the stages analysed.
"""
from __future__ import annotations

import re

from pipeline.doc import Document, Entity, Event
from pipeline.stages.consolidate import assign_ids, consolidate, fold_upgrades_into_statements
from pipeline.stages.date_sources import explain_missing_dates, mark_yearless_days, plan_after_publication
from pipeline.stages.registry import Resources, register_stage
from pipeline.stages.visit_context import carry_visit_places

__all__ = ["ConsolidateStage"]


@register_stage("consolidate", requires=("article", "lang", "text", "events", "actors", "reference", "published"),
                provides=("events", "entities"))
class ConsolidateStage:
    """The article's events merged, dated, identified; its entities."""

    def __init__(self, resources: Resources | None = None) -> None:
        pass

    def __call__(self, doc: Document) -> Document:
        """Merge, date and identify the record's events and set its entities."""
        assert doc.article is not None and doc.lang is not None and doc.text is not None
        assert doc.events is not None and doc.actors is not None
        reference = doc.reference
        events = fold_upgrades_into_statements(consolidate(doc.events, reference), reference)
        carry_visit_places(events)
        explain_missing_dates(events)
        plan_after_publication(events, reference)
        if reference is None:
            mark_yearless_days(doc.text, doc.lang, events)
        assign_ids(events)
        for e in events:
            e.published = doc.published
        entities = doc.actors.entities()
        if doc.text != doc.article.text:
            restore_original(doc.article.text, doc.text, events, entities)
        doc.events, doc.entities = events, entities
        return doc


def restore_original(original: str, analysed: str, events: list[Event], entities: list[Entity]) -> None:
    """Evidence, triggers and entity texts as written in the original (markup and all); names
    read across a blanked tag or entity get their run of spaces back to one."""
    squeeze = lambda v: re.sub(r"\s+", " ", v).strip() if v else v  # noqa: E731
    for e in events:
        e.evidence = original[e.char_start:e.char_end]
        end = e.trigger_start + len(e.trigger)
        if analysed[e.trigger_start:end] == e.trigger:
            e.trigger = original[e.trigger_start:end]
        e.location_name, e.title = squeeze(e.location_name), squeeze(e.title)
        for part in e.participants:
            part.mention, part.title = squeeze(part.mention), squeeze(part.title)
    for x in entities:
        if analysed[x.start:x.end] == x.text:
            x.text = original[x.start:x.end]
