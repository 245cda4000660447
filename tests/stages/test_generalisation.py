"""Capabilities that must hold on wording nobody tuned to: triggers in any case, look-aheads from
the gazetteers, actors known only by title and country, descriptions of the two leaders, and
nationality from an apposition.

Every sentence here is written for the test with made-up combinations of real countries and
offices; the expected events were worked out by hand from shared/spec/events.md.
"""
from __future__ import annotations

import pipeline
from pipeline.doc import Article, Entity
from pipeline.stages.actors import ActorFinder


def run(pipe, text: str, lang: str, published: str | None = "2025-06-12") -> list[dict]:
    res = pipeline.extract([Article("t", text, lang, published)], pipeline=pipe)
    assert res.errors.empty, res.errors.to_dict("records")
    return res.events.to_dict("records")


def kinds(events) -> set[tuple]:
    return {(e["type"], e["subtype"], tuple(e["countries"])) for e in events}


def test_unnamed_minister_calls_unnamed_counterpart_countries_from_demonyms(pipe):
    events = run(pipe, "On Monday, the French Foreign Minister telephoned his Chilean counterpart.", "en")
    assert kinds(events) == {("meeting", "phone_call", ("CHL", "FRA"))}
    assert events[0]["participants"] == []  # named people only
    assert events[0]["date_start"] == "2025-06-09"


def test_possessive_country_before_a_bare_title_makes_a_visitor(pipe):
    events = run(pipe, "Chile's Deputy Foreign Minister visited Japan on Tuesday.", "en")
    assert kinds(events) == {("visit", "other", ("CHL", "JPN"))}


def test_vietnamese_bare_title_with_country_after_it(pipe):
    events = run(pipe, "Sáng 10/6, Bộ trưởng Ngoại giao Chile điện đàm với Bộ trưởng Ngoại giao Nhật Bản.", "vi")
    assert kinds(events) == {("meeting", "phone_call", ("CHL", "JPN"))}


def test_sentence_initial_capital_and_lower_case_title_still_trigger(pipe):
    text = ("Tiếp đại sứ Chile Juan Pérez tại Hà Nội sáng 10/6, Chủ tịch nước Lương Cường đề nghị hai nước "
            "tăng cường hợp tác.")
    assert ("meeting", "reception", ("CHL", "VNM")) in kinds(run(pipe, text, "vi"))
    text = "Chuyến thăm chính thức Việt Nam của Tổng thống Chile Gabriel Boric diễn ra từ ngày 9 đến 11/6."
    assert ("visit", "official", ("CHL", "VNM")) in kinds(run(pipe, text, "vi"))


def test_demonym_look_ahead_comes_from_the_gazetteer_not_a_hand_list(pipe):
    # "Ghanaian" is in no trigger pattern; the gazetteer's demonyms make "received the Ghanaian ..." a reception
    text = "President Luong Cuong received the Ghanaian Foreign Minister in Hanoi on Wednesday."
    assert kinds(run(pipe, text, "en")) == {("meeting", "reception", ("GHA", "VNM"))}


def test_two_leaders_resolve_to_the_visitor_and_host(pipe):
    text = ("Kenyan President William Ruto arrived in Hanoi on Monday for an official visit to Vietnam at the "
            "invitation of President Luong Cuong. The two leaders held talks on Tuesday.")
    talks = [e for e in run(pipe, text, "en") if e["type"] == "meeting"]
    assert len(talks) == 1
    assert sorted(p["name"] for p in talks[0]["participants"]) == ["Lương Cường", "William Ruto"]
    assert talks[0]["date_start"] == "2025-06-10"
    text = ("Tổng thống Kenya William Ruto đến Hà Nội ngày 9/6, bắt đầu chuyến thăm chính thức Việt Nam theo lời "
            "mời của Chủ tịch nước Lương Cường. Sáng 10/6, hai nhà lãnh đạo đã hội đàm.")
    talks = [e for e in run(pipe, text, "vi") if e["type"] == "meeting"]
    assert [(t["subtype"], t["date_start"]) for t in talks] == [("talks", "2025-06-10")]


def test_free_modifiers_before_the_event_noun(pipe):
    text = "Prime Minister Pham Minh Chinh held cordial, productive talks with Kenyan President William Ruto."
    assert kinds(run(pipe, text, "en")) == {("meeting", "talks", ("KEN", "VNM"))}
    text = "Prime Minister Pham Minh Chinh had a first bilateral meeting with Kenyan President William Ruto."
    assert kinds(run(pipe, text, "en")) == {("meeting", "meeting", ("KEN", "VNM"))}


def test_apposition_gives_an_unknown_person_a_country():
    text = "Amina Wanjiru, Foreign Minister of the Republic of Kenya, arrived in Hanoi."
    ner = [Entity(0, 13, "Amina Wanjiru", "PERSON", source="ner")]  # as the English backend tags it
    actors = ActorFinder("en").find(text, ner)
    people = {p.canonical: p.country for p in actors.people}
    assert people == {"Amina Wanjiru": "KEN"}
    assert all(m.person.named for m in actors.mentions)  # the apposition is no second, unnamed actor


def test_roman_numerals_belong_to_a_name():
    actors = ActorFinder("en").find("King Mswati III of Eswatini arrived in Hanoi.")
    assert [p.canonical for p in actors.people] == ["Mswati III"]


def test_leaders_of_listed_countries_are_one_meeting_each(pipe):
    text = "Belarusian President Alexander Lukashenko met with the leaders of Kazakhstan, Hungary and Egypt on Monday."
    assert kinds(run(pipe, text, "en")) == {("meeting", "meeting", ("BLR", "KAZ")),
                                            ("meeting", "meeting", ("BLR", "HUN")),
                                            ("meeting", "meeting", ("BLR", "EGY"))}


def test_visit_of_a_named_person_is_a_visit_even_inside_another_event(pipe):
    text = ("Nairobi and Hanoi signed a memorandum of understanding on trade during the state visit of "
            "Kenyan President William Ruto to Vietnam in January.")
    visits = [e for e in run(pipe, text, "en") if e["type"] == "visit"]
    assert [(v["subtype"], tuple(v["countries"]), v["date_start"]) for v in visits] == [
        ("state", ("KEN", "VNM"), "2025-01")]


def test_past_visit_without_destination_goes_where_the_article_visit_goes(pipe):
    text = ("Kenyan President William Ruto arrived in Hanoi on Monday for an official visit. It was the first "
            "visit by a Kenyan president since Mwai Kibaki's visit in 2009.")
    visits = sorted((e["subtype"], tuple(e["countries"]), e["date_start"]) for e in run(pipe, text, "en")
                    if e["type"] == "visit")
    # the arrival names the visit's kind; the 2009 visit went to Vietnam too
    assert visits == [("official", ("KEN", "VNM"), "2025-06-09"), ("other", ("KEN", "VNM"), "2009")]
    text = ("Thủ tướng Canada Mark Carney đến Hà Nội sáng nay, bắt đầu chuyến thăm chính thức Việt Nam. Đây là "
            "chuyến thăm đầu tiên của một thủ tướng Canada kể từ chuyến công du của ông Justin Trudeau hồi tháng "
            "11/2017.")
    visits = sorted((tuple(e["countries"]), e["date_start"]) for e in run(pipe, text, "vi") if e["type"] == "visit")
    assert visits == [(("CAN", "VNM"), "2017-11"), (("CAN", "VNM"), "2025-06-12")]


def test_a_guest_received_on_the_occasion_of_a_trip_is_a_visitor(pipe):
    text = ("Sáng 10/6, Chủ tịch nước Lương Cường đã tiếp Thủ tướng Lào Sonexay Siphandone nhân dịp sang "
            "Việt Nam tham dự Diễn đàn Kinh tế.")
    assert kinds(run(pipe, text, "vi")) == {("meeting", "reception", ("LAO", "VNM")),
                                            ("visit", "other", ("LAO", "VNM"))}


def test_country_word_after_a_title_is_the_country_not_part_of_the_name(pipe):
    # "Nga" (Russia) and "Đức" (Germany) are also Vietnamese given names
    events = run(pipe, "Sáng 10/6, Tổng Bí thư Tô Lâm điện đàm với Tổng thống Nga Vladimir Putin.", "vi")
    assert [sorted(p["name"] for p in e["participants"]) for e in events] == [["Tô Lâm", "Vladimir Putin"]]


def test_unnamed_visitor_mention_joins_the_named_visit(pipe):
    text = ("Tổng thống Kenya William Ruto đến Hà Nội ngày 9/6, bắt đầu chuyến thăm cấp Nhà nước Việt Nam. "
            "Trưa 11/6, Tổng thống Kenya đã rời Hà Nội, kết thúc tốt đẹp chuyến thăm cấp Nhà nước tới Việt Nam.")
    visits = [e for e in run(pipe, text, "vi") if e["type"] == "visit"]
    assert len(visits) == 1 and visits[0]["countries"] == ["KEN", "VNM"]


def test_sentence_break_after_an_abbreviation_is_undone(pipe):
    text = ("President Luong Cuong held talks with Prime Minister Dr. Amina Mohamed of Kenya; met with "
            "Speaker Smt. Grace Wanjiru of Kenya.")
    meetings = [e for e in run(pipe, text, "en") if e["type"] == "meeting"]
    assert sorted(sorted(p["name"] for p in e["participants"]) for e in meetings) == [
        ["Amina Mohamed", "Lương Cường"], ["Grace Wanjiru", "Lương Cường"]]


def test_country_before_the_visit_noun_is_the_destination(pipe):
    text = ("The spokesperson said the upcoming Vietnam visit by Kenyan Foreign Minister Musalia Mudavadi aims to "
            "boost ties.")
    assert kinds(run(pipe, text, "en")) == {("visit", "other", ("KEN", "VNM"))}


def test_semicolon_list_of_described_people_is_one_meeting_each(pipe):
    text = ("President Luong Cuong held talks with Kenyan President William Ruto. He also met with Amina Mohamed, "
            "a senior member of the ruling party and deputy chair of the national economic council of Kenya; "
            "Speaker of the National Assembly Moses Wetangula; and Deputy President Kithure Kindiki.")
    met = sorted(p["name"] for e in run(pipe, text, "en") if e["type"] == "meeting" and e["subtype"] == "meeting"
                 for p in e["participants"] if p["name"] != "Lương Cường")
    assert met == ["Amina Mohamed", "Kithure Kindiki", "Moses Wetangula"]


