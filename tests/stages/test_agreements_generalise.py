"""Agreements on wording nobody tuned to: what is a signing, adoption or upgrade reported as done, and
what only names a document (put to work, in force, valued, hoped for) or common understandings; past
partnerships dated in their clause; one document under two names; a document word cut off where an
article breaks off.

Every sentence is made up for the test with real countries and offices; the expected events were
worked out by hand from shared/spec/events.md (section 3, agreements).
"""
from __future__ import annotations

import pipeline
from pipeline.doc import Article


def run(pipe, text: str, lang: str, published: str | None = "2025-06-12") -> list[dict]:
    res = pipeline.extract([Article("t", text, lang, published)], pipeline=pipe)
    assert res.errors.empty, res.errors.to_dict("records")
    return res.events.to_dict("records")


def agreements(events: list[dict]) -> list[dict]:
    return [e for e in events if e["type"] == "agreement"]


def test_a_document_put_to_work_or_valued_is_no_new_agreement(pipe):
    for text in (
        "The ministers of Chile and Peru signed nothing new but agreed to carry out the trade pact "
        "between the two nations more fully.",
        "Stressing the importance of the MoU on fisheries between Norway and Vietnam, Minister Hansen "
        "said both sides should draft a roadmap to realise the MoU.",
        "Coffee growers in Kenya benefit from lower tariffs under the terms of the economic partnership "
        "agreement with the United Kingdom, officials said on Monday after signing a loan.",
    ):
        assert agreements(run(pipe, text, "en")) == [], text


def test_agreements_reached_by_leaders_are_understandings_not_documents(pipe):
    for text, lang in (
        ("Officials of Cuba and Vietnam reviewed how to put into full play the agreements reached by "
         "their top leaders, and signed a plan for 2026.", "en"),
        ("An agreement was reached to hold regular consultations between Mongolia and Japan.", "en"),
        ("Hai bên ký biên bản làm việc, khẳng định các thỏa thuận đạt được giữa lãnh đạo cấp cao "
         "Việt Nam và Campuchia là định hướng quan trọng.", "vi"),
    ):
        titles = [e["title"] or "" for e in agreements(run(pipe, text, lang))]
        assert not any("reached" in t or "đạt được" in t for t in titles), (text, titles)
    # a treaty named with the year it was reached is still a past event with that time
    events = agreements(run(pipe, "The two foreign ministries of Chile and Japan will work on the basis "
                                  "of their memorandum of understanding reached in 2019.", "en"))
    assert [(e["subtype"], e["date_start"]) for e in events] == [("mou", "2019")]


def test_a_signing_only_proposed_refused_or_forecast_is_no_agreement(pipe):
    for text, lang in (
        ("Minister Ortega proposed that Peru and Vietnam open negotiations and sign accords on customs "
         "and an agreement on avoiding double taxation.", "en"),
        ("Both governments of Chile and Korea look forward to an early signing and ratification of the "
         "Korea-Chile Digital Partnership Agreement.", "en"),
        ("According to analysts, next week's summit is likely to see the signing of new deals, including "
         "a large pact on liquefied natural gas between Qatar and Japan.", "en"),
        ("Brazil disappointed Argentina on Friday by refusing to sign the regional fisheries accord.", "en"),
        ("Indonesia từ chối ký vào gói thỏa thuận thương mại mới với Australia hôm 3/6.", "vi"),
    ):
        assert agreements(run(pipe, text, lang)) == [], text
    # the same wording with the signing done is an agreement
    done = run(pipe, "Peru and Vietnam signed an agreement on avoiding double taxation on Monday.", "en")
    assert [(e["subtype"], tuple(e["countries"])) for e in agreements(done)] == [("agreement", ("PER", "VNM"))]


def test_an_agreement_the_two_countries_reached_with_a_year_is_a_past_event(pipe):
    text = "Ngoài ra, hiệp định hàng không mà Ấn Độ và Nhật Bản đạt được năm 2011 vẫn chưa có hiệu lực."
    events = agreements(run(pipe, text, "vi"))
    assert [(e["date_start"], tuple(e["countries"])) for e in events] == [("2011", ("IND", "JPN"))]
    # "đạt được thỏa thuận về ...": the two sides agreed on something, no document is reported
    text = "Trong cuộc gặp hôm 3/6, Ấn Độ và Nhật Bản đạt được thỏa thuận về tuần tra chung trên biển."
    assert agreements(run(pipe, text, "vi")) == []


