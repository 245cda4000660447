"""Stage ``check``: every event and entity against the output contract (spec section 2).

An event whose offsets or vocabulary break the contract turns the article into
an error row rather than a bad output row.
"""
from __future__ import annotations

import re

from pipeline.doc import Document, Event
from pipeline.schema import EVENT_TYPES, ROLES, STATUSES, SUBTYPES
from pipeline.stages.registry import Resources, register_stage

__all__ = ["CheckStage", "check_event"]


@register_stage("check", requires=("article", "events", "entities"))
class CheckStage:
    """Raises ValueError, naming the event or entity, at the first breach of the contract."""

    def __init__(self, resources: Resources | None = None) -> None:
        pass

    def __call__(self, doc: Document) -> Document:
        """Check every event and entity against the contract and pass the record on unchanged."""
        assert doc.article is not None and doc.events is not None and doc.entities is not None
        original = doc.article.text
        for e in doc.events:
            problem = check_event(e, original)
            if problem:
                raise ValueError(f"event {e.event_id}: {problem}")
        for x in doc.entities:
            if not (0 <= x.start <= x.end <= len(original)):
                raise ValueError(f"entity {x.text!r} offsets {x.start}-{x.end} outside the text")
        return doc


_ISO = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_ISO3 = re.compile(r"[A-Z]{3}")


def check_event(e: Event, text: str) -> str | None:
    """What is wrong with an event against the contract (spec section 2), or None."""
    if not (0 <= e.char_start < e.char_end <= len(text)):
        return f"evidence offsets {e.char_start}-{e.char_end} outside the text (length {len(text)})"
    if text[e.char_start:e.char_end] != e.evidence:
        return f"evidence is not the text at {e.char_start}-{e.char_end}"
    if e.type not in EVENT_TYPES:
        return f"unknown event type {e.type!r}"
    if e.subtype is not None and e.subtype not in SUBTYPES[e.type]:
        return f"unknown {e.type} subtype {e.subtype!r}"
    if e.status not in STATUSES:
        return f"unknown status {e.status!r}"
    if not e.trigger.strip() or e.trigger.strip() not in e.evidence:
        return f"trigger {e.trigger!r} is not in the evidence"
    for d in (e.date_start, e.date_end):
        if d is not None and not _ISO.fullmatch(d):
            return f"date {d!r} is not ISO"
    if e.date_start and e.date_end and e.date_end < e.date_start:
        return f"date_end {e.date_end} before date_start {e.date_start}"
    if e.countries != sorted(set(e.countries)) or not all(_ISO3.fullmatch(c or "") for c in e.countries):
        return f"countries {e.countries!r} are not sorted unique ISO3 codes"
    if e.location_country is not None and not _ISO3.fullmatch(e.location_country):
        return f"location country {e.location_country!r} is not an ISO3 code"
    for p in e.participants:
        if p.role not in ROLES:
            return f"participant {p.name!r} has unknown role {p.role!r}"
    if not 0.0 <= e.confidence <= 1.0:
        return f"confidence {e.confidence} outside 0-1"
    return None
