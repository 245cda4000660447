"""Date provenance: every row says where its date came from or why it has none, and an undated
report borrows the year it lacks from another report of the same event only when the day fits.

Events are built by hand; the articles are written for the test.
"""
from __future__ import annotations

import pytest

import pipeline
from pipeline.doc import Article, Event, Participant
from pipeline.schema import DATE_SOURCES
from pipeline.stages.date_sources import fill_dates_from_clusters, yearless_days


def _report(doc, date=None, end=None, *, days=(), status="occurred", published=None, inferred=False):
    return Event(doc_id=doc, lang="vi", type="visit", subtype="state", status=status, trigger="t",
                 evidence="e", char_start=0, char_end=1, date_start=date, date_end=end or date,
                 countries=["AZE", "VNM"], participants=[Participant("Tô Lâm", "Tô Lâm", "visitor")],
                 cluster_id="c-1", published=published, date_inferred=inferred,
                 date_source="stated" if date else "none", yearless_days=tuple(days))


def test_yearless_days_reads_day_month_forms_and_ranges_but_not_dated_or_relative_ones():
    assert yearless_days("Tổng thống hôm 7/5 chủ trì lễ đón, chuyến thăm ngày 7-8/5.", "vi") == ("05-07", "05-08")
    assert yearless_days("They met on May 7 and again on 9 May.", "en") == ("05-07", "05-09")
    assert yearless_days("Hai bên gặp nhau ngày 7/5/2025 và hôm qua.", "vi") == ()


def test_an_undated_report_takes_the_clusters_date_when_it_states_one_of_its_days():
    dated = _report("en", "2025-05-07", "2025-05-08", published="2025-05-08")
    undated = _report("vi", days=("05-07",))
    fill_dates_from_clusters([dated, undated])
    assert (undated.date_start, undated.date_end, undated.date_source) == ("2025-05-07", "2025-05-08",
                                                                           "inferred-cluster")


def test_no_borrowing_when_the_day_disagrees_or_the_report_could_date_itself_or_is_a_plan():
    dated = _report("en", "2018-04-12", published="2018-04-12")
    other_day = _report("vi1", days=("03-05",))
    has_publication = _report("vi2", days=("04-12",), published="2020-03-06")
    planned = _report("vi3", days=("04-12",), status="planned")
    no_days = _report("vi4")
    fill_dates_from_clusters([dated, other_day, has_publication, planned, no_days])
    assert [e.date_start for e in (other_day, has_publication, planned, no_days)] == [None] * 4


def test_a_guessed_date_is_not_passed_on():
    guessed = _report("en", "2025-05-08", published="2025-05-08", inferred=True)
    undated = _report("vi", days=("05-08",))
    fill_dates_from_clusters([guessed, undated])
    assert undated.date_start is None


def _guessed(doc, date, source):
    e = _report(doc, date, published=date, inferred=True)
    e.date_source = source
    return e


@pytest.mark.parametrize("source", ["inferred-text", "dateline", "publication"])
def test_a_guessed_day_gives_way_to_the_day_another_report_states_a_few_days_before(source):
    stated = _report("vi", "2025-05-07")
    guessed = _guessed("en", "2025-05-08", source)
    fill_dates_from_clusters([stated, guessed])
    assert (guessed.date_start, guessed.date_end, guessed.date_source) == ("2025-05-07", "2025-05-07",
                                                                           "inferred-cluster")


@pytest.mark.parametrize("other", ["2025-05-09", "2025-05-01", "2025-05"])
def test_a_guessed_day_stays_when_the_other_report_is_later_far_earlier_or_vague(other):
    """A report does not tell of days after its own, a week back is another event, a month is no day."""
    stated = _report("vi", other)
    guessed = _guessed("en", "2025-05-08", "inferred-text")
    fill_dates_from_clusters([stated, guessed])
    assert (guessed.date_start, guessed.date_source) == ("2025-05-08", "inferred-text")


def test_a_stated_day_is_never_replaced_by_another_reports_day():
    other = _report("vi", "2025-05-07")
    own = _report("en", "2025-05-08", published="2025-05-08")
    fill_dates_from_clusters([other, own])
    assert (own.date_start, own.date_source) == ("2025-05-08", "stated")