def test_an_upgrade_adopted_in_a_joint_statement_is_that_statement(pipe):
    for text, lang in (
        ("On Tuesday, President Gabriel Boric and Prime Minister Pham Minh Chinh agreed to elevate "
         "Chile-Vietnam relations to a comprehensive partnership and issued a joint statement on the upgrade.",
         "en"),
        ("Ngày 4/6, Việt Nam và Kenya ra Tuyên bố chung về việc nâng cấp quan hệ. Hai nhà lãnh đạo "
         "nhất trí nâng quan hệ lên Đối tác Chiến lược.", "vi"),
    ):
        events = agreements(run(pipe, text, lang))
        assert [e["subtype"] for e in events] == ["joint_statement"], (text, events)
    # an upgrade with its own past year is a separate, earlier event
    text = ("Chile and Vietnam established a comprehensive partnership in 2009. On Tuesday, the two "
            "countries issued a joint statement on trade.")
    events = sorted((e["subtype"], e["date_start"]) for e in agreements(run(pipe, text, "en")))
    assert events == [("joint_statement", "2025-06-10"), ("partnership_upgrade", "2009")]


def test_a_document_mentioned_again_by_a_definite_phrase_is_one_event(pipe):
    text = ("Chile and Japan signed a reciprocal access agreement (RAA) in Santiago on Monday. "
            "President Boric said the signing of the RAA deal marks a new stage. "
            "\"The agreement signed today strengthens our defence ties,\" Foreign Minister Kamikawa Yoko said.")
    events = agreements(run(pipe, text, "en"))
    assert [tuple(e["countries"]) for e in events] == [("CHL", "JPN")], events
    assert "Kamikawa Yoko" in {p["name"] for p in events[0]["participants"]}
    text = ("Ngày 3/6, Peru và Việt Nam ký Hiệp định hợp tác nghề cá. Theo Bộ trưởng Ortega, "
            "Hiệp định này mở ra cơ hội cho ngư dân hai nước.")
    assert len(agreements(run(pipe, text, "vi"))) == 1
    # a new document with its own name is a new event
    text = ("Chile and Japan signed a reciprocal access agreement on Monday. They also signed "
            "the agreement on visa exemption for diplomats.")
    assert len(agreements(run(pipe, text, "en"))) == 2


def test_a_signing_ceremony_of_a_named_note_is_that_note(pipe):
    text = "Lễ ký công hàm trao đổi về việc Chính phủ Hàn Quốc cung cấp vốn vay cho Lào ngày 5/6."
    events = agreements(run(pipe, text, "vi"))
    assert [(e["subtype"], tuple(e["countries"])) for e in events] == [("other", ("KOR", "LAO"))]


def test_an_upgrade_valued_or_remembered_without_a_time_is_no_event(pipe):
    for text in (
        "Hai nhà lãnh đạo bày tỏ vui mừng trước việc Việt Nam và Chile nâng cấp quan hệ lên Đối tác Toàn diện.",
        "Thủ tướng hai nước hài lòng về việc Ấn Độ và Nhật Bản nâng tầm quan hệ lên Đối tác Chiến lược.",
        "Hai bên đang tiến tới kỷ niệm 10 năm thiết lập quan hệ Đối tác Chiến lược Việt Nam - Peru.",
        "Hai Thủ tướng cho rằng việc Peru và Việt Nam nâng cấp quan hệ lên Đối tác Toàn diện mở ra cơ hội mới.",
    ):
        assert agreements(run(pipe, text, "vi")) == [], text
    text = "Chile and Peru will mark the 10th anniversary of the establishment of their strategic partnership."
    assert agreements(run(pipe, text, "en")) == []


def test_an_establishment_of_a_cooperative_partnership_with_its_month_is_a_past_upgrade(pipe):
    text = ("Chuyến thăm diễn ra trong bối cảnh Việt Nam và Mông Cổ vừa thiết lập quan hệ "
            "Đối tác hợp tác toàn diện vào tháng 3-2019.")
    events = agreements(run(pipe, text, "vi", published="2019-09-20"))
    assert [(e["subtype"], e["date_start"], tuple(e["countries"])) for e in events] == \
        [("partnership_upgrade", "2019-03", ("MNG", "VNM"))]


