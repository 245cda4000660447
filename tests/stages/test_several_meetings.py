"""One visitor, several meetings of one type with one host country: a schedule, a list of those
met, "also met", "later received". Each separately met person or body is its own meeting
(shared/spec/events.md, section 3), also when nobody on that side is named.

Every sentence here is made up for the test (invented combinations of real countries and offices);
the expected events were worked out by hand from the spec.
"""
from __future__ import annotations

import pipeline
from pipeline.doc import Article


def run(pipe, text: str, lang: str, published: str | None = "2025-06-12") -> list[dict]:
    res = pipeline.extract([Article("t", text, lang, published)], pipeline=pipe)
    assert res.errors.empty, res.errors.to_dict("records")
    return res.events.to_dict("records")


def meetings(events: list[dict]) -> list[tuple]:
    return sorted((tuple(e["countries"]), tuple(sorted(p["name"] for p in e["participants"])))
                  for e in events if e["type"] == "meeting")


def test_two_groups_met_in_two_sentences_are_two_meetings(pipe):
    text = ("Chilean Foreign Minister Alberto van Klaveren arrived in Peru on Tuesday. Afterward, he met the "
            "members of the Peruvian congress. Later, he held a meeting with representatives of Peruvian businesses.")
    assert meetings(run(pipe, text, "en")) == [(("CHL", "PER"), ("Alberto van Klaveren",))] * 2


def test_two_unnamed_office_holders_in_two_sentences_are_two_meetings(pipe):
    text = ("Sáng 10/6, Thủ tướng Phạm Minh Chính đến Viêng Chăn, bắt đầu chuyến thăm chính thức Lào. "
            "Chiều 10/6, Thủ tướng Phạm Minh Chính hội kiến Chủ tịch Quốc hội Lào. "
            "Tối cùng ngày, Thủ tướng Phạm Minh Chính hội kiến Phó Chủ tịch nước Lào.")
    assert meetings(run(pipe, text, "vi")) == [(("LAO", "VNM"), ("Phạm Minh Chính",))] * 2


def test_a_repeated_report_of_one_group_meeting_stays_one(pipe):
    text = ("Kenyan President William Ruto met representatives of Japanese companies in Tokyo on Monday. "
            "Ruto also met representatives of Japanese companies to discuss investment, the statement said.")
    assert meetings(run(pipe, text, "en")) == [(("JPN", "KEN"), ("William Ruto",))]


def test_ambassadors_of_listed_countries_after_a_headline_without_countries(pipe):
    # the headline's "the ambassadors" is any of those listed after it: no extra reception
    text = ("Chủ tịch nước Lương Cường tiếp các Đại sứ trình Quốc thư\n\n"
            "Chiều 10/6, Chủ tịch nước Lương Cường tiếp Đại sứ các nước: Chile, Peru và Mông Cổ trình Quốc thư.")
    got = meetings(run(pipe, text, "vi"))
    assert sorted(c for c, _ in got) == [("CHL", "VNM"), ("MNG", "VNM"), ("PER", "VNM")]


def test_a_group_listed_after_the_people_met_is_one_more_meeting(pipe):
    text = ("During his stay in Canberra on Monday, Chilean Foreign Minister Alberto van Klaveren met with Trade "
            "Minister Don Farrell, Defence Minister Richard Marles and four senior Australian senators.")
    assert meetings(run(pipe, text, "en")) == [
        (("AUS", "CHL"), ("Alberto van Klaveren",)),
        (("AUS", "CHL"), ("Alberto van Klaveren", "Don Farrell")),
        (("AUS", "CHL"), ("Alberto van Klaveren", "Richard Marles")),
    ]
    # the delegation that came with the person met is no meeting of its own
    text = ("Chilean Foreign Minister Alberto van Klaveren met with Australian Trade Minister Don Farrell and his "
            "delegation in Canberra on Monday.")
    assert len(meetings(run(pipe, text, "en"))) == 1


def test_vietnamese_group_after_the_people_met_is_one_more_meeting(pipe):
    text = ("Chiều 10/6 tại Santiago, Chủ tịch Quốc hội Trần Thanh Mẫn hội kiến Tổng thống Chile Gabriel Boric "
            "và đại diện các doanh nghiệp Chile.")
    assert meetings(run(pipe, text, "vi")) == [
        (("CHL", "VNM"), ("Gabriel Boric", "Trần Thanh Mẫn")),
        (("CHL", "VNM"), ("Trần Thanh Mẫn",)),
    ]


