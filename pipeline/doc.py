"""Records that flow through the stages.

Every position is a character offset into the article's original text, so a
Vietnamese multi-syllable token or a stripped dateline never shifts a later
stage. Backends (underthesea, spaCy, stanza) are converted into these records
at their boundary; their own shapes never leak inward. :class:`Document` holds
one article and everything the stages have found in it so far; it is the one
thing every stage takes and returns (``pipeline/stages/__init__.py``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # stage results: imported for the annotations only (the stages import this module)
    from pipeline.stages.actors import ArticleActors
    from pipeline.stages.dateline import Dateline

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
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        """Whether ``other`` lies wholly inside this span."""
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
    """A sentence as a backend split it, with its offsets in the article text."""

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
        """The entity's offsets as a :class:`Span`, for overlap tests."""
        return Span(self.start, self.end)


@dataclass
class Participant:
    """A person taking part in an event, in the role the sentence gives them (visitor, host, ...)."""

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
    proposed: bool = False  # added by the learned proposer (stage propose), not by a frame rule
    thanked_for: bool = False  # a meeting someone is thanked for: dropped beside its own report
    speculative: bool = False  # told as a forecast ("is expected to visit"): kept only merged into an event
    # a meeting whose other side nobody names: who that side is ("title:speaker:KHM", "group:the business
    # community"), so consolidation keeps apart the separate meetings of one named person
    counterpart: str | None = None


@dataclass
class Document:
    """One article on its way through the stages, and what they have found in it.

    The run starts a record with ``source`` (and ``duplicate_id``) only; every other
    attribute is None until the stage that provides it has run, and the stage
    registry checks, when a pipeline is built, that each stage's ``requires`` are
    provided by an earlier stage (:mod:`pipeline.stages.registry`). Offsets are
    into ``article.text``; ``text`` has the same length, so they hold for both.
    """

    source: Article                     # the article as given; error rows report its id and lang
    duplicate_id: bool = False          # an earlier article of the same run has this id (Pipeline.run)
    article: Article | None = None      # validate: NFC text, lang and published normalised
    text: str | None = None             # validate: article.text with HTML markup blanked, same length
    lang: str | None = None             # langid: 'vi' or 'en'; language-specific stages are chosen by it
    sentences: list[Sentence] | None = None   # backend; ingest drops page clutter and the dateline
    ner: list[Entity] | None = None     # backend: statistical NER over the whole text (maybe none)
    ner_extra: list[Entity] | None = None     # ner: on-demand NER of the sentences that need it
    dateline: Dateline | None = None    # ingest: where and when the article says it was filed
    published: str | None = None        # ingest: the publication date, or the dateline's
    reference: dt.date | None = None    # ingest: the day relative dates count from (None: none usable)
    reference_source: str | None = None  # ingest: 'publication' or 'dateline'
    actors: ArticleActors | None = None  # actors: people, titles, countries and places
    events: list[Event] | None = None   # frames; consolidate, confidence refine them
    entities: list[Entity] | None = None  # consolidate: the entities reported for the article
