"""Event frames from single articles: types, subtypes, participants, countries, dates, status.

Each article here is written for the test (not taken from the dev set) and
its expected events were worked out by hand from the annotation rules in
shared/spec/events.md.
"""
from __future__ import annotations

import pytest

import pipeline
from pipeline.doc import Article


def run(pipe, text: str, lang: str, published: str | None = "2025-06-12") -> list[dict]:
    res = pipeline.extract([Article("t", text, lang, published)], pipeline=pipe)
    return res.events.to_dict("records")


def summary(events):
    return sorted((e["type"], e["subtype"], e["status"], tuple(e["countries"]),
                   tuple(sorted(p["name"] for p in e["participants"])), e["date_start"], e["date_end"])
                  for e in events)


def test_vietnamese_talks_with_date_and_state_visit_range(pipe):
    text = ("Sáng 11/6, tại Phủ Chủ tịch, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Campuchia Hun Manet "
            "đang thăm chính thức Việt Nam từ ngày 10-12/6.")
    got = summary(run(pipe, text, "vi"))
    assert ("meeting", "talks", "occurred", ("KHM", "VNM"), ("Hun Manet", "Phạm Minh Chính"),
            "2025-06-11", "2025-06-11") in got
    visits = [g for g in got if g[0] == "visit"]
    assert visits == [("visit", "official", "occurred", ("KHM", "VNM"), ("Hun Manet",), "2025-06-10", "2025-06-12")]


def test_vietnamese_phone_call_today_resolves_to_publication_date(pipe):
    text = "Chiều nay, Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Bộ trưởng Ngoại giao Trung Quốc Vương Nghị."
    assert summary(run(pipe, text, "vi")) == [
        ("meeting", "phone_call", "occurred", ("CHN", "VNM"), ("Bùi Thanh Sơn", "Wang Yi"), "2025-06-12", "2025-06-12")]


def test_english_met_two_people_is_two_meetings(pipe):
    text = ("HÀ NỘI — Party General Secretary Tô Lâm on Tuesday met with Lao Prime Minister Sonexay Siphandone "
            "and National Assembly Chairman Xaysomphone Phomvihane.")
    got = summary(run(pipe, text, "en", "2025-06-12"))
    assert got == [
        ("meeting", "meeting", "occurred", ("LAO", "VNM"), ("Sonexay Siphandone", "Tô Lâm"), "2025-06-10",
         "2025-06-10"),
        ("meeting", "meeting", "occurred", ("LAO", "VNM"), ("Tô Lâm", "Xaysomphone Phomvihane"), "2025-06-10",
         "2025-06-10"),
    ]


def test_english_planned_visit_and_concluded_visit_span(pipe):
    text = ("Prime Minister Phạm Minh Chính left Tokyo on Thursday, concluding his three-day official visit to Japan. "
            "Chinese President Xi Jinping will pay a state visit to Việt Nam from June 20-21.")
    got = summary(run(pipe, text, "en", "2025-06-12"))
    assert ("visit", "official", "occurred", ("JPN", "VNM"), ("Phạm Minh Chính",), "2025-06-10", "2025-06-12") in got
    assert ("visit", "state", "planned", ("CHN", "VNM"), ("Xi Jinping",), "2025-06-20", "2025-06-21") in got


def test_intentions_and_generic_mentions_are_not_events(pipe):
    text = ("The two sides agreed to increase delegation exchanges and high-level visits. "
            "They pledged to effectively implement the cooperation agreement between the two parties.")
    assert run(pipe, text, "en") == []
    text_vi = "Hai bên nhất trí tăng cường trao đổi đoàn các cấp và sớm ký các thỏa thuận về bảo hộ đầu tư."
    assert run(pipe, text_vi, "vi") == []


def test_witnessed_signing_makes_witnesses_and_upgrade_is_its_own_event(pipe):
    text = ("Tổng Bí thư Tô Lâm hội đàm với Tổng thống Indonesia Prabowo Subianto chiều 10/3. "
            "Hai lãnh đạo nhất trí nâng cấp quan hệ hai nước lên Đối tác Chiến lược Toàn diện.")
    events = run(pipe, text, "vi", "2025-03-10")
    upgrade = [e for e in events if e["type"] == "agreement"]
    assert len(upgrade) == 1 and upgrade[0]["subtype"] == "partnership_upgrade"
    assert upgrade[0]["title"].startswith("Đối tác Chiến lược Toàn diện")
    assert upgrade[0]["countries"] == ["IDN", "VNM"]

    text_en = ("Prime Minister Pham Minh Chinh held talks with Singaporean Prime Minister Lawrence Wong in Hanoi "
               "on June 11. The two leaders witnessed the signing of a memorandum of understanding on energy.")
    events = run(pipe, text_en, "en")
    mou = [e for e in events if e["type"] == "agreement"]
    assert len(mou) == 1 and mou[0]["subtype"] == "mou"
    assert sorted((p["name"], p["role"]) for p in mou[0]["participants"]) == [
        ("Lawrence Wong", "witness"), ("Phạm Minh Chính", "witness")]
    assert mou[0]["date_start"] == "2025-06-11"


