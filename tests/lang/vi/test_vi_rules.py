"""Vietnamese rules of the language profile: how titles and short names are written, the tense
cue, and a date grammar that reads Vietnamese forms only (English ones are the English grammar's)."""
from __future__ import annotations

import datetime as dt

from pipeline import lexicon
from pipeline.lang import profile
from pipeline.lang.vi import dates
from pipeline.stages.actors import ActorFinder

REF = dt.date(2025, 5, 9)


def test_titles_written_in_capitals_are_titles():
    found = lexicon.title_regex("vi").search("THỦ TƯỚNG Phạm Minh Chính")
    assert found is not None and found.group() == "THỦ TƯỚNG"


def test_a_title_before_a_comma_heads_a_chain_of_titles_and_refers_back_to_nobody():
    # "Tổng Bí thư, Chủ tịch nước X": what follows the comma continues the title, so the bare
    # title is not read as "the General Secretary" already named
    text = "Tổng Bí thư Tô Lâm phát biểu. Sau đó, Tổng Bí thư, người đứng đầu Đảng, cảm ơn."
    actors = ActorFinder("vi").find(text)
    assert [(m.text, m.kind) for m in actors.mentions] == [("Tô Lâm", "name")]


def test_a_lone_family_name_after_the_full_name_is_not_taken_as_a_short_mention():
    actors = ActorFinder("vi").find("Thủ tướng Narendra Modi đến Hà Nội. Modi cho biết quan hệ tốt đẹp.")
    assert [(m.text, m.kind) for m in actors.mentions] == [("Narendra Modi", "name")]


def test_the_tense_cue_reads_vietnamese_words_only():
    planned = profile("vi").cues.planned
    assert planned.search("Thủ tướng sẽ thăm chính thức Nhật Bản")
    assert not planned.search("The Prime Minister will visit Japan")


def test_the_grammar_reads_vietnamese_days_weekdays_and_weeks_and_no_english_forms():
    out: list = []
    text = "sáng 7/5, thứ Năm tuần trước"
    dates.candidates(text, REF, out)
    found = {(text[c.start:c.end], c.date_start) for c in out}
    assert ("sáng 7/5", "2025-05-07") in found and ("thứ Năm tuần trước", "2025-05-01") in found
    out = []
    dates.candidates("on Thursday, May 8, and last week", REF, out)
    assert out == []


def test_durations_in_days_but_not_a_weekday_named_by_its_number():
    text = "chuyến thăm 3 ngày, thứ hai ngày 7/5"
    assert [(text[s:e], n) for s, e, n in dates.durations(text)] == [("3 ngày", 3)]
