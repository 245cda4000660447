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
    cameo: str
    cameo_name: str
    plover_type: str
    plover_mode: str | None


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    return tuple(lexicon._read_tsv("event_codes.tsv"))


def venue(e: Event) -> str:
    if e.location_country and e.countries and e.location_country not in e.countries:
        return "third"
    return "*"


def code_for(e: Event) -> Code | None:
    v = venue(e)
    for r in _rows():
        if r["type"] != e.type or r["status"] != e.status:
            continue
        if r["subtype"] not in ("*", e.subtype) or r["venue"] not in ("*", v):
            continue
        return Code(r["cameo"], r["cameo_name"], r["plover_type"], r["plover_mode"] or None)
    return None


def assign_codes(events: list[Event]) -> None:
    for e in events:
        c = code_for(e)
        e.cameo_code = c.cameo if c else None
        e.plover_type = c.plover_type if c else None
        e.plover_mode = c.plover_mode if c else None