def test_body_words_before_a_name_are_not_part_of_it(pipe):
    text = ("President Luong Cuong paid a state visit to Japan. He also met with Speaker of the House of "
            "Representatives Fukushiro Nukaga.")
    names = {p["name"] for e in run(pipe, text, "en") for p in e["participants"]}
    assert "Fukushiro Nukaga" in names and not any("Representatives" in n for n in names)


def test_agreed_upgrade_with_a_possessive_and_no_article(pipe):
    text = ("Vietnamese Prime Minister Pham Minh Chinh and Kenyan President William Ruto agreed to elevate their "
            "countries’ relations to a strategic partnership on Monday.")
    assert kinds(run(pipe, text, "en")) == {("agreement", "partnership_upgrade", ("KEN", "VNM"))}


def test_listed_past_visits_are_one_visit_per_visitor_and_year(pipe):
    text = ("Tổng thống Pháp Emmanuel Macron đến Hà Nội ngày 25/5, bắt đầu chuyến thăm cấp Nhà nước Việt Nam. "
            "Ông Macron là vị Tổng thống thứ tư của Pháp sang thăm Việt Nam sau các chuyến thăm của Tổng thống "
            "François Mitterrand năm 1993, Tổng thống Jacques Chirac năm 1997 và năm 2004.")
    past = sorted((tuple(e["countries"]), e["date_start"], e["participants"][0]["name"])
                  for e in run(pipe, text, "vi") if e["type"] == "visit" and len(e["date_start"] or "") == 4)
    assert past == [(("FRA", "VNM"), "1993", "François Mitterrand"), (("FRA", "VNM"), "1997", "Jacques Chirac"),
                    (("FRA", "VNM"), "2004", "Jacques Chirac")]


def test_leading_a_delegation_abroad_is_a_visit_and_a_former_leader_is_received(pipe):
    text = ("Sáng 10/6, Chủ tịch nước Lương Cường đã tiếp nguyên Tổng thống Kenya Uhuru Kenyatta nhân dịp Ngài "
            "nguyên Tổng thống dẫn đầu Đoàn đại biểu cấp cao Kenya sang Việt Nam làm việc.")
    assert kinds(run(pipe, text, "vi")) == {("meeting", "reception", ("KEN", "VNM")),
                                            ("visit", "other", ("KEN", "VNM"))}
    text = "Former Kenyan President Uhuru Kenyatta led a high-level business delegation to Vietnam on Monday."
    assert kinds(run(pipe, text, "en")) == {("visit", "other", ("KEN", "VNM"))}


def test_clauses_after_semicolons_keep_the_sentence_subject(pipe):
    text = ("Tổng thống Kenya William Ruto hội kiến với Tổng Bí thư Tô Lâm; dự lễ đón chính thức, tiệc chiêu đãi "
            "cùng Chủ tịch nước Lương Cường; hội kiến với Thủ tướng Chính phủ Phạm Minh Chính và Chủ tịch Quốc hội "
            "Trần Thanh Mẫn.")
    met = sorted(p["name"] for e in run(pipe, text, "vi") if e["type"] == "meeting"
                 for p in e["participants"] if p["name"] != "William Ruto")
    assert met == ["Phạm Minh Chính", "Trần Thanh Mẫn", "Tô Lâm"]


def test_country_in_brackets_after_a_name_is_that_persons_country(pipe):
    text = ("On Monday, President Uhuru Kenyatta met Presidents Ismael Omar Guelleh (Djibouti) and "
            "Ibrahim Boubakar Keita (Mali).")
    assert kinds(run(pipe, text, "en")) == {("meeting", "meeting", ("DJI", "KEN")),
                                            ("meeting", "meeting", ("KEN", "MLI"))}


def test_consultations_and_bilaterals_are_meetings(pipe):
    text = ("Vietnam's Deputy Foreign Minister Bui Thanh Son and his Azerbaijani counterpart Ramiz Hasanov "
            "conducted a political consultation in Hanoi on Tuesday.")
    assert kinds(run(pipe, text, "en")) == {("meeting", "meeting", ("AZE", "VNM"))}


def test_receiving_a_foreign_guest_at_home_implies_the_guests_visit(pipe):
    text = "Sáng 10/6, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường đã tiếp Thủ tướng Kenya Musalia Mudavadi."
    assert kinds(run(pipe, text, "vi")) == {("meeting", "reception", ("KEN", "VNM")),
                                            ("visit", "other", ("KEN", "VNM"))}
    # a resident ambassador makes no trip
    text = "Sáng 10/6, Chủ tịch nước Lương Cường đã tiếp Đại sứ Kenya Peter Mwangi."
    assert kinds(run(pipe, text, "vi")) == {("meeting", "reception", ("KEN", "VNM"))}
    # nor does a guest received while the host is the one abroad
    text = ("Tổng Bí thư Tô Lâm đến Nairobi ngày 9/6, bắt đầu chuyến thăm chính thức Kenya. Sáng 10/6, Tổng Bí thư "
            "Tô Lâm đã tiếp Phó Tổng thống Kenya Kithure Kindiki.")
    visits = [e for e in run(pipe, text, "vi") if e["type"] == "visit"]
    assert [v["participants"][0]["name"] for v in visits] == ["Tô Lâm"]


def test_a_delegation_led_by_someone_acts_through_its_leader(pipe):
    text = ("Chiều 3/3, Đoàn đại biểu cấp cao Bộ Công Thương Việt Nam do Bộ trưởng Nguyễn Hồng Diên làm Trưởng đoàn "
            "có buổi gặp gỡ Phó Chủ tịch nước Lào Bounthong Chitmany.")
    events = run(pipe, text, "vi")
    assert [sorted(p["name"] for p in e["participants"]) for e in events if e["type"] == "meeting"] == [
        ["Bounthong Chitmany", "Nguyễn Hồng Diên"]]


def test_they_met_each_other_and_a_warm_reception_of_a_comrade(pipe):
    text = "Tổng thống Mỹ Joe Biden và Thủ tướng Ấn Độ Narendra Modi gặp nhau hôm 10/6."
    assert kinds(run(pipe, text, "vi")) == {("meeting", "meeting", ("IND", "USA"))}
    text = "Sáng 10/6, Tổng Bí thư Tô Lâm đã tiếp thân mật đồng chí Sonexay Siphandone, Thủ tướng Lào."
    assert ("meeting", "reception", ("LAO", "VNM")) in kinds(run(pipe, text, "vi"))


def test_invitations_and_hopes_are_not_events(pipe):
    text = "He also took this occasion to invite Kenyan President William Ruto to visit Vietnam in the near future."
    assert not [e for e in run(pipe, text, "en") if e["type"] == "visit"]
    text = "Tôi rất mong được chào đón Tổng thống Kenya William Ruto thăm Việt Nam trong thời gian tới."
    assert not [e for e in run(pipe, text, "vi") if e["type"] == "visit"]


def test_credentials_presented_and_receptions_hosted_for_someone(pipe):
    text = ("Ambassador of Kazakhstan Barlybay Sadykov presented his credentials to Kenyan President William Ruto "
            "at the State House on Monday.")
    assert kinds(run(pipe, text, "en")) == {("meeting", "reception", ("KAZ", "KEN"))}
    text = "Politburo member Truong Thi Mai hosted a reception in Hanoi on June 9 for Kenyan President William Ruto."
    assert ("meeting", "reception", ("KEN", "VNM")) in kinds(run(pipe, text, "en"))


def test_adverbs_between_met_and_the_one_met(pipe):
    text = "Prime Minister Pham Minh Chinh met behind closed doors yesterday with Cambodian Prime Minister Hun Manet."
    assert kinds(run(pipe, text, "en")) == {("meeting", "meeting", ("KHM", "VNM"))}


def test_country_right_before_an_unknown_name_is_its_country(pipe):
    text = ("Chiều 15/7, tại Nhà Quốc hội, Phó Chủ nhiệm Ủy ban Quốc phòng và An ninh Trần Văn Tiến đã tiếp "
            "Chủ nhiệm Ủy ban Quốc phòng và An ninh của Quốc hội Lào Khamla Sengdara.")
    assert ("meeting", "reception", ("LAO", "VNM")) in kinds(run(pipe, text, "vi"))


def test_a_tour_with_an_attended_summit_has_one_visit_per_country(pipe):
    text = ("Chủ tịch nước Lương Cường sẽ thăm cấp Nhà nước tới I-ta-li-a, thăm Tòa thánh Va-ti-căng và dự "
            "Hội nghị Cấp cao Pháp ngữ tại Ma-đa-ga-xca từ ngày 20 đến 27/11.")
    assert {tuple(e["countries"]) for e in run(pipe, text, "vi") if e["type"] == "visit"} == {
        ("ITA", "VNM"), ("VAT", "VNM"), ("MDG", "VNM")}


def test_meeting_several_titled_people_and_visiting_a_person(pipe):
    text = ("Prime Minister Hun Manet is set to meet separately today prime ministers Prayut Chan-o-cha (Thailand) "
            "and Sonexay Siphandone (Laos).")
    assert kinds(run(pipe, text, "en")) == {("meeting", "meeting", ("KHM", "THA")),
                                            ("meeting", "meeting", ("KHM", "LAO"))}
    text = "Prime Minister Pham Minh Chinh also visited King Norodom Sihamoni on Monday."
    assert ("meeting", "courtesy_call", ("KHM", "VNM")) in kinds(run(pipe, text, "en"))


def test_arrival_at_an_airport_abroad_and_bilateral_contacts(pipe):
    text = ("Trưa 17/10, Chủ tịch nước Lương Cường cùng Đoàn đại biểu Cấp cao Việt Nam đã đến sân bay Thủ đô "
            "Bắc Kinh, Trung Quốc, bắt đầu chuyến công tác.")
    assert ("visit", "working", ("CHN", "VNM")) in kinds(run(pipe, text, "vi"))
    text = ("Tại Bắc Kinh, Chủ tịch nước Lương Cường sẽ có các cuộc tiếp xúc song phương với Tổng thống Nga "
            "Vladimir Putin và Thủ tướng Campuchia Hun Manet.")
    assert kinds(run(pipe, text, "vi")) == {("meeting", "meeting", ("RUS", "VNM")),
                                            ("meeting", "meeting", ("KHM", "VNM"))}


