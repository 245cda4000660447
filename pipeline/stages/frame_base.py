"""Records shared by the frame stages: a trigger, the article context, participant de-duplication."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from pipeline.doc import Event, Participant, Sentence
from pipeline.stages.actors import ArticleActors, Person


@dataclass
class Trigger:
    """A word or phrase that announces an event, with the type and subtype it implies."""

    start: int
    end: int
    type: str
    subtype: str
    text: str


class PickedDate(NamedTuple):
    """An event's date and where it came from (``Event.date_source``): the event's own sentence
    ("stated"), another sentence ("inferred-text"), the article's date ("publication"/"dateline")."""

    start: str | None
    end: str | None
    inferred: bool  # not the event's own date: it may yield to a stated one when mentions merge
    source: str | None


@dataclass
class ArticleContext:
    """What frames need from the rest of the article."""

    doc_id: str
    lang: str
    text: str
    sentences: list[Sentence]
    actors: ArticleActors
    reference: dt.date | None
    dateline_place: str | None = None
    dateline_country: str | None = None
    events: list[Event] = field(default_factory=list)
    last_meeting: Event | None = None
    last_visitor: Person | None = None
    protagonist: Person | None = None
    context_date: str | None = None  # the latest current day date stated before the sentence
    context_source: str | None = None  # where context_date came from (a PickedDate source)
    reference_source: str = "publication"  # where ``reference`` came from: publication or dateline

def dedupe(parts: list[Participant]) -> list[Participant]:
    """The participants with each name once (case-insensitive), first mention kept."""
    seen: dict[str, Participant] = {}
    for p in parts:
        key = p.name.lower()
        if key not in seen:
            seen[key] = p
    return list(seen.values())


def visitor_names(ev: Event) -> set[str]:
    """Canonical names of the people an event lists as visitors."""
    return {p.name for p in ev.participants if p.role == "visitor"}
