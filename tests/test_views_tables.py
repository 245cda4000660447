"""The tables behind the notebook's plots (pipeline.views: events_per_month, country_network,
participant_summary), on small hand-written rows whose expected counts can be read off the rows."""
from __future__ import annotations

import pandas as pd

from pipeline.views import country_network, events_per_month, participant_summary


def _p(country: str, role: str, name: str = "X") -> dict:
    return {"name": name, "mention": name, "role": role, "title": None, "country": country}


def _row(etype: str, countries: list[str], participants=(), location=None, date=None) -> dict:
    return {"type": etype, "countries": countries, "participants": list(participants),
            "location": location or {"name": None, "country": None}, "date_start": date}


def test_country_network_edges():
    events = pd.DataFrame([
        _row("visit", ["AZE", "VNM"], [_p("VNM", "visitor"), _p("AZE", "host")], {"name": "Baku", "country": "AZE"}),
        _row("visit", ["CHN", "VNM"], [_p("CHN", "visitor")], {"name": "Hà Nội", "country": "VNM"}),
        _row("visit", ["LAO", "VNM"], [_p("VNM", "visitor")]),          # host = the other country
        _row("visit", ["AZE", "VNM"]),                                   # no direction known: no edge
        _row("meeting", ["VNM", "AZE", "LAO"]),                          # three pairs
        _row("meeting", ["AZE", "VNM"]),
        _row("agreement", ["VNM", "AZE"]),
        _row("meeting", ["VNM"]),                                        # no pair
    ])
    edges = country_network(events)
    assert list(edges.columns) == ["source", "target", "type", "count"]
    assert [tuple(r) for r in edges.itertuples(index=False)] == [
        ("CHN", "VNM", "visit", 1), ("VNM", "AZE", "visit", 1), ("VNM", "LAO", "visit", 1),
        ("AZE", "LAO", "meeting", 1), ("AZE", "VNM", "meeting", 2), ("LAO", "VNM", "meeting", 1),
        ("AZE", "VNM", "agreement", 1)]
    assert country_network(events.iloc[0:0]).empty


def test_events_per_month_fills_gaps_and_skips_undated():
    events = pd.DataFrame([_row("visit", [], date="2025-05-07"), _row("meeting", [], date="2025-07"),
                           _row("meeting", [], date="2025-07-30"), _row("visit", [], date="2024"),
                           _row("agreement", [], date=None)])
    table = events_per_month(events)
    assert list(table.index) == ["2025-05", "2025-06", "2025-07"]
    assert table.to_dict("list") == {"visit": [1, 0, 0], "meeting": [0, 0, 2], "agreement": [0, 0, 0]}
    assert events_per_month(events.iloc[0:0]).empty


def test_participant_summary():
    parts = pd.DataFrame([{"event_id": "e1", "doc_id": "d1", "name": "Tô Lâm", "role": "visitor", "country": "VNM"},
                          {"event_id": "e2", "doc_id": "d1", "name": "Tô Lâm", "role": "participant", "country": "VNM"},
                          {"event_id": "e3", "doc_id": "d2", "name": "Tô Lâm", "role": "visitor", "country": "VNM"},
                          {"event_id": "e2", "doc_id": "d1", "name": "Ilham Aliyev", "role": "participant",
                           "country": "AZE"}])
    table = participant_summary(parts)
    assert table.to_dict("records") == [
        {"name": "Tô Lâm", "country": "VNM", "events": 3, "articles": 2, "roles": "visitor 2, participant 1"},
        {"name": "Ilham Aliyev", "country": "AZE", "events": 1, "articles": 1, "roles": "participant 1"}]
