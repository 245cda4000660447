"""Records that flow through the stages.

Every position is a character offset into the article's original text, so a
Vietnamese multi-syllable token or a stripped dateline never shifts a later
stage. Backends (underthesea, spaCy, stanza) are converted into these records
at their boundary; their own shapes never leak inward.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.schema import PARTICIPANT_KEYS


@dataclass
class Article:
    """One input article (spec section 1)."""

    id: str
    text: str
    lang: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) into the article text."""

    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass
class Token:
    """A word with its dependency relation, for backends that parse (stanza).

    ``head`` is the index of the head token within the same sentence's token list,
    or -1 for the root.
    """

    start: int
    end: int
    text: str
    upos: str | None = None
    head: int = -1
    deprel: str | None = None


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token] | None = None  # filled only by backends that parse


@dataclass
class Entity:
    """A recognised mention: a person, country, place, title or organisation."""

    start: int
    end: int
    text: str
    label: str  # PERSON, COUNTRY, PLACE, TITLE, ORG
    canonical: str | None = None
    country: str | None = None
    source: str = "pattern"
    title: str | None = None  # for PERSON: the title written next to the name
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass
class Participant:
    name: str
    mention: str
    role: str
    title: str | None = None
    country: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The item of an events row's ``participants`` (keys: schema.PARTICIPANT_KEYS)."""
        return {k: getattr(self, k) for k in PARTICIPANT_KEYS}


@dataclass
class Event:
    """One extracted event frame (spec section 2), before ids are assigned."""

    doc_id: str
    lang: str
    type: str
    subtype: str | None
    status: str
    trigger: str
    evidence: str
    char_start: int
    char_end: int
    date_start: str | None = None
    date_end: str | None = None
    location_name: str | None = None
    location_country: str | None = None
    countries: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    title: str | None = None
    confidence: float = 0.5
    event_id: str = ""
    cluster_id: str | None = None
    parent_cluster_id: str | None = None  # the visit this event happened during
    published: str | None = None  # the article's publication date (ISO, any precision)
    cameo_code: str | None = None
    plover_type: str | None = None
    plover_mode: str | None = None
    trigger_start: int = 0
    date_inferred: bool = False  # the date came from the article's context, not the event's sentence
    date_source: str | None = None  # provenance of the date (schema.DATE_SOURCES)
    yearless_days: tuple[str, ...] = ()  # 'MM-DD' days an undatable article states without a year
    day_hint: str | None = None  # 'MM-DD': the day without a year the narrative is on at this undated event
    mentions: int = 1  # how many frames consolidation merged into this event
