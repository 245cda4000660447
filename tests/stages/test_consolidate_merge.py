"""Merging two mentions of one visit keeps a clean list of country codes."""
from __future__ import annotations

from pipeline.doc import Event, Participant
from pipeline.stages.consolidate import merge


def _visit(start: int) -> Event:
    return Event(doc_id="d", lang="en", type="visit", subtype="state", status="occurred", trigger="visit",
                 evidence="e", char_start=start, char_end=start + 1, countries=["CHL"],
                 participants=[Participant("Gabriel Boric", "Boric", "visitor", country="CHL")])


def test_a_merged_visit_with_no_known_place_lists_only_the_visitors_country():
    a, b = _visit(0), _visit(10)
    assert a.location_country is None
    assert merge(a, b).countries == ["CHL"]  # no None where the place is unknown
