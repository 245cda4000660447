"""Which day an event takes when its own sentence states none, or states another event's.

Every sentence here is made up for the test (real offices and countries, invented days); the
expected dates were worked out by hand from shared/spec/events.md.
"""
from __future__ import annotations

import pipeline
from pipeline.doc import Article


def run(pipe, text: str, lang: str, published: str | None = "2025-06-12") -> list[dict]:
    res = pipeline.extract([Article("t", text, lang, published)], pipeline=pipe)
    assert res.errors.empty, res.errors.to_dict("records")
    return res.events.to_dict("records")


def of_type(events: list[dict], type_: str) -> list[dict]:
    return [e for e in events if e["type"] == type_]


def test_planned_event_takes_the_programme_day_stated_before_it(pipe):
    text = ("Kenyan President William Ruto will arrive in Hanoi on June 16 for a state visit to Vietnam. "
            "The next day, he will lay a wreath at the mausoleum. "
            "Ruto will then hold talks with President Luong Cuong.")
    talks = of_type(run(pipe, text, "en"), "meeting")
    assert [(t["status"], t["date_start"]) for t in talks] == [("planned", "2025-06-16")]


def test_planned_event_is_not_dated_by_the_day_of_the_announcement(pipe):
    # the publication day, or a stated day the article was written on, is when the plan was told
    text = ("Ngày 12/6, Bộ Ngoại giao ra thông cáo về chuyến thăm. "
            "Thủ tướng Phạm Minh Chính sẽ hội đàm với Thủ tướng Chile.")
    talks = of_type(run(pipe, text, "vi"), "meeting")
    assert [(t["status"], t["date_start"]) for t in talks] == [("planned", None)]


def test_opening_date_of_an_announcement_with_its_subject_is_not_the_visits(pipe):
    text = ("Ngày 3-6, Bộ Ngoại giao cho biết, Chủ tịch nước Lương Cường sẽ thăm cấp Nhà nước tới Chile.")
    visits = of_type(run(pipe, text, "vi", "2025-06-03"), "visit")
    assert [(v["status"], v["date_start"]) for v in visits] == [("planned", None)]
    text = "On Tuesday, the foreign ministry announced that President Luong Cuong will pay a state visit to Chile."
    visits = of_type(run(pipe, text, "en", "2025-06-11"), "visit")
    assert [(v["status"], v["date_start"]) for v in visits] == [("planned", None)]


def test_an_event_word_in_the_subject_keeps_the_opening_date(pipe):
    text = "Sáng 9/6, Chủ tịch nước Lương Cường tiếp Đại sứ Chile và khẳng định hai nước là bạn bè."
    talks = of_type(run(pipe, text, "vi"), "meeting")
    assert [t["date_start"] for t in talks] == ["2025-06-09"]


def test_the_day_something_was_said_dates_the_narrative_after_it(pipe):
    text = ("Chile and Peru signed a trade treaty in Lima, Chilean President Gabriel Boric said June 4 "
            "after talks with Peruvian President Dina Boluarte.\n"
            "Boric and Boluarte concluded one-on-one talks that lasted an hour.")
    talks = of_type(run(pipe, text, "en"), "meeting")
    assert talks and {t["date_start"] for t in talks} == {"2025-06-04"}


def test_today_in_a_quote_does_not_move_the_narrative_to_the_publication_day(pipe):
    text = ("Chile and Peru signed a trade treaty in Lima, Chilean President Gabriel Boric said June 4.\n"
            "\u201cThe treaty we signed today opens a new chapter,\u201d Boric told reporters.\n"
            "Boric and Peruvian President Dina Boluarte concluded one-on-one talks that lasted an hour.")
    talks = of_type(run(pipe, text, "en"), "meeting")
    assert talks and {t["date_start"] for t in talks} == {"2025-06-04"}