def test_a_document_acted_under_with_its_own_signing_time_is_a_past_event(pipe):
    for text, lang, date in (
        ("The parliaments of Chile and Vietnam are implementing their cooperation agreement signed in 2017.",
         "en", "2017"),
        ("Both sides will deepen defence ties based on the Memorandum of Understanding on Defence "
         "Cooperation between Peru and Japan signed in October 2021.", "en", "2021-10"),
        ("Hội nghị đánh giá việc thực hiện thỏa thuận hợp tác giữa Việt Nam và Lào (được ký kết ngày "
         "12/03/2019).", "vi", "2019-03-12"),
    ):
        events = agreements(run(pipe, text, lang))
        assert [e["date_start"] for e in events] == [date], (text, events)
    # without a time of its own it stays a document acted under
    text = "The parliaments of Chile and Vietnam are implementing their cooperation agreement."
    assert agreements(run(pipe, text, "en")) == []


def test_documents_listed_one_per_line_under_an_opener_are_each_an_event(pipe):
    text = ("Sáng 5/6, Thủ tướng Phạm Minh Chính và Thủ tướng Chile hội đàm tại Hà Nội.\n\n"
            "Các văn kiện được trao gồm:\n\n"
            "Bản ghi nhớ về hợp tác nông nghiệp giữa Bộ Nông nghiệp Việt Nam và Bộ Nông nghiệp Chile.\n\n"
            "Bản ghi nhớ hợp tác trong lĩnh vực du lịch giữa hai nước.\n\n"
            "Thỏa thuận về miễn thị thực cho người mang hộ chiếu công vụ.\n\n"
            "Kế hoạch hành động giai đoạn 2026-2030 giữa hai Bộ Ngoại giao.")
    events = agreements(run(pipe, text, "vi"))
    assert sorted(e["subtype"] for e in events) == ["agreement", "agreement", "mou", "mou"], events
    assert all(e["date_start"] == "2025-06-05" and set(e["countries"]) == {"CHL", "VNM"} for e in events)
    text = ("Chile and Peru held talks in Lima on Monday.\nThe documents signed include:\n"
            "- A memorandum of understanding on mining cooperation.\n"
            "- An agreement on social security.\n"
            "- A plan of action on trade for 2026-2028.")
    events = agreements(run(pipe, text, "en"))
    assert len(events) == 3, events
    # lines after a paragraph that opens no list are no items
    text = ("Chile and Peru held talks in Lima on Monday.\nTrade rose by 10 percent last year:\n"
            "Agreements on mining have helped.")
    assert len(agreements(run(pipe, text, "en"))) == 0


def test_a_memorandum_of_collaboration_or_agreement_is_a_memorandum(pipe):
    for text in (
        "On Tuesday, Chile's Codelco and Peru's Petroperu signed a Memorandum of Collaboration on green copper.",
        "The defence ministries of Japan and the Philippines inked a memorandum of agreement on maritime "
        "training in Manila on 3 June.",
    ):
        events = agreements(run(pipe, text, "en"))
        assert [e["subtype"] for e in events] == ["mou"], (text, events)


def test_a_document_still_to_be_drafted_negotiated_or_stipulating_is_no_signing(pipe):
    for text, lang in (
        ("Minister Ortega said Peru and Chile should draw up an action plan to put the MoU into practice "
         "after signing ceremonies last year.", "en"),
        ("Officials of Japan and Vietnam discussed the plan to come up with a new rice agreement on Friday.", "en"),
        ("He raised issues of interest to Chile such as the Comprehensive and Progressive Agreement for "
         "Trans-Pacific Partnership.", "en"),
        ("Tháng 7 tới, hai bộ sẽ ký 3 hiệp định vay vốn, dựa trên các điều kiện quy định tại công hàm "
         "trao đổi giữa Việt Nam và Hàn Quốc.", "vi"),
    ):
        titles = [e["title"] for e in agreements(run(pipe, text, lang))]
        assert not any(t and ("MoU" in t or "rice" in t or "Trans-Pacific" in t or "Digital" in t
                              or "công hàm" in t) for t in titles), (text, titles)
    text = ("Chile has signed a pact with Japan while finalising negotiations on the "
            "long-awaited Peru-Chile Digital Economy Agreement.")
    events = agreements(run(pipe, text, "en"))
    assert [e["title"].split()[0] for e in events] == ["pact"], events  # the pact with Japan only
    # (a pact "signed and put into force" is an existing one: see test_a_document_already_in_force_...)


