"""Views on real events (pipeline.views via ExtractionResult): expected values worked out by hand
from the small result below, in which one state visit is reported by three articles."""
from __future__ import annotations

import pandas as pd
import pytest

import pipeline
from pipeline.api import ExtractionResult
from pipeline.schema import column_names
from pipeline.views import country_network


def _p(name, country, role):
    return {"name": name, "mention": name, "role": role, "title": None, "country": country}


TO_LAM, ALIYEV, LY = _p("Tô Lâm", "VNM", "visitor"), _p("Ilham Aliyev", "AZE", "host"), _p("Ngô Phương Ly", "VNM",
                                                                                           "visitor")

# cluster id, type, date, location country, countries, [(doc, participants), ...] (one entry per report), parent
CLUSTERS = [
    ("K1", "visit", "2025-05-07", "AZE", ["AZE", "VNM"], [("d1", [TO_LAM]), ("d2", [TO_LAM, ALIYEV]), ("d3", [TO_LAM])],
     None),
    ("K2", "visit", "1959", "AZE", ["AZE", "VNM"], [("d2", [_p("Hồ Chí Minh", "VNM", "visitor")]),
                                                   ("d3", [_p("Hồ Chí Minh", "VNM", "visitor")])], None),
    ("K3", "visit", "2025-09-01", None, ["LAO", "VNM"], [("d4", [TO_LAM])], None),
    ("K4", "visit", None, "VNM", ["CHN", "VNM"], [("d5", [_p("Xi Jinping", "CHN", "visitor")])], None),
    ("K5", "meeting", "2025-05-08", "AZE", ["AZE", "VNM"],
     [("d1", [_p("Tô Lâm", "VNM", "participant"), _p("Ilham Aliyev", "AZE", "participant")]),
      ("d2", [_p("Tô Lâm", "VNM", "participant"), _p("Ilham Aliyev", "AZE", "participant")])], "K1"),
    ("K6", "meeting", "2025-05-09", "AZE", ["AZE", "VNM"],
     [("d1", [_p("Tô Lâm", "VNM", "participant"), _p("Ilham Aliyev", "AZE", "participant"),
              _p("Ngô Phương Ly", "VNM", "participant")])], "K1"),
    ("K7", "meeting", None, None, ["CHN", "VNM"],
     [("d5", [_p("Tô Lâm", "VNM", "participant"), _p("Xi Jinping", "CHN", "participant")])], None),
    ("K8", "agreement", "2025-05-08", "AZE", ["AZE", "VNM"],
     [("d1", [_p("Tô Lâm", "VNM", "signatory"), _p("Ilham Aliyev", "AZE", "signatory")])], "K1"),
    ("K9", "visit", "2025-11", "AZE", ["AZE", "VNM"], [("d6", [_p("Phạm Minh Chính", "VNM", "visitor")])], None),
    ("K10", "visit", None, "JPN", ["JPN", "VNM"], [("d6", [TO_LAM, LY])], None),
]


@pytest.fixture(scope="module")
def result() -> ExtractionResult:
    clusters, events = [], []
    for cid, etype, date, loc, countries, reports, parent in CLUSTERS:
        names = list(dict.fromkeys(p["name"] for _, people in reports for p in people))
        clusters.append({"cluster_id": cid, "type": etype, "status": "occurred", "date_start": date, "date_end": date,
                         "location": {"name": None, "country": loc}, "countries": countries, "participants": names,
                         "parent_cluster_id": parent, "n_articles": len(reports), "n_languages": 1,
                         "languages": ["vi"], "conflicts": []})
        for i, (doc, people) in enumerate(reports):
            events.append({"event_id": f"{doc}:{cid}", "doc_id": doc, "lang": "vi", "type": etype, "status": "occurred",
                           "date_start": date if i == 0 else None, "location": {"name": None, "country": loc},
                           "countries": countries, "participants": people, "cluster_id": cid,
                           "parent_cluster_id": parent})
    empty = {t: pd.DataFrame(columns=column_names(t)) for t in ("participants", "entities", "errors", "mentions")}
    return ExtractionResult(events=pd.DataFrame(events), event_clusters=pd.DataFrame(clusters), **empty)


