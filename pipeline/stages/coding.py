"""CAMEO codes and PLOVER types/modes for events, so our table joins GDELT, ICEWS and POLECAT data.

The mapping is data (``data/lexicons/event_codes.tsv``, reviewed): the first
row whose type, subtype, status and venue match the event wins, ``*`` matching
anything. The venue is ``third`` when the event took place in a country none
of its parties represents (CAMEO 044, PLOVER third-party), else ``*``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline import lexicon
from pipeline.doc import Event


@dataclass(frozen=True)
class Code:
    """An event's CAMEO code and PLOVER type and mode, for users who compare with event datasets."""

    cameo: str
    cameo_name: str
    plover_type: str
    plover_mode: str | None


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    return tuple(lexicon._read_tsv("event_codes.tsv"))


def venue(e: Event) -> str:
    """'third' when the event takes place in a country that is not a party, else '*' (any venue):
    CAMEO has its own code for a meeting at a third location."""
    if e.location_country and e.countries and e.location_country not in e.countries:
        return "third"
    return "*"


def code_for(e: Event) -> Code | None:
    """The first row of ``event_codes.tsv`` that fits the event's type, status, subtype and venue."""
    v = venue(e)
    for r in _rows():
        if r["type"] != e.type or r["status"] != e.status:
            continue
        if r["subtype"] not in ("*", e.subtype) or r["venue"] not in ("*", v):
            continue
        return Code(r["cameo"], r["cameo_name"], r["plover_type"], r["plover_mode"] or None)
    return None


def assign_codes(events: list[Event]) -> None:
    """Set each event's CAMEO and PLOVER fields from :func:`code_for`."""
    for e in events:
        c = code_for(e)
        e.cameo_code = c.cameo if c else None
        e.plover_type = c.plover_type if c else None
        e.plover_mode = c.plover_mode if c else None