def test_every_form_of_the_light_verbs_opens_a_meeting(pipe):
    """One list of inflections ({HOLD} in triggers.tsv) serves every 'hold/have/conduct + event
    noun' pattern: the base form after 'will' must work as well as the past."""
    for verb in ("will hold meetings with", "held meetings with", "is having consultations with",
                 "conducted talks with", "will have a bilateral with"):
        text = f"On Monday, Fijian Prime Minister Sitiveni Rabuka {verb} New Zealand Prime Minister Chris Hipkins."
        events = run(pipe, text, "en")
        assert [(e["type"], tuple(e["countries"])) for e in events] == [("meeting", ("FJI", "NZL"))], verb


def test_an_agent_phrase_after_visit_names_the_visitor_over_a_name_before_it(pipe):
    text = ("US President Donald Trump spoke about his relationship with Turkish President Recep Tayyip "
            "Erdogan on Monday during a visit by Israeli Prime Minister Benjamin Netanyahu to the White House.")
    events = run(pipe, text, "en")
    visits = [(tuple(e["countries"]), [p["name"] for p in e["participants"] if p["role"] == "visitor"])
              for e in events if e["type"] == "visit"]
    assert visits == [(("ISR", "USA"), ["Benjamin Netanyahu"])]


def test_hosting_a_foreign_leader_is_a_reception_and_implies_the_guests_visit(pipe):
    events = run(pipe, "Kenyan President Uhuru Kenyatta hosted Ethiopian Prime Minister Abiy Ahmed on Monday.", "en")
    assert kinds(events) == {("meeting", "reception", ("ETH", "KEN")), ("visit", "other", ("ETH", "KEN"))}
    assert run(pipe, "Japan hosted the G7 summit in Hiroshima on Monday.", "en") == []


def test_a_delegation_of_a_country_with_no_named_leader_is_an_unnamed_actor(pipe):
    events = run(pipe, "Chiều 10/6, Bộ trưởng Bộ Quốc phòng Phan Văn Giang tiếp Đoàn đại biểu Bộ Quốc phòng "
                       "Campuchia đang thăm Việt Nam.", "vi")
    assert ("meeting", "reception", ("KHM", "VNM")) in kinds(events)
    reception = [e for e in events if e["subtype"] == "reception"][0]
    assert [p["name"] for p in reception["participants"]] == ["Phan Văn Giang"]  # named people only
    events = run(pipe, "On Monday, the Japanese delegation held talks with Vietnamese Foreign Minister Bui Thanh Son.",
                 "en")
    assert kinds(events) == {("meeting", "talks", ("JPN", "VNM"))}


def test_a_leaders_own_delegation_and_a_delegations_destination_are_not_actors(pipe):
    events = run(pipe, "Ngày 10/6, Chủ tịch nước Lương Cường và Phu nhân cùng Đoàn đại biểu cấp cao Việt Nam "
                       "thăm cấp Nhà nước Chile.", "vi")
    visits = [e for e in events if e["type"] == "visit"]
    assert [[p["name"] for p in e["participants"] if p["role"] == "visitor"] for e in visits] == [["Lương Cường"]]
    text = "Ngày 10/6, Đoàn công tác của tỉnh Quảng Ninh sang thăm Trung Quốc."
    finder = ActorFinder("vi")
    assert finder.find(text, [], {0}).mentions == []  # China is where it goes, not whose it is


def test_credentials_of_each_envoy_in_a_list_are_one_reception_each_in_vietnamese(pipe):
    """'nhận Quốc thư của X, Y và Z': the envoys after 'của' act; they are not modifiers."""
    events = run(pipe, "Chiều 6/6, Chủ tịch nước Lương Cường đã nhận Quốc thư của Đại sứ Italy Marco Della Seta, "
                       "Đại sứ Chile Fernando Urrutia và Đại sứ Ai Cập Amr Tawfik.", "vi")
    assert kinds(events) == {("meeting", "reception", ("ITA", "VNM")), ("meeting", "reception", ("CHL", "VNM")),
                             ("meeting", "reception", ("EGY", "VNM"))}


def test_a_signing_only_hoped_for_is_no_agreement(pipe):
    for text, lang in [
        ("On Monday, Chile and Japan promised to soon sign a memorandum of understanding on mining.", "en"),
        ("On Monday, Chile and Japan said they look forward to an early signing of a trade agreement.", "en"),
        ("Ngày 10/6, Chile và Nhật Bản hy vọng sẽ ký Bản ghi nhớ hợp tác khai khoáng.", "vi"),
    ]:
        assert [e for e in run(pipe, text, lang) if e["type"] == "agreement"] == [], text
    events = run(pipe, "On Monday, Chile and Japan signed a memorandum of understanding on mining.", "en")
    assert ("agreement", "mou", ("CHL", "JPN")) in kinds(events)


def test_common_phrasings_of_meetings_calls_and_trips(pipe):
    """Phrasings written for this test, one per sentence; each must yield its event."""
    cases = [
        ("Indonesian President Prabowo Subianto sat down with Australian Prime Minister Anthony Albanese on Monday.",
         "en", ("meeting", "meeting", ("AUS", "IDN"))),
        ("Turkish President Recep Tayyip Erdogan spoke by phone with Russian President Vladimir Putin on Friday.",
         "en", ("meeting", "phone_call", ("RUS", "TUR"))),
        ("Canadian Prime Minister Mark Carney and Mexican President Claudia Sheinbaum discussed trade in a call on "
         "Monday.",
         "en", ("meeting", "phone_call", ("CAN", "MEX"))),
        ("Egyptian President Abdel Fattah el-Sisi travelled to Saudi Arabia on Sunday.",
         "en", ("visit", "other", ("EGY", "SAU"))),
        ("Meeting in Beijing on Monday, Chinese President Xi Jinping and Kenyan President William Ruto agreed to "
         "deepen ties.",
         "en", ("meeting", "meeting", ("CHN", "KEN"))),
        ("The foreign ministers of Vietnam and Laos held talks in Vientiane on Monday.",
         "en", ("meeting", "talks", ("LAO", "VNM"))),
        ("Brazilian President Lula da Silva departed for Japan on Monday on a state visit.",
         "en", ("visit", "state", ("BRA", "JPN"))),
        ("Singaporean President Tharman Shanmugaratnam is in Vietnam for a state visit.",
         "en", ("visit", "state", ("SGP", "VNM"))),
        ("US Secretary of State Marco Rubio will travel to Panama next week.", "en",
         ("visit", "other", ("PAN", "USA"))),
        ("Indian Prime Minister Narendra Modi hosted a dinner for Japanese Prime Minister Shigeru Ishiba on Monday.",
         "en", ("meeting", "reception", ("IND", "JPN"))),
        ("Chinese President Xi Jinping exchanged views with Brazilian President Lula da Silva on Monday.",
         "en", ("meeting", "meeting", ("BRA", "CHN"))),
        ("Ngày 12/5, Phó Thủ tướng Bùi Thanh Sơn làm việc với Bộ trưởng Ngoại giao Singapore Vivian Balakrishnan.",
         "vi", ("meeting", "meeting", ("SGP", "VNM"))),
        ("Ngày 12/5, Thủ tướng Phạm Minh Chính tiếp xúc với Thủ tướng Thái Lan Anutin Charnvirakul bên lề Hội nghị.",
         "vi", ("meeting", "meeting", ("THA", "VNM"))),
        ("Ngày 12/5, Bộ trưởng Ngoại giao Bùi Thanh Sơn và Bộ trưởng Ngoại giao Lào Thongsavanh Phomvihane đồng chủ "
         "trì Kỳ họp Ủy ban hợp tác song phương.", "vi", ("meeting", "meeting", ("LAO", "VNM"))),
        ("Ngày 12/5, Tổng Bí thư Tô Lâm đã trao đổi với Tổng thống Mỹ Donald Trump qua điện thoại.",
         "vi", ("meeting", "phone_call", ("USA", "VNM"))),
    ]
    for text, lang, want in cases:
        assert want in kinds(run(pipe, text, lang)), text


def test_a_ministrys_portfolio_is_no_name_and_the_minister_is_found_after_it(pipe):
    events = run(pipe, "Vietnamese Minister of Industry and Trade Nguyen Hong Dien held talks with Chinese Minister "
                       "of Commerce Wang Wentao on Tuesday.", "en")
    # not in the people gazetteer: the name stays as written
    assert [sorted(p["name"] for p in e["participants"]) for e in events] == [["Nguyen Hong Dien", "Wang Wentao"]]


def test_an_invitation_to_a_titled_person_to_visit_is_no_visit(pipe):
    text = "Vietnamese Foreign Minister Pham Binh Minh invited Mr. Rex Tillerson to visit Vietnam in the near future."
    assert [e for e in run(pipe, text, "en") if e["type"] == "visit"] == []


def test_the_invitation_phrase_ends_at_the_comma_after_the_inviters_name(pipe):
    """'Nhận lời mời của X, Y …': X invites, Y acts; a title chain's commas come before the name."""
    for text in [
        "Nhận lời mời của Chủ tịch nước Lương Cường, Tổng thống Cộng hòa Chile Gabriel Boric và Phu nhân đã có "
        "chuyến thăm cấp Nhà nước Việt Nam từ ngày 10 đến 12/6.",
        "Nhận lời mời của Tổng Bí thư, Chủ tịch nước Tô Lâm, Tổng thống Chile Gabriel Boric đã đến Hà Nội, bắt đầu "
        "chuyến thăm cấp Nhà nước Việt Nam.",
    ]:
        visits = [e for e in run(pipe, text, "vi") if e["type"] == "visit"]
        assert [[p["name"] for p in e["participants"] if p["role"] == "visitor"] for e in visits] == [["Gabriel Boric"]]
    visit = [e for e in run(pipe, "Nhận lời mời của Chủ tịch nước Lương Cường, Tổng thống Cộng hòa Chile Gabriel Boric "
                                  "và Phu nhân đã có chuyến thăm cấp Nhà nước Việt Nam từ ngày 10 đến 12/6.", "vi")
             if e["type"] == "visit"][0]
    assert (visit["date_start"], visit["date_end"]) == ("2025-06-10", "2025-06-12")


