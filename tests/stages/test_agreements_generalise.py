"""Agreement capabilities on invented wording: past partnerships dated later in their clause or
beside another milestone, and the two countries' leaders as the people of an upgrade.

Every sentence is made up for the test; expectations follow shared/spec/events.md (a past
event referred to with a time is an event with that reduced-precision date).
"""
from __future__ import annotations

import pipeline
from pipeline.doc import Article


def run(pipe, text: str, lang: str, published: str | None = "2025-06-12") -> list[dict]:
    res = pipeline.extract([Article("t", text, lang, published)], pipeline=pipe)
    assert res.errors.empty, res.errors.to_dict("records")
    return res.events.to_dict("records")


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
    agreements = [e for e in run(pipe, text, "en", "2025-06-10") if e["type"] == "agreement"]
    assert len(agreements) == 2  # the ship deal, and one unnamed set of pacts/deals


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
    agreements = [e for e in run(pipe, text, "vi", "2025-06-05") if e["type"] == "agreement"]
    assert len(agreements) == 1


def test_two_names_opening_with_one_long_run_of_words_are_one_document(pipe):
    text = ("On Tuesday, the Chilean ambassador and the Vietnamese minister signed a diplomatic note on the "
            "provision of loans by the Government of Chile to the Government of Vietnam worth 3 billion pesos.\n"
            "Photo: officials sign a diplomatic note on the provision of loans by the Government of Chile for Vietnam.")
    agreements = [e for e in run(pipe, text, "en", "2025-06-11") if e["type"] == "agreement"]
    assert len(agreements) == 1


def test_two_documents_listed_in_one_sentence_stay_two(pipe):
    text = ("On Monday, Chile and Vietnam signed a Trade Agreement, an Agreement on Mutual Protection of "
            "Investments, and an agreement on visa exemption for holders of diplomatic passports.")
    agreements = [e for e in run(pipe, text, "en", "2025-06-10") if e["type"] == "agreement"]
    assert len(agreements) == 3


def test_a_document_word_where_the_article_breaks_off_names_nothing(pipe):
    text = ("On Monday, the two ministers signed an agreement on fisheries between Chile and Vietnam, "
            "a protocol on customs cooperation, and a memorandum of understanding (Mo")
    titles = sorted(e["title"] for e in run(pipe, text, "en", "2025-06-10") if e["type"] == "agreement")
    assert len(titles) == 2 and not any(t.lower().startswith("memorandum") for t in titles)


def test_vietnamese_signing_ceremony_where_the_article_breaks_off_still_counts(pipe):
    text = ("Thủ tướng Chile sẽ hội đàm với Thủ tướng Phạm Minh Chính vào ngày 12/6. "
            "Tại trụ sở Chính phủ, hai Thủ tướng sẽ chứng kiến lễ ký")
    agreements = [e for e in run(pipe, text, "vi", "2025-06-10") if e["type"] == "agreement"]
    assert len(agreements) == 1 and agreements[0]["status"] == "planned"