def test_talks_in_a_list_of_activities_take_the_counterpart_that_closes_the_list(pipe):
    text = ("Trong khuôn khổ chuyến thăm, Tổng thống Chile Gabriel Boric đã dự lễ đón chính thức, hội đàm, chứng "
            "kiến lễ trao đổi các văn kiện hợp tác và dự tiệc chiêu đãi cùng Chủ tịch nước Lương Cường; hội kiến "
            "Thủ tướng Phạm Minh Chính.")
    assert meetings(run(pipe, text, "vi")) == [
        (("CHL", "VNM"), ("Gabriel Boric", "Lương Cường")),
        (("CHL", "VNM"), ("Gabriel Boric", "Phạm Minh Chính")),
    ]
    assert {e["subtype"] for e in run(pipe, text, "vi")
            if e["type"] == "meeting" and "Lương Cường" in str(e["participants"])} == {"talks"}
    text = ("During the visit, Kenyan President William Ruto attended the official welcome ceremony, held talks and "
            "attended a state banquet together with Indonesian President Prabowo Subianto.")
    assert meetings(run(pipe, text, "en")) == [(("IDN", "KEN"), ("Prabowo Subianto", "William Ruto"))]


def test_a_group_met_by_a_visitor_is_of_the_country_visited(pipe):
    text = ("Chilean Foreign Minister Alberto van Klaveren arrived in Seoul on Tuesday for an official visit. "
            "Later, he met with the business community.")
    assert meetings(run(pipe, text, "en")) == [(("CHL", "KOR"), ("Alberto van Klaveren",))]


def test_clauses_after_a_semicolon_without_a_subject_are_the_sentence_subjects(pipe):
    # the person named in the first clause's object (the monument's) acts in none of the meetings; the
    # office and its holder written with an honorific between them are one person
    text = ("Vietnamese President Luong Cuong laid a wreath at the monument to Bernardo O'Higgins in Santiago; "
            "called on the President of the Senate of Chile H.E. Manuel Ossandon; held talks with Foreign "
            "Minister Alberto van Klaveren on Monday.")
    assert meetings(run(pipe, text, "en")) == [
        (("CHL", "VNM"), ("Alberto van Klaveren", "Lương Cường")),
        (("CHL", "VNM"), ("Lương Cường", "Manuel Ossandon")),
    ]


def test_a_bare_office_of_a_country_is_not_a_named_holder_of_another_office(pipe):
    # the Senate President and the Speaker are not the President named before them: three meetings, two
    # with nobody named on the Chilean side
    text = ("Sáng 10/6, Thủ tướng Phạm Minh Chính đến Santiago, bắt đầu chuyến thăm chính thức Chile theo lời "
            "mời của Tổng thống Chile Gabriel Boric. Chiều cùng ngày, Thủ tướng hội kiến Tổng thống Gabriel Boric. "
            "Tối 10/6, Thủ tướng hội kiến Chủ tịch Thượng viện Chile; Chủ tịch Hạ viện Chile.")
    assert meetings(run(pipe, text, "vi")) == [
        (("CHL", "VNM"), ("Gabriel Boric", "Phạm Minh Chính")),
        (("CHL", "VNM"), ("Phạm Minh Chính",)),
        (("CHL", "VNM"), ("Phạm Minh Chính",)),
    ]
    # a generic title is any holder of its kind: "the Chilean minister" is the Foreign Minister named before
    text = ("Chilean Foreign Minister Alberto van Klaveren arrived in Seoul on Monday. On Tuesday, the Chilean "
            "minister held talks with South Korean Foreign Minister Cho Tae-yul.")
    assert meetings(run(pipe, text, "en")) == [(("CHL", "KOR"), ("Alberto van Klaveren", "Cho Tae-yul"))]