def test_an_upgrade_of_a_relationship_named_by_its_two_countries_is_found(pipe):
    for text in (
        "On Monday, the two sides decided to upgrade the Chile - Viet Nam relationship to a Comprehensive "
        "Partnership.",
        "President Boric and President Luong Cuong agreed to elevate the long-standing Chile-Vietnam bilateral "
        "ties to a strategic partnership in Hanoi on 5 June.",
    ):
        events = agreements(run(pipe, text, "en"))
        assert [(e["subtype"], tuple(e["countries"])) for e in events] == \
            [("partnership_upgrade", ("CHL", "VNM"))], (text, events)


def test_records_and_minutes_of_a_meeting_are_documents(pipe):
    text = ("Sáng 6/6, đoàn đại biểu hai tỉnh Lào Cai (Việt Nam) và Vân Nam (Trung Quốc) đã hội đàm "
            "và ký kết biên bản hợp tác.")
    events = agreements(run(pipe, text, "vi"))
    assert [(e["subtype"], tuple(e["countries"])) for e in events] == [("agreement", ("CHN", "VNM"))]
    text = ("Sau hội đàm, Bộ trưởng Ngoại giao Lào và Bộ trưởng Ngoại giao Campuchia ký biên bản kỳ họp "
            "lần thứ 5 Ủy ban hỗn hợp hai nước ngày 6/6.")
    assert [e["subtype"] for e in agreements(run(pipe, text, "vi"))] == ["other"]


def test_named_documents_after_including_replace_their_unnamed_umbrella(pipe):
    text = ("After the talks on Monday, the Chilean and Peruvian Presidents witnessed the signing of "
            "cooperation documents, including the agreement on border trade, the minutes of the third meeting "
            "of the Chile-Peru Joint Commission, and the memorandum of understanding on tourism.")
    events = agreements(run(pipe, text, "en"))
    assert sorted(e["subtype"] for e in events) == ["agreement", "mou", "other"], events
    assert all(set(e["countries"]) == {"CHL", "PER"} for e in events)


def test_a_treaty_with_its_nineteenth_century_year_is_a_past_agreement(pipe):
    text = ("Chuyến thăm Nhật Bản của Tổng thống Chile Gabriel Boric ngày 5/6 cũng đánh dấu kỷ niệm quan hệ "
            "hai nước và việc ký kết Hiệp ước hữu nghị, thương mại và hàng hải năm 1897.")
    events = run(pipe, text, "vi")
    treaty = agreements(events)
    assert [(e["date_start"], tuple(e["countries"])) for e in treaty] == [("1897", ("CHL", "JPN"))], treaty
    # the year belongs to the treaty, not to the visit of the same sentence
    assert all(e["date_start"] != "1897" for e in events if e["type"] == "visit")
    events = agreements(run(pipe, "Lào và Thái Lan đã ký Hiệp ước biên giới vào năm 1926.", "vi"))
    assert [e["date_start"] for e in events] == ["1926"]



def test_such_a_document_is_the_one_just_named(pipe):
    text = ("On Monday, Chile and Japan also inked a Memorandum of Understanding on Mutual Logistics Support, "
            "the first such defence agreement which Chile has signed with an Asian country.")
    events = agreements(run(pipe, text, "en"))
    assert [e["subtype"] for e in events] == ["mou"], events