def test_visits_by_country_pair_counts_each_real_visit_once_and_keeps_undated(result):
    table = result.visits_by_country_pair()
    assert list(table.columns) == ["visitor", "host", "year", "visits"]
    got = [(r.visitor, r.host, None if pd.isna(r.year) else int(r.year), r.visits) for r in table.itertuples()]
    assert got == [("VNM", "AZE", 2025, 2),   # K1 (three reports) and K9
                   ("CHN", "VNM", None, 1),   # K4, undated: kept
                   ("VNM", "AZE", 1959, 1),   # K2 (two reports)
                   ("VNM", "JPN", None, 1),   # K10
                   ("VNM", "LAO", 2025, 1)]   # K3: no place, host from the other country


def test_who_met_whom_counts_shared_meetings_and_skips_delegation_pairs(result):
    table = result.who_met_whom()
    assert table.to_dict("records") == [
        {"person_a": "Ilham Aliyev", "country_a": "AZE", "person_b": "Tô Lâm", "country_b": "VNM", "events": 2,
         "first": "2025-05-08", "last": "2025-05-09"},                      # K5 (two reports) and K6
        {"person_a": "Ilham Aliyev", "country_a": "AZE", "person_b": "Ngô Phương Ly", "country_b": "VNM",
         "events": 1, "first": "2025-05-09", "last": "2025-05-09"},         # K6; Tô Lâm–Ngô Phương Ly: same side
        {"person_a": "Tô Lâm", "country_a": "VNM", "person_b": "Xi Jinping", "country_b": "CHN", "events": 1,
         "first": None, "last": None}]                                       # K7, undated
    with_agreements = result.who_met_whom(types=("meeting", "agreement"))
    assert with_agreements.iloc[0][["person_a", "person_b", "events"]].tolist() == ["Ilham Aliyev", "Tô Lâm", 3]


def test_trips_of_one_leader_in_date_order_with_undated_last(result):
    table = result.trips("Tô Lâm")
    assert table[["cluster_id", "date_start", "date_precision", "destination", "n_articles", "during"]].to_dict(
        "records") == [
        {"cluster_id": "K1", "date_start": "2025-05-07", "date_precision": "day", "destination": "AZE",
         "n_articles": 3, "during": 3},                                     # K5, K6, K8 happened during it
        {"cluster_id": "K3", "date_start": "2025-09-01", "date_precision": "day", "destination": "LAO",
         "n_articles": 1, "during": 0},
        {"cluster_id": "K10", "date_start": None, "date_precision": None, "destination": "JPN",
         "n_articles": 1, "during": 0}]
    assert result.trips("xi jinping")["cluster_id"].tolist() == ["K4"]  # case does not matter
    assert result.trips("Ilham Aliyev").empty                            # a host, never a visitor here


def test_undated_count_and_network_count_real_events(result):
    assert result.undated_count() == 3  # K4, K7, K10
    edges = {(r.source, r.target, r.type): r.count for r in result.country_network().itertuples()}
    assert edges[("VNM", "AZE", "visit")] == 3        # K1, K2, K9
    assert edges[("AZE", "VNM", "meeting")] == 2      # K5, K6
    by_rows = {(r.source, r.target, r.type): r.count for r in country_network(result.events).itertuples()}
    assert by_rows[("VNM", "AZE", "visit")] == 6      # what counting article rows would have said


@pytest.mark.models
def test_extract_with_no_input_reads_the_bundled_samples_from_any_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sample = pipeline.extract()
    assert sample.stats["processed"] == 5 and len(sample.errors) == 0
    assert set(sample.events["doc_id"]) >= {"000_73ddc13c19a69f55", "004_cb0a324dc029f2d6"}