def test_calling_on_a_person_in_a_schedule_and_the_office_after_it(pipe):
    # "thăm" + a person's title is a call on that person, not a trip; the office met after the name,
    # with an event word between them, is someone else met, not that person's office
    text = ("Sáng 10/6, Chủ tịch nước Lương Cường đến Bangkok, bắt đầu chuyến thăm cấp nhà nước Thái Lan. Chiều "
            "cùng ngày, Chủ tịch nước sẽ hội kiến Quốc vương Thái Lan, thăm Hoàng Thái hậu Sirikit, hội kiến "
            "Thủ tướng Thái Lan. Ngày 11/6, Chủ tịch nước thăm một số nguyên lãnh đạo cấp cao của Thái Lan.")
    events = [e for e in run(pipe, text, "vi") if e["type"] == "meeting"]
    assert sorted(tuple(sorted(p["name"] for p in e["participants"])) for e in events) == [
        ("Lương Cường",), ("Lương Cường",), ("Lương Cường",), ("Lương Cường", "Sirikit")]
    assert sorted(e["subtype"] for e in events) == ["courtesy_call", "courtesy_call", "meeting", "meeting"]
    assert {tuple(e["countries"]) for e in events} == {("THA", "VNM")}


def test_a_state_call_and_the_host_who_will_meet_the_guest_next(pipe):
    text = ("President Luong Cuong will pay an official visit to Japan from June 27-30. During his stay, the "
            "Vietnamese President will make a state call on the Emperor of Japan, and Prime Minister Ishiba "
            "Shigeru will hold a meeting with the President.")
    events = [e for e in run(pipe, text, "en") if e["type"] == "meeting"]
    assert sorted((e["subtype"], tuple(sorted(p["name"] for p in e["participants"]))) for e in events) == [
        ("courtesy_call", ("Lương Cường",)), ("meeting", ("Ishiba Shigeru", "Lương Cường"))]
    assert {tuple(e["countries"]) for e in events} == {("JPN", "VNM")}


def test_each_body_listed_after_a_group_met_is_a_meeting(pipe):
    text = ("A delegation of the Communist Party of Chile led by Lautaro Carmona paid a working visit to Vietnam "
            "from June 2 to 8. During their stay, Carmona had working sessions with leaders of the Ho Chi Minh "
            "National Academy of Politics, the Vietnam Fatherland Front Central Committee and the Vietnam Union "
            "of Friendship Organisations. Carmona also worked with leaders of the Hanoi Party Committee.")
    assert meetings(run(pipe, text, "en")) == [(("CHL", "VNM"), ("Lautaro Carmona",))] * 4
    # the leadership of a state ("the Party, Government and Parliament") and the cities a group met in
    # are no list of bodies
    text = ("During the visit to Chile, Speaker Tran Thanh Man will hold talks with leaders of the Chilean "
            "Government and Congress, and meet leaders of Chilean businesses in Santiago and Valparaiso.")
    assert len(meetings(run(pipe, text, "en"))) == 2


def test_receiving_business_leaders_is_not_the_reception_of_a_named_minister(pipe):
    text = ("During the visit to Chile on June 10, Prime Minister Pham Minh Chinh received Chilean Foreign "
            "Minister Alberto van Klaveren; laid flowers at the monument to Bernardo O'Higgins; received leaders "
            "of Chilean businesses; and attended a business forum.")
    assert meetings(run(pipe, text, "en")) == [
        (("CHL", "VNM"), ("Alberto van Klaveren", "Phạm Minh Chính")),
        (("CHL", "VNM"), ("Phạm Minh Chính",)),
    ]
    # a delegation received is the party its named leader heads: one reception
    text = ("Chiều 10/6, Chủ tịch UBND TP Hồ Chí Minh Nguyễn Văn Được tiếp đoàn đại biểu tỉnh Quảng Đông, Trung "
            "Quốc. Tiếp ông Vương Vĩ Trung, Bí thư Tỉnh ủy Quảng Đông, Chủ tịch Nguyễn Văn Được cảm ơn đoàn.")
    assert len(meetings(run(pipe, text, "vi"))) == 1


