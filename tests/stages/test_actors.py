"""Actors: people with their titles and countries, and short mentions linked to them."""
from __future__ import annotations

import pytest

from pipeline.stages.actors import ActorFinder, looks_vietnamese


def people(lang: str, text: str) -> dict[str, str | None]:
    actors = ActorFinder(lang).find(text)
    return {p.canonical: p.country for p in actors.people}


@pytest.mark.parametrize("lang,text,expected", [
    ("vi", "Thủ tướng Campuchia Hun Manet đã hội đàm với Thủ tướng Phạm Minh Chính.",
     {"Hun Manet": "KHM", "Phạm Minh Chính": "VNM"}),
    ("vi", "Chủ tịch nước Lương Cường tiếp Đại sứ Hàn Quốc Choi Young Sam tại Hà Nội.",
     {"Lương Cường": "VNM", "Choi Young Sam": "KOR"}),
    ("vi", "Tổng Bí thư, Chủ tịch nước Trung Quốc Tập Cận Bình điện đàm với Tổng Bí thư Tô Lâm.",
     {"Xi Jinping": "CHN", "Tô Lâm": "VNM"}),
    ("en", "Azerbaijani President Ilham Aliyev welcomed Party General Secretary Tô Lâm in Baku.",
     {"Ilham Aliyev": "AZE", "Tô Lâm": "VNM"}),
    ("en", "Prime Minister Pham Minh Chinh held phone talks with his Thai counterpart Srettha Thavisin.",
     {"Phạm Minh Chính": "VNM", "Srettha Thavisin": "THA"}),
    ("en", "Chinese Ambassador to Vietnam Xiong Bo greeted the delegation.", {"Xiong Bo": "CHN"}),
])
def test_people_get_their_country_from_title_context_or_gazetteer(lang, text, expected):
    assert people(lang, text) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "He landed at Heydar Aliyev International Airport on Monday."),
    ("en", "The APEC Week opened in Da Nang."),
    ("vi", "Đoàn công tác của tỉnh Hà Giang đã đến Bộ Ngoại giao."),
    ("vi", "Ủy ban nhân dân Thành phố Hồ Chí Minh tổ chức hội nghị."),
])
def test_organisations_places_and_acronyms_are_not_people(lang, text):
    assert people(lang, text) == {}


def test_short_mentions_and_bare_titles_link_to_the_full_name():
    text = ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Ishiba Shigeru. "
            "Thủ tướng Ishiba cảm ơn. Thủ tướng Nhật Bản khẳng định hợp tác.")
    actors = ActorFinder("vi").find(text)
    linked = [(m.text, m.person.canonical) for m in actors.mentions]
    assert ("Ishiba", "Ishiba Shigeru") in linked
    assert ("Thủ tướng Nhật Bản", "Ishiba Shigeru") in linked
    assert len(actors.people) == 2


def test_english_demonym_leader_refers_to_the_person_of_that_country():
    text = "Party chief Tô Lâm met Premier Li Qiang. Later the Chinese leader praised the ties."
    actors = ActorFinder("en").find(text)
    assert [(m.text, m.person.canonical) for m in actors.mentions if m.kind == "title"][-1] == \
        ("Chinese leader", "Li Qiang")


@pytest.mark.parametrize("name,expected", [
    ("Nguyễn Văn Sơn", True), ("Tran Thanh Man", True), ("Ilham Aliyev", False), ("Sơn", False),
])
def test_vietnamese_name_shape(name, expected):
    assert looks_vietnamese(name) is expected
