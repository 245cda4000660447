"""Events during a visit take the visit's place when their own sentence names none.

The articles are written for the test (real offices, made-up programmes); the expected places
were worked out by hand: talks held during a state visit to Australia happened in Australia.
"""
from __future__ import annotations

import pipeline
from pipeline.doc import Article, Event, Participant
from pipeline.stages.visit_context import carry_visit_places, enclosing_visit


def places(pipe, text: str, lang: str) -> list[tuple]:
    res = pipeline.extract([Article("t", text, lang, "2025-06-05")], pipeline=pipe)
    assert res.errors.empty, res.errors.to_dict("records")
    return [(e["type"], tuple(e["countries"]), (e["location"] or {}).get("country"))
            for e in res.events.to_dict("records")]


def test_talks_and_third_party_meeting_during_a_visit_happen_at_the_visits_place(pipe):
    got = places(pipe, "Kenyan President William Ruto arrived in Canberra on Monday for a state visit to "
                       "Australia. On Tuesday he held talks with Prime Minister Anthony Albanese. He also met "
                       "New Zealand Prime Minister Christopher Luxon on Tuesday.", "en")
    assert ("meeting", ("AUS", "KEN"), "AUS") in got
    assert ("meeting", ("KEN", "NZL"), "AUS") in got  # the visitor met a third party while in Australia


def test_vietnamese_programme_of_a_visit_under_way_takes_its_place(pipe):
    got = places(pipe, "Chiều 3/6, Tổng thống Chile Gabriel Boric đến Hà Nội, bắt đầu chuyến thăm chính thức "
                       "Việt Nam. Ngày 4/6, Tổng thống Gabriel Boric hội đàm với Thủ tướng Phạm Minh Chính. "
                       "Hai nhà lãnh đạo sẽ chứng kiến lễ ký các văn kiện hợp tác.", "vi")
    assert ("meeting", ("CHL", "VNM"), "VNM") in got
    assert ("agreement", ("CHL", "VNM"), "VNM") in got  # planned signing on the programme


def _event(type_, countries, names, date=None, status="occurred", place=None, role="participant"):
    return Event(doc_id="d", lang="en", type=type_, subtype=None, status=status, trigger="t", evidence="e",
                 char_start=0, char_end=1, date_start=date, date_end=date, location_name=place,
                 location_country={"Hanoi": "VNM", "Vientiane": "LAO", "Phnom Penh": "KHM"}.get(place or ""),
                 countries=countries, participants=[Participant(n, n, role) for n in names])


def test_a_tour_of_two_countries_leaves_an_undated_third_party_meeting_without_a_place():
    laos = _event("visit", ["LAO", "VNM"], ["Lương Cường"], "2025-06-02", place="Vientiane", role="visitor")
    cambodia = _event("visit", ["KHM", "VNM"], ["Lương Cường"], "2025-06-04", place="Phnom Penh", role="visitor")
    third = _event("meeting", ["THA", "VNM"], ["Lương Cường", "Anutin Charnvirakul"])
    carry_visit_places([laos, cambodia, third])
    assert third.location_country is None


def test_a_meeting_on_another_date_is_not_during_the_visit():
    visit = _event("visit", ["LAO", "VNM"], ["Lương Cường"], "2025-06-02", place="Vientiane", role="visitor")
    later = _event("meeting", ["LAO", "VNM"], ["Lương Cường", "Thongloun Sisoulith"], "2025-07-20")
    assert enclosing_visit(later, [visit]) is None
    carry_visit_places([visit, later])
    assert later.location_country is None


def test_a_stated_place_is_kept():
    visit = _event("visit", ["LAO", "VNM"], ["Lương Cường"], "2025-06-02", place="Vientiane", role="visitor")
    talks = _event("meeting", ["LAO", "VNM"], ["Lương Cường", "Thongloun Sisoulith"], "2025-06-02", place="Hanoi")
    carry_visit_places([visit, talks])
    assert talks.location_country == "VNM"


def test_places_are_carried_in_linear_time_on_a_very_long_page(monkeypatch):
    """A page listing thousands of trips: each event is compared with the visits near it, not
    with every visit of the page (which made a long article quadratic)."""
    import pipeline.stages.visit_context as vc

    calls = {"n": 0}
    real = vc.overlaps

    def counted(a, b):
        calls["n"] += 1
        return real(a, b)

    monkeypatch.setattr(vc, "overlaps", counted)
    events = []
    for i in range(3000):
        visit = _event("visit", ["LAO", "VNM"], ["Lương Cường"], "2025-06-02", place="Vientiane", role="visitor")
        meeting = _event("meeting", ["THA", "VNM"], ["Lương Cường", "Anutin Charnvirakul"], "2025-06-02")
        visit.char_start, meeting.char_start = 2000 * i, 2000 * i + 1000
        events += [visit, meeting]
    carry_visit_places(events)
    assert all(e.location_country == "LAO" for e in events)  # the traveller was in Laos
    assert calls["n"] < 50 * 3000, calls["n"]  # about 20 nearby visits per meeting, not 3000
