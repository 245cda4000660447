"""Precision: mentions that are no event of their own (spec section 3) and people who are no party.

A forecast ("is expected to visit") is not an announced plan, though it may add to one; the
person who reports a meeting ("..., his spokesman X said") is not met; a meeting someone is thanked
for ("cảm ơn X đã tiếp") is the one the article reports, told again. Every sentence here is
made up for the test; the expected events were worked out by hand from shared/spec/events.md.
"""
from __future__ import annotations

import pipeline
from pipeline.doc import Article, Event, Participant
from pipeline.stages.consolidate import consolidate


def run(pipe, text: str, lang: str, published: str | None = "2025-06-12") -> list[dict]:
    res = pipeline.extract([Article("t", text, lang, published)], pipeline=pipe)
    assert res.errors.empty, res.errors.to_dict("records")
    return res.events.to_dict("records")


def people(e: dict) -> set[str]:
    return {p["name"] for p in e["participants"]}


def test_a_forecast_alone_is_no_event(pipe):
    text = "Chilean President Gabriel Boric is expected to visit Japan and South Korea in July on an Asian tour."
    assert run(pipe, text, "en") == []


def test_an_announced_plan_is_an_event(pipe):
    events = run(pipe, "Chilean President Gabriel Boric will visit Japan in July.", "en")
    assert [(e["type"], e["status"], tuple(e["countries"])) for e in events] == [("visit", "planned", ("CHL", "JPN"))]


def test_a_forecast_joins_the_announced_visit_and_adds_no_other(pipe):
    text = ("Chilean President Gabriel Boric will pay an official visit to Japan from 14 to 16 July. "
            "Boric is expected to visit Japan and South Korea as part of the tour.")
    events = run(pipe, text, "en")
    assert [(e["type"], tuple(e["countries"])) for e in events] == [("visit", ("CHL", "JPN"))]


def test_vietnamese_scheduled_meeting_stays_an_event(pipe):
    # "dự kiến" announces the schedule of a visit: a planned meeting of its own
    text = "Tổng thống Chile Gabriel Boric dự kiến hội kiến Thủ tướng Phạm Minh Chính và thăm tỉnh Quảng Ninh."
    events = run(pipe, text, "vi")
    assert [(e["type"], e["status"]) for e in events] == [("meeting", "planned")]
    assert people(events[0]) == {"Gabriel Boric", "Phạm Minh Chính"}


def test_the_spokesperson_who_reports_talks_is_not_met(pipe):
    text = ("Chilean Foreign Minister Alberto van Klaveren will hold talks with his Japanese counterpart Yoko "
            "Kamikawa on Friday, the Chilean Foreign Ministry's spokeswoman, Ana Lopez, said on Tuesday.")
    events = run(pipe, text, "en")
    assert len(events) == 1 and "Ana Lopez" not in people(events[0])
    text = ("Chilean Foreign Minister Alberto van Klaveren will hold talks with Japanese Prime Minister Fumio "
            "Kishida and Foreign Minister Yoko Kamikawa, his spokesman Pedro Soto told reporters in Santiago.")
    events = run(pipe, text, "en")
    assert len(events) == 2 and all("Pedro Soto" not in people(e) for e in events)


def test_the_person_met_before_an_inverted_said_is_still_met(pipe):
    # "..., said the Foreign Ministry": the speaker stands after the verb, the name before it is met
    text = "President Luong Cuong will meet Kenyan President William Ruto on Friday, said the Foreign Ministry."
    events = run(pipe, text, "en")
    assert len(events) == 1 and "William Ruto" in people(events[0])


def test_vietnamese_spokesperson_who_reports_talks_is_not_met(pipe):
    text = ("Bộ trưởng Ngoại giao Chile sẽ hội đàm với Bộ trưởng Ngoại giao Bùi Thanh Sơn vào ngày 20/6, "
            "người phát ngôn Phạm Thu Hằng cho biết.")
    events = run(pipe, text, "vi")
    assert len(events) == 1 and "Phạm Thu Hằng" not in people(events[0])


def _meeting(start: int, people: list[str], day: str, *, thanked: bool = False, forecast: bool = False,
             subtype: str = "reception") -> Event:
    e = Event(doc_id="d", lang="vi", type="meeting", subtype=subtype, status="occurred", trigger="tiếp",
              evidence="e", char_start=start, char_end=start + 1, countries=["KEN", "VNM"], date_start=day,
              date_end=day, participants=[Participant(n, n, "participant") for n in people])
    e.thanked_for, e.speculative = thanked, forecast
    return e


def test_a_meeting_thanked_for_is_the_reported_one_told_again():
    reported = _meeting(0, ["Lương Cường", "Musalia Mudavadi"], "2025-06-10")
    # the thanked host written another way, so the two do not merge by name: still one meeting
    thanked = _meeting(80, ["Luong C."], "2025-06-10", thanked=True)
    assert [e.participants[0].name for e in consolidate([reported, thanked], None)] == ["Lương Cường"]