def test_every_event_has_a_date_source_and_undated_ones_say_why(pipe):
    text = ("Chủ tịch nước Lương Cường sẽ thăm chính thức Chile. "
            "Ngày 10/6, Chủ tịch nước Lương Cường hội đàm với Tổng thống Chile Gabriel Boric. "
            "Hai bên đã ký kết nhiều văn kiện hợp tác.")
    res = pipeline.extract([Article("t", text, "vi", "2025-06-11")], pipeline=pipe)
    got = {(e["type"], e["date_start"], e["date_source"]) for e in res.events.to_dict("records")}
    assert ("visit", None, "none-planned") in got
    assert ("meeting", "2025-06-10", "stated") in got
    assert ("agreement", "2025-06-10", "inferred-text") in got  # the narrative is on the 10th
    assert set(res.events["date_source"]) <= set(DATE_SOURCES)


def test_bundled_samples_every_event_is_dated_or_says_why(pipe):
    """The five sample articles: two Vietnamese reports of the Azerbaijan visit have no publication
    date; the one that states "ngày 7-8/5" takes the year from the dated English report."""
    from pathlib import Path

    res = pipeline.extract(Path(__file__).resolve().parents[2] / "data" / "samples", pipeline=pipe)
    ev = res.events.to_dict("records")
    for e in ev:
        assert (e["date_start"] is None) == str(e["date_source"]).startswith("none"), e
    visit = [e for e in ev if e["doc_id"].startswith("001_") and e["type"] == "visit" and e["subtype"] == "state"]
    assert [(e["date_start"], e["date_end"], e["date_source"]) for e in visit] == [
        ("2025-05-07", "2025-05-08", "inferred-cluster")]
    # "Tổng thống Azerbaijan Ilham Aliyev hôm 7/5 chủ trì lễ đón … Trong cuộc hội đàm diễn ra sau lễ
    # đón, …": the talks followed the welcome ceremony on 7/5, of the year the visit is in
    talks = [e for e in ev if e["doc_id"].startswith("001_") and e["subtype"] == "talks"]
    assert [(e["date_start"], e["date_source"]) for e in talks] == [("2025-05-07", "inferred-cluster")]
    clusters = res.event_clusters
    assert list(clusters[clusters.cluster_id == talks[0]["cluster_id"]].date_start) == ["2025-05-07"]
    # the English report, dated the day he left, says only "During his stay, Lâm held talks …": the
    # day its narrative is on (8 May) gives way to the day the Vietnamese report gives the talks
    en_talks = [e for e in ev if e["doc_id"].startswith("000_") and e["subtype"] == "talks"]
    assert [(e["date_start"], e["date_source"]) for e in en_talks] == [("2025-05-07", "inferred-cluster")]


def test_day_hint_is_the_events_own_day_or_the_last_single_day_before_it():
    from pipeline.stages.date_sources import mark_yearless_days

    text = "Ngày 7-8/5, có chuyến thăm. Hôm 7/5, X chủ trì lễ đón. Sau lễ đón, hai bên hội đàm. Hôm 9/5, họ ký."
    first, talks, signing = (_report("vi") for _ in range(3))
    first.char_start, first.char_end = 0, 27
    talks.char_start, talks.char_end = text.index("Sau"), text.index("Hôm 9")
    signing.char_start, signing.char_end = text.index("Hôm 9"), len(text)
    mark_yearless_days(text, "vi", [first, talks, signing])
    assert (first.day_hint, talks.day_hint, signing.day_hint) == (None, "05-07", "05-09")  # a range is no day


def test_an_event_dated_after_publication_is_planned_whatever_the_tense(pipe):
    def status(text, lang):
        res = pipeline.extract([Article("t", text, lang, "2025-05-08")], pipeline=pipe)
        return [(e["status"], e["date_start"]) for e in res.events.to_dict("records")]

    assert status("Chilean President Gabriel Boric visits Japan from May 20 to 22.",
                  "en") == [("planned", "2025-05-20")]
    assert status("Tổng thống Chile Gabriel Boric thăm Nhật Bản từ ngày 20 đến 22/5.",
                  "vi") == [("planned", "2025-05-20")]
    assert status("Chilean President Gabriel Boric visits Japan from May 2 to 4.", "en") == [("occurred", "2025-05-02")]