def test_title_country_comma_honorific_name_and_delegation_word_is_no_surname(pipe):
    """'Cố vấn Nhà nước Cộng hòa Liên bang Myanmar, bà X đã dẫn đầu Đoàn đại biểu …': X is the
    State Counsellor of Myanmar and the visitor; 'Đoàn' opens the delegation, no person."""
    text = ("Nhận lời mời của Thủ tướng Chính phủ Phạm Minh Chính, Tổng thống Cộng hòa Chile, ông Gabriel Boric "
            "đã dẫn đầu Đoàn đại biểu cấp cao Chile bắt đầu chuyến thăm chính thức Việt Nam từ ngày 10 đến 12/6.")
    visits = [e for e in run(pipe, text, "vi") if e["type"] == "visit"]
    assert [(tuple(e["countries"]), [p["name"] for p in e["participants"] if p["role"] == "visitor"],
             e["date_start"], e["date_end"]) for e in visits] == [(("CHL", "VNM"), ["Gabriel Boric"],
                                                                   "2025-06-10", "2025-06-12")]


def test_a_signing_ceremony_of_documents_is_one_agreement(pipe):
    for text, lang in [
        ("Ngày 12/5, Thủ tướng Phạm Minh Chính và Thủ tướng Ấn Độ Narendra Modi đã chứng kiến Lễ ký kết 5 văn kiện "
         "hợp tác.", "vi"),
        ("On Monday, Prime Minister Pham Minh Chinh and Lao Prime Minister Sonexay Siphandone witnessed the signing "
         "ceremony for important cooperation documents.", "en"),
    ]:
        assert len([e for e in run(pipe, text, lang) if e["type"] == "agreement"]) == 1, text


def test_the_day_something_was_said_does_not_date_what_was_said(pipe):
    for text, lang in [
        ("Người phát ngôn Bộ Ngoại giao ngày 5/6 cho hay Tổng thống Chile Gabriel Boric sẽ thăm chính thức Việt Nam.",
         "vi"),
        ("The Chilean Foreign Ministry on Thursday announced that President Gabriel Boric will pay an official "
         "visit to Vietnam.", "en"),
    ]:
        visits = [e for e in run(pipe, text, lang) if e["type"] == "visit"]
        assert [(e["status"], e["date_start"], e["date_source"]) for e in visits] == [
            ("planned", None, "none-planned")], text


def test_a_call_made_now_stays_apart_from_the_meeting_it_plans(pipe):
    text = ("Tổng thống Mỹ Donald Trump ngày 10/6 cho biết ông vừa điện đàm với Chủ tịch Trung Quốc Tập Cận Bình. "
            "Tổng thống Trump sẽ gặp Chủ tịch Tập Cận Bình tại Hội nghị cấp cao APEC vào tháng 10.")
    got = sorted((e["subtype"], e["status"], e["date_start"]) for e in run(pipe, text, "vi"))
    assert got == [("meeting", "planned", "2025-10"), ("phone_call", "occurred", "2025-06-10")]


def test_a_nationality_and_title_before_a_name_describes_that_name_not_the_last_compatriot(pipe):
    """'German President Frank-Walter Steinmeier' after 'German Foreign Minister Annalena Baerbock' is
    Steinmeier, so each courtesy call in the list is a meeting with its own host."""
    events = run(pipe, "During the visit, Chilean Foreign Minister Alberto van Klaveren held talks with German Foreign "
                       "Minister Annalena Baerbock, paid courtesy calls to German President Frank-Walter Steinmeier "
                       "and Minister-President of Hessen state Boris Rhein.", "en")
    calls = [e for e in events if e["subtype"] == "courtesy_call"]
    hosts = {p["name"] for e in calls for p in e["participants"]} - {"Alberto van Klaveren"}
    assert hosts == {"Frank-Walter Steinmeier", "Boris Rhein"}
    assert all(tuple(e["countries"]) == ("CHL", "DEU") for e in calls)


def test_a_name_with_a_lower_case_particle_is_one_person(pipe):
    """'van', 'bin', 'da' inside a name do not cut it in two ('Alberto' and 'Klaveren')."""
    events = run(pipe, "Chilean Foreign Minister Alberto van Klaveren held talks with Malaysian Prime Minister "
                       "Anwar bin Ibrahim in Kuala Lumpur on Monday.", "en")
    assert kinds(events) == {("meeting", "talks", ("CHL", "MYS"))}
    assert [p["name"] for p in events[0]["participants"]] == ["Alberto van Klaveren", "Anwar bin Ibrahim"]


def test_would_in_reported_speech_is_a_plan_but_would_like_to_is_a_wish(pipe):
    planned = run(pipe, "The ministry said Philippine President Ferdinand Marcos Jr. would meet with Vietnamese "
                        "President Vo Van Thuong in Hanoi.", "en")
    assert [(e["type"], e["status"], tuple(e["countries"])) for e in planned] == \
        [("meeting", "planned", ("PHL", "VNM"))]
    assert run(pipe, "Japanese Prime Minister Fumio Kishida said he would like to visit Chile soon.", "en") == []


def test_a_country_in_brackets_after_each_name_of_a_list_is_that_persons(pipe):
    events = run(pipe, "Kenyan President Uhuru Kenyatta met Presidents Ismael Omar Guelleh (Djibouti), Ibrahim "
                       "Boubacar Keita (Mali) and Hassan Sheikh Mohamud (Somalia) on Monday.", "en")
    assert kinds(events) == {("meeting", "meeting", ("DJI", "KEN")), ("meeting", "meeting", ("KEN", "MLI")),
                             ("meeting", "meeting", ("KEN", "SOM"))}


def test_a_vietnamese_name_without_diacritics_may_hold_the_syllable_the(pipe):
    """'Nguyen The Thao' (Nguyễn Thế Thảo) is a name; the stop word 'The' only stops a run it starts."""
    events = run(pipe, "Hanoi Mayor Nguyen The Thao met Japanese Governor Yoichi Masuzoe in Tokyo on Monday.", "en")
    assert kinds(events) == {("meeting", "meeting", ("JPN", "VNM"))}
    assert {p["name"] for p in events[0]["participants"]} == {"Nguyen The Thao", "Yoichi Masuzoe"}


def test_a_wish_does_not_reach_across_a_clause_of_time(pipe):
    """'proposed closer ties while meeting X': the meeting happened; only the ties were proposed."""
    events = run(pipe, "Chilean Foreign Minister Alberto van Klaveren proposed closer trade ties while meeting "
                       "Japanese Foreign Minister Yoko Kamikawa in Tokyo on Monday.", "en")
    assert [(e["type"], e["status"], tuple(e["countries"])) for e in events] == \
        [("meeting", "occurred", ("CHL", "JPN"))]


def test_visiting_after_met_the_describes_the_one_met(pipe):
    events = run(pipe, "Chilean Foreign Minister Alberto van Klaveren met the visiting Japanese Foreign Minister in "
                       "Santiago on Monday.", "en")
    assert ("meeting", "meeting", ("CHL", "JPN")) in kinds(events)


def test_newly_appointed_ambassadors_of_each_country_are_one_meeting_each(pipe):
    events = run(pipe, "Chilean President Gabriel Boric met with the newly-appointed ambassadors of the Republic of "
                       "Iceland and the Republic of Tunisia.", "en")
    assert kinds(events) == {("meeting", "meeting", ("CHL", "ISL")), ("meeting", "meeting", ("CHL", "TUN"))}


def test_a_hyphenated_arabic_article_is_part_of_the_name(pipe):
    events = run(pipe, "Kazakh President Kassym-Jomart Tokayev received the credentials of the Ambassador of Sudan, "
                       "Mohammed al-Ghazali Sirraj, on Monday.", "en")
    names = {p["name"] for e in events for p in e["participants"]}
    assert "Mohammed al-Ghazali Sirraj" in names


def test_a_headlines_talks_naming_one_side_are_the_talks_of_the_body(pipe):
    text = ("Prime Minister holds talks with visiting Chilean President\n"
            "Vietnamese Prime Minister Pham Minh Chinh held talks with Chilean President Gabriel Boric in Hanoi "
            "on Monday.")
    talks = [e for e in run(pipe, text, "en") if e["subtype"] == "talks"]
    assert len(talks) == 1 and {p["name"] for p in talks[0]["participants"]} == {"Phạm Minh Chính", "Gabriel Boric"}


def test_the_two_leaders_of_a_visit_with_no_host_named_are_the_visitor_and_the_last_host_seen(pipe):
    text = ("Hôm 6/9, Tổng thống Chile Gabriel Boric đã đến Việt Nam, bắt đầu chuyến thăm cấp Nhà nước. "
            "Sáng 7/9, Chủ tịch nước Lương Cường chủ trì lễ đón Tổng thống Chile tại Phủ Chủ tịch. "
            "Hợp tác giữa hai nước cũng trải dài trên nhiều lĩnh vực. Sau lễ đón, hai nhà lãnh đạo đã có cuộc hội đàm.")
    talks = [e for e in run(pipe, text, "vi", "2025-09-07") if e["subtype"] == "talks"]
    assert [({p["name"] for p in e["participants"]}, tuple(e["countries"])) for e in talks] == [
        ({"Gabriel Boric", "Lương Cường"}, ("CHL", "VNM"))]


def test_envoys_named_by_their_countries_each_present_credentials_to_the_host(pipe):
    text = ("Chilean President Gabriel Boric received the credentials of new ambassadors on Tuesday. "
            "The ambassadors of Kenya, Norway and Peru presented their credentials to the Chilean head of state.\n"
            "Gabriel Boric welcomed the diplomats.")
    events = run(pipe, text, "en")
    got = {tuple(e["countries"]) for e in events if e["type"] == "meeting"}
    assert got == {("CHL", "KEN"), ("CHL", "NOR"), ("CHL", "PER")}
    assert all([p["name"] for p in e["participants"]] == ["Gabriel Boric"] for e in events if e["type"] == "meeting")


def test_hosting_her_counterpart_and_receiving_a_visiting_minister_are_receptions(pipe):
    hosted = run(pipe, "Australian Foreign Minister Penny Wong hosted her Chilean counterpart Alberto van Klaveren "
                       "in Canberra on Friday.", "en")
    assert ("meeting", "reception", ("AUS", "CHL")) in kinds(hosted)
    received = run(pipe, "Malaysian Prime Minister Anwar Ibrahim received visiting Chilean Foreign Minister Alberto "
                         "van Klaveren in Putrajaya.", "en")
    assert ("meeting", "reception", ("CHL", "MYS")) in kinds(received)
    assert not any(e["subtype"] == "courtesy_call" for e in received)  # 'visiting' only describes the guest


def test_their_summit_is_a_meeting_of_the_two_leaders_but_the_asean_summit_is_not(pipe):
    events = run(pipe, "Chilean President Gabriel Boric and Indonesian President Joko Widodo agreed to expand "
                       "trade during their summit in Jakarta.", "en")
    assert ("meeting", "talks", ("CHL", "IDN")) in kinds(events)
    assert run(pipe, "Chilean President Gabriel Boric spoke at the ASEAN summit on trade.", "en") == []


