"""Vietnamese recall: a visit's span of days written in brackets after the visit noun, with slashes or
dots ("chuyến thăm … mới đây (29.5 - 2.6)"), dates that visit; a bracketed aside that is one day, a
month or a span of years is still no event's date, and a dotted pair outside brackets stays a number.

Every sentence is made up for the test (other countries, leaders, moved dates, capitalisation).
"""
from __future__ import annotations

import datetime

import pytest

import pipeline
from pipeline.doc import Article
from pipeline.lang.vi import dates as vi_dates


def run(pipe, text: str, published: str | None = "2025-06-12") -> list[dict]:
    res = pipeline.extract([Article("t", text, "vi", published)], pipeline=pipe)
    assert res.errors.empty, res.errors.to_dict("records")
    return res.events.to_dict("records")


def visits(events) -> list[tuple]:
    return [(tuple(e["countries"]), e["date_start"], e["date_end"]) for e in events if e["type"] == "visit"]


@pytest.mark.parametrize("text, countries, start, end", [
    ("Chuyến thăm cấp nhà nước đến Hàn Quốc của Chủ tịch nước Lương Cường mới đây (29.5 - 2.6) "
     "đã mở ra giai đoạn mới.", ("KOR", "VNM"), "2025-05-29", "2025-06-02"),
    ("Chuyến thăm chính thức tới Indonesia của Thủ tướng Phạm Minh Chính vừa qua (3/3 - 5/3) "
     "đạt nhiều kết quả.", ("IDN", "VNM"), "2025-03-03", "2025-03-05"),
    ("CHỦ TỊCH QUỐC HỘI Trần Thanh Mẫn thăm chính thức Nhật Bản (20.4 - 24.4).",
     ("JPN", "VNM"), "2025-04-20", "2025-04-24"),
])
def test_bracketed_span_of_days_dates_the_visit(pipe, text, countries, start, end):
    assert (countries, start, end) in visits(run(pipe, text))


def test_bracketed_span_of_years_is_an_anniversary_not_the_visit(pipe):
    text = ("Chuyến thăm chính thức tới Lào của Thủ tướng Phạm Minh Chính nhân kỷ niệm 60 năm quan hệ "
            "(5.9.1962 - 5.9.2022) diễn ra trong tháng 9/2022.")
    got = visits(run(pipe, text))
    assert got and all(s != "1962-09-05" for _, s, _ in got)


@pytest.mark.parametrize("text, found", [
    ("mới đây (29.5 - 2.6) đã", True),
    ("mới đây ( 1.7 – 4.7 ) đã", True),
    ("giá tăng 29.5 - 30.6 phần trăm", False),   # not in brackets: numbers
    ("giá (2.5 - 3.5 tỷ đồng)", False),          # bracketed but followed by more words
])
def test_dotted_range_is_a_date_only_alone_in_brackets(text, found):
    out: list = []
    vi_dates.candidates(text, datetime.date(2025, 6, 12), out)
    assert any(c.date_start != c.date_end for c in out) is found


@pytest.mark.parametrize("text, countries", [
    ("Thủ tướng Lào Sonexay Siphandone hôm nay đến Việt Nam bắt đầu chuyến công du chính thức kéo dài "
     "hai ngày.", ("LAO", "VNM")),
    ("Tổng thống Indonesia Prabowo Subianto ngày 10/6 đã tới Việt Nam, bắt đầu chuyến thăm cấp nhà nước.",
     ("IDN", "VNM")),
    ("Chủ tịch nước Lương Cường sáng nay sang Chile, Bắt đầu chuyến thăm chính thức.", ("CHL", "VNM")),
    ("Thủ tướng Singapore Lawrence Wong có mặt tại Việt Nam bắt đầu chuyến thăm làm việc.", ("SGP", "VNM")),
])
def test_country_reached_before_beginning_the_visit_is_its_destination(pipe, text, countries):
    assert countries in [c for c, _, _ in visits(run(pipe, text))]


def test_place_left_before_beginning_the_visit_is_not_its_destination(pipe):
    text = "Chủ tịch nước Lương Cường rời Hà Nội, bắt đầu chuyến thăm cấp nhà nước."
    assert visits(run(pipe, text)) == []


def test_official_trip_word_gives_the_official_subtype(pipe):
    text = "Thủ tướng Campuchia Hun Manet đến Việt Nam, bắt đầu chuyến công du chính thức."
    got = [e for e in run(pipe, text) if e["type"] == "visit"]
    assert [(e["subtype"], tuple(e["countries"])) for e in got] == [("official", ("KHM", "VNM"))]


