"""Agreements on wording nobody tuned to: what is a signing, adoption or upgrade reported as done, and
what only names a document (put to work, valued, hoped for) or common understandings.

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
