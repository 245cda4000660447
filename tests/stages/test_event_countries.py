"""The countries of an event: whose states take part, on wording nobody tuned to.

Each sentence is made up for the test (real countries and offices, invented combinations); the
expected countries follow shared/spec/events.md (a visit: the visitor's and the host's; a meeting:
the states of the people who meet).
"""
from __future__ import annotations

import pytest

import pipeline
from pipeline.doc import Article, Entity
from pipeline.stages.actors import ActorFinder


def run(pipe, text: str, lang: str, published: str | None = "2025-06-12") -> list[dict]:
    res = pipeline.extract([Article("t", text, lang, published)], pipeline=pipe)
    assert res.errors.empty, res.errors.to_dict("records")
    return res.events.to_dict("records")


def kinds(events) -> set[tuple]:
    return {(e["type"], tuple(e["countries"])) for e in events}


@pytest.mark.parametrize("text, name, iso", [
    ("The minister met Peruvian Deputy Prime Minister and Foreign Minister, General Oscar Quispe, on Monday.",
     "Oscar Quispe", "PER"),
    ("He later called on Chilean Vice President, Foreign Minister and Defence Minister Rosa Alvear.",
     "Rosa Alvear", "CHL"),
    ("Bộ trưởng gặp Phó Thủ tướng kiêm Bộ trưởng Quốc phòng Peru, Đại tướng Oscar Quispe.", "Oscar Quispe", "PER"),
])
def test_the_demonym_of_a_chain_of_titles_is_the_persons(text: str, name: str, iso: str) -> None:
    """"<Demonym> <title> and <title>, <rank> <Name>": one person's chain of titles, the demonym
    before its first title gives the country, however far the last title is from it."""
    lang = "vi" if "Bộ" in text else "en"
    start = text.index(name)
    ner = [Entity(start, start + len(name), name, "PERSON", source="ner")]
    people = {p.canonical: p.country for p in ActorFinder(lang).find(text, ner).people}
    assert people.get(name) == iso


def test_a_chain_of_titles_does_not_borrow_a_country_across_a_clause() -> None:
    text = "Chilean officials attended. Deputy Prime Minister and Foreign Minister, General Oscar Quispe, spoke."
    start = text.index("Oscar Quispe")
    ner = [Entity(start, start + 12, "Oscar Quispe", "PERSON", source="ner")]
    people = {p.canonical: p.country for p in ActorFinder("en").find(text, ner).people}
    assert people.get("Oscar Quispe") is None


def test_a_tour_of_cities_with_their_countries_in_brackets_is_one_visit_per_country(pipe) -> None:
    text = ("Kenyan President William Ruto came home on Sunday after official visits to Paris (France), "
            "Berlin (Germany), Rome (Italy), Madrid (Spain) and Lisbon (Portugal).")
    visits = {c for t, c in kinds(run(pipe, text, "en")) if t == "visit"}
    assert visits == {("FRA", "KEN"), ("DEU", "KEN"), ("ITA", "KEN"), ("ESP", "KEN"), ("KEN", "PRT")}


def test_a_city_list_past_the_usual_reach_still_needs_list_links(pipe) -> None:
    # a country far after the trip, not joined to its destination by a list, is no destination
    text = ("Kenyan President William Ruto paid an official visit to Paris (France) last week, and the "
            "talks there were hailed as a milestone by commentators in neighbouring Tanzania.")
    visits = {c for t, c in kinds(run(pipe, text, "en")) if t == "visit"}
    assert visits == {("FRA", "KEN")}


def test_a_traveller_of_unknown_country_is_of_none_of_the_countries_he_visits(pipe) -> None:
    """A person whose country nothing states, on a tour of several countries, meets their leaders:
    the article's other country is his, never one of those he visits."""
    text = ("Prime Minister Hon. Kalani Moana returned to Suva today after official visits to Tokyo (Japan) and "
            "Canberra (Australia).\n\n"
            "In Japan, PM Moana met Prime Minister Ishiba Shigeru and business leaders. "
            "In Australia, PM Moana met Prime Minister Anthony Albanese.\n\n"
            "\"These visits were made on behalf of Fiji,\" he said. Fiji will send more students to Japan.")
    meetings = {c for t, c in kinds(run(pipe, text, "en")) if t == "meeting"}
    assert meetings == {("FJI", "JPN"), ("AUS", "FJI")}