def test_a_look_back_does_not_move_the_narrative_day(pipe):
    text = ("Chiều 11/6, Thủ tướng Lào Sonexay Siphandone điện đàm với Thủ tướng Phạm Minh Chính. "
            "Trước đó, ngày 9/6, Thủ tướng Lào đã gửi thư chúc mừng.\n"
            "Tại cuộc điện đàm, Thủ tướng Phạm Minh Chính cảm ơn Thủ tướng Lào.")
    calls = of_type(run(pipe, text, "vi"), "meeting")
    assert calls and {c["date_start"] for c in calls} == {"2025-06-11"}


def test_a_day_read_from_the_text_beats_the_publication_day_when_mentions_merge(pipe):
    text = ("Chilean President Gabriel Boric pays a visit to Peru\n"
            "Peruvian President Dina Boluarte said June 9 that the two countries would deepen trade ties.\n"
            "Boric arrived at the Lima airport earlier in the day for a visit to Peru.")
    visits = of_type(run(pipe, text, "en"), "visit")
    assert [v["date_start"] for v in visits] == ["2025-06-09"]


def test_a_trip_named_again_without_its_actors_gives_its_span(pipe):
    text = ("Chilean President Gabriel Boric has concluded his state visit to Vietnam.\n"
            "The visit from June 8 to 10 opened new prospects for trade, the minister said.")
    visits = of_type(run(pipe, text, "en"), "visit")
    assert [(v["date_start"], v["date_end"]) for v in visits] == [("2025-06-08", "2025-06-10")]
    text = ("A delegation of the Communist Party of Chile led by Juan Pérez has paid a working visit to Vietnam.\n"
            "During their May 29-June 4 stay, the delegation toured several provinces.")
    visits = of_type(run(pipe, text, "en"), "visit")
    assert [(v["date_start"], v["date_end"]) for v in visits] == [("2025-05-29", "2025-06-04")]
    text = ("Tổng thống Chile Gabriel Boric đã kết thúc tốt đẹp chuyến thăm cấp Nhà nước tới Việt Nam.\n"
            "Chuyến thăm diễn ra từ ngày 8 đến 10/6 đã mở ra giai đoạn hợp tác mới.")
    visits = of_type(run(pipe, text, "vi"), "visit")
    assert [(v["date_start"], v["date_end"]) for v in visits] == [("2025-06-08", "2025-06-10")]


def test_a_span_the_done_trip_cannot_have_or_two_spans_leave_the_guess(pipe):
    # a done visit cannot run after the article; two spans do not say which is the trip's
    text = ("Chilean President Gabriel Boric has concluded his state visit to Vietnam.\n"
            "The visit from June 18 to 20 opened new prospects for trade.")
    assert [v["date_start"] for v in of_type(run(pipe, text, "en"), "visit")] == ["2025-06-12"]
    text = ("Chilean President Gabriel Boric has concluded his state visit to Vietnam.\n"
            "The visit from June 8 to 10 opened new prospects. Their May 2-4 trip had prepared it.")
    assert [v["date_start"] for v in of_type(run(pipe, text, "en"), "visit")] == ["2025-06-12"]


def test_today_of_a_page_stamped_in_pacific_time_is_the_next_day_in_hanoi(pipe):
    text = ("Chile and Vietnam sign trade deals\n\nBy Newsdesk   June 11, 2025 | 09:40 pm PT\n"
            "Today, President Luong Cuong and Chilean President Gabriel Boric held talks in Hanoi.")
    talks = of_type(run(pipe, text, "en", "2025-06-11"), "meeting")
    assert [t["date_start"] for t in talks] == ["2025-06-12"]