def test_past_visit_with_a_year_is_a_separate_event(pipe):
    text = ("Tổng thống Ilham Aliyev nhắc lại chuyến thăm Việt Nam năm 2014. "
            "Tổng Bí thư Tô Lâm đang thăm cấp nhà nước Azerbaijan.")
    got = summary(run(pipe, text, "vi", "2025-05-07"))
    assert ("visit", "other", "occurred", ("AZE", "VNM"), ("Ilham Aliyev",), "2014", "2014") in got
    assert any(g[0] == "visit" and g[1] == "state" and g[4] == ("Tô Lâm",) for g in got)


def test_repeated_mentions_merge_into_one_event(pipe):
    text = ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Trung Quốc Lý Cường.\n"
            "Sáng 13/10, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Quốc vụ viện Trung Quốc Lý Cường.\n"
            "Tại hội đàm, hai Thủ tướng nhất trí thúc đẩy hợp tác.")
    events = run(pipe, text, "vi", "2024-10-13")
    assert len(events) == 1
    assert events[0]["date_start"] == "2024-10-13"
    assert sorted(p["name"] for p in events[0]["participants"]) == ["Li Qiang", "Phạm Minh Chính"]


def test_a_dependency_parse_decides_who_meets_whom_where_the_backend_gives_one():
    """'Xi Jinping, whom Tô Lâm met in May, held talks with Vladimir Putin': by position the
    nearest name before 'held talks' is Tô Lâm; the parse says the subject is Xi."""
    from pipeline.doc import Sentence, Token
    from pipeline.stages.actors import ActorFinder
    from pipeline.stages.frames import ArticleContext, FrameFiller

    text = "Xi Jinping, whom Tô Lâm met in May, held talks with Vladimir Putin."
    words = ["Xi", "Jinping", ",", "whom", "Tô", "Lâm", "met", "in", "May", ",", "held", "talks", "with",
             "Vladimir", "Putin", "."]
    # head (index in this list, -1 root) and relation, written by hand in UD style
    parse = [(10, "nsubj"), (0, "flat"), (6, "punct"), (6, "obj"), (6, "nsubj"), (4, "flat"), (0, "acl:relcl"),
             (8, "case"), (6, "obl"), (6, "punct"), (-1, "root"), (10, "obj"), (13, "case"), (11, "nmod"),
             (13, "flat"), (10, "punct")]
    tokens, pos = [], 0
    for w, (head, rel) in zip(words, parse):
        start = text.index(w, pos)
        tokens.append(Token(start, start + len(w), w, None, head, rel))
        pos = start + len(w)
    sent = Sentence(0, len(text), text, tokens)
    actors = ActorFinder("en").find(text)
    ctx = ArticleContext(doc_id="p", lang="en", text=text, sentences=[sent], actors=actors, reference=None)
    talks = [e for e in FrameFiller(ctx).fill() if e.subtype == "talks"]
    assert [sorted(p.name for p in e.participants) for e in talks] == [["Vladimir Putin", "Xi Jinping"]]


def test_listed_documents_are_one_event_each_and_take_the_witnesses_of_the_signing(pipe):
    text = ("Prime Minister Pham Minh Chinh and Thai Prime Minister Paetongtarn Shinawatra witnessed the signing of "
            "five cooperation documents in Hanoi on May 16.\n"
            "The documents include an MoU on digital transformation between the two ministries of information; "
            "and a plan of action for 2025-2030.\n"
            "There are also three protocols on rice trade, durian exports, and fisheries, signed by the two "
            "agriculture ministries.")
    events = [e for e in run(pipe, text, "en", "2025-05-17") if e["type"] == "agreement"]
    titles = sorted(e["title"] for e in events)
    assert titles == ["MoU on digital transformation between the two ministries of information",
                      "plan of action for 2025-2030",
                      "protocol on durian exports", "protocol on fisheries", "protocol on rice trade"]
    for e in events:  # the unnamed umbrella "five cooperation documents" is gone; its witnesses stay
        assert sorted((p["name"], p["role"]) for p in e["participants"]) == [
            ("Paetongtarn Shinawatra", "witness"), ("Phạm Minh Chính", "witness")]
        assert e["date_start"] == "2025-05-16" and e["countries"] == ["THA", "VNM"]