def test_kosovo_and_short_forms_are_countries(pipe) -> None:
    text = "Turkish President Recep Tayyip Erdogan on Monday spoke by phone with his Kosovar counterpart Vjosa Osmani."
    assert kinds(run(pipe, text, "en")) == {("meeting", ("TUR", "XKX"))}
    text = "Japanese Prime Minister Ishiba Shigeru held talks with the PNG Prime Minister in Tokyo on Monday."
    assert ("meeting", ("JPN", "PNG")) in kinds(run(pipe, text, "en"))
    text = "President Luong Cuong received the new Ambassador of the Republic of Gruzia in Hanoi on Monday."
    assert kinds(run(pipe, text, "en")) == {("meeting", ("GEO", "VNM"))}


def visits(events) -> set[tuple]:
    return {(tuple(e["countries"]), e["date_start"], e["date_end"]) for e in events if e["type"] == "visit"}


@pytest.mark.parametrize("text, lang", [
    ("Kenyan President William Ruto will visit India from 11 to 13 October and Sri Lanka from 13 to 15 October.",
     "en"),
    ("Kenyan President William Ruto will pay a state visit to India from October 11 to 13 and then to Sri Lanka "
     "from October 13 to 15.", "en"),
    ("Tổng thống Kenya William Ruto sẽ thăm cấp Nhà nước tới Ấn Độ từ ngày 11 đến 13-10 và tới Sri Lanka từ "
     "ngày 13 đến 15-10.", "vi"),
])
def test_a_trip_told_leg_by_leg_is_one_visit_per_leg_with_its_own_dates(pipe, text: str, lang: str) -> None:
    assert visits(run(pipe, text, lang)) == {(("IND", "KEN"), "2025-10-11", "2025-10-13"),
                                             (("KEN", "LKA"), "2025-10-13", "2025-10-15")}


def test_a_second_country_after_a_leg_with_no_link_word_is_no_leg(pipe) -> None:
    text = ("Kenyan President William Ruto will visit India from 11 to 13 October, as Sri Lanka "
            "prepares for elections.")
    assert visits(run(pipe, text, "en")) == {(("IND", "KEN"), "2025-10-11", "2025-10-13")}


def test_the_countries_a_tour_comprises_are_each_visited(pipe) -> None:
    text = ("Trước đó, hãng tin Kyodo ngày 28/7 đưa tin, ông Ishiba Shigeru sẽ có chuyến công du chính thức "
            "3 nước thuộc Nam Mỹ gồm Brazil, Chile và Peru từ ngày 1-6/8.")
    assert visits(run(pipe, text, "vi")) == {(("BRA", "JPN"), "2025-08-01", "2025-08-06"),
                                             (("CHL", "JPN"), "2025-08-01", "2025-08-06"),
                                             (("JPN", "PER"), "2025-08-01", "2025-08-06")}


def test_a_place_in_a_clause_about_the_attended_event_is_not_where_it_is_held(pipe) -> None:
    tail = ("US Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi on Wednesday after attending an "
            "ASEAN meeting where he urged Russia to end its war in Ukraine.")
    assert visits(run(pipe, tail, "en")) == set()
    # the dateline says where the attended meeting is held
    assert visits(run(pipe, "JAKARTA, June 11 (Reuters) - " + tail, "en")) == {
        (("IDN", "USA"), "2025-06-11", "2025-06-11")}
    # a place the attend phrase gives itself still counts
    text = "US Secretary of State Marco Rubio on Wednesday attended an ASEAN meeting in Kuala Lumpur."
    assert {c for c, _, _ in visits(run(pipe, text, "en"))} == {("MYS", "USA")}


def test_an_arrival_naming_no_place_is_where_the_visitor_was_just_met(pipe) -> None:
    text = ("President William Ruto is holding talks with Japanese Foreign Minister Iwaya Takeshi at State House, "
            "Nairobi. Iwaya arrived on Tuesday as part of his three-nation African tour.")
    assert visits(run(pipe, text, "en", published="2025-06-10")) == {(("JPN", "KEN"), "2025-06-10", "2025-06-10")}
    # a meeting on another day says nothing of where the arrival was
    text = ("President William Ruto held talks with Japanese Foreign Minister Iwaya Takeshi at State House, "
            "Nairobi, on May 2. Iwaya arrived on Tuesday as part of his three-nation African tour.")
    assert visits(run(pipe, text, "en", published="2025-06-10")) == set()