@pytest.mark.parametrize("text, countries, start, end", [
    ("Bộ trưởng Lương Tam Quang thăm và làm việc tại Lào từ ngày 18 đến 20-8.", ("LAO", "VNM"),
     "2025-08-18", "2025-08-20"),
    ("Phó Thủ tướng Bùi Thanh Sơn Thăm Và Làm Việc tại Nhật Bản từ ngày 3 đến 5/7.", ("JPN", "VNM"),
     "2025-07-03", "2025-07-05"),
    ("Đoàn đại biểu Bộ Quốc phòng Campuchia do Đại tướng Tea Seiha dẫn đầu thăm và làm việc tại Việt Nam "
     "từ ngày 21-23/5.", ("KHM", "VNM"), "2025-05-21", "2025-05-23"),
])
def test_visit_and_work_is_a_working_visit(pipe, text, countries, start, end):
    got = [e for e in run(pipe, text) if e["type"] == "visit"]
    assert [(e["subtype"], tuple(e["countries"]), e["date_start"], e["date_end"]) for e in got] == \
        [("working", countries, start, end)]


@pytest.mark.parametrize("text, countries", [
    ("Nhận lời mời của Bộ Công an Lào, Bộ trưởng Lương Tam Quang thăm và làm việc tại Lào từ ngày 18 "
     "đến 20-8.", ("LAO", "VNM")),
    ("Nhận lời mời của Quốc hội Hàn Quốc, Chủ tịch Quốc hội Trần Thanh Mẫn thăm chính thức Hàn Quốc.",
     ("KOR", "VNM")),
])
def test_inviting_body_leaves_the_person_before_the_verb_as_visitor(pipe, text, countries):
    res = pipeline.extract([Article("t", text, "vi", "2025-06-12")], pipeline=pipe)
    assert res.errors.empty, res.errors.to_dict("records")
    assert countries in [tuple(e["countries"]) for e in res.events.to_dict("records") if e["type"] == "visit"]


@pytest.mark.parametrize("text, countries, visitor", [
    ("Nhận lời mời của Bộ Công an Lào, đồng chí Lương Tam Quang, Bộ trưởng Bộ Công an thăm và làm việc "
     "tại Lào từ ngày 18 đến 20-8.", ("LAO", "VNM"), "Lương Tam Quang"),
    ("Nhận lời mời của Trung ương Đảng Nhân dân Campuchia (CPP), bà Trương Thị Mai, Ủy viên Bộ Chính trị, "
     "thăm chính thức Campuchia.", ("KHM", "VNM"), "Trương Thị Mai"),
])
def test_invitation_from_a_body_ends_at_its_comma(pipe, text, countries, visitor):
    got = [e for e in run(pipe, text) if e["type"] == "visit"]
    assert [tuple(e["countries"]) for e in got] == [countries]
    assert visitor in [p["name"] for p in got[0]["participants"] if p["role"] == "visitor"]


def test_invitation_from_a_titled_leader_still_names_the_host(pipe):
    text = ("Nhận lời mời của Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith, Tổng Bí thư Tô Lâm "
            "thăm cấp nhà nước Lào từ ngày 10 đến 11/7.")
    got = [e for e in run(pipe, text) if e["type"] == "visit"]
    assert [tuple(e["countries"]) for e in got] == [("LAO", "VNM")]
    visitors = [p["name"] for p in got[0]["participants"] if p["role"] == "visitor"]
    assert visitors == ["Tô Lâm"]


@pytest.mark.parametrize("text, countries, day", [
    ("Chiều 2.6, ngay sau lễ đón chính thức tại Nhà Quốc hội, Chủ tịch Quốc hội Trần Thanh Mẫn đã hội đàm "
     "với Chủ tịch Thượng viện Malaysia cùng Đoàn đại biểu cấp cao.", ("MYS", "VNM"), "2025-06-02"),
    ("Sáng 14/5, ngay sau Lễ đón chính thức, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Thái Lan "
     "Paetongtarn Shinawatra.", ("THA", "VNM"), "2025-05-14"),
])
def test_talks_right_after_an_official_welcome_imply_an_official_visit(pipe, text, countries, day):
    got = [e for e in run(pipe, text) if e["type"] == "visit"]
    assert [(e["subtype"], tuple(e["countries"]), e["date_start"]) for e in got] == \
        [("official", countries, day)]


def test_talks_without_a_welcome_ceremony_imply_no_visit(pipe):
    text = "Chiều 2/6, Chủ tịch Quốc hội Trần Thanh Mẫn đã hội đàm với Chủ tịch Thượng viện Malaysia."
    assert visits(run(pipe, text)) == []