def test_a_date_between_two_events_goes_to_the_one_no_break_parts_it_from(pipe):
    text = ("Vào tháng 3 năm nay, Chủ tịch nước Lương Cường đã sang thăm Chile và đến tháng 5 Chủ tịch Quốc hội "
            "Trần Thanh Mẫn cũng có chuyến thăm chính thức Chile.")
    visits = of_type(run(pipe, text, "vi"), "visit")
    assert sorted((v["participants"][0]["name"], v["date_start"]) for v in visits) == [
        ("Lương Cường", "2025-03"), ("Trần Thanh Mẫn", "2025-05")]
    text = ("The ministers recalled Chilean President Gabriel Boric's state visit to Vietnam in March, the phone "
            "talks between Prime Minister Pham Minh Chinh and the Chilean President in April, and Chairman "
            "Tran Thanh Man's official trip to Chile in May.")
    talks = of_type(run(pipe, text, "en"), "meeting")
    assert talks and {t["date_start"] for t in talks} == {"2025-04"}


def test_a_span_after_a_second_predicate_joined_by_and_is_the_trips_too(pipe):
    text = ("Tại cuộc họp báo thường kỳ của Bộ Ngoại giao chiều 12-6, Người phát ngôn Bộ Ngoại giao Phạm Thu Hằng "
            "thông báo nhận lời mời của Bộ trưởng Ngoại giao Bùi Thanh Sơn, "
            "Bộ trưởng Ngoại giao Chile Alberto van Klaveren "
            "sẽ thăm chính thức Việt Nam và đồng chủ trì Phiên họp lần thứ 5 Ủy ban liên Chính phủ về hợp tác kinh tế "
            "và khoa học công nghệ Việt Nam - Chile từ ngày 16 đến 18-6.")
    visits = of_type(run(pipe, text, "vi"), "visit")
    assert [(v["status"], v["date_start"], v["date_end"]) for v in visits] == [("planned", "2025-06-16", "2025-06-18")]
    text = ("At the regular press briefing of the Foreign Ministry on June 12, spokesperson Pham Thu Hang "
            "announced that "
            "at the invitation of Foreign Minister Bui Thanh Son, Chilean Foreign Minister Alberto van Klaveren "
            "will visit Vietnam and co-chair the fifth meeting of the "
            "Vietnam - Chile joint committee for economic and trade and science and technology cooperation "
            "from June 16 to 18.")
    visits = of_type(run(pipe, text, "en"), "visit")
    assert [(v["date_start"], v["date_end"]) for v in visits] == [("2025-06-16", "2025-06-18")]


def test_a_headline_guess_merged_with_the_stated_span_keeps_the_span(pipe):
    # the headline is dated by the publication day only; an undated mention between must not make it stated
    text = ("Bộ trưởng Ngoại giao Chile thăm chính thức Việt Nam\n\n"
            "Bộ trưởng Ngoại giao Chile Alberto van Klaveren sẽ thăm chính thức Việt Nam.\n"
            "Nhận lời mời của Bộ trưởng Ngoại giao Bùi Thanh Sơn, Bộ trưởng Ngoại giao Chile Alberto van Klaveren "
            "sẽ thăm chính thức Việt Nam và đồng chủ trì Phiên họp lần thứ 5 Ủy ban hợp tác Việt Nam - Chile "
            "từ ngày 16 đến 18-6.")
    visits = of_type(run(pipe, text, "vi"), "visit")
    assert [(v["date_start"], v["date_end"]) for v in visits] == [("2025-06-16", "2025-06-18")]


def test_the_nth_day_of_a_visit_puts_its_start_days_before(pipe):
    text = ("Ngày thứ 3 trong chuyến thăm Chile, Chủ tịch nước Lương Cường ngày 10/6 đã hội đàm với "
            "Tổng thống Chile Gabriel Boric.")
    visits = of_type(run(pipe, text, "vi"), "visit")
    assert [(v["date_start"], v["date_end"]) for v in visits] == [("2025-06-08", "2025-06-10")]
    text = ("Chile and Peru on Tuesday signed a trade deal. The deal was signed on the second day of the state "
            "visit of Chilean President Gabriel Boric to Peru, the ministry said.")
    visits = of_type(run(pipe, text, "en", "2025-06-11"), "visit")
    assert [(v["date_start"], v["date_end"]) for v in visits] == [("2025-06-09", "2025-06-10")]