def test_people_listed_each_with_a_bracketed_country_are_all_people() -> None:
    """Only the first of the list is seen by NER here; the others follow "(Country), " like it."""
    text = ("President Ruto met Presidents Amadou Traore (Niger), Jean Baptiste Mbeki (Central African Republic) "
            "and Pedro Nunes Alves (Angola).")
    ner = [Entity(30, 43, "Amadou Traore", "PERSON", source="ner")]
    people = {p.canonical: p.country for p in ActorFinder("en").find(text, ner).people}
    assert people.get("Jean Baptiste Mbeki") == "CAF"
    assert people.get("Pedro Nunes Alves") == "AGO"
    # a place with its country in brackets, after no listed person, stays a place
    text = "The delegation flew to Port Harcourt (Nigeria) and Santa Cruz (Bolivia) on Monday."
    assert not [p for p in ActorFinder("en").find(text, []).people if "Santa" in p.canonical]


def meetings(events) -> set[tuple]:
    return {tuple(e["countries"]) for e in events if e["type"] == "meeting"}


def test_working_with_a_foreign_official_is_a_meeting(pipe) -> None:
    text = "Deputy Prime Minister Tran Hong Ha worked with Chinese Vice Premier Ding Xuexiang in Beijing on Monday."
    assert meetings(run(pipe, text, "en")) == {("CHN", "VNM")}
    text = ("During the working trip to Laos, Governor Nguyen Van Binh works with the Vice-Chairman of the Lao "
            "National Assembly on June 10.")
    assert meetings(run(pipe, text, "en")) == {("LAO", "VNM")}
    text = ("The Cuban delegation led by Jose Perez had working sessions with leaders of the Vietnam Fatherland "
            "Front on Tuesday.")
    assert meetings(run(pipe, text, "en")) == {("CUB", "VNM")}
    # working with a country towards a goal is no meeting
    assert not meetings(run(pipe, "The US worked with Japan and the Philippines to reduce tariffs.", "en"))


@pytest.mark.parametrize("text, lang", [
    ("Chilean President Gabriel Boric will leave Hanoi for Bangkok on Friday, June 13.", "en"),
    ("Chilean President Gabriel Boric travels from Hanoi to Bangkok on Friday, June 13.", "en"),
    ("Tổng thống Chile Gabriel Boric sẽ rời Hà Nội đi Bangkok trong ngày 13/6.", "vi"),
])
def test_leaving_one_capital_for_another_is_the_next_trip(pipe, text: str, lang: str) -> None:
    assert visits(run(pipe, text, lang)) == {(("CHL", "THA"), "2025-06-13", "2025-06-13")}


def test_leaving_for_a_country_named_as_an_owner_is_no_trip(pipe) -> None:
    text = "Chilean President Gabriel Boric left Hanoi for Thailand's trade talks with Japan."
    assert ("CHL", "THA") not in {c for c, _, _ in visits(run(pipe, text, "en"))}


def actor_countries(text: str, lang: str) -> tuple[dict[str, str | None], list[str]]:
    actors = ActorFinder(lang).find(text, [])
    return {p.canonical: p.country for p in actors.people}, [c.iso3 for c in actors.countries]


def test_an_ambiguous_country_closing_a_ministry_before_a_foreign_name_is_the_ministrys() -> None:
    people, _ = actor_countries("Thứ trưởng thường trực Bộ Ngoại giao Anh Oliver Grant sẽ thăm Việt Nam.", "vi")
    assert people.get("Oliver Grant") == "GBR"
    people, _ = actor_countries("Thứ trưởng Bộ Ngoại giao Nga Ivan Petrov sẽ thăm Việt Nam.", "vi")
    assert people.get("Ivan Petrov") == "RUS"
    # a Vietnamese name that has the word in it stays a name
    people, countries = actor_countries("Thứ trưởng Nguyễn Anh Tuấn tiếp đoàn.", "vi")
    assert "GBR" not in countries