def test_meetings_held_with_in_the_passive_are_the_visitors(pipe):
    # "Meetings were also held with A and B": nobody acts in the clause; the visitor the text is about
    # meets each of those listed, the named person and the group
    text = ("During the June 2-5 visit, President Luong Cuong met with Chilean President Gabriel Boric. "
            "Meetings were also held with the President of the Senate Manuel Ossandon and a number of major "
            "Chilean business groups.")
    assert meetings(run(pipe, text, "en")) == [
        (("CHL", "VNM"), ("Gabriel Boric", "Lương Cường")),
        (("CHL", "VNM"), ("Lương Cường",)),
        (("CHL", "VNM"), ("Lương Cường", "Manuel Ossandon")),
    ]
    # held with the participation (or the aim) of someone is no meeting with them
    text = ("Chilean President Gabriel Boric arrived in Hanoi on June 2. Meetings were held with the "
            "participation of Vietnamese officials. Talks were also held with Prime Minister Pham Minh Chinh.")
    assert meetings(run(pipe, text, "en")) == [(("CHL", "VNM"), ("Gabriel Boric", "Phạm Minh Chính"))]


def test_people_named_after_long_offices_are_each_met(pipe):
    # a regional premier's office ("Minister-President of the State of X") and a portfolio whose name
    # runs into the holder's ("... for Economy and Climate Action Jane Doe") leave the person met, not
    # the region or the portfolio's last words
    text = ("Chilean Foreign Minister Alberto van Klaveren arrived in Berlin on Monday. He later had a working "
            "session with Minister-President of the German State of Bavaria Markus Soeder.")
    assert meetings(run(pipe, text, "en")) == [(("CHL", "DEU"), ("Alberto van Klaveren", "Markus Soeder"))]
    text = ("Chilean Foreign Minister Alberto van Klaveren arrived in Berlin on Monday. During the visit, he paid "
            "courtesy calls to German President Frank-Walter Steinmeier, Minister-President of Saxony state "
            "Michael Kretschmer, State Secretary at the Federal Ministry for Digital Affairs and Transport "
            "Stefan Schnorr.")
    assert meetings(run(pipe, text, "en")) == [
        (("CHL", "DEU"), ("Alberto van Klaveren", "Frank-Walter Steinmeier")),
        (("CHL", "DEU"), ("Alberto van Klaveren", "Michael Kretschmer")),
        (("CHL", "DEU"), ("Alberto van Klaveren", "Stefan Schnorr")),
    ]
    # two people joined by "and" stay two whole names
    text = "Chilean President Gabriel Boric met German Chancellor Olaf Scholz and Foreign Minister Annalena Baerbock."
    assert meetings(run(pipe, text, "en")) == [
        (("CHL", "DEU"), ("Annalena Baerbock", "Gabriel Boric")),
        (("CHL", "DEU"), ("Gabriel Boric", "Olaf Scholz")),
    ]


def test_a_governor_of_a_prefecture_and_a_minister_of_a_listed_portfolio_are_two_meetings(pipe):
    # "Governor of Osaka prefecture X": the place's kind stands between the title and the name;
    # "Minister of Economy, Trade and Industry Y": the portfolio's first item is no person, and its
    # last item is no part of the name
    text = ("Vietnamese Deputy Prime Minister Tran Hong Ha arrived in Osaka on Monday. The same day, he held a "
            "working session with Governor of Osaka prefecture Hirofumi Yoshimura and Minister of Economy, "
            "Trade and Industry Yoji Muto.")
    assert meetings(run(pipe, text, "en")) == [
        (("JPN", "VNM"), ("Hirofumi Yoshimura", "Trần Hồng Hà")),
        (("JPN", "VNM"), ("Trần Hồng Hà", "Yoji Muto")),
    ]
    # a plain "Minister of Agriculture" before a name is still one person
    text = ("Vietnamese Deputy Prime Minister Tran Hong Ha met with Japanese Minister of Agriculture Taku Eto "
            "in Tokyo on Monday.")
    assert meetings(run(pipe, text, "en")) == [(("JPN", "VNM"), ("Taku Eto", "Trần Hồng Hà"))]