def test_an_intimate_exchange_of_two_leaders_is_their_meeting_and_the_palace_is_no_counterpart(pipe):
    events = run(pipe, "Tối 10/6, Chủ tịch nước Lương Cường và Tổng thống Chile Gabriel Boric đã trao đổi thân mật "
                       "tại Phủ Chủ tịch.", "vi", "2025-06-11")
    assert [(e["type"], tuple(e["countries"]), {p["name"] for p in e["participants"]}) for e in events] == [
        ("meeting", ("CHL", "VNM"), {"Lương Cường", "Gabriel Boric"})]


def test_the_one_date_of_a_sentence_dates_a_meeting_with_a_long_list_between(pipe):
    text = ("Chilean President Gabriel Boric met with the newly-appointed ambassadors of the Republic of Iceland, "
            "the Republic of Tunisia, the United Republic of Tanzania, the Republic of Guatemala and the Republic "
            "of Mali presenting their credentials in Santiago on September 17.")
    events = run(pipe, text, "en", "2024-09-18")
    assert {(tuple(e["countries"]), e["date_start"]) for e in events if e["type"] == "meeting"} == {
        (("CHL", c), "2024-09-17") for c in ("ISL", "TUN", "TZA", "GTM", "MLI")}


def test_a_possessive_country_with_a_modifier_owns_the_title_and_a_portfolio_is_no_name(pipe):
    events = run(pipe, "Chile's new Foreign Minister Alberto van Klaveren held talks with New Zealand's Minister for "
                       "Climate Change James Shaw in Wellington on Monday.", "en")
    assert kinds(events) == {("meeting", "talks", ("CHL", "NZL"))}
    assert {p["name"] for p in events[0]["participants"]} == {"Alberto van Klaveren", "James Shaw"}


def test_will_be_in_or_is_due_in_a_country_is_a_planned_trip(pipe):
    events = run(pipe, "The Chilean delegation, led by Foreign Minister Alberto van Klaveren, will be in Brazil "
                       "from June 20 to 24.", "en")
    assert [(e["type"], e["status"], tuple(e["countries"])) for e in events] == [("visit", "planned", ("BRA", "CHL"))]
    events = run(pipe, "Chilean President Gabriel Boric is due in Japan on Monday.", "en")
    assert [(e["type"], e["status"], tuple(e["countries"])) for e in events] == [("visit", "planned", ("CHL", "JPN"))]
    assert run(pipe, "Closer ties with Chile will be in Japan's interest, the minister said.", "en") == []


def test_indias_external_affairs_minister_is_a_foreign_minister(pipe):
    events = run(pipe, "Indian External Affairs Minister Subrahmanyam Jaishankar held talks with his Chilean "
                       "counterpart Alberto van Klaveren in New Delhi on Monday.", "en")
    assert kinds(events) == {("meeting", "talks", ("CHL", "IND"))}


def test_an_earlier_meeting_on_its_own_day_is_reported_but_at_the_meeting_looks_back(pipe):
    first = ("Chilean Foreign Minister Alberto van Klaveren held talks with Japanese Foreign Minister Yoko Kamikawa "
             "in Tokyo on April 21. ")
    earlier = run(pipe, first + "Previously at the meeting in Bonn on February 17, van Klaveren and Kamikawa agreed "
                                "to expand trade.", "en", "2024-04-22")
    assert sorted(e["date_start"] for e in earlier if e["type"] == "meeting") == ["2024-02-17", "2024-04-21"]
    same = run(pipe, first + "At the meeting, van Klaveren and Kamikawa agreed to expand trade.", "en", "2024-04-22")
    assert [e["date_start"] for e in same if e["type"] == "meeting"] == ["2024-04-21"]


def test_a_name_before_province_is_a_place_not_a_person(pipe):
    from pipeline.stages.actors import ActorFinder

    actors = ActorFinder("en").find("Governor of Khammouane province Vanxay Phongsavan welcomed the delegation.")
    assert "Khammouane" not in {m.text for m in actors.mentions}


def test_legislatures_and_portfolios_in_a_list_of_hosts_are_no_people(pipe):
    events = run(pipe, "Chilean President Gabriel Boric met with British Prime Minister Rishi Sunak, House of Commons "
                       "Speaker Sir Lindsay Hoyle and Secretary of State for Foreign, Commonwealth and Development "
                       "Affairs James Cleverly.", "en")
    hosts = {p["name"] for e in events for p in e["participants"]} - {"Gabriel Boric"}
    assert hosts == {"Rishi Sunak", "Lindsay Hoyle", "James Cleverly"}
    assert kinds(events) == {("meeting", "meeting", ("CHL", "GBR"))}


def test_a_reception_with_no_place_is_in_the_hosts_country_and_credentials_in_the_receiving_state(pipe):
    en = run(pipe, "Kazakh President Kassym-Jomart Tokayev received the credentials of the new Ambassador of "
                   "Spain, Luis Martinez Montes, on Monday.", "en")
    assert [e["location"] for e in en if e["type"] == "meeting"] == [{"name": "Kazakhstan", "country": "KAZ"}]
    envoys = run(pipe, "The ambassadors of Kenya and Peru presented their credentials to Kazakh President "
                       "Kassym-Jomart Tokayev.", "en")
    assert {e["location"]["country"] for e in envoys} == {"KAZ"}
    vi = run(pipe, "Chủ tịch nước Lương Cường tiếp Đại sứ Chile Juan Carlos Vásquez.", "vi")
    assert [e["location"] for e in vi if e["type"] == "meeting"] == [{"name": "Việt Nam", "country": "VNM"}]


def test_reaching_a_country_is_an_arrival_but_reaching_an_agreement_is_not(pipe):
    visits = [e for e in run(pipe, "Chilean Foreign Minister Alberto van Klaveren reached Mexico on 26 May for "
                                   "talks with his Mexican counterpart.", "en", "2024-05-30") if e["type"] == "visit"]
    assert [(tuple(e["countries"]), e["date_start"]) for e in visits] == [(("CHL", "MEX"), "2024-05-26")]
    assert all(e["type"] != "visit" for e in run(pipe, "Chile and Mexico reached an agreement on trade.", "en"))


def test_honourables_portfolios_before_known_names_and_sentence_ends_do_not_make_names(pipe):
    from pipeline.stages.actors import ActorFinder

    def people(text, lang):
        return {m.person.canonical for m in ActorFinder(lang).find(text).mentions if m.person.named}
    assert people("He will meet US Special Envoy for Climate Change John Kerry in New York.", "en") == {"John Kerry"}
    assert people("He met Australian opposition leader Hon. Peter Dutton.", "en") == {"Peter Dutton"}
    assert people("He was received by Foreign Affairs Cabinet Secretary Monica Juma.", "en") == {"Monica Juma"}
    assert "Marco Della Seta" in people("Chủ tịch nước tiếp Đại sứ Ý Marco Della Seta. Anh Tuấn cũng dự.", "vi")


def test_honorific_titles_before_names_are_not_names(pipe):
    events = run(pipe, "Chilean President Gabriel Boric met Cambodian Senate President Samdech Akka Moha Sena Padei "
                       "Techo Hun Sen and Iranian President Sayyed Ebrahim Raisi.", "en")
    assert {p["name"] for e in events for p in e["participants"]} == {"Gabriel Boric", "Hun Sen", "Ebrahim Raisi"}


def test_common_vietnamese_family_names_make_a_vietnamese_person(pipe):
    events = run(pipe, "Bộ trưởng Quốc phòng Phùng Quang Thanh thăm Chile.", "vi")
    assert kinds(events) == {("visit", "other", ("CHL", "VNM"))}


def test_travelling_to_a_capital_is_a_trip_to_its_country(pipe):
    events = run(pipe, "German Chancellor Olaf Scholz travelled to Canberra on Monday for talks with Australian "
                       "Prime Minister Anthony Albanese.", "en")
    assert ("visit", "other", ("AUS", "DEU")) in kinds(events)


def test_their_talks_after_a_press_conference_are_the_two_leaders_talks(pipe):
    events = run(pipe, "Chilean President Gabriel Boric and Japanese Prime Minister Fumio Kishida held a press "
                       "conference after their talks in Tokyo.", "en")
    assert ("meeting", "talks", ("CHL", "JPN")) in kinds(events)


def test_one_partnership_named_twice_is_one_upgrade(pipe):
    text = ("Chile and Vietnam agreed to upgrade bilateral ties to a Comprehensive Partnership on October 28. "
            "Recognising the potential of their ties, Chile and Vietnam decided to establish a Comprehensive "
            "Partnership.")
    upgrades = [e for e in run(pipe, text, "en", "2024-10-29") if e["subtype"] == "partnership_upgrade"]
    assert len(upgrades) == 1 and tuple(upgrades[0]["countries"]) == ("CHL", "VNM")


def test_a_forecast_signing_is_no_agreement(pipe):
    events = run(pipe, "Chilean President Gabriel Boric arrived in Tokyo on Monday; the visit is likely to see the "
                       "signing of several major agreements on trade.", "en")
    assert not any(e["type"] == "agreement" for e in events)


def people_by_country(events) -> set[tuple]:
    return {(tuple(e["countries"]), tuple(sorted(p["name"] for p in e["participants"]))) for e in events}


def test_a_long_military_rank_before_an_unknown_name_anchors_it(pipe):
    # "Thượng tướng " is 13 characters: longer honorifics than "ông" must anchor a name too
    text = "Sáng 10/6, Đại tướng Phan Văn Giang đã gặp Thượng tướng Somsak Vongsavanh, Bộ trưởng Quốc phòng Lào."
    assert people_by_country(run(pipe, text, "vi")) == {(("LAO", "VNM"), ("Phan Văn Giang", "Somsak Vongsavanh"))}