def test_a_meeting_thanked_for_on_another_day_or_alone_stays():
    reported = _meeting(0, ["Lương Cường", "Musalia Mudavadi"], "2025-06-10")
    other_day = _meeting(80, ["Phạm Minh Chính"], "2025-06-09", thanked=True)
    assert len(consolidate([reported, other_day], None)) == 2
    assert len(consolidate([_meeting(0, ["Phạm Minh Chính"], "2025-06-09", thanked=True)], None)) == 1


def test_a_forecast_meeting_stays_only_merged_into_a_reported_one():
    forecast = _meeting(0, ["Lương Cường", "Musalia Mudavadi"], "2025-06-10", forecast=True)
    reported = _meeting(80, ["Lương Cường", "Musalia Mudavadi"], "2025-06-10")
    kept = consolidate([forecast, reported], None)
    assert len(kept) == 1 and not kept[0].speculative
    assert consolidate([_meeting(0, ["Lương Cường", "Musalia Mudavadi"], "2025-06-10", forecast=True)], None) == []


def test_thanks_for_a_meeting_is_read_before_its_trigger_in_both_languages():
    from pipeline.lang.en.cues import CUES as EN
    from pipeline.lang.vi.cues import CUES as VI
    assert VI.thanks_for.search("Bộ trưởng Kenya chân thành cảm ơn Chủ tịch nước đã dành thời gian ")
    assert not VI.thanks_for.search("Chủ tịch nước đã dành thời gian ")
    assert EN.thanks_for.search("The Kenyan minister thanked President Luong Cuong for the warm ")
    assert not EN.thanks_for.search("The Kenyan minister later ")


def _told(start: int, people: list[str], day: str, evidence: str, inferred: bool = False) -> Event:
    e = _meeting(start, people, day, subtype="meeting")
    e.evidence, e.date_inferred = evidence, inferred
    return e


def test_a_headline_meeting_naming_one_side_is_the_bodys_meeting():
    headline = _told(0, ["Phạm Minh Chính"], "2025-06-12", "PM Pham Minh Chinh meets with Chilean President", True)
    body = _told(60, ["Phạm Minh Chính", "Gabriel Boric"], "2025-06-10",
                 "On Tuesday, Prime Minister Pham Minh Chinh met with Chilean President Gabriel Boric.")
    assert len(consolidate([headline, body], None)) == 1


def test_a_body_meeting_with_an_unnamed_official_stays_apart(pipe):
    body = _told(0, ["Phạm Minh Chính", "Gabriel Boric"], "2025-06-10",
                 "On Tuesday, Prime Minister Pham Minh Chinh met with Chilean President Gabriel Boric.")
    senate = _told(90, ["Phạm Minh Chính"], "2025-06-10", "Chinh also met with the President of the Chilean Senate.")
    assert len(consolidate([body, senate], None)) == 2
    text = ("SANTIAGO - Prime Minister Pham Minh Chinh met with Chilean President Gabriel Boric in Santiago on "
            "Tuesday. Pham Minh Chinh also met with the President of the Chilean Senate.")
    assert len([e for e in run(pipe, text, "en") if e["type"] == "meeting"]) == 2


def test_a_visit_wished_for_soon_or_at_a_convenient_time_is_no_event(pipe):
    assert run(pipe, "Chilean President Gabriel Boric will visit Vietnam soon, the ministry said.", "en") == []
    assert run(pipe, "Chilean President Gabriel Boric will visit Vietnam at a convenient time.", "en") == []
    assert run(pipe, "Tổng thống Chile Gabriel Boric sẽ thăm Việt Nam vào một thời điểm thích hợp.", "vi") == []
    # a time set is a plan
    assert len(run(pipe, "Chilean President Gabriel Boric will visit Vietnam next week.", "en")) == 1
    assert len(run(pipe, "Tổng thống Chile Gabriel Boric sẽ thăm Việt Nam vào tuần tới.", "vi")) == 1


def test_an_invitation_for_someone_to_visit_is_no_visit(pipe):
    text = ("The Vietnamese side appreciated Chilean President Gabriel Boric's invitation for Vietnamese "
            "Prime Minister Pham Minh Chinh to visit Chile.")
    assert [e for e in run(pipe, text, "en") if e["type"] == "visit"] == []


def test_vietnamese_clause_after_a_comma_keeps_the_person_received(pipe):
    # "..., cho biết": the clause's subject speaks, the ambassador named before the comma is still received
    text = "Chiều 10/6, Chủ tịch nước Lương Cường tiếp Đại sứ Chile Juan Pérez, cho biết Việt Nam coi trọng quan hệ."
    events = [e for e in run(pipe, text, "vi") if e["type"] == "meeting"]
    assert len(events) == 1 and len(events[0]["participants"]) == 2
