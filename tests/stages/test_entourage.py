"""Named members of a travelling delegation are visitors too (spec 3), when a sentence lists them
after "accompanied by", "the delegation includes", "tháp tùng ... có" or "Đoàn gồm".

The sentences are written for the test with made-up delegations of real offices; the expected
visitors were worked out by hand from the spec.
"""
from __future__ import annotations

import pytest

import pipeline
from pipeline.doc import Article


def visits(pipe, text: str, lang: str) -> list[dict]:
    res = pipeline.extract([Article("t", text, lang, "2025-06-12")], pipeline=pipe)
    assert res.errors.empty, res.errors.to_dict("records")
    return [e for e in res.events.to_dict("records") if e["type"] == "visit"]


def visitors(event: dict) -> set[str]:
    return {p["name"] for p in event["participants"] if p["role"] == "visitor"}


def test_a_vietnamese_list_after_thap_tung_joins_every_current_visit(pipe):
    text = ("Chủ tịch nước Lương Cường sẽ thăm chính thức Chile và Peru từ ngày 9 đến 16/11.\n"
            "Tháp tùng Chủ tịch nước có: Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn; "
            "Bộ trưởng Công Thương Nguyễn Hồng Diên; Chủ nhiệm Văn phòng Chủ tịch nước Lê Khánh Hải.")
    found = visits(pipe, text, "vi")
    assert {tuple(e["countries"]) for e in found} == {("CHL", "VNM"), ("PER", "VNM")}
    for e in found:  # the ministry's name "Công Thương" is no part of the minister's
        assert visitors(e) == {"Lương Cường", "Bùi Thanh Sơn", "Nguyễn Hồng Diên", "Lê Khánh Hải"}


@pytest.mark.parametrize("tail", [
    "Accompanied by a delegation including Foreign Minister Justin Tkatchenko and Chief Secretary to "
    "Government Mr. Ivan Pomaleu, Prime Minister Marape will meet business leaders.",
    "The delegation includes Foreign Minister Justin Tkatchenko and Chief Secretary to Government Mr. Ivan "
    "Pomaleu.",
])
def test_an_english_list_of_the_delegation_adds_its_members(pipe, tail):
    text = f"Papua New Guinea Prime Minister James Marape arrived in Canberra on Monday for an official visit. {tail}"
    found = visits(pipe, text, "en")
    assert len(found) == 1
    assert visitors(found[0]) == {"James Marape", "Justin Tkatchenko", "Ivan Pomaleu"}


@pytest.mark.parametrize("text, lang", [
    # the host escorts the guest: "dưới sự tháp tùng của" names no member of the guest's delegation
    ("Thủ tướng Trung Quốc Lý Cường thăm chính thức Thái Lan. Tại Chiềng Mai, Thủ tướng Lý Cường đã thăm "
     "một trường đại học dưới sự tháp tùng của Thủ tướng Thái Lan Srettha Thavisin.", "vi"),
    # those who welcome the delegation at the airport are not in it
    ("Thủ tướng Phạm Minh Chính đến Yangon, bắt đầu chuyến thăm chính thức Myanmar. Ra sân bay đón đoàn có "
     "Thủ hiến vùng Yangon ông Soe Thein, Đại sứ Việt Nam tại Myanmar Lý Quốc Tuấn.", "vi"),
])
def test_people_who_escort_or_welcome_the_guest_are_not_his_delegation(pipe, text, lang):
    for e in visits(pipe, text, lang):
        assert len(visitors(e)) == 1


@pytest.mark.parametrize("text, lang, expected", [
    ("Chủ tịch nước Lương Cường và Phu nhân Phan Thị Hiền thăm chính thức Chile.", "vi",
     {"Lương Cường", "Phan Thị Hiền"}),
    ("Tổng thống Chile Gabriel Boric và Phu nhân Irina Karamanos thăm chính thức Việt Nam.", "vi",
     {"Gabriel Boric", "Irina Karamanos"}),
    ("Chilean President Gabriel Boric and his wife Irina Karamanos paid a state visit to Vietnam.", "en",
     {"Gabriel Boric", "Irina Karamanos"}),
    ("Japanese Emperor Naruhito and Empress Masako will pay a state visit to Vietnam in September.", "en",
     {"Naruhito", "Masako"}),
])
def test_a_leader_and_spouse_named_together_both_travel(pipe, text, lang, expected):
    found = visits(pipe, text, lang)
    assert len(found) == 1
    assert visitors(found[0]) == expected


def test_an_inviter_listed_before_the_visitor_is_no_visitor(pipe):
    text = ("Nhận lời mời của Tổng thống Chile Gabriel Boric và Phu nhân, Chủ tịch nước Lương Cường và Phu nhân "
            "Phan Thị Hiền sẽ thăm cấp Nhà nước tới Chile từ ngày 9 đến 11/11.")
    found = visits(pipe, text, "vi")
    assert len(found) == 1
    assert visitors(found[0]) == {"Lương Cường", "Phan Thị Hiền"}