def test_a_title_after_a_name_gives_its_country_in_a_list_of_people_met(pipe):
    # each item of "A, title country; B, title, title country" is one bilateral meeting with its own country
    text = ("Chiều 10/6, Bộ trưởng Quốc phòng Phan Văn Giang đã gặp song phương ông Somsak Vongsavanh, "
            "Bộ trưởng Quốc phòng Lào; ông Dara Chhim, Phó Thủ tướng, Bộ trưởng Quốc phòng Campuchia.")
    assert people_by_country(run(pipe, text, "vi")) == {
        (("LAO", "VNM"), ("Phan Văn Giang", "Somsak Vongsavanh")),
        (("KHM", "VNM"), ("Dara Chhim", "Phan Văn Giang"))}
    text = ("On Tuesday, Defence Minister Phan Van Giang met bilaterally with Somsak Vongsavanh, the Lao "
            "Defence Minister, and Dara Chhim, Cambodia's Defence Minister.")
    assert people_by_country(run(pipe, text, "en")) == {
        (("LAO", "VNM"), ("Phan Văn Giang", "Somsak Vongsavanh")),
        (("KHM", "VNM"), ("Dara Chhim", "Phan Văn Giang"))}


def test_a_demonym_across_a_comma_does_not_name_the_next_persons_country(pipe):
    text = ("On Tuesday, Foreign Minister Bui Thanh Son met Somsak Vongsavanh, the Lao Foreign Minister, "
            "and Dara Chhim of Cambodia.")
    countries = {p["name"]: p["country"] for e in run(pipe, text, "en") for p in e["participants"]}
    assert countries.get("Dara Chhim") != "LAO"


def test_bilateral_and_private_meetings_are_meetings(pipe):
    for text, lang in [
        ("Ngày 10/6, Thủ tướng Phạm Minh Chính đã gặp song phương Thủ tướng Malaysia Anwar Ibrahim.", "vi"),
        ("Ngày 10/6, Thủ tướng Phạm Minh Chính đã tiếp xúc song phương với Thủ tướng Malaysia Anwar Ibrahim.", "vi"),
        ("On Tuesday, Prime Minister Pham Minh Chinh met bilaterally with Malaysian Prime Minister Anwar "
         "Ibrahim.", "en"),
        ("On Tuesday, Prime Minister Pham Minh Chinh met informally with Malaysian Prime Minister Anwar "
         "Ibrahim.", "en")]:
        assert kinds(run(pipe, text, lang)) == {("meeting", "meeting", ("MYS", "VNM"))}, text


def test_a_headline_title_with_a_demonym_is_the_person_the_text_names(pipe):
    # "Lao PM" in the headline must not become a second, unnamed Lao actor that "the Lao leader" resolves to
    text = ("Lao PM wraps up Vietnam trip\nHanoi – Lao Prime Minister Sonexay Siphandone left Hanoi on Monday, "
            "concluding an official visit to Vietnam. While here, the Lao leader had a meeting with "
            "National Assembly Chairman Tran Thanh Man.")
    met = [e for e in run(pipe, text, "en") if e["type"] == "meeting"]
    assert people_by_country(met) == {(("LAO", "VNM"), ("Sonexay Siphandone", "Trần Thanh Mẫn"))}


def test_a_former_or_acting_title_still_names_the_person_met(pipe):
    for text in ["On Monday, Prime Minister Pham Minh Chinh met with former Prime Minister Lee Hsien Loong.",
                 "On Monday, Prime Minister Pham Minh Chinh received the acting Foreign Minister of Singapore."]:
        assert {e["type"] for e in run(pipe, text, "en")} == {"meeting"}, text


def test_people_of_unknown_country_take_the_country_of_the_people_around_them(pipe):
    # no country is named: Seah and Teo (no gazetteer entry) are met in Wong's and Tharman's country
    text = ("On Monday, General Secretary To Lam held talks with Prime Minister Lawrence Wong; met with "
            "President Tharman Shanmugaratnam and Parliament Speaker Seah Kian Peng; and received Senior "
            "Minister Teo Chee Hean.")
    assert people_by_country(run(pipe, text, "en")) == {
        (("SGP", "VNM"), ("Lawrence Wong", "Tô Lâm")),
        (("SGP", "VNM"), ("Tharman Shanmugaratnam", "Tô Lâm")),
        (("SGP", "VNM"), ("Seah Kian Peng", "Tô Lâm")),
        (("SGP", "VNM"), ("Teo Chee Hean", "Tô Lâm"))}


def test_one_plural_title_of_two_states_holding_talks_is_a_meeting_of_both(pipe):
    text = "The Presidents of Kazakhstan and Kyrgyzstan held one-on-one talks at the Akorda residence on Monday."
    assert kinds(run(pipe, text, "en")) == {("meeting", "talks", ("KAZ", "KGZ"))}


def test_a_meeting_told_only_as_a_noun_after_an_indefinite_article(pipe):
    for text, subtype in [
        ("After a two-hour talk on Monday, Vietnamese President Luong Cuong and Chilean President Gabriel "
         "Boric witnessed the signing of several documents.", "talks"),
        ("Following a 40-minute meeting on Monday, Vietnamese President Luong Cuong and Chilean President "
         "Gabriel Boric told reporters that ties were strong.", "meeting"),
        ("On Monday, Vietnamese President Luong Cuong and Chilean President Gabriel Boric led their "
         "delegations in a meeting in Hanoi.", "talks")]:
        assert ("meeting", subtype, ("CHL", "VNM")) in kinds(run(pipe, text, "en")), text


def test_during_a_recent_call_with_someone_is_still_a_call(pipe):
    # the indefinite nominal must not read "during a recent phone conversation" as the meeting already told
    text = ("Russian President Vladimir Putin received Vietnamese Foreign Minister Le Hoai Trung in the Kremlin "
            "on Tuesday. Putin added that during a recent phone conversation with To Lam he congratulated him.")
    assert ("meeting", "phone_call", ("RUS", "VNM")) in kinds(run(pipe, text, "en"))


def test_a_meeting_between_two_provinces_is_no_diplomatic_event(pipe):
    text = ("After a meeting on Monday, the province of Quang Tri and the province of Savannakhet agreed to "
            "open a new border gate.")
    assert not [e for e in run(pipe, text, "en") if e["type"] == "meeting"]


def test_being_met_at_the_airport_is_a_welcome_not_a_meeting(pipe):
    text = ("On Monday, Chilean Foreign Minister Alberto van Klaveren arrived in Hanoi. He was met at the "
            "airport by Deputy Foreign Minister Do Hung Viet.")
    assert {e["type"] for e in run(pipe, text, "en")} == {"visit"}


def test_receiving_some_other_leaders_is_one_reception_with_nobody_named(pipe):
    text = ("Ngày 10/6, Chủ tịch nước Lương Cường đã hội đàm với Tổng thống Chile Gabriel Boric; tiếp một số "
            "lãnh đạo cấp cao khác của Chile.")
    assert kinds(run(pipe, text, "vi")) == {("meeting", "talks", ("CHL", "VNM")),
                                            ("meeting", "reception", ("CHL", "VNM"))}


def test_country_after_a_name_and_titles_that_end_in_a_capitalised_word(pipe):
    # "X of Papua New Guinea" gives X a country; "Opposition Leader", "Trade Representative" are titles,
    # not the first word of a name
    text = ("Prime Minister James Marape of Papua New Guinea held talks with Prime Minister Anthony Albanese "
            "and a meeting with Opposition Leader Peter Dutton.")
    assert people_by_country(run(pipe, text, "en")) == {
        (("AUS", "PNG"), ("Anthony Albanese", "James Marape")),
        (("AUS", "PNG"), ("James Marape", "Peter Dutton"))}
    text = "On Tuesday, Deputy Prime Minister Pham Gia Khiem met with U.S. Trade Representative Ron Kirk."
    assert people_by_country(run(pipe, text, "en")) == {(("USA", "VNM"), ("Phạm Gia Khiêm", "Ron Kirk"))}


def names_of(pipe, text: str, lang: str) -> set[str]:
    res = pipeline.extract([Article("t", text, lang, "2025-06-12")], pipeline=pipe)
    return set(res.entities[res.entities.label == "PERSON"].canonical)


def test_a_capitalised_first_syllable_of_a_vietnamese_word_is_no_person(pipe):
    text = ("Sáng 10/6, bà Trương Thị Mai, Bí thư Trung ương Đảng, đã dẫn đầu Đoàn đại biểu sang thăm Campuchia "
            "và dự Diễn đàn hợp tác.")
    assert names_of(pipe, text, "vi") == {"Trương Thị Mai"}


def test_receiving_the_delegation_named_by_a_capitalised_word_is_a_reception(pipe):
    text = ("Đoàn đại biểu Đảng Cộng sản Trung Quốc thăm Việt Nam từ ngày 9 đến 12/6. Ngày 10/6, tại Hà Nội, "
            "ông Phạm Quang Nghị thay mặt lãnh đạo Đảng thân mật tiếp Đoàn.")
    assert ("meeting", "reception", ("CHN", "VNM")) in kinds(run(pipe, text, "vi"))


def test_honorifics_of_malaysia_and_a_possessive_country_before_an_honorific(pipe):
    text = ("On Friday, Prime Minister Pham Minh Chinh held a phone conversation with his Malaysian "
            "counterpart Datuk Seri Anwar Ibrahim.")
    assert people_by_country(run(pipe, text, "en")) == {(("MYS", "VNM"), ("Anwar Ibrahim", "Phạm Minh Chính"))}
    countries = {p["name"]: p["country"] for e in run(pipe, "On Friday, Prime Minister Pham Minh Chinh met "
                                                            "Qatar's Sheikh Mansour bin Zayed.", "en")
                 for p in e["participants"]}
    assert countries.get("Mansour bin Zayed") == "QAT"


def test_a_ministry_portfolio_written_as_one_capitalised_syllable_is_part_of_the_title(pipe):
    # "Bộ trưởng Thương mại": "Thương" is half of the word "Thương mại", not a person; the title still
    # introduces the name after the country
    text = ("Ngày 14/11, Phó Thủ tướng Phạm Bình Minh tiếp Bộ trưởng Thương mại Campuchia Pan Sorasak đang ở "
            "thăm và làm việc tại Việt Nam.")
    assert names_of(pipe, text, "vi") == {"Phạm Bình Minh", "Pan Sorasak"}


def test_a_foreign_name_with_particles_keeps_its_first_name_in_vietnamese_text(pipe):
    text = ("Đại sứ Serbia Slobodan Marinkovic, Đại sứ Bồ Đào Nha Francisco de Assis và Đại sứ Estonia Martin "
            "Kokk đã trình Quốc thư lên Chủ tịch nước Lương Cường ngày 10/6.")
    assert kinds(run(pipe, text, "vi")) == {("meeting", "reception", ("SRB", "VNM")),
                                            ("meeting", "reception", ("PRT", "VNM")),
                                            ("meeting", "reception", ("EST", "VNM"))}


