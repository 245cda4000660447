"""Tests for pipeline.stages.dateline: datelines and clutter exactly as they open scraped articles.

Expected offsets are counted by hand from the literal strings (the leading space
of " date ..." is offset 0), and cross-checked by slicing in the assertions.
"""
from __future__ import annotations

import pytest

from pipeline.stages.dateline import Dateline, clutter_spans, home_day, is_timestamp, parse_dateline

DATELINE_CASES = [
    # (text, published, place, body text starts with)
    (" date 2025-05-08 BAKU — Party General Secretary Tô Lâm", "2025-05-08", "BAKU", "Party General"),
    (" date 2024-08 Nhận lời mời của Tổng thống", "2024-08", None, "Nhận lời mời"),
    (" date 2025-03-11 JAKARTA — Party General Secretary", "2025-03-11", "JAKARTA", "Party General"),
    (" date 2024-08-19 0 SHARES Share Tweet\n\nBEIJING, China, Aug 19 — Xi Jinping met",
     "2024-08-19", "BEIJING", "Xi Jinping"),
    ("VIENTIANE - General Secretary of the Communist Party", None, "VIENTIANE", "General Secretary"),
    # the place sits mid-line after a photo caption: only the date is claimed
    (" date 2021-04-03 National Assembly (NA) Chairman Vương Đình Huệ. Photo Trọng Đức HÀ NỘI – National Assembly",
     "2021-04-03", None, "National Assembly (NA)"),
    # a header with only a country and a date, then the real dateline with the city
    (" date 2023-12-12 VIETNAM, December 12 -\n\nHÀ NỘI — Cambodian Prime Minister Hun Manet",
     "2023-12-12", "HÀ NỘI", "Cambodian Prime"),
    (" date 2025-09-04 Nhân dịp tham dự Lễ kỷ niệm", "2025-09-04", None, "Nhân dịp"),
    ("KUALA LUMPUR – Prime Minister Anwar Ibrahim", None, "KUALA LUMPUR", "Prime Minister"),
    ("Hanoi (VNA) – Foreign Minister Bùi Thanh Sơn", None, "Hanoi", "Foreign Minister"),
    ("Ho Chi Minh City (VNA) - The city", None, "Ho Chi Minh City", "The city"),
    ("HÀ NỘI (VNA) — Thủ tướng", None, "HÀ NỘI", "Thủ tướng"),
]


@pytest.mark.parametrize("text,published,place,body", DATELINE_CASES, ids=[c[0][:35] for c in DATELINE_CASES])
def test_parse_dateline_reads_date_prefix_place_and_body_start(
        text: str, published: str | None, place: str | None, body: str) -> None:
    d = parse_dateline(text)
    assert d.published == published
    assert d.place == place
    if place is None:
        assert d.place_start is None
    else:
        assert d.place_start is not None and text[d.place_start:d.place_start + len(place)] == place
    assert text[d.body_start:].startswith(body)


def test_parse_dateline_offsets_for_baku_are_exact() -> None:
    # " date 2025-05-08 " is 17 characters; "BAKU — " is 7 more
    assert parse_dateline(" date 2025-05-08 BAKU — Party") == Dateline("2025-05-08", "BAKU", 17, 24)


@pytest.mark.parametrize("text", [
    "Prime Minister Phạm Minh Chính - who chaired the meeting",
    "Tổng thống Azerbaijan Ilham Aliyev hôm 7/5 chủ trì lễ đón",
    "General Secretary Tô Lâm – Party chief",
    "",
])
def test_parse_dateline_finds_nothing_in_ordinary_sentence_starts(text: str) -> None:
    assert parse_dateline(text) == Dateline(None, None, None, 0)


def test_parse_dateline_ignores_caps_dash_after_running_text() -> None:
    text = ("Tổng Bí thư Tô Lâm đã có cuộc hội đàm với Tổng thống Azerbaijan Ilham Aliyev tại thủ đô Baku, "
            "hai bên nhất trí thông qua Tuyên bố chung về nâng cấp quan hệ lên Đối tác Chiến lược.\n"
            "ASEAN – Việt Nam")
    assert parse_dateline(text).place is None


CLUTTER_LINES = [
    "Thứ hai 03/11/2025 09:56",
    "Hotline: 024.355.63.010",
    "0 SHARES Share Tweet",
    "close_game",
    "Theo dõi Baoquocte.vn trên",
    "For more visit China Daily",
    "For subscriptions on news from China Daily, or inquiries, please contact subscription@chinadaily.com.cn",
    "About The Author",
    "Read full this story",
    "|",
    "Hindustan Times - your fastest source for breaking news! Read now.",
]


