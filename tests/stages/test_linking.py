"""Cross-document, cross-lingual linking; the event_clusters and mentions tables; incremental runs."""
from __future__ import annotations

import pipeline
from pipeline.doc import Article, Event, Participant
from pipeline.stages.coding import code_for
from pipeline.stages.linking import link_clusters
from pipeline.writers import write_tables

VI_TALKS = Article("vi-a", "Sáng 13/10, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Trung Quốc Lý Cường "
                           "đang thăm chính thức Việt Nam.", "vi", "2024-10-13")
EN_TALKS = Article("en-a", "HANOI — Prime Minister Pham Minh Chinh held talks with Chinese Premier Li Qiang "
                           "in Hanoi on October 13.", "en", "2024-10-14")
EN_OTHER_DAY = Article("en-b", "Prime Minister Pham Minh Chinh met with Chinese Premier Li Qiang on the sidelines "
                               "of the ASEAN Summit in Vientiane on October 10.", "en", "2024-10-11")


def _by_doc(result, type_):
    ev = result.events[result.events.type == type_]
    return {r.doc_id: r for r in ev.itertuples()}


def test_vietnamese_and_english_reports_of_the_same_talks_share_a_cluster(pipe):
    res = pipeline.extract([VI_TALKS, EN_TALKS], pipeline=pipe)
    talks = _by_doc(res, "meeting")
    assert talks["vi-a"].cluster_id == talks["en-a"].cluster_id
    row = res.event_clusters[res.event_clusters.cluster_id == talks["vi-a"].cluster_id].iloc[0]
    assert row.n_articles == 2 and row.n_languages == 2 and list(row.languages) == ["en", "vi"]
    assert row.first_published == "2024-10-13" and row.last_published == "2024-10-14"
    assert sorted(res.mentions[res.mentions.cluster_id == row.cluster_id].doc_id) == ["en-a", "vi-a"]


def test_same_people_on_different_days_are_different_events(pipe):
    res = pipeline.extract([EN_TALKS, EN_OTHER_DAY], pipeline=pipe)
    meetings = _by_doc(res, "meeting")
    assert meetings["en-a"].cluster_id != meetings["en-b"].cluster_id


def test_talks_during_a_visit_point_at_the_visit(pipe):
    res = pipeline.extract([VI_TALKS], pipeline=pipe)
    visit = _by_doc(res, "visit")["vi-a"]
    talks = _by_doc(res, "meeting")["vi-a"]
    assert visit.cluster_id != talks.cluster_id
    assert talks.parent_cluster_id == visit.cluster_id


def test_incremental_run_keeps_the_cluster_ids_of_known_events(pipe, tmp_path):
    first = pipeline.extract([VI_TALKS], pipeline=pipe)
    write_tables(first.tables(), tmp_path, ["jsonl"])
    old_id = _by_doc(first, "meeting")["vi-a"].cluster_id
    second = pipeline.extract([EN_TALKS, EN_OTHER_DAY], pipeline=pipe, link_with=tmp_path)
    meetings = _by_doc(second, "meeting")
    assert meetings["en-a"].cluster_id == old_id
    assert meetings["en-b"].cluster_id != old_id


def _event(doc, subtype, start, end=None, inferred=False):
    return Event(doc_id=doc, lang="en", type="visit", subtype=subtype, status="occurred", trigger="visit",
                 evidence="x", char_start=0, char_end=1, date_start=start, date_end=end or start,
                 location_name="China", location_country="CHN", countries=["CHN", "VNM"],
                 participants=[Participant("Tô Lâm", "To Lam", "visitor", None, "VNM")], event_id=f"{doc}:v",
                 date_inferred=inferred, published=start)


def test_reports_of_one_visit_on_different_days_link_and_disagreements_are_listed():
    from pipeline.clusters import build_cluster_tables

    events = [_event("a", "state", "2024-08-18", "2024-08-20"), _event("b", "official", "2024-08-19"),
              _event("c", "other", "2024-08-18"), _event("d", "state", "2022")]
    link_clusters(events)
    assert len({e.cluster_id for e in events[:3]}) == 1
    assert events[3].cluster_id != events[0].cluster_id  # a past visit with only a year is another trip
    clusters, _ = build_cluster_tables(events)
    row = clusters[clusters.cluster_id == events[0].cluster_id].iloc[0]
    assert (row.date_start, row.date_end) == ("2024-08-18", "2024-08-20")
    assert row.conflicts == ["subtype: official vs state"]


def test_linking_cost_is_bucketed_not_pairwise():
    """Many unrelated events: each only meets its own bucket (checked by counting comparisons)."""
    import pipeline.stages.linking as L

    calls = {"n": 0}
    original = L.Cluster.people_fit

    def counting(self, e):
        calls["n"] += 1
        return original(self, e)

    events = []
    countries = ["AZE", "CHN", "JPN", "KHM", "LAO", "IDN", "IND", "RUS", "SGP", "THA"]
    for i in range(400):
        e = _event(f"d{i}", "state", f"20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}")
        e.location_country = countries[i % 10]
        e.countries = sorted({e.location_country, "VNM"})
        events.append(e)
    L.Cluster.people_fit = counting
    try:
        link_clusters(events)
    finally:
        L.Cluster.people_fit = original
    assert calls["n"] < 400 * 3


def test_cameo_and_plover_codes_follow_the_reviewed_table():
    visit = _event("a", "state", "2024-08-18")
    assert (code_for(visit).cameo, code_for(visit).plover_type, code_for(visit).plover_mode) == ("042", "CONSULT",
                                                                                                 "visit")
    call = Event(doc_id="a", lang="vi", type="meeting", subtype="phone_call", status="occurred", trigger="điện đàm",
                 evidence="x", char_start=0, char_end=1, countries=["KHM", "VNM"])
    assert (code_for(call).cameo, code_for(call).plover_mode) == ("041", "phone")
    third = Event(doc_id="a", lang="en", type="meeting", subtype="meeting", status="occurred", trigger="met",
                  evidence="x", char_start=0, char_end=1, countries=["CHN", "VNM"], location_country="BRA")
    assert (code_for(third).cameo, code_for(third).plover_mode) == ("044", "third-party")
    planned = Event(doc_id="a", lang="en", type="meeting", subtype="talks", status="planned", trigger="talks",
                    evidence="x", char_start=0, char_end=1, countries=["IND", "VNM"])
    assert code_for(planned).cameo == "036"
    signed = Event(doc_id="a", lang="en", type="agreement", subtype="mou", status="occurred", trigger="MoU",
                   evidence="x", char_start=0, char_end=1, countries=["SGP", "VNM"])
    assert (code_for(signed).cameo, code_for(signed).plover_type) == ("057", "AGREE")
