"""The event table's vocabularies and columns: the one source of truth.

Everything that names a column, a type, a subtype or a role (the CSV header,
DataFrame dtypes, validation, the README's column table) derives from here,
so the contract in ``shared/spec/events.md`` is written down exactly once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - typing only; pyarrow is imported when a schema is asked for
    import pyarrow as pa

LANGS: tuple[str, ...] = ("vi", "en")

EVENT_TYPES: tuple[str, ...] = ("visit", "meeting", "agreement")

SUBTYPES: dict[str, tuple[str, ...]] = {
    "visit": ("state", "official", "working", "friendship", "other"),
    "meeting": ("talks", "meeting", "courtesy_call", "reception", "phone_call", "virtual", "other"),
    "agreement": ("joint_statement", "mou", "agreement", "partnership_upgrade", "other"),
}

STATUSES: tuple[str, ...] = ("occurred", "planned")

ROLES: tuple[str, ...] = ("visitor", "host", "participant", "signatory", "witness")

DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year")

# An event's date provenance, so an analyst can tell a stated date from a guess, and a row with no
# date says why none could be known.
DATE_SOURCES: dict[str, str] = {
    "stated": "the sentence that reports the event dates it",
    "inferred-text": "another sentence of the article dates it (the day the narrative is on)",
    "dateline": "the article's dateline or header date, the text giving no other",
    "publication": "the publication date given with the article, the text giving no other",
    "inferred-cluster": "another report of the same event (same cluster_id) dates it",
    "none-planned": "no date: announced as planned without a day",
    "none": "no date: neither the article nor another report of the event dates it",
}


@dataclass(frozen=True)
class Column:
    """One output column: its name, its logical kind and what it means."""

    name: str
    kind: str  # "str", "int", "float", "date", "list[str]", "location", "participants"
    description: str
    nullable: bool = True


EVENT_COLUMNS: tuple[Column, ...] = (
    Column("event_id", "str", "unique, stable for the same input", nullable=False),
    Column("doc_id", "str", "the article's id", nullable=False),
    Column("lang", "str", "article language: vi or en", nullable=False),
    Column("type", "str", "visit, meeting or agreement", nullable=False),
    Column("subtype", "str", "subtype within the type (see SUBTYPES)"),
    Column("status", "str", "occurred or planned", nullable=False),
    Column("date_start", "date", "ISO date, YYYY-MM-DD or reduced precision YYYY-MM / YYYY"),
    Column("date_end", "date", "ISO date; equals date_start for one-day events"),
    Column("date_precision", "str", "day, month or year: the precision of date_start"),
    Column("date_source", "str",
           "where the date comes from: " + "; ".join(f"{k} = {v}" for k, v in DATE_SOURCES.items())),
    Column("location", "location", "{name, country}: place as written, country ISO 3166-1 alpha-3"),
    Column("countries", "list[str]", "sorted unique ISO3 codes of the states taking part", nullable=False),
    Column("participants", "participants", "named people: {name, mention, role, title, country}", nullable=False),
    Column("title", "str", "for agreements: the document's name as written"),
    Column("trigger", "str", "the word(s) that evoke the event", nullable=False),
    Column("evidence", "str", "the sentence that states the event", nullable=False),
    Column("char_start", "int", "offset of evidence in the article text", nullable=False),
    Column("char_end", "int", "end offset of evidence in the article text", nullable=False),
    Column("confidence", "float",
           "estimated probability that the event is right (learned model, models/event_confidence.md)", nullable=False),
    Column("cluster_id", "str", "shared by reports of the same real-world event"),
    Column("parent_cluster_id", "str", "for a meeting or agreement during a visit: the visit's cluster_id"),
    Column("cameo_code", "str", "CAMEO event code (042 make a visit, 041 phone, 057 sign agreement, ...)"),
    Column("plover_type", "str", "PLOVER event type (CONSULT, AGREE, COOPERATE)"),
    Column("plover_mode", "str", "PLOVER mode (visit, third-party, phone) where one applies"),
    Column("published", "date", "the article's publication date"),
)

CLUSTER_COLUMNS: tuple[Column, ...] = (
    Column("cluster_id", "str", "one real-world event", nullable=False),
    Column("type", "str", "visit, meeting or agreement", nullable=False),
    Column("subtype", "str", "the most frequent subtype among the reports"),
    Column("status", "str", "occurred if any report says it happened, else planned", nullable=False),
    Column("date_start", "date", "the most precise date the reports agree on"),
    Column("date_end", "date", "end of that date range"),
    Column("location", "location", "{name, country}: the most reported location"),
    Column("countries", "list[str]", "union of the reports' countries", nullable=False),
    Column("participants", "list[str]", "canonical names reported in any article", nullable=False),
    Column("parent_cluster_id", "str", "the visit this event happened during"),
    Column("cameo_code", "str", "CAMEO code of the consensus event"),
    Column("plover_type", "str", "PLOVER type of the consensus event"),
    Column("n_articles", "int", "number of articles reporting the event", nullable=False),
    Column("n_languages", "int", "number of languages reporting it", nullable=False),
    Column("languages", "list[str]", "the languages reporting it", nullable=False),
    Column("first_published", "date", "earliest publication date among the reports"),
    Column("last_published", "date", "latest publication date among the reports"),
    Column("conflicts", "list[str]", "fields on which reports disagree, e.g. 'subtype: official vs state'",
           nullable=False),
)

MENTION_COLUMNS: tuple[Column, ...] = (
    Column("cluster_id", "str", "the real-world event", nullable=False),
    Column("doc_id", "str", "the article reporting it", nullable=False),
    Column("event_id", "str", "the article's event row", nullable=False),
    Column("lang", "str", "the article's language", nullable=False),
    Column("evidence", "str", "the sentence that states it", nullable=False),
    Column("char_start", "int", "offset of the evidence in the article", nullable=False),
    Column("char_end", "int", "end offset of the evidence", nullable=False),
    Column("published", "date", "the article's publication date"),
)

PARTICIPANT_COLUMNS: tuple[Column, ...] = (
    Column("event_id", "str", "the event this participant belongs to", nullable=False),
    Column("doc_id", "str", "the article's id", nullable=False),
    Column("name", "str", "canonical name (spec section 4)", nullable=False),
    Column("mention", "str", "the name as written in the article", nullable=False),
    Column("role", "str", "visitor, host, participant, signatory or witness", nullable=False),
    Column("title", "str", "title as written in the article's language"),
    Column("country", "str", "ISO3 of the state the person represents"),
)

ENTITY_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "str", "the article's id", nullable=False),
    Column("start", "int", "character offset of the mention", nullable=False),
    Column("end", "int", "end character offset of the mention", nullable=False),
    Column("text", "str", "the mention as written", nullable=False),
    Column("label", "str", "PERSON, COUNTRY, PLACE, TITLE or ORG", nullable=False),
    Column("canonical", "str", "canonical form: person name, ISO3 code, place name, title key"),
    Column("country", "str", "ISO3 linked to the entity where known"),
    Column("source", "str", "which signal found it: gazetteer, pattern, ner"),
)

ERROR_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "str", "the article's id, or the input position when it has none", nullable=False),
    Column("stage", "str", "the stage that failed", nullable=False),
    Column("error", "str", "error class", nullable=False),
    Column("message", "str", "what went wrong", nullable=False),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "events": EVENT_COLUMNS,
    "participants": PARTICIPANT_COLUMNS,
    "entities": ENTITY_COLUMNS,
    "errors": ERROR_COLUMNS,
    "event_clusters": CLUSTER_COLUMNS,
    "mentions": MENTION_COLUMNS,
}


#: The keys of a ``location`` value and of one ``participants`` item (the participants table
#: without its two keys back to the event).
LOCATION_KEYS: tuple[str, ...] = ("name", "country")
PARTICIPANT_KEYS: tuple[str, ...] = tuple(c.name for c in PARTICIPANT_COLUMNS if c.name not in ("event_id", "doc_id"))

#: The pandas dtype of each column kind: text as pandas' string dtype (missing is <NA>), whole
#: numbers as nullable Int64, nested values as Python objects.
PANDAS_DTYPES: dict[str, str] = {
    "str": "string",
    "int": "Int64",
    "float": "float64",
    "date": "string",  # ISO strings keep reduced precision ("2025-05"); date_precision says which
    "list[str]": "object",
    "location": "object",
    "participants": "object",
}


def column_names(table: str) -> list[str]:
    """Column names of one output table, in contract order."""
    return list(_names(table))


@lru_cache(maxsize=None)
def _names(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in TABLES[table])


def pandas_dtypes(table: str) -> dict[str, str]:
    """``{column: dtype}`` of one output table, for ``DataFrame.astype``."""
    return {c.name: PANDAS_DTYPES[c.kind] for c in TABLES[table]}


@lru_cache(maxsize=None)
def arrow_type(kind: str) -> "pa.DataType":
    """The Arrow type of a column kind (the Parquet files' types)."""
    import pyarrow as pa

    location = pa.struct([pa.field(k, pa.string()) for k in LOCATION_KEYS])
    participant = pa.struct([pa.field(k, pa.string()) for k in PARTICIPANT_KEYS])
    return {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "date": pa.string(),
        "list[str]": pa.list_(pa.string()),
        "location": location,
        "participants": pa.list_(participant),
    }[kind]


def arrow_schema(table: str) -> "pa.Schema":
    """The Parquet schema of an output table.

    Fields are nullable: the writer stores what the pipeline produced rather
    than fail a whole batch at the last step over one null.
    """
    import pyarrow as pa

    return pa.schema([pa.field(c.name, arrow_type(c.kind)) for c in TABLES[table]])


def csv_columns(table: str) -> list[str]:
    """The CSV header of an output table: nested columns flattened in place (``location`` as
    ``location_name`` and ``location_country``, ``participants`` as ``participant_names``)."""
    names: list[str] = []
    for c in TABLES[table]:
        if c.kind == "location":
            names += [f"{c.name}_{k}" for k in LOCATION_KEYS]
        elif c.kind == "participants":
            names.append("participant_names")
        else:
            names.append(c.name)
    return names


def date_precision(iso: str | None) -> str | None:
    """Precision of an ISO date string of any precision ('2025', '2025-05', '2025-05-07')."""
    if not iso:
        return None
    return {1: "year", 2: "month", 3: "day"}.get(len(str(iso).split("-")))