def test_each_meeting_in_a_programme_list_is_the_visitors(pipe):
    # the person met in an earlier item ("discussions with A") is nobody's subject in a later one
    # ("a meeting with B"): two meetings of the visitor, not one of A with B
    text = ("Fijian Prime Minister Sitiveni Rabuka will visit Australia on February 7. The visit includes "
            "bilateral discussions with Prime Minister Anthony Albanese, a leaders' dialogue, a meeting with "
            "Opposition Leader Peter Dutton, and a tour of a defence facility.")
    assert meetings(run(pipe, text, "en")) == [
        (("AUS", "FJI"), ("Anthony Albanese", "Sitiveni Rabuka")),
        (("AUS", "FJI"), ("Peter Dutton", "Sitiveni Rabuka")),
    ]
    # a person who acts in the list stays its subject
    text = ("Fijian Prime Minister Sitiveni Rabuka visited Australia on February 7. Prime Minister Anthony "
            "Albanese hosted a dinner, a tour, and a meeting with Rabuka.")
    assert meetings(run(pipe, text, "en")) == [(("AUS", "FJI"), ("Anthony Albanese", "Sitiveni Rabuka"))]


def test_an_honorific_between_a_title_and_its_name_keeps_the_title(pipe):
    text = ("Papua New Guinea Prime Minister James Marape arrived in London on Monday. There, Prime Minister "
            "Marape met King Charles III and Prime Minister Hon. Jane Holloway.")
    events = run(pipe, text, "en")
    titles = {p["name"]: p["title"] for e in events if e["type"] == "meeting" for p in e["participants"]}
    assert titles["Jane Holloway"] == "Prime Minister"


def test_several_senior_officials_met_besides_a_reception_are_one_more_meeting(pipe):
    text = ("Chilean Foreign Minister Alberto van Klaveren arrived in Beijing on Monday. Chinese President Xi "
            "Jinping received Alberto van Klaveren on Tuesday. Earlier in the day, the Chilean minister met "
            "with several senior Chinese officials and lawmakers.")
    assert meetings(run(pipe, text, "en")) == [
        (("CHL", "CHN"), ("Alberto van Klaveren",)),
        (("CHL", "CHN"), ("Alberto van Klaveren", "Xi Jinping")),
    ]
    # several people who are no delegation, officials or leaders are no meeting
    text = ("Chilean Foreign Minister Alberto van Klaveren arrived in Beijing on Monday. Chinese President Xi "
            "Jinping received Alberto van Klaveren on Tuesday. Later, the Chilean minister met with several "
            "reporters at the hotel.")
    assert meetings(run(pipe, text, "en")) == [(("CHL", "CHN"), ("Alberto van Klaveren", "Xi Jinping"))]


def test_a_name_with_initials_written_without_spaces_is_a_person_met(pipe):
    text = ("Vietnamese President Luong Cuong paid a state visit to India from June 2 to 4. He met with Speaker "
            "of the Lok Sabha Om Birla and Defence Minister Shri P.K. Raman in New Delhi.")
    assert meetings(run(pipe, text, "en")) == [
        (("IND", "VNM"), ("Lương Cường", "Om Birla")),
        (("IND", "VNM"), ("Lương Cường", "P.K. Raman")),
    ]
    # an acronym of capitals is still no name ("ASEAN Summit")
    text = "Vietnamese President Luong Cuong met with NATO Chief Mark Rutte at the ASEAN Summit in Kuala Lumpur."
    names = {p for _, ps in meetings(run(pipe, text, "en")) for p in ps}
    assert not any("ASEAN" in n or "NATO" in n for n in names)


def test_a_pronoun_opening_the_clause_of_a_meeting_is_its_subject(pipe):
    # "he" in "where he will meet" is the visitor, not the minister named just before it
    text = ("Chilean Foreign Minister Alberto van Klaveren arrived in Nairobi on Tuesday. Kenyan President "
            "William Ruto is holding a meeting with van Klaveren at State House. After the meeting, the Chilean "
            "minister will brief reporters with the Kenyan Minister of Foreign Affairs before leaving for "
            "Mombasa, where he will meet with the business community.")
    got = meetings(run(pipe, text, "en"))
    assert (("CHL", "KEN"), ("Alberto van Klaveren",)) in got and len(got) == 2
    # without the pronoun the person named before the meeting word is its subject, as before
    text = ("Chilean Foreign Minister Alberto van Klaveren arrived in Nairobi on Tuesday. The Kenyan Minister of "
            "Foreign Affairs Musalia Mudavadi later met with the Chilean minister.")
    assert meetings(run(pipe, text, "en")) == [(("CHL", "KEN"), ("Alberto van Klaveren", "Musalia Mudavadi"))]