def test_an_agreement_settled_between_two_leaders_on_a_day_and_many_deals_concluded(pipe):
    text = ("Các cuộc đàm phán cho phép thực hiện thỏa thuận về ngừng bắn ở biên giới, được thống nhất giữa "
            "Tổng thống Peru và Tổng thống Chile vào ngày 4/3 tại Lima.")
    events = agreements(run(pipe, text, "vi"))
    assert [(e["date_start"], tuple(e["countries"])) for e in events] == [("2025-03-04", ("CHL", "PER"))], events
    text = ("Kết thúc diễn đàn doanh nghiệp Việt Nam - Chile ngày 5/6, doanh nghiệp hai nước đạt được nhiều "
            "thỏa thuận hợp tác.")
    events = agreements(run(pipe, text, "vi"))
    assert [tuple(e["countries"]) for e in events] == [("CHL", "VNM")], events
    # agreeing on something is no document
    text = "Ngày 5/6, Peru và Chile đạt được thỏa thuận về việc tăng cường tuần tra chung."
    assert agreements(run(pipe, text, "vi")) == []


def test_a_partnership_with_the_year_it_began_is_a_past_upgrade(pipe):
    for text, lang, date, title in (
        ("Chile and Vietnam share a Comprehensive Partnership since 2009, and trade is its key pillar.", "en",
         "2009", "Comprehensive Partnership"),
        ("Peru and Japan have been strategic partners since 2011.", "en", "2011", "strategic partners"),
        ("Việt Nam và Chile là Đối tác Toàn diện kể từ năm 2009.", "vi", "2009", "Đối tác Toàn diện"),
    ):
        events = agreements(run(pipe, text, lang))
        assert [(e["subtype"], e["date_start"], e["title"]) for e in events] == \
            [("partnership_upgrade", date, title)], events
    # a meeting word followed by 'since' keeps no date from it
    events = run(pipe, "It was the first meeting of the two Presidents of Chile and Peru since 2019.", "en")
    assert all(e["date_start"] != "2019" for e in events)


def test_a_list_word_opens_a_list_of_documents_only_after_a_document_word(pipe):
    text = ("Theo ông Boric, hai bên đạt tiến triển trong nhiều lĩnh vực, bao gồm thương mại, nghề cá và việc "
            "phê duyệt thỏa thuận về khai thác đồng giữa Chile và Peru.")
    assert agreements(run(pipe, text, "vi")) == []
    text = ("Sáng 5/6, Thủ tướng Chile và Thủ tướng Peru hội đàm tại Lima. Các văn kiện hợp tác gồm Hiệp định "
            "về khai thác đồng và Bản ghi nhớ về nghề cá.")
    assert sorted(e["subtype"] for e in agreements(run(pipe, text, "vi"))) == ["agreement", "mou"]


def test_unnamed_documents_on_different_subjects_stay_apart(pipe):
    text = ("On Monday, Chile's Justice Minister exchanged documents on cooperation in legal matters with "
            "Peru's Justice Minister. The two news agencies of Chile and Peru also exchanged documents on "
            "cooperation in news and photo exchange.")
    assert len(agreements(run(pipe, text, "en"))) == 2
    # the same unnamed documents told twice are one
    text = ("On Monday, Chile and Peru signed cooperation documents on mining. The cooperation documents "
            "were signed in Lima.")
    assert len(agreements(run(pipe, text, "en"))) == 1


def upgrades(events: list[dict]) -> list[dict]:
    return [e for e in events if e["type"] == "agreement" and e["subtype"] == "partnership_upgrade"]


def test_past_partnership_dated_beside_the_start_of_ties(pipe):
    text = ("Chilean President Gabriel Boric held talks with Prime Minister Pham Minh Chinh in Hanoi on Monday. "
            "During the talks, the two sides noted that since the establishment of diplomatic ties in 1988 "
            "and the Strategic Partnership in 2015, Chile and Vietnam have grown steadily closer.")
    found = upgrades(run(pipe, text, "en"))
    assert [(e["date_start"], tuple(e["countries"])) for e in found] == [("2015", ("CHL", "VNM"))]


def test_vietnamese_partnership_dated_by_its_setting_up_later_in_the_clause(pipe):
    text = ("Chuyến thăm cho thấy quan hệ Đối tác chiến lược toàn diện giữa Việt Nam và Chile "
            "không ngừng phát triển kể từ khi được thiết lập vào tháng 5/2019.")
    found = upgrades(run(pipe, text, "vi"))
    assert [e["date_start"] for e in found] == ["2019-05"]