@pytest.mark.parametrize("lang,text,expected", [
    # credentials: one reception per ambassador's country
    ("vi", "Sáng 9/1, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường nhận Quốc thư của Đại sứ các nước Argentina, "
           "Canada và Đức.",
     [("meeting", "reception", ("ARG", "VNM"), ("Lương Cường",)),
      ("meeting", "reception", ("CAN", "VNM"), ("Lương Cường",)),
      ("meeting", "reception", ("DEU", "VNM"), ("Lương Cường",))]),
    # "received visiting X": a reception of the visitor, and X's visit, whose receiving leader is its host
    # (spec section 3: "the inviting or receiving leader, when named as host, is host")
    ("en", "Prime Minister Pham Minh Chinh on Wednesday received visiting Lao Deputy Prime Minister Saleumxay "
           "Kommasith in Hanoi.",
     [("meeting", "reception", ("LAO", "VNM"), ("Phạm Minh Chính", "Saleumxay Kommasith")),
      ("visit", "other", ("LAO", "VNM"), ("Phạm Minh Chính", "Saleumxay Kommasith"))]),
    # the one received is the one visiting
    ("vi", "Tổng Bí thư Tô Lâm đã tiếp Thủ tướng Lào Sonexay Siphandone đang thăm và làm việc tại Việt Nam.",
     [("meeting", "reception", ("LAO", "VNM"), ("Sonexay Siphandone", "Tô Lâm")),
      ("visit", "working", ("LAO", "VNM"), ("Sonexay Siphandone", "Tô Lâm"))]),  # "thăm và làm việc": working
    # co-chaired: the co-chairs meet each other
    ("vi", "Chủ tịch Quốc hội Trần Thanh Mẫn và Chủ tịch Quốc hội Lào Saysomphone Phomvihane đồng chủ trì Hội nghị "
           "cấp cao giữa hai Quốc hội tại Viêng Chăn ngày 12/12.",
     [("meeting", "meeting", ("LAO", "VNM"), ("Trần Thanh Mẫn", "Xaysomphone Phomvihane"))]),
])
def test_receptions_visits_and_co_chaired_meetings(pipe, lang, text, expected):
    got = sorted((e["type"], e["subtype"], tuple(e["countries"]), tuple(sorted(p["name"] for p in e["participants"])))
                 for e in run(pipe, text, lang, "2025-01-09"))
    assert got == sorted(expected)


# ---------------------------------------------------------------------------
# Date attachment by sentence structure (made-up sentences of shapes seen in unseen articles)
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text,expected", [
    # a sentence-opening time adverbial dates the event however long the clauses before the verb
    ("vi", "Sáng 14/6, tại Phủ Chủ tịch ở thủ đô Hà Nội, ngay sau lễ đón chính thức với đầy đủ nghi thức cao nhất "
           "dành cho nguyên thủ, Chủ tịch nước Lương Cường đã hội đàm với Tổng thống Indonesia Prabowo Subianto.",
     [("meeting", "talks", "occurred", ("IDN", "VNM"), ("Lương Cường", "Prabowo Subianto"), "2025-06-14",
       "2025-06-14"),
      # talks right after the official welcome: the guest's official visit, that day
      ("visit", "official", "occurred", ("IDN", "VNM"), ("Lương Cường", "Prabowo Subianto"), "2025-06-14",
       "2025-06-14")]),
    ("en", "On 14 June, at the Presidential Palace in the capital, after the official welcome ceremony with a "
           "21-gun salute and a review of the guard of honour, President Luong Cuong held talks with Indonesian "
           "President Prabowo Subianto.",
     [("meeting", "talks", "occurred", ("IDN", "VNM"), ("Lương Cường", "Prabowo Subianto"), "2025-06-14",
       "2025-06-14")]),
    # the day of the announcement is not the day of the visit
    ("en", "The Foreign Ministry announced on Monday that Prime Minister Pham Minh Chinh will pay an official visit "
           "to Singapore from 20 to 22 June.",
     [("visit", "official", "planned", ("SGP", "VNM"), ("Phạm Minh Chính",), "2025-06-20", "2025-06-22")]),
    # departure starts a trip: a three-day visit runs forward from it
    ("en", "Prime Minister Pham Minh Chinh departed Hanoi on 15 June for a three-day official visit to Singapore.",
     [("visit", "official", "occurred", ("SGP", "VNM"), ("Phạm Minh Chính",), "2025-06-15", "2025-06-17")]),
    # a vague date keeps its precision, never the publication day
    ("en", "Party General Secretary To Lam paid a state visit to Laos last month.",
     [("visit", "state", "occurred", ("LAO", "VNM"), ("Tô Lâm",), "2025-05", "2025-05")]),
    # a span written with hyphenated day-month pairs
    ("vi", "Tổng Bí thư Tô Lâm đang có chuyến thăm cấp Nhà nước tới Lào từ ngày 13-6 đến ngày 15-6.",
     [("visit", "state", "occurred", ("LAO", "VNM"), ("Tô Lâm",), "2025-06-13", "2025-06-15")]),
    # "since … 1971" dates the start of relations, not the visit
    ("en", "Chilean President Gabriel Boric paid an official visit to Vietnam on 10 June, the first since the two "
           "countries established diplomatic relations in 1971.",
     [("visit", "official", "occurred", ("CHL", "VNM"), ("Gabriel Boric",), "2025-06-10", "2025-06-10")]),
])
def test_dates_attach_by_clause_not_by_distance(pipe, lang, text, expected):
    assert summary(run(pipe, text, lang, "2025-06-16")) == expected


def test_article_without_publication_date_takes_the_year_of_its_stated_days(pipe):
    text = ("Hà Nội, 20/3/2014 - Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone.\n\n"
            "Ngày 18/3, Chủ tịch nước Lương Cường tiếp Thủ tướng Lào Sonexay Siphandone.")
    got = {(e["type"], e["subtype"], e["date_start"]) for e in run(pipe, text, "vi", None)}
    assert ("meeting", "reception", "2014-03-18") in got