def test_an_ambiguous_country_after_a_delegation_word_and_before_led_by_is_the_delegations() -> None:
    _, countries = actor_countries("Đoàn Anh do Thứ trưởng Oliver Grant dẫn đầu.", "vi")
    assert countries == ["GBR"]
    # "Đoàn" is also a family name: with no "led by", the two words are a person
    people, countries = actor_countries("Ông Đoàn Anh phát biểu tại hội nghị.", "vi")
    assert countries == []


@pytest.mark.parametrize("text, lang", [
    ("The visit of Chilean President Gabriel Boric to Vietnam takes place on his way to Tokyo, Japan to attend the "
     "G7 summit.", "en"),
    ("Chuyến thăm Việt Nam của Tổng thống Chile Gabriel Boric diễn ra trên đường tới Tokyo dự Hội nghị G7.", "vi"),
])
def test_on_the_way_to_a_city_abroad_is_the_next_trip(pipe, text: str, lang: str) -> None:
    events = run(pipe, text, lang)
    assert {c for c, _, _ in visits(events)} == {("CHL", "VNM"), ("CHL", "JPN")}
    # the trip the visitor is on his way to is still to come
    assert [e["status"] for e in events if e["type"] == "visit" and "JPN" in e["countries"]] == ["planned"]


def test_on_the_way_to_no_place_is_no_trip(pipe) -> None:
    assert not run(pipe, "On his way to work, the Chilean minister said that the economy was fine.", "en")


def test_undated_visits_listed_after_the_one_ranked_against_them_go_where_it_goes(pipe) -> None:
    text = ("Ông Marco Rubio là vị ngoại trưởng thứ ba thăm chính thức Việt Nam trong năm nay sau các chuyến thăm của "
            "Bộ trưởng Ngoại giao Nhật Bản Iwaya Takeshi, Bộ trưởng Ngoại giao Pháp Jean-Noël Barrot.")
    assert {c for c, _, _ in visits(run(pipe, text, "vi"))} == {("USA", "VNM"), ("JPN", "VNM"), ("FRA", "VNM")}
    # with no visit reported in the sentence, undated visits in general are not listed
    text = ("Các chuyến thăm của Bộ trưởng Ngoại giao Nhật Bản Iwaya Takeshi, Bộ trưởng Ngoại giao Pháp "
            "Jean-Noël Barrot.")
    assert ("JPN", "VNM") not in {c for c, _, _ in visits(run(pipe, text, "vi"))}


def test_talks_of_both_sides_unnamed_are_between_the_pair_just_reported(pipe) -> None:
    text = ("Chile's Ministry of Mines and Japan's Ministry of Economy on September 22 signed a memorandum of "
            "understanding on cooperation. Prior to the signing, the leaders of both ministries held talks.")
    assert meetings(run(pipe, text, "en")) == {("CHL", "JPN")}
    text = ("Bộ Khai khoáng Chile và Bộ Kinh tế Nhật Bản ngày 22/9 đã ký bản ghi nhớ hợp tác. Trước lễ ký, lãnh đạo "
            "hai bộ đã hội đàm.")
    assert meetings(run(pipe, text, "vi")) == {("CHL", "JPN")}
    # "both" with no pair reported before: nobody to meet
    assert not meetings(run(pipe, "Prior to the ceremony, the leaders of both ministries held talks.", "en"))


def test_leaders_attending_the_forum_listed_after_such_as_are_each_met(pipe) -> None:
    text = ("Thủ tướng Phạm Minh Chính sẽ có nhiều cuộc tiếp xúc song phương với lãnh đạo các nước, các tổ chức quốc "
            "tế cùng tham dự Hội nghị lần này, như Tổng thống Pháp Emmanuel Macron; Thủ tướng Ấn Độ Narendra Modi; "
            "Tổng thư ký Liên hợp quốc António Guterres.")
    events = run(pipe, text, "vi")
    assert meetings(events) == {("FRA", "VNM"), ("IND", "VNM"), ("VNM",)}
    assert not visits(events)  # the leaders' attending is no trip of the Prime Minister's


def test_an_international_official_met_takes_part_for_no_state(pipe) -> None:
    text = "On Monday, President Luong Cuong met UN Secretary-General António Guterres in New York."
    events = [e for e in run(pipe, text, "en") if e["type"] == "meeting"]
    assert [tuple(e["countries"]) for e in events] == [("VNM",)]
    assert {p["name"]: p["country"] for p in events[0]["participants"]}["António Guterres"] is None
