"""English rules of the language profile: how titles, short names and demonyms are written, the
tense cue, and a date grammar that reads English forms only (Vietnamese ones are the Vietnamese
grammar's)."""
from __future__ import annotations

import datetime as dt

from pipeline import lexicon
from pipeline.lang import profile
from pipeline.lang.en import dates
from pipeline.stages.actors import ActorFinder

REF = dt.date(2025, 5, 9)


def test_titles_match_with_either_case_of_their_first_letter_only():
    titles = lexicon.title_regex("en")
    assert titles.search("prime Minister Pham Minh Chinh") is not None
    assert titles.search("PRIME MINISTER Pham Minh Chinh") is None


def test_one_word_of_a_known_name_refers_back_to_that_person():
    actors = ActorFinder("en").find("Prime Minister Narendra Modi arrived. Modi said the ties were strong.")
    assert [(m.text, m.kind, m.person.canonical) for m in actors.mentions] == [
        ("Narendra Modi", "name", "Narendra Modi"), ("Modi", "short", "Narendra Modi")]


def test_a_demonym_before_a_delegation_makes_an_unnamed_actor_of_that_country():
    actors = ActorFinder("en").find("He received the Japanese delegation in Hanoi.")
    assert [(m.text, m.person.country, m.person.named) for m in actors.mentions] == [
        ("Japanese delegation", "JPN", False)]


def test_the_tense_cue_reads_english_words_only():
    planned = profile("en").cues.planned
    assert planned.search("The Prime Minister will visit Japan")
    assert not planned.search("Thủ tướng sẽ thăm chính thức Nhật Bản")


def test_the_grammar_reads_english_days_weekdays_and_weeks_and_no_vietnamese_forms():
    out: list = []
    text = "on Thursday, May 8, and last week"
    dates.candidates(text, REF, out)
    found = {(text[c.start:c.end], c.date_start) for c in out}
    assert ("May 8", "2025-05-08") in found and ("last week", "2025-05") in found
    out = []
    dates.candidates("sáng 7/5, thứ Năm tuần trước", REF, out)
    assert out == []


def test_durations_in_days_and_weeks():
    text = "a two-day visit, then a week-long tour"
    assert [(text[s:e], n) for s, e, n in dates.durations(text)] == [("two-day", 2), ("week-long", 7)]


def test_a_count_of_documents_on_listed_topics_names_one_document_per_topic():
    from pipeline.stages.frame_cues import split_counted_list

    assert split_counted_list("three protocols on trade, health, and education") == [
        "protocol on trade", "protocol on health", "protocol on education"]
    assert split_counted_list("two MoUs on trade, health, and education") == [
        "two MoUs on trade, health, and education"]  # the count disagrees with the list: one title
    assert split_counted_list("ba văn kiện về thương mại, y tế và giáo dục") == [
        "ba văn kiện về thương mại, y tế và giáo dục"]