def test_the_first_day_of_a_visit_is_its_start(pipe):
    text = "On June 9, the first day of his state visit to Peru, Chilean President Gabriel Boric met Dina Boluarte."
    visits = of_type(run(pipe, text, "en"), "visit")
    assert [(v["date_start"], v["date_end"]) for v in visits] == [("2025-06-09", "2025-06-09")]


def test_a_trips_stated_span_joins_the_day_it_was_concluded(pipe):
    text = ("Chilean President concludes Vietnam visit\n\n"
            "Chilean President Gabriel Boric on June 10 concluded a state visit to Vietnam.\n"
            "During the June 8-10 visit, Boric held talks with President Luong Cuong.")
    visits = of_type(run(pipe, text, "en"), "visit")
    assert [(v["date_start"], v["date_end"]) for v in visits] == [("2025-06-08", "2025-06-10")]


def test_the_day_of_a_communique_is_not_the_day_of_the_visit_it_announces(pipe):
    text = ("Theo Thông cáo của Bộ Ngoại giao ngày 9/6/2025, nhận lời mời của Chủ tịch nước Lương Cường, "
            "Tổng thống Chile Gabriel Boric sẽ thăm chính thức Việt Nam.")
    visits = of_type(run(pipe, text, "vi", "2025-06-10"), "visit")
    assert [(v["status"], v["date_start"]) for v in visits] == [("planned", None)]
    text += "\nChuyến thăm diễn ra từ ngày 14 đến 16/6 nhằm tăng cường quan hệ hai nước."
    visits = of_type(run(pipe, text, "vi", "2025-06-10"), "visit")
    assert [(v["date_start"], v["date_end"]) for v in visits] == [("2025-06-14", "2025-06-16")]


def test_a_past_event_listed_with_several_years_is_one_event_per_year(pipe):
    text = "Chilean President Michelle Bachelet visited Vietnam in 2009 and 2017."
    visits = of_type(run(pipe, text, "en"), "visit")
    assert sorted(v["date_start"] for v in visits) == ["2009", "2017"]
    text = "Trước đó, Tổng thống Chile Michelle Bachelet đã thăm chính thức Việt Nam năm 2009, 2014 và 2017."
    visits = of_type(run(pipe, text, "vi"), "visit")
    assert sorted(v["date_start"] for v in visits) == ["2009", "2014", "2017"]


def test_months_joined_by_and_stay_one_event(pipe):
    text = ("Tổng thống Chile Gabriel Boric và Tổng thống Peru Dina Boluarte sẽ gặp nhau bên lề hội nghị "
            "vào cuối tháng 10 và đầu tháng 11.")
    talks = of_type(run(pipe, text, "vi"), "meeting")
    assert len(talks) == 1


def test_a_day_beats_the_year_it_falls_in_near_the_same_event(pipe):
    text = ("Chủ tịch nước Lương Cường sau đó thăm chính thức Peru, dự Tuần lễ cấp cao APEC năm 2026 "
            "từ ngày 10 đến 14-11.")
    visits = of_type(run(pipe, text, "vi", "2026-11-01"), "visit")
    assert ("2026-11-10", "2026-11-14") in [(v["date_start"], v["date_end"]) for v in visits]
    assert "2026" not in [v["date_start"] for v in visits]


def test_a_programme_item_dated_by_the_day_before_it_takes_the_visits_place(pipe):
    text = ("Kenyan President William Ruto arrived in Hanoi on June 11 for a state visit to Vietnam.\n"
            "On June 13, Ruto will lay a wreath at the mausoleum. "
            "He will then hold talks with President Luong Cuong.")
    talks = of_type(run(pipe, text, "en", "2025-06-12"), "meeting")
    assert [(t["date_start"], t["location"]["country"]) for t in talks] == [("2025-06-13", "VNM")]
