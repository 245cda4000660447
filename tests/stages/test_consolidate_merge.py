"""Merging two mentions of one event: a visit keeps a clean list of country codes; a meeting told
once without names (a headline) joins the named report of the same states and kind."""
from __future__ import annotations

from pipeline.doc import Event, Participant
from pipeline.stages.consolidate import consolidate, merge


def _visit(start: int) -> Event:
    return Event(doc_id="d", lang="en", type="visit", subtype="state", status="occurred", trigger="visit",
                 evidence="e", char_start=start, char_end=start + 1, countries=["CHL"],
                 participants=[Participant("Gabriel Boric", "Boric", "visitor", country="CHL")])


def test_a_merged_visit_with_no_known_place_lists_only_the_visitors_country():
    a, b = _visit(0), _visit(10)
    assert a.location_country is None
    assert merge(a, b).countries == ["CHL"]  # no None where the place is unknown


def _call(start: int, people: list[str], countries: list[str], subtype: str = "phone_call") -> Event:
    return Event(doc_id="d", lang="vi", type="meeting", subtype=subtype, status="occurred", trigger="điện đàm",
                 evidence="e", char_start=start, char_end=start + 1, countries=countries, date_start="2025-06-12",
                 participants=[Participant(n, n, "participant") for n in people])


def test_a_headline_call_without_names_joins_the_named_call_of_the_same_states():
    headline = _call(0, [], ["CAN", "MEX"])
    body = _call(50, ["Mark Carney", "Claudia Sheinbaum"], ["CAN", "MEX"])
    merged = consolidate([headline, body], None)
    assert len(merged) == 1
    assert {p.name for p in merged[0].participants} == {"Mark Carney", "Claudia Sheinbaum"}


def test_an_unnamed_meeting_of_other_states_or_kind_stays_apart():
    body = _call(50, ["Mark Carney", "Claudia Sheinbaum"], ["CAN", "MEX"])
    assert len(consolidate([_call(0, [], ["CAN", "USA"]), body], None)) == 2
    assert len(consolidate([_call(0, [], ["CAN", "MEX"], subtype="talks"), body], None)) == 2