@pytest.mark.parametrize("line", CLUTTER_LINES)
def test_clutter_spans_cover_each_known_widget_line(line: str) -> None:
    text = f"Body sentence one.\n{line}\nBody sentence two."
    start = len("Body sentence one.\n")
    assert clutter_spans(text) == [(start, start + len(line))]


@pytest.mark.parametrize("line", [
    "Hotline numbers were busy all day.",
    "Theo dõi diễn biến trên thị trường",
    "Real text | with a bar.",
    "About the author of the plan, he said",
    "Ngày 7/5, Tổng Bí thư tới Baku.",
])
def test_clutter_spans_leave_article_sentences_alone(line: str) -> None:
    assert clutter_spans(line) == []


def test_clutter_after_date_prefix_starts_after_the_prefix() -> None:
    text = " date 2024-08-19 0 SHARES Share Tweet\n\nBEIJING, China, Aug 19 — Xi"
    [(s, e)] = clutter_spans(text)
    assert text[s:e] == "0 SHARES Share Tweet"


def test_clutter_spans_ignore_surrounding_whitespace_of_a_bar_line() -> None:
    text = "a\n  |  \nb"
    [(s, e)] = clutter_spans(text)
    assert (s, e, text[s:e]) == (4, 5, "|")


# Wire and newspaper heads that state the day with its year: the article's date when the input
# gives none. A day without a year ("Jan 15 (VNA)") cannot be placed and is left out.
STATED_DAY_CASES = [
    ("HANOI, January 15, 2025 — President X met Y.", "2025-01-15", "HANOI"),
    ("HÀ NỘI, 15/1/2025 - Chủ tịch nước tiếp Đại sứ.", "2025-01-15", "HÀ NỘI"),
    ("Hanoi, Jan 15 (VNA) – President X met Y.", None, "Hanoi"),
    ("VIENTIANE, Dec 3 (Reuters) - The two leaders met.", None, "VIENTIANE"),
    ("Vientiane Times, 3 December 2025\nThe two leaders met.", "2025-12-03", None),
    ("Thứ Hai, 21 tháng 8, 2023\n\nChủ tịch nước chủ trì lễ đón.", "2023-08-21", None),
    ("Thứ năm, 8/5/2025, 14:30 (GMT+7)\nTổng Bí thư hội đàm.", "2025-05-08", None),
    ("Published: 15 Jan 2025 10:03\nThe two ministers met.", "2025-01-15", None),
    ("Hà Nội, ngày 15/1/2025\nChủ tịch nước tiếp Đại sứ.", "2025-01-15", None),
    # running text that happens to open with a date is not a header
    ("On May 8, 2025, the two leaders met in Hanoi and signed several deals\nMore text.", None, None),
    # the crawler's prefix wins over a header line
    (" date 2025-05-09 Thứ năm, 8/5/2025\nTổng Bí thư hội đàm.", "2025-05-09", None),
]


@pytest.mark.parametrize("text,published,place", STATED_DAY_CASES)
def test_dateline_and_header_lines_give_the_stated_day(text, published, place):
    d = parse_dateline(text)
    assert (d.published, d.place) == (published, place)


@pytest.mark.parametrize("text,day,expected", [
    ("Chile and Vietnam sign deals\nBy Newsdesk   June 11, 2025 | 09:40 pm PT\nToday …", "2025-06-11", "2025-06-12"),
    ("Headline\nMarch 3, 2024 | 11:15 pm ET\nBody", "2024-03-03", "2024-03-04"),
    ("Headline\nJanuary 9, 2023 | 08:05 am PT\nBody", "2023-01-09", None),   # 23:05 in Hà Nội: same day
    ("Tiêu đề\n11/06/2025 21:40 GMT+7\nNội dung", "2025-06-11", None),      # already the home zone
    ("Headline\nDecember 31, 2025 | 19:30 GMT\nBody", "2025-12-31", "2026-01-01"),
    ("Headline\nJune 10, 2025 | 09:40 pm PT\nBody", "2025-06-11", None),    # the stamp is another day
])
def test_home_day_moves_a_page_stamp_in_another_zone_to_the_newsrooms(text, day, expected) -> None:
    assert home_day(text, day) == expected


def test_is_timestamp_tells_a_page_stamp_from_a_dated_sentence() -> None:
    text = "June 11, 2025 | 09:40 pm PT"
    assert is_timestamp(text, len("June 11, 2025"))
    text = "On June 11, 2025 the two sides met at 9:40."
    assert not is_timestamp(text, len("On June 11, 2025"))