def test_the_two_countries_leaders_are_the_people_of_an_upgrade(pipe):
    text = ("Prime Minister Pham Minh Chinh held talks with Chilean President Gabriel Boric in Hanoi on Tuesday. "
            "The two countries' leaders agreed to upgrade bilateral relations to a Comprehensive Partnership.")
    found = upgrades(run(pipe, text, "en"))
    assert len(found) == 1
    assert {p["name"] for p in found[0]["participants"]} == {"Phạm Minh Chính", "Gabriel Boric"}


def test_unnamed_pacts_and_a_later_summary_of_deals_are_one_set(pipe):
    text = ("Chile and Vietnam signed a deal on Monday for 12 cargo ships, as well as health and education pacts, "
            "as President Gabriel Boric visited Hanoi. "
            "Deals signed during Boric's visit covered the ship purchase, cooperation on mining and tourism.")
    deals = [e for e in run(pipe, text, "en", "2025-06-10") if e["type"] == "agreement"]
    assert len(deals) == 2  # the ship deal, and one unnamed set of pacts/deals


def test_a_document_already_in_force_is_no_new_signing(pipe):
    text = ("One reason for the optimism is that Chile has signed and put into force a free trade agreement "
            "with the Pacific Alliance while still negotiating a pact with Canada.")
    assert [e for e in run(pipe, text, "en") if e["type"] == "agreement"] == []


def test_a_signing_reported_beside_force_words_after_it_stays(pipe):
    text = ("On Monday, Chile and Vietnam signed a trade agreement in Hanoi, "
            "which will enter into force next year.")
    assert len([e for e in run(pipe, text, "en") if e["type"] == "agreement"]) == 1


def test_a_caption_naming_the_memorandum_shorter_is_the_same_document(pipe):
    text = ("Chiều 5/6, Chủ tịch UBND tỉnh Lào Cai ký biên bản ghi nhớ chính thức thiết lập quan hệ hữu nghị "
            "giữa tỉnh Lào Cai (Việt Nam) và tỉnh Cebu (Philippines).\n"
            "Lãnh đạo hai tỉnh Lào Cai (Việt Nam) và Cebu (Philippines) trao biên bản ghi nhớ hữu nghị tại Lễ ký kết.")
    deals = [e for e in run(pipe, text, "vi", "2025-06-05") if e["type"] == "agreement"]
    assert len(deals) == 1


def test_two_names_opening_with_one_long_run_of_words_are_one_document(pipe):
    text = ("On Tuesday, the Chilean ambassador and the Vietnamese minister signed a diplomatic note on the "
            "provision of loans by the Government of Chile to the Government of Vietnam worth 3 billion pesos.\n"
            "Photo: officials sign a diplomatic note on the provision of loans by the Government of Chile for Vietnam.")
    deals = [e for e in run(pipe, text, "en", "2025-06-11") if e["type"] == "agreement"]
    assert len(deals) == 1


def test_two_documents_listed_in_one_sentence_stay_two(pipe):
    text = ("On Monday, Chile and Vietnam signed a Trade Agreement, an Agreement on Mutual Protection of "
            "Investments, and an agreement on visa exemption for holders of diplomatic passports.")
    deals = [e for e in run(pipe, text, "en", "2025-06-10") if e["type"] == "agreement"]
    assert len(deals) == 3


def test_a_document_word_where_the_article_breaks_off_names_nothing(pipe):
    text = ("On Monday, the two ministers signed an agreement on fisheries between Chile and Vietnam, "
            "a protocol on customs cooperation, and a memorandum of understanding (Mo")
    titles = sorted(e["title"] for e in run(pipe, text, "en", "2025-06-10") if e["type"] == "agreement")
    assert len(titles) == 2 and not any(t.lower().startswith("memorandum") for t in titles)


def test_vietnamese_signing_ceremony_where_the_article_breaks_off_still_counts(pipe):
    text = ("Thủ tướng Chile sẽ hội đàm với Thủ tướng Phạm Minh Chính vào ngày 12/6. "
            "Tại trụ sở Chính phủ, hai Thủ tướng sẽ chứng kiến lễ ký")
    deals = [e for e in run(pipe, text, "vi", "2025-06-10") if e["type"] == "agreement"]
    assert len(deals) == 1 and deals[0]["status"] == "planned"