def test_early_before_a_date_is_a_time_not_a_wish(pipe):
    # "an early visit" is hoped for; "left Hanoi early December 9 ... to pay an official visit" happens
    for when in ("early December 9", "early on December 9", "late December 9"):
        text = f"Prime Minister Pham Minh Chinh left Hanoi {when} to pay official visits to Luxembourg and Belgium."
        assert kinds(run(pipe, text, "en", published="2025-12-09")) == {
            ("visit", "official", ("LUX", "VNM")), ("visit", "official", ("BEL", "VNM"))}, when


def test_a_passive_reception_names_the_host_after_by(pipe):
    text = ("On Tuesday, Prime Minister Pham Minh Chinh was warmly received by Indonesian President Prabowo "
            "Subianto and held talks with Speaker Puan Maharani.")
    events = run(pipe, text, "en")
    reception = [e for e in events if e["subtype"] == "reception"]
    assert len(reception) == 1 and reception[0]["participants"][0]["name"] == "Prabowo Subianto"
    talks = [e for e in events if e["subtype"] == "talks"]
    assert {p["name"] for p in talks[0]["participants"]} == {"Phạm Minh Chính", "Puan Maharani"}
    # welcomed by a guard of honour: nobody is met
    assert not run(pipe, "The Vietnamese leader was welcomed by a guard of honour on Tuesday.", "en")


def test_heading_or_leaving_for_a_capital_is_a_trip(pipe):
    for verb in ("headed to", "left for", "departed for"):
        text = f"Indonesian President Prabowo Subianto {verb} Hanoi on Tuesday for a two-day visit."
        assert ("visit", "other", ("IDN", "VNM")) in kinds(run(pipe, text, "en")), verb
    assert not run(pipe, "Prime Minister Pham Minh Chinh headed Vietnam's delegation to the summit.", "en")


def test_vietnamese_passive_reception_names_the_host_inside_it(pipe):
    text = ("Chiều 10/6, Thủ tướng Phạm Minh Chính đã được Tổng thống Indonesia Prabowo Subianto tiếp tại Dinh "
            "Tổng thống.")
    reception = [e for e in run(pipe, text, "vi") if e["type"] == "meeting"]
    assert kinds(reception) == {("meeting", "reception", ("IDN", "VNM"))}
    assert reception[0]["participants"][0]["name"] == "Prabowo Subianto"
    # "được ... phê duyệt" is no reception; "được ... đón tiếp" is a welcome ceremony
    assert not run(pipe, "Dự án được Chính phủ Indonesia phê duyệt ngày 10/6.", "vi")
    text = "Chiều 10/6, Thủ tướng Phạm Minh Chính được Tổng thống Indonesia Prabowo Subianto đón tiếp trọng thể."
    assert not [e for e in run(pipe, text, "vi") if e["type"] == "meeting"]


def test_the_two_leaders_nearer_the_verb_than_any_name_are_visitor_and_host(pipe):
    for text, lang in [
        ("Prime Minister Pham Minh Chinh is paying an official visit to Indonesia from June 10 to 12. On Tuesday, "
         "Indonesian President Prabowo Subianto hosted a welcome ceremony for Prime Minister Pham Minh Chinh at "
         "the Merdeka Palace, after which the two leaders held talks.", "en"),
        ("Thủ tướng Phạm Minh Chính thăm chính thức Indonesia từ ngày 10 đến 12/6. Chiều 10/6, Tổng thống "
         "Indonesia Prabowo Subianto chủ trì lễ đón Thủ tướng Phạm Minh Chính tại Dinh Merdeka, sau đó hai nhà "
         "lãnh đạo đã hội đàm.", "vi")]:
        talks = [e for e in run(pipe, text, lang, published="2025-06-10") if e["type"] == "meeting"]
        assert people_by_country(talks) == {(("IDN", "VNM"), ("Phạm Minh Chính", "Prabowo Subianto"))}, lang


def test_more_english_meeting_phrasings(pipe):
    cases = [
        ("Talking with Indonesian President Prabowo Subianto by phone on Tuesday, Prime Minister Pham Minh Chinh "
         "called for stronger trade ties.", "phone_call"),
        ("Prime Minister Pham Minh Chinh told Indonesian President Prabowo Subianto during their meeting in "
         "Jakarta on Tuesday that trade must grow.", "meeting"),
        ("Prime Minister Pham Minh Chinh held a working lunch with Indonesian President Prabowo Subianto on "
         "Tuesday.", "meeting"),
        ("Indonesian President Prabowo Subianto and Party General Secretary To Lam had a tete-a-tete on "
         "Tuesday.", "talks")]
    for text, subtype in cases:
        assert kinds(run(pipe, text, "en")) == {("meeting", subtype, ("IDN", "VNM"))}, text


def participant_countries(events) -> dict[str, str | None]:
    return {p["name"]: p["country"] for e in events for p in e["participants"]}


def test_the_stated_country_outranks_a_vietnamese_looking_name(pipe):
    # Chinese names in their Sino-Vietnamese reading look Vietnamese; the delegation or the
    # title's body says whose they are
    text = ("Ngày 10/6, Chủ tịch nước Lương Cường đã tiếp Đoàn đại biểu Quân ủy Trung ương Trung Quốc do "
            "Thượng tướng Trương Hựu Hiệp dẫn đầu.")
    assert participant_countries(run(pipe, text, "vi"))["Trương Hựu Hiệp"] == "CHN"
    text = ("Ngày 10/6, Chủ tịch nước Lương Cường đã tiếp Thượng tướng Trương Hựu Hiệp, Phó Chủ tịch Quân ủy "
            "Trung ương Trung Quốc.")
    assert participant_countries(run(pipe, text, "vi"))["Trương Hựu Hiệp"] == "CHN"


def test_an_ambassador_to_a_country_is_not_of_that_country(pipe):
    text = "On Monday, Deputy Minister Nguyen Chi Vinh hosted a reception for Marc Knapper, US Ambassador to Vietnam."
    events = run(pipe, text, "en")
    assert kinds(events) == {("meeting", "reception", ("USA", "VNM"))}  # no trip: the envoy lives there
    assert participant_countries(events)["Marc Knapper"] == "USA"


def test_a_tour_of_several_countries_is_one_visit_to_each(pipe):
    text = "Indonesian President Prabowo Subianto embarked on a tour of Vietnam, Laos and Cambodia on Tuesday."
    assert kinds(run(pipe, text, "en")) == {("visit", "other", ("IDN", "VNM")), ("visit", "other", ("IDN", "LAO")),
                                            ("visit", "other", ("IDN", "KHM"))}
    assert not run(pipe, "The tour of the museum ended on Tuesday.", "en")


def test_a_country_name_with_and_in_it_still_joins_a_title_to_its_name(pipe):
    text = ("Chiều 10/6, Đại sứ Italy Marco Della Seta, Đại sứ Liên hiệp Vương quốc Anh và Bắc Ireland Iain Frew "
            "và Đại sứ Triều Tiên Ri Yong Song đã trình Quốc thư lên Chủ tịch nước Lương Cường.")
    assert kinds(run(pipe, text, "vi")) == {("meeting", "reception", ("ITA", "VNM")),
                                            ("meeting", "reception", ("GBR", "VNM")),
                                            ("meeting", "reception", ("PRK", "VNM"))}


def test_a_fronted_country_is_where_unknown_counterparts_are_met(pipe):
    text = ("Foreign Minister Cho Tae-yul will visit Singapore and Sri Lanka this week. In Sri Lanka, the top "
            "diplomat will hold talks with Foreign Minister Vijitha Herath and pay a courtesy call on the "
            "president.")
    meetings = [e for e in run(pipe, text, "en") if e["type"] == "meeting"]
    assert {tuple(e["countries"]) for e in meetings} == {("KOR", "LKA")} and len(meetings) == 2


def test_meeting_a_foreign_group_is_one_meeting_with_its_country(pipe):
    for text, pair in [
        ("On Tuesday, Argentine Foreign Minister Santiago Cafiero met the members of the Mexican senate.",
         ("ARG", "MEX")),
        ("On Tuesday, US Secretary of State Antony Blinken met with the Nigerian business community in Lagos.",
         ("NGA", "USA")),
        ("On Tuesday, Philippine President Ferdinand Marcos Jr. met Vietnam's business leaders in Hanoi.",
         ("PHL", "VNM"))]:
        assert kinds(run(pipe, text, "en")) == {("meeting", "meeting", pair)}, text
    # the visitor's own diaspora is no diplomatic counterpart
    text = "On Tuesday, Fijian Prime Minister Sitiveni Rabuka met members of New Zealand's Fijian community."
    assert not run(pipe, text, "en")


def test_capitalised_words_of_a_title_case_headline_are_no_name(pipe):
    text = ("Chilean President Warmly Welcomes Vietnam Visit\nHanoi – Chilean President Gabriel Boric arrived in "
            "Hanoi on Monday for a state visit to Vietnam.")
    assert "Warmly Welcomes" not in names_of(pipe, text, "en")
    assert "Gabriel Boric" in names_of(pipe, text, "en")


def test_past_visits_listed_one_by_one_after_their_destination(pipe):
    text = ("Since ties were established in 1995, Chilean leaders have paid three official visits to Vietnam, "
            "one by President Ricardo Lagos in March 2004, another by President Michelle Bachelet in 2009, and "
            "the latest by President Ricardo Lagos in November 2011.")
    visits = run(pipe, text, "en", published="2024-07-31")
    got = {(e["participants"][0]["name"], e["date_start"], e["subtype"]) for e in visits}
    assert got == {("Ricardo Lagos", "2004-03", "official"), ("Michelle Bachelet", "2009", "official"),
                   ("Ricardo Lagos", "2011-11", "official")}
    assert {tuple(e["countries"]) for e in visits} == {("CHL", "VNM")}


def test_the_two_foreign_ministers_in_lower_case_are_the_visit_pair(pipe):
    text = ("Bộ trưởng Ngoại giao Chile Gabriel Valdés thăm chính thức Việt Nam từ ngày 3 đến 6/8 theo lời "
            "mời của Bộ trưởng Ngoại giao Bùi Thanh Sơn. Ngày 4/8, hai ngoại trưởng đã hội đàm tại Hà Nội.")
    talks = [e for e in run(pipe, text, "vi", published="2025-08-05") if e["type"] == "meeting"]
    assert people_by_country(talks) == {(("CHL", "VNM"), ("Bùi Thanh Sơn", "Gabriel Valdés"))}
    # named people right after the description are the subject themselves
    text = "Ngày 4/8, hai nhà lãnh đạo Vladimir Putin và Tập Cận Bình đã hội đàm tại Moskva."
    talks = [e for e in run(pipe, text, "vi", published="2025-08-05") if e["type"] == "meeting"]
    assert people_by_country(talks) == {(("CHN", "RUS"), ("Vladimir Putin", "Xi Jinping"))}


def test_a_foreign_name_keeps_its_particle_in_vietnamese_text(pipe):
    text = "Ngày 4/8, Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Ngoại trưởng Chile Alberto van Klaveren."
    assert names_of(pipe, text, "vi") == {"Bùi Thanh Sơn", "Alberto van Klaveren"}
    # 'do' (by) between two capitalised words stays a word: the delegation is led by the person after it
    text = "Ngày 4/8, Đoàn do Thủ tướng Lào Sonexay Siphandone dẫn đầu đã đến Hà Nội."
    assert names_of(pipe, text, "vi") == {"Sonexay Siphandone"}


def test_the_leader_of_a_party_leadership_met_is_the_one_met(pipe):
    # "led by" after a body met names who was met, not a modifier; "National Secretary" is no first name
    text = ("At his meeting with the Chilean Communist Party leadership led by National Secretary Lautaro "
            "Carmona in Santiago on Monday, Politburo member To Lam briefed his hosts.")
    assert people_by_country(run(pipe, text, "en")) == {(("CHL", "VNM"), ("Lautaro Carmona", "Tô Lâm"))}


def test_an_audience_granted_and_a_call_told_at_the_end(pipe):
    text = "Vietnamese Prime Minister Pham Minh Chinh was granted an audience by Japanese Emperor Naruhito on Sunday."
    events = run(pipe, text, "en")
    assert kinds(events) == {("meeting", "meeting", ("JPN", "VNM"))}
    assert events[0]["participants"][0]["name"] == "Naruhito"  # the one who grants it receives
    text = ("Vietnamese Prime Minister Pham Minh Chinh spoke with Japanese Prime Minister Fumio Kishida on the phone "
            "on Sunday.")
    assert kinds(run(pipe, text, "en")) == {("meeting", "phone_call", ("JPN", "VNM"))}
    # speaking to reporters is no call
    assert not run(pipe, "Prime Minister Pham Minh Chinh spoke to reporters on Sunday.", "en")


def test_arriving_in_a_capital_to_attend_a_summit_is_a_trip(pipe):
    text = "Chiều 10/6, Thủ tướng Phạm Minh Chính đã tới Jakarta để dự Hội nghị Cấp cao ASEAN."
    assert kinds(run(pipe, text, "vi")) == {("visit", "other", ("IDN", "VNM"))}


def test_a_headline_ending_in_a_country_owns_no_title_on_the_next_line(pipe):
    # the headline's last word is the destination; the lead's "Deputy Prime Minister X" is the visitor
    text = ("Deputy Prime Minister makes working visit to Peru\n\n"
            "Deputy Prime Minister Tran Van Hoa has paid a working visit to Peru from March 3-5, during which "
            "he discussed trade with Peruvian officials.")
    assert ("visit", "working", ("PER", "VNM")) in kinds(run(pipe, text, "en"))
    text = ("MINISTER VISITS CHILE\n\nForeign Minister Le Thi Thu Hang paid an official visit to Chile on "
            "Tuesday.")
    assert ("visit", "official", ("CHL", "VNM")) in kinds(run(pipe, text, "en"))


def test_a_stay_in_a_country_is_a_trip_there(pipe):
    text = ("During her three-day stay in Nairobi, Norwegian Trade Minister Ingrid Solberg met Kenyan "
            "President William Ruto.")
    events = run(pipe, text, "en")
    assert ("visit", "other", ("KEN", "NOR")) in kinds(events)
    assert ("meeting", "meeting", ("KEN", "NOR")) in kinds(events)
    text = ("DURING HIS STAY IN CHILE, Thai Foreign Minister Somchai Rattanakul held talks with Chilean "
            "Foreign Minister Alberto van Klaveren.")
    assert ("visit", "other", ("CHL", "THA")) in kinds(run(pipe, text, "en"))
    # a stay that is no trip abroad
    assert not [e for e in run(pipe, "During his stay in hospital, the President received no visitors.", "en")
                if e["type"] == "visit"]


def test_long_british_titles_are_no_part_of_the_name_after_them(pipe):
    text = ("Thai Deputy Prime Minister Somchai Rattanakul paid an official visit to the UK from May 3-5. "
            "During the trip, he had meetings with Parliamentary Under Secretary of State at the Home Office "
            "Tom Reid and Chief Secretary to the Treasury Mark Ellis.")
    met = {p["name"] for e in run(pipe, text, "en") if e["type"] == "meeting" for p in e["participants"]}
    assert met == {"Somchai Rattanakul", "Tom Reid", "Mark Ellis"}


def test_leaders_of_both_sides_are_the_pair_not_the_protagonist(pipe):
    # the article's protagonist, named later, is one side only; the subject names both
    text = ("Kenya's Ministry of Trade and Chile's Ministry of Agriculture signed a memorandum of "
            "understanding on farming.\n\nBefore the signing, the heads of the two ministries held talks on "
            "market access.\n\nAgriculture Minister Esteban Valenzuela said Chile is willing to export more "
            "fruit to Kenya.")
    assert ("meeting", "talks", ("CHL", "KEN")) in kinds(run(pipe, text, "en", None))


def test_a_title_before_a_lone_surname_names_the_one_known_person_of_it(pipe):
    # neither leader's full name is written anywhere in the article
    text = "President Tokayev arrived in Tashkent on Monday for talks with President Mirziyoyev on energy."
    events = run(pipe, text, "en")
    assert ("meeting", "talks", ("KAZ", "UZB")) in kinds(events)
    names = {p["name"] for e in events for p in e["participants"]}
    assert {"Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"} <= names
    # a stated country that is not the known person's keeps him unknown
    finder = ActorFinder("en")
    actors = finder.find("The Chilean Minister Aliyev met students.")
    assert all(p.canonical != "Ilham Aliyev" for p in actors.people)
    # a given name after a title is no known person's surname ("Prince Philip" is not Philip Hammond)
    actors = finder.find("Prince Philip visited the museum in Lima.")
    assert all(p.canonical != "Philip Hammond" for p in actors.people)


def test_a_later_stay_span_dates_the_trip_even_where_the_delegation_visits_a_site(pipe):
    # the span's sentence also has "visited" (a site, no trip of its own): it still dates the trip
    text = ("A delegation of the Socialist Party of Chile led by Marta Ibarra has paid a working visit to "
            "Vietnam.\n\nDuring their May 12-16 stay, the delegation visited Ho Chi Minh Mausoleum; held talks "
            "with leaders of the Party Commission for External Relations; had working sessions with leaders of "
            "the National Academy of Politics, the Fatherland Front and the Union of Friendship Organisations; "
            "and visited Hanoi-based centres for war victims and a village in Hanoi’s Thanh Xuan district.")
    visits = [e for e in run(pipe, text, "en", "2025-05-20") if e["type"] == "visit"]
    assert [(v["date_start"], v["date_end"]) for v in visits] == [("2025-05-12", "2025-05-16")]


def test_a_dated_list_after_an_exchange_of_visits_is_past_visits_both_ways(pipe):
    text = ("Vice Chairman of the Chilean Senate Pablo Ortega paid a working visit to Peru from July 6 to 9. "
            "Ties between the two legislatures have grown, with the exchange of many high-level visits in "
            "recent years, including those made by Chilean Senate President Ana Rojas in December 2015, "
            "President of the Peruvian Congress Luis Torres in November 2016, and Chilean Senate Vice "
            "President Jorge Vidal in December 2017.")
    visits = {(e["participants"][0]["name"], e["date_start"], e["location"]["country"])
              for e in run(pipe, text, "en", "2019-07-10") if e["type"] == "visit"}
    assert {("Ana Rojas", "2015-12", "PER"), ("Luis Torres", "2016-11", "CHL"),
            ("Jorge Vidal", "2017-12", "PER")} <= visits
    # the same words with no time for each visitor are a wish, not a list of visits
    text = ("Vice Chairman of the Chilean Senate Pablo Ortega paid a working visit to Peru from July 6 to 9. "
            "Both sides agreed to increase the exchange of high-level visits, including those by Chilean "
            "Senate President Ana Rojas and President of the Peruvian Congress Luis Torres.")
    assert [e["participants"][0]["name"] for e in run(pipe, text, "en", "2019-07-10")
            if e["type"] == "visit"] == ["Pablo Ortega"]


def test_the_dated_earlier_meeting_of_a_series_reviewed_since(pipe):
    text = ("Kenyan Foreign Minister Amina Wekesa held talks with her Chilean counterpart Alberto van Klaveren "
            "in Nairobi on May 6. They reviewed ties since the 5th session of the Kenya-Chile joint commission "
            "in November 2019.")
    events = run(pipe, text, "en", "2024-05-07")
    assert ("meeting", "meeting", ("CHL", "KEN")) in kinds(events)
    assert "2019-11" in {e["date_start"] for e in events}
    # an earlier meeting the text does not date is no event of its own
    text = ("Kenyan Foreign Minister Amina Wekesa held talks with her Chilean counterpart Alberto van Klaveren "
            "in Nairobi on May 6. They reviewed ties since the first meeting of the joint commission.")
    assert len([e for e in run(pipe, text, "en", "2024-05-07") if e["type"] == "meeting"]) == 1


def test_a_first_visit_since_a_year_tells_the_visitors_earlier_trip(pipe):
    text = ("Chilean President Gabriel Boric arrived in Tokyo on Monday for a state visit. It was the "
            "Chilean leader's first visit to Japan since 2009.")
    visits = {(e["date_start"], tuple(e["countries"])) for e in run(pipe, text, "en", "2024-05-07")
              if e["type"] == "visit"}
    assert visits == {("2024-05-06", ("CHL", "JPN")), ("2009", ("CHL", "JPN"))}
    # a first visit since an event, not a year, adds nothing
    text = ("Chilean President Gabriel Boric arrived in Tokyo on Monday for a state visit. It was his "
            "first visit since the pandemic.")
    assert len([e for e in run(pipe, text, "en", "2024-05-07") if e["type"] == "visit"]) == 1
